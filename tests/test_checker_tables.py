"""The checker's table path: which rows of a claims table are built, and that nothing is lost.

The pre-filter (``checker/_tables.py`` with the key producers of ``checker/_table_keys.py``)
keeps the statements whose claims may be in a finding. Each test builds a small set, checks that
the statements kept are the ones that may clash, and that the report from the tables equals the
report from the set.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pyarrow as pa
import pytest

from diplostatements import tables as tables_module
from diplostatements.actors import Actor
from diplostatements.checker import _table_keys as keys_module
from diplostatements.checker import check
from diplostatements.checker._tables import candidates
from diplostatements.checker._tables_more import content_rows
from diplostatements.claims import Claim
from diplostatements.collection import StatementSet
from diplostatements.quantities import Quantity
from diplostatements.rebuttals import Rebuttal, RebuttalKind
from diplostatements.statements import Statement
from diplostatements.strategies import SMALL_VOCABULARY
from diplostatements.timespans import TimeSpan

DAY = date(2019, 6, 4)
LATER = DAY + timedelta(days=100)


def a_set(*claims: tuple[Claim, date | TimeSpan], extra: tuple[Any, ...] = ()) -> StatementSet:
    """Statements s0, s1, ... of one claim each, said by actor ``x`` on the days given."""
    actors = [Actor.state(code) for code in ("RUS", "USA", "VEN", "UKR")]
    statements = [Statement(f"s{n}", "x", day, [claim]) for n, (claim, day) in enumerate(claims)]
    return StatementSet([Actor.person("x", "X"), *actors, *statements, *extra])


def kept(found: StatementSet) -> list[str]:
    """The ids of the statements the table path builds."""
    built, _ = candidates(tables_module.to_arrow(found), SMALL_VOCABULARY)
    return sorted(built.statements)


def same_report(found: StatementSet) -> None:
    """The tables' report is the set's, down to the sentences."""
    expected = check(found, vocabulary=SMALL_VOCABULARY)
    got = check(tables_module.to_arrow(found), vocabulary=SMALL_VOCABULARY)
    assert got == expected
    assert str(got) == str(expected)


class TestWhatIsKept:
    @pytest.mark.parametrize(
        ("claims", "expected"),
        [
            # NEGATION: three claims of one proposition; the negation meets only one of them.
            (
                [
                    (Claim("RUS", "talks", "USA"), DAY),
                    (Claim("RUS", "talks", "USA").negated(), DAY),
                    (Claim("RUS", "talks", "USA"), LATER),
                ],
                ["s0", "s1"],
            ),
            # One polarity only, all on one day: nothing can clash.
            (
                [(Claim("RUS", "talks", "USA"), DAY)] * 3,
                [],
            ),
            # A symmetric predicate keys both orientations alike.
            (
                [
                    (Claim("RUS", "talks", "USA"), DAY),
                    (Claim("USA", "talks", "RUS").negated(), DAY),
                ],
                ["s0", "s1"],
            ),
            # EXCLUSIVE with three objects: the one on another day meets no other.
            (
                [
                    (Claim("RUS", "owns", "VEN"), DAY),
                    (Claim("RUS", "owns", "USA"), DAY),
                    (Claim("RUS", "owns", "UKR"), LATER),
                ],
                ["s0", "s1"],
            ),
            # A symmetric functional predicate: its mirror gives RUS a second partner.
            (
                [(Claim("RUS", "weds", "USA"), DAY), (Claim("VEN", "weds", "RUS"), DAY)],
                ["s0", "s1"],
            ),
            # A symmetric claim implies its mirror's implications: hugs implies backs.
            (
                [
                    (Claim("USA", "hugs", "RUS"), DAY),
                    (Claim("RUS", "backs", "USA").negated(), DAY),
                ],
                ["s0", "s1"],
            ),
            # Inverse-functional: two subjects of one object.
            (
                [(Claim("RUS", "leads", "VEN"), DAY), (Claim("USA", "leads", "VEN"), DAY)],
                ["s0", "s1"],
            ),
            # CONTRARY without objects: the claims' keys hold no object, and still meet.
            (
                [(Claim("RUS", "backs"), DAY), (Claim("RUS", "fights"), DAY)],
                ["s0", "s1"],
            ),
            # CONTRARY through a symmetric predicate, stated the other way round.
            (
                [(Claim("RUS", "allied", "USA"), DAY), (Claim("USA", "fights", "RUS"), DAY)],
                ["s0", "s1"],
            ),
            # ENTAILED: meeting implies talks, which another claim denies.
            (
                [
                    (Claim("RUS", "meets", "USA"), DAY),
                    (Claim("USA", "talks", "RUS").negated(), DAY),
                    (Claim("RUS", "phones", "VEN"), DAY),
                ],
                ["s0", "s1"],
            ),
            # ENTAILED along a chain whose middle no claim states: storms, invades, fights.
            (
                [
                    (Claim("RUS", "storms", "VEN"), DAY),
                    (Claim("RUS", "fights", "VEN").negated(), DAY),
                ],
                ["s0", "s1"],
            ),
            # A predicate outside the vocabulary: NEGATION still applies.
            (
                [
                    (Claim("RUS", "praises", "VEN"), DAY),
                    (Claim("RUS", "praises", "VEN").negated(), DAY),
                ],
                ["s0", "s1"],
            ),
            # QUANTITY: equal figures never clash; a different figure does.
            (
                [
                    (Claim("RUS", "present", "VEN", quantity=Quantity.exactly(100)), DAY),
                    (Claim("RUS", "present", "VEN", quantity=Quantity.exactly(100)), DAY),
                ],
                [],
            ),
            (
                [
                    (Claim("RUS", "present", "VEN", quantity=Quantity.exactly(100)), DAY),
                    (Claim("RUS", "present", "VEN", quantity=Quantity.exactly(5)), DAY),
                ],
                ["s0", "s1"],
            ),
            # Ranges that all share a value never clash: about 100, 95 to 105, exactly 100.
            (
                [
                    (Claim("RUS", "present", "VEN", quantity=Quantity.about(100)), DAY),
                    (Claim("RUS", "present", "VEN", quantity=Quantity.between(95, 105)), DAY),
                    (Claim("RUS", "present", "VEN", quantity=Quantity.exactly(100)), DAY),
                ],
                [],
            ),
            # Ranges that touch at an open end do not meet: more than 100, at most 100.
            (
                [
                    (
                        Claim("RUS", "present", "VEN", quantity=Quantity(100, None, low_open=True)),
                        DAY,
                    ),
                    (Claim("RUS", "present", "VEN", quantity=Quantity(None, 100)), DAY),
                ],
                ["s0", "s1"],
            ),
            # A timeless claim without a ``when`` holds at all times.
            (
                [
                    (Claim("RUS", "blames", "USA"), DAY),
                    (Claim("RUS", "blames", "USA").negated(), LATER),
                ],
                ["s0", "s1"],
            ),
        ],
    )
    def test_only_rows_that_may_clash(
        self, claims: list[tuple[Claim, date]], expected: list[str]
    ) -> None:
        """Rows are kept when a row of another class under one of their keys may meet them."""
        found = a_set(*claims)
        assert kept(found) == expected
        same_report(found)

    def test_a_denied_claim_meets_its_other_polarity(self) -> None:
        """A rebutted claim also stands for the negation the rebuttal implies of it."""
        found = a_set(
            (Claim("RUS", "talks", "USA"), DAY),
            (Claim("RUS", "talks", "USA"), DAY),
            (Claim("RUS", "phones", "VEN"), DAY),
            extra=(Rebuttal("r", "x", DAY, targets=["s0"], kind=RebuttalKind.DENIAL),),
        )
        assert kept(found) == ["r", "s0", "s1"]
        same_report(found)

    def test_a_set_without_claims(self) -> None:
        """Claimless statements alone: nothing to key, nothing kept."""
        found = StatementSet([Actor.person("x", "X"), Statement("s0", "x", DAY)])
        assert kept(found) == []
        same_report(found)


class TestContentRows:
    def test_plain_content_is_read_as_any_content(self) -> None:
        """Content in the plain form (read by Arrow) keys as the same content written otherwise."""
        actors = tables_module.to_arrow(
            StatementSet([Actor("RUS", "Russia", "state", aliases={"Moscow"}), Actor.state("USA")])
        ).actors
        plain = [
            '{"subject": "Moscow", "predicate": "talks", "object": "USA"}',
            '{"subject": "RUS", "predicate": "blames"}',
            '{"subject": "a b", "predicate": "talks", "object": "Moscow"}',
        ]
        other = [
            '{"predicate": "talks", "subject": "Moscow", "object": "USA"}',
            '{"subject": "RUS", "predicate": "blames", "polarity": "affirmed"}',
            '{"object": "Moscow", "predicate": "talks", "subject": "a b"}',
        ]

        def rows_of(texts: list[str]) -> Any:
            count = len(texts)
            return content_rows(
                pa.array(texts, pa.string()),
                pa.array(["says"] * count, pa.string()),
                pa.array([True] * count),
                pa.array([True] * count),  # rebutted: every content is read
                periods=(pa.array([10] * count, pa.int32()), pa.array([20] * count, pa.int32())),
                actors=actors,
                vocabulary=SMALL_VOCABULARY,
            )

        found = rows_of(plain)
        assert found == rows_of(other)
        assert found.subject == ["RUS", "RUS", "a b"]
        assert found.object == ["USA", None, "RUS"]
        # A timeless predicate's content holds at all times; the others, the conveying claim's.
        assert (found.start, found.end) == ([10, None, 10], [20, None, 20])


class TestKeys:
    def test_every_rule_has_a_producer(self) -> None:
        """NEGATION, QUANTITY, EXCLUSIVE and CONTRARY each key rows; a new rule adds one here."""
        names = [producer.__name__ for producer in keys_module.PRODUCERS]
        assert names == ["negation_keys", "quantity_keys", "exclusive_keys", "contrary_keys"]

    def test_keys_too_wide_to_pack_are_numbered(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """With more names than 63 bits pack, keys go through a dictionary: the same rows."""
        found = a_set(
            (Claim("RUS", "talks", "USA"), DAY),
            (Claim("RUS", "talks", "USA").negated(), DAY),
            (Claim("RUS", "owns", "VEN"), DAY),
            (Claim("RUS", "owns", "USA"), DAY),
        )
        packed = kept(found)
        monkeypatch.setattr("diplostatements.checker._tables._PACKED_BITS", 0)
        assert kept(found) == packed == ["s0", "s1", "s2", "s3"]
