"""Tests for diplostatements.tables: the table form, its checks, Parquet, CSV and data frames."""

from __future__ import annotations

import importlib.util
import json
import pickle
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from diplostatements import (
    Actor,
    Affiliation,
    Claim,
    ClaimRef,
    DuplicateIdError,
    FieldError,
    FileError,
    ParseError,
    Quantity,
    Rebuttal,
    Relay,
    Source,
    Statement,
    StatementSet,
    TimeSpan,
    UnknownReferenceError,
    ValidationError,
    examples,
    tables,
)
from diplostatements import io as dio
from diplostatements._problems import MAX_PROBLEMS
from diplostatements.exceptions import MissingExtraError

Mutation = Callable[[tables.Tables], tables.Tables]

DOCS = Path(__file__).parent.parent / "docs"


def small_set() -> StatementSet:
    """Two statements and a denial: relays, a source, quantities, content, an alias."""
    return StatementSet(
        [
            Actor.state("RUS", aliases={"Moscow"}),
            Actor.state("USA"),
            Actor.state("VEN"),
            Actor.person("peskov", "Dmitry Peskov", country="RUS"),
            Actor.person("trump", "Donald Trump"),
            Actor.organization("interfax", "Interfax", kind="media"),
            Affiliation("peskov", "RUS", role="spokesman", speaks_for=True),
            Affiliation("trump", "USA", span=TimeSpan.since(date(2017, 1, 20)), speaks_for=True),
            Statement(
                "tweet",
                "trump",
                date(2019, 6, 3),
                [
                    Claim(
                        "RUS",
                        "informed",
                        "USA",
                        content=Claim(
                            "RUS", "withdrew_personnel_from", "VEN", quantity=Quantity.parse("most")
                        ),
                    ),
                    Claim(
                        "RUS",
                        "has_personnel_in",
                        "VEN",
                        quantity=Quantity(24, 60),
                        when=TimeSpan.sometime_in(2019, 3),
                        qualifiers={"military"},
                    ),
                ],
                relays=[Relay("interfax", kind="reported", on=date(2019, 6, 4))],
                source=Source("wsj", title="Russia denies", published=date(2019, 6, 4)),
                language="en",
            ),
            Rebuttal(
                "denial",
                "peskov",
                date(2019, 6, 4),
                targets=[ClaimRef("tweet", 0)],
                kind="denial",
            ),
        ]
    )


SMALL = tables.to_arrow(small_set())


def replaced(table: pa.Table, name: str, values: Any, kind: Any = None) -> pa.Table:
    """The table with one column replaced (its type taken from the old column unless given)."""
    column = (
        values
        if isinstance(values, pa.Array)
        else pa.array(values, kind or table.schema.field(name).type)
    )
    return table.set_column(table.schema.get_field_index(name), name, column)


def cell(table: pa.Table, name: str, row: int, value: Any, kind: Any = None) -> pa.Table:
    """The table with one value replaced."""
    values = table.column(name).to_pylist()
    values[row] = value
    return replaced(table, name, values, kind)


def claims(change: Callable[[pa.Table], pa.Table]) -> Mutation:
    """A mutation of the claims table."""
    return lambda t: tables.Tables(t.actors, t.affiliations, change(t.claims))


def actors(change: Callable[[pa.Table], pa.Table]) -> Mutation:
    """A mutation of the actors table."""
    return lambda t: tables.Tables(change(t.actors), t.affiliations, t.claims)


def affiliations(change: Callable[[pa.Table], pa.Table]) -> Mutation:
    """A mutation of the affiliations table."""
    return lambda t: tables.Tables(t.actors, change(t.affiliations), t.claims)


def problems_of(given: tables.Tables) -> list[str]:
    """The problems validate reports (it must reject the tables)."""
    with pytest.raises(ValidationError) as caught:
        tables.validate(given)
    return caught.value.problems


class TestImport:
    def test_core_imports_without_pyarrow(self) -> None:
        """The package and its JSON files work with pyarrow blocked; tables name the extra."""
        script = (
            "import sys; sys.modules['pyarrow'] = None\n"
            "import diplostatements, diplostatements.io as dio\n"
            "s = diplostatements.examples.venezuela_2019()\n"
            "assert dio.loads(dio.dumps(s)) == s\n"
            "try:\n"
            "    import diplostatements.tables\n"
            "except diplostatements.exceptions.MissingExtraError as error:\n"
            "    print(error)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        assert result.stdout == (
            "diplostatements.tables needs pyarrow, which is not installed;"
            " install the 'tables' extra: pip install -e '.[tables]' in a checkout of"
            " diplostatements, or pip install pyarrow\n"
        )

    def test_missing_pyarrow_raises_the_library_error(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Loading the module without pyarrow raises MissingExtraError, an ImportError."""
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        spec = importlib.util.spec_from_file_location(
            "diplostatements._tables_probe", tables.__file__
        )
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        with pytest.raises(MissingExtraError) as caught:
            spec.loader.exec_module(module)
        assert isinstance(caught.value, ImportError)
        assert (caught.value.name, caught.value.extra) == ("pyarrow", "tables")

    def test_io_names_the_extra_for_table_formats(self, tmp_path: Path) -> None:
        """io.dump to Parquet without pyarrow is the library's error, not a traceback."""
        script = (
            "import sys; sys.modules['pyarrow'] = None\n"
            "import diplostatements.io as dio, diplostatements as d\n"
            "try:\n"
            f"    dio.dump(d.StatementSet(), {str(tmp_path)!r}, format='parquet')\n"
            "except d.DiplostatementsError as error:\n"
            "    print(type(error).__name__)\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        assert result.stdout == "MissingExtraError\n"


class TestMissingExtraError:
    def test_message_and_kind(self) -> None:
        """It names the extra (or the package) to install, and is an ImportError from the root."""
        import diplostatements  # noqa: PLC0415

        error = MissingExtraError("Tables.to_pandas", "pandas")
        assert str(error) == (
            "Tables.to_pandas needs pandas, which is not installed; install it with: pip install"
            " pandas"
        )
        assert diplostatements.MissingExtraError is MissingExtraError
        assert "MissingExtraError" in diplostatements.__all__

    def test_pickles(self) -> None:
        """It survives pickling, as every library error does."""
        error = MissingExtraError("diplostatements.tables", "pyarrow", "tables")
        again = pickle.loads(pickle.dumps(error))
        assert (str(again), again.extra, again.name) == (str(error), "tables", "pyarrow")


class TestTables:
    def test_tables_left_out_are_empty(self) -> None:
        """A table left out is an empty table of its schema."""
        empty = tables.Tables()
        assert empty.claims.schema.equals(tables.CLAIMS)
        assert tables.from_arrow(empty) == StatementSet()

    def test_repr_counts_rows(self) -> None:
        """The repr gives each table's number of rows."""
        assert repr(SMALL) == "Tables(actors=6 rows, affiliations=2 rows, claims=3 rows)"
        assert repr(tables.Tables(claims=SMALL.claims.slice(0, 1))).endswith("claims=1 row)")

    def test_equality_is_by_value(self) -> None:
        """Tables holding the same values are equal; they are not hashable."""
        assert tables.to_arrow(small_set()) == SMALL
        assert tables.Tables(SMALL.actors) != SMALL
        assert SMALL.__eq__(5) is NotImplemented
        with pytest.raises(TypeError):
            hash(SMALL)

    @pytest.mark.parametrize(
        "convert",
        [
            lambda table: table.to_batches()[0],
            lambda table: table.to_pandas(),
            pl.from_arrow,
            lambda table: table.to_pylist() and pa.table(table.to_pydict(), schema=table.schema),
        ],
        ids=["record batch", "pandas", "polars", "pydict"],
    )
    def test_frames_are_read_as_tables(self, convert: Callable[[pa.Table], Any]) -> None:
        """A record batch, a pandas or Polars frame becomes an Arrow table with the same set."""
        given = tables.Tables(
            convert(SMALL.actors), convert(SMALL.affiliations), convert(SMALL.claims)
        )
        assert isinstance(given.claims, pa.Table)
        assert tables.from_arrow(given) == small_set()

    def test_anything_else_is_refused(self) -> None:
        """A value that is not a table raises FieldError naming Tables."""
        with pytest.raises(FieldError, match="Tables: expected an Arrow table"):
            tables.Tables(claims=5)

    def test_functions_refuse_other_values(self) -> None:
        """Each function says what it expected when given something else."""
        with pytest.raises(FieldError, match="to_arrow"):
            tables.to_arrow(SMALL)  # type: ignore[arg-type]
        with pytest.raises(FieldError, match="validate"):
            tables.validate(small_set())  # type: ignore[arg-type]
        with pytest.raises(FieldError, match="write_parquet"):
            tables.write_parquet(5, "x")  # type: ignore[arg-type]
        with pytest.raises(FieldError, match="write_csv"):
            tables.write_csv(5, "x")  # type: ignore[arg-type]


class TestToArrow:
    def test_schemas(self) -> None:
        """Each table has its documented schema, metadata included."""
        for table, schema in zip(
            (SMALL.actors, SMALL.affiliations, SMALL.claims),
            (tables.ACTORS, tables.AFFILIATIONS, tables.CLAIMS),
            strict=True,
        ):
            assert table.schema.equals(schema, check_metadata=True)
        assert SMALL.claims.schema.metadata[b"diplostatements.version"] == b"1"

    def test_claims_rows_in_set_order(self) -> None:
        """One row per claim, chronologically, then by statement id and claim index."""
        rows = SMALL.claims.select(["statement_id", "claim_index", "type"]).to_pylist()
        assert rows == [
            {"statement_id": "tweet", "claim_index": 0, "type": "statement"},
            {"statement_id": "tweet", "claim_index": 1, "type": "statement"},
            {"statement_id": "denial", "claim_index": None, "type": "rebuttal"},
        ]

    def test_statement_columns_repeat_on_each_row(self) -> None:
        """A statement's columns are the same on each of its rows."""
        first, second, _ = SMALL.claims.to_pylist()
        for name in ("speaker", "said_on_start_earliest", "relays", "source_title", "language"):
            assert first[name] == second[name]
        assert first["relays"] == [
            {
                "via": "interfax",
                "kind": "reported",
                "on_start_earliest": date(2019, 6, 4),
                "on_start_latest": date(2019, 6, 4),
                "on_end_earliest": date(2019, 6, 4),
                "on_end_latest": date(2019, 6, 4),
                "has_on": True,
            }
        ]

    def test_claimless_row(self) -> None:
        """A statement without claims has one row whose claim columns are all null."""
        row = SMALL.claims.to_pylist()[2]
        claim_columns = SMALL.claims.schema.names[
            SMALL.claims.schema.get_field_index("claim_index") :
        ]
        assert all(row[name] is None for name in claim_columns)
        assert row["targets"] == [{"statement_id": "tweet", "claim": 0, "content": None}]
        assert (row["rebuttal_kind"], row["rebuttal_modality"], row["act"]) == (
            "denial",
            "certain",
            "deny",
        )

    @pytest.mark.parametrize(
        ("span", "bounds"),
        [
            (TimeSpan.always(), [None, None, None, None]),
            (TimeSpan.since(date(2017, 1, 20)), [date(2017, 1, 20), date(2017, 1, 20), None, None]),
            (TimeSpan.until(date(2017, 1, 20)), [None, None, date(2017, 1, 20), date(2017, 1, 20)]),
            (
                TimeSpan(
                    start_earliest=date.min,
                    start_latest=date(2017, 1, 19),
                    end_earliest=date.min,
                    end_latest=date(2017, 1, 19),
                ),
                [None, date(2017, 1, 19), date.min, date(2017, 1, 19)],
            ),
        ],
    )
    def test_span_bounds(self, span: TimeSpan, bounds: list[date | None]) -> None:
        """A null bound stands for date.min in a start and date.max in an end."""
        t = tables.to_arrow(
            StatementSet(
                [Actor.state("RUS"), Actor.state("USA"), Affiliation("RUS", "USA", span=span)]
            )
        )
        row = t.affiliations.to_pylist()[0]
        assert [
            row[f"span_{end}"]
            for end in ("start_earliest", "start_latest", "end_earliest", "end_latest")
        ] == bounds

    def test_when_and_quantity_flags(self) -> None:
        """has_when and has_quantity tell a missing value from one of four or two nulls."""
        s = StatementSet(
            [
                Actor.state("RUS"),
                Statement(
                    "s",
                    "RUS",
                    date(2019, 1, 1),
                    [
                        Claim(
                            "RUS",
                            "p",
                            when=TimeSpan.always(),
                            # Not a count (whose floor is 0): both ends stay open.
                            quantity=Quantity(None, None, unit="tonnes"),
                        ),
                        Claim("RUS", "q"),
                    ],
                ),
            ]
        )
        rows = tables.to_arrow(s).claims.to_pylist()
        assert [(row["has_when"], row["when_start_earliest"]) for row in rows] == [
            (True, None),
            (False, None),
        ]
        assert [(row["has_quantity"], row["quantity_low"]) for row in rows] == [
            (True, None),
            (False, None),
        ]
        assert tables.from_arrow(tables.to_arrow(s)) == s

    def test_content_is_json_in_the_file_format(self) -> None:
        """Nested content is the JSON format's encoding of the claim."""
        content = SMALL.claims.column("content").to_pylist()[0]
        assert json.loads(content) == {
            "subject": "RUS",
            "predicate": "withdrew_personnel_from",
            "object": "VEN",
            "quantity": {
                "low": 0.5,
                "high": 1,
                "unit": "proportion",
                "text": "most",
                "low_open": True,
            },
        }

    def test_numbers_keep_their_value(self) -> None:
        """Whole numbers come back as ints, others as floats, equal to what was written."""
        s = StatementSet(
            [
                Actor.state("RUS"),
                Statement(
                    "s",
                    "RUS",
                    date(2019, 1, 1),
                    [Claim("RUS", "p", quantity=Quantity(2.5, 1000.0))],
                ),
            ]
        )
        back = tables.from_arrow(tables.to_arrow(s))
        quantity = back.statements["s"].claims[0].quantity
        assert quantity is not None
        assert (quantity.low, quantity.high) == (2.5, 1000)
        assert isinstance(quantity.high, int)

    def test_huge_quantity_is_refused(self) -> None:
        """An end beyond 2**53 cannot be held exactly by a float64 column."""
        s = StatementSet(
            [
                Actor.state("RUS"),
                Statement(
                    "s", "RUS", date(2019, 1, 1), [Claim("RUS", "p", quantity=Quantity(0, 2**60))]
                ),
            ]
        )
        with pytest.raises(FieldError, match=r"Statement\('s'\).claims\[0\].quantity.high"):
            tables.to_arrow(s)

    def test_example_round_trip(self) -> None:
        """The worked example comes back equal."""
        s = examples.venezuela_2019()
        assert tables.from_arrow(tables.to_arrow(s)) == s


class TestValidate:
    # Each bad table and the problem it must report; rows count from 0 (row 2 is the denial).
    @pytest.mark.parametrize(
        ("mutate", "expected"),
        [
            # the schema
            (
                claims(lambda c: replaced(c, "when_start_earliest", [1, 2, 3], pa.int64())),
                "claims: column 'when_start_earliest': expected a column of dates (date32),"
                " got a column of int64",
            ),
            (
                claims(lambda c: c.drop_columns(["speaker"])),
                "claims: column 'speaker': expected a column of string (it is required), got no"
                " such column",
            ),
            (
                claims(lambda c: c.append_column("notes", pa.array(["a", "b", "c"]))),
                "claims: column 'notes': expected one of the columns statement_id, type,",
            ),
            (
                actors(lambda a: a.append_column("id", a.column("id"))),
                "actors: column 'id': expected each column once, got 2 columns",
            ),
            (
                claims(lambda c: c.replace_schema_metadata({b"diplostatements.version": b"2"})),
                "claims: metadata 'diplostatements.version': expected 1 (this version of"
                " diplostatements reads tables of version 1 and older; upgrade it to read newer"
                ' tables), got "2"',
            ),
            (
                claims(lambda c: c.replace_schema_metadata({b"diplostatements.version": b"x"})),
                "claims: metadata 'diplostatements.version': expected a version number such as 1",
            ),
            (
                claims(lambda c: c.replace_schema_metadata({b"diplostatements.format": b"other"})),
                "claims: metadata 'diplostatements.format': expected \"tables\", got b'other'",
            ),
            (
                claims(lambda c: c.replace_schema_metadata({b"diplostatements.table": b"actors"})),
                "claims: metadata 'diplostatements.table': expected \"claims\" (the claims table),"
                ' got "actors"',
            ),
            # values on their own
            (
                actors(lambda a: cell(a, "name", 0, None)),
                "actors: row 0, column 'name': expected a value (the column has no nulls), got"
                " null",
            ),
            (
                actors(lambda a: cell(a, "id", 0, "a b")),
                "actors: row 0, column 'id': expected a non-empty id without white space, got \"a"
                ' b"',
            ),
            (
                claims(lambda c: cell(c, "subject", 0, " \u3000")),
                "claims: row 0, column 'subject': expected a non-empty string, got \" \\u3000\"",
            ),
            (
                claims(lambda c: replaced(c, "channel", ["tweet", "tweet", "tv"], pa.string())),
                'claims: row 2, column \'channel\': expected one of "tweet", "social_media",',
            ),
            (
                claims(
                    lambda c: replaced(
                        c,
                        "source_published",
                        ["2019-06-04", "2019-06-04", "2019-13-01"],
                        pa.string(),
                    )
                ),
                "claims: row 2, column 'source_published': expected an existing date as"
                ' "YYYY-MM-DD", got "2019-13-01"',
            ),
            (
                actors(lambda a: cell(a, "country", 0, "XYZ")),
                "actors: row 0, column 'country': expected an ISO 3166-1 alpha-3 country code",
            ),
            (
                actors(lambda a: cell(a, "wikidata", 0, "159")),
                "actors: row 0, column 'wikidata': expected a Wikidata item id such as \"Q1899\","
                ' got "159"',
            ),
            (
                claims(lambda c: cell(c, "language", 2, "English")),
                "claims: row 2, column 'language': expected a BCP 47 language tag",
            ),
            (
                actors(lambda a: cell(a, "aliases", 0, ["Moscow", " "])),
                "actors: row 0, column 'aliases'[1]: expected a non-empty string, got \" \"",
            ),
            (
                claims(lambda c: cell(c, "quantity_low", 1, float("nan"))),
                "claims: row 1, column 'quantity_low': expected a finite number of at most"
                " 9007199254740992 in size, got NaN",
            ),
            (
                claims(lambda c: cell(c, "content", 0, "{not json")),
                "claims: row 0, column 'content': expected valid JSON",
            ),
            (
                claims(lambda c: cell(c, "content", 0, '{"subject": "RUS"}')),
                "claims: row 0, column 'content': $.predicate: expected a value (the field is"
                " required), got nothing",
            ),
            (
                claims(
                    lambda c: cell(
                        c, "relays", 0, [{"via": " ", "kind": "quoted", "has_on": False}]
                    )
                ),
                "claims: row 0, column 'relays'[0].via: expected a non-empty string",
            ),
            (
                claims(
                    lambda c: cell(
                        c, "relays", 0, [{"via": "interfax", "kind": "shouted", "has_on": False}]
                    )
                ),
                "claims: row 0, column 'relays'[0].kind: expected one of \"press_service\","
                ' "quoted",',
            ),
            (
                claims(lambda c: cell(c, "targets", 2, [{"statement_id": "tweet", "claim": -1}])),
                "claims: row 2, column 'targets'[0].claim: expected a claim index (0 or more),"
                " got -1",
            ),
            # rules across columns
            (
                claims(lambda c: cell(c, "said_on_start_earliest", 2, date(2019, 7, 1))),
                "claims: row 2, column 'said_on_end_latest': expected said_on_start_earliest on or"
                " before said_on_end_latest (said_on_start_earliest is 2019-07-01), got 2019-06-04",
            ),
            (
                claims(lambda c: cell(c, "when_start_latest", 1, None)),
                "claims: row 1, column 'when_start_latest': expected when_start_earliest on or"
                " before"
                " when_start_latest (when_start_earliest is 2019-03-01), got null (unbounded)",
            ),
            (
                claims(lambda c: cell(c, "has_when", 1, False)),
                "claims: row 1, column 'when_start_earliest': expected null (has_when is false: the"
                " claim has no when), got 2019-03-01",
            ),
            (
                claims(lambda c: cell(c, "quantity_low", 1, 70.0)),
                "claims: row 1, column 'quantity_high': expected a number not below quantity_low"
                " (70.0), got 60.0",
            ),
            (
                claims(lambda c: cell(c, "quantity_low", 1, -1.0)),
                "claims: row 1, column 'quantity_low': expected null or a count (0 or more), got"
                " -1.0",
            ),
            (
                claims(
                    lambda c: cell(
                        cell(c, "quantity_unit", 1, "proportion"), "quantity_high", 1, 2.0
                    )
                ),
                "claims: row 1, column 'quantity_high': expected a share from 0 to 1 (a"
                " proportion)",
            ),
            (
                claims(
                    lambda c: cell(cell(c, "quantity_low", 1, None), "quantity_low_open", 1, True)
                ),
                "claims: row 1, column 'quantity_low_open': expected false when quantity_low is"
                " null"
                " (unbounded), got true",
            ),
            (
                claims(
                    lambda c: cell(cell(c, "quantity_low", 1, 60.0), "quantity_high_open", 1, True)
                ),
                "claims: row 1, column 'quantity_high_open': expected false when quantity_low"
                " equals"
                " quantity_high (the range would be empty), got true",
            ),
            (
                claims(lambda c: cell(c, "has_quantity", 1, False)),
                "claims: row 1, column 'quantity_low': expected null (has_quantity is false: the"
                " claim has no quantity), got 24.0",
            ),
            (
                claims(lambda c: cell(c, "predicate", 1, None)),
                "claims: row 1, column 'predicate': expected a value (every claim has a subject and"
                " a predicate), got null",
            ),
            (
                claims(lambda c: cell(c, "subject", 2, "RUS")),
                "claims: row 2, column 'subject': expected null (the row has no claim_index: it"
                " holds"
                ' a statement without claims), got "RUS"',
            ),
            (
                claims(lambda c: cell(c, "speaker", 1, "peskov")),
                "claims: row 1, column 'speaker': statement id 'tweet' is already used at row 0,"
                " whose speaker differs (every row of a statement holds the same statement"
                " columns)",
            ),
            (
                claims(lambda c: cell(c, "relays", 1, [])),
                "claims: row 1, column 'relays': statement id 'tweet' is already used at row 0,"
                " whose relays differs",
            ),
            (
                claims(lambda c: cell(c, "claim_index", 1, 0)),
                "claims: row 1, column 'claim_index': claim index 0 of statement 'tweet' is already"
                " used at row 0",
            ),
            (
                claims(lambda c: cell(c, "claim_index", 1, 2)),
                "claims: row 1, column 'claim_index': expected a claim index below 2 (statement"
                " 'tweet' has 2 claim rows; indices run from 0 with no gaps), got 2",
            ),
            (
                claims(lambda c: replaced(c, "claim_index", [0, 1, 5], pa.int32())),
                "claims: row 2, column 'claim_index': expected a claim index below 1 (statement"
                " 'denial' has 1 claim row; indices run from 0 with no gaps), got 5",
            ),
            (
                claims(lambda c: cell(c, "targets", 2, [])),
                "claims: row 2, column 'targets': expected a non-empty list of targets (the row's"
                ' type is "rebuttal"), got an empty list',
            ),
            (
                claims(lambda c: cell(c, "rebuttal_kind", 2, None)),
                "claims: row 2, column 'rebuttal_kind': expected a value (the row's type is"
                ' "rebuttal"), got null',
            ),
            (
                claims(
                    lambda c: cell(c, "targets", 1, [{"statement_id": "denial", "claim": None}])
                ),
                "claims: row 1, column 'targets': expected null (the row's type is \"statement\")",
            ),
            (
                claims(lambda c: cell(c, "targets", 2, [{"statement_id": "twet", "claim": None}])),
                "claims: row 2, column 'targets'[0].statement_id: expected a known statement id,"
                " got"
                " 'twet'; did you mean 'tweet'?",
            ),
            (
                claims(
                    lambda c: cell(c, "targets", 2, [{"statement_id": "denial", "claim": None}])
                ),
                "claims: row 2, column 'targets'[0].statement_id: expected another statement (a"
                ' rebuttal cannot target itself), got "denial"',
            ),
            (
                claims(lambda c: cell(c, "targets", 2, [{"statement_id": "tweet", "claim": 2}])),
                "claims: row 2, column 'targets'[0].claim: expected a claim index below 2"
                " (statement"
                " 'tweet' has 2 claims), got 2",
            ),
            (
                claims(
                    lambda c: cell(
                        c,
                        "relays",
                        0,
                        [
                            {
                                "via": "interfax",
                                "kind": "quoted",
                                "on_start_earliest": date(2019, 1, 1),
                                "has_on": False,
                            }
                        ],
                    )
                ),
                "claims: row 0, column 'relays'[0].has_on: expected true (the relay has dates) or"
                " null, got false",
            ),
            (
                actors(lambda a: cell(a, "id", 1, a.column("id")[0].as_py())),
                "actors: row 1, column 'id': actor id 'RUS' is already used at row 0",
            ),
            (
                actors(lambda a: cell(a, "aliases", 5, ["moscow"])),
                "actors: row 5, column 'aliases': the alias 'moscow' already names the actor 'RUS'",
            ),
            (
                affiliations(lambda f: cell(f, "organization", 0, "peskov")),
                "affiliations: row 0, column 'organization': expected an actor id other than the"
                " member's",
            ),
            (
                claims(lambda c: cell(c, "source_publisher", 0, None)),
                "claims: row 0, column 'source_title': expected null (source_publisher is null:"
                ' there is no source), got "Russia denies"',
            ),
            # references between the tables
            (
                claims(lambda c: cell(c, "speaker", 2, "pesckov")),
                "claims: row 2, column 'speaker': expected a known actor id, got 'pesckov'; did you"
                " mean 'peskov'?",
            ),
            (
                affiliations(lambda f: cell(f, "organization", 0, "Moscow")),
                "affiliations: row 0, column 'organization': expected the actor's id 'RUS', not an"
                ' alias, got "Moscow"',
            ),
            (
                claims(
                    lambda c: replaced(
                        c,
                        "relays",
                        [[{"via": "tass", "kind": "quoted", "has_on": False}]] * 2 + [[]],
                        pa.list_(
                            pa.struct(
                                [
                                    ("via", pa.string()),
                                    ("kind", pa.string()),
                                    ("has_on", pa.bool_()),
                                ]
                            )
                        ),
                    )
                ),
                "claims: row 0, column 'relays'[0].via: expected a known actor id, got 'tass'",
            ),
        ],
    )
    def test_problem_listed(self, mutate: Mutation, expected: str) -> None:
        """Each problem is named by its table, row and column, with what was expected."""
        found = problems_of(mutate(SMALL))
        assert any(line.startswith(expected) for line in found), found

    def test_every_problem_is_listed_in_order(self) -> None:
        """Problems in several tables, rows and columns are all reported, in table and row order."""
        bad = tables.Tables(
            cell(SMALL.actors, "name", 3, " "),
            SMALL.affiliations,
            cell(cell(SMALL.claims, "subject", 1, ""), "channel", 0, "tv", pa.string()),
        )
        assert [line.split(":")[:2] for line in problems_of(bad)] == [
            ["actors", " row 3, column 'name'"],
            ["claims", " row 0, column 'channel'"],
            ["claims", " row 1, column 'subject'"],
        ]

    def test_rules_wait_for_values(self) -> None:
        """A table whose values do not read is not checked further (no problem twice)."""
        bad = claims(lambda c: cell(c, "speaker", 1, None))(SMALL)
        assert problems_of(bad) == [
            "claims: row 1, column 'speaker': expected a value (the column has no nulls), got null"
        ]

    def test_problem_kinds(self) -> None:
        """Unknown references and repeated ids keep their error types."""
        with pytest.raises(ValidationError) as caught:
            tables.validate(claims(lambda c: cell(c, "speaker", 2, "nobody"))(SMALL))
        assert isinstance(caught.value.exceptions[0], UnknownReferenceError)
        with pytest.raises(ValidationError) as caught:
            tables.validate(claims(lambda c: cell(c, "speaker", 1, "peskov"))(SMALL))
        assert isinstance(caught.value.exceptions[0], DuplicateIdError)

    def test_many_problems_are_capped(self) -> None:
        """At most MAX_PROBLEMS are listed; the message gives the count."""
        count = MAX_PROBLEMS + 5
        actors_table = pa.table(
            {
                "id": [f"a {i}" for i in range(count)],
                "name": ["x"] * count,
                "kind": ["person"] * count,
            }
        )
        with pytest.raises(ValidationError) as caught:
            tables.validate(tables.Tables(actors_table))
        assert len(caught.value.exceptions) == MAX_PROBLEMS
        assert f"the first {MAX_PROBLEMS} of {count} problems are listed" in str(caught.value)

    def test_from_arrow_returns_nothing_on_a_problem(self) -> None:
        """from_arrow raises for bad tables: no partial set."""
        with pytest.raises(ValidationError, match="the tables are not a valid"):
            tables.from_arrow(claims(lambda c: cell(c, "speaker", 2, "nobody"))(SMALL))

    def test_valid_tables_are_their_own_normal_form(self) -> None:
        """Validating what to_arrow wrote gives it back unchanged."""
        assert tables.validate(SMALL) == SMALL


class TestNormalForm:
    def test_optional_columns_may_be_left_out(self) -> None:
        """Only the required columns are needed; the rest read as null or default."""
        given = tables.Tables(
            pa.table({"id": ["RUS"], "name": ["Russia"], "kind": ["state"]}),
            pa.table(
                {"member": pa.array([], pa.string()), "organization": pa.array([], pa.string())}
            ),
            pa.table(
                {
                    "statement_id": ["s", "s"],
                    "speaker": ["RUS", "RUS"],
                    "said_on_start_earliest": [date(2019, 1, 1)] * 2,
                    "said_on_start_latest": [date(2019, 1, 1)] * 2,
                    "said_on_end_earliest": [date(2019, 1, 1)] * 2,
                    "said_on_end_latest": [date(2019, 1, 1)] * 2,
                    "subject": ["RUS", "Moscow"],
                    "predicate": ["supports", "opposes"],
                    "object": ["VEN", None],
                }
            ),
        )
        normal = tables.validate(given)
        assert normal.claims.schema.equals(tables.CLAIMS)
        row = normal.claims.to_pylist()[1]
        assert (row["claim_index"], row["type"], row["channel"], row["act"], row["polarity"]) == (
            1,
            "statement",
            "unspecified",
            "assert",
            "affirmed",
        )
        assert (row["has_when"], row["has_quantity"], row["qualifiers"]) == (False, False, [])
        s = tables.from_arrow(given)
        assert s.statements["s"].claims[1] == Claim("Moscow", "opposes")

    def test_defaults_of_a_rebuttal(self) -> None:
        """A null type with targets is a rebuttal; its act is its kind's, its modality certain."""
        claims_table = SMALL.claims
        for name in ("type", "act", "rebuttal_modality"):
            claims_table = replaced(
                claims_table,
                name,
                [
                    None if row == 2 else value
                    for row, value in enumerate(claims_table.column(name).to_pylist())
                ],
                pa.string(),
            )
        row = tables.validate(
            tables.Tables(SMALL.actors, SMALL.affiliations, claims_table)
        ).claims.to_pylist()[2]
        assert (row["type"], row["act"], row["rebuttal_modality"]) == (
            "rebuttal",
            "deny",
            "certain",
        )

    def test_flags_are_read_from_the_values(self) -> None:
        """Null has_when and has_quantity read as whether any of their columns is set."""
        changed = replaced(
            replaced(SMALL.claims, "has_when", [None] * 3), "has_quantity", [None] * 3
        )
        changed = replaced(changed, "quantity_low_open", [None] * 3)
        normal = tables.validate(tables.Tables(SMALL.actors, SMALL.affiliations, changed))
        assert normal == SMALL

    def test_aliases_are_resolved(self) -> None:
        """Aliases in speakers, relays, subjects, objects and content become ids."""
        s = StatementSet(
            [
                Actor.state("RUS", aliases={"Moscow", "the Kremlin"}),
                Actor.organization("interfax", "Interfax", kind="media", aliases="IFX"),
                Statement(
                    "s",
                    "RUS",
                    date(2019, 1, 1),
                    [Claim("RUS", "informed", "RUS", content=Claim("RUS", "p"))],
                    relays=[Relay("interfax")],
                ),
            ]
        )
        t = tables.to_arrow(s)
        aliased = replaced(t.claims, "speaker", ["the kremlin"])
        aliased = replaced(aliased, "subject", ["moscow"])
        aliased = replaced(aliased, "object", ["Moscow"])
        aliased = replaced(
            aliased, "content", [json.dumps({"subject": "MOSCOW", "predicate": "p"})]
        )
        aliased = replaced(aliased, "relays", [[{"via": "ifx", "kind": "quoted", "has_on": False}]])
        given = tables.Tables(t.actors, t.affiliations, aliased)
        assert tables.validate(given) == t
        assert tables.from_arrow(given) == s

    def test_country_is_upper_cased(self) -> None:
        """A country code in any case is stored upper-case, as the model stores it."""
        given = actors(lambda a: cell(a, "country", 3, "rus"))(SMALL)
        assert tables.validate(given).actors.column("country")[3].as_py() == "RUS"

    @pytest.mark.parametrize(
        ("name", "values", "kind"),
        [
            ("statement_id", ["tweet", "tweet", "denial"], pa.large_string()),
            ("speaker", ["trump", "trump", "peskov"], pa.string_view()),
            ("said_on_start_earliest", ["2019-06-03", "2019-06-03", "2019-06-04"], pa.string()),
            (
                "said_on_start_latest",
                [datetime(2019, 6, 3), datetime(2019, 6, 3), datetime(2019, 6, 4)],
                pa.timestamp("us"),
            ),
            (
                "said_on_end_earliest",
                [date(2019, 6, 3), date(2019, 6, 3), date(2019, 6, 4)],
                pa.date64(),
            ),
            ("claim_index", [0.0, 1.0, None], pa.float64()),
            ("claim_index", ["0", "1", None], pa.string()),
            ("claim_index", [0, 1, None], pa.uint64()),
            ("quantity_low", [None, "24", None], pa.string()),
            ("quantity_high", [None, 60, None], pa.int16()),
            ("quantity_low_open", [None, "FALSE", None], pa.string()),
            ("has_quantity", ["no", "1", None], pa.string()),
            (
                "channel",
                ["unspecified", "unspecified", "unspecified"],
                pa.dictionary(pa.int8(), pa.large_string()),
            ),
            ("qualifiers", [[], ["military"], None], pa.large_list(pa.large_string())),
            ("qualifiers", [[], ["military"], None], pa.large_list(pa.string())),
        ],
    )
    def test_near_types_are_cast(self, name: str, values: list[Any], kind: pa.DataType) -> None:
        """Columns of types near the schema's (text dates, whole floats...) read as the schema's."""
        given = claims(lambda c: replaced(c, name, values, kind))(SMALL)
        assert tables.validate(given) == SMALL

    @pytest.mark.parametrize(
        ("name", "values", "kind", "expected"),
        [
            (
                "said_on_start_latest",
                [datetime(2019, 6, 3, 12)] * 3,
                pa.timestamp("s"),
                "a date (a timestamp at midnight)",
            ),
            ("claim_index", [0.5, 1.0, None], pa.float64(), "a whole number from 0 to 2147483647"),
            (
                "claim_index",
                ["zero", "1", None],
                pa.string(),
                "a whole number from 0 to 2147483647",
            ),
            ("claim_index", [-1, 1, None], pa.int64(), "a whole number from 0 to 2147483647"),
            ("quantity_low", [None, "lots", None], pa.string(), "a number"),
            ("source_published", [None, None, "2019-06-31"], pa.string(), "an existing date"),
            ("source_published", [None, None, "4 June 2019"], pa.string(), "an existing date"),
            ("quantity_low_open", [None, "maybe", None], pa.string(), "true or false"),
        ],
    )
    def test_values_that_do_not_convert(
        self, name: str, values: list[Any], kind: pa.DataType, expected: str
    ) -> None:
        """A value that does not convert to the schema's type is reported at its row."""
        given = claims(lambda c: replaced(c, name, values, kind))(SMALL)
        assert any(f"column '{name}': expected {expected}" in line for line in problems_of(given))

    @pytest.mark.parametrize(
        ("name", "column", "expected"),
        [
            ("claim_index", pa.array([True, False, None]), "whole numbers (int32)"),
            ("quantity_low", pa.array([True, False, None]), "numbers (float64)"),
            ("has_when", pa.array([1, 2, 3]), "true or false (bool)"),
            ("channel", pa.array([1, 2, 3]), "strings (dictionary<int32, string>)"),
            ("speaker", pa.array([1, 2, 3]), "strings"),
            ("qualifiers", pa.array(["a", "b", "c"]), "lists (list<string>)"),
            ("qualifiers", pa.array([[1], [2], [3]]), "lists of strings"),
            ("targets", pa.array([[1], [2], [3]]), "lists of struct<statement_id, claim, content>"),
            (
                "relays",
                pa.array([[{"via": "x", "colour": "red"}]] * 3),
                "lists of struct<via, kind",
            ),
            ("relays", pa.array([[{"via": "x", "has_on": 5}]] * 3), "lists of struct<via, kind"),
        ],
    )
    def test_wrong_types(self, name: str, column: pa.Array, expected: str) -> None:
        """A column of a type that cannot hold the values is reported once, for the column."""
        given = claims(lambda c: replaced(c, name, column))(SMALL)
        found = problems_of(given)
        assert any(
            line.startswith(f"claims: column '{name}': expected a column of {expected}")
            for line in found
        ), found

    def test_claim_index_may_be_left_out(self) -> None:
        """Without claim_index, rows with a subject or predicate are claims, in row order."""
        given = claims(lambda c: c.drop_columns(["claim_index"]))(SMALL)
        assert tables.validate(given) == SMALL


class TestParquet:
    def test_round_trip(self, tmp_path: Path) -> None:
        """A Parquet set reads back as the same tables and set."""
        tables.write_parquet(SMALL, tmp_path / "set")
        assert sorted(path.name for path in (tmp_path / "set").iterdir()) == [
            "actors.parquet",
            "affiliations.parquet",
            "claims.parquet",
            "diplostatements.json",
        ]
        assert json.loads((tmp_path / "set" / "diplostatements.json").read_text()) == {
            "format": "diplostatements-tables",
            "version": 1,
        }
        read = tables.read_parquet(tmp_path / "set")
        assert read == SMALL
        assert read.labels == ("actors.parquet", "affiliations.parquet", "claims.parquet")
        assert tables.from_arrow(read) == small_set()

    def test_a_set_may_be_written(self, tmp_path: Path) -> None:
        """write_parquet takes a set as well as its tables; io.dump and io.load go through it."""
        tables.write_parquet(small_set(), tmp_path / "a")
        dio.dump(small_set(), tmp_path / "b", format="parquet")
        assert tables.read_parquet(tmp_path / "a") == tables.read_parquet(tmp_path / "b")
        assert dio.load(tmp_path / "b") == small_set()
        assert dio.load(tmp_path / "b" / "claims.parquet") == small_set()

    def test_claims_file_with_its_actors(self, tmp_path: Path) -> None:
        """A path to a Parquet file is the claims table, read with the actors beside it."""
        tables.write_parquet(SMALL, tmp_path)
        (tmp_path / "claims.parquet").rename(tmp_path / "june.parquet")
        read = tables.read_parquet(tmp_path / "june.parquet")
        assert read == SMALL
        assert read.labels[2] == "june.parquet"

    def test_without_metadata_or_affiliations(self, tmp_path: Path) -> None:
        """A set written by another tool may have no metadata file and no affiliations."""
        for name in ("actors", "claims"):
            pq.write_table(
                getattr(SMALL, name).replace_schema_metadata(None), tmp_path / f"{name}.parquet"
            )
        read = tables.read_parquet(tmp_path)
        assert read.affiliations.num_rows == 0
        assert tables.validate(read).claims == SMALL.claims

    def test_problems_name_the_file(self, tmp_path: Path) -> None:
        """Problems in a Parquet set name the file, row and column."""
        tables.write_parquet(claims(lambda c: cell(c, "speaker", 2, "pesckov"))(SMALL), tmp_path)
        with pytest.raises(ValidationError) as caught:
            dio.load(tmp_path)
        assert str(caught.value).splitlines()[:2] == [
            f"{tmp_path} is not a valid diplostatements table set (1 problem)",
            "  - claims.parquet: row 2, column 'speaker': expected a known actor id, got"
            " 'pesckov'; did you mean 'peskov'?",
        ]

    @pytest.mark.parametrize(
        ("metadata", "expected"),
        [
            (
                {"format": "diplostatements-tables", "version": 2},
                "$.version: expected 1 (this version",
            ),
            ({"format": "other", "version": 1}, '$.format: expected "diplostatements-tables"'),
            (
                {"format": "diplostatements-tables", "version": "1"},
                '$.version: expected 1, got "1"',
            ),
            ([], "$: expected a JSON object"),
        ],
    )
    def test_metadata_file(self, tmp_path: Path, metadata: Any, expected: str) -> None:
        """The metadata file names the format and a version this library reads."""
        tables.write_parquet(SMALL, tmp_path)
        (tmp_path / "diplostatements.json").write_text(json.dumps(metadata))
        with pytest.raises(ValidationError) as caught:
            tables.read_parquet(tmp_path)
        assert expected in caught.value.problems[0]

    @pytest.mark.parametrize(
        ("content", "expected"),
        [(b"{", "not JSON"), (b"\xff", "not UTF-8 text")],
    )
    def test_unreadable_metadata_file(self, tmp_path: Path, content: bytes, expected: str) -> None:
        """A metadata file that is not JSON is a FileError."""
        tables.write_parquet(SMALL, tmp_path)
        (tmp_path / "diplostatements.json").write_bytes(content)
        with pytest.raises(FileError, match=expected):
            tables.read_parquet(tmp_path)

    def test_missing_file(self, tmp_path: Path) -> None:
        """A set without its actors is a FileError naming the missing file."""
        tables.write_parquet(SMALL, tmp_path)
        (tmp_path / "actors.parquet").unlink()
        with pytest.raises(FileError, match=r"actors\.parquet: no such file"):
            tables.read_parquet(tmp_path)

    def test_not_parquet(self, tmp_path: Path) -> None:
        """A file that is not Parquet is a FileError, not a traceback."""
        tables.write_parquet(SMALL, tmp_path)
        (tmp_path / "claims.parquet").write_text("hello")
        with pytest.raises(FileError, match=r"claims\.parquet: not a Parquet file"):
            tables.read_parquet(tmp_path)

    def test_unwritable(self, tmp_path: Path) -> None:
        """A directory that cannot be made is a FileError."""
        (tmp_path / "file").write_text("")
        with pytest.raises(FileError):
            tables.write_parquet(SMALL, tmp_path / "file" / "set")
        with pytest.raises(FileError):
            tables.write_csv(SMALL, tmp_path / "file" / "set")

    def test_directory_without_tables(self, tmp_path: Path) -> None:
        """io.load of a directory without tables is a FileError."""
        with pytest.raises(FileError, match=r"no claims\.parquet or claims\.csv"):
            dio.load(tmp_path)

    def test_table_formats_need_a_path(self) -> None:
        """Parquet and CSV write directories: an open file or dumps is refused."""
        with pytest.raises(TypeError, match="writes a directory"):
            dio.dump(small_set(), sys.stdout, format="parquet")
        with pytest.raises(ValueError, match='format must be "json" or "jsonl"'):
            dio.dumps(small_set(), format="parquet")  # type: ignore[arg-type]


class TestCSV:
    def test_round_trip(self, tmp_path: Path) -> None:
        """A CSV set reads back as the same set, through io too."""
        tables.write_csv(small_set(), tmp_path / "a")
        assert tables.from_arrow(tables.read_csv(tmp_path / "a")) == small_set()
        dio.dump(examples.venezuela_2019(), tmp_path / "b", format="csv")
        assert dio.load(tmp_path / "b") == examples.venezuela_2019()
        assert dio.load(tmp_path / "b" / "claims.csv") == examples.venezuela_2019()

    def test_cells(self, tmp_path: Path) -> None:
        """Spans are one cell in the JSON format's encoding; lists are JSON arrays."""
        tables.write_csv(SMALL, tmp_path)
        with open(tmp_path / "claims.csv", encoding="utf-8", newline="") as stream:
            rows = list(__import__("csv").DictReader(stream))
        assert rows[1]["said_on"] == "2019-06-03"
        assert rows[1]["when"] == '{"sometime_in": "2019-03"}'
        assert rows[1]["qualifiers"] == '["military"]'
        assert rows[0]["relays"] == '[{"via": "interfax", "kind": "reported", "on": "2019-06-04"}]'
        assert rows[2]["targets"] == '[{"statement_id": "tweet", "claim": 0}]'
        assert (rows[0]["when"], rows[2]["claim_index"]) == ("", "")

    def test_shipped_example(self, tmp_path: Path) -> None:
        """The example CSV set in the docs is the worked example, as write_csv writes it."""
        shipped = DOCS / "examples" / "venezuela-2019"
        assert tables.from_arrow(tables.read_csv(shipped)) == examples.venezuela_2019()
        tables.write_csv(examples.venezuela_2019(), tmp_path)
        for name in ("actors.csv", "affiliations.csv", "claims.csv"):
            assert (shipped / name).read_bytes() == (tmp_path / name).read_bytes(), name

    def test_typed_by_hand(self, tmp_path: Path) -> None:
        """A spreadsheet typed by hand: few columns, a bare alias, a date for said_on."""
        (tmp_path / "actors.csv").write_text(
            "id,name,kind,aliases\nRUS,Russia,state,Moscow\nUSA,United States,state,\n"
        )
        (tmp_path / "claims.csv").write_text(
            "statement_id,speaker,said_on,subject,predicate,object,polarity\n"
            "s1,USA,2019-06-04,Moscow,withdrew_personnel_from,VEN,\n"
            "s2,RUS,2019-06-04,RUS,withdrew_personnel_from,VEN,negated\n"
        )
        s = dio.load(tmp_path)
        assert s.statements["s1"].claims[0] == Claim("RUS", "withdrew_personnel_from", "VEN")
        assert len(s.check()) == 1

    def test_problems_name_lines(self, tmp_path: Path) -> None:
        """Problems in a CSV file name the line each row starts on (cells may hold newlines)."""
        (tmp_path / "actors.csv").write_text("id,name,kind\nRUS,Russia,state\n")
        (tmp_path / "claims.csv").write_text(
            "statement_id,speaker,said_on,text,subject,predicate,when\n"
            's1,RUS,2019-06-03,"two\nlines",RUS,p,\n'
            "s2,RUS,2019-06-04,,RUS,,\n"
            's3,RUS,2019-06-05,,RUS,p,"{""sometime_in"": ""2019-13""}"\n'
        )
        with pytest.raises(ValidationError) as caught:
            dio.load(tmp_path)
        assert caught.value.problems == [
            "claims.csv: line 5, column 'when': $.sometime_in: expected a month as \"YYYY-MM\" or a"
            ' year as "YYYY", got "2019-13"'
        ]
        (tmp_path / "claims.csv").write_text(
            "statement_id,speaker,said_on,text,subject,predicate\n"
            's1,RUS,2019-06-03,"two\nlines",RUS,p\n'
            "s2,RUS,2019-06-04,,RUS,\n"
        )
        with pytest.raises(ValidationError) as caught:
            dio.load(tmp_path)
        assert caught.value.problems == [
            "claims.csv: line 4, column 'predicate': expected a value (every claim has a subject"
            " and a predicate), got null"
        ]

    @pytest.mark.parametrize(
        ("column", "value", "expected"),
        [
            (
                "said_on",
                "June",
                "claims.csv: line 2, column 'said_on': $: expected a date as \"YYYY-MM-DD\"",
            ),
            ("said_on", "[]", "claims.csv: line 2, column 'said_on': $: expected a time span: "),
            (
                "relays",
                '[{"via": 5}]',
                "claims.csv: line 2, column 'relays': $[0].via: expected a string, got 5",
            ),
            (
                "relays",
                "{}",
                "claims.csv: line 2, column 'relays': $: expected a JSON list of relays",
            ),
            (
                "targets",
                "[5]",
                "claims.csv: line 2, column 'targets': $[0]: expected a statement id or {",
            ),
            (
                "targets",
                '[{"statement_id": 5}]',
                "claims.csv: line 2, column 'targets': $.statement_id: expected a string",
            ),
            (
                "targets",
                "x",
                "claims.csv: line 2, column 'targets': $: expected a JSON list of statement ids",
            ),
            (
                "qualifiers",
                "[1]",
                "claims.csv: line 2, column 'qualifiers': $: expected a JSON list of strings",
            ),
            (
                "qualifiers",
                "[oops",
                "claims.csv: line 2, column 'qualifiers': expected JSON (or a date)",
            ),
        ],
    )
    def test_bad_cells(self, tmp_path: Path, column: str, value: str, expected: str) -> None:
        """A span or list cell that cannot be read is reported with its line and column."""
        (tmp_path / "actors.csv").write_text("id,name,kind\nRUS,Russia,state\n")
        cells = {"said_on": "2019-06-03"}
        cells[column] = value
        names = ["said_on", *(name for name in cells if name != "said_on")]
        quoted = ",".join('"' + cells[name].replace('"', '""') + '"' for name in names)
        (tmp_path / "claims.csv").write_text(
            f"statement_id,speaker,{','.join(names)},subject,predicate\ns1,RUS,{quoted},RUS,p\n"
        )
        with pytest.raises(ValidationError) as caught:
            tables.read_csv(tmp_path)
        assert caught.value.problems[0].startswith(expected), caught.value.problems

    def test_not_csv(self, tmp_path: Path) -> None:
        """A record with more cells than the header is a ParseError naming its line."""
        (tmp_path / "actors.csv").write_text("id,name,kind\nRUS,Russia,state,extra\n")
        (tmp_path / "claims.csv").write_text("statement_id\n")
        with pytest.raises(ParseError, match=r"actors\.csv: line 2: expected 3 cells"):
            tables.read_csv(tmp_path)

    def test_missing_said_on(self, tmp_path: Path) -> None:
        """A claims CSV without said_on names the column it needs."""
        (tmp_path / "actors.csv").write_text("id,name,kind\nRUS,Russia,state\n")
        (tmp_path / "claims.csv").write_text("statement_id,speaker\ns,RUS\n")
        with pytest.raises(ValidationError) as caught:
            tables.read_csv(tmp_path)
        assert caught.value.problems[0].startswith(
            "claims.csv: column 'said_on': expected a column of dates or time spans (it is"
            " required)"
        )

    def test_missing_file(self, tmp_path: Path) -> None:
        """A CSV set without its actors is a FileError."""
        (tmp_path / "claims.csv").write_text("statement_id\n")
        with pytest.raises(FileError, match=r"actors\.csv"):
            tables.read_csv(tmp_path)


class TestDataFrames:
    def test_pandas_round_trip(self) -> None:
        """to_pandas keeps every type, so from_pandas gives back the same tables."""
        frames = SMALL.to_pandas()
        assert str(frames.claims["said_on_start_earliest"].dtype) == "date32[day][pyarrow]"
        assert tables.Tables.from_pandas(*frames) == SMALL
        assert tables.Tables.from_pandas(claims=frames.claims).actors.num_rows == 0

    def test_plain_pandas_frames(self) -> None:
        """Frames with numpy types (float indices, datetime64 days, NaN) are read too."""
        frame = SMALL.claims.to_pandas()
        frame["claim_index"] = frame["claim_index"].astype("float64")
        for name in (
            "said_on_start_earliest",
            "said_on_start_latest",
            "said_on_end_earliest",
            "said_on_end_latest",
        ):
            frame[name] = pd.to_datetime(frame[name])
        given = tables.Tables.from_pandas(
            SMALL.actors.to_pandas(), SMALL.affiliations.to_pandas(), frame
        )
        assert tables.from_arrow(given) == small_set()

    def test_to_pandas_needs_pandas(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas, to_pandas names the package to install."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(MissingExtraError, match="pip install pandas"):
            SMALL.to_pandas()

    def test_polars_round_trip(self) -> None:
        """Polars reads the tables with pl.from_arrow and gives them back with to_arrow."""
        frames = [
            pl.from_arrow(table) for table in (SMALL.actors, SMALL.affiliations, SMALL.claims)
        ]
        claims_frame = frames[2]
        assert isinstance(claims_frame, pl.DataFrame)
        assert claims_frame.filter(pl.col("type") == "rebuttal")["statement_id"].to_list() == [
            "denial"
        ]
        back = tables.Tables(
            *(frame.to_arrow() for frame in frames if isinstance(frame, pl.DataFrame))
        )
        assert tables.validate(back) == SMALL


class TestRead:
    def test_read_tells_the_formats_apart(self, tmp_path: Path) -> None:
        """read() reads a Parquet or a CSV set from its directory or its claims file."""
        tables.write_parquet(SMALL, tmp_path / "p")
        tables.write_csv(SMALL, tmp_path / "c")
        assert tables.read(tmp_path / "p") == SMALL
        assert tables.validate(tables.read(tmp_path / "c")) == SMALL
        assert tables.read(tmp_path / "c" / "claims.csv").labels[2] == "claims.csv"
        assert tables.read(tmp_path / "p" / "claims.parquet") == SMALL


def command(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m diplostatements`` with these arguments; capture its output as text."""
    return subprocess.run(
        [sys.executable, "-m", "diplostatements", *args],
        capture_output=True,
        text=True,
        check=False,
    )


class TestCommandLine:
    def test_check_a_parquet_set(self, tmp_path: Path) -> None:
        """The check command reads a Parquet set from its directory or claims file, like JSON."""
        tables.write_parquet(examples.venezuela_2019(), tmp_path)
        (tmp_path / "set.json").write_text(dio.dumps(examples.venezuela_2019()))
        for form in ("text", "json"):
            expected = command("check", str(tmp_path / "set.json"), "--format", form)
            for path in (tmp_path, tmp_path / "claims.parquet"):
                result = command("check", str(path), "--format", form)
                assert result.returncode == 0, result.stderr
                assert result.stdout == expected.stdout

    def test_validate_and_timeline_a_csv_set(self, tmp_path: Path) -> None:
        """The validate and timeline commands read a CSV set."""
        tables.write_csv(examples.venezuela_2019(), tmp_path)
        result = command("validate", str(tmp_path / "claims.csv"))
        assert result.returncode == 0
        assert result.stdout == (
            f"{tmp_path / 'claims.csv'}: valid (19 actors, 12 affiliations, 17 statements of"
            " which 4 rebuttals)\n"
        )
        assert command("timeline", str(tmp_path)).stdout.startswith("17 statements")

    def test_bad_tables(self, tmp_path: Path) -> None:
        """Bad tables are listed with their file, row and column; exit status 2."""
        tables.write_parquet(claims(lambda c: cell(c, "speaker", 2, "pesckov"))(SMALL), tmp_path)
        result = command("validate", str(tmp_path))
        assert result.returncode == 2
        assert result.stderr == (
            f"diplostatements: error: {tmp_path} is not a valid diplostatements table set"
            " (1 problem)\n"
            "  - claims.parquet: row 2, column 'speaker': expected a known actor id, got"
            " 'pesckov'; did you mean 'peskov'?\n"
        )
        (tmp_path / "claims.parquet").write_text("")
        result = command("check", str(tmp_path))
        assert result.returncode == 2
        assert "claims.parquet: not a Parquet file" in result.stderr


class TestEdges:
    @pytest.mark.parametrize(
        "name",
        ["text", "source_published", "quantity_low", "claim_index", "has_when", "qualifiers"],
    )
    def test_columns_of_nulls(self, name: str) -> None:
        """A column of Arrow's null type reads as a column of nulls of the schema's type."""
        given = claims(lambda c: replaced(c, name, pa.nulls(3)))(SMALL)
        normal = tables.validate(given) if name != "claim_index" else None
        if normal is not None:
            assert normal.claims.schema.field(name).type == tables.CLAIMS.field(name).type
        else:
            # Without indices the rows hold no claims, yet they hold subjects: refused.
            assert problems_of(given)

    def test_one_row_statements_are_numbered_from_zero(self) -> None:
        """A statement of one row has claim index 0 (or none)."""
        s = StatementSet(
            [Actor.state("RUS"), Statement("s", "RUS", date(2019, 1, 1), [Claim("RUS", "p")])]
        )
        given = claims(lambda c: cell(c, "claim_index", 0, 3))(tables.to_arrow(s))
        assert problems_of(given) == [
            "claims: row 0, column 'claim_index': expected a claim index below 1 (statement 's'"
            " has 1 claim row; indices run from 0 with no gaps), got 3"
        ]

    def test_a_claimless_row_among_claims(self) -> None:
        """Only a statement without claims has a row without a claim index."""
        given = claims(lambda c: cell(c, "claim_index", 1, None))(SMALL)
        assert any(
            line.startswith(
                "claims: row 1, column 'claim_index': expected a claim index (statement 'tweet'"
                " has claims on other rows"
            )
            for line in problems_of(given)
        )

    def test_content_nested_too_deep(self) -> None:
        """Nested content deeper than the file format allows is refused."""
        deep: dict[str, Any] = {"subject": "x", "predicate": "p"}
        for _ in range(40):
            deep = {"subject": "x", "predicate": "said", "content": deep}
        given = claims(lambda c: cell(c, "content", 0, json.dumps(deep)))(SMALL)
        assert problems_of(given)[0].startswith(
            "claims: row 0, column 'content': $.content.content"
        )

    def test_nested_aliases_and_relay_dates(self) -> None:
        """Aliases two levels down in content resolve; a relay's null has_on reads its dates."""
        inner = {
            "subject": "x",
            "predicate": "said",
            "content": {"subject": "Moscow", "predicate": "p"},
        }
        changed = cell(SMALL.claims, "content", 0, json.dumps(inner))
        relays = changed.column("relays").to_pylist()
        relays[0][0]["has_on"] = relays[1][0]["has_on"] = None
        changed = replaced(changed, "relays", relays)
        normal = tables.validate(tables.Tables(SMALL.actors, SMALL.affiliations, changed))
        assert json.loads(normal.claims.column("content")[0].as_py())["content"]["subject"] == "RUS"
        assert normal.claims.column("relays")[0].as_py()[0]["has_on"] is True

    def test_nested_values_that_do_not_convert(self) -> None:
        """A struct field of text that does not read as its type is a wrong type for the column."""
        relay = [{"via": "interfax", "kind": "quoted", "on_start_earliest": "June"}]
        given = claims(
            lambda c: replaced(
                c,
                "relays",
                [relay] * 3,
                pa.list_(
                    pa.struct(
                        [
                            ("via", pa.string()),
                            ("kind", pa.string()),
                            ("on_start_earliest", pa.string()),
                        ]
                    )
                ),
            )
        )(SMALL)
        assert problems_of(given) == [
            "claims: column 'relays': expected a column of lists of struct<via, kind,"
            " on_start_earliest, on_start_latest, on_end_earliest, on_end_latest, has_on>"
            " (on_start_earliest: date32), got a column of list<struct<via, kind,"
            " on_start_earliest>>"
        ]

    def test_list_of_the_wrong_items(self) -> None:
        """A list of items whose text does not convert is refused for the column."""
        kind = pa.list_(pa.struct([("statement_id", pa.string()), ("claim", pa.string())]))
        targets = [None, None, [{"statement_id": "tweet", "claim": "first"}]]
        given = claims(lambda c: replaced(c, "targets", targets, kind))(SMALL)
        assert problems_of(given)[0].startswith(
            "claims: column 'targets': expected a column of lists of struct<statement_id, claim,"
            " content> (claim: int32)"
        )

    def test_dictionary_of_numbers(self) -> None:
        """A dictionary of numbers is not an enum column."""
        given = claims(lambda c: replaced(c, "channel", pa.array([1, 2, 1]).dictionary_encode()))(
            SMALL
        )
        assert problems_of(given) == [
            "claims: column 'channel': expected a column of strings (dictionary<int32, string>),"
            " got a column of dictionary<int64>"
        ]

    def test_unwritable_files(self, tmp_path: Path) -> None:
        """A table file or metadata file that cannot be written is a FileError."""
        (tmp_path / "p" / "claims.parquet").mkdir(parents=True)
        with pytest.raises(FileError, match=r"claims\.parquet"):
            tables.write_parquet(SMALL, tmp_path / "p")
        (tmp_path / "c" / "actors.csv").mkdir(parents=True)
        with pytest.raises(FileError, match=r"actors\.csv"):
            tables.write_csv(SMALL, tmp_path / "c")
        (tmp_path / "m" / "diplostatements.json").mkdir(parents=True)
        with pytest.raises(FileError, match=r"diplostatements\.json"):
            tables.write_parquet(SMALL, tmp_path / "m")
        with pytest.raises(FileError, match=r"diplostatements\.json"):
            tables.read_parquet(tmp_path / "m")

    def test_unreadable_parquet(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """An error reading a file that is there is a FileError with its reason."""
        tables.write_parquet(SMALL, tmp_path)

        def denied(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(pq, "read_table", denied)
        with pytest.raises(FileError, match="Permission denied"):
            tables.read_parquet(tmp_path)

    def test_csv_that_is_not_text(self, tmp_path: Path) -> None:
        """A CSV file that is not UTF-8 is a ParseError; an empty one has no columns."""
        (tmp_path / "actors.csv").write_bytes(b"id,name\xff\n")
        (tmp_path / "claims.csv").write_text("")
        with pytest.raises(ParseError, match="UTF-8 CSV text"):
            tables.read_csv(tmp_path)
        (tmp_path / "actors.csv").write_text("id,name,kind\nRUS,Russia,state\n")
        with pytest.raises(ValidationError) as caught:
            tables.read_csv(tmp_path)
        assert caught.value.problems[0].startswith("claims.csv: column 'said_on'")

    def test_csv_that_cannot_be_opened(self, tmp_path: Path) -> None:
        """A CSV table that cannot be opened is a FileError."""
        (tmp_path / "actors.csv").mkdir()
        (tmp_path / "claims.csv").write_text("statement_id\n")
        with pytest.raises(FileError, match=r"actors\.csv"):
            tables.read_csv(tmp_path)

    def test_csv_header_too_long(self, tmp_path: Path) -> None:
        """A header Python's csv module cannot read is a ParseError."""
        (tmp_path / "actors.csv").write_text("x" * 200_000 + "\n")
        (tmp_path / "claims.csv").write_text("statement_id\n")
        with pytest.raises(ParseError, match="UTF-8 CSV text"):
            tables.read_csv(tmp_path)

    def test_csv_problems_on_several_lines(self, tmp_path: Path) -> None:
        """Each problem in a CSV file names its own line."""
        (tmp_path / "actors.csv").write_text("id,name,kind\nRUS,Russia,state\nUSA,,stat\n")
        (tmp_path / "claims.csv").write_text("statement_id,speaker,said_on\n")
        assert problems_of(tables.read_csv(tmp_path)) == [
            "actors.csv: line 3, column 'name': expected a value (the column has no nulls),"
            " got null",
            'actors.csv: line 3, column \'kind\': expected one of "state", "government",'
            ' "person", "organization", "company", "media", "international_organization",'
            ' "group", "other", got "stat"',
        ]

    def test_dates_beyond_python(self) -> None:
        """A date32 value outside year 1 to 9999 is reported, not turned into a traceback."""
        days = pa.array([0, 3_000_000, 0], pa.int32()).view(pa.date32())
        given = claims(lambda c: replaced(c, "source_published", days))(SMALL)
        assert problems_of(given) == [
            "claims: row 1, column 'source_published': expected a date from year 1 to 9999,"
            " got 3000000"
        ]

    def test_content_written_otherwise(self) -> None:
        """Nested claims as JSON written by other tools (any spacing, any key order) are read."""
        given = claims(lambda c: cell(c, "content", 0, '{"predicate":"p","subject":"RUS"}'))(SMALL)
        assert json.loads(tables.validate(given).claims.column("content")[0].as_py()) == {
            "predicate": "p",
            "subject": "RUS",
        }

    def test_csv_with_the_four_columns_of_a_span(self, tmp_path: Path) -> None:
        """A claims CSV may give said_on as its four columns, as the Arrow table does."""
        (tmp_path / "actors.csv").write_text("id,name,kind\nRUS,Russia,state\n")
        (tmp_path / "claims.csv").write_text(
            "statement_id,speaker,said_on_start_earliest,said_on_start_latest,"
            "said_on_end_earliest,said_on_end_latest\ns,RUS,2019-06-01,2019-06-01,,\n"
        )
        s = tables.from_arrow(tables.read_csv(tmp_path))
        assert s.statements["s"].said_on == TimeSpan.since(date(2019, 6, 1))
