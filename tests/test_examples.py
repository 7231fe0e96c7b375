"""The seed article, modelled: every item issue 2 lists, each looked up in venezuela_2019()."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from diplostatements import (
    ActorKind,
    Affiliation,
    Channel,
    Claim,
    ClaimRef,
    Modality,
    Polarity,
    Quantity,
    QuoteKind,
    Rebuttal,
    RebuttalKind,
    Relay,
    RelayKind,
    SpeechAct,
    Statement,
    StatementSet,
    TimeSpan,
    examples,
)
from diplostatements.examples import EXAMPLES, venezuela_2019

SEED = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "seed"
    / "kremlin-denies-trump-venezuela-2019-06-04.txt"
)
MONDAY = date(2019, 6, 3)
TUESDAY = date(2019, 6, 4)
EARLIER_THIS_YEAR = TimeSpan.sometime_between(date(2019, 1, 1), date(2019, 6, 3))

STATEMENT_IDS = {
    "trump-2019-06-03",
    "peskov-2019-06-04-denial",
    "peskov-2019-06-04-no-idea",
    "peskov-2019-06-04-specialists",
    "peskov-2019-06-04-newspaper",
    "bolton-support-charge",
    "pompeo-support-charge",
    "post-backer",
    "post-march-arrival",
    "us-officials-s300",
    "wsj-rostec-report",
    "rostec-denial",
    "russian-officials-stance",
    "moscow-maduro-legitimate",
    "moscow-us-interference",
    "us-recognizes-guaido",
    "rosoboronexport-2019-06-03",
}


@pytest.fixture(scope="module")
def seed() -> StatementSet:
    return venezuela_2019()


def statement(seed: StatementSet, ident: str) -> Statement:
    return seed.statements[ident]


def rebuttal(seed: StatementSet, ident: str) -> Rebuttal:
    found = seed.statements[ident]
    assert isinstance(found, Rebuttal)
    return found


def normal(text: str) -> str:
    """Text with typographic quotes made plain, composed accents and single spaces."""
    text = unicodedata.normalize("NFC", text)
    for fancy, plain in (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(fancy, plain)
    return re.sub(r"\s+", " ", text)


class TestBundle:
    def test_registry(self) -> None:
        """The example is registered under the name the command line uses."""
        assert dict(EXAMPLES) == {"venezuela-2019": venezuela_2019}
        assert examples.venezuela_2019 is venezuela_2019

    def test_fresh_set_each_call(self) -> None:
        """Each call builds a new, equal set, so a notebook may change its copy freely."""
        first, second = venezuela_2019(), venezuela_2019()
        assert first is not second
        assert first == second
        first.add(Statement("mine", "peskov", TUESDAY))
        assert "mine" not in second

    def test_every_statement(self, seed: StatementSet) -> None:
        """The set holds exactly the statements of the article, all with their source sentence."""
        assert set(seed.statements) == STATEMENT_IDS
        assert all(st.text for st in seed)
        assert all(
            st.source is not None and st.source.publisher == "washington-post" for st in seed
        )


class TestActors:
    # (id, kind, name)
    ACTORS = (
        # states, with their metonyms as aliases
        ("USA", ActorKind.STATE, "United States"),
        ("RUS", ActorKind.STATE, "Russia"),
        ("VEN", ActorKind.STATE, "Venezuela"),
        # people
        ("trump", ActorKind.PERSON, "Donald Trump"),
        ("bolton", ActorKind.PERSON, "John Bolton"),
        ("pompeo", ActorKind.PERSON, "Mike Pompeo"),
        ("peskov", ActorKind.PERSON, "Dmitry Peskov"),
        ("maduro", ActorKind.PERSON, "Nicolás Maduro"),
        ("guaido", ActorKind.PERSON, "Juan Guaidó"),
        # bodies of government and unnamed groups of officials
        ("kremlin", ActorKind.GOVERNMENT, "the Kremlin"),
        ("national-assembly", ActorKind.GOVERNMENT, "National Assembly of Venezuela"),
        ("us-officials", ActorKind.GROUP, "U.S. officials"),
        ("russian-officials", ActorKind.GROUP, "Russian officials"),
        # state companies and the press service
        ("rostec", ActorKind.COMPANY, "Rostec"),
        ("rosoboronexport", ActorKind.COMPANY, "Rosoboronexport"),
        ("rosoboronexport-press", ActorKind.ORGANIZATION, "Rosoboronexport press service"),
        # media
        ("wsj", ActorKind.MEDIA, "The Wall Street Journal"),
        ("interfax", ActorKind.MEDIA, "Interfax"),
        ("washington-post", ActorKind.MEDIA, "The Washington Post"),
    )

    @pytest.mark.parametrize(("ident", "kind", "name"), ACTORS)
    def test_actor(self, seed: StatementSet, ident: str, kind: ActorKind, name: str) -> None:
        """Each actor of the article is there, with its kind and name."""
        actor = seed.actors[ident]
        assert (actor.kind, actor.name) == (kind, name)

    def test_no_other_actors(self, seed: StatementSet) -> None:
        """The table above is every actor of the set."""
        assert set(seed.actors) == {ident for ident, _, _ in self.ACTORS}

    # (alias used in the article, actor id)
    ALIASES = (("Moscow", "RUS"), ("Russia", "RUS"), ("Washington", "USA"), ("U.S.", "USA"))

    @pytest.mark.parametrize(("alias", "ident"), ALIASES)
    def test_aliases(self, seed: StatementSet, alias: str, ident: str) -> None:
        """The article's metonyms name the states."""
        assert seed.actor(alias).id == ident


class TestAffiliations:
    # (member, organization, role, speaks for it)
    AFFILIATIONS = (
        # the Kremlin's spokesman speaks for it, and it for Russia
        ("peskov", "kremlin", "spokesman", True),
        ("kremlin", "RUS", "presidential administration", True),
        ("russian-officials", "RUS", "officials", True),
        # US office holders speak for the United States; anonymous officials do not
        ("trump", "USA", "president", True),
        ("bolton", "USA", "national security adviser", True),
        ("pompeo", "USA", "secretary of state", True),
        ("us-officials", "USA", "officials", False),
        ("guaido", "national-assembly", "leader", True),
        ("maduro", "VEN", "president", False),
        # state companies belong to the state without speaking for it
        ("rostec", "RUS", "state corporation", False),
        ("rosoboronexport", "rostec", "subsidiary", False),
        ("rosoboronexport-press", "rosoboronexport", "press service", True),
    )

    @pytest.mark.parametrize(("member", "organization", "role", "speaks_for"), AFFILIATIONS)
    def test_affiliation(
        self, seed: StatementSet, member: str, organization: str, role: str, speaks_for: bool
    ) -> None:
        """Each affiliation is there, speaking for its organization or not, as modelled."""
        found = [
            a for a in seed.affiliations if (a.member, a.organization) == (member, organization)
        ]
        assert len(found) == 1
        assert (found[0].role, found[0].speaks_for) == (role, speaks_for)

    def test_no_other_affiliations(self, seed: StatementSet) -> None:
        """The table above is every affiliation of the set."""
        assert len(seed.affiliations) == len(self.AFFILIATIONS)

    def test_bolton_tenure(self, seed: StatementSet) -> None:
        """Bolton speaks for the United States while in office, for himself after."""
        (bolton,) = [a for a in seed.affiliations if a.member == "bolton"]
        assert bolton.span == TimeSpan.between(date(2018, 4, 9), date(2019, 9, 10))
        assert seed.side_of("bolton", TUESDAY) == "USA"
        assert seed.side_of("bolton", date(2019, 9, 11)) == "bolton"

    # (actor, its side on the dateline)
    SIDES = (
        ("peskov", "RUS"),
        ("kremlin", "RUS"),
        ("trump", "USA"),
        ("us-officials", "us-officials"),
        ("rostec", "rostec"),
        ("rosoboronexport", "rosoboronexport"),
        ("rosoboronexport-press", "rosoboronexport"),
        ("wsj", "wsj"),
    )

    @pytest.mark.parametrize(("ident", "side"), SIDES)
    def test_sides(self, seed: StatementSet, ident: str, side: str) -> None:
        """Sides follow speaks-for affiliations only: a state company is its own side."""
        assert seed.side_of(ident, TUESDAY) == side


class TestTrumpTweet:
    def test_when_and_how(self, seed: StatementSet) -> None:
        """Trump tweeted on Monday, 2019-06-03 (the day before the dateline), in his own words."""
        tweet = statement(seed, "trump-2019-06-03")
        assert tweet.said_on == TimeSpan.on(MONDAY)
        assert MONDAY.weekday() == 0
        assert (tweet.speaker, tweet.channel, tweet.quote, tweet.act) == (
            "trump",
            Channel.TWEET,
            QuoteKind.DIRECT,
            SpeechAct.ASSERT,
        )
        assert tweet.language == "en"
        assert seed.side_of_statement(tweet) == "USA"

    def test_claims(self, seed: StatementSet) -> None:
        """Russia informed the US; what it conveyed, the withdrawal of most people, is content."""
        (informed,) = statement(seed, "trump-2019-06-03").claims
        assert (informed.subject, informed.predicate, informed.object) == ("RUS", "informed", "USA")
        assert informed.polarity is Polarity.AFFIRMED
        assert informed.content == Claim(
            "RUS", "withdrew_personnel_from", "VEN", quantity=Quantity.parse("most")
        )

    def test_withdrawal_is_not_asserted(self, seed: StatementSet) -> None:
        """The withdrawal is attributed to Russia, not asserted by Trump."""
        tweet_claims = [a.claim for a in seed.assertions() if a.statement.id == "trump-2019-06-03"]
        assert [c.predicate for c in tweet_claims] == ["informed"]


class TestPeskov:
    PESKOV_IDS = (
        "peskov-2019-06-04-denial",
        "peskov-2019-06-04-no-idea",
        "peskov-2019-06-04-specialists",
        "peskov-2019-06-04-newspaper",
    )

    @pytest.mark.parametrize("ident", PESKOV_IDS)
    def test_for_the_kremlin_on_tuesday(self, seed: StatementSet, ident: str) -> None:
        """Peskov spoke on Tuesday 2019-06-04 to reporters, for the Kremlin: Russia's side."""
        words = statement(seed, ident)
        assert words.said_on == TimeSpan.on(TUESDAY)
        assert TUESDAY.weekday() == 1
        assert (words.speaker, words.on_behalf_of, words.channel) == (
            "peskov",
            "kremlin",
            Channel.PRESS_BRIEFING,
        )
        assert seed.side_of_statement(words) == "RUS"

    def test_denial(self, seed: StatementSet) -> None:
        """'No official messages' denies the tweet's first claim, quoted directly."""
        denial = rebuttal(seed, "peskov-2019-06-04-denial")
        assert denial.kind is RebuttalKind.DENIAL
        assert denial.kind.contradicts
        assert denial.act is SpeechAct.DENY
        assert denial.modality is Modality.CERTAIN
        assert denial.targets == (ClaimRef("trump-2019-06-03", 0),)
        assert denial.quote is QuoteKind.DIRECT
        (claim,) = denial.claims
        assert (claim.subject, claim.predicate, claim.object) == ("RUS", "informed", "USA")
        assert claim.polarity is Polarity.NEGATED
        assert claim.qualifiers == {"official"}
        assert claim.when == TimeSpan.until(TUESDAY)

    def test_challenges(self, seed: StatementSet) -> None:
        """'No idea what it refers to' and 'we don't know what it means' challenge the tweet."""
        no_idea = rebuttal(seed, "peskov-2019-06-04-no-idea")
        assert (no_idea.kind, no_idea.targets, no_idea.quote) == (
            RebuttalKind.CHALLENGE,
            ("trump-2019-06-03",),
            QuoteKind.INDIRECT,
        )
        specialists = rebuttal(seed, "peskov-2019-06-04-specialists")
        assert specialists.kind is RebuttalKind.CHALLENGE
        assert not specialists.kind.contradicts
        assert specialists.targets == (ClaimRef("trump-2019-06-03", 0),)
        assert specialists.quote is QuoteKind.DIRECT

    def test_specialists_remain(self, seed: StatementSet) -> None:
        """Specialists remain who service hardware shipped earlier; the process is orderly."""
        remain, shipped, service = statement(seed, "peskov-2019-06-04-specialists").claims
        assert remain == Claim("RUS", "has_personnel_in", "VEN", qualifiers={"specialists"})
        assert (shipped.predicate, shipped.when) == ("delivered_arms_to", EARLIER_THIS_YEAR)
        assert (service.predicate, service.qualifiers) == (
            "services_equipment_in",
            frozenset({"orderly"}),
        )

    def test_newspaper(self, seed: StatementSet) -> None:
        """Trump may have been referring to a newspaper report: a POSSIBLE claim, indirect."""
        words = statement(seed, "peskov-2019-06-04-newspaper")
        assert words.quote is QuoteKind.INDIRECT
        assert words.claims == (
            Claim("trump", "referred_to", "a newspaper report", modality=Modality.POSSIBLE),
        )

    def test_rebuttals_of_the_tweet(self, seed: StatementSet) -> None:
        """The tweet has Peskov's denial and his two challenges against it, and nothing else."""
        assert {r.id for r in seed.rebuttals_of("trump-2019-06-03")} == {
            "peskov-2019-06-04-denial",
            "peskov-2019-06-04-no-idea",
            "peskov-2019-06-04-specialists",
        }


class TestUnitedStates:
    @pytest.mark.parametrize("who", ["bolton", "pompeo"])
    def test_support_charge(self, seed: StatementSet, who: str) -> None:
        """Bolton and Pompeo each charged that Russia boosted three kinds of support to Maduro."""
        charge = statement(seed, f"{who}-support-charge")
        assert (charge.speaker, charge.act, charge.quote) == (
            who,
            SpeechAct.ACCUSE,
            QuoteKind.PARAPHRASE,
        )
        assert charge.said_on == EARLIER_THIS_YEAR
        assert {(c.subject, c.predicate, c.object) for c in charge.claims} == {
            ("RUS", "increased_support_for", "maduro")
        }
        assert {q for c in charge.claims for q in c.qualifiers} == {
            "military",
            "diplomatic",
            "economic",
        }
        assert seed.side_of_statement(charge) == "USA"

    def test_march_arrival(self, seed: StatementSet) -> None:
        """About 100 military personnel arrived in Caracas in March: month precision, not a day."""
        (arrival,) = statement(seed, "post-march-arrival").claims
        assert (arrival.subject, arrival.predicate, arrival.object, arrival.where) == (
            "RUS",
            "deployed_personnel_to",
            "VEN",
            "Caracas",
        )
        assert arrival.quantity == Quantity.parse("about 100")
        assert arrival.qualifiers == {"military"}
        assert arrival.when == TimeSpan.sometime_in(2019, 3)
        assert arrival.when is not None
        assert (arrival.when.start_earliest, arrival.when.end_latest) == (
            date(2019, 3, 1),
            date(2019, 3, 31),
        )

    def test_officials_account(self, seed: StatementSet) -> None:
        """U.S. officials thought the purpose was S-300 maintenance and that they would leave."""
        account = statement(seed, "us-officials-s300")
        assert (account.speaker, account.quote) == ("us-officials", QuoteKind.INDIRECT)
        maintenance, leave = account.claims
        assert (maintenance.predicate, maintenance.qualifiers) == (
            "services_equipment_in",
            frozenset({"S-300"}),
        )
        assert leave.predicate == "plans_withdrawal_from"
        assert {maintenance.modality, leave.modality} == {Modality.PROBABLE}
        assert seed.side_of_statement(account) == "us-officials"  # anonymous: not the state

    def test_recognition_of_guaido(self, seed: StatementSet) -> None:
        """The United States recognizes Guaidó as interim president."""
        recognition = statement(seed, "us-recognizes-guaido")
        assert (recognition.speaker, recognition.act) == ("USA", SpeechAct.RECOGNIZE)
        legitimate, recognizes = recognition.claims
        assert (legitimate.subject, legitimate.predicate, legitimate.object) == (
            "guaido",
            "legitimate_president_of",
            "VEN",
        )
        assert legitimate.qualifiers == {"interim"}
        assert (recognizes.subject, recognizes.predicate, recognizes.object) == (
            "USA",
            "recognizes",
            "guaido",
        )


class TestRostecAndTheJournal:
    def test_report(self, seed: StatementSet) -> None:
        """The Journal reported Rostec's staff cut from about 1,000 to a few dozen."""
        report = statement(seed, "wsj-rostec-report")
        assert (report.speaker, report.channel) == ("wsj", Channel.NEWS_REPORT)
        once, now = report.claims
        assert (once.subject, once.predicate, once.quantity) == (
            "rostec",
            "has_personnel_in",
            Quantity.parse("about 1,000"),
        )
        assert once.when == TimeSpan.sometime_before(TUESDAY)
        assert (now.subject, now.predicate, now.quantity) == (
            "rostec",
            "reduced_personnel_in",
            Quantity.parse("a few dozen"),
        )

    def test_denial(self, seed: StatementSet) -> None:
        """Rostec, in a statement, denied the report's cut; Rostec is its own side."""
        denial = rebuttal(seed, "rostec-denial")
        assert (denial.kind, denial.channel) == (RebuttalKind.DENIAL, Channel.STATEMENT)
        assert denial.targets == (ClaimRef("wsj-rostec-report", 1),)
        assert seed.side_of_statement(denial) == "rostec"
        assert seed.rebuttals_of("wsj-rostec-report") == (denial,)


class TestRussianPositions:
    def test_stance_unchanged(self, seed: StatementSet) -> None:
        """Russian officials insisted the stance on Venezuela hasn't changed: Russia's side."""
        stance = statement(seed, "russian-officials-stance")
        assert stance.claims == (Claim("RUS", "changed_stance_on", "VEN", polarity="negated"),)
        assert seed.side_of_statement(stance) == "RUS"

    def test_maduro_legitimate(self, seed: StatementSet) -> None:
        """Moscow (stored as RUS) calls Maduro the legitimate president, on the dateline."""
        position = statement(seed, "moscow-maduro-legitimate")
        assert (position.speaker, position.act) == ("RUS", SpeechAct.RECOGNIZE)
        assert position.claims[0] == Claim(
            "maduro", "legitimate_president_of", "VEN", when=TimeSpan.on(TUESDAY)
        )

    def test_us_interference(self, seed: StatementSet) -> None:
        """Moscow calls American support for Guaidó illegal interference."""
        position = statement(seed, "moscow-us-interference")
        assert (position.speaker, position.act) == ("RUS", SpeechAct.ACCUSE)
        support, interference = position.claims
        assert (support.subject, support.predicate, support.object) == ("USA", "supports", "guaido")
        assert (interference.predicate, interference.qualifiers) == (
            "interferes_in",
            frozenset({"illegal"}),
        )

    def test_backer(self, seed: StatementSet) -> None:
        """The Post's own reporting: Moscow backs Maduro, the US seeks his ouster."""
        backer = statement(seed, "post-backer")
        assert backer.channel is Channel.NEWS_REPORT
        assert Claim("RUS", "supports", "maduro") in backer.claims
        assert Claim("USA", "seeks_ouster_of", "maduro") in backer.claims


class TestRosoboronexport:
    def test_relayed_by_press_service_then_interfax(self, seed: StatementSet) -> None:
        """The company's words reached the Post through its press service, then Interfax."""
        words = statement(seed, "rosoboronexport-2019-06-03")
        assert words.relays == (
            Relay("rosoboronexport-press", kind=RelayKind.PRESS_SERVICE, on=MONDAY),
            Relay("interfax", kind=RelayKind.QUOTED),
        )
        assert (words.said_on, words.channel, words.quote) == (
            TimeSpan.on(MONDAY),
            Channel.PRESS_RELEASE,
            QuoteKind.DIRECT,
        )

    def test_plan_to_deepen_cooperation(self, seed: StatementSet) -> None:
        """Rosoboronexport plans to deepen military-technical cooperation with Venezuela."""
        words = statement(seed, "rosoboronexport-2019-06-03")
        assert (
            Claim(
                "rosoboronexport",
                "intends_to_deepen_cooperation_with",
                "VEN",
                qualifiers={"military-technical"},
            )
            in words.claims
        )
        assert seed.side_of_statement(words) == "rosoboronexport"


@pytest.fixture(scope="module")
def article() -> str:
    if not SEED.is_file():
        pytest.skip(f"the seed article is not at {SEED} (it lives beside the repository)")
    return normal(SEED.read_text(encoding="utf-8"))


class TestSourceText:
    @pytest.mark.parametrize("ident", sorted(STATEMENT_IDS))
    def test_text_is_from_the_article(self, article: str, ident: str) -> None:
        """Each fragment of a statement's text (split on "[...]") is in the article verbatim."""
        text = venezuela_2019().statements[ident].text
        assert text is not None
        fragments = [part.strip() for part in normal(text).split("[...]")]
        assert any(fragments)
        for fragment in filter(None, fragments):
            # A quotation's last stop may be a comma before "he said" in the article.
            assert fragment.rstrip(".,") in article, fragment

    def test_tweet_text(self) -> None:
        """The tweet's text is Trump's sentence, whole."""
        assert venezuela_2019().statements["trump-2019-06-03"].text == (
            "Russia has informed us that they have removed most of their people from Venezuela."
        )


class TestOrder:
    def test_timeline(self, seed: StatementSet) -> None:
        """The timeline runs from the undated earlier reports to Tuesday, by time then by id."""
        timeline = seed.timeline()
        assert [st.said_on for st in timeline] == sorted(st.said_on for st in timeline)
        assert timeline[-1].said_on == TimeSpan.on(TUESDAY)
        ids = [st.id for st in timeline]
        assert ids.index("trump-2019-06-03") < ids.index("peskov-2019-06-04-denial")

    def test_affiliation_objects(self, seed: StatementSet) -> None:
        """Affiliations are values: the spokesman's is found by equality."""
        assert Affiliation("peskov", "kremlin", role="spokesman", speaks_for=True) in seed
