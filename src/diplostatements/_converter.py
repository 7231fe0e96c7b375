"""The one cattrs converter between the model and JSON-ready values, and its hooks.

Only :mod:`diplostatements.io` (and its private helpers) use it. It is strict where cattrs is
lenient by default: a string field takes only a string (never ``str(5)``), a list field only a
list, a number only a finite number within :data:`MAX_NUMBER`, a date only ``YYYY-MM-DD``, an
enum only its lowercase value; unknown keys are errors; every field equal to its default is left
out when writing. Problems are raised as cattrs' exception groups, each leaf either an
:class:`BadValueError` (a value this module refused), a
:class:`~diplostatements.exceptions.FieldError` (a value the model refused) or a cattrs
error (a missing or unknown key); :mod:`diplostatements._problems` turns them into paths.
"""

from __future__ import annotations

import calendar
import enum
import math
import re
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, Final, TypeVar

import cattrs
from cattrs.errors import BaseValidationError, IterableValidationError, IterableValidationNote
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from .actors import Actor, Affiliation
from .claims import Claim
from .exceptions import DiplostatementsError
from .parts import PartOf
from .quantities import Quantity
from .rebuttals import ClaimRef, Rebuttal
from .statements import Relay, Source, Statement
from .timespans import TimeSpan

__all__ = [
    "MAX_DEPTH",
    "MAX_NUMBER",
    "MISSING",
    "RECORD_TYPES",
    "BadValueError",
    "content_too_deep",
    "converter",
    "parse_date",
    "structure_item",
    "structure_span",
    "unstructure_item",
    "unstructure_span",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

MAX_NUMBER: Final = 2**53
"""The largest magnitude a number in a file may have: beyond it most JSON readers lose digits."""

MAX_DEPTH: Final = 32
"""How deep claims may nest through ``content`` (a report of a report of ...)."""

RECORD_TYPES: Final[Mapping[str, type[Any]]] = {
    "actor": Actor,
    "affiliation": Affiliation,
    "part_of": PartOf,
    "statement": Statement,
    "rebuttal": Rebuttal,
}
"""The ``"type"`` tag of a record and the class it holds."""

Item = Actor | Affiliation | Statement | PartOf

_TYPE_NAMES: Final = {cls: name for name, cls in RECORD_TYPES.items()}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"(\d{4})(?:-(\d{2}))?")


class _Missing(enum.Enum):
    MISSING = "nothing"

    def __repr__(self) -> str:
        return "nothing"


MISSING: Final = _Missing.MISSING
"""Stands for a value that is not there (a required field left out)."""


class BadValueError(ValueError):
    """A JSON value this module refused.

    Args:
        expected: what was expected there, in words.
        got: the value that came.
        where: the path below the value that the hook was given (``".start[0]"``), if deeper.
    """

    def __init__(self, expected: str, got: object, where: str = "") -> None:
        super().__init__(expected)
        self.expected = expected
        self.got = got
        self.where = where


# --- scalars ---------------------------------------------------------------------------------


def _string(value: object, _: object = None) -> str:
    if not isinstance(value, str):
        raise BadValueError("a string", value)
    return value


def _boolean(value: object, _: object = None) -> bool:
    if not isinstance(value, bool):
        raise BadValueError("true or false", value)
    return value


def _integer(value: object, _: object = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadValueError("an integer", value)
    if abs(value) > MAX_NUMBER:
        raise BadValueError(f"an integer of at most {MAX_NUMBER} in size", value)
    return value


def _number(value: object, _: object = None) -> int | float | None:
    """A quantity's end: null (unbounded) or a finite number no larger than MAX_NUMBER."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise BadValueError("a number or null", value)
    if not math.isfinite(value) or abs(value) > MAX_NUMBER:
        raise BadValueError(f"a finite number of at most {MAX_NUMBER} in size", value)
    return value


def parse_date(value: object, _: object = None) -> date:
    """An ISO 8601 calendar date, ``YYYY-MM-DD``, and nothing looser."""
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise BadValueError('a date as "YYYY-MM-DD"', value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadValueError('an existing date as "YYYY-MM-DD"', value) from None


def _iso(day: date) -> str:
    return day.isoformat()


# --- time spans ------------------------------------------------------------------------------
#
# A span is written in the most specific of five forms, each naming exactly its four bounds:
#   "2019-06-03"                                    on that day
#   {"sometime_in": "2019-03"} / "2019"            a moment in that month / year
#   {"from": "2019-03-10", "to": null}             held throughout (null: open end)
#   {"sometime_between": ["2019-05-07", null]}     a moment in that range (null: open end)
#   {"start": [earliest, latest], "end": [...]}    anything else (null: date.min / date.max)

_SPAN_KEYS: Final = {
    "from": frozenset({"from", "to"}),
    "sometime_in": frozenset({"sometime_in"}),
    "sometime_between": frozenset({"sometime_between"}),
    "start": frozenset({"start", "end"}),
}
_SPAN_EXPECTED: Final = (
    'a time span: "YYYY-MM-DD", {"sometime_in": "YYYY-MM" or "YYYY"}, {"from": day, "to": day},'
    ' {"sometime_between": [day, day]} or {"start": [day, day], "end": [day, day]}'
    " (a day may be null for an open end)"
)


def _early(day: date) -> str | None:
    return None if day == date.min else day.isoformat()


def _late(day: date) -> str | None:
    return None if day == date.max else day.isoformat()


def unstructure_span(span: TimeSpan) -> str | dict[str, Any]:
    """The shortest form that names the span's four bounds exactly."""
    first, first_late, last_early, last = (
        span.start_earliest,
        span.start_latest,
        span.end_earliest,
        span.end_latest,
    )
    if first == first_late == last_early == last:
        return first.isoformat()
    if first == last_early and first_late == last:
        month = _month_or_year(first, last)
        if month is not None:
            return {"sometime_in": month}
        return {"sometime_between": [_early(first), _late(last)]}
    if first == first_late and last_early == last:
        return {"from": _early(first), "to": _late(last)}
    return {
        "start": [_early(first), _late(first_late)],
        "end": [_early(last_early), _late(last)],
    }


def _month_or_year(first: date, last: date) -> str | None:
    if first.day != 1 or first.year != last.year:
        return None
    if first.month == 1 and (last.month, last.day) == (12, 31):
        return f"{first.year:04d}"
    if first.month == last.month and last.day == calendar.monthrange(last.year, last.month)[1]:
        return f"{first.year:04d}-{first.month:02d}"
    return None


def structure_span(value: object, _: object = None) -> TimeSpan:
    """Read any of the five forms; every bound and the model's invariants are checked."""
    if isinstance(value, str):
        day = parse_date(value)
        return TimeSpan(start_earliest=day, start_latest=day, end_earliest=day, end_latest=day)
    if not isinstance(value, dict):
        raise BadValueError(_SPAN_EXPECTED, value)
    form = next((key for key in _SPAN_KEYS if key in value), None)
    if form is None:
        raise BadValueError(_SPAN_EXPECTED, value)
    if set(value) != _SPAN_KEYS[form]:
        keys = " and ".join(f'"{key}"' for key in sorted(_SPAN_KEYS[form]))
        raise BadValueError(f"a time span with the keys {keys} and no others", value)
    if form == "sometime_in":
        return _sometime_in(value["sometime_in"])
    if form == "from":
        # Held throughout: an open start is date.min at both of its bounds, an open end date.max.
        since = _bound(value["from"], ".from") or date.min
        until = _bound(value["to"], ".to") or date.max
        return _span(since, since, until, until)
    if form == "sometime_between":
        first, last = _pair(value["sometime_between"], ".sometime_between")
        return _span(first, last, first, last)
    start = _pair(value["start"], ".start")
    end = _pair(value["end"], ".end")
    return _span(*start, *end)


def _sometime_in(value: object) -> TimeSpan:
    match = _MONTH.fullmatch(value) if isinstance(value, str) else None
    expected = 'a month as "YYYY-MM" or a year as "YYYY"'
    if match is None:
        raise BadValueError(expected, value, ".sometime_in")
    year, month = int(match[1]), None if match[2] is None else int(match[2])
    if year < 1 or (month is not None and not 1 <= month <= 12):
        raise BadValueError(expected, value, ".sometime_in")
    return TimeSpan.sometime_in(year, month)


def _bound(value: object, where: str) -> date | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except BadValueError as error:
        raise BadValueError(f"{error.expected} or null (an open end)", value, where) from None


def _pair(value: object, where: str) -> tuple[date | None, date | None]:
    if not isinstance(value, list) or len(value) != 2:
        raise BadValueError("a pair [earliest, latest] of dates or nulls", value, where)
    return _bound(value[0], f"{where}[0]"), _bound(value[1], f"{where}[1]")


def _span(
    start_earliest: date | None,
    start_latest: date | None,
    end_earliest: date | None,
    end_latest: date | None,
) -> TimeSpan:
    return TimeSpan(
        start_earliest=start_earliest,
        start_latest=start_latest,
        end_earliest=end_earliest,
        end_latest=end_latest,
    )


# --- collections -----------------------------------------------------------------------------


def _strings(value: object, _: object = None) -> frozenset[str]:
    if not isinstance(value, list):
        raise BadValueError("a list of strings", value)
    for index, item in enumerate(value):
        if not isinstance(item, str):
            raise BadValueError("a string", item, f"[{index}]")
    return frozenset(value)


def _enum(kind: type[E]) -> Callable[[object, object], E]:
    """Only a member's lowercase value names it in a file (never its Python name)."""
    members = {member.value: member for member in kind}
    expected = "one of " + ", ".join(f'"{value}"' for value in members)

    def hook(value: object, _: object = None) -> E:
        member = members.get(value) if isinstance(value, str) else None
        if member is None:
            raise BadValueError(expected, value)
        return member

    return hook


_BAD_INPUT: Final = (BadValueError, BaseValidationError, DiplostatementsError)
"""What a hook raises for bad input (cattrs wraps a missing field's KeyError in its groups)."""


def _list_of(structure: Callable[[Any], T]) -> Callable[[object, object], tuple[T, ...]]:
    """A hook for ``tuple[X, ...]``: a JSON list, every item read, every bad item reported."""

    def hook(value: object, kind: object = None) -> tuple[T, ...]:
        if not isinstance(value, list):
            raise BadValueError("a list", value)
        items: list[T] = []
        errors: list[Exception] = []
        for index, item in enumerate(value):
            try:
                items.append(structure(item))
            except _BAD_INPUT as error:  # anything else is a bug, and goes up as it is
                error.__notes__ = [
                    *getattr(error, "__notes__", []),
                    IterableValidationNote(f"item {index}", index, kind),
                ]
                errors.append(error)
        if errors:
            raise IterableValidationError("while reading a list", errors, tuple)
        return tuple(items)

    return hook


def _target(value: object) -> str | ClaimRef:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return converter.structure(value, ClaimRef)
    raise BadValueError('a statement id or {"statement_id": id, "claim": index}', value)


# --- the converter ---------------------------------------------------------------------------

converter: Final = cattrs.Converter(
    omit_if_default=True, forbid_extra_keys=True, detailed_validation=True
)
"""The converter: ``converter.structure(value, Claim)``, ``converter.unstructure(claim)``."""

for _kind, _structure in (
    (str, _string),
    (bool, _boolean),
    (int, _integer),
    (date, parse_date),
    (TimeSpan, structure_span),
):
    converter.register_structure_hook(_kind, _structure)
converter.register_unstructure_hook(date, _iso)
converter.register_unstructure_hook(TimeSpan, unstructure_span)
converter.register_structure_hook_func(lambda kind: kind == frozenset[str], _strings)
converter.register_structure_hook_factory(
    lambda kind: isinstance(kind, type) and issubclass(kind, enum.Enum), _enum
)
converter.register_unstructure_hook_func(lambda kind: kind == frozenset[str], sorted)


def _object(
    cls: type[T], hook: Callable[[Any, Any], T], what: str
) -> Callable[[object, object], T]:
    """Refuse anything but a JSON object before cattrs looks for keys in it."""

    def structure(value: object, _: object = None) -> T:
        if not isinstance(value, dict):
            raise BadValueError(what, value)
        return hook(value, cls)

    return structure


def _register(cls: type[Any], what: str, **fields: Any) -> None:
    converter.register_structure_hook(
        cls, _object(cls, make_dict_structure_fn(cls, converter, **fields), what)
    )
    converter.register_unstructure_hook(
        cls,
        make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True),
    )


def _items(cls: type[Any]) -> Any:
    return override(struct_hook=_list_of(lambda item: converter.structure(item, cls)))


_register(
    Quantity,
    "a quantity object",
    low=override(struct_hook=_number),
    high=override(struct_hook=_number),
)
_register(Claim, "a claim object")
_register(Relay, "a relay object")
_register(Source, "a source object")
_register(Actor, "an actor object", aliases=override(struct_hook=_strings))
_register(Affiliation, "an affiliation object")
_register(PartOf, "a part-of object")
_COSIGNERS: Final = override(struct_hook=_list_of(_string))
_register(
    Statement,
    "a statement object",
    claims=_items(Claim),
    relays=_items(Relay),
    cosigners=_COSIGNERS,
)
_register(
    Rebuttal,
    "a rebuttal object",
    claims=_items(Claim),
    relays=_items(Relay),
    cosigners=_COSIGNERS,
    targets=override(struct_hook=_list_of(_target)),
)
converter.register_structure_hook(
    ClaimRef,
    _object(ClaimRef, make_dict_structure_fn(ClaimRef, converter), "a claim reference"),
)


def _unstructure_ref(ref: ClaimRef) -> dict[str, Any]:
    # A claim index is always written, even 0: {"statement_id": "x"} would read like a whole
    # target. The depth into content only when there is one, as other defaults.
    if ref.content:
        return {"statement_id": ref.statement_id, "claim": ref.claim, "content": ref.content}
    return {"statement_id": ref.statement_id, "claim": ref.claim}


converter.register_unstructure_hook(ClaimRef, _unstructure_ref)
converter.register_unstructure_hook(tuple, list)


_UNSTRUCTURE: Final = {kind: converter.get_unstructure_hook(kind) for kind in _TYPE_NAMES}


def unstructure_item(item: Item, *, tag: bool) -> dict[str, Any]:
    """One item as a JSON object.

    With ``tag`` its ``"type"`` comes first (JSON Lines); without, only a rebuttal carries one,
    since nothing else tells it from a statement (the sections of a JSON document).
    """
    kind = type(item)
    fields: dict[str, Any] = _UNSTRUCTURE[kind](item)
    if not tag and kind is not Rebuttal:
        return fields
    return {"type": _TYPE_NAMES[kind], **fields}


def content_too_deep(record: Mapping[str, Any]) -> tuple[str, object] | None:
    """The path and value of the first ``content`` nested beyond :data:`MAX_DEPTH`, if any.

    Checked on the raw record, without recursion, before cattrs reads it.
    """
    claims = record.get("claims")
    if not isinstance(claims, list):
        return None
    for index, claim in enumerate(claims):
        path = f".claims[{index}]"
        depth = 0
        current = claim
        while isinstance(current, dict) and "content" in current:
            current = current["content"]
            depth += 1
            path += ".content"
            if depth > MAX_DEPTH:
                return path, current
    return None


def structure_item(record: object, kinds: Mapping[str, type[Any]], default: str | None) -> Item:
    """Read one record whose ``"type"`` is one of ``kinds``; without a tag, ``default`` names it.

    The tag is taken out of ``record`` (a value freshly parsed, owned by the caller).

    Raises:
        BadValueError: the record is not an object, its type is wrong, or its claims nest too deep.
        cattrs.ClassValidationError: the fields hold wrong values (every one is reported).
    """
    if not isinstance(record, dict):
        words = _or(kinds)
        raise BadValueError(f"{'an' if words[0] in 'aeiou' else 'a'} {words} object", record)
    tag = record.pop("type", default)
    cls = kinds.get(tag) if isinstance(tag, str) else None
    if cls is None:
        got = MISSING if tag is None else tag
        raise BadValueError(f"a record type: {_or(kinds, quote=True)}", got, ".type")
    if cls is Statement and "targets" in record and "type" not in record:
        raise BadValueError('"rebuttal" (a record with targets is a rebuttal)', MISSING, ".type")
    deep = content_too_deep(record)
    if deep is not None:
        where, value = deep
        raise BadValueError(f"claims nested at most {MAX_DEPTH} deep through content", value, where)
    item: Item = converter.structure(record, cls)
    return item


def _or(kinds: Mapping[str, type[Any]], *, quote: bool = False) -> str:
    names = [f'"{name}"' if quote else name.replace("_", "-") for name in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
