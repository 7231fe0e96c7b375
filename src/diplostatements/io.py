"""Files: a versioned JSON document, JSON Lines for large sets, and the schema they follow.

Two layouts hold the same data. A **JSON document** is one object, one item per line inside its
lists, for sets a person reads and versions in git::

    {
      "format": "diplostatements",
      "version": 1,
      "actors": [
        {"id": "RUS", "name": "Russia", "kind": "state", "country": "RUS"}
      ],
      "affiliations": [],
      "statements": [
        {"id": "st-1", "speaker": "RUS", "said_on": "2019-06-04", "claims": [...]}
      ]
    }

**JSON Lines** start with a header line ``{"format": "diplostatements", "version": 1}`` and hold
one record per line, tagged with its ``"type"`` (``"actor"``, ``"affiliation"``,
``"statement"``, ``"rebuttal"``); it is read one line at a time, so a large set never sits in
memory as text.

Every field of every value is written, except a field equal to its default, which is left out
and read back as that default. Enums are their lowercase values, dates ``YYYY-MM-DD``, and a
:class:`~diplostatements.TimeSpan` the shortest of five forms that name its four bounds exactly:
``"2019-06-03"`` (that day), ``{"sometime_in": "2019-03"}`` (a moment in that month, or ``"2019"``
a year), ``{"from": "2019-01-23", "to": null}`` (held throughout; ``null`` is an open end),
``{"sometime_between": ["2019-05-07", "2019-05-10"]}`` (a moment in that range), and
``{"start": [earliest, latest], "end": [earliest, latest]}`` for any other span. The schema
(:func:`schema`, :data:`SCHEMA_PATH`) describes both layouts. The same set always gives the same
bytes, and ``loads(dumps(s)) == s``.

Reading never returns part of a set. Anything wrong with the input raises a
:class:`~diplostatements.exceptions.DiplostatementsError`, and nothing else:

- text that is not JSON (or not UTF-8): :class:`~diplostatements.exceptions.ParseError`, with
  the line and column (``FILE:LINE:COLUMN`` when read from a file). In JSON Lines each line is
  read on its own, so a bad line is one of the problems of a
  :class:`~diplostatements.exceptions.ValidationError` instead;
- anything else — a wrong type, a missing or unknown field, a key repeated in an object, an
  unknown enum value, an invalid date, text holding a lone surrogate, a number that is not finite
  or larger than 2**53, claims nested deeper than 32 through ``content``, an unknown reference,
  a repeated id, a speaks-for cycle, a newer version of the format — a
  :class:`~diplostatements.exceptions.ValidationError` listing every problem found, each with
  its JSON path (``$.statements[3].claims[0].when``; in JSON Lines ``line 7, $.said_on``) and
  what was expected. References are checked once every item reads correctly; at most 1,000
  problems are listed (the message gives the full count);
- a file that cannot be opened or read: :class:`FileError`, which is also an :class:`OSError`.

>>> from diplostatements import examples
>>> s = examples.venezuela_2019()
>>> loads(dumps(s)) == s and loads(dumps(s, format="jsonl")) == s
True
>>> dumps(s, format="jsonl").splitlines()[0]
'{"format": "diplostatements", "version": 1}'
>>> loads('{"format": "diplostatements", "version": 1, "actors": [{"id": "x"}]}')
Traceback (most recent call last):
...
diplostatements.exceptions.ValidationError: the text is not a valid diplostatements file \
(2 problems)
  - $.actors[0].name: expected a value (the field is required), got nothing
  - $.actors[0].kind: expected a value (the field is required), got nothing
"""

from __future__ import annotations

import io as _io
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import IO, Any, Final, Literal, TypeAlias, TypeGuard, cast

from ._assembly import assemble
from ._converter import Item, unstructure_item
from ._fast import DECODER as FAST_DECODER
from ._paused import collector_paused
from ._printable import printable
from ._problems import FileFieldError, Problems
from ._progress import Progress, Ticker
from ._reading import (
    FORMAT,
    VERSION,
    check_header,
    decode,
    document_items,
    is_blank,
    jsonl_items,
    parse_json,
    parse_line,
)
from .collection import StatementSet
from .exceptions import DiplostatementsError, ParseError, ValidationError
from .vocabulary import Vocabulary

__all__ = [
    "FORMAT",
    "SCHEMA_PATH",
    "VERSION",
    "VOCABULARY_SCHEMA_PATH",
    "FileError",
    "Format",
    "TableFormat",
    "dump",
    "dumps",
    "iter_jsonl",
    "load",
    "load_vocabulary",
    "loads",
    "schema",
]

Format: TypeAlias = Literal["json", "jsonl"]
"""``"json"``: one JSON document; ``"jsonl"``: JSON Lines, a header then one record per line."""

TableFormat: TypeAlias = Literal["parquet", "csv"]
"""A directory of tables (:mod:`diplostatements.tables`, extra ``tables``): ``"parquet"`` or
``"csv"``."""

PathOrFile: TypeAlias = "str | os.PathLike[str] | IO[str] | IO[bytes]"

SCHEMA_PATH: Final = Path(__file__).with_name("schema") / "diplostatements-v1.schema.json"
"""The JSON Schema (draft 2020-12) of version 1 of the format, shipped with the package.

Its ``$defs`` hold one definition per record (``actor``, ``affiliation``, ``statement``,
``rebuttal``), ``record`` (any tagged JSON Lines record) and ``header`` (the first line of JSON
Lines); the schema itself is the JSON document.
"""

_ENCODER: Final = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False)


class FileError(DiplostatementsError, OSError):
    """A file could not be opened, read or written (missing, a directory, no permission).

    It is an :class:`OSError` too, with the ``errno``, ``strerror`` and ``filename`` of the
    error that caused it; its message is ``"FILENAME: what went wrong"``.
    """

    def __str__(self) -> str:
        return f"{printable(str(self.filename))}: {self.strerror}"


def schema() -> dict[str, Any]:
    """The JSON Schema of the format, as a new dict (see :data:`SCHEMA_PATH`).

    >>> schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    result: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return result


# --- writing ---------------------------------------------------------------------------------


def _header() -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION}


def _chunks(statements: StatementSet, format: Format) -> Iterator[str]:
    """The file as pieces of text, in order, each ending in a newline."""
    sections: tuple[tuple[str, Iterable[Item]], ...] = (
        ("actors", statements.actors.values()),
        ("affiliations", statements.affiliations),
        # Written only when there are some: a set without them gives the bytes it always gave.
        *((("part_of", statements.part_of),) if statements._part_of else ()),
        ("statements", statements),
    )
    encode = _ENCODER.encode
    if format == "jsonl":
        yield encode(_header()) + "\n"
        for _, items in sections:
            for item in items:
                yield encode(unstructure_item(item, tag=True)) + "\n"
        return
    yield '{\n  "format": "diplostatements",\n  "version": 1'
    for name, items in sections:
        lines = [encode(unstructure_item(item, tag=False)) for item in items]
        body = ",\n    ".join(lines)
        yield f',\n  "{name}": [\n    {body}\n  ]' if lines else f',\n  "{name}": []'
    yield "\n}\n"


def _check_format(format: object) -> Format:
    if format in {"json", "jsonl"}:
        return format
    raise ValueError(f'format must be "json" or "jsonl", got {format!r}')


def _directory(file: PathOrFile, format: str) -> str | os.PathLike[str]:
    if not isinstance(file, str | os.PathLike):
        raise TypeError(f"format {format!r} writes a directory: give its path, not an open file")
    return file


def _is_tables(file: PathOrFile) -> TypeGuard[str | os.PathLike[str]]:
    """Whether a path names a directory of tables or a table file (rather than JSON)."""
    return isinstance(file, str | os.PathLike) and (
        os.path.isdir(file) or os.fspath(file).endswith((".parquet", ".csv"))
    )


def dumps(statements: StatementSet, *, format: Format = "json") -> str:
    """The set as text: a JSON document, or JSON Lines.

    Args:
        statements: the set to write.
        format: ``"json"`` (a document, one item per line in its lists) or ``"jsonl"``.

    Returns:
        The text, ending in a newline. The same set always gives the same text.

    Raises:
        TypeError: ``statements`` is not a :class:`~diplostatements.StatementSet`.
        ValueError: ``format`` is neither ``"json"`` nor ``"jsonl"``.

    >>> from diplostatements import Actor, StatementSet
    >>> print(dumps(StatementSet([Actor.state("RUS")])))
    {
      "format": "diplostatements",
      "version": 1,
      "actors": [
        {"id": "RUS", "name": "Russia", "kind": "state", "country": "RUS"}
      ],
      "affiliations": [],
      "statements": []
    }
    <BLANKLINE>
    """
    _check_set(statements)
    return "".join(_chunks(statements, _check_format(format)))


def dump(
    statements: StatementSet, file: PathOrFile, *, format: Format | TableFormat | None = None
) -> None:
    """Write the set to a file, as :func:`dumps` would, or to a directory of tables.

    Args:
        statements: the set to write.
        file: a path, or a file open for writing (text or binary; UTF-8 is written to binary);
            for ``"parquet"`` and ``"csv"``, the path of a directory.
        format: ``"json"`` or ``"jsonl"``; by default ``"jsonl"`` for a path ending in ``.jsonl``
            and ``"json"`` otherwise. ``"parquet"`` writes a Parquet set and ``"csv"`` a CSV set
            (see :mod:`diplostatements.tables`; they need the extra ``tables``).

    Raises:
        FileError: the file cannot be written.
        MissingExtraError: a table format was asked for without pyarrow installed.
        TypeError: ``statements`` is not a :class:`~diplostatements.StatementSet`.
        ValueError: ``format`` is not one of the formats above.
    """
    _check_set(statements)
    if format in ("parquet", "csv"):
        from . import tables  # noqa: PLC0415 -- needs pyarrow, an optional extra

        write = tables.write_parquet if format == "parquet" else tables.write_csv
        write(statements, _directory(file, format))
        return
    if format is None:
        name = file if isinstance(file, str | os.PathLike) else getattr(file, "name", "")
        format = "jsonl" if str(name).endswith(".jsonl") else "json"
    chunks = _chunks(statements, _check_format(format))
    if not isinstance(file, str | os.PathLike):
        _write(file, chunks)
        return
    try:
        with open(file, "w", encoding="utf-8", newline="\n") as stream:
            stream.writelines(chunks)
    except OSError as error:
        raise _file_error(error, file) from error


def _write(file: IO[str] | IO[bytes], chunks: Iterable[str]) -> None:
    binary = isinstance(file, _io.RawIOBase | _io.BufferedIOBase) or "b" in getattr(
        file, "mode", ""
    )
    try:
        if binary:
            cast(IO[bytes], file).writelines(chunk.encode("utf-8") for chunk in chunks)
        else:
            cast(IO[str], file).writelines(chunks)
    except OSError as error:
        raise _file_error(error, getattr(file, "name", None)) from error


def _check_set(statements: object) -> None:
    if not isinstance(statements, StatementSet):
        raise TypeError(f"expected a StatementSet, got {type(statements).__name__}")


def _file_error(error: OSError, name: object) -> FileError:
    filename = os.fspath(name) if isinstance(name, str | os.PathLike) else error.filename
    return FileError(error.errno, error.strerror or str(error), filename)


# --- reading ---------------------------------------------------------------------------------


def loads(text: str | bytes) -> StatementSet:
    """Read a set from text: a JSON document or JSON Lines (told apart by their first line).

    Args:
        text: the text, or UTF-8 bytes.

    Returns:
        A new set holding exactly what the text holds.

    Raises:
        ParseError: the text is not JSON (or not UTF-8).
        ValidationError: the JSON is not a valid set; every problem is listed with its path.
    """
    if not isinstance(text, str | bytes):
        raise ValidationError(
            "the text is not a valid diplostatements file",
            [FileFieldError("$", "text (str or bytes)", type(text).__name__)],
        )
    if isinstance(text, str):
        text = text.removeprefix("\ufeff")
        lines: list[str] | list[bytes] = text.split("\n")
    else:
        lines = text.split(b"\n")
    return _read(enumerate(lines, 1), "the text", None)


def load(file: PathOrFile, *, progress: Progress | None = None) -> StatementSet:
    """Read a set from a file: a JSON document or JSON Lines (told apart by the first line).

    JSON Lines are read one line at a time; the file is only read, never changed. Each record
    is checked in one pass; only a record with a problem is read a second, careful time, to say
    what is wrong with it (so a large valid file loads at a few times the cost of ``json.loads``
    alone; see ``benchmarks/README.md``).

    Args:
        file: a path, or a file open for reading (text or binary).
        progress: called as ``progress(done, total)`` with the bytes read so far and the file's
            size (``None`` when it cannot be known, as for a pipe), about every 1 % or 0.1 s,
            and once at the end, when the set is built, with ``done == total``.

    Returns:
        A new set holding exactly what the file holds.

    A directory, or a path ending in ``.parquet`` or ``.csv``, is read as tables (see
    :func:`diplostatements.tables.read`; they need the extra ``tables``).

    Raises:
        FileError: the file cannot be opened or read (it is missing, a directory without
            tables, ...).
        MissingExtraError: the path names tables and pyarrow is not installed.
        ParseError: the file is not JSON (or not UTF-8).
        ValidationError: the JSON is not a valid set; every problem is listed with its path.
    """
    if _is_tables(file):
        from . import tables  # noqa: PLC0415 -- needs pyarrow, an optional extra

        return tables.from_arrow(tables.read(file))
    with _lines(file, progress) as (name, source, lines, ticker):
        result = _read(lines, name, source)
    ticker.finish()
    return result


def iter_jsonl(file: PathOrFile) -> Iterator[Item]:
    """Read JSON Lines one record at a time, without holding the file in memory.

    Each record is checked on its own, as it is read. References between records (a speaker's
    actor, a rebuttal's target) are not checked: only a whole set can check them (:func:`load`).

    Args:
        file: a path, or a file open for reading (text or binary).

    Yields:
        Each :class:`~diplostatements.Actor`, :class:`~diplostatements.Affiliation`,
        :class:`~diplostatements.Statement` and :class:`~diplostatements.Rebuttal` in file order.

    Raises:
        FileError: the file cannot be opened or read.
        ValidationError: the header is wrong, or a line is not a valid record (raised when that
            line is reached: the records before it have been yielded).

    >>> import io
    >>> from diplostatements import examples
    >>> text = dumps(examples.venezuela_2019(), format="jsonl")
    >>> [type(item).__name__ for item in iter_jsonl(io.StringIO(text))][:2]
    ['Actor', 'Actor']
    """
    with _lines(file, None) as (name, _, lines, _ticker):
        problems = Problems()
        first = _first_line(lines)
        if first is not None:
            number, raw = first
            header = _parse_line(number, raw, problems)
            if header is not None:
                check_header(header, f"line {number}, $", problems)
        problems.check(name)
        for _, item in jsonl_items(lines, problems):
            problems.check(name)
            yield item
        problems.check(name)


@contextmanager
def _lines(
    file: PathOrFile, progress: Progress | None
) -> Iterator[tuple[str, str | None, Iterator[tuple[int, str | bytes]], Ticker]]:
    """The file's name, the name errors place themselves in (None if it has none), its lines.

    Any OSError becomes a FileError. The ticker counts the bytes read, against the file's size.
    """
    if isinstance(file, str | os.PathLike):
        name = os.fspath(file)
        try:
            stream: IO[Any] = open(file, "rb")  # noqa: SIM115 -- closed below, errors wrapped
        except OSError as error:
            raise _file_error(error, name) from error
        with stream:
            ticker = Ticker(progress, _size(stream))
            yield name, name, _guarded(stream, name, ticker), ticker
    else:
        source = getattr(file, "name", None)
        name = "the file" if source is None else str(source)
        ticker = Ticker(progress, _size(file))
        yield name, None if source is None else name, _guarded(file, name, ticker), ticker


def _size(stream: object) -> int | None:
    """How many bytes are left to read, if the stream is a file that can tell."""
    try:
        fileno = stream.fileno()  # type: ignore[attr-defined]
        size = os.fstat(fileno).st_size
        position = stream.tell()  # type: ignore[attr-defined]
    except (AttributeError, OSError, ValueError, _io.UnsupportedOperation):
        return None
    return size - position if size else None


def _guarded(
    stream: Iterable[str | bytes], name: str, ticker: Ticker
) -> Iterator[tuple[int, str | bytes]]:
    number = 0
    done = 0
    try:
        for number, raw in enumerate(stream, 1):
            done += len(raw)
            if done >= ticker.next:
                ticker.update(done)
            yield number, raw
        ticker.done = done
    except UnicodeDecodeError as error:  # a text-mode file met bytes that are not UTF-8
        # A text stream decodes ahead of the lines it hands out: the line is not known exactly.
        raise ParseError(
            f"UTF-8 text ({error.reason} after line {number})", "", path=name
        ) from None
    except OSError as error:
        raise _file_error(error, name) from error


def _first_line(lines: Iterator[tuple[int, str | bytes]]) -> tuple[int, str | bytes] | None:
    for number, raw in lines:
        if not is_blank(raw):
            return number, raw
    return None


def _parse_line(number: int, raw: str | bytes, problems: Problems) -> object | None:
    try:
        return parse_line(number, raw)
    except ParseError as error:
        problems.add(error)
        return None


def _read(lines: Iterator[tuple[int, str | bytes]], name: str, source: str | None) -> StatementSet:
    """Tell the layout from the first lines, read it, and build the set.

    ``name`` names the input in messages; ``source`` is its name as a file, if it has one. The
    garbage collector is paused meanwhile: the set's objects all live on, and collecting among
    millions of new objects only costs time (about a third of a large load).
    """
    with collector_paused():
        return _read_all(lines, name, source)


def _read_all(
    lines: Iterator[tuple[int, str | bytes]], name: str, source: str | None
) -> StatementSet:
    lines = iter(lines)
    seen: list[str | bytes] = []
    first = second = None
    for number, raw in lines:
        seen.append(raw)
        if is_blank(raw):
            continue
        if first is None:
            first = (number, raw)
            continue
        second = (number, raw)
        break
    problems = Problems()
    places: list[str] | list[int]
    items: list[Item]
    if first is not None and second is not None and _is_whole_json(first[1]):
        # JSON Lines: the first line is a value of its own and records follow.
        header = _parse_line(*first, problems)
        if not check_header(header, f"line {first[0]}, $", problems):
            problems.check(name)
        numbered = list(jsonl_items(chain([second], lines), problems))
        places = [number for number, _ in numbered]
        items = [item for _, item in numbered]
    else:
        text = decode(_join(seen, lines), source=source)
        if is_blank(text):
            raise ParseError("a diplostatements JSON document or JSON Lines", "", path=name)
        try:
            value = FAST_DECODER.decode(text)
        except (ValueError, RecursionError):
            value = parse_json(text, source=source)  # raises the error, placed and worded
        placed = list(document_items(value, problems))
        places = [place for place, _ in placed]
        items = [item for _, item in placed]
    problems.check(name)
    return assemble(items, places, name)


def _is_whole_json(raw: str | bytes) -> bool:
    try:
        json.loads(raw)
    except (ValueError, RecursionError):
        return False
    return True


def _join(seen: list[str | bytes], rest: Iterator[tuple[int, str | bytes]]) -> str | bytes:
    parts = [*seen, *(raw for _, raw in rest)]
    if parts and isinstance(parts[0], bytes):
        return b"\n".join(cast(bytes, part).rstrip(b"\n") for part in parts)
    return "\n".join(cast(str, part).rstrip("\n") for part in parts)


# --- vocabulary files ------------------------------------------------------------------------

VOCABULARY_SCHEMA_PATH: Final = SCHEMA_PATH.with_name("diplostatements-vocabulary-v1.schema.json")
"""The JSON Schema (draft 2020-12) of vocabulary files, shipped with the package."""


def load_vocabulary(path: str | os.PathLike[str]) -> Vocabulary:
    """Read a vocabulary file: JSON, or TOML when its name ends in ``.toml``.

    The file is an object with ``format`` (``"diplostatements-vocabulary"``), ``version`` (1),
    ``extends`` (``"default"``, the default: the file's predicates are added to
    :data:`~diplostatements.vocabulary.DEFAULT_VOCABULARY`, replacing those of the same name; or
    ``"none"``) and ``predicates``, a list of objects with the fields of
    :class:`~diplostatements.vocabulary.Predicate`. :data:`VOCABULARY_SCHEMA_PATH` is its JSON
    Schema.

    Args:
        path: the file.

    Raises:
        FileError: the file cannot be read.
        ParseError: it is not JSON (or TOML).
        ValidationError: it is not a valid vocabulary file; every problem is listed with its path.
    """
    from ._vocabulary_files import parse_vocabulary  # noqa: PLC0415  # only vocabulary files

    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise _file_error(error, path) from None
    toml = os.fspath(path).lower().endswith(".toml")
    return parse_vocabulary(raw, format="toml" if toml else "json", source=os.fspath(path))
