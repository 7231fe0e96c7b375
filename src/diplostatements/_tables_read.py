"""Model objects from tables in the normal form (:func:`items_of`), and the set they make.

The tables have passed :func:`diplostatements.tables.validate`, so every value is of its type
and every rule holds; the model's constructors check again as they build, and anything they
refuse is reported with the row it came from rather than escaping as it is.
"""

from __future__ import annotations

import enum
import warnings
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from typing import Any, Final

import pyarrow as pa
import pyarrow.compute as pc

from ._problems import relocate
from ._tables_content import parse_content
from ._tables_found import Found
from ._tables_schema import span_columns, span_of
from ._validation import EMPTY
from .actors import Actor, ActorKind, Affiliation
from .claims import Claim, Modality, Polarity
from .collection import Item, StatementSet
from .exceptions import DiplostatementsError, FieldError, ValidationError
from .parts import PartOf
from .quantities import Quantity
from .rebuttals import ClaimRef, Rebuttal, RebuttalKind
from .statements import Channel, QuoteKind, Relay, RelayKind, Source, SpeechAct, Statement
from .timespans import TimeSpan

__all__ = ["build"]


_EPOCH: Final = date(1970, 1, 1).toordinal()
_ENUMS: Final[Mapping[str, type[enum.Enum]]] = {
    "kind": ActorKind,
    "channel": Channel,
    "act": SpeechAct,
    "quote": QuoteKind,
    "rebuttal_kind": RebuttalKind,
    "rebuttal_modality": Modality,
    "polarity": Polarity,
    "modality": Modality,
}


class _Reader:
    """A table's columns as Python values, read the cheap way for each type.

    Enums come as their members and dates as shared ``date`` objects (read as day numbers),
    spans as shared :class:`~diplostatements.TimeSpan` values, lists only where they are not
    empty: Arrow's own conversion makes a new object per value, which costs more than the model
    objects made from them.
    """

    def __init__(self, table: pa.Table) -> None:
        self.table = table
        self.rows = table.num_rows
        self._days: dict[int, date] = {}
        self._spans: dict[tuple[int | None, ...], TimeSpan] = {}

    def _column(self, name: str) -> pa.Array:
        column = self.table.column(name)
        return column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column

    def values(self, name: str) -> list[Any]:
        column = self._column(name)
        kind = column.type
        if pa.types.is_dictionary(kind):
            words = column.dictionary.to_pylist()
            members = _ENUMS.get(name)
            mapped = words if members is None else [members(word) for word in words]
            return [None if i is None else mapped[i] for i in column.indices.to_pylist()]
        if pa.types.is_date32(kind):
            return [None if day is None else self._day(day) for day in self._day_numbers(column)]
        if pa.types.is_list(kind):
            return self._lists(column)
        return list(column.to_pylist())

    def _day_numbers(self, column: pa.Array) -> list[int | None]:
        return list(column.cast(pa.int32()).to_pylist())

    def _day(self, number: int) -> date:
        day = self._days.get(number)
        if day is None:
            day = self._days[number] = date.fromordinal(number + _EPOCH)
        return day

    def _lists(self, column: pa.Array) -> list[Any]:
        lengths = pc.fill_null(pc.list_value_length(column), -1).to_pylist()
        full = pc.indices_nonzero(pc.greater(pc.list_value_length(column), 0))
        values: list[Any] = [None if length < 0 else [] for length in lengths]
        if len(full):
            for row, value in zip(full.to_pylist(), column.take(full).to_pylist(), strict=True):
                values[row] = value
        return values

    def spans(self, prefix: str) -> list[TimeSpan]:
        """The span of each row (rows without one get the span of four nulls: always)."""
        columns = [self._day_numbers(self._column(name)) for name in span_columns(prefix)]
        result = []
        for bounds in zip(*columns, strict=True):
            span = self._spans.get(bounds)
            if span is None:
                days = [None if bound is None else self._day(bound) for bound in bounds]
                span = self._spans[bounds] = span_of(days)
            result.append(span)
        return result


def _number(value: float | None) -> int | float | None:
    # A whole number comes back as the int the model's constructors make of it.
    if value is not None and value.is_integer():
        return int(value)
    return value


def _actors(table: pa.Table) -> Iterator[Actor]:
    read = _Reader(table)
    names = ("id", "name", "kind", "country", "aliases", "wikidata")
    columns = [read.values(name) for name in names]
    for ident, name, kind, country, aliases, wikidata in zip(*columns, strict=True):
        yield Actor(ident, name, kind, country=country, aliases=aliases or EMPTY, wikidata=wikidata)


def _affiliations(table: pa.Table) -> Iterator[Affiliation | PartOf]:
    read = _Reader(table)
    names = ("member", "organization", "role", "speaks_for", "part_of")
    columns = [read.values(name) for name in names]
    for member, organization, role, speaks_for, part_of, span in zip(
        *columns, read.spans("span"), strict=True
    ):
        if part_of:
            if role is not None or speaks_for:
                # validate says so with the row; a part-of link has neither
                raise FieldError("PartOf", "a part-of row without role or speaks_for", role)
            yield PartOf(member, organization, span=span)
        else:
            yield Affiliation(member, organization, role=role, span=span, speaks_for=speaks_for)


def _relay(value: dict[str, Any]) -> Relay:
    on = None
    if value["has_on"]:
        on = span_of([value[name] for name in span_columns("on")])
    return Relay(value["via"], kind=RelayKind(value["kind"]), on=on)


def _target(value: dict[str, Any]) -> str | ClaimRef:
    ident: str = value["statement_id"]
    if value["claim"] is None:
        return ident
    return ClaimRef(ident, value["claim"], content=value.get("content") or 0)


_STATEMENT: Final = (
    "statement_id",
    "type",
    "speaker",
    "on_behalf_of",
    "channel",
    "act",
    "text",
    "quote",
    "relays",
    "source_publisher",
    "source_title",
    "source_url",
    "source_published",
    "language",
    "targets",
    "rebuttal_kind",
    "rebuttal_modality",
    "cosigners",
)
_CLAIM: Final = (
    "claim_index",
    "subject",
    "predicate",
    "object",
    "polarity",
    "modality",
    "has_quantity",
    "quantity_low",
    "quantity_high",
    "quantity_unit",
    "quantity_text",
    "quantity_low_open",
    "quantity_high_open",
    "has_when",
    "where",
    "qualifiers",
    "content",
)


def _claim(values: Sequence[Any], when: TimeSpan, contents: dict[str, Claim]) -> Claim:
    (
        _,
        subject,
        predicate,
        obj,
        polarity,
        modality,
        has_quantity,
        low,
        high,
        unit,
        text,
        low_open,
        high_open,
        has_when,
        where,
        qualifiers,
        content,
    ) = values
    quantity = None
    if has_quantity:
        quantity = Quantity(
            _number(low),
            _number(high),
            unit=unit,
            text=text,
            low_open=low_open,
            high_open=high_open,
        )
    nested = None
    if content is not None:
        nested = contents.get(content)
        if nested is None:
            nested = contents[content] = parse_content(content)
    return Claim(
        subject,
        predicate,
        obj,
        content=nested,
        polarity=polarity,
        modality=modality,
        quantity=quantity,
        when=when if has_when else None,
        where=where,
        qualifiers=qualifiers or EMPTY,
    )


def _statement(values: Sequence[Any], said_on: TimeSpan, claims: list[Claim]) -> Statement:
    (
        ident,
        kind,
        speaker,
        behalf,
        channel,
        act,
        text,
        quote,
        relays,
        publisher,
        title,
        url,
        published,
        language,
        targets,
        rebuttal_kind,
        rebuttal_modality,
        cosigners,
    ) = values
    source = None
    if publisher is not None:
        source = Source(publisher, title=title, url=url, published=published)
    fields: dict[str, Any] = {
        "on_behalf_of": behalf,
        "channel": channel,
        "act": act,
        "text": text,
        "quote": quote,
        "relays": tuple(_relay(relay) for relay in relays) if relays else (),
        "source": source,
        "language": language,
        "cosigners": cosigners or (),
    }
    if kind == "rebuttal":
        return Rebuttal(
            ident,
            speaker,
            said_on,
            claims,
            targets=[_target(target) for target in targets],
            kind=rebuttal_kind,
            modality=rebuttal_modality,
            **fields,
        )
    return Statement(ident, speaker, said_on, claims, **fields)


def _statements(table: pa.Table, label: str, found: Found) -> Iterator[tuple[int, Statement]]:
    read = _Reader(table)
    idents = read.values(_STATEMENT[0])
    # Each row's values as one tuple, made by zip in C rather than picked column by column.
    statement_rows = list(zip(idents, *(read.values(name) for name in _STATEMENT[1:]), strict=True))
    claim_rows = list(zip(*(read.values(name) for name in _CLAIM), strict=True))
    said = read.spans("said_on")
    whens = read.spans("when")
    contents: dict[str, Claim] = {}
    rows_of: dict[str, list[int]] = {}
    for row, ident in enumerate(idents):
        rows_of.setdefault(ident, []).append(row)
    for rows in rows_of.values():
        first = rows[0]
        claims: list[tuple[int, Claim]] = []
        try:
            for row in rows:
                values = claim_rows[row]
                if values[0] is not None:
                    claims.append((values[0], _claim(values, whens[row], contents)))
            claims.sort(key=lambda pair: pair[0])
            yield first, _statement(statement_rows[first], said[first], [c for _, c in claims])
        except FieldError as error:  # pragma: no cover -- validate checks every field first
            where = f"{label}: row {first} ({error.path})"
            found.add((2, first, 0), FieldError(where, error.expected, error.got))


def build(
    tables: tuple[pa.Table, pa.Table, pa.Table], labels: Sequence[str], source: str | None
) -> StatementSet:
    """The set the tables hold (every problem the model finds is reported with its row)."""
    actors, affiliations, claims = tables
    found = Found()
    items: list[Item] = []
    places: list[str] = []
    made: tuple[Iterator[Item], Iterator[Item]] = (_actors(actors), _affiliations(affiliations))
    for position, each in enumerate(made):
        try:
            for row, item in enumerate(each):
                items.append(item)
                places.append(f"{labels[position]}: row {row}")
        except FieldError as error:  # pragma: no cover -- validate checks every field first
            found.add((position, len(places), 0), error)
    for row, statement in _statements(claims, labels[2], found):
        items.append(statement)
        places.append(f"{labels[2]}: row {row}")
    found.check(source)
    with warnings.catch_warnings():
        # Typo warnings are for a person typing a set in; tables are read as they are.
        warnings.simplefilter("ignore")
        try:
            return StatementSet(items)
        except ValidationError as error:  # pragma: no cover -- validate checks references first
            for problem in error.exceptions:
                assert isinstance(problem, DiplostatementsError)
                found.add((3, 0, 0), _relocated(problem, items, places))
    found.check(source)  # pragma: no cover
    raise AssertionError  # pragma: no cover


def _relocated(
    problem: DiplostatementsError, items: list[Item], places: list[str]
) -> DiplostatementsError:  # pragma: no cover -- see build
    path = getattr(problem, "path", "")
    if isinstance(path, str) and path.startswith("[") and "]" in path:
        position = int(path[1 : path.index("]")])
        item = items[position]
        if isinstance(item, Actor | Statement):
            name = f"{type(item).__name__}({item.id!r})"
        elif isinstance(item, Affiliation):
            name = f"Affiliation({item.member!r}, {item.organization!r})"
        else:
            name = f"PartOf({item.part!r}, {item.whole!r})"
        return relocate(problem, f"[{position}] {name}", places[position])
    return problem
