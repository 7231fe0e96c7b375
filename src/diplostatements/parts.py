"""Parts and wholes: a brigade is part of the armed forces, which are part of the state.

A :class:`PartOf` item in a :class:`~diplostatements.StatementSet` says that one actor is part of
another over a period, as an :class:`~diplostatements.Affiliation` says that one speaks for
another. The checker reads them for *distributive* predicates: what a part did (crossed a border,
fired on a target, is present somewhere), its whole did too. Nothing else follows from a part-of
link: a brigade does not speak for its state (that is an affiliation's ``speaks_for``).

>>> from datetime import date
>>> PartOf("53rd-brigade", "RUS-armed-forces", span=TimeSpan.since(date(2010, 1, 1)))
PartOf(part='53rd-brigade', whole='RUS-armed-forces', span=TimeSpan.since(2010-01-01))
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs

from ._validation import path_of
from .actors import actor_id
from .exceptions import FieldError
from .timespans import TimeSpan

__all__ = ["PartOf"]


def _slug(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value or any(char.isspace() for char in value):
        raise FieldError(path_of(instance, attribute), "an actor id (no white space)", value)


def _different(instance: PartOf, attribute: attrs.Attribute[Any], value: str) -> None:
    if value == instance.part:
        raise FieldError(path_of(instance, attribute), "an actor id other than the part's", value)


def _to_span(value: TimeSpan | date | None) -> Any:
    if value is None:
        return _ALWAYS
    return TimeSpan.coerce(value) if isinstance(value, date) else value


def _span(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, TimeSpan):
        raise FieldError(path_of(instance, attribute), "a TimeSpan, a date or None (always)", value)


_ALWAYS = TimeSpan.always()


@attrs.frozen
class PartOf:
    """An actor is part of another, possibly only for a while.

    Args:
        part: the part's actor id (an :class:`~diplostatements.Actor` is stored as its id).
        whole: the whole's actor id (likewise); it must differ from ``part``.
        span: the period the part belongs to the whole: always by default (``None`` says the same),
            a ``date`` that day.

    A set refuses part-of links that would make an actor part of itself (a cycle) at some time,
    naming the cycle.

    Raises:
        FieldError: a field holds a value it cannot hold.
    """

    part: str = attrs.field(converter=actor_id, validator=_slug)
    whole: str = attrs.field(converter=actor_id, validator=[_slug, _different])
    span: TimeSpan = attrs.field(default=None, kw_only=True, converter=_to_span, validator=_span)

    def __repr__(self) -> str:
        span = "" if self.span == _ALWAYS else f", span={self.span!r}"
        return f"PartOf(part={self.part!r}, whole={self.whole!r}{span})"
