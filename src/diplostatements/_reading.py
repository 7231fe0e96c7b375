"""Reading files: JSON text to items, every problem recorded with where it is.

:func:`parse_json` turns text into a JSON value or a :class:`~diplostatements.exceptions.ParseError`
with line and column. :func:`document_items` reads a JSON document's sections and
:func:`jsonl_items` streams the records of JSON Lines, one line at a time; both record each
problem in a :class:`~diplostatements._problems.Problems` and yield only the items that read
correctly, each with its place in the file (``"$.statements[3]"``, ``"line 7, $"``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

from cattrs.errors import BaseValidationError

from ._converter import MISSING, RECORD_TYPES, BadValueError, Item, structure_item
from ._fast import DECODER, Reader, as_json, read_integer
from ._problems import FileFieldError, Problems, describe
from .actors import Actor, Affiliation
from .exceptions import ParseError
from .parts import PartOf
from .rebuttals import Rebuttal
from .statements import Statement

__all__ = [
    "FORMAT",
    "SECTIONS",
    "VERSION",
    "check_header",
    "decode",
    "document_items",
    "is_blank",
    "jsonl_items",
    "parse_json",
    "parse_line",
]

FORMAT: Final = "diplostatements"
"""The value of ``"format"`` in every file."""

VERSION: Final = 1
"""The version of the format this library writes, and the newest it reads."""

SECTIONS: Final[Mapping[str, tuple[Mapping[str, type[Any]], str]]] = {
    "actors": ({"actor": Actor}, "actor"),
    "affiliations": ({"affiliation": Affiliation}, "affiliation"),
    "part_of": ({"part_of": PartOf}, "part_of"),
    "statements": ({"statement": Statement, "rebuttal": Rebuttal}, "statement"),
}
"""A JSON document's lists: the record types each may hold, and the type of an untagged one."""

_HEADER_KEYS: Final = frozenset({"format", "version"})
_EXCERPT: Final = 72


class Repeated(dict[str, Any]):
    """A JSON object in which some key appears more than once (the last value is kept).

    JSON leaves repeated keys undefined and Python's reader keeps the last silently; the reader
    marks such an object so that the key is reported where it is, not as a puzzling problem
    elsewhere.
    """

    __slots__ = ("repeated",)

    def __init__(self, pairs: list[tuple[str, Any]]) -> None:
        super().__init__(pairs)
        seen: set[str] = set()
        twice: dict[str, None] = {}
        for key, _ in pairs:
            if key in seen:
                twice[key] = None
            seen.add(key)
        self.repeated = tuple(twice)


def json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """The reader's ``object_pairs_hook``: a dict, or a :class:`Repeated` if a key repeats."""
    value = dict(pairs)
    return value if len(value) == len(pairs) else Repeated(pairs)


_DECODER: Final = json.JSONDecoder(parse_int=read_integer, object_pairs_hook=json_object)

# json's messages, as whole phrases (some end in "at", the position being given apart).
_JSON_PROBLEMS: Final = (
    ("Expecting value", "a value is missing here"),
    ("Expecting property name", "a property name in double quotes is missing here"),
    ("Expecting ':'", "a ':' is missing here"),
    ("Expecting ','", "a ',' is missing here"),
    ("Extra data", "more text after the end of the JSON value"),
    ("Unterminated string", "the string that starts here has no closing quote"),
    ("Invalid control character", "a control character inside a string (write it escaped)"),
    ("Invalid \\uXXXX", "an escape \\u not followed by four hexadecimal digits"),
    ("Invalid \\escape", "an escape that JSON does not know"),
    ("Illegal trailing comma", "a comma before the end of an object or a list"),
)


def parse_json(text: str, *, line: int = 1, source: str | None = None) -> object:
    """One JSON value from ``text``, whose first line is line ``line`` of the file.

    Args:
        text: the text.
        line: the number of its first line in the file.
        source: the file's name, if it has one: errors are then placed as ``FILE:LINE:COLUMN``.

    Raises:
        ParseError: the text is not JSON; the error names the line and column and marks them.
    """
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as error:
        raise _json_error(error, line, source) from None
    except RecursionError:
        raise ParseError(
            "JSON nested less deeply (it is too deep to read)",
            _excerpt(text, 0)[0],
            0,
            1,
            path=place(line, 1, source) if source else f"line {line}",
        ) from None


def place(line: int, column: int, source: str | None) -> str:
    """Where something is in a file: ``FILE:LINE:COLUMN``, or ``line L, column C`` unnamed."""
    return f"{source}:{line}:{column}" if source else f"line {line}, column {column}"


def _json_error(error: json.JSONDecodeError, line: int, source: str | None) -> ParseError:
    excerpt, column = _excerpt(error.doc, error.pos)
    problem = next((words for start, words in _JSON_PROBLEMS if error.msg.startswith(start)), None)
    return ParseError(
        f"valid JSON ({problem or error.msg})",
        excerpt,
        column,
        column + 1,
        path=place(line + error.lineno - 1, error.colno, source),
    )


def _excerpt(text: str, position: int) -> tuple[str, int]:
    """The line holding ``position``, cut to a window around it, and its column there."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    shown = text[start : end if end >= 0 else len(text)].rstrip("\r")
    column = position - start
    if len(shown) > _EXCERPT:
        left = max(0, min(column - _EXCERPT // 2, len(shown) - _EXCERPT))
        shown, column = shown[left : left + _EXCERPT], column - left
    return shown, min(column, len(shown))


def decode(raw: str | bytes, *, line: int = 1, source: str | None = None) -> str:
    """Text from a file's bytes (UTF-8; a byte order mark is dropped).

    Raises:
        ParseError: the bytes are not UTF-8; the error names the line and byte (as
            ``FILE:LINE:BYTE`` when ``source`` names the file).
    """
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig" if line == 1 else "utf-8")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        number = line + before.count(b"\n")
        column = error.start - (before.rfind(b"\n") + 1) + 1
        shown = raw[error.start - column + 1 :].split(b"\n", 1)[0].decode("utf-8", "replace")
        excerpt, at = _excerpt(shown, column - 1)
        where = f"{source}:{number}:{column}" if source else f"line {number}, byte {column}"
        bad = raw[error.start : error.end].hex(" ")
        raise ParseError(
            f"UTF-8 text ({error.reason}: byte {bad})", excerpt, at, at + 1, path=where
        ) from None


def parse_line(number: int, raw: str | bytes) -> object:
    """The JSON value on one line of JSON Lines (its line ending is not part of it).

    Raises:
        ParseError: the line is not UTF-8 or not JSON.
    """
    return parse_json(decode(raw, line=number).rstrip("\r\n"), line=number)


def is_blank(raw: str | bytes) -> bool:
    """Whether a line holds nothing but white space."""
    return not raw.strip()


def _repeated(path: str, key: str) -> FileFieldError:
    return FileFieldError(path, "each key once", key, shown=f"duplicate key {describe(key)}")


def repeated_keys(value: object, path: str) -> Iterator[FileFieldError]:
    """A problem for each key repeated in an object anywhere in ``value`` (at ``path``)."""
    if isinstance(value, Repeated):
        for key in value.repeated:
            yield _repeated(path, key)
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list):
                yield from repeated_keys(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict | list):
                yield from repeated_keys(item, f"{path}[{index}]")


def _no_repeated_keys(value: object, path: str, problems: Problems) -> bool:
    found = False
    for problem in repeated_keys(value, path):
        problems.add(problem)
        found = True
    return not found


def check_header(value: object, place: str, problems: Problems) -> bool:
    """Record what is wrong with a file's ``format`` and ``version``; True if they are right.

    A newer version is reported alone: its other fields may mean something this version does not
    know, so nothing else is read.
    """
    if not isinstance(value, dict):
        problems.add(FileFieldError(place, "a JSON object", value))
        return False
    if isinstance(value, Repeated):  # the header's own keys; records are checked when read
        for key in value.repeated:
            problems.add(_repeated(place, key))
    form, version = value.get("format", MISSING), value.get("version", MISSING)
    good = True
    if form != FORMAT:
        problems.add(FileFieldError(f"{place}.format", f'"{FORMAT}"', form))
        good = False
    if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
        problems.add(
            FileFieldError(
                f"{place}.version",
                f"{VERSION} (this version of diplostatements reads files of version {VERSION}"
                " and older; upgrade it to read newer files)",
                version,
            )
        )
        return False
    if version != VERSION or isinstance(version, bool):
        problems.add(FileFieldError(f"{place}.version", str(VERSION), version))
        good = False
    return good


def _structure(
    record: object,
    kinds: Mapping[str, type[Any]],
    default: str | None,
    place: str,
    problems: Problems,
) -> Item | None:
    # A record with a repeated key is ambiguous: it is reported, and not read any further.
    if not _no_repeated_keys(record, place, problems):
        return None
    try:
        return structure_item(record, kinds, default)
    except (BadValueError, BaseValidationError) as error:
        problems.add_error(error, place)
        return None


def document_items(value: object, problems: Problems) -> Iterator[tuple[str, Item]]:
    """The items of a JSON document read by :data:`~diplostatements._fast.DECODER`, with places.

    Each record is read in one pass (:class:`~diplostatements._fast.Reader`); one that pass does
    not take is read the careful way, and its problems go to ``problems``.
    """
    if type(value) is tuple:
        # The header's fields as the careful reader has them; the sections stay as they were read.
        value = json_object(
            [(key, item if key in SECTIONS else as_json(item)) for key, item in value]
        )
    else:
        value = as_json(value)
    if not check_header(value, "$", problems):
        return
    assert isinstance(value, dict)
    names = ", ".join(["format", "version", *SECTIONS])
    for key in value:
        if key not in SECTIONS and key not in _HEADER_KEYS:
            shown = f'an unknown field "{key}"'
            problems.add(FileFieldError(f"$.{key}", f"one of the fields {names}", key, shown=shown))
    reader = Reader()
    for section, (kinds, default) in SECTIONS.items():
        records = value.get(section, [])
        if type(records) is not list:
            problems.add(FileFieldError(f"$.{section}", "a list", as_json(records)))
            continue
        for index, record in enumerate(records):
            place = f"$.{section}[{index}]"
            item = reader.record(record, kinds, default)
            if item is None:
                item = _structure(as_json(record), kinds, default, place, problems)
            if item is not None:
                yield place, item


def jsonl_items(
    lines: Iterable[tuple[int, str | bytes]], problems: Problems
) -> Iterator[tuple[int, Item]]:
    """The items of JSON Lines records (the header already read), each with its line number.

    A line is read in one pass (:data:`~diplostatements._fast.DECODER`,
    :class:`~diplostatements._fast.Reader`); a line that pass does not take (a blank line, bad
    JSON, a bad record) is read again the careful way, which records its problems.
    """
    record = Reader().record
    scan = DECODER.scan_once  # type: ignore[attr-defined]  # the C scanner, set in __init__
    for number, raw in lines:
        item = None
        try:
            text = raw if type(raw) is str else raw.decode()  # type: ignore[union-attr]
            value, end = scan(text, 0)
        except (UnicodeDecodeError, StopIteration, ValueError, RecursionError):
            pass  # read carefully below, which says what is wrong
        else:
            if end == len(text) or text[end:].isspace():
                item = record(value, RECORD_TYPES)
        if item is None:
            item = _careful_line(number, raw, problems)
            if item is None:
                continue
        yield number, item


def _careful_line(number: int, raw: str | bytes, problems: Problems) -> Item | None:
    if is_blank(raw):
        return None
    try:
        value = parse_line(number, raw)
    except ParseError as error:
        problems.add(error)
        return None
    return _structure(value, RECORD_TYPES, None, f"line {number}, $", problems)
