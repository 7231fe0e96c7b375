"""Laws every TimeSpan obeys, checked on spans of every shape from strategies.time_spans().

A *reading* of a span picks a start in [start_earliest, start_latest] and an end in
[end_earliest, end_latest], the start on or before the end. Two readings *meet* when they share a
day. The readings are enumerated by brute force over the bounds of both spans (the days where the
answer can change), so these laws check overlap() and contains() against their definitions.
"""

from __future__ import annotations

import itertools
from datetime import date

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from diplostatements.strategies import time_spans
from diplostatements.timespans import Overlap, TimeSpan, parse_when

# The laws are cheap, so at least 150 examples even under the quick default profile; the
# "thorough" profile of conftest.py raises that.
LAW = settings(max_examples=max(150, settings().max_examples), deadline=None)

# Wide: spans of any era. Narrow: two months, so that spans meet, touch and cross often.
spans = time_spans()
close_spans = time_spans(min_value=date(2019, 1, 1), max_value=date(2019, 2, 28))
any_spans = st.one_of(close_spans, spans)

Reading = tuple[date, date]


def readings(span: TimeSpan, *others: TimeSpan) -> list[Reading]:
    """The readings of ``span`` whose start and end are bounds of it or of ``others``."""
    days = {
        day
        for each in (span, *others)
        for day in (each.start_earliest, each.start_latest, each.end_earliest, each.end_latest)
    }
    starts = [day for day in days if span.start_earliest <= day <= span.start_latest]
    ends = [day for day in days if span.end_earliest <= day <= span.end_latest]
    return [(start, end) for start in starts for end in ends if start <= end]


def shift(day: date, days: int) -> date:
    """``day`` moved by ``days``, stopping at the ends of the calendar."""
    return date.fromordinal(
        min(max(day.toordinal() + days, date.min.toordinal()), date.max.toordinal())
    )


def meet(a: Reading, b: Reading) -> bool:
    """Whether two readings share a day."""
    return a[0] <= b[1] and b[0] <= a[1]


def pairs(a: TimeSpan, b: TimeSpan) -> list[tuple[Reading, Reading]]:
    """Every pair of extreme readings of ``a`` and ``b``."""
    return list(itertools.product(readings(a, b), readings(b, a)))


class TestStrategy:
    """Law: "time_spans() draws valid spans within the range it is given."."""

    @LAW
    @given(span=time_spans(min_value=date(2019, 3, 5), max_value=date(2019, 4, 20)))
    def test_finite_days_stay_in_range(self, span: TimeSpan) -> None:
        """Every finite day of a drawn span lies within [min_value, max_value]."""
        for day in (span.start_earliest, span.start_latest, span.end_earliest, span.end_latest):
            assert day in (date.min, date.max) or date(2019, 3, 5) <= day <= date(2019, 4, 20)

    @LAW
    @given(span=spans)
    def test_every_span_has_a_reading(self, span: TimeSpan) -> None:
        """Every drawn span has at least one reading."""
        assert readings(span)


class TestOverlapIsSymmetric:
    """Law: "overlap is symmetric: a.overlap(b) == b.overlap(a)"."""

    @LAW
    @given(a=any_spans, b=any_spans)
    def test_law(self, a: TimeSpan, b: TimeSpan) -> None:
        """Both ways round give the same answer."""
        assert a.overlap(b) is b.overlap(a)


class TestDefiniteMeansEveryReadingMeets:
    """Law: "DEFINITE implies that every reading meets" (and, overlap being exact, conversely)."""

    @LAW
    @given(a=any_spans, b=any_spans)
    def test_law(self, a: TimeSpan, b: TimeSpan) -> None:
        """DEFINITE exactly when every extreme reading of a meets every extreme reading of b."""
        every = all(meet(x, y) for x, y in pairs(a, b))
        assert (a.overlap(b) is Overlap.DEFINITE) == every


class TestNoneMeansNoReadingMeets:
    """Law: "NONE implies no reading meets" (and, overlap being exact, conversely)."""

    @LAW
    @given(a=any_spans, b=any_spans)
    def test_law(self, a: TimeSpan, b: TimeSpan) -> None:
        """NONE exactly when no extreme reading of a meets any extreme reading of b."""
        some = any(meet(x, y) for x, y in pairs(a, b))
        assert (a.overlap(b) is Overlap.NONE) == (not some)


class TestContainsMeansEveryReadingInside:
    """Law: "a.contains(b) iff every reading of b lies within every reading of a"."""

    @LAW
    @given(a=any_spans, b=any_spans)
    def test_law(self, a: TimeSpan, b: TimeSpan) -> None:
        """The contains() method agrees with the brute-force check over extreme readings."""
        inside = all(x[0] <= y[0] and y[1] <= x[1] for x, y in pairs(a, b))
        assert a.contains(b) == inside


class TestContainsImpliesDefiniteOverlap:
    """Law: "contains implies DEFINITE overlap"."""

    @LAW
    @given(a=any_spans, b=any_spans)
    def test_law(self, a: TimeSpan, b: TimeSpan) -> None:
        """A span that contains another definitely overlaps it."""
        if a.contains(b):
            assert a.overlap(b) is Overlap.DEFINITE

    @LAW
    @given(inner=any_spans, before=st.integers(0, 40), after=st.integers(0, 40))
    def test_law_on_held_periods_around_a_span(
        self, inner: TimeSpan, before: int, after: int
    ) -> None:
        """A period held from before a span's first day to after its last contains and meets it."""
        outer = TimeSpan.between(
            shift(inner.start_earliest, -before), shift(inner.end_latest, after)
        )
        assert outer.contains(inner)
        assert outer.overlap(inner) is Overlap.DEFINITE

    @LAW
    @given(a=any_spans)
    def test_held_spans_contain_themselves(self, a: TimeSpan) -> None:
        """A span contains itself exactly when it has a single reading."""
        assert a.contains(a) == (len(readings(a)) == 1)


class TestOrderIsTotal:
    """Law: "ordering is total and consistent with equality"."""

    @LAW
    @given(a=close_spans, b=close_spans)
    def test_trichotomy_and_equality(self, a: TimeSpan, b: TimeSpan) -> None:
        """Exactly one of a < b, a == b, a > b holds, and equal spans hash alike."""
        assert [a < b, a == b, a > b].count(True) == 1
        assert (a <= b) == (a < b or a == b)
        if a == b:
            assert hash(a) == hash(b)

    @LAW
    @given(a=close_spans, b=close_spans, c=close_spans)
    def test_transitive(self, a: TimeSpan, b: TimeSpan, c: TimeSpan) -> None:
        """Sorting three spans gives a chain: the first is at most the last."""
        low, middle, high = sorted([a, b, c])
        assert low <= middle <= high
        assert low <= high


class TestStrReadsBack:
    """Law: "parse_when(str(span)) == span for every span a named constructor builds"."""

    @LAW
    @given(span=spans, dateline=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
    def test_law(self, span: TimeSpan, dateline: date) -> None:
        """The English form of a named span reads back as the same span, whatever the dateline."""
        words = str(span)
        assume(not words.startswith(("starting ", "at some unknown time")))
        assert parse_when(words, dateline=dateline) == span
