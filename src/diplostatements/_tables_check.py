"""Validation of the three tables, a column at a time with Arrow compute, and their normal form.

:func:`check` works in three stages, as reading a JSON file does. First each table's schema and
each column's values on their own (a wrong type, a missing column, a bad enum value or date); then,
in each table whose values all read, the rules that tie columns together (a span's bounds in
order, a statement's rows agreeing, claim indices, quantities); then, when all three tables
passed, the references between them. Each stage reports every problem it finds before the next is
skipped, so a problem is never reported twice through its consequences.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs
import pyarrow as pa
import pyarrow.compute as pc

from . import _iso3166
from ._converter import MAX_NUMBER
from ._problems import MAX_PROBLEMS, FileFieldError
from ._tables_coerce import WrongType, coerce, describe_type
from ._tables_content import PLAIN_JSON, SPACE, content_problems
from ._tables_found import Found, column_path, row_path
from ._tables_schema import COLUMNS, FORMAT, NAMES, VERSION, Column, Kind
from .actors import COUNTRY_CODES
from .exceptions import DiplostatementsError
from .rebuttals import MAX_CONTENT
from .statements import RelayKind

__all__ = ["Sheet", "blank", "check_values", "sheets"]

_DAY_MIN: Final = -719162  # date.min, in days since 1970-01-01
_DAY_MAX: Final = 2932896  # date.max
_WIKIDATA: Final = r"^Q[1-9][0-9]*$"
_LANGUAGE: Final = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
_CODES: Final = pa.array(sorted(COUNTRY_CODES))


@attrs.define
class Sheet:
    """One table being checked: its columns in the schema's types, and whether it is sound.

    Args:
        position: the table's position in :data:`~diplostatements._tables_schema.NAMES`.
        name: ``"actors"``, ``"affiliations"`` or ``"claims"``.
        label: how messages name it (``"claims.parquet"``).
        rows: its number of rows.
        columns: every column of the schema, cast to its type (a column left out is all null).
        lines: the line of the file each row starts on, when the table was read from text
            (CSV): messages then name lines rather than rows.
        columns: every column of the schema, cast to its type (a column left out is all null).
        given: the names of the columns the table holds.
        sound: no problem was found in it so far.
    """

    position: int
    name: str
    label: str
    rows: int
    lines: Callable[[int], int] | None = None
    columns: dict[str, pa.Array | pa.ChunkedArray] = attrs.field(factory=dict)
    given: set[str] = attrs.field(factory=set)
    sound: bool = True

    def path(self, row: int, column: str) -> str:
        """The path of one value: ``claims.parquet: row 1041, column 'when_start_earliest'``."""
        if self.lines is None:
            return row_path(self.label, row, column)
        return f"{self.label}: line {self.lines(row)}, column {column!r}"

    def where(self, row: int) -> str:
        """A row as messages name it: ``row 1041`` (``line 1043`` in a CSV file)."""
        return f"row {row}" if self.lines is None else f"line {self.lines(row)}"

    def order(self, column: str) -> int:
        """The column's position in the schema (the order problems are listed in)."""
        return _ORDER[self.name][column]

    def expect(
        self, column: str, expected: str, shown: str | None = None
    ) -> Callable[[int, Any], DiplostatementsError]:
        """A maker of problems "``column`` of this row should hold ``expected``"."""

        def make(row: int, value: Any) -> DiplostatementsError:
            return FileFieldError(self.path(row, column), expected, value, shown=shown)

        return make

    def report(
        self,
        found: Found,
        column: str,
        bad: pa.Array | pa.ChunkedArray | None,
        expected: str,
        values: pa.Array | pa.ChunkedArray | None = None,
    ) -> None:
        """Record a problem at each bad row, showing the value of ``values`` (or the column)."""
        shown = self.columns[column] if values is None else values
        if found.rows(self.position, self.order(column), bad, self.expect(column, expected), shown):
            self.sound = False


_ORDER: Final = {
    name: {column.name: position for position, column in enumerate(columns)}
    for name, columns in COLUMNS.items()
}


def blank(column: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """True where a string holds nothing but white space (null stays null).

    Arrow's ``utf8_is_space`` and Python's ``str.isspace`` agree on every character.
    """
    return pc.or_(pc.utf8_is_space(column), pc.equal(pc.binary_length(column), 0))


# --- stage 1: the schema and each column on its own -----------------------------------------


def _metadata(table: pa.Table, sheet: Sheet, found: Found) -> bool:
    """Check the format, version and table named in the schema's metadata; False if newer."""
    metadata = table.schema.metadata or {}
    where = sheet.label
    form = metadata.get(b"diplostatements.format")
    if form is not None and form.decode(errors="replace") != FORMAT:
        found.table(
            sheet.position,
            -1,
            FileFieldError(f"{where}: metadata 'diplostatements.format'", f'"{FORMAT}"', form),
        )
    version = metadata.get(b"diplostatements.version")
    if version is not None:
        text = version.decode(errors="replace")
        if not text.isdigit() or int(text) > VERSION:
            newer = text.isdigit()
            expected = (
                f"{VERSION} (this version of diplostatements reads tables of version {VERSION}"
                " and older; upgrade it to read newer tables)"
                if newer
                else f"a version number such as {VERSION}"
            )
            found.table(
                sheet.position,
                -1,
                FileFieldError(f"{where}: metadata 'diplostatements.version'", expected, text),
            )
            return False
    named = metadata.get(b"diplostatements.table")
    if named is not None and named.decode(errors="replace") != sheet.name:
        found.table(
            sheet.position,
            -1,
            FileFieldError(
                f"{where}: metadata 'diplostatements.table'",
                f'"{sheet.name}" (the {sheet.name} table)',
                named.decode(errors="replace"),
            ),
        )
    return True


def sheets(
    tables: Mapping[str, pa.Table],
    labels: Mapping[str, str],
    lines: Mapping[str, Callable[[int], int]],
    found: Found,
) -> list[Sheet]:
    """Each table's schema checked and its columns cast to the schema's types."""
    result = []
    for position, name in enumerate(NAMES):
        table = tables[name]
        sheet = Sheet(position, name, labels[name], table.num_rows, lines.get(name))
        result.append(sheet)
        if not _metadata(table, sheet, found):
            sheet.sound = False
            continue
        known = {column.name: column for column in COLUMNS[name]}
        names = table.schema.names
        for extra, times in Counter(names).items():
            if times > 1:
                found.table(
                    position,
                    len(known),
                    FileFieldError(
                        column_path(sheet.label, extra),
                        "each column once",
                        times,
                        shown=f"{times} columns",
                    ),
                )
                sheet.sound = False
        for extra in names:
            if extra not in known:
                listed = ", ".join(known)
                found.table(
                    position,
                    len(known),
                    FileFieldError(
                        column_path(sheet.label, extra),
                        f"one of the columns {listed}",
                        extra,
                        shown=f"an unknown column {extra!r}",
                    ),
                )
                sheet.sound = False
        for column in COLUMNS[name]:
            _cast(table, sheet, column, found)
    return result


def _cast(table: pa.Table, sheet: Sheet, column: Column, found: Found) -> None:
    position = sheet.order(column.name)
    if column.name not in table.schema.names:
        sheet.columns[column.name] = pa.nulls(sheet.rows, column.type)
        if column.required:
            found.table(
                sheet.position,
                position,
                FileFieldError(
                    column_path(sheet.label, column.name),
                    f"a column of {describe_type(column.type)} (it is required)",
                    None,
                    shown="no such column",
                ),
            )
            sheet.sound = False
        return
    if table.schema.names.count(column.name) > 1:  # reported with the schema
        sheet.columns[column.name] = pa.nulls(sheet.rows, column.type)
        return
    sheet.given.add(column.name)
    values = table.column(column.name)
    try:
        cast, failed, expected = coerce(values, column.type)
    except WrongType as error:
        found.table(
            sheet.position,
            position,
            FileFieldError(
                column_path(sheet.label, column.name),
                f"a column of {error.expected}",
                None,
                shown=f"a column of {describe_type(values.type)}",
            ),
        )
        sheet.columns[column.name] = pa.nulls(sheet.rows, column.type)
        sheet.given.discard(column.name)
        sheet.sound = False
        return
    sheet.columns[column.name] = cast
    sheet.report(found, column.name, failed, expected, values)


def check_values(sheet: Sheet, found: Found) -> None:
    """Check each column's values on their own (a required value, a blank id, an enum value)."""
    for column in COLUMNS[sheet.name]:
        if column.name not in sheet.given:
            continue
        values = sheet.columns[column.name]
        if column.not_null and values.null_count:
            sheet.report(
                found, column.name, pc.is_null(values), "a value (the column has no nulls)"
            )
        if values.null_count < len(values):  # an empty column holds nothing to check
            _CHECKS[column.kind](sheet, column, values, found)


def _text(sheet: Sheet, column: Column, values: Any, found: Found) -> None:
    sheet.report(found, column.name, blank(values), "a non-empty string")


def _ident(sheet: Sheet, column: Column, values: Any, found: Found) -> None:
    spaced = pc.or_(pc.equal(pc.binary_length(values), 0), pc.match_substring_regex(values, SPACE))
    sheet.report(found, column.name, spaced, "a non-empty id without white space")


def _enum(sheet: Sheet, column: Column, values: Any, found: Found) -> None:
    used = pc.unique(values)
    words = used.dictionary.take(pc.drop_null(used.indices)).to_pylist()
    wrong = [word for word in words if word not in column.values]
    if wrong:
        allowed = ", ".join(f'"{value}"' for value in column.values)
        bad = pc.is_in(values.cast(pa.string()), value_set=pa.array(wrong, pa.string()))
        sheet.report(found, column.name, bad, f"one of {allowed}", values.cast(pa.string()))


def _date(sheet: Sheet, column: Column, values: Any, found: Found) -> None:
    days = values.cast(pa.int32())
    bounds = pc.min_max(days)
    if bounds["min"].as_py() >= _DAY_MIN and bounds["max"].as_py() <= _DAY_MAX:
        return
    outside = pc.or_(pc.less(days, _DAY_MIN), pc.greater(days, _DAY_MAX))
    sheet.report(found, column.name, outside, "a date from year 1 to 9999", days)


def _nothing(sheet: Sheet, column: Column, values: Any, found: Found) -> None:
    """Nothing more to check: converting the column checked every value."""


def _number(sheet: Sheet, column: Column, values: Any, found: Found) -> None:
    good = pc.and_(pc.is_finite(values), pc.less_equal(pc.abs(values), float(MAX_NUMBER)))
    expected = f"a finite number of at most {MAX_NUMBER} in size"
    sheet.report(found, column.name, pc.invert(good), expected)


def _country(sheet: Sheet, column: Column, values: Any, found: Found) -> None:
    upper = pc.utf8_upper(values)
    bad = pc.invert(pc.is_in(upper, value_set=_CODES))
    bad = pc.and_(pc.is_valid(values), bad)
    if not pc.any(bad).as_py():
        return

    def problem(row: int, value: Any) -> FileFieldError:
        guesses = _iso3166.suggest(value)
        hint = f" (did you mean {_iso3166.describe(guesses)}?)" if guesses else ""
        path = sheet.path(row, column.name)
        return FileFieldError(path, f"an ISO 3166-1 alpha-3 country code{hint}", value)

    found.rows(sheet.position, sheet.order(column.name), bad, problem, values)
    sheet.sound = False


def _pattern(pattern: str, expected: str) -> Any:
    def check(sheet: Sheet, column: Column, values: Any, found: Found) -> None:
        wrong = pc.invert(pc.match_substring_regex(values, pattern))
        sheet.report(found, column.name, wrong, expected)

    return check


def _texts(sheet: Sheet, column: Column, values: Any, found: Found) -> None:
    listed = _whole(values)
    items = pc.list_flatten(listed)
    bad = pc.or_(pc.is_null(items), pc.fill_null(blank(items), False))
    _items(
        sheet,
        column.name,
        listed,
        bad,
        field="",
        expected="a non-empty string",
        shown=items,
        found=found,
    )


def _whole(values: pa.Array | pa.ChunkedArray) -> pa.Array:
    return values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values


def _items(
    sheet: Sheet,
    name: str,
    listed: pa.Array,
    bad: pa.Array,
    *,
    field: str,
    expected: str,
    shown: pa.Array,
    found: Found,
) -> None:
    """Record a problem for each bad item of a list column, named ``column'[i].field``."""
    mask = pc.fill_null(bad, False)
    count = pc.sum(mask).as_py() or 0
    if not count:
        return
    sheet.sound = False
    parents = pc.list_parent_indices(listed)
    first = listed.offsets[0].as_py()
    flat = pc.indices_nonzero(mask).slice(0, MAX_PROBLEMS).to_pylist()
    values = shown.take(pa.array(flat, pa.int64())).to_pylist()
    for item, value in zip(flat, values, strict=True):
        row = parents[item].as_py()
        index = item - (listed.offsets[row].as_py() - first)
        path = f"{sheet.path(row, name)}[{index}]{field}"
        found.add((sheet.position, row, sheet.order(name)), FileFieldError(path, expected, value))
    found.count += count - len(flat)


def _relays(sheet: Sheet, column: Column, values: Any, found: Found) -> None:
    listed = _whole(values)
    relays = pc.list_flatten(listed)
    via = relays.field("via")
    bad_via = pc.or_(pc.is_null(via), pc.fill_null(blank(via), False))
    _items(
        sheet,
        column.name,
        listed,
        bad_via,
        field=".via",
        expected="a non-empty string",
        shown=via,
        found=found,
    )
    kind = relays.field("kind")
    allowed = [member.value for member in RelayKind]
    wrong = pc.invert(pc.is_in(kind.cast(pa.string()), value_set=pa.array(allowed)))
    wrong = pc.or_(pc.is_null(kind), wrong)
    expected = "one of " + ", ".join(f'"{value}"' for value in allowed)
    _items(
        sheet,
        column.name,
        listed,
        wrong,
        field=".kind",
        expected=expected,
        shown=kind,
        found=found,
    )


def _targets(sheet: Sheet, column: Column, values: Any, found: Found) -> None:
    listed = _whole(values)
    targets = pc.list_flatten(listed)
    ident = targets.field("statement_id")
    bad = pc.or_(pc.is_null(ident), pc.fill_null(blank(ident), False))
    _items(
        sheet,
        column.name,
        listed,
        bad,
        field=".statement_id",
        expected="a non-empty statement id",
        shown=ident,
        found=found,
    )
    claim = targets.field("claim")
    negative = pc.less(claim, 0)
    _items(
        sheet,
        column.name,
        listed,
        negative,
        field=".claim",
        expected="a claim index (0 or more)",
        shown=claim,
        found=found,
    )
    content = targets.field("content")
    if content.null_count == len(content):
        return
    beyond = pc.or_(pc.less(content, 0), pc.greater(content, MAX_CONTENT))
    _items(
        sheet,
        column.name,
        listed,
        pc.or_(beyond, pc.and_(pc.greater(content, 0), pc.is_null(claim))),
        field=".content",
        expected=f"a depth of nested content from 0 to {MAX_CONTENT}, on a target with a claim",
        shown=content,
        found=found,
    )


def _content(sheet: Sheet, column: Column, values: Any, found: Found) -> None:
    # Each distinct text is read once: reported claims repeat (the same message relayed).
    encoded = pc.dictionary_encode(_whole(values))
    # A text in the form content_json writes for a plain claim is valid without reading it.
    plain = pc.match_substring_regex(encoded.dictionary, PLAIN_JSON)
    others = pc.indices_nonzero(pc.invert(plain)).to_pylist()
    if not others:
        return
    texts = encoded.dictionary.to_pylist()
    bad = [index for index in others if content_problems("", texts[index])]
    if not bad:
        return
    rows = pc.indices_nonzero(pc.fill_null(pc.is_in(encoded.indices, pa.array(bad)), False))
    for row, index in zip(
        rows.slice(0, MAX_PROBLEMS).to_pylist(),
        encoded.indices.take(rows.slice(0, MAX_PROBLEMS)).to_pylist(),
        strict=True,
    ):
        for problem in content_problems(sheet.path(row, column.name), texts[index]):
            found.add((sheet.position, row, sheet.order(column.name)), problem)
    found.count += max(0, len(rows) - MAX_PROBLEMS)
    sheet.sound = False


_CHECKS: Final = {
    Kind.ID: _ident,
    Kind.TEXT: _text,
    Kind.ENUM: _enum,
    Kind.DATE: _date,
    Kind.FLAG: _nothing,
    Kind.INDEX: _nothing,
    Kind.NUMBER: _number,
    Kind.TEXTS: _texts,
    Kind.RELAYS: _relays,
    Kind.TARGETS: _targets,
    Kind.JSON: _content,
    Kind.COUNTRY: _country,
    Kind.WIKIDATA: _pattern(_WIKIDATA, 'a Wikidata item id such as "Q1899"'),
    Kind.LANGUAGE: _pattern(_LANGUAGE, "a BCP 47 language tag such as 'ru' or 'en-US'"),
}
