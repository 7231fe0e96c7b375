from __future__ import annotations

import math
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings

from diplostatements.exceptions import FieldError, ParseError
from diplostatements.io import dumps, loads
from diplostatements.quantities import PROPORTION, Quantity
from diplostatements.strategies import quantities

Number = int | float | None


def bounds(q: Quantity) -> tuple[Number, Number, str | None, bool, bool]:
    return q.low, q.high, q.unit, q.low_open, q.high_open


class TestQuantity:
    # (low, high, keyword arguments): ranges that can be held
    VALID: tuple[tuple[Any, ...], ...] = (
        (0, 0, {}),
        (24, 60, {}),
        (None, None, {"unit": "km"}),
        (5, None, {"low_open": True}),
        (None, 5, {"unit": "km", "high_open": True}),
        (0.5, 1, {"unit": PROPORTION, "low_open": True}),
        (0, 0, {"unit": PROPORTION}),
        (-40, -10.5, {"unit": "celsius"}),
        (1, 2, {"text": "one or two", "low_open": True, "high_open": True}),
    )

    @pytest.mark.parametrize(("low", "high", "kwargs"), VALID)
    def test_valid(self, low: Number, high: Number, kwargs: dict[str, Any]) -> None:
        """A valid range keeps its ends, unit and flags as given."""
        q = Quantity(low, high, **kwargs)
        assert (q.low, q.high) == (low, high)
        assert q.unit == kwargs.get("unit")
        assert q == Quantity(low, high, **kwargs)
        assert hash(q) == hash(Quantity(low, high, **kwargs))

    # (low, high, keyword arguments, path named in the error)
    INVALID: tuple[tuple[Any, ...], ...] = (
        # ends must be finite numbers, never bools or strings
        (True, 5, {}, "Quantity.low"),
        (1, "5", {}, "Quantity.high"),
        (math.nan, 5, {}, "Quantity.low"),
        (1, math.inf, {}, "Quantity.high"),
        # the range must not be empty
        (5, 4, {}, "Quantity.high"),
        (5, 5, {"low_open": True}, "Quantity.low_open"),
        (5, 5, {"high_open": True}, "Quantity.high_open"),
        # an unbounded end has no end point to leave out
        (None, 5, {"low_open": True}, "Quantity.low_open"),
        (5, None, {"high_open": True}, "Quantity.high_open"),
        # counts are not negative; shares lie in 0..1 with both ends given
        (-1, 5, {}, "Quantity.low"),
        (0, 1.5, {"unit": PROPORTION}, "Quantity.high"),
        (None, 1, {"unit": PROPORTION}, "Quantity.low"),
        # unit, text and flags have their own types
        (1, 2, {"unit": ""}, "Quantity.unit"),
        (1, 2, {"text": " "}, "Quantity.text"),
        (1, 2, {"low_open": 1}, "Quantity.low_open"),
    )

    @pytest.mark.parametrize(("low", "high", "kwargs", "path"), INVALID)
    def test_invalid(self, low: Any, high: Any, kwargs: dict[str, Any], path: str) -> None:
        """A range that cannot be held raises FieldError naming the field."""
        with pytest.raises(FieldError) as caught:
            Quantity(low, high, **kwargs)
        assert caught.value.path == path

    # (a count as written, the same count as stored): a count's floor is 0
    FLOORED: tuple[tuple[Quantity, Quantity], ...] = (
        (Quantity(None, 3), Quantity(0, 3)),
        (Quantity(None, 3, high_open=True), Quantity(0, 3, high_open=True)),
        (Quantity(None, None), Quantity(0, None)),
        (Quantity(None, 0), Quantity(0, 0)),
        (Quantity(None, 3, text="up to 3"), Quantity.parse("up to 3")),
    )

    @pytest.mark.parametrize(("written", "stored"), FLOORED)
    def test_a_count_without_a_lower_end_starts_at_zero(
        self, written: Quantity, stored: Quantity
    ) -> None:
        """A count whose low is None is the count from 0: equal, same hash, same words."""
        assert written.low == 0
        assert written == stored
        assert hash(written) == hash(stored)
        assert str(written) == str(stored)

    def test_at_most_meets_not_at_most_whatever_its_floor(self) -> None:
        """At most 3 lies within at most 5 whether or not the floor of 0 was written."""
        assert Quantity(0, 5).contains(Quantity(None, 3))
        assert Quantity(None, 5).contains(Quantity(0, 3))
        assert not Quantity(None, 3).contains(Quantity(0, 5))

    # (unit): units that are not counts keep an unbounded lower end
    @pytest.mark.parametrize("unit", ["km", "celsius"])
    def test_other_units_keep_an_open_lower_end(self, unit: str) -> None:
        """Only a count has a floor: "at most 3 km" of another unit stays unbounded below."""
        q = Quantity(None, 3, unit=unit)
        assert q.low is None
        assert q != Quantity(0, 3, unit=unit)
        assert str(q) == f"at most 3 {unit}"

    def test_frozen(self) -> None:
        """A quantity cannot be changed in place; attrs.evolve makes a new one."""
        q = Quantity(1, 2)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            q.low = 0  # type: ignore[misc]
        assert attrs.evolve(q, low=0).low == 0


class TestConstructors:
    # (quantity built, expected (low, high, unit, low_open, high_open))
    BUILT: tuple[tuple[Any, ...], ...] = (
        # exact and approximate counts
        (Quantity.exactly(100), (100, 100, None, False, False)),
        (Quantity.exactly(2.5, unit="km"), (2.5, 2.5, "km", False, False)),
        (Quantity.about(1000), (900, 1100, None, False, False)),
        (Quantity.about(100, tolerance=0.25), (75, 125, None, False, False)),
        (Quantity.about(15), (13.5, 16.5, None, False, False)),
        (Quantity.about(0), (0, 0, None, False, False)),
        # about stays inside what the unit allows; other units go below zero
        (Quantity.about(0.95, unit=PROPORTION), (0.855, 1, PROPORTION, False, False)),
        (Quantity.about(-10, unit="celsius"), (-11, -9, "celsius", False, False)),
        # one-sided counts start at zero; other units are unbounded
        (Quantity.at_least(5), (5, None, None, False, False)),
        (Quantity.at_most(20), (0, 20, None, False, False)),
        (Quantity.at_most(20, unit="km"), (None, 20, "km", False, False)),
        (Quantity.more_than(50), (50, None, None, True, False)),
        (Quantity.fewer_than(10), (0, 10, None, False, True)),
        # one-sided shares end at 0 and 1
        (Quantity.at_least(0.5, unit=PROPORTION), (0.5, 1, PROPORTION, False, False)),
        (Quantity.more_than(0.5, unit=PROPORTION), (0.5, 1, PROPORTION, True, False)),
        (Quantity.fewer_than(0.5, unit=PROPORTION), (0, 0.5, PROPORTION, False, True)),
        # ranges and shares
        (Quantity.between(24, 60), (24, 60, None, False, False)),
        (Quantity.between(0.1, 0.2), (0.1, 0.2, None, False, False)),
        (Quantity.proportion(0.5, 1, low_open=True), (0.5, 1, PROPORTION, True, False)),
        (Quantity.proportion(0, 1, high_open=True), (0, 1, PROPORTION, False, True)),
    )

    @pytest.mark.parametrize(("built", "expected"), BUILT)
    def test_built(self, built: Quantity, expected: tuple[Any, ...]) -> None:
        """Each named constructor gives the documented range."""
        assert bounds(built) == expected
        assert built.text is None

    def test_exact_arithmetic(self) -> None:
        """about() computes without floating-point noise: about 100 is exactly 90 to 110."""
        q = Quantity.about(100)
        assert (q.low, q.high) == (90, 110)
        assert isinstance(q.low, int)

    # (constructor call, path named in the error)
    INVALID: tuple[tuple[Any, ...], ...] = (
        # numbers must be finite numbers
        (lambda: Quantity.exactly("5"), "Quantity.exactly.n"),  # type: ignore[arg-type]
        (lambda: Quantity.exactly(True), "Quantity.exactly.n"),
        (lambda: Quantity.about(math.inf), "Quantity.about.n"),
        (lambda: Quantity.at_least(math.nan), "Quantity.at_least.n"),
        (lambda: Quantity.at_most(None), "Quantity.at_most.n"),  # type: ignore[arg-type]
        (lambda: Quantity.more_than("x"), "Quantity.more_than.n"),  # type: ignore[arg-type]
        (lambda: Quantity.fewer_than("x"), "Quantity.fewer_than.n"),  # type: ignore[arg-type]
        (lambda: Quantity.between("1", 2), "Quantity.between.a"),  # type: ignore[arg-type]
        (lambda: Quantity.between(1, "2"), "Quantity.between.b"),  # type: ignore[arg-type]
        # the tolerance is a share below 1
        (lambda: Quantity.about(10, tolerance=1), "Quantity.about.tolerance"),
        (lambda: Quantity.about(10, tolerance=-0.1), "Quantity.about.tolerance"),
        (lambda: Quantity.about(10, tolerance="10%"), "Quantity.about.tolerance"),  # type: ignore[arg-type]
        # the result must still be a valid range
        (lambda: Quantity.between(5, 4), "Quantity.high"),
        (lambda: Quantity.proportion(0.5, 2), "Quantity.high"),
        (lambda: Quantity.more_than(1, unit=PROPORTION), "Quantity.low_open"),
        (lambda: Quantity.exactly(-3), "Quantity.low"),
    )

    @pytest.mark.parametrize(("call", "path"), INVALID)
    def test_invalid(self, call: Any, path: str) -> None:
        """A bad argument raises FieldError naming the argument or the field it fills."""
        with pytest.raises(FieldError) as caught:
            call()
        assert caught.value.path == path


class TestParse:
    # (text, expected (low, high, unit, low_open, high_open))
    COUNTS: tuple[tuple[Any, ...], ...] = (
        # plain numbers, with digits or words, are exact
        ("100", (100, 100, None, False, False)),
        ("1,000", (1000, 1000, None, False, False)),
        ("1,000,000", (1_000_000, 1_000_000, None, False, False)),
        ("2.5", (2.5, 2.5, None, False, False)),
        ("2.5 million", (2_500_000, 2_500_000, None, False, False)),
        ("a hundred", (100, 100, None, False, False)),
        ("a thousand", (1000, 1000, None, False, False)),
        ("an hundred", (100, 100, None, False, False)),
        ("a dozen", (12, 12, None, False, False)),
        ("two dozen", (24, 24, None, False, False)),
        ("half a dozen", (6, 6, None, False, False)),
        ("half a million", (500_000, 500_000, None, False, False)),
        ("a hundred thousand", (100_000, 100_000, None, False, False)),
        ("zero", (0, 0, None, False, False)),
        ("one", (1, 1, None, False, False)),
        ("seven", (7, 7, None, False, False)),
        ("twenty", (20, 20, None, False, False)),
        ("forty", (40, 40, None, False, False)),
        ("twenty-five", (25, 25, None, False, False)),
        ("ninety nine", (99, 99, None, False, False)),
        ("two hundred", (200, 200, None, False, False)),
        # approximations: 10 % either way
        ("about 1,000", (900, 1100, None, False, False)),
        ("around 100", (90, 110, None, False, False)),
        ("roughly 100", (90, 110, None, False, False)),
        ("approximately 100", (90, 110, None, False, False)),
        ("some 200", (180, 220, None, False, False)),
        ("an estimated 1,000", (900, 1100, None, False, False)),
        ("close to 100", (90, 110, None, False, False)),
        ("About 100", (90, 110, None, False, False)),
        # just below
        ("nearly 100", (90, 100, None, False, True)),
        ("almost 100", (90, 100, None, False, True)),
        ("just under 100", (90, 100, None, False, True)),
        # one-sided
        ("more than 50", (50, None, None, True, False)),
        ("over 50", (50, None, None, True, False)),
        ("above 50", (50, None, None, True, False)),
        ("in excess of 50", (50, None, None, True, False)),
        ("at least 5", (5, None, None, False, False)),
        ("at least one", (1, None, None, False, False)),
        ("no fewer than 5", (5, None, None, False, False)),
        ("no less than 5", (5, None, None, False, False)),
        ("not less than 5", (5, None, None, False, False)),
        ("fewer than 10", (0, 10, None, False, True)),
        ("less than 10", (0, 10, None, False, True)),
        ("under 10", (0, 10, None, False, True)),
        ("below 10", (0, 10, None, False, True)),
        ("up to 20", (0, 20, None, False, False)),
        ("at most 20", (0, 20, None, False, False)),
        ("no more than 20", (0, 20, None, False, False)),
        ("not more than 20", (0, 20, None, False, False)),
        # ranges
        ("between 10 and 20", (10, 20, None, False, False)),
        ("from 10 to 20", (10, 20, None, False, False)),
        ("10 to 20", (10, 20, None, False, False)),
        ("10-20", (10, 20, None, False, False)),
        ("10\u201320", (10, 20, None, False, False)),
        ("10 \u2014 20", (10, 20, None, False, False)),
        ("twenty - thirty", (20, 30, None, False, False)),
        ("5 to 5", (5, 5, None, False, False)),
        # vague counts
        ("a few", (2, 5, None, False, False)),
        ("a handful", (2, 5, None, False, False)),
        ("several", (3, 9, None, False, False)),
        ("a few dozen", (24, 60, None, False, False)),
        ("several dozen", (36, 108, None, False, False)),
        ("a few hundred", (200, 500, None, False, False)),
        ("several thousand", (3000, 9000, None, False, False)),
        ("a few hundred thousand", (200_000, 500_000, None, False, False)),
        ("dozens", (24, 100, None, False, True)),
        ("hundreds", (200, 1000, None, False, True)),
        ("thousands", (2000, 10_000, None, False, True)),
        ("tens of thousands", (20_000, 100_000, None, False, True)),
        ("hundreds of thousands", (200_000, 1_000_000, None, False, True)),
        ("millions", (2_000_000, 10_000_000, None, False, True)),
        ("tens of millions", (20_000_000, 100_000_000, None, False, True)),
        ("hundreds of millions", (200_000_000, 1_000_000_000, None, False, True)),
        ("billions", (2_000_000_000, 10_000_000_000, None, False, True)),
    )

    SHARES: tuple[tuple[Any, ...], ...] = (
        # fixed phrases
        ("most", (0.5, 1, PROPORTION, True, False)),
        ("a majority", (0.5, 1, PROPORTION, True, False)),
        ("the majority", (0.5, 1, PROPORTION, True, False)),
        ("a minority", (0, 0.5, PROPORTION, True, True)),
        ("some", (0, 1, PROPORTION, True, False)),
        ("not all", (0, 1, PROPORTION, False, True)),
        ("none", (0, 0, PROPORTION, False, False)),
        ("no", (0, 0, PROPORTION, False, False)),
        ("almost none", (0, 0.1, PROPORTION, False, False)),
        ("nearly none", (0, 0.1, PROPORTION, False, False)),
        ("hardly any", (0, 0.1, PROPORTION, False, False)),
        # shares that take modifiers
        ("all", (1, 1, PROPORTION, False, False)),
        ("nearly all", (0.9, 1, PROPORTION, False, True)),
        ("almost all", (0.9, 1, PROPORTION, False, True)),
        ("half", (0.5, 0.5, PROPORTION, False, False)),
        ("one half", (0.5, 0.5, PROPORTION, False, False)),
        ("about half", (0.45, 0.55, PROPORTION, False, False)),
        ("more than half", (0.5, 1, PROPORTION, True, False)),
        ("less than half", (0, 0.5, PROPORTION, False, True)),
        ("at least half", (0.5, 1, PROPORTION, False, False)),
        ("up to half", (0, 0.5, PROPORTION, False, False)),
        ("a third", (1 / 3, 1 / 3, PROPORTION, False, False)),
        ("two thirds", (2 / 3, 2 / 3, PROPORTION, False, False)),
        ("a quarter", (0.25, 0.25, PROPORTION, False, False)),
        ("three quarters", (0.75, 0.75, PROPORTION, False, False)),
        # percentages
        ("40%", (0.4, 0.4, PROPORTION, False, False)),
        ("40 %", (0.4, 0.4, PROPORTION, False, False)),
        ("40 percent", (0.4, 0.4, PROPORTION, False, False)),
        ("40 per cent", (0.4, 0.4, PROPORTION, False, False)),
        ("forty percent", (0.4, 0.4, PROPORTION, False, False)),
        ("0.5%", (0.005, 0.005, PROPORTION, False, False)),
        ("100%", (1, 1, PROPORTION, False, False)),
        ("about 40 percent", (0.36, 0.44, PROPORTION, False, False)),
        ("about 95%", (0.855, 1, PROPORTION, False, False)),
        ("more than 40%", (0.4, 1, PROPORTION, True, False)),
        ("nearly 40%", (0.36, 0.4, PROPORTION, False, True)),
        ("10-20%", (0.1, 0.2, PROPORTION, False, False)),
        ("between 10% and 20%", (0.1, 0.2, PROPORTION, False, False)),
        ("between 10 and 20 percent", (0.1, 0.2, PROPORTION, False, False)),
    )

    @pytest.mark.parametrize(("text", "expected"), COUNTS + SHARES)
    def test_phrase(self, text: str, expected: tuple[Any, ...]) -> None:
        """Each documented phrase reads as its documented range, keeping the text."""
        q = Quantity.parse(text)
        low, high, unit, low_open, high_open = expected
        assert q.low == pytest.approx(low) if low is not None else q.low is None
        assert q.high == pytest.approx(high) if high is not None else q.high is None
        assert (q.unit, q.low_open, q.high_open) == (unit, low_open, high_open)
        assert q.text == text
        assert str(q) == text

    def test_whole_numbers_are_ints(self) -> None:
        """Whole results are ints, so "2.5 million" is 2500000, not 2500000.0."""
        assert isinstance(Quantity.parse("2.5 million").low, int)
        assert isinstance(Quantity.parse("about 1,000").high, int)

    def test_parse_matches_constructors(self) -> None:
        """A parsed phrase has the same range as the constructor it names."""
        pairs = [
            ("about 1,000", Quantity.about(1000)),
            ("at least 5", Quantity.at_least(5)),
            ("up to 20", Quantity.at_most(20)),
            ("more than 50", Quantity.more_than(50)),
            ("fewer than 10", Quantity.fewer_than(10)),
            ("between 24 and 60", Quantity.between(24, 60)),
            ("most", Quantity.proportion(0.5, 1, low_open=True)),
        ]
        for text, built in pairs:
            assert attrs.evolve(Quantity.parse(text), text=None) == built, text

    # (text, what the error expects, the part it marks)
    INVALID: tuple[tuple[Any, ...], ...] = (
        # nothing a quantity could start with
        ("", "a quantity such as", ""),
        ("   ", "a quantity such as", "   "),
        ("lots", "a quantity such as", "lots"),
        ("-5", "a quantity such as", "-"),
        ("many people", "a quantity such as", "many"),
        ("100 $", "the end of the quantity", "$"),
        # a phrase cut short or going wrong in the middle
        ("more x", "'than'", "x"),
        ("about", "a number", ""),
        ("more than", "a number", ""),
        ("5 to", "a number", ""),
        ("between 5 and", "a number", ""),
        ("between 5 to 10", "'and'", "to"),
        ("between lots and 5", "a number", "lots"),
        ("from 5 and 10", "'to'", "and"),
        ("no x", "'more'", "x"),
        ("a lot", "a scale word", "lot"),
        ("about a few dozen", "a scale word", "few"),
        ("fewer than none", "a number", "none"),
        # words left over
        ("100 people", "the end of the quantity", "people"),
        ("more than fifty people", "the end of the quantity", "people"),
        ("some of them", "the end of the quantity", "of"),
        ("twenty ten", "the end of the quantity", "ten"),
        # ranges that are empty or out of bounds
        ("more than all", "not empty", "all"),
        ("nearly 0", "not empty", "0"),
        ("fewer than 0", "not empty", "0"),
        ("150%", "a percentage from 0 to 100", "150%"),
        ("more than 101 percent", "a percentage from 0 to 100", "101 percent"),
        ("120-150%", "a percentage from 0 to 100", "150%"),
        ("20 to 10", "no smaller than the first", "10"),
        ("ten to 20%", "of the same kind", "20%"),
        ("10% to 20", "of the same kind", "20"),
    )

    @pytest.mark.parametrize(("text", "expected", "marked"), INVALID)
    def test_invalid(self, text: str, expected: str, marked: str) -> None:
        """Text not understood raises ParseError marking the first word that is not."""
        with pytest.raises(ParseError) as caught:
            Quantity.parse(text)
        error = caught.value
        assert expected in error.expected
        assert error.text == text
        assert text[error.start : error.end] == marked
        assert "^" in str(error)

    def test_cut_short_points_after_the_text(self) -> None:
        """When the text ends too early, the error points just after its last word."""
        with pytest.raises(ParseError) as caught:
            Quantity.parse("at least  ")
        assert caught.value.start == caught.value.end == len("at least")

    def test_not_a_string(self) -> None:
        """parse() takes a string and says so."""
        with pytest.raises(FieldError, match=r"Quantity\.parse\.text"):
            Quantity.parse(100)  # type: ignore[arg-type]


class TestCompatible:
    # (first, second): phrases whose ranges meet
    COMPATIBLE: tuple[tuple[Any, ...], ...] = (
        # the seed: "removed most of their people" vs "there are specialists there"
        ("most", "not all"),
        ("most", "some"),
        ("most", "nearly all"),
        ("most", "all"),
        ("about 100", "dozens"),
        ("about 1,000", "hundreds"),
        ("about 1,000", "more than 900"),
        ("a few dozen", "fewer than 100"),
        ("at least one", "a few"),
        ("up to 20", "20"),
        ("none", "no"),
        ("about half", "half"),
        ("most", "more than half"),
        ("40%", "about 40 percent"),
        ("at most 20", "at least 20"),
    )
    # (first, second): phrases that cannot both be true
    INCOMPATIBLE: tuple[tuple[Any, ...], ...] = (
        # the seed: the staff was "about 1,000", cut "to a few dozen"
        ("about 1,000", "a few dozen"),
        ("all", "nearly all"),
        ("all", "not all"),
        ("none", "some"),
        ("most", "a minority"),
        ("most", "half"),
        ("more than half", "less than half"),
        ("100", "101"),
        ("dozens", "hundreds"),
        ("fewer than 10", "at least 10"),
        ("more than 50", "at most 50"),
        ("nearly 100", "100"),
        ("40%", "41%"),
    )

    @pytest.mark.parametrize(("first", "second"), COMPATIBLE)
    def test_compatible(self, first: str, second: str) -> None:
        """Quantities whose ranges meet are compatible, whichever comes first."""
        a, b = Quantity.parse(first), Quantity.parse(second)
        assert a.compatible(b)
        assert b.compatible(a)

    @pytest.mark.parametrize(("first", "second"), INCOMPATIBLE)
    def test_incompatible(self, first: str, second: str) -> None:
        """Quantities whose ranges do not meet clash, whichever comes first."""
        a, b = Quantity.parse(first), Quantity.parse(second)
        assert not a.compatible(b)
        assert not b.compatible(a)

    @pytest.mark.parametrize(
        ("count", "share"),
        [("a few", "most"), ("about 1,000", "none"), ("0", "all"), ("a few dozen", "40%")],
    )
    def test_count_and_share_never_clash(self, count: str, share: str) -> None:
        """A count and a proportion are not comparable, so they never clash."""
        assert Quantity.parse(count).compatible(Quantity.parse(share))
        assert Quantity.parse(share).compatible(Quantity.parse(count))

    def test_other_units_never_clash(self) -> None:
        """Quantities of different units are always compatible."""
        assert Quantity.exactly(5, unit="km").compatible(Quantity.exactly(6, unit="miles"))
        assert not Quantity.exactly(5, unit="km").compatible(Quantity.exactly(6, unit="km"))

    def test_unbounded(self) -> None:
        """A range unbounded on both sides meets everything of its unit."""
        anything = Quantity(None, None)
        assert anything.compatible(Quantity.exactly(0))
        assert Quantity.at_most(3, unit="km").compatible(Quantity.at_least(3, unit="km"))
        assert not Quantity.at_most(3, unit="km").compatible(Quantity.more_than(3, unit="km"))

    def test_reflexive(self) -> None:
        """Every quantity is compatible with itself, a point as much as an open range."""
        for text in ["5", "most", "a minority", "nearly all", "dozens"]:
            q = Quantity.parse(text)
            assert q.compatible(q), text


class TestContains:
    # (outer, inner): every value of inner is a value of outer
    CONTAINS: tuple[tuple[Any, ...], ...] = (
        ("some", "most"),
        ("some", "all"),
        ("not all", "nearly all"),
        ("most", "nearly all"),
        ("most", "all"),
        ("dozens", "a few dozen"),
        ("at least one", "a few"),
        ("about 1,000", "1,000"),
        ("more than 50", "more than 60"),
        ("more than 50", "more than 50"),
        ("at least 50", "more than 50"),
        ("fewer than 10", "fewer than 10"),
        ("at most 10", "fewer than 10"),
    )
    # (outer, inner): some value of inner is not a value of outer
    NOT_CONTAINS: tuple[tuple[Any, ...], ...] = (
        ("most", "some"),
        ("not all", "most"),
        ("nearly all", "all"),
        ("a few dozen", "dozens"),
        ("more than 50", "at least 50"),
        ("fewer than 10", "at most 10"),
        ("more than 50", "at most 100"),
        ("at most 100", "more than 50"),
        ("a few", "most"),
    )

    @pytest.mark.parametrize(("outer", "inner"), CONTAINS)
    def test_contains(self, outer: str, inner: str) -> None:
        """A range contains the ranges inside it, open ends respected."""
        assert Quantity.parse(outer).contains(Quantity.parse(inner))

    @pytest.mark.parametrize(("outer", "inner"), NOT_CONTAINS)
    def test_not_contains(self, outer: str, inner: str) -> None:
        """A range does not contain one that reaches outside it, or one of another unit."""
        assert not Quantity.parse(outer).contains(Quantity.parse(inner))

    def test_unbounded(self) -> None:
        """An unbounded range contains every range of its unit; a bounded one no unbounded one."""
        assert Quantity(None, None).contains(Quantity.at_least(5))
        assert not Quantity.at_least(5).contains(Quantity(None, None))
        assert not Quantity.at_most(5, unit="km").contains(Quantity(None, None, unit="km"))


class TestStr:
    # (quantity, how it reads)
    SHOWN: tuple[tuple[Any, ...], ...] = (
        # single values
        (Quantity.exactly(1000), "1,000"),
        (Quantity.exactly(2.5), "2.5"),
        # every digit written is kept: two different ends never read the same
        (Quantity.exactly(0.1234567), "0.1234567"),
        (Quantity.exactly(0.1234568), "0.1234568"),
        (Quantity.exactly(0.12345675, unit=PROPORTION), "12.345675%"),
        (Quantity.exactly(0.00001), "0.00001"),
        (Quantity.exactly(0.5, unit=PROPORTION), "50%"),
        (Quantity.exactly(5, unit="km"), "5 km"),
        # one-sided
        (Quantity.at_least(1), "at least 1"),
        (Quantity.more_than(50), "more than 50"),
        (Quantity.more_than(0), "more than 0"),
        (Quantity.at_most(20), "at most 20"),
        (Quantity.fewer_than(10), "less than 10"),
        (Quantity.more_than(0.5, unit=PROPORTION), "more than 50%"),
        (Quantity.fewer_than(1, unit=PROPORTION), "less than 100%"),
        (Quantity.at_most(5, unit="km"), "at most 5 km"),
        (Quantity.at_least(-5, unit="celsius"), "at least -5 celsius"),
        # two-sided
        (Quantity.between(24, 60), "24\u201360"),
        (Quantity.about(0.4, unit=PROPORTION), "36\u201344%"),
        (Quantity.proportion(0, 1), "0\u2013100%"),
        (Quantity.between(-1, 1, unit="celsius"), "-1\u20131 celsius"),
        (Quantity(90, 100, high_open=True), "at least 90 and less than 100"),
        (
            Quantity.proportion(0, 0.5, low_open=True, high_open=True),
            "more than 0% and less than 50%",
        ),
        # unbounded
        (Quantity(None, None), "any amount"),
        (Quantity(0, None), "any amount"),
        (Quantity(None, None, unit="km"), "any amount of km"),
    )

    @pytest.mark.parametrize(("quantity", "shown"), SHOWN)
    def test_shown(self, quantity: Quantity, shown: str) -> None:
        """A quantity without text reads as its range in words."""
        assert str(quantity) == shown

    def test_text_wins(self) -> None:
        """A quantity read from text shows that text as written."""
        assert str(Quantity.parse("About  1,000")) == "About  1,000"


class TestStrategy:
    @given(quantities())
    def test_valid(self, q: Quantity) -> None:
        """quantities() draws quantities that rebuild equal from their own fields."""
        rebuilt = Quantity(
            q.low,
            q.high,
            unit=q.unit,
            text=q.text,
            low_open=q.low_open,
            high_open=q.high_open,
        )
        assert rebuilt == q
        assert q.unit in (None, PROPORTION)

    @given(quantities(units=[PROPORTION], phrases=False))
    def test_units_and_no_phrases(self, q: Quantity) -> None:
        """quantities(units=..., phrases=False) draws only those units, without text."""
        assert q.unit == PROPORTION
        assert q.text is None

    @given(quantities(units=["km"]))
    def test_other_unit(self, q: Quantity) -> None:
        """A unit no phrase has draws ranges only."""
        assert q.unit == "km"
        assert q.text is None

    def test_reaches_phrases(self) -> None:
        """quantities() also draws parsed phrases, which keep their text."""
        quick = settings(phases=[Phase.generate], database=None, max_examples=1000)
        assert find(quantities(), lambda q: q.text is not None, settings=quick).text

    def test_no_units(self) -> None:
        """quantities(units=[]) is refused: it could draw nothing."""
        with pytest.raises(FieldError):
            quantities(units=[])


class TestInFiles:
    """A count's floor in the file format: earlier files still load, and a round trip is exact."""

    @staticmethod
    def document(low: str) -> str:
        """A one-claim file whose claim's quantity has the given JSON lower end and high 3."""
        return (
            '{"format": "diplostatements", "version": 1,'
            ' "actors": [{"id": "a", "name": "A", "kind": "person"}],'
            ' "statements": [{"id": "s", "speaker": "a", "said_on": "2019-06-04",'
            ' "claims": [{"subject": "a", "predicate": "sent", "object": "troops",'
            f' "quantity": {{"low": {low}, "high": 3}}}}]}}]}}'
        )

    @pytest.mark.parametrize("low", ["null", "0", "0.0"])
    def test_every_way_of_writing_the_floor_loads_as_at_most(self, low: str) -> None:
        """A count's floor given as null (as earlier versions wrote it) or 0 loads alike."""
        loaded = loads(self.document(low))
        quantity = next(iter(loaded)).claims[0].quantity
        assert quantity == Quantity.at_most(3)
        assert loads(dumps(loaded)) == loaded
