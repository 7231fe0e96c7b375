"""The checker on small real cases: what a denial's words decide, and misattribution.

Each case is modelled on a kind of exchange found in diplomatic news, with the actors of the
story: a Kremlin spokesman denying "a recent call", a president reporting what another state told
him, a ministry's readout of a call.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest

from diplostatements.actors import Actor, ActorKind, Affiliation
from diplostatements.checker import check
from diplostatements.claims import Claim, Modality
from diplostatements.collection import Item, StatementSet
from diplostatements.exceptions import UnknownReferenceError
from diplostatements.parts import PartOf
from diplostatements.quantities import Quantity
from diplostatements.rebuttals import ClaimRef, Rebuttal, RebuttalKind
from diplostatements.report import Report
from diplostatements.rules import ATTRIBUTION, DENIAL, Rule
from diplostatements.statements import Statement
from diplostatements.timespans import TimeSpan

# Early 2025: a readout of a call in February, a report of another call in late April, and the
# spokesman's answer in May.
READOUT_DAY = date(2025, 2, 12)
REPORT_DAY = date(2025, 5, 1)
ANSWER_DAY = date(2025, 5, 2)
RECENT = TimeSpan.between(date(2025, 4, 1), ANSWER_DAY)
CALL = Claim("putin", "had_phone_call_with", "trump")


def world(*items: Item) -> StatementSet:
    """Russia and the United States, their leaders and spokesmen, a newspaper, and ``items``."""
    return StatementSet(
        [
            Actor.state("RUS", aliases={"Russia"}),
            Actor.state("USA", aliases={"United States"}),
            Actor.state("VEN"),
            Actor.person("putin", "Vladimir Putin"),
            Actor.person("trump", "Donald Trump"),
            Actor.person("peskov", "Dmitry Peskov"),
            Actor("kremlin", "The Kremlin", ActorKind.GOVERNMENT),
            Actor.organization("wsj", "The Wall Street Journal", kind=ActorKind.MEDIA),
            Affiliation("peskov", "kremlin", role="spokesman", speaks_for=True),
            Affiliation("kremlin", "RUS", speaks_for=True),
            Affiliation("putin", "RUS", role="president", speaks_for=True),
            Affiliation("trump", "USA", role="president", speaks_for=True),
            *items,
        ]
    )


def found(report: Report) -> list[tuple[str, str, str, str]]:
    """Each finding as (kind, certainty, first ref, second ref)."""
    return [(c.kind.value, c.certainty.value, c.first.ref, c.second.ref) for c in report]


def readout() -> Statement:
    """The Kremlin's readout of the February call."""
    return Statement(
        "kremlin-readout", "kremlin", READOUT_DAY, [Claim(*_call(), when=TimeSpan.on(READOUT_DAY))]
    )


def _call() -> tuple[str, str, str]:
    return (CALL.subject, CALL.predicate, CALL.object or "")


def report_of_calls() -> Statement:
    """A newspaper: "Putin and Trump have spoken by phone" (some time before its date)."""
    return Statement(
        "wsj-calls",
        "wsj",
        REPORT_DAY,
        [Claim(*_call(), when=TimeSpan.sometime_before(REPORT_DAY))],
    )


def denial(*claims: Claim, **kw: Any) -> Rebuttal:
    """Peskov's answer to the newspaper, for the Kremlin."""
    options: dict[str, Any] = {
        "on_behalf_of": "kremlin",
        "targets": [ClaimRef("wsj-calls", 0)],
        "kind": RebuttalKind.DENIAL,
    } | kw
    return Rebuttal("peskov-denial", "peskov", ANSWER_DAY, list(claims), **options)


class TestDenialScope:
    def test_a_denial_without_words_negates_the_target_as_stated(self) -> None:
        """No claim of its own: the denial negates "have spoken" over the report's period.

        So it also denies the Kremlin's own readout of the February call (internally).
        """
        report = check(world(readout(), report_of_calls(), denial()))
        assert {(c.kind.value, frozenset(c.statements), c.internal) for c in report} == {
            ("denial", frozenset({"wsj-calls", "peskov-denial"}), False),
            ("negation", frozenset({"kremlin-readout", "peskov-denial"}), True),
        }

    def test_no_recent_call_leaves_the_winter_call_alone(self) -> None:
        """'There was no recent call': the report is denied, the February readout is not."""
        no_recent_call = Claim(*_call(), polarity="negated", when=RECENT)
        report = check(world(readout(), report_of_calls(), denial(no_recent_call)))
        assert found(report) == [("denial", "possible", "wsj-calls#0", "peskov-denial#0")]
        assert "Dmitry Peskov for The Kremlin (Russia) denied it on 2 May 2025" in report[0].reason
        assert "saying that" in report[0].reason

    def test_the_pair_is_reported_once_as_denial(self) -> None:
        """A denial that repeats the target negated: one DENIAL, not a NEGATION beside it."""
        said = Statement("wsj-calls", "wsj", REPORT_DAY, [CALL])
        report = check(world(said, denial(Claim(*_call(), polarity="negated", when=REPORT_DAY))))
        assert found(report) == [("denial", "definite", "wsj-calls#0", "peskov-denial#0")]
        assert report[0].first.statement.id == "wsj-calls"

    @pytest.mark.parametrize(
        ("when", "certainty"),
        [
            (TimeSpan.on(REPORT_DAY), "definite"),  # the very day: surely the same period
            (TimeSpan.sometime_in(2025, 5), "possible"),  # "in May": maybe not that day
            (TimeSpan.on(ANSWER_DAY), None),  # the next day: it says nothing of the report's
        ],
    )
    def test_the_rebuttals_period_decides(self, when: TimeSpan, certainty: str | None) -> None:
        """Overlap and certainty come from the rebuttal's own claim, not the target's period."""
        said = Statement("wsj-calls", "wsj", REPORT_DAY, [CALL])
        report = check(world(said, denial(Claim(*_call(), polarity="negated", when=when))))
        expected = [] if certainty is None else [("denial", certainty)]
        assert [(kind, sure) for kind, sure, _, _ in found(report)] == expected

    def test_scope_qualifiers_do_not_undo_the_denial(self) -> None:
        """'No *official* messages' still denies the claim it answers (the seed's Peskov)."""
        said = Statement("tweet", "trump", date(2019, 6, 3), [Claim("RUS", "informed", "USA")])
        no_official_message = Claim(
            "RUS",
            "informed",
            "USA",
            polarity="negated",
            qualifiers={"official"},
            when=TimeSpan.until(date(2019, 6, 4)),
        )
        answer = Rebuttal(
            "peskov-denial",
            "peskov",
            date(2019, 6, 4),
            [no_official_message],
            on_behalf_of="kremlin",
            targets=["tweet"],
            kind="denial",
        )
        assert found(check(world(said, answer))) == [
            ("denial", "definite", "tweet#0", "peskov-denial#0")
        ]

    def test_others_meet_only_the_rebuttals_own_claim(self) -> None:
        """A third statement of the target's proposition meets the own claim, as NEGATION."""
        echo = Statement("echo", "trump", REPORT_DAY, [Claim(*_call(), when=READOUT_DAY)])
        no_recent_call = Claim(*_call(), polarity="negated", when=RECENT)
        report = check(world(echo, report_of_calls(), denial(no_recent_call)))
        assert [c.statements for c in report] == [("wsj-calls", "peskov-denial")]

    def test_a_hedged_rebuttal_hedges_its_own_claim(self) -> None:
        """'As far as I know, there was no call': a POSSIBLE denial, whatever the periods."""
        said = Statement("wsj-calls", "wsj", REPORT_DAY, [CALL])
        own = Claim(*_call(), polarity="negated", when=REPORT_DAY)
        report = check(world(said, denial(own, modality=Modality.PROBABLE)))
        assert found(report) == [("denial", "possible", "wsj-calls#0", "peskov-denial#0")]

    def test_a_symmetric_proposition_matches_either_way_round(self) -> None:
        """'Trump did not call Putin' answers 'Putin called Trump': the call is symmetric."""
        said = Statement("wsj-calls", "wsj", REPORT_DAY, [CALL])
        own = Claim("trump", "had_phone_call_with", "putin", polarity="negated", when=RECENT)
        report = check(world(said, denial(own)))
        assert [(c.kind, c.second.ref) for c in report] == [(DENIAL, "peskov-denial#0")]

    def test_a_claim_about_something_else_keeps_the_implied_negation(self) -> None:
        """A correction saying what is true instead keeps the negation of its target."""
        said = Statement(
            "wsj-staff",
            "wsj",
            REPORT_DAY,
            [Claim("rostec", "has_personnel_in", "VEN", quantity=Quantity.parse("a few dozen"))],
        )
        correction = Rebuttal(
            "rostec-correction",
            "peskov",
            ANSWER_DAY,
            [Claim("rostec", "has_personnel_in", "VEN", quantity=Quantity.parse("about 1,000"))],
            targets=["wsj-staff"],
            kind=RebuttalKind.CORRECTION,
        )
        report = check(world(Actor.organization("rostec", "Rostec"), said, correction))
        assert ("denial", "wsj-staff#0", "rostec-correction#denies:wsj-staff#0") in [
            (kind, first, second) for kind, _, first, second in found(report)
        ]


# June 2019: Trump tweets that Russia told the United States it had removed most of its people
# from Venezuela; Russia says otherwise.
MONDAY, TUESDAY = date(2019, 6, 3), date(2019, 6, 4)
REMOVED_MOST = Claim(
    "RUS",
    "withdrew_personnel_from",
    "VEN",
    quantity=Quantity.parse("most"),
    when=TimeSpan.sometime_before(MONDAY),
)


def tweet(predicate: str = "informed", content: Claim = REMOVED_MOST, **kw: Any) -> Statement:
    """Trump: "Russia has informed us that they have removed most of their people"."""
    return Statement(
        "trump-tweet", "trump", MONDAY, [Claim("RUS", predicate, "USA", content=content, **kw)]
    )


def russia(ident: str, speaker: str, *claims: Claim, **kw: Any) -> Statement:
    """A statement by Russia's side (or anyone's) on Tuesday."""
    return Statement(ident, speaker, TUESDAY, list(claims), **kw)


NOT_WITHDRAWN = Claim(
    "RUS", "withdrew_personnel_from", "VEN", polarity="negated", when=TimeSpan.until(TUESDAY)
)


class TestAttribution:
    def test_what_a_side_is_said_to_have_said_against_its_own_words(self) -> None:
        """Russia's spokesman says no one was withdrawn: Trump's attribution is contradicted."""
        report = check(
            world(tweet(), russia("kremlin", "peskov", NOT_WITHDRAWN, on_behalf_of="kremlin"))
        )
        assert found(report) == [("attribution", "definite", "trump-tweet#0", "kremlin#0")]
        (finding,) = report
        assert finding.sides == ("USA", "RUS")
        assert "it attributes to Russia what Russia's own words contradict" in finding.reason

    def test_another_sides_denial_is_not_an_attribution(self) -> None:
        """The Wall Street Journal denying the withdrawal contradicts no one's attribution."""
        assert len(check(world(tweet(), russia("wsj", "wsj", NOT_WITHDRAWN)))) == 0

    def test_the_attributing_side_itself_does_not_count(self) -> None:
        """The United States saying nobody left is not Russia contradicting itself."""
        assert len(check(world(tweet(), russia("usa", "USA", NOT_WITHDRAWN)))) == 0

    @pytest.mark.parametrize(
        ("predicate", "polarity"),
        [
            ("requested", "affirmed"),  # "we asked Russia to withdraw": an action asked for
            ("promised", "affirmed"),  # "Russia promised to withdraw": an action offered
            ("sent_message_to", "affirmed"),  # a message *about* something asserts nothing
            ("informed", "negated"),  # "Russia did not tell us that...": nothing attributed
        ],
    )
    def test_only_affirmed_attributive_claims_attribute(
        self, predicate: str, polarity: str
    ) -> None:
        """Requests, promises, messages about, and denied tellings attribute no claim."""
        said = tweet(predicate, polarity=polarity)
        assert len(check(world(said, russia("kremlin", "peskov", NOT_WITHDRAWN)))) == 0

    def test_through_what_the_content_implies(self) -> None:
        """'Russia told us it deployed troops' against Russia's 'we have no personnel there'."""
        deployed = Claim("RUS", "deployed_personnel_to", "VEN", when=TimeSpan.on(MONDAY))
        no_one = Claim(
            "RUS", "has_personnel_in", "VEN", polarity="negated", when=TimeSpan.on(MONDAY)
        )
        (finding,) = check(world(tweet(content=deployed), russia("mfa", "RUS", no_one)))
        assert (finding.kind.value, finding.via) == (
            "attribution",
            ("deployed_personnel_to", "has_personnel_in"),
        )
        assert "'deployed personnel to' implies 'has personnel in'" in finding.reason

    def test_a_hedged_report_of_what_was_said_is_possible(self) -> None:
        """'Russia may have told us...': only a POSSIBLE attribution."""
        said = tweet(modality=Modality.POSSIBLE)
        assert [
            c.certainty.value for c in check(world(said, russia("mfa", "RUS", NOT_WITHDRAWN)))
        ] == ["possible"]

    def test_content_without_a_period_is_about_the_telling(self) -> None:
        """'Russia told us (on Monday) that none remain': about Monday, not Russia's Tuesday."""
        none_remain = Claim("RUS", "has_personnel_in", "VEN", polarity="negated")
        remain = Claim("RUS", "has_personnel_in", "VEN", qualifiers={"specialists"})
        said = tweet(content=none_remain)
        assert len(check(world(said, russia("peskov-tue", "RUS", remain)))) == 0
        monday = russia("peskov-mon", "RUS", Claim("RUS", "has_personnel_in", "VEN", when=MONDAY))
        assert [c.kind.value for c in check(world(said, monday))] == ["attribution"]

    def test_it_ranks_last_and_can_be_chosen(self) -> None:
        """ATTRIBUTION is the lowest rank, and ``rules`` keeps or drops it like any kind."""
        said = tweet()
        denial = russia("kremlin", "peskov", NOT_WITHDRAWN, on_behalf_of="kremlin")
        assert ATTRIBUTION.rank == max(rule.rank for rule in Rule)
        assert len(check(world(said, denial), rules={"attribution"})) == 1
        assert len(check(world(said, denial), rules={"negation", "entailed"})) == 0


# 15 March 2018: the leaders of France, Germany, the United Kingdom and the United States said
# jointly that it was highly likely Russia was responsible for the Salisbury attack; Russia denied
# any involvement.
QUAD = ["FRA", "DEU", "GBR", "USA"]
SALISBURY = Claim("RUS", "responsible_for", "salisbury-attack")


def quad_world(*statements: Statement) -> StatementSet:
    """The four governments, Russia, a White House spokeswoman, and ``statements``."""
    return StatementSet(
        [
            *(Actor.state(code) for code in [*QUAD, "RUS"]),
            Actor.person("sanders", "Sarah Sanders"),
            Affiliation("sanders", "USA", role="press secretary", speaks_for=True),
            *statements,
        ]
    )


JOINT = Statement(
    "quad-2018-03-15", QUAD, date(2018, 3, 15), [attrs.evolve(SALISBURY, modality="probable")]
)
RUSSIA_DENIES = Statement("mfa-2018-03-16", "RUS", date(2018, 3, 16), [SALISBURY.negated()])


class TestJointStatements:
    def test_each_signatorys_side_against_the_other(self) -> None:
        """One finding per pair of sides: France, Germany, the UK and the US each against Russia."""
        report = check(quad_world(JOINT, RUSSIA_DENIES))
        assert sorted(c.sides for c in report) == sorted((code, "RUS") for code in QUAD)
        assert {c.kind.value for c in report} == {"negation"}
        assert {c.certainty.value for c in report} == {"possible"}  # "highly likely"
        assert (
            "France, Germany, the United Kingdom and the United States said jointly"
            " on 15 March 2018" in report[0].reason
        )

    def test_between_finds_one_signatory(self) -> None:
        """``between("DEU", "RUS")`` holds Germany's finding alone."""
        (finding,) = check(quad_world(JOINT, RUSSIA_DENIES)).between("DEU", "RUS")
        assert finding.sides == ("DEU", "RUS")

    def test_a_signatory_contradicting_itself_later_is_internal(self) -> None:
        """The US later saying Russia was not responsible: internal for the US alone."""
        later = Statement("sanders", "sanders", date(2018, 3, 16), [SALISBURY.negated()])
        report = check(quad_world(JOINT, later))
        assert sorted((c.sides, c.internal) for c in report) == sorted(
            ((code, "USA"), code == "USA") for code in QUAD
        )

    def test_two_signatories_of_one_side_count_once(self) -> None:
        """Signed by the United States and its press secretary: one side, one finding."""
        joint = Statement("us-joint", ["USA", "sanders"], date(2018, 3, 15), [SALISBURY])
        report = check(quad_world(joint, RUSSIA_DENIES))
        assert [c.sides for c in report] == [("USA", "RUS")]

    def test_a_joint_statement_at_odds_with_itself(self) -> None:
        """Two claims of one joint statement that clash: each signatory contradicts itself."""
        joint = Statement(
            "muddled", ["FRA", "DEU"], date(2018, 3, 15), [SALISBURY, SALISBURY.negated()]
        )
        report = check(quad_world(joint))
        assert sorted((c.sides, c.internal) for c in report) == [
            (("DEU", "DEU"), True),
            (("FRA", "FRA"), True),
        ]


WITHDREW = Claim("RUS", "withdrew_personnel_from", "VEN", when=TimeSpan.sometime_before(MONDAY))


class TestDenyingNestedContent:
    def test_denying_what_was_reported(self) -> None:
        """Russia denies *that it withdrew*, not that it informed anyone: the content is denied."""
        denial = Rebuttal(
            "mfa",
            "RUS",
            TUESDAY,
            targets=[ClaimRef("trump-tweet", 0, content=True)],
            kind=RebuttalKind.DENIAL,
        )
        report = check(world(tweet(content=WITHDREW), denial))
        assert found(report) == [
            ("denial", "definite", "trump-tweet#0", "mfa#denies:trump-tweet#0.content")
        ]
        assert "; Russia denied on 4 June 2019 that Russia withdrew personnel" in report[0].reason

    def test_others_reporting_the_content_meet_the_denial(self) -> None:
        """The Journal's report of the withdrawal is a NEGATION of Russia's denial of it."""
        denial = Rebuttal(
            "mfa", "RUS", TUESDAY, targets=[ClaimRef("trump-tweet", 0, content=True)], kind="denial"
        )
        report_of_it = Statement("wsj", "wsj", MONDAY, [WITHDREW])
        report = check(world(tweet(content=WITHDREW), denial, report_of_it))
        assert ("negation", "wsj#0", "mfa#denies:trump-tweet#0.content") in [
            (kind, first, second) for kind, _, first, second in found(report)
        ]

    def test_the_informing_itself_is_not_denied(self) -> None:
        """A report that Russia informed the US (of something) is not what was denied."""
        denial = Rebuttal(
            "mfa", "RUS", TUESDAY, targets=[ClaimRef("trump-tweet", 0, content=True)], kind="denial"
        )
        informed = Statement("wsj", "wsj", MONDAY, [Claim("RUS", "informed", "USA")])
        report = check(world(tweet(content=WITHDREW), denial, informed))
        assert [c.statements for c in report] == [("trump-tweet", "mfa")]

    def test_the_rebuttals_own_words_about_the_content(self) -> None:
        """'We have not withdrawn anyone since May': the own claim is what is said of it."""
        since_may = Claim(
            "RUS",
            "withdrew_personnel_from",
            "VEN",
            polarity="negated",
            when=TimeSpan.between(date(2019, 5, 1), TUESDAY),
        )
        denial = Rebuttal(
            "mfa",
            "RUS",
            TUESDAY,
            [since_may],
            targets=[ClaimRef("trump-tweet", 0, content=True)],
            kind="denial",
        )
        report = check(world(tweet(content=WITHDREW), denial))
        # "Sometime before 3 June" may or may not fall in May: a POSSIBLE denial.
        assert found(report) == [("denial", "possible", "trump-tweet#0", "mfa#0")]
        assert "that Russia withdrew personnel" in report[0].reason
        assert "saying that" in report[0].reason


# 17 July 2014, MH17: investigators say a Buk of the 53rd anti-aircraft missile brigade crossed
# into Ukraine; Russia's defence ministry says no Russian air-defence system crossed the border.
MH17_DAY = date(2014, 7, 17)
JULY_2014 = TimeSpan.between(date(2014, 7, 1), date(2014, 7, 31))
AIR_DEFENCE = frozenset({"air-defence"})


def mh17_world(*items: Item, parts: tuple[PartOf, ...] | None = None) -> StatementSet:
    """Russia, Ukraine, the armed forces, the brigade (part of them), investigators, and items."""
    links = (
        (PartOf("53rd-brigade", "rus-forces"), PartOf("rus-forces", "RUS"))
        if parts is None
        else parts
    )
    return StatementSet(
        [
            Actor.state("RUS"),
            Actor.state("UKR"),
            Actor.organization("rus-forces", "Russian Armed Forces", kind="government"),
            Actor.organization("53rd-brigade", "53rd Anti-Aircraft Missile Brigade", kind="group"),
            Actor.organization("jit", "Joint Investigation Team"),
            *links,
            *items,
        ]
    )


BUK_CROSSED = Statement(
    "jit-2016",
    "jit",
    date(2016, 9, 28),
    [
        Claim(
            "53rd-brigade",
            "crossed_border_into",
            "UKR",
            qualifiers={*AIR_DEFENCE, "Buk"},
            when=MH17_DAY,
        )
    ],
)
NONE_CROSSED = Statement(
    "mod-2016",
    "RUS",
    date(2016, 9, 28),
    [
        Claim(
            "RUS",
            "crossed_border_into",
            "UKR",
            polarity="negated",
            qualifiers=AIR_DEFENCE,
            when=JULY_2014,
        )
    ],
)


class TestPartsAndWholes:
    def test_what_a_brigade_did_its_state_did(self) -> None:
        """The Buk crossing contradicts 'no Russian air-defence system crossed': ENTAILED."""
        (finding,) = check(mh17_world(BUK_CROSSED, NONE_CROSSED))
        assert (finding.kind.value, finding.certainty.value) == ("entailed", "definite")
        assert finding.via == (
            "crossed_border_into",
            "53rd-brigade part of rus-forces",
            "rus-forces part of RUS",
        )
        assert "said of 53rd Anti-Aircraft Missile Brigade, holds of Russia" in finding.reason

    def test_the_armed_forces_are_a_whole_too(self) -> None:
        """'The armed forces sent no air-defence system': one step up is enough."""
        forces = attrs.evolve(
            NONE_CROSSED,
            claims=[attrs.evolve(NONE_CROSSED.claims[0], subject="rus-forces")],
        )
        (finding,) = check(mh17_world(BUK_CROSSED, forces))
        assert finding.via == ("crossed_border_into", "53rd-brigade part of rus-forces")

    def test_through_what_the_claim_implies(self) -> None:
        """A brigade's fire on a target means its state attacked it ('fired_on' implies it)."""
        fired = Statement(
            "jit", "jit", MH17_DAY, [Claim("53rd-brigade", "fired_on", "mh17", when=MH17_DAY)]
        )
        denied = Statement(
            "mod",
            "RUS",
            MH17_DAY,
            [Claim("RUS", "attacked", "mh17", polarity="negated", when=MH17_DAY)],
        )
        (finding,) = check(mh17_world(fired, denied))
        assert finding.via == (
            "fired_on",
            "attacked",
            "53rd-brigade part of rus-forces",
            "rus-forces part of RUS",
        )

    def test_not_for_a_predicate_that_is_not_distributive(self) -> None:
        """A ministry's support is not its state's: 'supports' is not distributive."""
        backs = Statement("a", "jit", MH17_DAY, [Claim("53rd-brigade", "supports", "rebels")])
        opposes = Statement("b", "RUS", MH17_DAY, [Claim("RUS", "supports", "rebels").negated()])
        assert len(check(mh17_world(backs, opposes))) == 0

    def test_not_before_the_part_belonged(self) -> None:
        """A link that holds only since 2015 lifts nothing of 2014."""
        later = (
            PartOf("53rd-brigade", "rus-forces", span=TimeSpan.since(date(2015, 1, 1))),
            PartOf("rus-forces", "RUS"),
        )
        assert len(check(mh17_world(BUK_CROSSED, NONE_CROSSED, parts=later))) == 0

    def test_the_whole_says_nothing_of_its_parts(self) -> None:
        """Lifting runs upwards only: the state's crossing says nothing of the brigade."""
        state_crossed = Statement(
            "a", "jit", MH17_DAY, [Claim("RUS", "crossed_border_into", "UKR", when=MH17_DAY)]
        )
        brigade_did_not = Statement(
            "b",
            "RUS",
            MH17_DAY,
            [
                Claim(
                    "53rd-brigade", "crossed_border_into", "UKR", polarity="negated", when=MH17_DAY
                )
            ],
        )
        assert len(check(mh17_world(state_crossed, brigade_did_not))) == 0

    def test_without_entailment_nothing_is_lifted(self) -> None:
        """``rules`` without ENTAILED: the lift is an entailment, so it is not looked for."""
        report = check(mh17_world(BUK_CROSSED, NONE_CROSSED), rules={"negation"})
        assert len(report) == 0


class TestNamesAUserTypes:
    def test_a_misspelt_predicate_is_listed_with_close_names(self) -> None:
        """'responsibe_for' switches the rules off for its claims: the report says so."""
        blamed = Statement("a", "USA", MONDAY, [Claim("RUS", "responsibe_for", "the attack")])
        told = Statement(
            "b",
            "trump",
            MONDAY,
            [Claim("RUS", "informed", "USA", content=Claim("VEN", "winked_at", "RUS"))],
        )
        report = check(world(blamed, told))
        assert report.unknown_predicates == {
            "responsibe_for": ("responsible_for",),
            "winked_at": (),  # nested content counts; a plain predicate has no close name
        }
        assert report.definite().unknown_predicates == report.unknown_predicates

    def test_names_that_differ_by_case_or_spacing(self) -> None:
        """'The attack' and 'the  attack' are listed, each with the other; 'rus' with RUS."""
        said = Statement(
            "a",
            "USA",
            MONDAY,
            [
                Claim("RUS", "responsible_for", "The attack"),
                Claim("UKR", "responsible_for", "the  attack"),
                Claim("rus", "supports", "maduro"),
            ],
        )
        with pytest.warns(UserWarning, match="'rus' is not a known actor"):
            built = world(Actor.state("UKR"), said)
        report = check(built)
        assert report.similar_names == {
            "The attack": ("the  attack",),
            "the  attack": ("The attack",),
            "rus": ("RUS",),
        }

    def test_nothing_to_report_for_a_tidy_set(self) -> None:
        """A set whose names are all known has no notes."""
        report = check(world(tweet(), russia("kremlin", "peskov", NOT_WITHDRAWN)))
        assert (report.unknown_predicates, report.similar_names) == ({}, {})

    @pytest.mark.parametrize(
        ("one", "other"),
        [
            ("USA", "RUS"),  # ids
            ("United States", "Russia"),  # aliases
            ("United States of America", "Russian Federation"),  # display names
        ],
    )
    def test_between_takes_ids_aliases_and_display_names(self, one: str, other: str) -> None:
        """``between("United States", "Russia")`` finds what ``between("USA", "RUS")`` finds."""
        actors = (
            Actor.state("USA", aliases={"United States"}),
            Actor.state("RUS", aliases={"Russia"}),
        )
        named = [
            attrs.evolve(actor, name=name)
            for actor, name in zip(
                actors, ("United States of America", "Russian Federation"), strict=True
            )
        ]
        denial = russia("kremlin", "peskov", NOT_WITHDRAWN, on_behalf_of="kremlin")
        report = check(
            StatementSet(
                [
                    *named,
                    Actor.state("VEN"),
                    Actor.person("trump", "Donald Trump"),
                    Actor.person("peskov", "Dmitry Peskov"),
                    Actor("kremlin", "The Kremlin", ActorKind.GOVERNMENT),
                    Affiliation("peskov", "kremlin", speaks_for=True),
                    Affiliation("kremlin", "RUS", speaks_for=True),
                    Affiliation("trump", "USA", speaks_for=True),
                    tweet(),
                    denial,
                ]
            )
        )
        assert len(report) == 1
        assert report.between(one, other) == report.between("USA", "RUS") == report

    def test_unknown_names_are_refused_with_close_names(self) -> None:
        """A name the set does not know raises, suggesting the names it looks like."""
        report = check(world(tweet(), russia("kremlin", "peskov", NOT_WITHDRAWN)))
        with pytest.raises(UnknownReferenceError) as caught:
            report.between("Rusia", "USA")
        assert caught.value.path == "Report.between(a)"
        assert "Russia" in caught.value.suggestions
        with pytest.raises(UnknownReferenceError):
            report.involving("nobody")

    def test_involving_takes_entity_names_and_signatories(self) -> None:
        """An entity of a claim is a name the set knows; a cosigner is involved in its finding."""
        report = check(quad_world(JOINT, RUSSIA_DENIES))
        assert len(report.involving("salisbury-attack")) == 4
        assert len(report.involving("GBR")) == 4  # a cosigner: every finding of the statement
