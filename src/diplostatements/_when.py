"""Read the time phrases of news copy ("on Tuesday", "in March", "a day earlier") by a dateline.

This is the private reader behind :func:`diplostatements.timespans.parse_when`. It returns the four
bounds of a span (``start_earliest, start_latest, end_earliest, end_latest``) rather than a
``TimeSpan``, so that it needs nothing from the module that imports it.

The reader is strict on purpose: a phrase it does not fully understand raises
:class:`~diplostatements.exceptions.ParseError` marking the part it could not read, because a wrong
date in a contradiction report is worse than a question to the analyst.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple, NoReturn

from ._validation import close_matches
from .exceptions import ParseError

__all__ = ["read"]

Bounds = tuple[date, date, date, date]

MONTH_NAMES = (
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
)
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

MONTHS: dict[str, int] = {name: number for number, name in enumerate(MONTH_NAMES, 1)}
MONTHS.update({name[:3]: number for number, name in enumerate(MONTH_NAMES, 1)})
MONTHS["sept"] = 9
WEEKDAYS: dict[str, int] = {name: number for number, name in enumerate(WEEKDAY_NAMES)}
NUMBERS: dict[str, int] = {
    word: number
    for number, word in enumerate(
        ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    )
}
NUMBERS.update({"a": 1, "an": 1})

# Fixed phrases, matched after lower-casing and collapsing white space: days from the dateline.
_RELATIVE_DAYS: dict[str, int] = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "the day before": -1,
    "the previous day": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
}
# "last week" and friends: a calendar unit and how many units from the dateline's.
_PERIODS: dict[str, tuple[str, int]] = {
    f"{which} {unit}": (unit, shift)
    for unit in ("week", "month", "year")
    for which, shift in (
        ("last", -1),
        ("previous", -1),
        ("the previous", -1),
        ("this", 0),
        ("next", 1),
    )
}
# Words that say something happened without saying when: refused, never guessed.
_VAGUE = frozenset(
    {"recently", "recent", "lately", "soon", "previously", "formerly", "sometime", "someday"}
    | {"once", "ever"}
)
# Every word some phrase uses: a word outside this set is where an error points.
_KNOWN = (
    frozenset((*MONTHS, *WEEKDAYS, *NUMBERS, *" ".join([*_RELATIVE_DAYS, *_PERIODS]).split()))
    | {"on", "in", "during", "since", "until", "till", "up", "to", "before", "after", "between"}
    | {"and", "from", "through", "thru", "of", "past", "earlier", "later", "days", "ago"}
    | {"early", "mid", "late", "morning", "afternoon", "evening", "night", "always"}
)
_SUGGESTIONS = (*MONTH_NAMES, *WEEKDAY_NAMES, "today", "yesterday", "tomorrow", "earlier")

_FLAGS = re.IGNORECASE | re.DOTALL
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = "(?P<weekday>" + "|".join(WEEKDAYS) + ")"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_PART = r"(?:(?P<part>early|mid|late)(?:-|\s+))?"
_NUMBER = r"(?P<n>\d+|" + "|".join(NUMBERS) + ")"

# "sometime" is vague alone but fine before a time: "sometime in March", "sometime before June 4".
_PREPOSITION = re.compile(r"(?:sometime\s+(?=\S))?(?:(?:on|in|during)\s+(?=\S))?", _FLAGS)
_OPERATOR = re.compile(r"(?P<op>since|until|till|up\s+to|before|after|between|from)\s+", _FLAGS)
_BETWEEN = re.compile(r"between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)", _FLAGS)
_FROM = re.compile(r"from\s+(?P<a>.+?)\s+(?:to|until|till|through|thru)\s+(?P<b>.+)", _FLAGS)
_EARLIER = re.compile(r"(?P<way>earlier|later)\s+this\s+(?P<unit>week|month|year)", _FLAGS)
_ISO_DAY = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})", _FLAGS)
_ISO_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})", _FLAGS)
_DAYS_AGO = re.compile(_NUMBER + r"\s+days?\s+(?:ago|earlier|before)", _FLAGS)
_TIME_OF_DAY = re.compile(r"(?P<rest>.*\S)\s+(?:morning|afternoon|evening|night)", _FLAGS)
_WEEKDAY_ONLY = re.compile(r"(?:(?P<last>last|this\s+past|past)\s+)?" + _WEEKDAY, _FLAGS)
_WEEKDAY_DATE = re.compile(_WEEKDAY + r"(?:,\s*|\s+)(?P<rest>\S.*)", _FLAGS)
_MONTH_DAY = re.compile(_MONTH + r"\s+" + _DAY + r"(?:(?:,\s*|\s+)" + _YEAR + ")?", _FLAGS)
_DAY_MONTH = re.compile(
    r"(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:(?:,\s*|\s+)" + _YEAR + ")?", _FLAGS
)
_MONTH_YEAR = re.compile(_PART + _MONTH + r"(?:(?:,\s*|\s+)(?:of\s+)?" + _YEAR + ")?", _FLAGS)
_YEAR_ONLY = re.compile(_PART + _YEAR, _FLAGS)
_BARE_DAY = re.compile(r"(?:the\s+)?" + _DAY, _FLAGS)
_TOKEN = re.compile(r"\d+(?:st|nd|rd|th)?|[^\W\d_]+|\S", _FLAGS)

PHRASE = (
    "a time phrase such as '2019-06-04', 'June 4, 2019', 'on Tuesday', 'in March' or 'last week'"
)

# Calendar units of a point; "until" needs a DAY, the rest only matter in error messages.
DAY, WEEK, MONTH, YEAR, PART = "day", "week", "month", "year", "part"


class _Point(NamedTuple):
    """A day, week, month or year a phrase names: a moment somewhere in ``[first, last]``."""

    first: date
    last: date
    unit: str
    yearless: bool = False  # the year was inferred from the dateline, not written


def read(text: str, dateline: date) -> Bounds:
    """The four bounds of the span ``text`` names, read relative to ``dateline``.

    Raises:
        ParseError: the text is not a phrase this reader knows; it marks the part at fault.
    """
    reader = _Reader(text, dateline)
    try:
        return reader.phrase()
    except OverflowError:
        reader.fail("a time within the calendar (years 1 to 9999)", 0, len(text))


class _Reader:
    """Reads one phrase; every failure points at a span of :attr:`text`."""

    def __init__(self, text: str, dateline: date) -> None:
        self.text = text
        self.dateline = dateline

    def fail(self, expected: str, start: int, end: int) -> NoReturn:
        raise ParseError(expected, self.text, start, end)

    def strip(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def phrase(self) -> Bounds:
        start, end = self.strip(0, len(self.text))
        if start == end:
            self.fail(PHRASE, 0, len(self.text))
        prefix = _PREPOSITION.match(self.text, start, end)
        assert prefix is not None  # the pattern also matches the empty string
        start = prefix.end()
        if self.text[start:end].lower() == "always":
            return date.min, date.min, date.max, date.max
        if match := _OPERATOR.match(self.text, start, end):
            word = " ".join(match["op"].lower().split())
            return self.operator(word, start, match.end(), end)
        if match := _EARLIER.fullmatch(self.text, start, end):
            first, last = self.earlier(match["way"].lower(), match["unit"].lower(), start, end)
            return first, last, first, last
        point = self.point(start, end)
        return point.first, point.last, point.first, point.last

    def operator(self, word: str, start: int, rest: int, end: int) -> Bounds:
        if word == "between":
            a, b = self.pair(_BETWEEN, "between ... and ...", start, end)
            return a.first, b.last, a.first, b.last
        if word == "from":
            a, b = self.pair(_FROM, "from ... to ...", start, end)
            return a.first, a.last, b.first, b.last
        point = self.point(rest, end)
        if word == "since":
            return point.first, point.first, date.max, date.max
        if word == "before":
            day = point.first - timedelta(days=1)
            return date.min, day, date.min, day
        if word == "after":
            day = point.last + timedelta(days=1)
            return day, date.max, day, date.max
        # until, till, up to: "until March" may mean up to March or through it, so a day only.
        if point.unit != DAY:
            self.fail(f"a day after {word!r} (a {point.unit} leaves the end unclear)", rest, end)
        return date.min, date.min, point.last, point.last

    def pair(
        self, pattern: re.Pattern[str], form: str, start: int, end: int
    ) -> tuple[_Point, _Point]:
        match = pattern.fullmatch(self.text, start, end)
        if match is None:
            self.fail(f"{form!r}", start, end)
        a_start, a_end = match.span("a")
        b_start, b_end = self.strip(*match.span("b"))
        bare_a = _BARE_DAY.fullmatch(self.text, a_start, a_end)
        bare_b = _BARE_DAY.fullmatch(self.text, b_start, b_end)
        if bare_b:
            # "between May 7 and 10": the bare day takes its month and year from the other side.
            a = self.point(a_start, a_end)
            if a.unit != DAY:
                self.fail("a day with its month before a bare day number", a_start, a_end)
            b = self.day_in(a.first.year, a.first.month, bare_b)
        else:
            b = self.point(b_start, b_end)
            if bare_a:
                # "between 7 and 10 May"
                if b.unit != DAY:
                    self.fail("a day with its month after a bare day number", b_start, b_end)
                a = self.day_in(b.first.year, b.first.month, bare_a)
            else:
                # The first side is read against the second: "between December 28 and January 3".
                a = self.point(a_start, a_end, ref=b.last)
        # "between December 28 and January 3" may cross into a new year, but
        # "between May 10 and May 7" is a slip, not a year-long range.
        reversed_in_month = (
            a.yearless and a.first.year < b.last.year and a.first.month == b.last.month
        )
        if a.first > b.last or reversed_in_month:
            self.fail("the earlier time first", a_start, b_end)
        return a, b

    def earlier(self, way: str, unit: str, start: int, end: int) -> tuple[date, date]:
        first, last = self.period(unit, 0)
        if way == "earlier":
            last = self.dateline - timedelta(days=1)
        else:
            first = self.dateline + timedelta(days=1)
        if first > last:
            self.fail(f"a phrase that leaves some days {way} this {unit}", start, end)
        return first, last

    def point(self, start: int, end: int, ref: date | None = None) -> _Point:
        """A day, week, month or year; ``ref`` is the latest date a yearless day or month may be."""
        ref = self.dateline if ref is None else ref
        key = " ".join(self.text[start:end].lower().split())
        if key in _RELATIVE_DAYS:
            day = self.dateline + timedelta(days=_RELATIVE_DAYS[key])
            return _Point(day, day, DAY)
        if key in _PERIODS:
            unit, shift = _PERIODS[key]
            return _Point(*self.period(unit, shift), unit)
        for pattern, reader in _READERS:
            if match := pattern.fullmatch(self.text, start, end):
                return reader(self, match, ref)
        self.explain(start, end)

    def days_ago(self, match: re.Match[str], ref: date) -> _Point:
        count = match["n"].lower()
        day = self.dateline - timedelta(days=NUMBERS[count] if count in NUMBERS else int(count))
        return _Point(day, day, DAY)

    def weekday(self, match: re.Match[str], ref: date) -> _Point:
        back = (ref.weekday() - WEEKDAYS[match["weekday"].lower()]) % 7
        if match["last"] and back == 0:
            back = 7  # "last Tuesday" said on a Tuesday is a week ago, not today
        day = ref - timedelta(days=back)
        return _Point(day, day, DAY)

    def time_of_day(self, match: re.Match[str], ref: date) -> _Point:
        point = self.point(*match.span("rest"), ref=ref)
        if point.unit != DAY:
            self.fail("a day before the time of day", *match.span("rest"))
        return point

    def weekday_date(self, match: re.Match[str], ref: date) -> _Point:
        point = self.point(*match.span("rest"), ref=ref)
        if point.unit != DAY:
            self.fail("a day after the weekday", *match.span("rest"))
        if WEEKDAYS[match["weekday"].lower()] != point.first.weekday():
            actual = WEEKDAY_NAMES[point.first.weekday()].capitalize()
            where = match.span("weekday")
            self.fail(f"the weekday of {point.first.isoformat()} ({actual})", *where)
        return point

    def calendar_day(self, match: re.Match[str], ref: date) -> _Point:
        month = self.month_number(match)
        number = int(match["day"])
        if match["year"] is not None:
            year = self.year_number(match)
            try:
                day = date(year, month, number)
            except ValueError:
                self.fail(
                    f"a day of {MONTH_NAMES[month - 1].capitalize()} {year}"
                    f" (1 to {calendar.monthrange(year, month)[1]})",
                    *match.span("day"),
                )
            return _Point(day, day, DAY)
        longest = calendar.monthrange(2000, month)[1]  # a leap year: February 29 may exist
        if not 1 <= number <= longest:
            self.fail(
                f"a day of {MONTH_NAMES[month - 1].capitalize()} (1 to {longest})",
                *match.span("day"),
            )
        # The latest such day on or before ref; February 29 walks back to a leap year.
        year = ref.year if (month, number) <= (ref.month, ref.day) else ref.year - 1
        while not _exists(year, month, number):
            year -= 1
        day = date(year, month, number)
        return _Point(day, day, DAY, yearless=True)

    def month(self, match: re.Match[str], ref: date) -> _Point:
        month = self.month_number(match)
        if match["year"] is not None:
            year = self.year_number(match)
        else:
            year = ref.year if month <= ref.month else ref.year - 1
        first, last = _month_bounds(year, month)
        part = _part(match)
        yearless = match["year"] is None
        if part is None:
            return _Point(first, last, MONTH, yearless)
        days = {"early": (1, 10), "mid": (11, 20), "late": (21, last.day)}[part]
        return _Point(first.replace(day=days[0]), last.replace(day=days[1]), PART, yearless)

    def year(self, match: re.Match[str], ref: date) -> _Point:
        year = self.year_number(match)
        part = _part(match)
        if part is None:
            return _Point(date(year, 1, 1), date(year, 12, 31), YEAR)
        first, last = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        return _Point(_month_bounds(year, first)[0], _month_bounds(year, last)[1], PART)

    def period(self, unit: str, shift: int) -> tuple[date, date]:
        dateline = self.dateline
        if unit == "week":
            monday = dateline - timedelta(days=dateline.weekday()) + timedelta(weeks=shift)
            return monday, monday + timedelta(days=6)
        if unit == "month":
            year, month = divmod(dateline.year * 12 + dateline.month - 1 + shift, 12)
            return _month_bounds(year, month + 1)
        year = dateline.year + shift
        return _month_bounds(year, 1)[0], _month_bounds(year, 12)[1]

    def month_number(self, match: re.Match[str]) -> int:
        name = match["month"].lower()
        if name.isdigit():
            if not 1 <= int(name) <= 12:
                self.fail("a month from 01 to 12", *match.span("month"))
            return int(name)
        return MONTHS[name]

    def year_number(self, match: re.Match[str]) -> int:
        year = int(match["year"])
        if year < 1:
            self.fail("a year from 0001 to 9999", *match.span("year"))
        return year

    def day_in(self, year: int, month: int, match: re.Match[str]) -> _Point:
        number = int(match["day"])
        if not _exists(year, month, number):
            self.fail(
                f"a day of {MONTH_NAMES[month - 1].capitalize()} {year}"
                f" (1 to {calendar.monthrange(year, month)[1]})",
                *match.span("day"),
            )
        day = date(year, month, number)
        return _Point(day, day, DAY)

    def explain(self, start: int, end: int) -> NoReturn:
        """Fail at the first word that is no time word, or at the whole phrase if every word is."""
        for token in _TOKEN.finditer(self.text, start, end):
            word = token[0].lower()
            if word in _VAGUE:
                self.fail(f"a definite time ({token[0]!r} does not say when)", *token.span())
            if word.isalpha() and word not in _KNOWN:
                matches = close_matches(word, _SUGGESTIONS, limit=1)
                hint = f"; did you mean {matches[0].capitalize()!r}?" if matches else ""
                self.fail(f"a time word{hint}", *token.span())
            if not (word[0].isalnum() or word in ",.-"):
                self.fail("a letter, digit, comma, full stop or hyphen", *token.span())
        self.fail(PHRASE, start, end)


def _part(match: re.Match[str]) -> str | None:
    part = match.groupdict().get("part")
    return None if part is None else part.lower()


def _exists(year: int, month: int, day: int) -> bool:
    if year < 1:
        raise OverflowError("before year 1")
    return day <= calendar.monthrange(year, month)[1]


def _month_bounds(year: int, month: int) -> tuple[date, date]:
    if not 1 <= year <= 9999:
        raise OverflowError(f"year {year} is out of range")
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


_READERS: tuple[tuple[re.Pattern[str], Callable[[_Reader, re.Match[str], date], _Point]], ...] = (
    (_DAYS_AGO, _Reader.days_ago),
    (_ISO_DAY, _Reader.calendar_day),
    (_MONTH_DAY, _Reader.calendar_day),
    (_DAY_MONTH, _Reader.calendar_day),
    (_ISO_MONTH, _Reader.month),
    (_MONTH_YEAR, _Reader.month),
    (_YEAR_ONLY, _Reader.year),
    (_WEEKDAY_ONLY, _Reader.weekday),
    # Before the weekday-and-date form, which would take "Tuesday evening" for a weekday and a date.
    (_TIME_OF_DAY, _Reader.time_of_day),
    (_WEEKDAY_DATE, _Reader.weekday_date),
)
