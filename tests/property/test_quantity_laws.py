"""Laws of quantities: compatibility, containment, one meaning for ranges that read alike."""

from __future__ import annotations

from fractions import Fraction

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from diplostatements.quantities import PROPORTION, Quantity
from diplostatements.strategies import quantities

# Pairs in one unit, so that the laws are tested where ranges are compared, not only skipped.
same_unit_pairs = st.sampled_from([None, PROPORTION, "km"]).flatmap(
    lambda unit: st.tuples(quantities(units=[unit]), quantities(units=[unit]))
)
any_pairs = st.tuples(quantities(units=[None, PROPORTION, "km"]), quantities())


def holds(q: Quantity, value: Fraction) -> bool:
    """Whether ``value`` lies in ``q``'s range, checked end by end."""
    if q.low is not None:
        low = Fraction(q.low)
        if value < low or (q.low_open and value == low):
            return False
    if q.high is not None:
        high = Fraction(q.high)
        if value > high or (q.high_open and value == high):
            return False
    return True


def candidates(a: Quantity, b: Quantity) -> set[Fraction]:
    """Values that include a common value of the two ranges whenever they have one."""
    ends = {Fraction(end) for q in (a, b) for end in (q.low, q.high) if end is not None}
    found = {Fraction(0)} | ends | {end + step for end in ends for step in (-1, 1)}
    found |= {(first + second) / 2 for first in ends for second in ends}
    return found


class TestCompatibleIsSymmetric:
    """Law: ``a.compatible(b) == b.compatible(a)``."""

    @given(same_unit_pairs)
    def test_same_unit(self, pair: tuple[Quantity, Quantity]) -> None:
        """Compatibility does not depend on the order, for quantities of one unit."""
        a, b = pair
        assert a.compatible(b) == b.compatible(a)

    @given(any_pairs)
    def test_any_units(self, pair: tuple[Quantity, Quantity]) -> None:
        """Compatibility does not depend on the order, whatever the units."""
        a, b = pair
        assert a.compatible(b) == b.compatible(a)


class TestCompatibleIsReflexive:
    """Law: every quantity (a non-empty range) is compatible with itself."""

    @given(quantities(units=[None, PROPORTION, "km"]))
    def test_reflexive(self, q: Quantity) -> None:
        """A quantity never clashes with itself."""
        assert q.compatible(q)


class TestContainsImpliesCompatible:
    """Law: ``a.contains(b)`` implies ``a.compatible(b)`` (and ``b.compatible(a)``)."""

    @given(same_unit_pairs)
    def test_contains_implies_compatible(self, pair: tuple[Quantity, Quantity]) -> None:
        """A range that contains another meets it."""
        a, b = pair
        if a.contains(b):
            assert a.compatible(b)
            assert b.compatible(a)

    @given(quantities(units=[None, PROPORTION, "km"]))
    def test_contains_itself(self, q: Quantity) -> None:
        """Every range contains itself."""
        assert q.contains(q)


class TestCompatibleMeansACommonValue:
    """Law: two quantities of one unit are compatible exactly when some value lies in both."""

    @given(same_unit_pairs)
    def test_witness(self, pair: tuple[Quantity, Quantity]) -> None:
        """compatible() agrees with a search for a value both ranges hold."""
        a, b = pair
        common = any(holds(a, value) and holds(b, value) for value in candidates(a, b))
        assert a.compatible(b) == common


class TestDifferentUnitsNeverClash:
    """Law: quantities of different units are always compatible and never contain each other."""

    @given(quantities(units=[None]), quantities(units=[PROPORTION]))
    def test_count_and_share(self, count: Quantity, share: Quantity) -> None:
        """A count and a share never clash, and neither contains the other."""
        assert count.compatible(share)
        assert share.compatible(count)
        assert not count.contains(share)
        assert not share.contains(count)


class TestParseKeepsText:
    """Law: ``str(Quantity.parse(t)) == t`` for every phrase parse accepts."""

    @given(quantities())
    def test_round_trip_of_text(self, q: Quantity) -> None:
        """A parsed quantity shows its text; an unparsed one reads as a non-empty phrase."""
        if q.text is not None:
            assert str(Quantity.parse(q.text)) == q.text
            assert Quantity.parse(q.text) == q
        else:
            assert str(q).strip()


End = int | float | None

# Ends from small pools, written several ways (None or 0 for a count's floor, 3 or 3.0, -0.0), so
# that two draws often mean the same range.
_ENDS: dict[str | None, list[End]] = {
    None: [None, 0, 0.0, -0.0, 1, 2.5, 3, 3.0, 0.1234567, 0.1234568],
    PROPORTION: [0, 0.0, 0.25, 0.5, 0.5000001, 1, 1.0],
    "km": [None, -3, -0.0, 0, 2.5, 3],
}


@st.composite
def written(draw: st.DrawFn, unit: str | None) -> Quantity:
    """A valid range of the unit, its ends and flags drawn from small pools; no text."""
    ends = st.sampled_from(_ENDS[unit])
    low, high = draw(ends), draw(ends)
    if low is not None and high is not None and low > high:
        low, high = high, low
    # A count's unbounded lower end is its floor: an end may be left out only when it is finite
    # and the range keeps a value without it.
    bottom = 0 if low is None and unit is None else low
    spread = bottom is None or high is None or bottom < high
    low_open = low is not None and spread and draw(st.booleans())
    high_open = high is not None and spread and draw(st.booleans())
    return Quantity(low, high, unit=unit, low_open=low_open, high_open=high_open)


# Other ways to write the same end: a whole number as an int or a float, zero with either sign; a
# count's floor as None or 0.
_REWRITES: dict[End, tuple[End, ...]] = {
    0: (0, 0.0, -0.0),
    3: (3, 3.0),
    1: (1, 1.0),
}


@st.composite
def rewritten(draw: st.DrawFn, q: Quantity) -> Quantity:
    """``q`` with each end written another way it may be written, when there is one."""

    def another(end: End) -> End:
        return draw(st.sampled_from(_REWRITES.get(end, (end,))))

    low = another(q.low)
    if q.unit is None and q.low in (None, 0) and not q.low_open:
        low = draw(st.sampled_from([None, low]))
    return attrs.evolve(q, low=low, high=another(q.high))


@st.composite
def alike_triples(draw: st.DrawFn) -> tuple[Quantity, Quantity, Quantity]:
    """Two ranges of one unit, the second often the first written another way, and a third."""
    unit = draw(st.sampled_from([None, PROPORTION, "km"]))
    first = draw(written(unit))
    second = draw(rewritten(first)) if draw(st.integers(0, 3)) else draw(written(unit))
    return first, second, draw(written(unit))


class TestOneMeaningPerReading:
    """Law: two quantities that read the same (their text aside) are the same value.

    They are equal, hash alike, and contain, lie within and meet the same quantities; and two
    quantities that read differently are different values.
    """

    @settings(max_examples=max(300, settings().max_examples))
    @given(alike_triples())
    def test_reading_alike_is_being_alike(
        self, triple: tuple[Quantity, Quantity, Quantity]
    ) -> None:
        """Same words exactly when equal; then the same answers against any third range."""
        a, b, other = triple
        assert (str(a) == str(b)) == (a == b)
        if a == b:
            assert hash(a) == hash(b)
            assert a.contains(other) == b.contains(other)
            assert other.contains(a) == other.contains(b)
            assert a.compatible(other) == b.compatible(other)

    @given(quantities(units=[None, PROPORTION, "km"]))
    def test_text_does_not_change_the_range(self, q: Quantity) -> None:
        """A quantity read from words behaves like its range written without them."""
        bare = attrs.evolve(q, text=None)
        assert bare.contains(q)
        assert q.contains(bare)
        assert bare.compatible(q)
