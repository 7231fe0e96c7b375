"""Laws of the table form: lossless round trips, one form per set, checks as strict as the model."""

from __future__ import annotations

import math
import random
import tempfile
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
from cattrs.errors import BaseValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from diplostatements import DiplostatementsError, StatementSet
from diplostatements import tables as dt
from diplostatements._tables_read import build
from diplostatements._tables_schema import COLUMNS, Column, Kind
from diplostatements.strategies import rich_statement_sets, statement_sets

sets = st.one_of(rich_statement_sets(), statement_sets(max_claims=12))


class TestRoundTrip:
    """``from_arrow(to_arrow(s)) == s`` for every set the strategies generate."""

    @given(sets)
    def test_arrow(self, s: StatementSet) -> None:
        """The tables read back as the set that wrote them."""
        assert dt.from_arrow(dt.to_arrow(s)) == s

    @given(sets)
    def test_normal_form_is_a_fixed_point(self, s: StatementSet) -> None:
        """What to_arrow writes is already in the normal form validate returns."""
        tables = dt.to_arrow(s)
        assert dt.validate(tables) == tables

    @settings(max_examples=25)
    @given(sets)
    def test_parquet_and_csv(self, s: StatementSet) -> None:
        """A Parquet set and a CSV set read back as the set, any unicode text included."""
        with tempfile.TemporaryDirectory() as directory:
            dt.write_parquet(s, Path(directory, "parquet"))
            dt.write_csv(s, Path(directory, "csv"))
            assert dt.from_arrow(dt.read(Path(directory, "parquet"))) == s
            assert dt.from_arrow(dt.read(Path(directory, "csv"))) == s

    @settings(max_examples=25)
    @given(sets)
    def test_data_frames(self, s: StatementSet) -> None:
        """The frames of to_pandas give back the same tables."""
        tables = dt.to_arrow(s)
        assert dt.Tables.from_pandas(*tables.to_pandas()) == tables


class TestDeterminism:
    """The same set gives the same tables, whatever order it was built in."""

    @given(sets, st.randoms(use_true_random=False))
    def test_order_does_not_matter(self, s: StatementSet, shuffler: random.Random) -> None:
        """Shuffling the items a set is built from changes nothing in its tables."""
        items = [*s.actors.values(), *s.affiliations, *s.part_of, *s]
        shuffler.shuffle(items)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # typo warnings about drawn entity names
            again = StatementSet(items)
        assert dt.to_arrow(again) == dt.to_arrow(s)


# --- validate agrees with the model -----------------------------------------------------------

_TEXTS = ("", " ", "\x1c", "\u3000x", "a b", "x", "RUS", "moscow", "Q5", "en", "EN", "proportion")
_DATES = (None, date(2019, 1, 1), date(2019, 12, 31), date.min, date.max)
_NUMBERS = (None, 0.0, -1.0, 0.5, 1.0, 2.0, math.nan, math.inf)
# Columns whose meaning is the table's structure rather than a value of the model.
_STRUCTURE = frozenset(
    {"statement_id", "type", "claim_index", "has_when", "has_quantity", "relays", "targets"}
)


def _pool(column: Column) -> tuple[Any, ...]:
    """Values to put in a column; null only where it is not read as a default."""
    found = _values(column.kind, column.values)
    if column.default is not None or column.filled:
        return tuple(value for value in found if value is not None)
    return found


def _values(kind: Kind, values: tuple[str, ...]) -> tuple[Any, ...]:  # noqa: PLR0911 -- by kind
    if kind is Kind.ENUM:
        return (None, *values, "bogus")
    if kind is Kind.DATE:
        return _DATES
    if kind is Kind.NUMBER:
        return _NUMBERS
    if kind is Kind.FLAG:
        return (True, False, None)
    if kind is Kind.TEXTS:
        return ([], ["x"], [" "], ["Moscow", "moscow"])  # null reads as empty
    if kind is Kind.JSON:
        return (
            None,
            "{}",
            '{"subject": "x", "predicate": "p"}',
            '{"subject": " ", "predicate": "p"}',
        )
    return (None, *_TEXTS)


def _applies(name: str, level: str, row: dict[str, Any]) -> bool:
    """Whether a value in this column of this row means anything (else it must stay null)."""
    if not level:
        return True
    if name.startswith("source_") and name != "source_publisher":
        return row["source_publisher"] is not None
    if level == "statement":
        rebuttal_column = name in ("rebuttal_kind", "rebuttal_modality")
        return row["type"] == "rebuttal" or not rebuttal_column
    if row["claim_index"] is None:
        return False
    if name.startswith("quantity_"):
        return bool(row["has_quantity"])
    return bool(row["has_when"]) if name.startswith("when_") else True


@st.composite
def mutated(draw: st.DrawFn) -> dt.Tables:
    """Valid tables with one value changed (a statement's value on each of its rows)."""
    tables = dt.to_arrow(draw(statement_sets(max_claims=8)))
    name = draw(st.sampled_from(["actors", "affiliations", "claims"]))
    table: pa.Table = getattr(tables, name)
    columns = [c for c in COLUMNS[name] if c.name not in _STRUCTURE]
    if not table.num_rows:
        return tables
    column = draw(st.sampled_from(columns))
    rows = table.to_pylist()
    row = draw(st.integers(0, len(rows) - 1))
    if not _applies(column.name, column.level, rows[row]):
        return tables
    value = draw(st.sampled_from(_pool(column)))
    values = table.column(column.name).to_pylist()
    for index, other in enumerate(rows):
        same_statement = (
            column.level == "statement" and other["statement_id"] == rows[row]["statement_id"]
        )
        if index == row or same_statement:
            values[index] = value
    kind = pa.string() if column.kind is Kind.ENUM else table.schema.field(column.name).type
    changed = table.set_column(
        table.schema.get_field_index(column.name), column.name, pa.array(values, kind)
    )
    parts = {"actors": tables.actors, "affiliations": tables.affiliations, "claims": tables.claims}
    parts[name] = changed
    return dt.Tables(**parts)


def _model_accepts(tables: dt.Tables) -> bool:
    try:
        normal = [
            table.cast(
                pa.schema(
                    [
                        field.with_type(pa.string())
                        if pa.types.is_dictionary(field.type)
                        else field
                        for field in table.schema
                    ]
                )
            )
            for table in (tables.actors, tables.affiliations, tables.claims)
        ]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            build((normal[0], normal[1], normal[2]), ("actors", "affiliations", "claims"), None)
    except (DiplostatementsError, BaseValidationError, ValueError, TypeError):
        return False
    return True


class TestValidateAgreesWithTheModel:
    """validate accepts tables exactly when the model accepts the values they hold."""

    @settings(max_examples=300)
    @given(mutated())
    def test_one_value_changed(self, tables: dt.Tables) -> None:
        """Changing one value is refused by validate if and only if the model refuses it."""
        try:
            dt.validate(tables)
        except DiplostatementsError:
            accepted = False
        else:
            accepted = True
        assert accepted == _model_accepts(tables)
