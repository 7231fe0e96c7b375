"""Vocabulary files: predicates declared in JSON or TOML, read into a :class:`Vocabulary`.

A vocabulary file is an object (a JSON document, or a TOML file's top level) with these keys:

``format``
    ``"diplostatements-vocabulary"`` (required).
``version``
    ``1`` (required).
``extends``
    ``"default"`` (the default): the file's predicates are added to
    :data:`~diplostatements.vocabulary.DEFAULT_VOCABULARY`, replacing those of the same name;
    ``"none"``: the file's predicates alone.
``predicates``
    a list of objects, one per predicate, with the fields of
    :class:`~diplostatements.vocabulary.Predicate`: ``name`` (required), the flags
    (``functional``, ``timeless``, ...) as ``true`` or ``false``, ``contrary`` and ``implies`` as
    lists of predicate names, ``description``, ``phrase`` and ``cameo`` as strings.

The JSON Schema of the format ships beside the file format's
(:data:`diplostatements.io.VOCABULARY_SCHEMA_PATH`). Every problem is reported with its path
(``$.predicates[2].timeless``), all at once, in a
:class:`~diplostatements.exceptions.ValidationError`; nothing is returned half-read.

>>> vocabulary = parse_vocabulary('''
... format = "diplostatements-vocabulary"
... version = 1
... [[predicates]]
... name = "poisoned"
... timeless = true
... phrase = "poisoned"
... implies = ["attacked"]
... ''', format="toml")
>>> vocabulary["poisoned"].timeless, "supports" in vocabulary
(True, True)
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from typing import Any, Final, Literal

import attrs

from ._printable import printable
from ._validation import close_matches
from .exceptions import DiplostatementsError, FieldError, ParseError, ValidationError
from .vocabulary import DEFAULT_VOCABULARY, Predicate, Vocabulary

__all__ = ["FORMAT", "VERSION", "parse_vocabulary", "vocabulary_from_dict", "vocabulary_to_dict"]

FORMAT: Final = "diplostatements-vocabulary"
"""The ``format`` of every vocabulary file."""
VERSION: Final = 1
"""The version of the format this library writes and reads."""

VocabularyFormat = Literal["json", "toml"]

_KEYS: Final = ("format", "version", "extends", "predicates")
_BASES: Final = {"default": DEFAULT_VOCABULARY, "none": Vocabulary()}


def _kinds() -> dict[str, str]:
    """Each field of a predicate, by what its default says it holds: a flag, names or text."""
    kinds: dict[str, str] = {}
    for field in attrs.fields(Predicate):
        default = field.default
        if field.name == "name":
            kinds[field.name] = "name"
        elif isinstance(default, bool):
            kinds[field.name] = "flag"
        elif isinstance(default, frozenset):
            kinds[field.name] = "names"
        elif default is None:
            kinds[field.name] = "optional text"
        else:
            kinds[field.name] = "text"
    return kinds


_FIELDS: Final = _kinds()
_EXPECTED: Final = {
    "name": "a predicate name (a non-empty string)",
    "flag": "true or false",
    "names": "a list of predicate names",
    "text": "a string",
    "optional text": "a string or null",
}


def parse_vocabulary(
    text: str | bytes, *, format: VocabularyFormat = "json", source: str = "<vocabulary>"
) -> Vocabulary:
    """Read a vocabulary file's text.

    Args:
        text: the file's content.
        format: ``"json"`` or ``"toml"``.
        source: the file's name, for messages.

    Raises:
        ParseError: the text is not JSON (or TOML); the message marks where.
        ValidationError: the content is not a valid vocabulary file; every problem is listed.
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ParseError(
                f"UTF-8 text in {printable(source)}", repr(text[: error.end + 10]), 0
            ) from None
    try:
        data = tomllib.loads(text) if format == "toml" else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as error:
        position = getattr(error, "pos", 0) or 0
        raise ParseError(
            f"{format.upper()} ({printable(source)}: {error})", text, position, position + 1
        ) from None
    return vocabulary_from_dict(data, source=source)


def vocabulary_from_dict(data: object, *, source: str = "<vocabulary>") -> Vocabulary:
    """A vocabulary from a vocabulary file's content, read as plain values.

    Args:
        data: the file's top-level object.
        source: the file's name, for messages.

    Raises:
        ValidationError: the content is not a valid vocabulary file; every problem is listed.
    """
    problems: list[DiplostatementsError] = []
    if not isinstance(data, Mapping):
        problems.append(FieldError("$", "an object with format, version and predicates", data))
        raise ValidationError(f"{printable(source)} is not a valid vocabulary file", problems)
    for key in data:
        if key not in _KEYS:
            problems.append(_unknown("$", key, _KEYS))
    if data.get("format") != FORMAT:
        problems.append(FieldError("$.format", repr(FORMAT), data.get("format")))
    version = data.get("version")
    if version != VERSION or isinstance(version, bool):
        problems.append(
            FieldError("$.version", f"{VERSION} (the version this library reads)", version)
        )
    extends = data.get("extends", "default")
    base = _BASES.get(extends) if isinstance(extends, str) else None
    if base is None:
        problems.append(FieldError("$.extends", '"default" or "none"', extends))
    predicates = _predicates(data.get("predicates", []), problems)
    if not problems and base is not None:
        try:
            vocabulary = base | predicates
        except DiplostatementsError as error:
            problems.append(FieldError("$.predicates", "predicates that can all hold", str(error)))
        else:
            return vocabulary
    raise ValidationError(f"{printable(source)} is not a valid vocabulary file", problems)


def _predicates(value: object, problems: list[DiplostatementsError]) -> list[Predicate]:
    if not isinstance(value, list):
        problems.append(FieldError("$.predicates", "a list of predicates", value))
        return []
    found: list[Predicate] = []
    names: dict[str, int] = {}
    for index, item in enumerate(value):
        path = f"$.predicates[{index}]"
        if not isinstance(item, Mapping):
            problems.append(FieldError(path, "a predicate (an object with a name)", item))
            continue
        before = len(problems)
        fields = _fields(item, path, problems)
        if len(problems) > before:
            continue
        name = fields["name"]
        if name in names:
            problems.append(
                FieldError(
                    f"{path}.name", f"a name not used before (predicates[{names[name]}])", name
                )
            )
            continue
        names[name] = index
        try:
            found.append(Predicate(**fields))
        except DiplostatementsError as error:
            problems.append(FieldError(path, "a predicate whose fields can all hold", str(error)))
    return found


def _fields(
    item: Mapping[str, Any], path: str, problems: list[DiplostatementsError]
) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    if "name" not in item:
        problems.append(FieldError(f"{path}.name", "a value (the field is required)", None))
    for key, value in item.items():
        kind = _FIELDS.get(key)
        if kind is None:
            problems.append(_unknown(path, key, tuple(_FIELDS)))
        elif _fits(kind, value):
            fields[key] = frozenset(value) if kind == "names" else value
        else:
            problems.append(FieldError(f"{path}.{key}", _EXPECTED[kind], value))
    return fields


def _fits(kind: str, value: object) -> bool:
    if kind == "flag":
        return isinstance(value, bool)
    if kind == "names":
        return isinstance(value, list) and all(isinstance(v, str) and v for v in value)
    if kind == "name":
        return isinstance(value, str) and bool(value.strip())
    if kind == "optional text":
        return value is None or isinstance(value, str)
    return isinstance(value, str)


def _unknown(path: str, key: object, known: tuple[str, ...]) -> FieldError:
    guesses = close_matches(str(key), known) if isinstance(key, str) else []
    hint = f" (did you mean {guesses[0]!r}?)" if guesses else ""
    return FieldError(f"{path}.{key}", f"one of the keys {', '.join(known)}{hint}", key)


def vocabulary_to_dict(vocabulary: Vocabulary, *, extends: str = "none") -> dict[str, Any]:
    """A vocabulary as a vocabulary file's content (write it with :func:`json.dumps`).

    Fields left at their defaults are left out; name lists are sorted.

    Args:
        vocabulary: the vocabulary.
        extends: ``"none"`` (the file holds every predicate) or ``"default"``.

    >>> vocabulary_to_dict(Vocabulary([Predicate("poisoned", timeless=True)]))["predicates"]
    [{'name': 'poisoned', 'timeless': True}]
    """
    if extends not in _BASES:
        raise FieldError("vocabulary_to_dict(extends)", '"default" or "none"', extends)
    predicates = []
    for predicate in vocabulary.declared.values():
        item: dict[str, Any] = {}
        for field in attrs.fields(Predicate):
            value = getattr(predicate, field.name)
            if field.name == "name" or value != field.default:
                item[field.name] = sorted(value) if isinstance(value, frozenset) else value
        predicates.append(item)
    return {"format": FORMAT, "version": VERSION, "extends": extends, "predicates": predicates}
