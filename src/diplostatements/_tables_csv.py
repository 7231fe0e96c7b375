"""CSV sets for spreadsheets: ``actors.csv``, ``affiliations.csv`` and ``claims.csv``.

A CSV table has the columns of its Arrow table, with two changes that make it easy to read and
type in a spreadsheet: a time span is one cell in the JSON format's encoding (``2019-06-04``, or
``{"sometime_in": "2019-03"}``; an empty ``when`` is no period), replacing its four date
columns; and a list (aliases, qualifiers, relays, targets) is a JSON array in the JSON format's
encoding (a single alias or qualifier may be written bare). An empty cell is null.

Reading parses with Arrow, then converts the span and list cells (each distinct cell once) and
leaves the rest to :func:`diplostatements.tables.validate`. Messages name the line of the file
each row starts on.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Final

import pyarrow as pa
import pyarrow.csv as pcsv
from cattrs.errors import BaseValidationError

from ._converter import BadValueError, converter, structure_span, unstructure_span
from ._problems import FileFieldError, walk
from ._tables_files import file_error, write_metadata
from ._tables_found import Found, column_path
from ._tables_schema import (
    AFFILIATIONS,
    COLUMNS,
    NAMES,
    RELAY,
    SPAN_ENDS,
    TARGET,
    Kind,
    bounds_of,
    span_columns,
    span_of,
)
from .exceptions import DiplostatementsError, ParseError
from .rebuttals import ClaimRef
from .statements import Relay
from .timespans import TimeSpan

__all__ = ["SPANS", "csv_columns", "read_csv_set", "write_csv_set"]

SPANS: Final = {"affiliations": ("span",), "claims": ("said_on", "when")}
"""The span columns each CSV table writes as one cell."""

_LISTS: Final = {Kind.TEXTS, Kind.RELAYS, Kind.TARGETS}


def csv_columns(name: str) -> list[str]:
    """The columns of a CSV table, in order."""
    spans = SPANS.get(name, ())
    names: list[str] = []
    for column in COLUMNS[name]:
        for prefix in spans:
            if column.name == f"{prefix}_{SPAN_ENDS[0]}":
                names.append(prefix)
        if any(column.name.startswith(f"{prefix}_") for prefix in spans):
            continue
        if column.name == "has_when":
            continue
        names.append(column.name)
    return names


# --- writing --------------------------------------------------------------------------------


def _span_text(bounds: tuple[date | None, ...]) -> str:
    value = unstructure_span(span_of(bounds))
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() else repr(value)


def _cells(table: pa.Table, name: str) -> Iterator[list[str]]:
    """Each row of a table in the normal form as CSV cells."""
    columns = {column: table.column(column).to_pylist() for column in table.schema.names}
    kinds = {column.name: column.kind for column in COLUMNS[name]}
    spans = SPANS.get(name, ())
    texts: dict[tuple[date | None, ...], str] = {}
    for row in range(table.num_rows):
        cells: list[str] = []
        for column in csv_columns(name):
            if column in spans:
                bounds = tuple(columns[part][row] for part in span_columns(column))
                if column == "when" and not columns["has_when"][row]:
                    cells.append("")
                    continue
                text = texts.get(bounds)
                if text is None:
                    text = texts[bounds] = _span_text(bounds)
                cells.append("" if column == "span" and text == _ALWAYS else text)
                continue
            cells.append(_cell(columns[column][row], kinds[column]))
        yield cells


_ALWAYS: Final = json.dumps(unstructure_span(TimeSpan.always()))


def _cell(value: Any, kind: Kind) -> str:  # noqa: PLR0911 -- one return per kind of column
    if value is None:
        return ""
    if kind is Kind.FLAG:
        return "true" if value else "false"
    if kind is Kind.NUMBER:
        return _number(value)
    if kind is Kind.DATE:
        return str(value.isoformat())
    if kind is Kind.TEXTS:
        return json.dumps(value, ensure_ascii=False)
    if kind is Kind.RELAYS:
        return json.dumps([_relay_json(relay) for relay in value], ensure_ascii=False)
    if kind is Kind.TARGETS:
        targets = [
            item["statement_id"]
            if item["claim"] is None
            else converter.unstructure(
                ClaimRef(item["statement_id"], item["claim"], content=item.get("content") or 0),
                ClaimRef,
            )
            for item in value
        ]
        return json.dumps(targets, ensure_ascii=False)
    return str(value)


def _relay_json(relay: dict[str, Any]) -> Any:
    on = None
    if relay["has_on"]:
        on = span_of([relay[name] for name in span_columns("on")])
    return converter.unstructure(Relay(relay["via"], kind=relay["kind"], on=on), Relay)


def write_csv_set(tables: Sequence[pa.Table], path: str | os.PathLike[str]) -> None:
    """Write three tables in the normal form as a CSV set in the directory ``path``."""
    directory = Path(path)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise file_error(error, directory) from error
    for name, table in zip(NAMES, tables, strict=True):
        target = directory / f"{name}.csv"
        try:
            with open(target, "w", encoding="utf-8", newline="") as stream:
                # CRLF, as RFC 4180 has it: a cell holding a lone CR or LF is then quoted too.
                writer = csv.writer(stream, lineterminator="\r\n")
                writer.writerow(csv_columns(name))
                writer.writerows(_cells(table, name))
        except OSError as error:
            raise file_error(error, target) from error
    write_metadata(directory)


# --- reading --------------------------------------------------------------------------------


class Lines:
    """The line of a CSV file each data row starts on, counted when first asked for."""

    __slots__ = ("_path", "_starts")

    def __init__(self, path: Path) -> None:
        self._path = path
        self._starts: list[int] | None = None

    def __call__(self, row: int) -> int:
        if self._starts is None:
            self._starts = []
            with open(self._path, encoding="utf-8-sig", newline="") as stream:
                reader = csv.reader(stream)
                ended = 0
                for _ in reader:
                    self._starts.append(ended + 1)
                    ended = reader.line_num
            del self._starts[0]  # the header
        return self._starts[row] if row < len(self._starts) else row + 2


def _header(path: Path) -> list[str]:
    with open(path, encoding="utf-8-sig", newline="") as stream:
        return next(csv.reader(stream), [])


def _parse_error(path: Path, error: Exception) -> ParseError:
    """Where a CSV file cannot be parsed: the first record with the wrong number of cells."""
    with open(path, encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream)
        width = None
        start = 1
        for cells in reader:
            if width is None:
                width = len(cells)
            elif len(cells) != width:
                text = ",".join(cells)
                return ParseError(
                    f"{width} cells, as in the header (got {len(cells)})",
                    text,
                    path=f"{path}: line {start}",
                )
            start = reader.line_num + 1
    # Python's reader and Arrow's agree on every malformed file we know of; if they ever do
    # not, Arrow's own message is the best there is.
    return ParseError(  # pragma: no cover
        "CSV", str(error).splitlines()[0], path=os.fspath(path)
    )


def _read_strings(path: Path) -> pa.Table:
    try:
        names = _header(path)
    except OSError as error:
        raise file_error(error, path) from error
    except (UnicodeDecodeError, csv.Error) as error:
        raise ParseError("UTF-8 CSV text", str(error), path=os.fspath(path)) from None
    if not names:
        return pa.table({})
    options = pcsv.ConvertOptions(
        column_types=dict.fromkeys(names, pa.string()),
        null_values=[""],
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
    )
    try:
        return pcsv.read_csv(
            path,
            parse_options=pcsv.ParseOptions(newlines_in_values=True),
            convert_options=options,
        )
    except pa.ArrowInvalid as error:
        raise _parse_error(path, error) from None


def _convert(
    cells: list[str | None],
    read: Callable[[str], Any],
    path: Callable[[int], str],
    found: Found,
    position: tuple[int, int],
) -> list[Any]:
    """Each cell read by ``read`` (each distinct one once); a problem for each that fails."""
    done: dict[str, Any] = {}
    failed: dict[str, BaseException] = {}
    values: list[Any] = []
    for row, cell in enumerate(cells):
        if cell is None:
            values.append(None)
            continue
        if cell not in done and cell not in failed:
            try:
                done[cell] = read(cell)
            except (BadValueError, BaseValidationError, ValueError) as error:
                failed[cell] = error
        if cell in failed:
            for problem in _problems(failed[cell], path(row), cell):
                found.add((position[0], row, position[1]), problem)
            values.append(None)
            continue
        values.append(done[cell])
    return values


def _problems(error: BaseException, path: str, cell: str) -> list[DiplostatementsError]:
    if isinstance(error, BadValueError | BaseValidationError):
        return list(walk(error, f"{path}: $"))
    return [FileFieldError(path, "JSON (or a date)", cell)]


def _json(cell: str) -> Any:
    return json.loads(cell) if cell.lstrip()[:1] in ("{", "[", '"') else cell


def _span(cell: str) -> tuple[date | None, ...]:
    return bounds_of(structure_span(_json(cell)))


def _strings(cell: str) -> list[str]:
    value = _json(cell) if cell.lstrip().startswith("[") else [cell]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise BadValueError("a JSON list of strings (or one string)", value)
    return value


def _relays(cell: str) -> list[dict[str, Any]]:
    value = _json(cell)
    if not isinstance(value, list):
        raise BadValueError("a JSON list of relays", value)
    relays = converter.structure(value, tuple[Relay, ...])
    rows = []
    for relay in relays:
        fields: dict[str, Any] = {"via": relay.via, "kind": relay.kind.value}
        span = relay.on
        bounds = (None, None, None, None) if span is None else bounds_of(span)
        fields.update({f"on_{end}": bound for end, bound in zip(SPAN_ENDS, bounds, strict=True)})
        fields["has_on"] = span is not None
        rows.append(fields)
    return rows


def _targets(cell: str) -> list[dict[str, Any]]:
    value = _json(cell)
    if not isinstance(value, list):
        raise BadValueError(
            'a JSON list of statement ids or {"statement_id": id, "claim": i}', value
        )
    targets: list[dict[str, Any]] = []
    for index, item in enumerate(value):
        if isinstance(item, str):
            targets.append({"statement_id": item, "claim": None, "content": None})
        elif not isinstance(item, dict):
            expected = 'a statement id or {"statement_id": id, "claim": index}'
            raise BadValueError(expected, item, f"[{index}]")
        else:
            ref = converter.structure(item, ClaimRef)
            targets.append(
                {
                    "statement_id": ref.statement_id,
                    "claim": ref.claim,
                    "content": ref.content or None,
                }
            )
    return targets


_READERS: Final[dict[Kind, tuple[Callable[[str], Any], pa.DataType]]] = {
    Kind.TEXTS: (_strings, pa.list_(pa.string())),
    Kind.RELAYS: (_relays, pa.list_(RELAY)),
    Kind.TARGETS: (_targets, pa.list_(TARGET)),
}


def arrow_of(
    strings: pa.Table, name: str, *, position: int, label: str, lines: Lines, found: Found
) -> pa.Table:
    """A CSV table of strings as an Arrow table of the schema's columns (spans and lists read)."""
    kinds = {column.name: column.kind for column in COLUMNS[name]}
    order = {column: index for index, column in enumerate(csv_columns(name))}
    columns: dict[str, pa.Array] = {}

    def where(column: str) -> Callable[[int], str]:
        return lambda row: f"{label}: line {lines(row)}, column {column!r}"

    for column in strings.schema.names:
        values = strings.column(column)
        place = (position, order.get(column, len(order)))
        if column in SPANS.get(name, ()):
            spans = _convert(values.to_pylist(), _span, where(column), found, place)
            for index, part in enumerate(span_columns(column)):
                columns[part] = pa.array(
                    [None if span is None else span[index] for span in spans], pa.date32()
                )
            if column == "when":
                # An empty cell is no period; validate reads a null flag from the bounds.
                columns["has_when"] = pa.array(
                    [None if span is None else True for span in spans], pa.bool_()
                )
            continue
        kind = kinds.get(column)
        if kind in _LISTS:
            read, kind_type = _READERS[kind]
            converted = _convert(values.to_pylist(), read, where(column), found, place)
            columns[column] = pa.array(converted, kind_type)
            continue
        columns[column] = values
    return pa.table(columns) if columns else pa.table({})


def _missing_spans(strings: pa.Table, name: str, label: str, found: Found, position: int) -> None:
    for column in SPANS.get(name, ()):
        if column == "said_on" and column not in strings.schema.names:
            if f"{column}_{SPAN_ENDS[0]}" in strings.schema.names:
                continue
            found.table(
                position,
                0,
                FileFieldError(
                    column_path(label, column),
                    'a column of dates or time spans (it is required), e.g. "2019-06-04"',
                    None,
                    shown="no such column",
                ),
            )


def read_csv_set(
    directory: Path, found: Found, claims: Path | None = None
) -> tuple[dict[str, pa.Table], dict[str, Lines]]:
    """Read the CSV tables of a set; problems with span and list cells go to ``found``.

    ``claims`` is the claims file when it is not ``claims.csv`` in ``directory``.
    """
    tables: dict[str, pa.Table] = {}
    lines: dict[str, Lines] = {}
    for position, name in enumerate(NAMES):
        path = directory / f"{name}.csv"
        if name == "claims" and claims is not None:
            path = claims
        if name == "affiliations" and not path.exists():
            tables[name] = AFFILIATIONS.empty_table()
            continue
        if not path.exists():
            raise file_error(FileNotFoundError(2, "No such file or directory"), path)
        strings = _read_strings(path)
        lines[name] = Lines(path)
        _missing_spans(strings, name, path.name, found, position)
        tables[name] = arrow_of(
            strings, name, position=position, label=path.name, lines=lines[name], found=found
        )
    return tables, lines
