"""Periods whose ends may be known only roughly, and how two of them overlap.

A :class:`TimeSpan` is a period that starts somewhere in ``[start_earliest, start_latest]`` and ends
somewhere in ``[end_earliest, end_latest]``. Picking a start and an end from those ranges, the start
on or before the end, gives one *reading* of the span. A state "held throughout March" has one
reading; a call made "sometime in March" has one reading per day of March.

Open ends are stored as :data:`datetime.date.min` (an open earliest bound) and
:data:`datetime.date.max` (an open latest bound), so every field is always a :class:`~datetime.date`
and spans sort and compare without special cases.

>>> from datetime import date
>>> moment = TimeSpan.sometime_in(2019, 3)
>>> moment
TimeSpan.sometime_in(2019, 3)
>>> str(moment)
'sometime in March 2019'
>>> moment.overlap(TimeSpan.between(date(2019, 3, 1), date(2019, 3, 31)))
<Overlap.DEFINITE: 'definite'>
>>> moment.overlap(TimeSpan.between(date(2019, 3, 10), date(2019, 3, 20)))
<Overlap.POSSIBLE: 'possible'>
>>> TimeSpan.parse("on Monday", dateline=date(2019, 6, 4))
TimeSpan.on(2019-06-03)
"""

from __future__ import annotations

import calendar
import enum
import functools
from datetime import date, datetime, timedelta
from typing import Any, overload

import attrs

from . import _when
from ._validation import path_of
from .exceptions import FieldError

__all__ = ["Overlap", "TimeSpan", "parse_when"]

_ONE_DAY = timedelta(days=1)
_OPEN = "..."
_MONTHS = tuple(name.capitalize() for name in _when.MONTH_NAMES)
# str() of the spans a named constructor builds; parse_when reads each of them back.
_WORDS = {
    "always": "always",
    "on": "{}",
    "since": "since {}",
    "until": "until {}",
    "between": "from {} through {}",
    "sometime_before": "sometime before {}",
    "sometime_after": "sometime after {}",
    "sometime_between": "sometime between {} and {}",
}


@functools.total_ordering
class Overlap(enum.Enum):
    """How surely two time spans meet.

    Members are ordered by how sure the meeting is, ``NONE < POSSIBLE < DEFINITE``, so
    ``overlap >= Overlap.POSSIBLE`` reads "they may meet" and ``min``/``max`` work; :attr:`rank`
    gives the same order as an integer.

    >>> Overlap.POSSIBLE < Overlap.DEFINITE
    True
    >>> max([Overlap.NONE, Overlap.POSSIBLE])
    <Overlap.POSSIBLE: 'possible'>
    """

    NONE = "none"
    """No reading of one span meets any reading of the other."""
    POSSIBLE = "possible"
    """Some readings meet and some do not."""
    DEFINITE = "definite"
    """Every reading of one span meets every reading of the other."""

    @property
    def rank(self) -> int:
        """0 for NONE, 1 for POSSIBLE, 2 for DEFINITE."""
        return _RANKS[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Overlap):
            return NotImplemented
        return self.rank < other.rank


_RANKS = {member: rank for rank, member in enumerate(Overlap)}


def _day(value: object, where: str) -> date:
    """A constructor argument as a date: a datetime loses its time, anything else is refused."""
    if not isinstance(value, date):
        raise FieldError(where, "a date", value)
    return _strip_time(value)


def _earliest(value: date | None) -> date:
    # Anything that is not a date passes through for the validator to name the field.
    return date.min if value is None else _strip_time(value)


def _latest(value: date | None) -> date:
    return date.max if value is None else _strip_time(value)


def _strip_time(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _is_date(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, date):
        raise FieldError(path_of(instance, attribute), "a date (or None for an open end)", value)


@attrs.frozen(order=True, kw_only=True, init=False)
class TimeSpan:
    """A period whose start and end are each known to lie within a range of days.

    Build one with the named constructors (:meth:`on`, :meth:`between`, :meth:`sometime_in`, ...)
    or :meth:`parse`; the four-field form is for the shapes they do not cover, e.g. a state that
    began sometime in January and was still holding on March 1 (``end_earliest`` March 1, open
    ``end_latest``).

    Spans sort by their four fields in order; two spans are equal when all four are.

    Args:
        start_earliest: the first day the period may have started; ``None`` is stored as
            ``date.min`` (no bound).
        start_latest: the last day it may have started; ``None`` is stored as ``date.max``.
        end_earliest: the first day it may have ended; ``None`` is stored as ``date.min``.
        end_latest: the last day it may have ended; ``None`` is stored as ``date.max``.

    A ``datetime`` is stored as its date. The fields must satisfy ``start_earliest <=
    start_latest``, ``end_earliest <= end_latest`` and ``start_earliest <= end_latest`` (some
    reading exists); otherwise :class:`~diplostatements.exceptions.FieldError` is raised.

    >>> from datetime import date
    >>> span = TimeSpan(start_earliest=date(2019, 1, 1), start_latest=date(2019, 1, 31),
    ...                 end_earliest=date(2019, 3, 1), end_latest=None)
    >>> print(span)
    starting between 2019-01-01 and 2019-01-31, ending on or after 2019-03-01
    >>> span  # doctest: +NORMALIZE_WHITESPACE
    TimeSpan(start_earliest=2019-01-01, start_latest=2019-01-31,
             end_earliest=2019-03-01, end_latest=...)
    """

    start_earliest: date = attrs.field(validator=_is_date)
    start_latest: date = attrs.field(validator=_is_date)
    end_earliest: date = attrs.field(validator=_is_date)
    end_latest: date = attrs.field(validator=_is_date)

    def __init__(
        self,
        *,
        start_earliest: date | None,
        start_latest: date | None,
        end_earliest: date | None,
        end_latest: date | None,
    ) -> None:
        # Written out rather than generated: four plain dates in order is the usual case, and
        # is checked in one expression; anything else goes through each field's converter and
        # validator, which name the field at fault.
        if not (
            type(start_earliest) is date
            and type(start_latest) is date
            and type(end_earliest) is date
            and type(end_latest) is date
        ):
            start_earliest = _earliest(start_earliest)
            start_latest = _latest(start_latest)
            end_earliest = _earliest(end_earliest)
            end_latest = _latest(end_latest)
            _set_start_earliest(self, start_earliest)
            _set_start_latest(self, start_latest)
            _set_end_earliest(self, end_earliest)
            _set_end_latest(self, end_latest)
            for field in attrs.fields(TimeSpan):
                _is_date(self, field, getattr(self, field.name))
        else:
            _set_start_earliest(self, start_earliest)
            _set_start_latest(self, start_latest)
            _set_end_earliest(self, end_earliest)
            _set_end_latest(self, end_latest)
        if not (
            start_earliest <= start_latest
            and end_earliest <= end_latest
            and start_earliest <= end_latest
        ):
            self._refuse_order()

    @classmethod
    def _of(cls, first: date, second: date, third: date, fourth: date) -> TimeSpan:
        """A span of four dates already known to be in order (the named constructors' way)."""
        span = _new(cls)
        _set_start_earliest(span, first)
        _set_start_latest(span, second)
        _set_end_earliest(span, third)
        _set_end_latest(span, fourth)
        return span

    def _refuse_order(self) -> None:
        for earlier, later in (
            ("start_earliest", "start_latest"),
            ("end_earliest", "end_latest"),
            ("start_earliest", "end_latest"),
        ):
            first, last = getattr(self, earlier), getattr(self, later)
            if first > last:
                raise FieldError(
                    f"TimeSpan.{later}",
                    f"{earlier} on or before {later} ({earlier} is {first.isoformat()})",
                    last,
                )

    # --- named constructors ---

    @classmethod
    def on(cls, day: date) -> TimeSpan:
        """The single day ``day``, start and end.

        >>> from datetime import date
        >>> TimeSpan.on(date(2019, 6, 4))
        TimeSpan.on(2019-06-04)
        """
        if type(day) is not date:
            day = _day(day, "TimeSpan.on(day)")
        return cls._of(day, day, day, day)

    @classmethod
    def between(cls, start: date, end: date) -> TimeSpan:
        """Held throughout ``start`` to ``end``, both days included.

        >>> from datetime import date
        >>> print(TimeSpan.between(date(2019, 3, 10), date(2019, 3, 20)))
        from 2019-03-10 through 2019-03-20
        """
        if type(start) is not date:
            start = _day(start, "TimeSpan.between(start)")
        if type(end) is not date:
            end = _day(end, "TimeSpan.between(end)")
        if end < start:
            raise FieldError("TimeSpan.between(end)", f"a date on or after start ({start})", end)
        return cls._of(start, start, end, end)

    @classmethod
    def sometime_in(cls, year: int, month: int | None = None) -> TimeSpan:
        """A moment somewhere in that month (or, without a month, that year): "in March 2019".

        >>> TimeSpan.sometime_in(2019)
        TimeSpan.sometime_in(2019)
        """
        if cls is TimeSpan and type(year) is int and (month is None or type(month) is int):
            # Months recur: each is made once and shared (a span is immutable).
            shared = _SHARED_MONTHS.get((year, month))
            if shared is not None:
                return shared
        if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
            raise FieldError("TimeSpan.sometime_in(year)", "a year from 1 to 9999", year)
        if month is None:
            made = cls.sometime_between(date(year, 1, 1), date(year, 12, 31))
        else:
            if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
                raise FieldError(
                    "TimeSpan.sometime_in(month)", "None or a month from 1 to 12", month
                )
            last = calendar.monthrange(year, month)[1]
            made = cls.sometime_between(date(year, month, 1), date(year, month, last))
        if cls is TimeSpan and type(year) is int and (month is None or type(month) is int):
            if len(_SHARED_MONTHS) >= _MONTHS_KEPT:
                _SHARED_MONTHS.clear()
            _SHARED_MONTHS[year, month] = made
        return made

    @classmethod
    def sometime_between(cls, earliest: date, latest: date) -> TimeSpan:
        """A moment from ``earliest`` to ``latest``, both included: "between 7 and 10 May".

        >>> from datetime import date
        >>> print(TimeSpan.sometime_between(date(2019, 5, 7), date(2019, 5, 10)))
        sometime between 2019-05-07 and 2019-05-10
        """
        where = "TimeSpan.sometime_between"
        if type(earliest) is not date:
            earliest = _day(earliest, f"{where}(earliest)")
        if type(latest) is not date:
            latest = _day(latest, f"{where}(latest)")
        if latest < earliest:
            raise FieldError(
                f"{where}(latest)", f"a date on or after earliest ({earliest})", latest
            )
        return cls._of(earliest, latest, earliest, latest)

    @classmethod
    def sometime_before(cls, day: date) -> TimeSpan:
        """A moment strictly before ``day``: "he has called" said in an interview on ``day``."""
        day = _day(day, "TimeSpan.sometime_before(day)")
        if day == date.min:
            raise FieldError("TimeSpan.sometime_before(day)", "a date after date.min", day)
        return cls.sometime_between(date.min, day - _ONE_DAY)

    @classmethod
    def sometime_after(cls, day: date) -> TimeSpan:
        """A moment strictly after ``day``."""
        day = _day(day, "TimeSpan.sometime_after(day)")
        if day == date.max:
            raise FieldError("TimeSpan.sometime_after(day)", "a date before date.max", day)
        return cls.sometime_between(day + _ONE_DAY, date.max)

    @classmethod
    def since(cls, day: date) -> TimeSpan:
        """Held from ``day`` on, with no known end: "Moscow has recognised Maduro since 2019"."""
        day = _day(day, "TimeSpan.since(day)")
        return cls._of(day, day, date.max, date.max)

    @classmethod
    def until(cls, day: date) -> TimeSpan:
        """Held at all times up to and including ``day``: "no such request, ever, up to July 22"."""
        day = _day(day, "TimeSpan.until(day)")
        return cls._of(date.min, date.min, day, day)

    @classmethod
    def always(cls) -> TimeSpan:
        """Held at all times.

        >>> print(TimeSpan.always())
        always
        """
        return cls._of(date.min, date.min, date.max, date.max)

    @classmethod
    def parse(cls, text: str, *, dateline: date) -> TimeSpan:
        """Read a news phrase relative to the article's dateline; see :func:`parse_when`."""
        return parse_when(text, dateline=dateline)

    @overload
    @staticmethod
    def coerce(value: date | TimeSpan) -> TimeSpan: ...
    @overload
    @staticmethod
    def coerce(value: object) -> object: ...
    @staticmethod
    def coerce(value: object) -> object:
        """Converter for fields that hold a span: a date becomes :meth:`on` that day.

        A span is returned as it is, and so is anything else, for the field's validator to
        reject with a message that names the field.

        >>> from datetime import date
        >>> TimeSpan.coerce(date(2019, 6, 4))
        TimeSpan.on(2019-06-04)
        >>> TimeSpan.coerce("June")
        'June'
        """
        if type(value) is date:
            # One shared span per day: most statements are dated to a day, and many share one.
            span = _DAYS.get(value)
            if span is None:
                if len(_DAYS) >= _DAYS_KEPT:
                    _DAYS.clear()
                span = _DAYS[value] = TimeSpan.on(value)
            return span
        if isinstance(value, date):
            return TimeSpan.on(value)
        return value

    # --- queries ---

    @property
    def earliest(self) -> date:
        """The first day any reading may touch (``start_earliest``; ``date.min`` if open)."""
        return self.start_earliest

    @property
    def latest(self) -> date:
        """The last day any reading may touch (``end_latest``; ``date.max`` if open)."""
        return self.end_latest

    def ordinals(self) -> tuple[int, int, int, int]:
        """The four fields as :meth:`datetime.date.toordinal` numbers, for fast comparisons."""
        return (
            self.start_earliest.toordinal(),
            self.start_latest.toordinal(),
            self.end_earliest.toordinal(),
            self.end_latest.toordinal(),
        )

    def overlap(self, other: TimeSpan) -> Overlap:
        """How surely some day belongs to both a reading of this span and one of ``other``.

        :attr:`Overlap.POSSIBLE` or better when some pair of readings shares a day,
        :attr:`Overlap.DEFINITE` when every pair does. The answer is symmetric.

        For the spans the named constructors build (and any span whose ``start_latest`` is at most
        its ``end_latest`` and whose ``start_earliest`` is at most its ``end_earliest``) this is:
        DEFINITE iff ``a.start_latest <= b.end_earliest and b.start_latest <= a.end_earliest``;
        otherwise the latest possible start is ``min(start_latest, end_latest)`` and the earliest
        possible end ``max(end_earliest, start_earliest)``, because a reading never ends before
        it starts.

        >>> from datetime import date
        >>> day = TimeSpan.on(date(2019, 6, 3))
        >>> day.overlap(TimeSpan.on(date(2019, 6, 3))), day.overlap(TimeSpan.on(date(2019, 6, 4)))
        (<Overlap.DEFINITE: 'definite'>, <Overlap.NONE: 'none'>)
        """
        if self.start_earliest > other.end_latest or other.start_earliest > self.end_latest:
            return Overlap.NONE
        # The latest any reading may start, and the earliest any reading may end.
        last_start = min(self.start_latest, self.end_latest)
        first_end = max(self.end_earliest, self.start_earliest)
        other_last_start = min(other.start_latest, other.end_latest)
        other_first_end = max(other.end_earliest, other.start_earliest)
        if last_start <= other_first_end and other_last_start <= first_end:
            return Overlap.DEFINITE
        return Overlap.POSSIBLE

    def contains(self, other: TimeSpan) -> bool:
        """Whether every reading of ``other`` lies within every reading of this span.

        >>> from datetime import date
        >>> march = TimeSpan.between(date(2019, 3, 1), date(2019, 3, 31))
        >>> march.contains(TimeSpan.sometime_in(2019, 3))
        True
        >>> TimeSpan.sometime_in(2019, 3).contains(TimeSpan.on(date(2019, 3, 5)))
        False
        """
        last_start = min(self.start_latest, self.end_latest)
        first_end = max(self.end_earliest, self.start_earliest)
        return last_start <= other.start_earliest and other.end_latest <= first_end

    # --- display ---

    def _named(self) -> tuple[str, tuple[date | int, ...]] | None:
        """The named constructor and arguments that build this span, if one does."""
        first, last = self.start_earliest, self.end_latest
        if self.start_latest == first and self.end_earliest == last:
            return _held_throughout(first, last)
        if self.end_earliest == first and self.start_latest == last:
            return _moment_within(first, last)
        return None

    def __repr__(self) -> str:
        named = self._named()
        if named is not None:
            name, args = named
            shown = ", ".join(
                arg.isoformat() if isinstance(arg, date) else str(arg) for arg in args
            )
            return f"TimeSpan.{name}({shown})"
        fields = ", ".join(
            f"{field}={_iso_or_open(getattr(self, field))}"
            for field in ("start_earliest", "start_latest", "end_earliest", "end_latest")
        )
        return f"TimeSpan({fields})"

    def __str__(self) -> str:
        day = self.start_earliest
        if day == self.start_latest == self.end_earliest == self.end_latest:
            # One day, the commonest span (every statement's date): what "on" writes, directly.
            return day.isoformat()
        named = self._named()
        if named is None:
            start = _describe_end(self.start_earliest, self.start_latest)
            return f"starting {start}, ending {_describe_end(self.end_earliest, self.end_latest)}"
        name, args = named
        if name == "sometime_in":
            first = self.start_earliest
            month = f"{_MONTHS[first.month - 1]} " if len(args) == 2 else ""
            return f"sometime in {month}{first.year}"
        if args == (date.min, date.max):
            return "at some unknown time"
        return _WORDS[name].format(*[arg.isoformat() for arg in args if isinstance(arg, date)])


_new = object.__new__
_set_start_earliest = TimeSpan.start_earliest.__set__  # type: ignore[attr-defined]
_set_start_latest = TimeSpan.start_latest.__set__  # type: ignore[attr-defined]
_set_end_earliest = TimeSpan.end_earliest.__set__  # type: ignore[attr-defined]
_set_end_latest = TimeSpan.end_latest.__set__  # type: ignore[attr-defined]
_SHARED_MONTHS: dict[tuple[int, int | None], TimeSpan] = {}
_MONTHS_KEPT = 4096
_DAYS: dict[date, TimeSpan] = {}
_DAYS_KEPT = 65536  # about 180 years of days; past that the cache starts again


def parse_when(text: str, *, dateline: date) -> TimeSpan:
    """Read a news phrase about time relative to the article's dateline.

    Understood phrases (case, spacing and a leading "sometime", "on", "in" or "during" do not
    matter):

    - a date: "2019-06-04", "June 4, 2019", "4 June 2019", "Tuesday, June 4"; without a year
      ("June 4") the latest such day on or before the dateline;
    - a weekday: "on Monday", "Tuesday evening": the latest such day on or before the dateline
      (dateline Tuesday 2019-06-04: "Tuesday" is that day, "Wednesday" is 2019-05-29);
      "last Tuesday" is strictly before the dateline;
    - days from the dateline: "today", "yesterday", "the day before", "a day earlier",
      "two days ago", "3 days earlier", "tomorrow";
    - a moment in a week, month or year: "last week" (Monday to Sunday), "this month",
      "next year", "earlier this year" (January 1 to the day before the dateline),
      "later this month";
    - a moment in a month or year: "in March" (the latest March that began on or before the
      dateline), "March 2019", "2019-03", "in 2014", "early March" (days 1-10), "mid-March"
      (11-20), "late March" (21 to the end), "early 2019" (January-April), "mid-2019"
      (May-August), "late 2019" (September-December);
    - "between 7 and 10 May", "between May 7 and May 10", "between March and May": a moment in
      that range;
    - "from March to May": a period that started in March and ended in May;
    - "since January 23", "since March" (from the first day of the month or year);
      "until June 4" (a day: "until March" could mean up to or through March);
      "before June 4" and "after June 4": a moment strictly before or after; "always".

    Vague words ("recently", "lately", "soon") are refused rather than guessed. ``str()`` of a
    span built by a named constructor reads back as the same span.

    Args:
        text: the phrase.
        dateline: the day the article (or statement) was published.

    Returns:
        The span the phrase names.

    Raises:
        ParseError: the text is not such a phrase; the error marks the part at fault.
        FieldError: ``text`` is not a string or ``dateline`` not a date.

    >>> from datetime import date
    >>> parse_when("in March", dateline=date(2019, 6, 4))
    TimeSpan.sometime_in(2019, 3)
    >>> parse_when("a day earlier", dateline=date(2019, 6, 4))
    TimeSpan.on(2019-06-03)
    >>> parse_when("on Mondy", dateline=date(2019, 6, 4))
    Traceback (most recent call last):
    ...
    diplostatements.exceptions.ParseError: expected a time word; did you mean 'Monday'?
        on Mondy
           ^^^^^
    """
    if not isinstance(text, str):
        raise FieldError("parse_when(text)", "a string", text)
    day = _day(dateline, "parse_when(dateline)")
    start_earliest, start_latest, end_earliest, end_latest = _when.read(text, day)
    return TimeSpan(
        start_earliest=start_earliest,
        start_latest=start_latest,
        end_earliest=end_earliest,
        end_latest=end_latest,
    )


def _held_throughout(first: date, last: date) -> tuple[str, tuple[date, ...]]:
    if first == date.min and last == date.max:
        return "always", ()
    if first == last:
        return "on", (first,)
    if last == date.max:
        return "since", (first,)
    if first == date.min:
        return "until", (last,)
    return "between", (first, last)


def _moment_within(first: date, last: date) -> tuple[str, tuple[date | int, ...]]:
    if first.day == 1 and first.year == last.year and _is_month_end(last):
        if first.month == last.month:
            return "sometime_in", (first.year, first.month)
        if (first.month, last.month) == (1, 12):
            return "sometime_in", (first.year,)
    if first == date.min and last != date.max:
        return "sometime_before", (last + _ONE_DAY,)
    if last == date.max and first != date.min:
        return "sometime_after", (first - _ONE_DAY,)
    return "sometime_between", (first, last)


def _is_month_end(day: date) -> bool:
    # The next day is a first (date.max, which has no next day, is the end of its month).
    return day == date.max or (day + _ONE_DAY).day == 1


def _iso_or_open(day: date) -> str:
    return _OPEN if day in (date.min, date.max) else day.isoformat()


def _describe_end(earliest: date, latest: date) -> str:
    """One end of a span in words: "on 2019-03-01", "between ... and ...", "on or after ..."."""
    if earliest == latest:
        return f"on {earliest.isoformat()}"
    if earliest == date.min and latest == date.max:
        return "at an unknown time"
    if earliest == date.min:
        return f"on or before {latest.isoformat()}"
    if latest == date.max:
        return f"on or after {earliest.isoformat()}"
    return f"between {earliest.isoformat()} and {latest.isoformat()}"
