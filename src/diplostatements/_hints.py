"""What a message adds when a value came as text a named constructor would read.

A notebook user types ``said_on="2019-06-03"``, ``modality="highly likely"`` or
``quantity="most"``: the field refuses the text, and the message says which constructor reads it.
"""

from __future__ import annotations

import re
from typing import Any, Final

import attrs

from ._validation import Validator, path_of
from .exceptions import DiplostatementsError, FieldError

__all__ = ["hinted", "modality_hint", "quantity_hint", "span_hint"]

_ISO_DAY: Final = re.compile(r"\d{4}-\d{2}-\d{2}")


def span_hint(value: object) -> str:
    """For text where a date or span goes: the reader of an ISO date, or of a news phrase."""
    if not isinstance(value, str):
        return ""
    if _ISO_DAY.fullmatch(value.strip()):
        return f" (for text: date.fromisoformat({value.strip()!r}))"
    return f" (for a phrase: parse_when({value!r}, dateline=...))"


def modality_hint(value: object) -> str:
    """For a hedge where a modality goes: what :meth:`Modality.from_hedge` makes of it."""
    if not isinstance(value, str):
        return ""
    from .claims import Modality  # noqa: PLC0415 -- claims imports this module

    try:
        modality = Modality.from_hedge(value)
    except DiplostatementsError:
        return ""
    return f" (for a hedge: Modality.from_hedge({value!r}), which is {modality.name})"


def quantity_hint(value: object) -> str:
    """For a phrase where a quantity goes: what :meth:`Quantity.parse` makes of it."""
    if not isinstance(value, str):
        return ""
    from .quantities import Quantity  # noqa: PLC0415 -- kept beside the other hints

    try:
        Quantity.parse(value)
    except DiplostatementsError:
        return ""
    return f" (for a phrase: Quantity.parse({value!r}))"


def hinted(check: Validator, hint: Any) -> Validator:
    """``check``, its message ending with ``hint(value)`` where that says something."""

    def run(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        try:
            check(instance, attribute, value)
        except FieldError as error:
            extra = hint(value)
            if not extra:
                raise
            raise FieldError(path_of(instance, attribute), error.expected + extra, value) from None

    return run
