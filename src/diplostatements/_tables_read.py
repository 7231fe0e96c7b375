"""Model objects from tables in the normal form (:func:`items_of`), and the set they make.

The tables have passed :func:`diplostatements.tables.validate`, so every value is of its type
and every rule holds; the model's constructors check again as they build, and anything they
refuse is reported with the row it came from rather than escaping as it is.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

import pyarrow as pa

from ._problems import relocate
from ._tables_check import parse_content
from ._tables_found import Found
from ._tables_schema import span_columns, span_of
from .actors import Actor, Affiliation
from .claims import Claim
from .collection import Item, StatementSet
from .exceptions import DiplostatementsError, FieldError, ValidationError
from .quantities import Quantity
from .rebuttals import ClaimRef, Rebuttal
from .statements import Relay, Source, Statement
from .timespans import TimeSpan

__all__ = ["build"]


def _columns(table: pa.Table, names: Sequence[str]) -> list[list[Any]]:
    return [table.column(name).to_pylist() for name in names]


def _span(*bounds: date | None) -> TimeSpan:
    return span_of(bounds)


def _number(value: float | None) -> int | float | None:
    # A whole number comes back as the int the model's constructors make of it.
    if value is not None and value.is_integer():
        return int(value)
    return value


def _actors(table: pa.Table) -> Iterator[Actor]:
    names = ("id", "name", "kind", "country", "aliases", "wikidata")
    for ident, name, kind, country, aliases, wikidata in zip(*_columns(table, names), strict=True):
        yield Actor(ident, name, kind, country=country, aliases=aliases, wikidata=wikidata)


def _affiliations(table: pa.Table) -> Iterator[Affiliation]:
    names = ("member", "organization", "role", *span_columns("span"), "speaks_for")
    for member, organization, role, *span, speaks_for in zip(*_columns(table, names), strict=True):
        yield Affiliation(member, organization, role=role, span=_span(*span), speaks_for=speaks_for)


def _relay(value: dict[str, Any]) -> Relay:
    on = None
    if value["has_on"]:
        on = _span(*(value[name] for name in span_columns("on")))
    return Relay(value["via"], kind=value["kind"], on=on)


def _target(value: dict[str, Any]) -> str | ClaimRef:
    ident: str = value["statement_id"]
    return ident if value["claim"] is None else ClaimRef(ident, value["claim"])


_STATEMENT = (
    "statement_id",
    "type",
    "speaker",
    *span_columns("said_on"),
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
)
_CLAIM = (
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
    *span_columns("when"),
    "where",
    "qualifiers",
    "content",
)


def _claim(values: Sequence[Any]) -> Claim:
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
        *rest,
    ) = values
    *when, where, qualifiers, content = rest
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
    return Claim(
        subject,
        predicate,
        obj,
        content=None if content is None else parse_content(content),
        polarity=polarity,
        modality=modality,
        quantity=quantity,
        when=_span(*when) if has_when else None,
        where=where,
        qualifiers=qualifiers,
    )


def _statement(values: Sequence[Any], claims: list[Claim]) -> Statement:
    (
        ident,
        kind,
        speaker,
        *rest,
    ) = values
    said_on, rest = rest[:4], rest[4:]
    (
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
    ) = rest
    source = None
    if publisher is not None:
        source = Source(publisher, title=title, url=url, published=published)
    fields: dict[str, Any] = {
        "on_behalf_of": behalf,
        "channel": channel,
        "act": act,
        "text": text,
        "quote": quote,
        "relays": [_relay(relay) for relay in relays],
        "source": source,
        "language": language,
    }
    if kind == "rebuttal":
        return Rebuttal(
            ident,
            speaker,
            _span(*said_on),
            claims,
            targets=[_target(target) for target in targets],
            kind=rebuttal_kind,
            modality=rebuttal_modality,
            **fields,
        )
    return Statement(ident, speaker, _span(*said_on), claims, **fields)


def _statements(table: pa.Table, label: str, found: Found) -> Iterator[tuple[int, Statement]]:
    statement_columns = _columns(table, _STATEMENT)
    claim_columns = _columns(table, _CLAIM)
    rows_of: dict[str, list[int]] = {}
    for row, ident in enumerate(statement_columns[0]):
        rows_of.setdefault(ident, []).append(row)
    for rows in rows_of.values():
        first = rows[0]
        claims: list[tuple[int, Claim]] = []
        try:
            for row in rows:
                values = [column[row] for column in claim_columns]
                if values[0] is not None:
                    claims.append((values[0], _claim(values)))
            claims.sort(key=lambda pair: pair[0])
            statement_values = [column[first] for column in statement_columns]
            yield first, _statement(statement_values, [claim for _, claim in claims])
        except FieldError as error:  # pragma: no cover -- validate checks every field first
            where = f"{label}: row {first} ({error.path})"
            found.add((2, first, 0), FieldError(where, error.expected, error.got))


def build(
    tables: tuple[pa.Table, pa.Table, pa.Table], labels: Sequence[str], source: str
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
        name = (
            f"{type(item).__name__}({item.id!r})"
            if isinstance(item, Actor | Statement)
            else f"Affiliation({item.member!r}, {item.organization!r})"
        )
        return relocate(problem, f"[{position}] {name}", places[position])
    return problem
