"""Validators and converters shared by the model's attrs classes.

Each validator raises :class:`~diplostatements.exceptions.FieldError` naming ``Class.field``, what
was expected and what came, so a mistake in a notebook points at the argument to fix.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Callable, Iterable
from typing import Any, Final, TypeVar

import attrs

from .exceptions import FieldError

E = TypeVar("E", bound=enum.Enum)

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def path_of(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """The ``Class.field`` path used in messages."""
    return f"{type(instance).__name__}.{attribute.name}"


TEXT: Final = "text without a lone surrogate (U+D800 to U+DFFF alone cannot be written as UTF-8)"
"""What a string field expects of a string that holds a lone surrogate."""

_SURROGATE: Final = re.compile("[\ud800-\udfff]")


def is_text(value: str) -> bool:
    """Whether a string is text every output can write: it holds no lone surrogate.

    Python strings may hold surrogates alone (JSON reads the escape of one as one), but no
    encoding writes them: a name holding one would fail later, in a report or a file.
    """
    return value.isascii() or _SURROGATE.search(value) is None


def check_text(path: str, value: str) -> None:
    """Raise :class:`FieldError` naming ``path`` if ``value`` holds a lone surrogate."""
    if not is_text(value):
        raise FieldError(path, TEXT, value)


def non_empty_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a string with something other than white space in it (and no lone surrogate)."""
    if not isinstance(value, str) or not value.strip():
        raise FieldError(path_of(instance, attribute), "a non-empty string", value)
    if not value.isascii() and not is_text(value):
        raise FieldError(path_of(instance, attribute), TEXT, value)


def optional_non_empty_str(
    instance: object, attribute: attrs.Attribute[Any], value: object
) -> None:
    """Require ``None`` or a non-empty string."""
    if value is not None:
        non_empty_str(instance, attribute, value)


def of_type(kind: type | tuple[type, ...], expected: str, *, optional: bool = False) -> Validator:
    """Require an instance of ``kind`` (``bool`` is never accepted as a number)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if optional and value is None:
            return
        if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
            raise FieldError(path_of(instance, attribute), expected, value)
        if not isinstance(value, kind):
            raise FieldError(path_of(instance, attribute), expected, value)

    return check


def tuple_of(kind: type | tuple[type, ...], expected: str) -> Validator:
    """Require a tuple whose every item is an instance of ``kind``; the path names the index."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        where = path_of(instance, attribute)
        if not isinstance(value, tuple):
            raise FieldError(where, f"a sequence of {expected}", value)
        for index, item in enumerate(value):
            if not isinstance(item, kind) or (isinstance(item, bool) and kind is not bool):
                raise FieldError(f"{where}[{index}]", expected, item)

    return check


def set_of_str(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Require a frozenset of non-empty strings."""
    where = path_of(instance, attribute)
    if not isinstance(value, frozenset):
        raise FieldError(where, "a set of non-empty strings", value)
    for item in sorted(value, key=repr):
        if not isinstance(item, str) or not item.strip():
            raise FieldError(where, "a set of non-empty strings", item)
        check_text(where, item)


def to_tuple(value: object) -> object:
    """Turn any ordered iterable into a tuple; leave everything else as it is.

    Strings, mappings and sets are left for the validator to reject with a clear message: a set
    has no order, and the order of claims and relays matters (a ``ClaimRef`` is an index).
    """
    if isinstance(value, tuple):
        return value
    if isinstance(value, Iterable) and not isinstance(value, str | bytes | dict | set | frozenset):
        return tuple(value)
    return value


EMPTY: frozenset[str] = frozenset()
"""The one empty frozenset the model shares: most claims have no qualifiers, and a fresh empty
frozenset per claim costs 216 bytes (about 200 MiB over a million claims)."""


def to_frozenset(value: object) -> object:
    """Turn a list, tuple or set into a frozenset; a lone string becomes a one-item set.

    Every empty result is the shared :data:`EMPTY`.
    """
    if isinstance(value, frozenset):
        return value or EMPTY
    if isinstance(value, str):
        return frozenset((value,))
    if isinstance(value, list | tuple | set):
        return frozenset(value) if value else EMPTY
    return value


def to_enum(kind: type[E], value: object) -> object:
    """Converter: a member of ``kind`` for the member itself, its value or its name (any case).

    Anything else is returned unchanged, for the validator to reject with the allowed names.
    """
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        for member in kind:
            if value == member.value or value.upper() == member.name:
                return member
    return value


def enum_of(kind: type[enum.Enum]) -> Validator:
    """Require a member of ``kind``; the message lists the allowed names."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            names = ", ".join(member.name for member in kind)
            raise FieldError(
                path_of(instance, attribute), f"one of {kind.__name__}: {names}", value
            )

    return check


def close_matches(
    word: str, known: Iterable[str], limit: int = 3, cutoff: float = 0.6
) -> list[str]:
    """Known words that look like ``word`` (for "did you mean ...?"), closest first."""
    lowered = {item.lower(): item for item in known}
    found = difflib.get_close_matches(word.lower(), list(lowered), n=limit, cutoff=cutoff)
    return [lowered[item] for item in found]


def enum_member(kind: type[E]) -> Callable[[object], object]:
    """A one-argument converter for ``kind``, for code outside attrs fields.

    attrs fields use a named function calling :func:`to_enum` instead, which mypy's attrs plugin
    can read.
    """
    return lambda value: to_enum(kind, value)


Checks = tuple[tuple[str, Validator], ...]
"""A class's field validators, by field name, in field order (see :func:`run_checks`)."""


def run_checks(instance: object, checks: Checks) -> None:
    """Run each field's validator in field order: the first field at fault raises.

    The model's classes test every field in one function, the usual types first (as attrs would
    call one validator per field); only when that test fails do they call this, which raises the
    very error the per-field validators raise.
    """
    fields = attrs.fields_dict(type(instance))  # type: ignore[arg-type]  # an attrs class
    for name, check in checks:
        check(instance, fields[name], getattr(instance, name))


def plain_text(value: object) -> bool:
    """The usual case of a text field: a string with something in it, and no lone surrogate."""
    return type(value) is str and value.strip() != "" and (value.isascii() or is_text(value))
