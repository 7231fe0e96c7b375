"""Nested claims in the claims table: JSON text in the file format's encoding of a claim.

:func:`content_problems` reads one text as the JSON format reads a claim (every problem with its
path); :data:`PLAIN_JSON` recognises, without reading it, a text in the form the library writes
for the commonest content, a plain subject, predicate and object.
"""

from __future__ import annotations

import json
from typing import Any, Final

from cattrs.errors import BaseValidationError

from ._converter import MAX_DEPTH, BadValueError, converter
from ._fast import DECODER, Reader
from ._problems import FileFieldError, walk
from ._reading import parse_json
from .claims import Claim
from .exceptions import ParseError

__all__ = ["PLAIN_FIELDS", "PLAIN_JSON", "SPACE", "content_problems", "parse_content"]

_SPACES: Final = "".join(chr(code) for code in range(0x3001) if chr(code).isspace())
SPACE: Final = "[" + "".join(f"\\x{{{ord(char):x}}}" for char in _SPACES) + "]"
"""A regular expression (RE2) matching one character that Python's ``str.isspace`` accepts."""


def parse_content(text: str, reader: Reader | None = None) -> Claim:
    """A nested claim from its JSON text (checked already).

    Read in one pass as the JSON loader reads a claim (``reader`` shares one-day spans between
    the texts of a table); a text that pass does not take is read the careful way.
    """
    try:
        pairs = DECODER.decode(text)
    except ValueError:  # pragma: no cover -- checked already; the careful way says what is wrong
        pairs = None
    claim = (reader or Reader()).content(pairs)
    if claim is None:
        claim = converter.structure(json.loads(text), Claim)
    return claim


_PLAIN_CLAIM: Final = frozenset({"subject", "predicate", "object"})
# A JSON string of no escapes or control characters, holding something besides white space.
_TEXT_CHAR: Final = r'[^"\\\x00-\x1f]'
_WORD_TEXT: Final = rf'{_TEXT_CHAR}*[^"\\\x00-\x1f{SPACE[1:-1]}]{_TEXT_CHAR}*'
_WORD: Final = f'"{_WORD_TEXT}"'
PLAIN_JSON: Final = f'^{{"subject": {_WORD}, "predicate": {_WORD}(, "object": {_WORD})?}}$'
PLAIN_FIELDS: Final = (
    f'^{{"subject": "(?P<subject>{_WORD_TEXT})", "predicate": "(?P<predicate>{_WORD_TEXT})"'
    f'(?:, "object": "(?P<object>{_WORD_TEXT})")?}}$'
)
""":data:`PLAIN_JSON` with a group for each field, for ``pyarrow.compute.extract_regex``.

A text it matches holds no escape, so each group is the field's value as JSON reads it; an
``object`` left out comes back as an empty string (never a value: a field is never blank).
"""


def _plain(value: object) -> bool:
    """A claim of non-blank subject, predicate and object strings only, the common content."""
    return (
        type(value) is dict
        and value.keys() <= _PLAIN_CLAIM
        and "subject" in value
        and "predicate" in value
        and all(type(item) is str and not item.isspace() and item for item in value.values())
    )


def content_problems(path: str, text: str) -> list[Any]:
    """What is wrong with a nested claim's JSON text (nothing: an empty list)."""
    try:
        if _plain(json.loads(text)):
            return []
    except ValueError:
        pass  # parse_json below says where
    try:
        value = parse_json(text)
    except ParseError as error:
        return [ParseError(error.expected, error.text, error.start, error.end, path=path)]
    current, depth = value, 0
    while isinstance(current, dict) and "content" in current:
        current, depth = current["content"], depth + 1
        if depth > MAX_DEPTH:
            where = f"{path}: $" + ".content" * depth
            expected = f"claims nested at most {MAX_DEPTH} deep through content"
            return [FileFieldError(where, expected, current)]
    try:
        converter.structure(value, Claim)
    except (BadValueError, BaseValidationError) as error:
        return list(walk(error, f"{path}: $"))
    return []
