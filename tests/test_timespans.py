"""Tests for diplostatements.timespans: TimeSpan, Overlap and parse_when."""

from __future__ import annotations

import operator
import pickle
from collections.abc import Callable
from datetime import date, datetime

import attrs
import pytest

from diplostatements.exceptions import FieldError, ParseError
from diplostatements.timespans import Overlap, TimeSpan, parse_when

MIN, MAX = date.min, date.max
TUESDAY = date(2019, 6, 4)  # the seed article's dateline
SUNDAY = date(2019, 6, 9)
MONDAY = date(2019, 6, 3)
NEW_YEAR = date(2020, 1, 2)  # a Thursday early in January


def d(text: str) -> date:
    """An ISO date, to keep the tables short."""
    return date.fromisoformat(text)


def span(start_earliest: str, start_latest: str, end_earliest: str, end_latest: str) -> TimeSpan:
    """A span from four ISO dates, "..." for an open end."""

    def bound(text: str) -> date | None:
        return None if text == "..." else d(text)

    return TimeSpan(
        start_earliest=bound(start_earliest),
        start_latest=bound(start_latest),
        end_earliest=bound(end_earliest),
        end_latest=bound(end_latest),
    )


class TestFields:
    def test_none_opens_each_end(self) -> None:
        """None becomes date.min for an earliest bound and date.max for a latest bound."""
        opened = TimeSpan(
            start_earliest=None, start_latest=None, end_earliest=None, end_latest=None
        )
        assert opened.ordinals() == (MIN.toordinal(), MAX.toordinal(), 1, MAX.toordinal())

    def test_datetime_is_stored_as_its_date(self) -> None:
        """A datetime given to a field keeps only its date."""
        moment = datetime(2019, 6, 4, 15, 30)
        made = TimeSpan(
            start_earliest=moment, start_latest=moment, end_earliest=moment, end_latest=moment
        )
        assert made == TimeSpan.on(TUESDAY)
        assert type(made.start_earliest) is date

    @pytest.mark.parametrize(
        ("field", "value"),
        [
            # not dates at all
            ("start_earliest", "2019-06-04"),
            ("start_latest", 20190604),
            ("end_earliest", 1.5),
            ("end_latest", [TUESDAY]),
        ],
    )
    def test_non_dates_are_refused_naming_the_field(self, field: str, value: object) -> None:
        """Anything but a date, datetime or None is a FieldError naming TimeSpan.<field>."""
        fields: dict[str, object] = dict.fromkeys(
            ("start_earliest", "start_latest", "end_earliest", "end_latest"), TUESDAY
        )
        fields[field] = value
        with pytest.raises(FieldError) as caught:
            TimeSpan(**fields)  # type: ignore[arg-type]
        assert caught.value.path == f"TimeSpan.{field}"
        assert caught.value.got == value

    @pytest.mark.parametrize(
        ("bounds", "path", "rule"),
        [
            # the start range is reversed
            (
                ("2019-06-05", "2019-06-04", "2019-06-05", "2019-06-06"),
                "TimeSpan.start_latest",
                "start_earliest on or before start_latest",
            ),
            # the end range is reversed
            (
                ("2019-06-01", "2019-06-02", "2019-06-06", "2019-06-05"),
                "TimeSpan.end_latest",
                "end_earliest on or before end_latest",
            ),
            # every reading would end before it starts
            (
                ("2019-06-05", "2019-06-06", "2019-06-01", "2019-06-04"),
                "TimeSpan.end_latest",
                "start_earliest on or before end_latest",
            ),
        ],
    )
    def test_invariants(self, bounds: tuple[str, str, str, str], path: str, rule: str) -> None:
        """Bounds out of order are a FieldError that says which order is required."""
        with pytest.raises(FieldError, match=rule) as caught:
            span(*bounds)
        assert caught.value.path == path

    def test_start_may_be_later_than_the_end_earliest(self) -> None:
        """Only the three invariants bind: a start range may reach past the end's earliest day."""
        made = span("2019-01-01", "2019-12-31", "2019-06-01", "2020-06-01")
        assert made.start_latest > made.end_earliest

    def test_frozen_hashable_and_picklable(self) -> None:
        """Spans are immutable values: equal spans hash alike and survive pickling."""
        day = TimeSpan.on(TUESDAY)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            day.start_earliest = MONDAY  # type: ignore[misc]
        assert {day, TimeSpan.on(TUESDAY)} == {day}
        assert pickle.loads(pickle.dumps(day)) == day

    def test_order_is_by_the_four_fields(self) -> None:
        """Spans sort by start_earliest, then start_latest, end_earliest and end_latest."""
        spans = [
            TimeSpan.since(MONDAY),
            TimeSpan.on(TUESDAY),
            TimeSpan.sometime_in(2019, 6),
            TimeSpan.on(MONDAY),
            TimeSpan.always(),
        ]
        assert sorted(spans) == [
            TimeSpan.always(),
            TimeSpan.sometime_in(2019, 6),
            TimeSpan.on(MONDAY),
            TimeSpan.since(MONDAY),
            TimeSpan.on(TUESDAY),
        ]

    def test_evolve_validates(self) -> None:
        """attrs.evolve goes through the same checks as construction."""
        with pytest.raises(FieldError):
            attrs.evolve(TimeSpan.on(TUESDAY), end_latest=MONDAY)


class TestConstructors:
    @pytest.mark.parametrize(
        ("made", "bounds"),
        [
            # held throughout
            (TimeSpan.on(TUESDAY), (TUESDAY, TUESDAY, TUESDAY, TUESDAY)),
            (TimeSpan.on(datetime(2019, 6, 4, 9)), (TUESDAY, TUESDAY, TUESDAY, TUESDAY)),
            (TimeSpan.between(MONDAY, TUESDAY), (MONDAY, MONDAY, TUESDAY, TUESDAY)),
            (TimeSpan.between(TUESDAY, TUESDAY), (TUESDAY, TUESDAY, TUESDAY, TUESDAY)),
            (TimeSpan.since(MONDAY), (MONDAY, MONDAY, MAX, MAX)),
            (TimeSpan.until(MONDAY), (MIN, MIN, MONDAY, MONDAY)),
            (TimeSpan.always(), (MIN, MIN, MAX, MAX)),
            # a moment within a range
            (
                TimeSpan.sometime_in(2019, 2),
                (d("2019-02-01"), d("2019-02-28"), d("2019-02-01"), d("2019-02-28")),
            ),
            (
                TimeSpan.sometime_in(2020, 2),
                (d("2020-02-01"), d("2020-02-29"), d("2020-02-01"), d("2020-02-29")),
            ),
            (
                TimeSpan.sometime_in(2019),
                (d("2019-01-01"), d("2019-12-31"), d("2019-01-01"), d("2019-12-31")),
            ),
            (TimeSpan.sometime_between(MONDAY, TUESDAY), (MONDAY, TUESDAY, MONDAY, TUESDAY)),
            (TimeSpan.sometime_before(TUESDAY), (MIN, MONDAY, MIN, MONDAY)),
            (TimeSpan.sometime_after(MONDAY), (TUESDAY, MAX, TUESDAY, MAX)),
        ],
    )
    def test_shapes(self, made: TimeSpan, bounds: tuple[date, date, date, date]) -> None:
        """Each named constructor sets the four bounds it documents."""
        assert (
            made.start_earliest,
            made.start_latest,
            made.end_earliest,
            made.end_latest,
        ) == bounds

    @pytest.mark.parametrize(
        ("build", "path"),
        [
            # not dates
            (lambda: TimeSpan.on("2019-06-04"), "TimeSpan.on(day)"),  # type: ignore[arg-type]
            (lambda: TimeSpan.between(None, TUESDAY), "TimeSpan.between(start)"),  # type: ignore[arg-type]
            (lambda: TimeSpan.since(2019), "TimeSpan.since(day)"),  # type: ignore[arg-type]
            (lambda: TimeSpan.until("June"), "TimeSpan.until(day)"),  # type: ignore[arg-type]
            (
                lambda: TimeSpan.sometime_between(TUESDAY, "x"),  # type: ignore[arg-type]
                "TimeSpan.sometime_between(latest)",
            ),
            # reversed ranges
            (lambda: TimeSpan.between(TUESDAY, MONDAY), "TimeSpan.between(end)"),
            (
                lambda: TimeSpan.sometime_between(TUESDAY, MONDAY),
                "TimeSpan.sometime_between(latest)",
            ),
            # no day before the first or after the last
            (lambda: TimeSpan.sometime_before(MIN), "TimeSpan.sometime_before(day)"),
            (lambda: TimeSpan.sometime_after(MAX), "TimeSpan.sometime_after(day)"),
            # years and months out of range or of the wrong type
            (lambda: TimeSpan.sometime_in(0), "TimeSpan.sometime_in(year)"),
            (lambda: TimeSpan.sometime_in(10000), "TimeSpan.sometime_in(year)"),
            (lambda: TimeSpan.sometime_in(True), "TimeSpan.sometime_in(year)"),
            (lambda: TimeSpan.sometime_in("2019"), "TimeSpan.sometime_in(year)"),  # type: ignore[arg-type]
            (lambda: TimeSpan.sometime_in(2019, 13), "TimeSpan.sometime_in(month)"),
            (lambda: TimeSpan.sometime_in(2019, 0), "TimeSpan.sometime_in(month)"),
            (lambda: TimeSpan.sometime_in(2019, False), "TimeSpan.sometime_in(month)"),
            (lambda: TimeSpan.sometime_in(2019, 3.0), "TimeSpan.sometime_in(month)"),  # type: ignore[arg-type]
        ],
    )
    def test_bad_arguments(self, build: object, path: str) -> None:
        """A bad argument is a FieldError naming the constructor and the argument."""
        assert callable(build)
        with pytest.raises(FieldError) as caught:
            build()
        assert caught.value.path == path

    def test_between_says_what_end_must_be(self) -> None:
        """A reversed between() names the start the end must not precede."""
        with pytest.raises(FieldError, match=r"a date on or after start \(2019-06-04\)"):
            TimeSpan.between(TUESDAY, MONDAY)


class TestCoerceAndQueries:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            # a date is that day
            (TUESDAY, TimeSpan.on(TUESDAY)),
            (datetime(2019, 6, 4, 23, 59), TimeSpan.on(TUESDAY)),
            # a span is itself
            (TimeSpan.sometime_in(2019, 3), TimeSpan.sometime_in(2019, 3)),
            # anything else is left for a validator to refuse
            ("June", "June"),
            (None, None),
        ],
    )
    def test_coerce(self, value: object, expected: object) -> None:
        """TimeSpan.coerce turns dates into single days and passes everything else through."""
        assert TimeSpan.coerce(value) == expected

    def test_earliest_and_latest(self) -> None:
        """The earliest is start_earliest and the latest end_latest, open ends included."""
        moment = TimeSpan.sometime_in(2019, 3)
        assert (moment.earliest, moment.latest) == (d("2019-03-01"), d("2019-03-31"))
        assert (TimeSpan.since(TUESDAY).earliest, TimeSpan.since(TUESDAY).latest) == (TUESDAY, MAX)

    def test_ordinals(self) -> None:
        """ordinals() gives the four fields as proleptic Gregorian ordinals, in field order."""
        made = span("2019-01-01", "2019-01-31", "2019-03-01", "...")
        assert made.ordinals() == (
            d("2019-01-01").toordinal(),
            d("2019-01-31").toordinal(),
            d("2019-03-01").toordinal(),
            MAX.toordinal(),
        )


class TestDisplay:
    @pytest.mark.parametrize(
        ("made", "shown", "words"),
        [
            # held throughout
            (TimeSpan.always(), "TimeSpan.always()", "always"),
            (TimeSpan.on(TUESDAY), "TimeSpan.on(2019-06-04)", "2019-06-04"),
            (TimeSpan.on(MIN), "TimeSpan.on(0001-01-01)", "0001-01-01"),
            (TimeSpan.on(MAX), "TimeSpan.on(9999-12-31)", "9999-12-31"),
            (TimeSpan.since(d("2019-01-23")), "TimeSpan.since(2019-01-23)", "since 2019-01-23"),
            (TimeSpan.until(d("2019-07-22")), "TimeSpan.until(2019-07-22)", "until 2019-07-22"),
            (
                TimeSpan.between(d("2019-03-10"), d("2019-03-20")),
                "TimeSpan.between(2019-03-10, 2019-03-20)",
                "from 2019-03-10 through 2019-03-20",
            ),
            # moments
            (
                TimeSpan.sometime_in(2019, 3),
                "TimeSpan.sometime_in(2019, 3)",
                "sometime in March 2019",
            ),
            (TimeSpan.sometime_in(2014), "TimeSpan.sometime_in(2014)", "sometime in 2014"),
            (TimeSpan.sometime_in(1), "TimeSpan.sometime_in(1)", "sometime in 1"),
            (
                TimeSpan.sometime_before(TUESDAY),
                "TimeSpan.sometime_before(2019-06-04)",
                "sometime before 2019-06-04",
            ),
            (
                TimeSpan.sometime_after(TUESDAY),
                "TimeSpan.sometime_after(2019-06-04)",
                "sometime after 2019-06-04",
            ),
            (
                TimeSpan.sometime_between(d("2019-05-07"), d("2019-05-10")),
                "TimeSpan.sometime_between(2019-05-07, 2019-05-10)",
                "sometime between 2019-05-07 and 2019-05-10",
            ),
            # whole months that are neither one month nor one year stay a range
            (
                TimeSpan.sometime_between(d("2019-01-01"), d("2019-03-31")),
                "TimeSpan.sometime_between(2019-01-01, 2019-03-31)",
                "sometime between 2019-01-01 and 2019-03-31",
            ),
            (
                TimeSpan.sometime_between(MIN, MAX),
                "TimeSpan.sometime_between(0001-01-01, 9999-12-31)",
                "at some unknown time",
            ),
            # general spans
            (
                span("2019-01-01", "2019-01-31", "2019-03-01", "..."),
                "TimeSpan(start_earliest=2019-01-01, start_latest=2019-01-31,"
                " end_earliest=2019-03-01, end_latest=...)",
                "starting between 2019-01-01 and 2019-01-31, ending on or after 2019-03-01",
            ),
            (
                span("...", "...", "2019-03-01", "2019-03-01"),
                "TimeSpan(start_earliest=..., start_latest=..., end_earliest=2019-03-01,"
                " end_latest=2019-03-01)",
                "starting at an unknown time, ending on 2019-03-01",
            ),
            # first and last day the same, but not a single day
            (
                span("2019-03-01", "2019-03-05", "2019-02-25", "2019-03-01"),
                "TimeSpan(start_earliest=2019-03-01, start_latest=2019-03-05,"
                " end_earliest=2019-02-25, end_latest=2019-03-01)",
                "starting between 2019-03-01 and 2019-03-05, ending between 2019-02-25 and"
                " 2019-03-01",
            ),
            (
                span("...", "2019-01-31", "...", "2019-03-31"),
                "TimeSpan(start_earliest=..., start_latest=2019-01-31, end_earliest=...,"
                " end_latest=2019-03-31)",
                "starting on or before 2019-01-31, ending on or before 2019-03-31",
            ),
        ],
    )
    def test_repr_and_str(self, made: TimeSpan, shown: str, words: str) -> None:
        """The repr shows the named constructor that builds the span; str reads as English."""
        assert repr(made) == shown
        assert str(made) == words


class TestOverlap:
    @pytest.mark.parametrize(
        ("first", "second", "expected"),
        [
            # ARCHITECTURE.md: a moment in March against states held in March
            (
                TimeSpan.sometime_in(2019, 3),
                TimeSpan.between(d("2019-03-01"), d("2019-03-31")),
                Overlap.DEFINITE,
            ),
            (
                TimeSpan.sometime_in(2019, 3),
                TimeSpan.between(d("2019-03-10"), d("2019-03-20")),
                Overlap.POSSIBLE,
            ),
            # disjoint periods never meet
            (
                TimeSpan.between(d("2019-01-01"), d("2019-02-28")),
                TimeSpan.between(d("2019-03-01"), d("2019-03-31")),
                Overlap.NONE,
            ),
            (TimeSpan.sometime_in(2019, 3), TimeSpan.sometime_in(2019, 4), Overlap.NONE),
            (TimeSpan.on(MONDAY), TimeSpan.on(TUESDAY), Overlap.NONE),
            # the same day, and a day inside a held period
            (TimeSpan.on(TUESDAY), TimeSpan.on(TUESDAY), Overlap.DEFINITE),
            (TimeSpan.on(TUESDAY), TimeSpan.since(MONDAY), Overlap.DEFINITE),
            (TimeSpan.on(TUESDAY), TimeSpan.always(), Overlap.DEFINITE),
            # two moments in the same month may or may not be the same day
            (TimeSpan.sometime_in(2019, 3), TimeSpan.sometime_in(2019, 3), Overlap.POSSIBLE),
            (TimeSpan.sometime_in(2019, 3), TimeSpan.on(d("2019-03-05")), Overlap.POSSIBLE),
            # "no such request, ever, up to July 22" against a request sometime in June
            (TimeSpan.until(d("2019-07-22")), TimeSpan.sometime_in(2019, 6), Overlap.DEFINITE),
            (TimeSpan.until(d("2019-07-22")), TimeSpan.sometime_in(2019, 7), Overlap.POSSIBLE),
            (TimeSpan.sometime_before(TUESDAY), TimeSpan.since(TUESDAY), Overlap.NONE),
            # a start known only as "not after the end": every reading holds on its last day
            (
                span("...", "...", "2019-12-31", "2019-12-31"),
                TimeSpan.on(d("2019-12-31")),
                Overlap.DEFINITE,
            ),
            (
                span("...", "...", "2019-12-31", "2019-12-31"),
                TimeSpan.on(d("2019-12-30")),
                Overlap.POSSIBLE,
            ),
        ],
    )
    def test_cases(self, first: TimeSpan, second: TimeSpan, expected: Overlap) -> None:
        """overlap() gives the documented answer, the same both ways round."""
        assert first.overlap(second) is expected
        assert second.overlap(first) is expected

    def test_values_are_lowercase_names(self) -> None:
        """Each member's value is its lower-cased name."""
        assert [member.value for member in Overlap] == ["none", "possible", "definite"]

    def test_rank_and_order(self) -> None:
        """Members order by certainty, NONE < POSSIBLE < DEFINITE, as does rank."""
        assert [member.rank for member in Overlap] == [0, 1, 2]
        assert Overlap.NONE < Overlap.POSSIBLE < Overlap.DEFINITE
        assert Overlap.DEFINITE > Overlap.POSSIBLE >= Overlap.POSSIBLE
        assert Overlap.NONE <= Overlap.NONE
        assert max(Overlap) is Overlap.DEFINITE
        assert sorted([Overlap.DEFINITE, Overlap.NONE]) == [Overlap.NONE, Overlap.DEFINITE]

    @pytest.mark.parametrize("compare", [operator.lt, operator.le, operator.gt, operator.ge])
    @pytest.mark.parametrize("other", [1, "possible", None])
    def test_no_order_with_other_types(
        self, compare: Callable[[object, object], bool], other: object
    ) -> None:
        """Ordering a member against anything else is a TypeError, as for unrelated types."""
        with pytest.raises(TypeError):
            compare(Overlap.POSSIBLE, other)


class TestContains:
    @pytest.mark.parametrize(
        ("outer", "inner", "expected"),
        [
            # a held period contains what surely lies within it
            (
                TimeSpan.between(d("2019-03-01"), d("2019-03-31")),
                TimeSpan.sometime_in(2019, 3),
                True,
            ),
            (
                TimeSpan.between(d("2019-03-01"), d("2019-03-31")),
                TimeSpan.on(d("2019-03-31")),
                True,
            ),
            (TimeSpan.always(), TimeSpan.sometime_before(TUESDAY), True),
            (TimeSpan.since(MONDAY), TimeSpan.on(TUESDAY), True),
            # but not what may reach outside it
            (
                TimeSpan.between(d("2019-03-10"), d("2019-03-20")),
                TimeSpan.sometime_in(2019, 3),
                False,
            ),
            (TimeSpan.since(TUESDAY), TimeSpan.on(MONDAY), False),
            # a moment contains nothing longer than a day: its readings differ
            (TimeSpan.sometime_in(2019, 3), TimeSpan.on(d("2019-03-05")), False),
            (TimeSpan.on(TUESDAY), TimeSpan.on(TUESDAY), True),
        ],
    )
    def test_cases(self, outer: TimeSpan, inner: TimeSpan, expected: bool) -> None:
        """contains() is true when every reading of inner lies within every reading of outer."""
        assert outer.contains(inner) is expected


class TestParseWhen:
    @pytest.mark.parametrize(
        ("text", "dateline", "expected"),
        [
            # absolute dates
            ("2019-06-04", TUESDAY, TimeSpan.on(TUESDAY)),
            ("June 4, 2019", SUNDAY, TimeSpan.on(TUESDAY)),
            ("4 June 2019", SUNDAY, TimeSpan.on(TUESDAY)),
            ("the 4th of June, 2019", SUNDAY, TimeSpan.on(TUESDAY)),
            ("Jan. 23, 2019", TUESDAY, TimeSpan.on(d("2019-01-23"))),
            ("on Tuesday, June 4, 2019", SUNDAY, TimeSpan.on(TUESDAY)),
            # a day without a year: the latest one on or before the dateline
            ("June 4", TUESDAY, TimeSpan.on(TUESDAY)),
            ("on June 5", TUESDAY, TimeSpan.on(d("2018-06-05"))),
            ("December 31", NEW_YEAR, TimeSpan.on(d("2019-12-31"))),
            ("February 29", TUESDAY, TimeSpan.on(d("2016-02-29"))),
            ("Tuesday, June 4", TUESDAY, TimeSpan.on(TUESDAY)),
            # weekdays: the latest on or before the dateline, never the next one
            ("on Tuesday", TUESDAY, TimeSpan.on(TUESDAY)),
            ("on Monday", TUESDAY, TimeSpan.on(MONDAY)),
            ("on Wednesday", TUESDAY, TimeSpan.on(d("2019-05-29"))),
            ("Sunday", TUESDAY, TimeSpan.on(d("2019-06-02"))),
            ("Monday", SUNDAY, TimeSpan.on(MONDAY)),
            ("on Sunday", SUNDAY, TimeSpan.on(SUNDAY)),
            ("Saturday", SUNDAY, TimeSpan.on(d("2019-06-08"))),
            ("on Tuesday", MONDAY, TimeSpan.on(d("2019-05-28"))),
            ("on Friday", NEW_YEAR, TimeSpan.on(d("2019-12-27"))),
            ("last Tuesday", TUESDAY, TimeSpan.on(d("2019-05-28"))),
            ("last Monday", TUESDAY, TimeSpan.on(MONDAY)),
            ("Monday evening", TUESDAY, TimeSpan.on(MONDAY)),
            # days counted from the dateline
            ("today", TUESDAY, TimeSpan.on(TUESDAY)),
            ("yesterday", TUESDAY, TimeSpan.on(MONDAY)),
            ("yesterday morning", TUESDAY, TimeSpan.on(MONDAY)),
            ("last night", TUESDAY, TimeSpan.on(MONDAY)),
            ("a day earlier", TUESDAY, TimeSpan.on(MONDAY)),
            ("the day before", TUESDAY, TimeSpan.on(MONDAY)),
            ("the day before yesterday", TUESDAY, TimeSpan.on(d("2019-06-02"))),
            ("two days ago", TUESDAY, TimeSpan.on(d("2019-06-02"))),
            ("3 days ago", TUESDAY, TimeSpan.on(d("2019-06-01"))),
            ("tomorrow", TUESDAY, TimeSpan.on(d("2019-06-05"))),
            # weeks, months and years around the dateline
            ("last week", TUESDAY, TimeSpan.sometime_between(d("2019-05-27"), d("2019-06-02"))),
            ("last week", SUNDAY, TimeSpan.sometime_between(d("2019-05-27"), d("2019-06-02"))),
            ("this week", TUESDAY, TimeSpan.sometime_between(MONDAY, SUNDAY)),
            ("next week", TUESDAY, TimeSpan.sometime_between(d("2019-06-10"), d("2019-06-16"))),
            ("last month", TUESDAY, TimeSpan.sometime_in(2019, 5)),
            ("last month", NEW_YEAR, TimeSpan.sometime_in(2019, 12)),
            ("the previous month", TUESDAY, TimeSpan.sometime_in(2019, 5)),
            ("this month", TUESDAY, TimeSpan.sometime_in(2019, 6)),
            ("last year", TUESDAY, TimeSpan.sometime_in(2018)),
            ("this year", TUESDAY, TimeSpan.sometime_in(2019)),
            ("earlier this year", TUESDAY, TimeSpan.sometime_between(d("2019-01-01"), MONDAY)),
            ("earlier this month", TUESDAY, TimeSpan.sometime_between(d("2019-06-01"), MONDAY)),
            ("earlier this week", TUESDAY, TimeSpan.on(MONDAY)),
            (
                "later this year",
                TUESDAY,
                TimeSpan.sometime_between(d("2019-06-05"), d("2019-12-31")),
            ),
            # months and years: month or year precision, never a single day
            ("in March", TUESDAY, TimeSpan.sometime_in(2019, 3)),
            ("in June", TUESDAY, TimeSpan.sometime_in(2019, 6)),
            ("in July", TUESDAY, TimeSpan.sometime_in(2018, 7)),
            ("in December", NEW_YEAR, TimeSpan.sometime_in(2019, 12)),
            ("in March 2019", TUESDAY, TimeSpan.sometime_in(2019, 3)),
            ("March 2019", NEW_YEAR, TimeSpan.sometime_in(2019, 3)),
            ("Sept. 2018", TUESDAY, TimeSpan.sometime_in(2018, 9)),
            ("2019-03", TUESDAY, TimeSpan.sometime_in(2019, 3)),
            ("in 2014", TUESDAY, TimeSpan.sometime_in(2014)),
            ("sometime in March", TUESDAY, TimeSpan.sometime_in(2019, 3)),
            # parts of months and years
            ("early March", TUESDAY, TimeSpan.sometime_between(d("2019-03-01"), d("2019-03-10"))),
            ("in mid-March", TUESDAY, TimeSpan.sometime_between(d("2019-03-11"), d("2019-03-20"))),
            ("late February", TUESDAY, TimeSpan.sometime_between(d("2019-02-21"), d("2019-02-28"))),
            ("early 2019", TUESDAY, TimeSpan.sometime_between(d("2019-01-01"), d("2019-04-30"))),
            ("mid-2018", TUESDAY, TimeSpan.sometime_between(d("2018-05-01"), d("2018-08-31"))),
            ("in late 2018", TUESDAY, TimeSpan.sometime_between(d("2018-09-01"), d("2018-12-31"))),
            # ranges
            (
                "between 7 and 10 May",
                TUESDAY,
                TimeSpan.sometime_between(d("2019-05-07"), d("2019-05-10")),
            ),
            (
                "between May 7 and May 10",
                TUESDAY,
                TimeSpan.sometime_between(d("2019-05-07"), d("2019-05-10")),
            ),
            (
                "between May 7 and 10",
                TUESDAY,
                TimeSpan.sometime_between(d("2019-05-07"), d("2019-05-10")),
            ),
            (
                "between March and May",
                TUESDAY,
                TimeSpan.sometime_between(d("2019-03-01"), d("2019-05-31")),
            ),
            (
                "between 2014 and 2016",
                TUESDAY,
                TimeSpan.sometime_between(d("2014-01-01"), d("2016-12-31")),
            ),
            (
                "between December 28 and January 3",
                TUESDAY,
                TimeSpan.sometime_between(d("2018-12-28"), d("2019-01-03")),
            ),
            (
                "between Friday and Monday",
                TUESDAY,
                TimeSpan.sometime_between(d("2019-05-31"), MONDAY),
            ),
            (
                "from March to May",
                TUESDAY,
                span("2019-03-01", "2019-03-31", "2019-05-01", "2019-05-31"),
            ),
            (
                "from 2019-03-10 through 2019-03-20",
                TUESDAY,
                TimeSpan.between(d("2019-03-10"), d("2019-03-20")),
            ),
            # open-ended
            ("since March", TUESDAY, TimeSpan.since(d("2019-03-01"))),
            ("since January 23", TUESDAY, TimeSpan.since(d("2019-01-23"))),
            ("since 2014", TUESDAY, TimeSpan.since(d("2014-01-01"))),
            ("until June 1", TUESDAY, TimeSpan.until(d("2019-06-01"))),
            ("up to yesterday", TUESDAY, TimeSpan.until(MONDAY)),
            ("before June 1", TUESDAY, TimeSpan.sometime_before(d("2019-06-01"))),
            ("sometime after March", TUESDAY, TimeSpan.sometime_after(d("2019-03-31"))),
            ("always", TUESDAY, TimeSpan.always()),
            # case, white space and a leading preposition do not matter
            ("  ON   tuesday ", TUESDAY, TimeSpan.on(TUESDAY)),
            ("IN MARCH", TUESDAY, TimeSpan.sometime_in(2019, 3)),
            (
                "during\tlast week",
                TUESDAY,
                TimeSpan.sometime_between(d("2019-05-27"), d("2019-06-02")),
            ),
        ],
    )
    def test_phrases(self, text: str, dateline: date, expected: TimeSpan) -> None:
        """Each phrase reads as the span a news reader would understand, given the dateline."""
        assert parse_when(text, dateline=dateline) == expected

    @pytest.mark.parametrize(
        ("text", "dateline", "start", "end", "expected"),
        [
            # nothing to read
            ("", TUESDAY, 0, 0, "a time phrase"),
            ("   ", TUESDAY, 0, 3, "a time phrase"),
            ("on", TUESDAY, 0, 2, "a time phrase"),
            # misspelt or unknown words are pointed at, with a suggestion when one is close
            ("on Mondy", TUESDAY, 3, 8, "did you mean 'Monday'?"),
            ("in Smarch", TUESDAY, 3, 9, "did you mean 'March'?"),
            ("last Tues", TUESDAY, 5, 9, "did you mean 'Tuesday'?"),
            ("next blue moon", TUESDAY, 5, 9, "a time word"),
            ("earlier this year?", TUESDAY, 17, 18, "a letter, digit"),
            # vague words are refused, not guessed
            ("recently", TUESDAY, 0, 8, "'recently' does not say when"),
            ("in recent days", TUESDAY, 3, 9, "'recent' does not say when"),
            ("sometime", TUESDAY, 0, 8, "does not say when"),
            # known words in an order no phrase has
            ("March 2019 2020", TUESDAY, 0, 15, "a time phrase"),
            ("between May 7", TUESDAY, 0, 13, "'between ... and ...'"),
            # days, months and years that do not exist
            ("June 31, 2019", TUESDAY, 5, 7, "a day of June 2019 (1 to 30)"),
            ("Feb 29, 2019", TUESDAY, 4, 6, "a day of February 2019 (1 to 28)"),
            ("June 32", TUESDAY, 5, 7, "a day of June (1 to 30)"),
            ("2019-02-30", TUESDAY, 8, 10, "a day of February 2019"),
            ("2019-13", TUESDAY, 5, 7, "a month from 01 to 12"),
            ("in 0000", TUESDAY, 3, 7, "a year from 0001 to 9999"),
            ("between June 30 and 31", TUESDAY, 20, 22, "a day of June 2018 (1 to 30)"),
            # a weekday that contradicts its date
            ("Monday, June 4, 2019", TUESDAY, 0, 6, "the weekday of 2019-06-04 (Tuesday)"),
            # parts that must be days
            ("until March", TUESDAY, 6, 11, "a day after 'until'"),
            ("March evening", TUESDAY, 0, 5, "a day before the time of day"),
            ("Tuesday, March", TUESDAY, 9, 14, "a day after the weekday"),
            ("between March and 10", TUESDAY, 8, 13, "a day with its month before a bare day"),
            ("between 7 and March", TUESDAY, 14, 19, "a day with its month after a bare day"),
            ("between 7 and 10", TUESDAY, 8, 9, "a time phrase"),
            # ranges the wrong way round
            ("between May 10 and May 7", TUESDAY, 8, 24, "the earlier time first"),
            ("between 10 and 7 May", TUESDAY, 8, 20, "the earlier time first"),
            ("between 2016 and 2014", TUESDAY, 8, 21, "the earlier time first"),
            # nothing earlier or later left in the period
            ("earlier this year", d("2019-01-01"), 0, 17, "some days earlier this year"),
            ("later this month", d("2019-06-30"), 0, 16, "some days later this month"),
            # beyond the calendar
            ("after 9999-12-31", TUESDAY, 0, 16, "a time within the calendar"),
            ("999999999999 days ago", TUESDAY, 0, 21, "a time within the calendar"),
            ("last year", d("0001-06-01"), 0, 9, "a time within the calendar"),
            ("December 31", d("0001-06-01"), 0, 11, "a time within the calendar"),
        ],
    )
    def test_unreadable(
        self, text: str, dateline: date, start: int, end: int, expected: str
    ) -> None:
        """Unreadable text is a ParseError marking the part at fault and what was expected."""
        with pytest.raises(ParseError) as caught:
            parse_when(text, dateline=dateline)
        error = caught.value
        assert (error.text, error.start, error.end) == (text, start, end)
        assert expected in error.expected

    def test_error_message_draws_carets(self) -> None:
        """The message quotes the text and underlines the bad part."""
        with pytest.raises(ParseError) as caught:
            parse_when("on Mondy", dateline=TUESDAY)
        assert str(caught.value).splitlines() == [
            "expected a time word; did you mean 'Monday'?",
            "    on Mondy",
            "       ^^^^^",
        ]

    def test_parse_is_parse_when(self) -> None:
        """TimeSpan.parse reads the same phrases as parse_when."""
        assert TimeSpan.parse("a day earlier", dateline=TUESDAY) == TimeSpan.on(MONDAY)

    def test_datetime_dateline_counts_as_its_day(self) -> None:
        """A datetime dateline is read as its date."""
        assert parse_when("yesterday", dateline=datetime(2019, 6, 4, 23, 0)) == TimeSpan.on(MONDAY)

    @pytest.mark.parametrize(
        ("text", "dateline", "path"),
        [
            # the dateline must be a date
            ("yesterday", "2019-06-04", "parse_when(dateline)"),
            ("yesterday", None, "parse_when(dateline)"),
            # the text must be a string
            (None, TUESDAY, "parse_when(text)"),
            (b"yesterday", TUESDAY, "parse_when(text)"),
        ],
    )
    def test_bad_arguments(self, text: object, dateline: object, path: str) -> None:
        """A dateline that is not a date, or text that is not a string, is a FieldError."""
        with pytest.raises(FieldError) as caught:
            parse_when(text, dateline=dateline)  # type: ignore[arg-type]
        assert caught.value.path == path
