"""A statement set as the three Arrow tables of the table form (:func:`tables_of`).

Columns are built as Python lists in one pass over the set, then handed to Arrow whole. The
claims table repeats each statement's columns on every row of the statement: they are built
once per statement and spread over the rows with one ``take``.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, Final

import pyarrow as pa
import pyarrow.compute as pc

from ._converter import MAX_NUMBER, converter
from ._tables_schema import (
    ACTORS,
    AFFILIATIONS,
    CLAIMS,
    RELAY,
    TARGET,
    bounds_of,
    span_columns,
)
from .actors import Actor, ActorKind, Affiliation
from .claims import Claim, Modality, Polarity
from .collection import StatementSet
from .exceptions import FieldError
from .parts import PartOf
from .quantities import Quantity
from .rebuttals import ClaimRef, Rebuttal, RebuttalKind
from .statements import Channel, QuoteKind, Relay, RelayKind, SpeechAct, Statement
from .timespans import TimeSpan

__all__ = ["RELAY_KINDS", "coded_relays", "content_json", "tables_of"]

_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False)


def content_json(claim: Claim) -> str:
    """A nested claim as JSON text, in the file format's encoding of a claim."""
    return _ENCODER.encode(converter.unstructure(claim, Claim))


_CODES: dict[type[enum.Enum], tuple[dict[enum.Enum | None, int | None], pa.Array]] = {}


def _enum(values: Sequence[enum.Enum | None], kind: type[enum.Enum]) -> pa.Array:
    """An enum column: indices into a dictionary of all the enum's values, in their order."""
    codes = _CODES.get(kind)
    if codes is None:
        members = list(kind)
        index: dict[enum.Enum | None, int | None] = {None: None}
        index.update((member, number) for number, member in enumerate(members))
        dictionary = pa.array([str(member.value) for member in members], pa.string())
        codes = _CODES[kind] = (index, dictionary)
    index, dictionary = codes
    return pa.DictionaryArray.from_arrays(
        pa.array([index[value] for value in values], pa.int32()), dictionary
    )


def _spans(spans: Sequence[TimeSpan | None]) -> list[pa.Array]:
    """A span column as its four date columns; an open bound is null, and so is a missing span."""
    columns: tuple[list[date | None], ...] = ([], [], [], [])
    first, second, third, fourth = (column.append for column in columns)
    for span in spans:
        if span is None:
            first(None)
            second(None)
            third(None)
            fourth(None)
            continue
        a, b, c, d = bounds_of(span)
        first(a)
        second(b)
        third(c)
        fourth(d)
    return [pa.array(column, pa.date32()) for column in columns]


def _span_dicts(prefix: str, span: TimeSpan | None) -> dict[str, Any]:
    """A span as the four struct fields named after ``prefix``, and ``has_<prefix>``."""
    bounds = (None, None, None, None) if span is None else bounds_of(span)
    fields: dict[str, Any] = dict(zip(span_columns(prefix), bounds, strict=True))
    fields[f"has_{prefix}"] = span is not None
    return fields


def _table(schema: pa.Schema, columns: Sequence[pa.Array]) -> pa.Table:
    return pa.Table.from_arrays(list(columns), schema=schema)


def _strings(values: Iterable[str | None]) -> pa.Array:
    return pa.array(list(values), pa.string())


def _listed(groups: Iterable[Iterable[Any] | None], kind: pa.DataType) -> pa.Array:
    """A list column from each row's items (None: a null row), built flat with offsets.

    No list is kept per row: a million small containers alive at once make the garbage
    collector walk the whole heap again and again, which cost more than building the column.
    """
    offsets = [0]
    flat: list[Any] = []
    nulls: list[bool] = []
    total = 0
    for group in groups:
        nulls.append(group is None)
        if group:
            before = len(flat)
            flat.extend(group)
            total += len(flat) - before
        offsets.append(total)
    mask = pa.array(nulls, pa.bool_()) if any(nulls) else None
    return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), pa.array(flat, kind), mask=mask)


def _sorted(items: frozenset[str] | None) -> Iterable[str] | None:
    return sorted(items) if items else items


def _actors(actors: Iterable[Actor]) -> pa.Table:
    rows = list(actors)
    return _table(
        ACTORS,
        [
            _strings(actor.id for actor in rows),
            _strings(actor.name for actor in rows),
            _enum([actor.kind for actor in rows], ActorKind),
            _strings(actor.country for actor in rows),
            _listed((_sorted(actor.aliases) for actor in rows), pa.string()),
            _strings(actor.wikidata for actor in rows),
        ],
    )


def _affiliations(affiliations: Sequence[Affiliation], parts: Sequence[PartOf]) -> pa.Table:
    # Part-of links follow the affiliations, as rows with part_of true.
    return _table(
        AFFILIATIONS,
        [
            _strings([*(item.member for item in affiliations), *(p.part for p in parts)]),
            _strings([*(item.organization for item in affiliations), *(p.whole for p in parts)]),
            _strings([*(item.role for item in affiliations), *(None for _ in parts)]),
            *_spans([*(item.span for item in affiliations), *(p.span for p in parts)]),
            pa.array(
                [*(item.speaks_for for item in affiliations), *(False for _ in parts)], pa.bool_()
            ),
            pa.array([False] * len(affiliations) + [True] * len(parts), pa.bool_()),
        ],
    )


def _relays(relays: tuple[Relay, ...]) -> list[dict[str, Any]] | tuple[()]:
    if not relays:
        return ()
    return [
        {"via": relay.via, "kind": relay.kind.value, **_span_dicts("on", relay.on)}
        for relay in relays
    ]


_PLAIN_RELAY: Final = pa.struct(
    [pa.field("kind", pa.string()) if f.name == "kind" else f for f in RELAY]
)


RELAY_KINDS: Final = pa.array([kind.value for kind in RelayKind], pa.string())
"""The dictionary of a relay's kind: every value of the enum, in order."""


def coded_relays(listed: pa.Array, kinds: pa.Array) -> pa.Array:
    """A relays column with each relay's kind coded by :data:`RELAY_KINDS`."""
    relays = pc.list_flatten(listed)
    fields = [pc.struct_field(relays, [index]) for index in range(RELAY.num_fields)]
    codes = pc.index_in(kinds, value_set=RELAY_KINDS).cast(pa.int32())
    fields[1] = pa.DictionaryArray.from_arrays(codes, RELAY_KINDS)
    rebuilt = pa.StructArray.from_arrays(fields, fields=list(RELAY))
    offsets = pc.subtract(listed.offsets, listed.offsets[0])
    mask = listed.is_null() if listed.null_count else None
    return pa.ListArray.from_arrays(offsets, rebuilt, mask=mask)


def _relay_column(rows: Sequence[tuple[Relay, ...]]) -> pa.Array:
    # Built with a plain string kind, then coded as the schema's dictionary.
    plain = _listed((_relays(relays) for relays in rows), _PLAIN_RELAY)
    return coded_relays(plain, pc.struct_field(pc.list_flatten(plain), ["kind"]))


def _targets(statement: Statement) -> list[dict[str, Any]] | None:
    if not isinstance(statement, Rebuttal):
        return None
    return [
        {
            "statement_id": target.statement_id,
            "claim": target.claim,
            "content": target.content or None,
        }
        if isinstance(target, ClaimRef)
        else {"statement_id": target, "claim": None, "content": None}
        for target in statement.targets
    ]


def _statement_columns(statements: Sequence[Statement]) -> list[pa.Array]:
    """The statement columns of the claims table, one row per statement."""
    rebuttals = [statement if isinstance(statement, Rebuttal) else None for statement in statements]
    sources = [statement.source for statement in statements]
    return [
        _strings(statement.id for statement in statements),
        pa.DictionaryArray.from_arrays(
            pa.array([int(rebuttal is not None) for rebuttal in rebuttals], pa.int32()),
            pa.array(["statement", "rebuttal"]),
        ),
        _strings(statement.speaker for statement in statements),
        *_spans([statement.said_on for statement in statements]),
        _strings(statement.on_behalf_of for statement in statements),
        _enum([statement.channel for statement in statements], Channel),
        _enum([statement.act for statement in statements], SpeechAct),
        _strings(statement.text for statement in statements),
        _enum([statement.quote for statement in statements], QuoteKind),
        _relay_column([statement.relays for statement in statements]),
        _strings(None if source is None else source.publisher for source in sources),
        _strings(None if source is None else source.title for source in sources),
        _strings(None if source is None else source.url for source in sources),
        pa.array([None if source is None else source.published for source in sources], pa.date32()),
        _strings(statement.language for statement in statements),
        _listed((_targets(statement) for statement in statements), TARGET),
        _enum(
            [None if rebuttal is None else rebuttal.kind for rebuttal in rebuttals], RebuttalKind
        ),
        _enum(
            [None if rebuttal is None else rebuttal.modality for rebuttal in rebuttals], Modality
        ),
        _listed((statement.cosigners or None for statement in statements), pa.string()),
    ]


def _number(value: float | None, path: Callable[[], str]) -> float | None:
    if value is None:
        return None
    if abs(value) > MAX_NUMBER:
        # A float64 column holds every integer up to 2**53 exactly, and no further.
        raise FieldError(path(), f"a number of at most {MAX_NUMBER} in size", value)
    return float(value)


def _claim_columns(
    claims: Sequence[Claim | None], indices: Sequence[int | None], owners: Sequence[Statement]
) -> list[pa.Array]:
    """The claim columns of the claims table, one row per claim (None: a claimless row)."""
    quantities: list[Quantity | None] = [None if c is None else c.quantity for c in claims]

    def where(row: int, end: str) -> Callable[[], str]:
        return lambda: f"Statement({owners[row].id!r}).claims[{indices[row]}].quantity.{end}"

    lows = [
        None if q is None else _number(q.low, where(row, "low")) for row, q in enumerate(quantities)
    ]
    highs = [
        None if q is None else _number(q.high, where(row, "high"))
        for row, q in enumerate(quantities)
    ]
    whens = [None if c is None else c.when for c in claims]
    return [
        pa.array(indices, pa.int32()),
        _strings(None if c is None else c.subject for c in claims),
        _strings(None if c is None else c.predicate for c in claims),
        _strings(None if c is None else c.object for c in claims),
        _enum([None if c is None else c.polarity for c in claims], Polarity),
        _enum([None if c is None else c.modality for c in claims], Modality),
        pa.array([None if c is None else c.quantity is not None for c in claims], pa.bool_()),
        pa.array(lows, pa.float64()),
        pa.array(highs, pa.float64()),
        _strings(None if q is None else q.unit for q in quantities),
        _strings(None if q is None else q.text for q in quantities),
        pa.array([None if q is None else q.low_open for q in quantities], pa.bool_()),
        pa.array([None if q is None else q.high_open for q in quantities], pa.bool_()),
        pa.array([None if c is None else c.when is not None for c in claims], pa.bool_()),
        *_spans(whens),
        _strings(None if c is None else c.where for c in claims),
        _listed((None if c is None else _sorted(c.qualifiers) for c in claims), pa.string()),
        _strings(
            None if c is None or c.content is None else content_json(c.content) for c in claims
        ),
    ]


def _claims(statements: Sequence[Statement]) -> pa.Table:
    rows: list[int] = []
    claims: list[Claim | None] = []
    indices: list[int | None] = []
    owners: list[Statement] = []
    for number, statement in enumerate(statements):
        if not statement.claims:
            rows.append(number)
            claims.append(None)
            indices.append(None)
            owners.append(statement)
            continue
        for index, claim in enumerate(statement.claims):
            rows.append(number)
            claims.append(claim)
            indices.append(index)
            owners.append(statement)
    columns = _statement_columns(statements)
    if len(rows) != len(statements):
        spread = pa.array(rows, pa.int32())
        columns = [column.take(spread) for column in columns]
    return _table(CLAIMS, [*columns, *_claim_columns(claims, indices, owners)])


def tables_of(statements: StatementSet) -> tuple[pa.Table, pa.Table, pa.Table]:
    """The set's actors, affiliations and claims tables, each in the set's order.

    Raises:
        FieldError: a quantity's end is larger than a float64 column holds exactly (2**53).
    """
    return (
        _actors(statements.actors.values()),
        _affiliations(statements.affiliations, statements.part_of),
        _claims(statements.timeline()),
    )
