"""Reading files: JSON text to items, every problem recorded with where it is.

:func:`parse_json` turns text into a JSON value or a :class:`~diplostatements.exceptions.ParseError`
with line and column. :func:`document_items` reads a JSON document's sections and
:func:`jsonl_items` streams the records of JSON Lines, one line at a time; both record each
problem in a :class:`~diplostatements._problems.Problems` and yield only the items that read
correctly, each with its place in the file (``"$.statements[3]"``, ``"line 7, $"``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Final

from cattrs.errors import BaseValidationError

from ._converter import MISSING, RECORD_TYPES, BadValueError, Item, structure_item
from ._problems import FileFieldError, Problems
from .actors import Actor, Affiliation
from .exceptions import ParseError
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
    "statements": ({"statement": Statement, "rebuttal": Rebuttal}, "statement"),
}
"""A JSON document's lists: the record types each may hold, and the type of an untagged one."""

_HEADER_KEYS: Final = frozenset({"format", "version"})
_LONGEST_NUMBER: Final = 40
_EXCERPT: Final = 72


def _number(text: str) -> int | float:
    # A number too long for int() to read becomes infinity, which validation reports with a
    # path; int() itself would fail with a message that names no place in the file.
    return int(text) if len(text) <= _LONGEST_NUMBER else math.inf


_DECODER: Final = json.JSONDecoder(parse_int=_number)


def parse_json(text: str, *, line: int = 1) -> object:
    """One JSON value from ``text``, whose first line is line ``line`` of the file.

    Raises:
        ParseError: the text is not JSON; the error names the line and column and marks them.
    """
    try:
        return _DECODER.decode(text)
    except json.JSONDecodeError as error:
        raise _json_error(error, line) from None
    except RecursionError:
        raise ParseError(
            "JSON nested less deeply (it is too deep to read)",
            _excerpt(text, 0)[0],
            0,
            1,
            path=f"line {line}",
        ) from None


def _json_error(error: json.JSONDecodeError, line: int) -> ParseError:
    excerpt, column = _excerpt(error.doc, error.pos)
    return ParseError(
        f"valid JSON ({error.msg})",
        excerpt,
        column,
        column + 1,
        path=f"line {line + error.lineno - 1}, column {error.colno}",
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


def decode(raw: str | bytes, *, line: int = 1) -> str:
    """Text from a file's bytes (UTF-8; a byte order mark is dropped).

    Raises:
        ParseError: the bytes are not UTF-8; the error names the line and byte.
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
        raise ParseError(
            "UTF-8 text", excerpt, at, at + 1, path=f"line {number}, byte {column}"
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


def check_header(value: object, place: str, problems: Problems) -> bool:
    """Record what is wrong with a file's ``format`` and ``version``; True if they are right.

    A newer version is reported alone: its other fields may mean something this version does not
    know, so nothing else is read.
    """
    if not isinstance(value, dict):
        problems.add(FileFieldError(place, "a JSON object", value))
        return False
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
    try:
        return structure_item(record, kinds, default)
    except (BadValueError, BaseValidationError) as error:
        problems.add_error(error, place)
        return None


def document_items(value: object, problems: Problems) -> Iterator[tuple[str, Item]]:
    """The items of a parsed JSON document with their places; problems go to ``problems``."""
    if not check_header(value, "$", problems):
        return
    assert isinstance(value, dict)
    names = ", ".join(["format", "version", *SECTIONS])
    for key in value:
        if key not in SECTIONS and key not in _HEADER_KEYS:
            shown = f'an unknown field "{key}"'
            problems.add(FileFieldError(f"$.{key}", f"one of the fields {names}", key, shown=shown))
    for section, (kinds, default) in SECTIONS.items():
        records = value.get(section, [])
        if not isinstance(records, list):
            problems.add(FileFieldError(f"$.{section}", "a list", records))
            continue
        for index, record in enumerate(records):
            place = f"$.{section}[{index}]"
            item = _structure(record, kinds, default, place, problems)
            if item is not None:
                yield place, item


def jsonl_items(
    lines: Iterable[tuple[int, str | bytes]], problems: Problems
) -> Iterator[tuple[str, Item]]:
    """The items of JSON Lines records (the header already read), one line at a time."""
    for number, raw in lines:
        if is_blank(raw):
            continue
        try:
            value = parse_line(number, raw)
        except ParseError as error:
            problems.add(error)
            continue
        place = f"line {number}, $"
        item = _structure(value, RECORD_TYPES, None, place, problems)
        if item is not None:
            yield place, item
