"""Tests for diplostatements.rules: the Rule enum and the pure clash tests."""

from __future__ import annotations

from datetime import date

import pytest

from diplostatements import rules
from diplostatements.claims import Claim
from diplostatements.quantities import PROPORTION, Quantity
from diplostatements.rules import (
    ALL_RULES,
    BROADEST,
    Period,
    Rule,
    Scope,
    comparable,
    covers,
    definite,
    negation_clash,
    orient,
    overlap,
    period_of,
    quantity_clash,
)
from diplostatements.timespans import Overlap, TimeSpan

OFFICIAL = Scope(frozenset({"official"}), None, None)
MILITARY = Scope(frozenset({"military"}), None, None)
ECONOMIC = Scope(frozenset({"economic"}), None, None)
IN_CARACAS = Scope(frozenset(), "Caracas", None)
ABOUT_P = Scope(frozenset(), None, Claim("RUS", "withdrew_personnel_from", "VEN"))
ABOUT_Q = Scope(frozenset(), None, Claim("RUS", "has_personnel_in", "VEN"))


def period(span: TimeSpan) -> Period:
    """The period of a span."""
    return period_of(span.ordinals())


class TestRule:
    def test_members_and_constants(self) -> None:
        """The module constants are the enum members, and ALL_RULES holds all seven."""
        assert [rule.name for rule in Rule] == [
            "DENIAL",
            "NEGATION",
            "EXCLUSIVE",
            "CONTRARY",
            "QUANTITY",
            "ENTAILED",
            "ATTRIBUTION",
        ]
        for rule in Rule:
            assert getattr(rules, rule.name) is rule
            assert rule.value == rule.name.lower()
        assert frozenset(Rule) == ALL_RULES

    def test_rank_orders_by_specificity(self) -> None:
        """DENIAL is the most specific kind and ATTRIBUTION the least."""
        ranks = [rule.rank for rule in Rule]
        assert ranks == sorted(ranks) == list(range(7))


class TestScopes:
    @pytest.mark.parametrize(
        ("broad", "narrow", "expected"),
        [
            # Qualifiers: more is narrower.
            (BROADEST, OFFICIAL, True),
            (OFFICIAL, BROADEST, False),
            (OFFICIAL, Scope(frozenset({"official", "written"}), None, None), True),
            (MILITARY, ECONOMIC, False),
            # A place: none is broader.
            (BROADEST, IN_CARACAS, True),
            (IN_CARACAS, BROADEST, False),
            (IN_CARACAS, Scope(frozenset(), "Moscow", None), False),
            # Reported content: none is broader.
            (BROADEST, ABOUT_P, True),
            (ABOUT_P, BROADEST, False),
            (ABOUT_P, ABOUT_Q, False),
            (ABOUT_P, ABOUT_P, True),
        ],
    )
    def test_covers(self, broad: Scope, narrow: Scope, expected: bool) -> None:
        """A scope covers every scope at least as narrow as itself."""
        assert covers(broad, narrow) is expected

    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            (MILITARY, BROADEST, True),
            (BROADEST, MILITARY, True),
            (MILITARY, ECONOMIC, False),
            (IN_CARACAS, MILITARY, False),
            (ABOUT_P, ABOUT_Q, False),
        ],
    )
    def test_comparable(self, a: Scope, b: Scope, expected: bool) -> None:
        """Two scopes are comparable when one covers the other."""
        assert comparable(a, b) is expected

    def test_scope_of_a_claim(self) -> None:
        """A claim's scope holds its qualifiers, place and content; a non-reporting one drops it."""
        claim = Claim(
            "RUS",
            "informed",
            "USA",
            where="Moscow",
            qualifiers={"official"},
            content=ABOUT_P.content,
        )
        assert Scope.of(claim) == Scope(frozenset({"official"}), "Moscow", ABOUT_P.content)
        assert Scope.of(claim, reporting=False).content is None


class TestNegationClash:
    @pytest.mark.parametrize(
        ("negated", "negated_q", "affirmed", "affirmed_q", "expected"),
        [
            # "No messages" denies "an official message"; "no official messages" does not deny
            # "a message" (there may have been unofficial ones).
            (BROADEST, None, OFFICIAL, None, True),
            (OFFICIAL, None, BROADEST, None, False),
            (OFFICIAL, None, OFFICIAL, None, True),
            (MILITARY, None, ECONOMIC, None, False),
            # "Never informed anyone of anything" denies "informed that P".
            (BROADEST, None, ABOUT_P, None, True),
            (ABOUT_P, None, BROADEST, None, False),
            # A negation without quantity denies any quantity.
            (BROADEST, None, BROADEST, Quantity.about(1000), True),
            # "Not about 1,000" denies "1,000" but not "a few dozen", nor no quantity at all.
            (BROADEST, Quantity.about(1000), BROADEST, Quantity.exactly(1000), True),
            (BROADEST, Quantity.about(1000), BROADEST, Quantity(24, 60), False),
            (BROADEST, Quantity.about(1000), BROADEST, None, False),
            # Units that differ never compare.
            (BROADEST, Quantity.proportion(0, 1), BROADEST, Quantity.exactly(3), False),
        ],
    )
    def test_table(
        self,
        negated: Scope,
        negated_q: Quantity | None,
        affirmed: Scope,
        affirmed_q: Quantity | None,
        expected: bool,
    ) -> None:
        """A negation clashes with every affirmation at least as narrow as itself."""
        assert negation_clash(negated, negated_q, affirmed, affirmed_q) is expected


class TestQuantityClash:
    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            # The Wall Street Journal's figures at one moment would clash.
            (Quantity.about(1000), Quantity.parse("a few dozen"), True),
            (Quantity.about(100), Quantity.exactly(100), False),
            (Quantity.parse("most"), Quantity.parse("some"), False),
            (Quantity.parse("all"), Quantity.parse("nearly all"), True),
            # A share and a count are not comparable.
            (Quantity(0.5, 1, unit=PROPORTION, low_open=True), Quantity.exactly(3), False),
            (Quantity.exactly(3, unit="tons"), Quantity.exactly(3), False),
            # Without both quantities there is nothing to compare.
            (Quantity.exactly(3), None, False),
            (None, None, False),
        ],
    )
    def test_table(self, a: Quantity | None, b: Quantity | None, expected: bool) -> None:
        """Only incompatible quantities of one unit clash."""
        assert quantity_clash(BROADEST, a, BROADEST, b) is expected

    def test_scopes_must_be_equal(self) -> None:
        """Figures for different scopes ("military" and none) do not compare."""
        assert not quantity_clash(MILITARY, Quantity.exactly(1), BROADEST, Quantity.exactly(9))


class TestPeriods:
    @pytest.mark.parametrize(
        ("a", "b"),
        [
            (TimeSpan.on(date(2019, 6, 3)), TimeSpan.on(date(2019, 6, 3))),
            (TimeSpan.on(date(2019, 6, 3)), TimeSpan.on(date(2019, 6, 4))),
            (TimeSpan.sometime_in(2019, 3), TimeSpan.between(date(2019, 3, 10), date(2019, 3, 20))),
            (TimeSpan.sometime_in(2019, 3), TimeSpan.between(date(2019, 3, 1), date(2019, 3, 31))),
            (TimeSpan.sometime_in(2019, 3), TimeSpan.on(date(2019, 6, 4))),
            (TimeSpan.since(date(2019, 1, 23)), TimeSpan.on(date(2019, 6, 4))),
            (TimeSpan.until(date(2019, 6, 4)), TimeSpan.sometime_in(2019, 6)),
            (TimeSpan.always(), TimeSpan.sometime_before(date(2019, 6, 4))),
            (TimeSpan.sometime_before(date(2019, 6, 4)), TimeSpan.sometime_after(date(2019, 6, 4))),
        ],
    )
    def test_overlap_agrees_with_timespan(self, a: TimeSpan, b: TimeSpan) -> None:
        """overlap() on periods gives TimeSpan.overlap's answer, both ways round."""
        assert overlap(period(a), period(b)) is a.overlap(b)
        assert overlap(period(b), period(a)) is b.overlap(a)

    @pytest.mark.parametrize(
        ("a", "b", "certain", "expected"),
        [
            (TimeSpan.on(date(2019, 6, 3)), TimeSpan.on(date(2019, 6, 3)), True, True),
            (TimeSpan.on(date(2019, 6, 3)), TimeSpan.on(date(2019, 6, 3)), False, False),
            # Month precision against a day makes the clash only possible.
            (TimeSpan.sometime_in(2019, 3), TimeSpan.on(date(2019, 3, 5)), True, False),
        ],
    )
    def test_definite(self, a: TimeSpan, b: TimeSpan, certain: bool, expected: bool) -> None:
        """A clash is DEFINITE only when certain and the periods surely meet."""
        assert definite(period(a), period(b), certain=certain) is expected
        assert overlap(period(a), period(b)) is not Overlap.NONE

    @pytest.mark.parametrize(
        ("subject", "obj", "symmetric", "expected"),
        [
            ("VEN", "RUS", True, ("RUS", "VEN")),
            ("RUS", "VEN", True, ("RUS", "VEN")),
            ("VEN", "RUS", False, ("VEN", "RUS")),
            ("VEN", None, True, ("VEN", None)),
        ],
    )
    def test_orient(
        self, subject: str, obj: str | None, symmetric: bool, expected: tuple[str, str | None]
    ) -> None:
        """A symmetric predicate's subject and object are put in a canonical order."""
        assert orient(subject, obj, symmetric=symmetric) == expected
