"""The table path's key rows beyond the claims table's own: content, and claims about parts.

:mod:`~diplostatements.checker._tables` keeps the rows whose keys may hold a clash. Nested content
is not a row of the claims table, yet the checker compares some of it as an assertion: content an
attributive claim conveys ("Russia informed us that X") meets the assertions of the side it is
attributed to (ATTRIBUTION), and content a rebuttal denies (``ClaimRef(..., content=n)``) is
negated. :func:`content_rows` reads that content (only on the rows that convey it) into key rows
of their own, each pointing back to the row that conveys it, so that the same producers key it
as any claim: a conveying statement is kept when its content's keys hold a clash.

A distributive claim about a part is lifted to the part's wholes (PartOf links, held in the
affiliations table as rows with ``part_of`` true). A lifted claim meets claims about the whole (as
subject or, for a symmetric predicate, object) or, for an inverse-functional predicate, claims of
that predicate, stated or implied: so :func:`part_rows` picks the claims of distributive predicates
(and of those implying one), and every claim whose subject or object is a whole.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

import pyarrow as pa
import pyarrow.compute as pc

from .._fast import Reader
from .._tables_content import PLAIN_FIELDS, parse_content
from .._tables_schema import bounds_of
from ..claims import Claim
from ..quantities import Quantity
from ..vocabulary import Vocabulary
from ._notes import Used, names_of

__all__ = ["Content", "content_rows", "names_used", "part_rows"]


class Content(NamedTuple):
    """Key rows for nested content, as columns: what :func:`content_rows` found.

    Each row is a claim some row of the claims table conveys (``origin``), with its period as
    the checker reads it (day numbers, ``None``: unbounded) and whether a rebuttal may deny it.
    """

    origin: list[int]
    subject: list[str]
    predicate: list[str]
    object: list[str | None]
    affirmed: list[bool]
    rebutted: list[bool]
    low: list[float | None]
    high: list[float | None]
    low_open: list[bool | None]
    high_open: list[bool | None]
    unit: list[str | None]
    start: list[int | None]
    end: list[int | None]


def content_rows(
    content: pa.Array,
    predicate: pa.Array,
    affirmed: pa.Array,
    rebutted: pa.Array,
    *,
    periods: tuple[pa.Array, pa.Array],
    actors: pa.Table,
    vocabulary: Vocabulary,
) -> Content:
    """The content the checker compares as an assertion, as key rows of their own.

    Content an affirmed claim of an attributive predicate conveys is attributed to a side
    (ATTRIBUTION); nested content of a claim a rebuttal targets may be denied at any depth
    (``ClaimRef(..., content=n)``), so each level of it is a row that a rebuttal may negate.
    A row's period is its ``when``; without one, the period of the claim conveying it, or all
    time for a timeless predicate (as the rows stage reads it).

    Args:
        content: each claims-table row's nested content, as JSON text (null: none).
        predicate: each row's predicate (strings; null: a row without a claim).
        affirmed: whether each row's claim is affirmed (bool).
        rebutted: whether a rebuttal targets each row's statement (bool).
        periods: each row's first and last day as day numbers (int32; the unbounded ends as
            the table path codes them).
        actors: its actors table (content names an actor by an alias as well as by its id).
        vocabulary: which predicates are attributive, and which timeless.
    """
    found = Content([], [], [], [], [], [], [], [], [], [], [], [], [])
    names = [name for name, meaning in vocabulary.items() if meaning.attributive]
    telling = pc.and_(
        pc.fill_null(pc.is_in(predicate, value_set=pa.array(names, pa.string())), False), affirmed
    )
    rows = pc.indices_nonzero(pc.and_(pc.is_valid(content), pc.or_(telling, rebutted)))
    if len(rows) == 0:
        return found
    texts = pc.take(content, rows)
    # Most content is a plain subject, predicate and object (as the library writes it): Arrow
    # reads those fields out of the text; any other content is read as a claim.
    fields = pc.extract_regex(texts, PLAIN_FIELDS)
    plain = zip(
        *(pc.struct_field(fields, name).to_pylist() for name in ("subject", "predicate", "object")),
        strict=True,
    )
    denied = pc.take(rebutted, rows).to_pylist()
    starts = pc.take(periods[0], rows).to_pylist()
    ends = pc.take(periods[1], rows).to_pylist()
    aliases = _aliases(actors)
    timeless = {name for name, predicate in vocabulary.items() if predicate.timeless}
    reader = Reader()
    for row, text, (subject, name, obj), deniable, start, end in zip(
        rows.to_pylist(), texts.to_pylist(), plain, denied, starts, ends, strict=True
    ):
        if subject is not None:  # affirmed, no quantity, no period of its own, no content
            span = (None, None) if name in timeless else (start, end)
            _add(found, row, (subject, name, obj or None, True, None), aliases, deniable, span)
            continue
        claim: Claim | None = parse_content(text, reader)
        span = (start, end)
        while claim is not None:
            if claim.when is not None:
                first, _, _, last = bounds_of(claim.when)
                span = (
                    None if first is None else first.toordinal() - _EPOCH,
                    None if last is None else last.toordinal() - _EPOCH,
                )
            elif claim.predicate in timeless:
                span = (None, None)
            said = (claim.subject, claim.predicate, claim.object, claim.affirmed, claim.quantity)
            _add(found, row, said, aliases, deniable, span)
            # Only a rebuttal reaches deeper than the content a claim conveys.
            claim = claim.content if deniable else None
    return found


_EPOCH = date(1970, 1, 1).toordinal()
"""Day numbers count from here (as Arrow's ``date32``)."""


def _add(  # noqa: PLR0917 -- a key row's fields, as the two callers have them
    found: Content,
    row: int,
    said: tuple[str, str, str | None, bool, Quantity | None],
    aliases: dict[str, str],
    deniable: bool,
    span: tuple[int | None, int | None],
) -> None:
    """One key row: ``said`` is the claim's subject, predicate, object, polarity and quantity."""
    subject, predicate, obj, affirmed, quantity = said
    found.origin.append(row)
    found.subject.append(_resolved(subject, aliases))
    found.predicate.append(predicate)
    found.object.append(None if obj is None else _resolved(obj, aliases))
    found.affirmed.append(affirmed)
    found.rebutted.append(deniable)
    found.low.append(None if quantity is None else quantity.low)
    found.high.append(None if quantity is None else quantity.high)
    found.low_open.append(None if quantity is None else quantity.low_open)
    found.high_open.append(None if quantity is None else quantity.high_open)
    found.unit.append(None if quantity is None else quantity.unit)
    found.start.append(span[0])
    found.end.append(span[1])


def names_used(claims: pa.Table, actors: pa.Table) -> Used:
    """The predicates and entity names the claims table's claims use, nested content included.

    Their distinct values are found now; nested content (JSON text) is read, and the names in
    it resolved as a set resolves them, only when the result is asked for.
    """
    predicates = pc.unique(_strings(claims["predicate"])).drop_null()
    subjects = pc.unique(_strings(claims["subject"])).drop_null()
    objects = pc.unique(_strings(claims["object"])).drop_null()
    texts = pc.unique(claims["content"]).drop_null()

    def used() -> tuple[set[str], set[str]]:
        aliases = _aliases(actors) if len(texts) else {}
        reader = Reader()
        names, entities = names_of(
            (parse_content(text, reader) for text in texts.to_pylist()),
            lambda name: _resolved(name, aliases),
        )
        names.update(predicates.to_pylist())
        entities.update(subjects.to_pylist())
        entities.update(objects.to_pylist())
        return names, entities

    return used


def _resolved(name: str, aliases: dict[str, str]) -> str:
    """The actor id a name stands for (see :func:`_aliases`), or the name itself."""
    found = aliases.get(name)
    return found if found is not None else aliases.get(name.casefold(), name)


def part_rows(
    subject: pa.Array,
    obj: pa.Array,
    predicate: pa.Array,
    affiliations: pa.Table,
    vocabulary: Vocabulary,
) -> pa.Array | None:
    """Which key rows a finding through part-of links may hold (bool; None: no part-of links).

    Args:
        subject: each key row's subject (strings).
        obj: each key row's object (strings; null: none).
        predicate: each key row's predicate (strings; null: a row without a claim).
        affiliations: the affiliations table, part-of links among them.
        vocabulary: which predicates are distributive.
    """
    if "part_of" not in affiliations.column_names or affiliations.num_rows == 0:
        return None
    links = pc.fill_null(affiliations["part_of"], False)
    wholes = pc.unique(pc.filter(_strings(affiliations["organization"]), links))
    if len(wholes) == 0:
        return None
    lifting = [
        name
        for name, predicate in vocabulary.items()
        if any(
            vocabulary[chain[-1]].distributive
            for chain in ((name,), *vocabulary.implications(name))
        )
    ]
    return pc.or_(
        pc.fill_null(pc.is_in(predicate, value_set=pa.array(lifting, pa.string())), False),
        pc.or_(
            pc.fill_null(pc.is_in(subject, value_set=wholes), False),
            pc.fill_null(pc.is_in(obj, value_set=wholes), False),
        ),
    )


def _aliases(actors: pa.Table) -> dict[str, str]:
    """Each name content may use for an actor -> its id: ids as they are, aliases casefolded.

    As a set resolves names: an id is itself; any other name is looked up casefolded.
    """
    if actors.num_rows == 0:
        return {}
    ids = actors["id"].to_pylist()
    found: dict[str, str] = {}
    if "aliases" in actors.column_names:
        for ident, names in zip(ids, actors["aliases"].to_pylist(), strict=True):
            for name in names or ():
                found[name.casefold()] = ident
    found.update((ident, ident) for ident in ids)
    return found


def _strings(column: Any) -> Any:
    """A column as plain strings (enum columns are dictionary-encoded)."""
    return column.cast(pa.string()) if pa.types.is_dictionary(column.type) else column
