"""Tables: a statement set as three Arrow tables, and Parquet, pandas, Polars and CSV through them.

Install with ``pip install 'diplostatements[tables]'`` (it adds ``pyarrow``). A set is three
tables: **actors** (one row per actor), **affiliations** (one row per affiliation) and
**claims** (one row per top-level claim, the statement's columns repeated on each of its rows; a
statement without claims has one row whose claim columns are null). Dates are Arrow dates (a
time span is its four bounds, null an open end), enums are dictionary-encoded strings holding
the JSON format's lowercase values, aliases, qualifiers, relays and rebuttal targets are list
columns, and a nested reported claim is JSON text. The documentation's "Tables" page lists every
column with the JSON format's name for it.

>>> from diplostatements import examples
>>> s = examples.venezuela_2019()
>>> t = to_arrow(s)
>>> t
Tables(actors=19 rows, affiliations=12 rows, claims=31 rows)
>>> from_arrow(t) == s
True
>>> t.claims.select(["statement_id", "subject", "predicate", "object"]).slice(0, 1).to_pylist()
[{'statement_id': 'bolton-support-charge', 'subject': 'RUS', \
'predicate': 'increased_support_for', 'object': 'maduro'}]

Tables made elsewhere (pandas, Polars, DuckDB, a spreadsheet) are checked as files are:
:func:`validate` lists every problem with its table, row and column
(``claims.parquet: row 1041, column 'when_start_earliest': ...``) and :func:`from_arrow` never
returns part of a set.
"""

from __future__ import annotations

try:
    import pyarrow as pa
except ImportError as _missing:
    from .exceptions import MissingExtraError

    raise MissingExtraError("diplostatements.tables", "pyarrow", "tables") from _missing

import os
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Final, NamedTuple

import attrs

from . import _tables_files as files
from ._tables_check import check_values, sheets
from ._tables_csv import read_csv_set, write_csv_set
from ._tables_found import Found
from ._tables_read import build
from ._tables_refs import normal_tables, resolve
from ._tables_rules import check_actors, check_affiliations, check_claims
from ._tables_schema import ACTORS, AFFILIATIONS, CLAIMS, FORMAT, NAMES, VERSION
from ._tables_statements import groups_of
from ._tables_write import tables_of
from .collection import StatementSet
from .exceptions import FieldError, MissingExtraError

__all__ = [
    "ACTORS",
    "AFFILIATIONS",
    "CLAIMS",
    "FORMAT",
    "VERSION",
    "Frames",
    "Tables",
    "from_arrow",
    "read",
    "read_csv",
    "read_parquet",
    "to_arrow",
    "validate",
    "write_csv",
    "write_parquet",
]

_DEFAULT_LABELS: Final = NAMES


def _as_table(value: object) -> pa.Table:
    """A table from an Arrow table or batch, a pandas or Polars frame, or an Arrow stream."""
    if isinstance(value, pa.Table):
        return value
    if isinstance(value, pa.RecordBatch):
        return pa.Table.from_batches([value])
    if type(value).__module__.partition(".")[0] == "pandas":
        # The frame's index is row numbering, not data: leave it out.
        return pa.Table.from_pandas(value, preserve_index=False)
    try:
        return pa.table(value)
    except (TypeError, ValueError, pa.ArrowException):
        raise FieldError(
            "Tables", "an Arrow table, a pandas or Polars data frame, or an Arrow stream", value
        ) from None


class Frames(NamedTuple):
    """The three tables as pandas data frames (:meth:`Tables.to_pandas`)."""

    actors: Any
    """The actors, one row each."""
    affiliations: Any
    """The affiliations, one row each."""
    claims: Any
    """The claims, one row per top-level claim."""


@attrs.frozen(eq=False, repr=False)
class Tables:
    """A statement set as three Arrow tables: actors, affiliations and claims.

    Each may be given as an Arrow table, a pandas or Polars data frame, or anything else that
    :func:`pyarrow.table` reads; a table left out is empty. Nothing is checked when a value is
    made: :func:`validate` and :func:`from_arrow` check.

    Args:
        actors: one row per actor.
        affiliations: one row per affiliation.
        claims: one row per top-level claim of each statement.
        labels: how messages name the three tables (``"claims.parquet"`` when read from a file).
        source: how messages name the whole (a directory), if it was read from one.

    Two values are equal when their tables hold the same columns and values.
    """

    actors: pa.Table = attrs.field(factory=ACTORS.empty_table, converter=_as_table)
    affiliations: pa.Table = attrs.field(factory=AFFILIATIONS.empty_table, converter=_as_table)
    claims: pa.Table = attrs.field(factory=CLAIMS.empty_table, converter=_as_table)
    labels: tuple[str, str, str] = attrs.field(default=_DEFAULT_LABELS, kw_only=True)
    source: str | None = attrs.field(default=None, kw_only=True)
    # Where each row of a table read from CSV starts in its file (messages name lines there).
    _lines: Mapping[str, Callable[[int], int]] = attrs.field(
        factory=dict, kw_only=True, alias="_lines", repr=False
    )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Tables):
            return NotImplemented
        # The same columns holding the same values: nullability and metadata aside.
        return all(
            mine.schema.names == theirs.schema.names
            and all(
                left.equals(right) for left, right in zip(mine.columns, theirs.columns, strict=True)
            )
            for mine, theirs in zip(self._all(), other._all(), strict=True)
        )

    __hash__ = None  # type: ignore[assignment]  # tables compare by value and are not hashable

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{name}={table.num_rows} row{'s' if table.num_rows != 1 else ''}"
            for name, table in zip(NAMES, self._all(), strict=True)
        )
        return f"Tables({counts})"

    def _all(self) -> tuple[pa.Table, pa.Table, pa.Table]:
        return self.actors, self.affiliations, self.claims

    def to_pandas(self) -> Frames:
        """The three tables as pandas data frames that keep every type exactly.

        Columns hold pandas' Arrow-backed types (``date32[day][pyarrow]``, lists, nullable
        integers), so :meth:`from_pandas` gives back the same tables. Needs pandas.

        Raises:
            MissingExtraError: pandas is not installed.
        """
        try:
            import pandas as pd  # noqa: PLC0415 -- pandas is optional
        except ImportError as error:
            raise MissingExtraError("Tables.to_pandas", "pandas") from error
        frames = [table.to_pandas(types_mapper=pd.ArrowDtype) for table in self._all()]
        return Frames(*frames)

    @classmethod
    def from_pandas(
        cls, actors: Any = None, affiliations: Any = None, claims: Any = None
    ) -> Tables:
        """Tables from pandas data frames (their indexes are left out); a frame left out is empty.

        >>> from diplostatements import examples
        >>> frames = to_arrow(examples.venezuela_2019()).to_pandas()
        >>> frames.claims["said_on_start_earliest"].tolist()[:2]
        [datetime.date(2019, 1, 1), datetime.date(2019, 1, 1)]
        >>> from_arrow(Tables.from_pandas(*frames)) == examples.venezuela_2019()
        True
        """
        given = {
            name: frame
            for name, frame in (
                ("actors", actors),
                ("affiliations", affiliations),
                ("claims", claims),
            )
            if frame is not None
        }
        return cls(**given)


def to_arrow(statements: StatementSet) -> Tables:
    """The set as three Arrow tables, in the set's order.

    Actors come by id, affiliations in the set's order, and claims chronologically by when
    each statement was made, then by statement id, then by the claim's index.

    Raises:
        FieldError: ``statements`` is not a set, or a quantity's end is larger than a float64
            column holds exactly (2**53).
    """
    if not isinstance(statements, StatementSet):
        raise FieldError("to_arrow(statements)", "a StatementSet", statements)
    return Tables(*tables_of(statements))


def validate(tables: Tables) -> Tables:
    """Check the tables without building objects; return them in the normal form.

    Every problem is listed with its table, row and column: a wrong column type, a missing
    required column or an unknown one, a required value left null, an unknown enum value, a bad
    or out-of-order date, a bad quantity, a statement whose rows disagree, claim indices that do
    not run 0, 1, 2, ..., a repeated id, a reference to an unknown actor or statement, a newer
    version of the format.

    The normal form is what :func:`to_arrow` writes: every column in its type (a column left out
    is null), every default filled in (a null ``channel`` is ``"unspecified"``), actor aliases
    in speakers, relays, subjects and objects resolved to ids as a set resolves them. Readers of
    the tables (the checker's row stage, a query) read that form.

    Raises:
        ValidationError: lists every problem (at most 1,000; the message gives the count).
    """
    if not isinstance(tables, Tables):
        raise FieldError("validate(tables)", "Tables", tables)
    source = tables.source
    found = Found()
    labels = dict(zip(NAMES, tables.labels, strict=True))
    given = dict(zip(NAMES, tables._all(), strict=True))
    checked = sheets(given, labels, tables._lines, found)
    with ThreadPoolExecutor(1) as pool:
        # Finding each statement's rows hashes every id: done beside the other checks (Arrow
        # lets go of the interpreter while it computes), it costs next to nothing.
        claims = checked[2]
        grouping = pool.submit(groups_of, claims.columns["statement_id"]) if claims.sound else None
        for sheet in checked:
            # Each column's values are checked on their own, whatever is wrong elsewhere; the
            # rules that tie columns together wait until every value reads.
            check_values(sheet, found)
        for sheet, rules in zip(checked[:2], (check_actors, check_affiliations), strict=True):
            if sheet.sound:
                rules(sheet, found)
        if claims.sound:
            check_claims(claims, found, None if grouping is None else grouping.result())
    found.check(source)
    resolve(checked, found)
    found.check(source)
    return Tables(
        *normal_tables(checked),
        labels=tables.labels,
        source=tables.source,
        _lines=tables._lines,
    )


def from_arrow(tables: Tables) -> StatementSet:
    """The set the tables hold, checked first by :func:`validate`.

    Raises:
        ValidationError: lists every problem; no set is returned.
    """
    normal = validate(tables)
    return build(normal._all(), normal.labels, normal.source)


def write_parquet(tables: Tables | StatementSet, path: str | os.PathLike[str]) -> None:
    """Write a set (or its tables) as a Parquet set: a directory of three files and metadata.

    The directory (made if needed) receives ``actors.parquet``, ``affiliations.parquet``,
    ``claims.parquet`` and ``diplostatements.json``, which names the format and its version;
    other files in it are left alone.

    Raises:
        FileError: a file cannot be written.
    """
    if isinstance(tables, StatementSet):
        tables = to_arrow(tables)
    if not isinstance(tables, Tables):
        raise FieldError("write_parquet(tables)", "Tables or a StatementSet", tables)
    files.write_set(tables._all(), path)


def read_parquet(path: str | os.PathLike[str]) -> Tables:
    """Read a Parquet set: a directory, or a claims file with its actors beside it.

    A directory holds ``claims.parquet`` and ``actors.parquet``, and may hold
    ``affiliations.parquet`` and the metadata file ``diplostatements.json`` (a set written by
    another tool may have neither). A path to any other Parquet file is read as the claims
    table, with the ``actors.parquet`` and ``affiliations.parquet`` of its directory.

    The tables are read, not checked: :func:`validate` or :func:`from_arrow` check them, and
    name each problem by its file, row and column.

    Raises:
        FileError: a file is missing or is not Parquet.
        ValidationError: the metadata file names another format or a newer version.
    """
    _, read = files.read_set(path)
    _, paths = files.set_files(path)
    labels = tuple(paths[name].name for name in NAMES)
    return Tables(
        read["actors"],
        read["affiliations"] if read["affiliations"] is not None else AFFILIATIONS.empty_table(),
        read["claims"],
        labels=(labels[0], labels[1], labels[2]),
        source=os.fspath(path),
    )


def write_csv(tables: Tables | StatementSet, path: str | os.PathLike[str]) -> None:
    """Write a set (or its tables) as a CSV set, for spreadsheets: one CSV file per table.

    The directory (made if needed) receives ``actors.csv``, ``affiliations.csv``,
    ``claims.csv`` and the metadata file ``diplostatements.json``. A CSV table has the columns
    of its Arrow table, except that a time span is one cell in the JSON format's encoding
    (``2019-06-04``, ``{"sometime_in": "2019-03"}``) and a list is a JSON array; tables are
    checked (:func:`validate`) and written in the normal form.

    Raises:
        FileError: a file cannot be written.
        ValidationError: the tables are not valid.
    """
    if isinstance(tables, StatementSet):
        tables = to_arrow(tables)
    if not isinstance(tables, Tables):
        raise FieldError("write_csv(tables)", "Tables or a StatementSet", tables)
    write_csv_set(validate(tables)._all(), path)


def read_csv(path: str | os.PathLike[str]) -> Tables:
    """Read a CSV set: a directory, or a claims CSV file with the ``actors.csv`` beside it.

    The directory holds ``claims.csv`` and ``actors.csv``, and may hold ``affiliations.csv``
    and the metadata file. Span and list cells are read here; :func:`validate` and
    :func:`from_arrow` check the rest. Messages name the line each row starts on.

    Raises:
        FileError: a file is missing or cannot be read.
        ParseError: a file is not CSV (a record with more or fewer cells than the header).
        ValidationError: a span or list cell cannot be read; every one is listed.
    """
    given = Path(path)
    directory = given if given.is_dir() else given.parent
    files.check_metadata(directory)
    found = Found()
    raw, lines = read_csv_set(directory, found, None if given.is_dir() else given)
    source = os.fspath(path)
    found.check(source)
    return Tables(
        raw["actors"],
        raw["affiliations"],
        raw["claims"],
        labels=(
            "actors.csv",
            "affiliations.csv",
            given.name if not given.is_dir() else "claims.csv",
        ),
        source=source,
        _lines=lines,
    )


def read(path: str | os.PathLike[str]) -> Tables:
    """Read a Parquet set or a CSV set, told apart by its files.

    A directory holding ``claims.parquet`` is a Parquet set (:func:`read_parquet`), one holding
    ``claims.csv`` a CSV set (:func:`read_csv`); a path to a ``.parquet`` or ``.csv`` file is
    that file's claims table, with its directory's other tables.

    Raises:
        FileError: the path holds neither.
    """
    given = Path(path)
    if given.is_dir():
        if (given / "claims.parquet").exists():
            return read_parquet(given)
        if (given / "claims.csv").exists():
            return read_csv(given)
        raise files.file_error(
            FileNotFoundError(2, "no claims.parquet or claims.csv in this directory"), given
        )
    if given.suffix == ".csv":
        return read_csv(given)
    return read_parquet(given)
