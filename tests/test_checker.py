"""Tests for diplostatements.checker: each rule, with positive and negative cases."""

from __future__ import annotations

import gc
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from diplostatements import examples
from diplostatements import tables as tables_module
from diplostatements.actors import Actor, ActorKind, Affiliation
from diplostatements.checker import check
from diplostatements.checker.findings import findings
from diplostatements.checker.gather import Entry, gather
from diplostatements.checker.rows import rows
from diplostatements.checker.sweep import check_exclusive, sweep
from diplostatements.claims import Claim, Modality
from diplostatements.collection import Item, StatementSet
from diplostatements.exceptions import FieldError
from diplostatements.quantities import Quantity
from diplostatements.rebuttals import ClaimRef, Rebuttal, RebuttalKind
from diplostatements.report import Report
from diplostatements.rules import (
    CONTRARY,
    DENIAL,
    ENTAILED,
    EXCLUSIVE,
    NEGATION,
    QUANTITY,
    Rule,
    Scope,
    period_of,
)
from diplostatements.statements import Statement
from diplostatements.strategies import SMALL_VOCABULARY
from diplostatements.timespans import TimeSpan
from diplostatements.vocabulary import DEFAULT_VOCABULARY

MON, TUE = date(2019, 6, 3), date(2019, 6, 4)
JUNE = TimeSpan.between(date(2019, 6, 1), date(2019, 6, 30))


def world(*statements: Statement, extra: tuple[Item, ...] = ()) -> StatementSet:
    """The seed's actors (Peskov speaks for the Kremlin, which speaks for Russia) and these."""
    return StatementSet(
        [
            Actor.state("RUS"),
            Actor.state("USA"),
            Actor.state("VEN"),
            Actor.person("trump", "Donald Trump"),
            Actor.person("peskov", "Dmitry Peskov"),
            Actor.person("lavrov", "Sergei Lavrov"),
            Actor("kremlin", "The Kremlin", ActorKind.GOVERNMENT),
            Actor.organization("wsj", "The Wall Street Journal", kind=ActorKind.MEDIA),
            Affiliation("peskov", "kremlin", role="spokesman", speaks_for=True),
            Affiliation("kremlin", "RUS", speaks_for=True),
            Affiliation("trump", "USA", span=TimeSpan.since(date(2017, 1, 20)), speaks_for=True),
            Affiliation(
                "lavrov",
                "RUS",
                span=TimeSpan.between(date(2004, 3, 9), date(2019, 1, 1)),
                speaks_for=True,
            ),
            *extra,
            *statements,
        ]
    )


def say(ident: str, speaker: str, day: date | TimeSpan, *claims: Claim, **kw: Any) -> Statement:
    """A statement."""
    return Statement(ident, speaker, day, list(claims), **kw)


def kinds(report: Report) -> list[tuple[str, str]]:
    """The kind and certainty of each finding."""
    return [(c.kind.value, c.certainty.value) for c in report]


def pair_check(a: Claim, b: Claim, *, day_a: date = TUE, day_b: date = TUE) -> Report:
    """Check two claims said by two sides."""
    return check(world(say("a", "trump", day_a, a), say("b", "peskov", day_b, b)))


INFORMED = Claim("RUS", "informed", "USA")


class TestNegation:
    def test_same_day_is_definite(self) -> None:
        """A claim and its negation on the same day clash DEFINITELY."""
        report = pair_check(INFORMED, INFORMED.negated())
        assert kinds(report) == [("negation", "definite")]
        assert not report[0].internal

    def test_periods_that_do_not_overlap_never_clash(self) -> None:
        """Present-tense claims said on different days are a change, not a contradiction."""
        assert len(pair_check(INFORMED, INFORMED.negated(), day_a=MON, day_b=TUE)) == 0

    def test_month_precision_gives_possible(self) -> None:
        """A moment in March against a negation over 10-20 March is only POSSIBLE."""
        march = Claim("RUS", "informed", "USA", when=TimeSpan.sometime_in(2019, 3))
        mid = Claim(
            "RUS",
            "informed",
            "USA",
            polarity="negated",
            when=TimeSpan.between(date(2019, 3, 10), date(2019, 3, 20)),
        )
        assert kinds(pair_check(march, mid)) == [("negation", "possible")]

    def test_a_period_containing_every_reading_is_definite(self) -> None:
        """'Sometime in June' against 'never, all June' is DEFINITE."""
        june = Claim("RUS", "informed", "USA", when=TimeSpan.sometime_in(2019, 6))
        never = Claim("RUS", "informed", "USA", polarity="negated", when=JUNE)
        assert kinds(pair_check(june, never)) == [("negation", "definite")]

    @pytest.mark.parametrize("modality", [Modality.PROBABLE, Modality.POSSIBLE])
    def test_hedged_claims_give_possible(self, modality: Modality) -> None:
        """A hedged claim against its negation is reported, as POSSIBLE."""
        hedged = Claim("RUS", "informed", "USA", modality=modality)
        assert kinds(pair_check(hedged, INFORMED.negated())) == [("negation", "possible")]

    @pytest.mark.parametrize(
        ("affirmed", "negated", "clash"),
        [
            # "No official messages" does not deny "a message": there may be unofficial ones.
            ({}, {"qualifiers": {"official"}}, False),
            # "No messages" denies "an official message".
            ({"qualifiers": {"official"}}, {}, True),
            ({"qualifiers": {"official"}}, {"qualifiers": {"official"}}, True),
            ({"qualifiers": {"written"}}, {"qualifiers": {"official"}}, False),
            # A place narrows like a qualifier.
            ({"where": "Caracas"}, {}, True),
            ({}, {"where": "Caracas"}, False),
            # So does reported content: "informed us of nothing" denies "informed us that P".
            ({"content": Claim("RUS", "withdrew_personnel_from", "VEN")}, {}, True),
            ({}, {"content": Claim("RUS", "withdrew_personnel_from", "VEN")}, False),
            # Quantities: a bare negation denies any figure; a negated figure only figures in it.
            ({"quantity": Quantity.about(1000)}, {}, True),
            ({"quantity": Quantity.exactly(1000)}, {"quantity": Quantity.about(1000)}, True),
            ({"quantity": Quantity(24, 60)}, {"quantity": Quantity.about(1000)}, False),
            ({}, {"quantity": Quantity.about(1000)}, False),
        ],
    )
    def test_scope_table(
        self, affirmed: dict[str, Any], negated: dict[str, Any], clash: bool
    ) -> None:
        """A negation clashes with every affirmation at least as narrow as itself."""
        a = Claim("RUS", "sent_message_to", "USA", **affirmed)
        b = Claim("RUS", "sent_message_to", "USA", polarity="negated", **negated)
        assert [c.kind for c in pair_check(a, b)] == ([NEGATION] if clash else [])

    def test_symmetric_predicates_ignore_order(self) -> None:
        """'A talked with B' is denied by 'B did not talk with A'."""
        a = Claim("USA", "talked_with", "RUS")
        b = Claim("RUS", "talked_with", "USA", polarity="negated")
        assert [c.kind for c in pair_check(a, b)] == [NEGATION]

    def test_directed_predicates_keep_order(self) -> None:
        """'A informed B' is not denied by 'B did not inform A'."""
        b = Claim("USA", "informed", "RUS", polarity="negated")
        assert len(pair_check(INFORMED, b)) == 0

    def test_predicates_outside_the_vocabulary_still_work(self) -> None:
        """An unknown predicate still gets NEGATION."""
        a = Claim("RUS", "winked_at", "USA")
        assert [c.kind for c in pair_check(a, a.negated())] == [NEGATION]

    def test_nested_content_is_not_asserted(self) -> None:
        """'X informed us that P' does not clash with a third party's 'not P': P is attributed."""
        p = Claim("RUS", "withdrew_personnel_from", "VEN")
        told = Claim("RUS", "informed", "USA", content=p)
        report = check(world(say("a", "trump", TUE, told), say("b", "wsj", TUE, p.negated())))
        assert len(report) == 0

    def test_a_statement_may_contradict_itself(self) -> None:
        """Two claims of one statement can clash; the finding is internal."""
        report = check(world(say("a", "peskov", TUE, INFORMED, INFORMED.negated())))
        assert kinds(report) == [("negation", "definite")]
        assert report[0].internal


class TestTimeless:
    def test_timeless_claims_hold_at_all_times(self) -> None:
        """'responsible_for' claims said on different days still clash."""
        a = Claim("RUS", "responsible_for", "the attack")
        assert kinds(pair_check(a, a.negated(), day_a=MON, day_b=TUE)) == [("negation", "definite")]

    def test_a_timeless_claim_with_when_keeps_it(self) -> None:
        """An explicit when is kept even for a timeless predicate."""
        a = Claim("RUS", "responsible_for", "the attack", when=MON)
        b = Claim("RUS", "responsible_for", "the attack", when=TUE, polarity="negated")
        assert len(pair_check(a, b)) == 0


class TestDenial:
    def test_a_denial_contradicts_each_claim_of_its_target(self) -> None:
        """Denying a statement denies all its claims, each a DENIAL finding."""
        tweet = say("tweet", "trump", MON, INFORMED, Claim("RUS", "has_personnel_in", "VEN"))
        denial = Rebuttal("denial", "peskov", TUE, targets=["tweet"], kind=RebuttalKind.DENIAL)
        report = check(world(tweet, denial))
        assert kinds(report) == [("denial", "definite")] * 2
        assert {c.first.index for c in report} == {0, 1}
        assert all(c.second.denies is not None for c in report)

    def test_a_claim_ref_denies_one_claim(self) -> None:
        """Denying one claim leaves the others alone."""
        tweet = say("tweet", "trump", MON, INFORMED, Claim("RUS", "has_personnel_in", "VEN"))
        denial = Rebuttal("denial", "peskov", TUE, targets=[ClaimRef("tweet", 1)], kind="denial")
        report = check(world(tweet, denial))
        assert [(c.first.index, c.second.denies) for c in report] == [(1, ClaimRef("tweet", 1))]

    def test_denial_is_definite_however_imprecise_the_period(self) -> None:
        """A denial negates its target over the same period: DEFINITE when both are certain."""
        vague = say("report", "wsj", TimeSpan.sometime_before(TUE), INFORMED)
        denial = Rebuttal(
            "denial", "peskov", TimeSpan.sometime_in(2019, 6), targets=["report"], kind="denial"
        )
        assert kinds(check(world(vague, denial))) == [("denial", "definite")]

    @pytest.mark.parametrize(
        ("target_modality", "denial_modality"),
        [(Modality.CERTAIN, Modality.PROBABLE), (Modality.PROBABLE, Modality.CERTAIN)],
    )
    def test_hedged_denials_are_possible(
        self, target_modality: Modality, denial_modality: Modality
    ) -> None:
        """'As far as I know, there was no call' is a POSSIBLE denial."""
        claim = Claim("RUS", "informed", "USA", modality=target_modality)
        denial = Rebuttal(
            "denial", "peskov", TUE, targets=["tweet"], kind="denial", modality=denial_modality
        )
        assert kinds(check(world(say("tweet", "trump", MON, claim), denial))) == [
            ("denial", "possible")
        ]

    @pytest.mark.parametrize("kind", [RebuttalKind.CORRECTION, RebuttalKind.DISMISSAL])
    def test_corrections_and_dismissals_contradict(self, kind: RebuttalKind) -> None:
        """Corrections and dismissals contradict their targets too."""
        report = check(
            world(
                say("tweet", "trump", MON, INFORMED),
                Rebuttal("r", "peskov", TUE, targets=["tweet"], kind=kind),
            )
        )
        assert [c.kind for c in report] == [DENIAL]
        assert (
            f" {kind.value[:-3] if kind is RebuttalKind.CORRECTION else 'dismissed'}"
            in report[0].reason
        )

    def test_the_implied_negation_meets_third_parties_as_negation(self) -> None:
        """Against another statement of the denied claim, the denial is a NEGATION."""
        tweet = say("tweet", "trump", MON, INFORMED)
        echo = say("echo", "wsj", MON, INFORMED)
        denial = Rebuttal("denial", "peskov", TUE, targets=["tweet"], kind="denial")
        report = check(world(tweet, echo, denial))
        assert sorted((c.kind.value, c.first.statement.id) for c in report) == [
            ("denial", "tweet"),
            ("negation", "echo"),
        ]

    def test_the_denied_claim_comes_first(self) -> None:
        """In a DENIAL the target is first, whatever the ids and dates."""
        target = say("z-report", "wsj", TimeSpan.sometime_before(TUE), INFORMED)
        denial = Rebuttal(
            "a-denial", "peskov", TimeSpan.sometime_before(TUE), targets=["z-report"], kind="denial"
        )
        (finding,) = check(world(target, denial))
        assert finding.first.statement.id == "z-report"
        assert finding.second.ref == "a-denial#denies:z-report#0"

    def test_a_rebuttals_own_claims_are_ordinary(self) -> None:
        """A rebuttal's own claims are compared like any other."""
        correction = Rebuttal(
            "correction",
            "peskov",
            TUE,
            [Claim("RUS", "has_personnel_in", "VEN")],
            targets=["tweet"],
            kind="correction",
        )
        other = say("other", "trump", TUE, Claim("RUS", "has_personnel_in", "VEN").negated())
        report = check(world(say("tweet", "trump", MON, INFORMED), correction, other))
        assert sorted(c.kind.value for c in report) == ["denial", "negation"]

    @pytest.mark.parametrize("kind", [RebuttalKind.QUALIFICATION, RebuttalKind.CHALLENGE])
    def test_qualifications_and_challenges_are_disputes_only(self, kind: RebuttalKind) -> None:
        """A qualification or challenge is a dispute, never a contradiction."""
        challenge = Rebuttal("r", "peskov", TUE, targets=[ClaimRef("tweet", 0)], kind=kind)
        report = check(world(say("tweet", "trump", MON, INFORMED), challenge))
        assert len(report) == 0
        (dispute,) = report.disputes
        assert (dispute.rebuttal.id, dispute.target.id, dispute.claim, dispute.kind) == (
            "r",
            "tweet",
            0,
            kind,
        )
        assert (dispute.side, dispute.target_side) == ("RUS", "USA")
        assert "Dmitry Peskov (Russia) " in dispute.reason

    def test_a_denial_of_a_claimless_statement_finds_nothing(self) -> None:
        """Denying a statement without claims denies nothing."""
        empty = say("empty", "trump", MON)
        assert (
            len(check(world(empty, Rebuttal("r", "peskov", TUE, targets=["empty"], kind="denial"))))
            == 0
        )


class TestRetraction:
    def retraction(self, **kw: Any) -> Report:
        """Russia says X through Peskov; the Kremlin (same side) or the US retracts it."""
        said = say("said", "peskov", MON, INFORMED)
        retracts = Rebuttal(
            "retraction", kw.pop("by", "kremlin"), TUE, targets=["said"], kind="retraction"
        )
        echo = say("echo", "trump", MON, INFORMED.negated())
        return check(world(said, retracts, echo))

    def test_a_side_retracting_its_claim(self) -> None:
        """A retraction by the same side is listed, and is an internal DENIAL that says so."""
        report = self.retraction()
        denial = report.of_kind(DENIAL)[0]
        assert denial.internal
        assert "retracted it" in denial.reason
        (withdrawn,) = report.retracted
        assert (withdrawn.retraction.id, withdrawn.target.id, withdrawn.claim, withdrawn.side) == (
            "retraction",
            "said",
            None,
            "RUS",
        )

    def test_a_retraction_removes_no_finding(self) -> None:
        """Third-party findings against the retracted statement stay."""
        report = self.retraction()
        assert ("said", "echo") in {c.statements for c in report} | {
            c.statements[::-1] for c in report
        }

    def test_another_side_cannot_retract(self) -> None:
        """A 'retraction' by another side withdraws nothing: it is a denial."""
        report = self.retraction(by="trump")
        assert report.retracted == ()
        denial = report.of_kind(DENIAL)[0]
        assert "denied it" in denial.reason
        assert not denial.internal


class TestExclusive:
    def test_two_legitimate_presidents(self) -> None:
        """Two legitimate presidents of one state at one time clash (inverse-functional)."""
        maduro = Claim("maduro", "legitimate_president_of", "VEN")
        guaido = Claim("guaido", "legitimate_president_of", "VEN", qualifiers={"interim"})
        report = pair_check(maduro, guaido)
        assert kinds(report) == [("exclusive", "definite")]
        assert "only one can be the legitimate president of Venezuela at a time" in report[0].reason

    def test_recognition_acts_are_both_true(self) -> None:
        """Russia recognising Maduro and the US recognising Guaidó do not clash."""
        assert (
            len(
                pair_check(
                    Claim("USA", "recognizes", "guaido"), Claim("RUS", "recognizes", "maduro")
                )
            )
            == 0
        )

    @pytest.mark.parametrize(
        ("a", "b", "clash"),
        [
            # Functional: one object per subject.
            (Claim("a", "owns", "b"), Claim("a", "owns", "c"), True),
            (Claim("a", "owns", "b"), Claim("a", "owns", "b"), False),
            (Claim("a", "owns", "b"), Claim("c", "owns", "x"), False),
            (Claim("a", "owns"), Claim("a", "owns", "c"), False),
            # Qualifiers must be comparable.
            (Claim("a", "owns", "b", qualifiers={"q1"}), Claim("a", "owns", "c"), True),
            (
                Claim("a", "owns", "b", qualifiers={"q1"}),
                Claim("a", "owns", "c", qualifiers={"q2"}),
                False,
            ),
            # Both affirmed.
            (Claim("a", "owns", "b"), Claim("a", "owns", "c", polarity="negated"), False),
            # Symmetric and functional: each claim stands for its mirror too.
            (Claim("a", "weds", "b"), Claim("c", "weds", "a"), True),
            (Claim("a", "weds", "b"), Claim("b", "weds", "a"), False),
            # Inverse-functional: one subject per object.
            (Claim("a", "leads", "x"), Claim("b", "leads", "x"), True),
            (Claim("a", "leads", "x"), Claim("a", "leads", "c"), False),
        ],
    )
    def test_table(self, a: Claim, b: Claim, clash: bool) -> None:
        """EXCLUSIVE needs a functional predicate, two objects (subjects), comparable scopes."""
        report = check(
            [say("s1", "p", TUE, a), say("s2", "q", TUE, b)], vocabulary=SMALL_VOCABULARY
        )
        assert [c.kind for c in report] == ([EXCLUSIVE] if clash else [])

    def test_successive_presidents_do_not_clash(self) -> None:
        """Periods that do not overlap are a change of president."""
        before = Claim("a", "legitimate_president_of", "VEN", when=TimeSpan.until(date(2019, 1, 9)))
        after = Claim("b", "legitimate_president_of", "VEN", when=TimeSpan.since(date(2019, 1, 10)))
        assert len(pair_check(before, after)) == 0


class TestContrary:
    @pytest.mark.parametrize(
        ("a", "b", "clash"),
        [
            (Claim("RUS", "supports", "maduro"), Claim("RUS", "opposes", "maduro"), True),
            (Claim("RUS", "supports", "maduro"), Claim("RUS", "opposes", "guaido"), False),
            (Claim("RUS", "supports", "maduro"), Claim("USA", "opposes", "maduro"), False),
            (
                Claim("RUS", "supports", "maduro", qualifiers={"military"}),
                Claim("RUS", "opposes", "maduro"),
                True,
            ),
            (
                Claim("RUS", "supports", "maduro", qualifiers={"military"}),
                Claim("RUS", "opposes", "maduro", qualifiers={"economic"}),
                False,
            ),
            # Symmetric predicates: either order.
            (Claim("USA", "allied_with", "RUS"), Claim("RUS", "at_war_with", "USA"), True),
        ],
    )
    def test_default_vocabulary(self, a: Claim, b: Claim, clash: bool) -> None:
        """Contrary predicates clash for the same subject and object, comparable scopes."""
        assert [c.kind for c in pair_check(a, b)] == ([CONTRARY] if clash else [])

    @pytest.mark.parametrize(
        ("a", "b", "clash"),
        [
            # One symmetric, one directed: the symmetric claim stands for its mirror.
            (Claim("a", "allied", "b"), Claim("b", "fights", "a"), True),
            (Claim("a", "allied", "b"), Claim("a", "fights", "b"), True),
            # Two directed predicates keep their order.
            (Claim("a", "backs", "b"), Claim("b", "fights", "a"), False),
        ],
    )
    def test_symmetry(self, a: Claim, b: Claim, clash: bool) -> None:
        """A contrary pair with one symmetric predicate matches either orientation."""
        report = check(
            [say("s1", "p", TUE, a), say("s2", "q", TUE, b)], vocabulary=SMALL_VOCABULARY
        )
        assert [c.kind for c in report] == ([CONTRARY] if clash else [])
        if clash:
            assert "cannot both ally and fight" in report[0].reason


class TestQuantity:
    @pytest.mark.parametrize(
        ("a", "b", "clash"),
        [
            (Quantity.about(1000), Quantity.parse("a few dozen"), True),
            (Quantity.about(100), Quantity.exactly(95), False),
            (Quantity.parse("most"), Quantity.exactly(30), False),
        ],
    )
    def test_figures_at_one_time(self, a: Quantity, b: Quantity, clash: bool) -> None:
        """Incompatible figures for the same proposition at one time clash."""
        x = Claim("rostec", "has_personnel_in", "VEN", quantity=a)
        y = Claim("rostec", "has_personnel_in", "VEN", quantity=b)
        report = pair_check(x, y)
        assert [c.kind for c in report] == ([QUANTITY] if clash else [])
        if clash:
            assert "cannot both be right" in report[0].reason

    def test_figures_at_different_times(self) -> None:
        """'Once about 1,000' and 'now a few dozen' is a change, not a contradiction."""
        once = Claim(
            "rostec",
            "has_personnel_in",
            "VEN",
            quantity=Quantity.about(1000),
            when=TimeSpan.sometime_in(2018),
        )
        now = Claim("rostec", "has_personnel_in", "VEN", quantity=Quantity.parse("a few dozen"))
        assert len(pair_check(once, now)) == 0

    def test_figures_for_different_scopes(self) -> None:
        """Figures for 'advisers' and for all personnel do not compare."""
        a = Claim("rostec", "has_personnel_in", "VEN", quantity=Quantity.about(1000))
        b = Claim(
            "rostec", "has_personnel_in", "VEN", quantity=Quantity(24, 60), qualifiers={"advisers"}
        )
        assert len(pair_check(a, b)) == 0


class TestEntailed:
    def test_one_step(self) -> None:
        """'Invaded' against 'did not attack' is ENTAILED, and names the chain."""
        report = pair_check(
            Claim("RUS", "invaded", "VEN"), Claim("RUS", "attacked", "VEN", polarity="negated")
        )
        assert kinds(report) == [("entailed", "definite")]
        assert report[0].via == ("invaded", "attacked")
        assert "'invaded' implies 'attacked'" in report[0].reason

    def test_a_chain_of_two(self) -> None:
        """A two-step chain is named in full."""
        report = check(
            [
                say("s1", "p", TUE, Claim("a", "storms", "b")),
                say("s2", "q", TUE, Claim("a", "fights", "b").negated()),
            ],
            vocabulary=SMALL_VOCABULARY,
        )
        assert [(c.kind, c.via) for c in report] == [(ENTAILED, ("storms", "invades", "fights"))]

    def test_both_sides_implied(self) -> None:
        """When both claims are implied, both chains are named, the first's first."""
        report = check(
            [
                say("s1", "p", MON, Claim("a", "hugs", "b")),
                say("s2", "q", TUE, Claim("a", "invades", "b", when=MON)),
            ],
            vocabulary=SMALL_VOCABULARY,
        )
        assert [(c.kind, c.via) for c in report] == [
            (ENTAILED, ("hugs", "backs", "invades", "fights"))
        ]

    def test_implied_exclusive(self) -> None:
        """An implied inverse-functional claim can clash as EXCLUSIVE, reported ENTAILED."""
        report = check(
            [
                say("s1", "p", TUE, Claim("a", "crowns", "x")),
                say("s2", "q", TUE, Claim("b", "leads", "x")),
            ],
            vocabulary=SMALL_VOCABULARY,
        )
        assert [(c.kind, c.via) for c in report] == [(ENTAILED, ("crowns", "leads"))]

    def test_negated_claims_imply_nothing(self) -> None:
        """'Did not invade' does not clash with 'attacked'."""
        assert (
            len(
                pair_check(
                    Claim("RUS", "invaded", "VEN").negated(), Claim("RUS", "attacked", "VEN")
                )
            )
            == 0
        )

    def test_a_direct_rule_wins(self) -> None:
        """A pair that clashes directly is reported by its direct rule, not as ENTAILED."""
        report = check(
            [
                say("s1", "p", TUE, Claim("a", "meets", "b")),
                say("s2", "q", TUE, Claim("a", "meets", "b").negated()),
            ],
            vocabulary=SMALL_VOCABULARY,
        )
        assert [c.kind for c in report] == [NEGATION]

    def test_reported_content_follows_reporting_predicates(self) -> None:
        """'Informed that P' implies a message about P, denied by 'no message about P'."""
        p = Claim("RUS", "withdrew_personnel_from", "VEN")
        told = Claim("RUS", "informed", "USA", content=p)
        no_message = Claim("RUS", "sent_message_to", "USA", content=p, polarity="negated")
        assert [c.kind for c in pair_check(told, no_message)] == [ENTAILED]

    def test_stance_and_support_do_not_clash(self) -> None:
        """'Stance unchanged' and 'boosted support' are not a contradiction."""
        boosted = Claim("RUS", "increased_support_for", "maduro")
        unchanged = Claim("RUS", "changed_stance_on", "VEN", polarity="negated")
        assert len(pair_check(boosted, unchanged)) == 0


class TestSides:
    def test_a_spokesmans_words_are_his_states(self) -> None:
        """Peskov speaks for the Kremlin, which speaks for Russia: his side is Russia."""
        report = pair_check(INFORMED, INFORMED.negated())
        assert report[0].sides == ("USA", "RUS")
        assert report[0].speakers == ("trump", "peskov")
        assert "Dmitry Peskov (Russia)" in report[0].reason

    def test_a_state_contradicting_itself_is_internal(self) -> None:
        """Two organs of one state contradicting each other make an internal finding."""
        report = check(
            world(say("a", "peskov", TUE, INFORMED), say("b", "RUS", TUE, INFORMED.negated()))
        )
        assert [c.internal for c in report] == [True]
        assert len(report.internal()) == 1

    def test_a_former_official_speaks_for_himself(self) -> None:
        """An affiliation that has ended does not commit the state."""
        report = check(
            world(say("a", "lavrov", TUE, INFORMED), say("b", "RUS", TUE, INFORMED.negated()))
        )
        assert [c.internal for c in report] == [False]
        assert report[0].first.side == "lavrov"

    def test_on_behalf_of_names_the_side(self) -> None:
        """A statement made on someone's behalf commits them."""
        report = check(
            world(
                say("a", "peskov", TUE, INFORMED, on_behalf_of="kremlin"),
                say("b", "trump", TUE, INFORMED.negated()),
            )
        )
        assert "Dmitry Peskov for The Kremlin (Russia)" in report[0].reason


class TestCheckArguments:
    def test_an_iterable_of_statements(self) -> None:
        """Statements alone are checked with made-up actors, each its own side."""
        report = check([say("a", "x", TUE, INFORMED), say("b", "y", TUE, INFORMED.negated())])
        assert report[0].sides == ("x", "y")

    def test_an_iterable_with_actors_and_aliases(self) -> None:
        """Actors given in the iterable are used; aliases are not made up again."""
        report = check(
            [
                Actor.state("RUS", aliases={"Moscow"}),
                say("a", "Moscow", TUE, INFORMED),
                say("b", "y", TUE, INFORMED.negated()),
            ]
        )
        assert report[0].sides == ("RUS", "y")

    def test_the_collector_is_left_as_it_was(self) -> None:
        """check() pauses the garbage collector only while it runs, and leaves it as it found it."""
        found = world(say("a", "trump", TUE, INFORMED), say("b", "peskov", TUE, INFORMED.negated()))
        assert gc.isenabled()
        assert len(check(found)) == 1
        assert len(check(found).to_records()) == 1  # records too are written with it paused
        assert gc.isenabled()
        gc.disable()
        try:
            assert len(check(found).to_records()) == 1
            assert not gc.isenabled()
        finally:
            gc.enable()

    def test_the_set_checks_itself(self) -> None:
        """StatementSet.check() finds the set's contradiction, between the two sides."""
        found = world(say("a", "trump", TUE, INFORMED), say("b", "peskov", TUE, INFORMED.negated()))
        assert [(c.kind, c.sides) for c in found.check()] == [(NEGATION, ("USA", "RUS"))]

    @pytest.mark.parametrize(
        ("rules", "expected"),
        [
            ([NEGATION], ["negation"]),
            (["negation", "DENIAL"], ["denial", "negation"]),
            (NEGATION, ["negation"]),
            ("denial", ["denial"]),
            ([ENTAILED], []),
            ([], []),
        ],
    )
    def test_rules_select_kinds(self, rules: Any, expected: list[str]) -> None:
        """Restricting the rules leaves out findings of other kinds, never relabels them."""
        tweet = say("tweet", "trump", MON, INFORMED)
        echo = say("echo", "wsj", MON, INFORMED)
        denial = Rebuttal("denial", "peskov", TUE, targets=["tweet"], kind="denial")
        report = check(world(tweet, echo, denial), rules=rules)
        assert sorted(c.kind.value for c in report) == expected

    def test_without_entailment_nothing_is_implied(self) -> None:
        """Leaving ENTAILED out skips implied claims altogether."""
        report = pair_check(
            Claim("RUS", "invaded", "VEN"), Claim("RUS", "attacked", "VEN").negated()
        )
        assert len(report) == 1
        found = world(
            say("a", "trump", TUE, Claim("RUS", "invaded", "VEN")),
            say("b", "peskov", TUE, Claim("RUS", "attacked", "VEN").negated()),
        )
        assert len(check(found, rules=set(Rule) - {ENTAILED})) == 0

    @pytest.mark.parametrize(
        ("kwargs", "path"),
        [
            ({"rules": ["negation", "nonsense"]}, "check(rules)"),
            ({"vocabulary": {}}, "check(vocabulary)"),
        ],
    )
    def test_bad_options(self, kwargs: dict[str, Any], path: str) -> None:
        """Bad options raise FieldError naming them."""
        with pytest.raises(FieldError) as caught:
            check([], **kwargs)
        assert caught.value.path == path

    @pytest.mark.parametrize("bad", ["statements", 42])
    def test_bad_statements(self, bad: Any) -> None:
        """Anything but a set or an iterable of items is refused."""
        with pytest.raises(FieldError, match=r"check\(statements\)"):
            check(bad)


class TestOrder:
    def test_first_is_the_earlier(self) -> None:
        """The first assertion is the one about the earlier period."""
        late = Claim("RUS", "supports", "maduro", when=JUNE)
        early = Claim("RUS", "opposes", "maduro", when=TimeSpan.since(date(2019, 5, 1)))
        report = check(world(say("a", "trump", TUE, late), say("b", "peskov", MON, early)))
        assert report[0].first.statement.id == "b"

    def test_newest_first_among_alike(self) -> None:
        """Findings alike in certainty, sides and kind come newest first."""
        statements = [
            say(f"s{n}", "trump", day, INFORMED, INFORMED.negated())
            for n, day in enumerate([TUE, MON, date(2019, 6, 5)])
        ]
        report = check(world(*statements))
        assert [c.first.statement.id for c in report] == ["s2", "s0", "s1"]

    def test_what_matters_comes_first(self) -> None:
        """Definite before possible, between sides before internal, then by kind, then newest."""
        hedged = Claim("RUS", "informed", "USA", modality=Modality.PROBABLE)
        supports = Claim("USA", "supports", "VEN")
        statements = [
            # possible, between sides, said last
            say("possible", "trump", date(2019, 6, 9), hedged),
            say("possible-answer", "peskov", date(2019, 6, 9), INFORMED.negated()),
            # definite, internal
            say("internal", "trump", date(2019, 6, 8), supports, supports.negated()),
            # definite, between sides: a NEGATION said later than an ENTAILED finding
            say("negation", "trump", date(2019, 6, 7), Claim("RUS", "has_personnel_in", "VEN")),
            say(
                "negation-answer",
                "peskov",
                date(2019, 6, 7),
                Claim("RUS", "has_personnel_in", "VEN", polarity="negated"),
            ),
            say("entailed", "trump", date(2019, 6, 10), Claim("RUS", "occupies", "Crimea")),
            say(
                "entailed-answer",
                "peskov",
                date(2019, 6, 10),
                Claim("RUS", "has_personnel_in", "Crimea", polarity="negated"),
            ),
        ]
        report = check(world(*statements))
        assert [(c.kind.value, c.certainty.value, c.internal) for c in report] == [
            ("negation", "definite", False),
            ("entailed", "definite", False),
            ("negation", "definite", True),
            ("negation", "possible", False),
        ]

    def test_the_order_items_were_added_in_changes_nothing(self) -> None:
        """Claims are numbered in the order the set stores them; nothing reported depends on it."""
        statements = [
            say("a", "trump", MON, INFORMED),
            say("b", "peskov", TUE, INFORMED.negated(), Claim("RUS", "supports", "maduro")),
            say("c", "lavrov", MON, Claim("RUS", "opposes", "maduro", when=JUNE)),
            Rebuttal("d", "peskov", TUE, targets=["a"], kind=RebuttalKind.DENIAL),
            Rebuttal("e", "trump", TUE, targets=[ClaimRef("b", 1)], kind=RebuttalKind.DENIAL),
            Rebuttal("f", "peskov", TUE, targets=["a"], kind=RebuttalKind.CHALLENGE),
            Rebuttal("g", "trump", TUE, targets=["b"], kind=RebuttalKind.QUALIFICATION),
        ]
        forward = check(world(*statements))
        backward = check(world(*reversed(statements)))
        assert [c.kind.value for c in forward] == ["denial", "denial", "contrary"]
        assert len(forward.disputes) == 2
        assert forward.to_records() == backward.to_records()
        assert forward.disputes == backward.disputes
        assert str(forward) == str(backward)


class TestBuckets:
    def test_an_entry_is_never_paired_with_itself(self) -> None:
        """A bucket holding one assertion twice (two orientations) finds no pair in it."""
        period = period_of(TimeSpan.on(TUE).ordinals())
        scope = Scope(frozenset(), None, None)
        one = Entry(7, period, True, True, "a", "owns", "b", scope, None, ())
        mirror = one._replace(object="c")
        assert check_exclusive([one, mirror], inverse=False) == []
        assert len(check_exclusive([one, mirror._replace(aid=8)], inverse=False)) == 1


class TestQuantityClasses:
    """QUANTITY compares classes of equal figures, not every pair of claims.

    Many reports of one figure cost no comparison of figures at all.
    """

    @staticmethod
    def figures(*quantities: Quantity, day: date = TUE) -> StatementSet:
        return world(
            *(
                say(
                    f"s{n}",
                    "trump" if n % 2 else "peskov",
                    day,
                    Claim("RUS", "has_personnel_in", "VEN", quantity=q),
                )
                for n, q in enumerate(quantities)
            )
        )

    def test_identical_figures_are_never_compared(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """300 claims of "about 100" on one day: no finding, and no comparison of figures."""
        calls: list[int] = []
        compatible = Quantity.compatible

        def counted(self: Quantity, other: Quantity) -> bool:
            calls.append(1)
            return compatible(self, other)

        monkeypatch.setattr(Quantity, "compatible", counted)
        assert len(check(self.figures(*[Quantity.about(100)] * 300))) == 0
        assert calls == []

    def test_each_pair_of_figures_is_compared_once(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Three figures repeated 100 times each: at most one comparison per pair of figures."""
        calls: list[int] = []
        compatible = Quantity.compatible

        def counted(self: Quantity, other: Quantity) -> bool:
            calls.append(1)
            return compatible(self, other)

        monkeypatch.setattr(Quantity, "compatible", counted)
        three = [Quantity.about(100), Quantity.between(95, 105), Quantity.exactly(100)]
        assert len(check(self.figures(*three * 100))) == 0
        assert 0 < len(calls) <= 3

    @pytest.mark.parametrize("repeats", [1, 2, 5])
    def test_every_clashing_pair_is_found(self, repeats: int) -> None:
        """Figures that cannot both be right clash pairwise, however often each is repeated."""
        many, few = Quantity.about(1000), Quantity(24, 60)
        report = check(self.figures(*[many] * repeats, *[few] * repeats, Quantity.about(40)))
        # Each "about 1,000" clashes with each "a few dozen" and with "about 40".
        assert kinds(report) == [("quantity", "definite")] * (repeats * (repeats + 1))


class TestProgress:
    def test_called_with_counts_and_once_at_the_end(self) -> None:
        """progress(done, total) counts swept groups, ends with done == total, and is bounded."""
        statements = [
            say(
                f"s{n}",
                "trump",
                TUE,
                Claim("RUS", "informed", f"X{n}"),
                Claim("RUS", "informed", f"X{n}").negated(),
            )
            for n in range(500)
        ]
        calls: list[tuple[int, int | None]] = []
        report = check(world(*statements), progress=lambda done, total: calls.append((done, total)))
        assert len(report) == 500
        assert calls[-1] == (500, 500)
        assert len(calls) <= 101
        assert [done for done, _ in calls] == sorted(done for done, _ in calls)

    def test_an_empty_check_still_reports_its_end(self) -> None:
        """A set with nothing to sweep calls progress once, with (0, 0)."""
        calls: list[tuple[int, int | None]] = []
        check(world(), progress=lambda done, total: calls.append((done, total)))
        assert calls == [(0, 0)]

    def test_must_be_callable(self) -> None:
        """A progress that cannot be called is refused, naming the option."""
        with pytest.raises(FieldError, match=r"check\(progress\)"):
            check([], progress=42)  # type: ignore[arg-type]


class TestStages:
    def test_the_stages_by_hand_make_the_report(self) -> None:
        """The stages rows, gather, sweep and findings, called in turn, make check()'s report."""
        found = examples.venezuela_2019()
        numbered = rows(found, DEFAULT_VOCABULARY)
        gathered = gather(numbered, DEFAULT_VOCABULARY, entailed=True)
        hits = [sweep(group) for group in reversed(gathered.groups)]  # any order
        report = findings(hits, gathered.rows, DEFAULT_VOCABULARY, frozenset(Rule))
        assert report == check(found)
        assert str(report) == str(check(found))

    def test_sweep_depends_on_the_group_alone(self) -> None:
        """A group's hits are the same pairs whatever order its entries come in."""
        found = examples.venezuela_2019()
        gathered = gather(rows(found, DEFAULT_VOCABULARY), DEFAULT_VOCABULARY, entailed=True)
        for group in gathered.groups:
            shuffled = group._replace(entries=list(reversed(group.entries)))
            pairs = {(frozenset((h.first, h.second)), h.rule) for h in sweep(group)}
            again = {(frozenset((h.first, h.second)), h.rule) for h in sweep(shuffled)}
            assert pairs == again

    def test_an_implied_negation_is_numbered_after_every_claim(self) -> None:
        """The rows stage numbers a rebuttal's implied negations after the stated claims."""
        numbered = rows(examples.venezuela_2019(), DEFAULT_VOCABULARY)
        assert numbered.denied
        assert min(numbered.denied) == numbered.stated
        for aid, (ref, target) in numbered.denied.items():
            assert numbered.claims[aid].polarity is not numbered.claims[target].polarity
            assert numbered.source(target).position == ref.claim


class TestTables:
    @pytest.fixture
    def form(self) -> Any:
        """The table form."""
        return tables_module

    def test_a_sets_tables_give_the_same_report(self, form: Any) -> None:
        """check(tables) is check(set): findings, sentences, disputes and retractions."""
        found = examples.venezuela_2019()
        from_tables = check(form.to_arrow(found))
        assert from_tables == check(found)
        assert str(from_tables) == str(check(found))

    def test_a_parquet_set_gives_the_same_report(self, form: Any, tmp_path: Path) -> None:
        """check("dir/") reads a Parquet set, as a path or a string."""
        found = examples.venezuela_2019()
        form.write_parquet(form.to_arrow(found), tmp_path / "set")
        assert check(tmp_path / "set") == check(found)
        assert check(str(tmp_path / "set")).to_records() == check(found).to_records()

    def test_only_claims_that_may_clash_are_built(self, form: Any) -> None:
        """Statements that cannot be in a finding, a dispute or a retraction are not built."""
        quiet = [say(f"q{n}", "trump", TUE, Claim("RUS", "praised", f"Y{n}")) for n in range(50)]
        found = world(
            say("a", "trump", TUE, INFORMED), say("b", "peskov", TUE, INFORMED.negated()), *quiet
        )
        from diplostatements.checker._tables import candidates  # noqa: PLC0415 -- needs tables

        kept, _ = candidates(form.to_arrow(found), DEFAULT_VOCABULARY)
        assert sorted(kept.statements) == ["a", "b"]
        assert kept.names == found.names

    def test_notes_speak_of_the_whole_set(self, form: Any) -> None:
        """Names noted in claims that cannot clash are noted from tables too, content included."""
        found = world(
            say("a", "trump", TUE, Claim("RUS", "responsibe_for", "The attack")),
            say("b", "trump", TUE, Claim("USA", "praised", "the attack")),
            say(
                "c",
                "trump",
                TUE,
                Claim("USA", "informed", "RUS", content=Claim("Russia", "supports", "the  attack")),
            ),
        )
        expected = check(found)
        assert dict(expected.unknown_predicates) == {"responsibe_for": ("responsible_for",)}
        assert dict(expected.similar_names) == {
            "The attack": ("the  attack", "the attack"),
            "the  attack": ("The attack", "the attack"),
            "the attack": ("The attack", "the  attack"),
        }
        from diplostatements.checker._tables import candidates  # noqa: PLC0415 -- needs tables

        kept, _ = candidates(form.to_arrow(found), DEFAULT_VOCABULARY)
        assert len(kept.statements) == 0  # nothing clashes: every note comes from the tables
        report = check(form.to_arrow(found))
        assert report.unknown_predicates == expected.unknown_predicates
        assert report.similar_names == expected.similar_names
        assert report.involving("the attack") == expected.involving("the attack")

    def test_attributed_content_keeps_only_what_it_may_clash_with(self, form: Any) -> None:
        """Content attributed to Russia meets Russia's own words; claims about Russia stay out."""
        withdrew = Claim("RUS", "withdrew_personnel_from", "VEN")
        telling = Claim("RUS", "informed", "USA", content=withdrew)
        praise = [say(f"q{n}", "trump", TUE, Claim("RUS", "praised", f"Y{n}")) for n in range(20)]
        found = world(
            say("tweet", "trump", TUE, telling),
            say("kremlin-line", "peskov", TUE, withdrew.negated()),
            *praise,
        )
        from diplostatements.checker._tables import candidates  # noqa: PLC0415 -- needs tables

        kept, _ = candidates(form.to_arrow(found), DEFAULT_VOCABULARY)
        assert sorted(kept.statements) == ["kremlin-line", "tweet"]
        expected = check(found)
        assert [(c.kind.value, c.statements) for c in expected] == [
            ("attribution", ("tweet", "kremlin-line"))
        ]
        assert check(form.to_arrow(found)) == expected

    def test_denied_content_of_any_predicate_meets_those_who_assert_it(self, form: Any) -> None:
        """Denying what a request was about negates it; a report asserting it then clashes."""
        withdrew = Claim("RUS", "withdrew_personnel_from", "VEN")
        found = world(
            say("ask", "trump", TUE, Claim("USA", "requested", "RUS", content=withdrew)),
            Rebuttal(
                "no", "peskov", TUE, targets=[ClaimRef("ask", 0, content=True)], kind="denial"
            ),
            say("report", "wsj", TUE, withdrew),
            say("quiet", "wsj", TUE, Claim("RUS", "praised", "VEN")),
        )
        from diplostatements.checker._tables import candidates  # noqa: PLC0415 -- needs tables

        kept, _ = candidates(form.to_arrow(found), DEFAULT_VOCABULARY)
        assert sorted(kept.statements) == ["ask", "no", "report"]
        expected = check(found)
        assert ("no", "report") in [c.statements for c in expected]
        assert check(form.to_arrow(found)) == expected

    def test_a_denied_negation_implies_on_the_table_path(self, form: Any) -> None:
        """Denying "did not meet" asserts a meeting, which implies talks another claim denies."""
        found = world(
            say("a", "trump", TUE, Claim("RUS", "meets", "VEN").negated()),
            Rebuttal("r", "peskov", TUE, targets=["a"], kind=RebuttalKind.DENIAL),
            say("c", "lavrov", TUE, Claim("RUS", "talks", "VEN").negated()),
        )
        expected = check(found, vocabulary=SMALL_VOCABULARY)
        assert [(c.kind, c.statements) for c in expected.of_kind("entailed")] == [
            (ENTAILED, ("c", "r"))
        ]
        assert check(form.to_arrow(found), vocabulary=SMALL_VOCABULARY) == expected

    def test_a_missing_directory_is_refused(self, tmp_path: Path) -> None:
        """A path that is not a directory is refused, naming the argument."""
        with pytest.raises(FieldError, match=r"check\(statements\)"):
            check(tmp_path / "nowhere")

    def test_the_checker_never_needs_pyarrow(self) -> None:
        """With pyarrow blocked, the package imports and checks a set."""
        code = (
            "import sys; sys.modules['pyarrow'] = None\n"
            "from diplostatements import examples\n"
            "print(len(examples.venezuela_2019().check()))\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert done.stdout.strip() == "3"
