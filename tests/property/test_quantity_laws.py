from __future__ import annotations

from fractions import Fraction

from hypothesis import given
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
