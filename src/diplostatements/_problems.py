"""Problems found in a file, each with the JSON path of the bad value, gathered into one error.

cattrs reports structuring failures as nested exception groups whose notes name the attribute
or index at each level; :func:`walk` follows them down and yields one
:class:`~diplostatements.exceptions.FieldError` per leaf, its path built from the notes
(``$.statements[3].claims[0].when``). :class:`Problems` gathers them in file order and raises a
single :class:`~diplostatements.exceptions.ValidationError`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import date
from typing import Final

import attrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
)

from ._converter import MISSING, BadValueError
from ._printable import printable
from .exceptions import (
    DiplostatementsError,
    FieldError,
    UnknownReferenceError,
    ValidationError,
)

__all__ = ["MAX_PROBLEMS", "FileFieldError", "Problems", "describe", "relocate", "walk"]

MAX_PROBLEMS: Final = 1000
"""How many problems one error lists; the rest are counted, not kept."""


class FileFieldError(FieldError):
    """A value in a file that cannot be read, with its JSON path.

    A :class:`~diplostatements.exceptions.FieldError` whose message shows the value as JSON
    (``"x"``, ``null``, ``an object with keys a, b``), never the repr of a large value.
    """

    def __init__(self, path: str, expected: str, got: object, *, shown: str | None = None) -> None:
        super().__init__(path, expected, got)
        shown = printable(shown) if shown is not None else describe(got)
        self.args = (f"{printable(path)}: expected {printable(expected)}, got {shown}",)


def describe(value: object) -> str:  # noqa: PLR0911 -- one return per kind of JSON value
    """A short, safe description of a value read from JSON (no deep or long repr)."""
    if value is MISSING:
        return "nothing"
    if isinstance(value, dict):
        keys = list(value)
        if not keys:
            return "an empty object"
        shown = ", ".join(_clip(str(key), 20) for key in keys[:6])
        more = f" and {len(keys) - 6} more" if len(keys) > 6 else ""
        return f"an object with key{'s' if len(keys) > 1 else ''} {shown}{more}"
    if isinstance(value, list | tuple):
        return "an empty list" if not value else f"a list of {len(value)} item(s)"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else "a number too large (or Infinity)"
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return _clip(json.dumps(value, ensure_ascii=False), 80)
    return _clip(repr(value), 80)


def _clip(text: str, limit: int) -> str:
    # Escaped first, so that the cut never splits an escape and no control byte is shown.
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def walk(error: BaseException, path: str) -> Iterator[DiplostatementsError]:
    """One problem per failure in ``error``, cattrs' groups followed down to each leaf.

    Raises:
        Exception: a leaf that is not a problem with the input (a bug: an ``AttributeError`` in
            a hook, say), re-raised as it is, so that it is never reported as bad input.
    """
    if isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        for sub, note in with_notes:
            if _is_missing_field(sub, note.name):
                yield FileFieldError(
                    f"{path}.{note.name}", "a value (the field is required)", MISSING
                )
            else:
                yield from walk(sub, f"{path}.{note.name}")
        for sub in without:
            yield from walk(sub, path)
    elif isinstance(error, IterableValidationError):
        with_index, without_index = error.group_exceptions()
        for sub, item in with_index:
            yield from walk(sub, f"{path}[{item.index}]")
        for sub in without_index:
            raise sub  # our list hook notes every item: anything else is a bug
    else:
        yield from _leaf(error, path)


def _is_missing_field(error: BaseException, name: str) -> bool:
    # cattrs' generated code reads a required field as ``o[name]``: its KeyError names the field.
    # A KeyError that names anything else came from a bug, and is not a missing field.
    return type(error) is KeyError and error.args == (name,)


def _leaf(error: BaseException, path: str) -> list[DiplostatementsError]:
    if isinstance(error, BadValueError):
        return [FileFieldError(f"{path}{error.where}", error.expected, error.got)]
    if isinstance(error, ForbiddenExtraKeysError):
        known = ", ".join(_field_names(error.cl))
        return [
            FileFieldError(
                f"{path}.{key}",
                f"one of the fields {known}",
                key,
                shown=f"an unknown field {describe(key)}",
            )
            for key in sorted(error.extra_fields)
        ]
    if isinstance(error, FieldError):
        # The model names the field as Class.field; the class is where this path already is.
        _, dot, rest = error.path.partition(".")
        return [FileFieldError(f"{path}.{rest}" if dot else path, error.expected, error.got)]
    # Every hook and the model raise one of the above for bad input: anything else is a bug,
    # and a bug must not pass for a problem with the file.
    raise error


def _field_names(cls: type) -> list[str]:
    return [field.name for field in attrs.fields(cls)] if attrs.has(cls) else []


def relocate(error: DiplostatementsError, old: str, new: str) -> DiplostatementsError:
    """Give an error raised by :class:`~diplostatements.StatementSet` the item's JSON path.

    ``old`` is how the set named the item (``"[5] Statement('x')"``), ``new`` its place in the
    file (``"$.statements[2]"``). The error keeps its type; its path and message change.
    """
    path = getattr(error, "path", None)
    if not isinstance(path, str):  # pragma: no cover -- every set error has a path
        return error
    text = str(error)
    rest = path[len(old) :] if path.startswith(old) else f" ({path})"
    new_path = f"{new}{rest}"
    error.path = new_path  # type: ignore[attr-defined]
    new_text = new_path + text[len(path) :] if text.startswith(path) else f"{new_path}: {text}"
    error.args = (new_text,)
    if isinstance(error, UnknownReferenceError):
        error.text = new_text
    return error


class Problems:
    """The problems found so far, in file order; the first :data:`MAX_PROBLEMS` are kept."""

    __slots__ = ("count", "found")

    def __init__(self) -> None:
        self.found: list[DiplostatementsError] = []
        self.count = 0

    def add(self, problem: DiplostatementsError) -> None:
        """Record one problem."""
        self.count += 1
        if len(self.found) < MAX_PROBLEMS:
            self.found.append(problem)

    def add_error(self, error: BaseException, path: str) -> None:
        """Record every problem in a structuring error raised for the value at ``path``."""
        for problem in walk(error, path):
            self.add(problem)

    def check(self, source: str) -> None:
        """Raise one :class:`~diplostatements.exceptions.ValidationError` if anything was found."""
        if not self.count:
            return
        error = ValidationError(
            f"{printable(source)} is not a valid diplostatements file", self.found
        )
        error.total = self.count
        raise error
