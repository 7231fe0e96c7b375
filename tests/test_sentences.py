"""Whole sentences on real cases: what a report says must read as a journalist would quote it.

Two cases: the bundled example (the Kremlin denies a tweet by the US president, 2019) and the
Skripal poisoning (2018): the British prime minister says it is "highly likely" that Russia is
responsible, Russia's foreign ministry dismisses it as "a circus show", the foreign minister denies
it, and two days later the prime minister says it without a hedge.
"""

from __future__ import annotations

from datetime import date

import pytest

from diplostatements import (
    Actor,
    Affiliation,
    Claim,
    Modality,
    Rebuttal,
    Report,
    Statement,
    StatementSet,
    examples,
)
from diplostatements._records import statement_set_records

SEED_REASONS = (
    # the headline finding first: definite, between sides, a denial, the newest
    "Donald Trump (the United States) said on 3 June 2019 that Russia informed the United States"
    " that Russia withdrew most of its personnel from Venezuela; Dmitry Peskov for the Kremlin"
    " (Russia) denied it on 4 June 2019, saying that Russia did not inform the United States"
    " [official] until 4 June 2019: \u201cThere have been no official messages in this regard"
    " from the Russian side nor could there be any.\u201d",
    "The Wall Street Journal said between 1 January and 3 June 2019 that Rostec reduced its"
    " personnel in Venezuela to a few dozen [defense advisers]; Rostec denied it between 1"
    " January and 3 June 2019.",
    "Russia said between 1 January and 3 June 2019 that Nicolás Maduro is the legitimate president"
    " of Venezuela on 4 June 2019, but the United States said between 1 January and 3 June 2019"
    " that Juan Guaidó is the legitimate president of Venezuela [interim] on 4 June 2019: only one"
    " can be the legitimate president of Venezuela at a time.",
)

SEED_DISPUTES = (
    "Dmitry Peskov for the Kremlin (Russia) challenged on 4 June 2019 what Donald Trump (the United"
    " States) said on 3 June 2019, that Russia informed the United States that Russia withdrew most"
    " of its personnel from Venezuela, as reported: \u201cPeskov said he had no idea what Trump's"
    " tweet was referring to.\u201d",
    "Dmitry Peskov for the Kremlin (Russia) challenged on 4 June 2019 what Donald Trump (the United"
    " States) said on 3 June 2019, that Russia informed the United States that Russia withdrew most"
    " of its personnel from Venezuela, saying \u201cWe don't know what 'removed most of their"
    " people' means [...] In fact, there are specialists there who service the hardware shipped"
    " to Venezuela earlier. This process is going in an orderly manner.\u201d",
)


def skripal() -> StatementSet:
    """The Skripal case, March 2018, as the statements were reported."""
    poisoning = "the Salisbury poisoning"
    return StatementSet(
        [
            Actor.state("GBR"),
            Actor.state("RUS"),
            Actor.person("may", "Theresa May"),
            Actor.person("lavrov", "Sergei Lavrov"),
            Actor.person("zakharova", "Maria Zakharova"),
            Actor.organization("mfa", "the Russian Foreign Ministry", kind="government"),
            Affiliation("may", "GBR", role="prime minister", speaks_for=True),
            Affiliation("lavrov", "mfa", role="foreign minister", speaks_for=True),
            Affiliation("zakharova", "mfa", role="spokeswoman", speaks_for=True),
            Affiliation("mfa", "RUS", speaks_for=True),
            Statement(
                "may-2018-03-12",
                "may",
                date(2018, 3, 12),
                [
                    Claim(
                        "RUS",
                        "responsible_for",
                        poisoning,
                        modality=Modality.from_hedge("highly likely"),
                    )
                ],
                channel="speech",
                quote="paraphrase",
            ),
            Rebuttal(
                "zakharova-2018-03-12",
                "zakharova",
                date(2018, 3, 12),
                targets=["may-2018-03-12"],
                kind="dismissal",
                quote="direct",
                text="It is a circus show in the British parliament.",
            ),
            Rebuttal(
                "lavrov-2018-03-13",
                "lavrov",
                date(2018, 3, 13),
                targets=["may-2018-03-12"],
                kind="denial",
                quote="direct",
                text="Russia is not guilty.",
            ),
            Statement(
                "may-2018-03-14",
                "may",
                date(2018, 3, 14),
                [Claim("RUS", "responsible_for", poisoning)],
                channel="speech",
                quote="direct",
                text="There is no alternative conclusion other than that the Russian State was"
                " culpable for the attempted murder of Mr Skripal and his daughter.",
            ),
        ]
    )


SKRIPAL_REASONS = (
    # definite first: the unhedged accusation against each implied negation, newest first
    "Maria Zakharova (Russia) dismissed on 12 March 2018 the claim that Russia is responsible for"
    " the Salisbury poisoning, but Theresa May (the United Kingdom) said on 14 March 2018 that"
    " Russia is responsible for the Salisbury poisoning: the one denies what the other affirms.",
    "Sergei Lavrov (Russia) denied on 13 March 2018 that Russia is responsible for the Salisbury"
    " poisoning, but Theresa May (the United Kingdom) said on 14 March 2018 that Russia is"
    " responsible for the Salisbury poisoning: the one denies what the other affirms.",
    # then the hedged accusation against each rebuttal: a denial and a dismissal, each quoted
    "Theresa May (the United Kingdom) said on 12 March 2018 that Russia is probably responsible for"
    " the Salisbury poisoning; Sergei Lavrov (Russia) denied it on 13 March 2018, saying"
    " \u201cRussia is not guilty.\u201d Possible, not definite: a claim is hedged.",
    "Theresa May (the United Kingdom) said on 12 March 2018 that Russia is probably responsible for"
    " the Salisbury poisoning; Maria Zakharova (Russia) dismissed it on 12 March 2018, saying"
    " \u201cIt is a circus show in the British parliament.\u201d Possible, not definite: a claim"
    " is hedged.",
)


@pytest.fixture(scope="module")
def seed() -> Report:
    """The bundled example's report."""
    return examples.venezuela_2019().check()


class TestSeed:
    def test_reasons(self, seed: Report) -> None:
        """Each finding is one sentence, in the order of what matters."""
        assert tuple(c.reason for c in seed) == SEED_REASONS

    def test_a_contradiction_prints_as_its_sentence(self, seed: Report) -> None:
        """str() of a contradiction is its sentence."""
        assert [str(c) for c in seed] == list(SEED_REASONS)

    def test_two_challenges_of_one_claim_say_what_differs(self, seed: Report) -> None:
        """Two disputes of the same claim on the same day read apart: each quotes its words."""
        assert tuple(d.reason for d in seed.disputes) == SEED_DISPUTES
        assert len(set(SEED_DISPUTES)) == 2

    def test_records_read_as_sentences(self) -> None:
        """A record's claim reads with the vocabulary's phrases, not the predicate's name."""
        rows = statement_set_records(examples.venezuela_2019())
        claims = {(row["statement"], row["claim_index"]): row["claim"] for row in rows}
        assert claims[("moscow-maduro-legitimate", 0)] == (
            "Nicolás Maduro is the legitimate president of Venezuela on 4 June 2019"
        )
        assert claims[("peskov-2019-06-04-denial", 0)] == (
            "Russia did not inform the United States [official] until 4 June 2019"
        )
        assert claims[("peskov-2019-06-04-newspaper", 0)] == (
            "Donald Trump possibly referred to a newspaper report"
        )
        assert claims[("post-march-arrival", 0)] == (
            "Russia deployed about 100 personnel to Venezuela in Caracas [military] in March 2019"
        )


class TestSkripal:
    def test_reasons(self) -> None:
        """A hedged attribution, a dismissal, a denial and an unhedged attribution, in words."""
        assert tuple(c.reason for c in skripal().check()) == SKRIPAL_REASONS

    def test_a_timeless_claim_has_no_period(self) -> None:
        """Who is responsible for a past attack holds at all times: no period is written."""
        report = skripal().check()
        assert all(" always" not in c.reason and "all time" not in c.reason for c in report)

    def test_a_hedged_denial_says_so(self) -> None:
        """A denial made "as far as I know" is hedged in words; the denied claim is not."""
        items = [s for s in skripal() if s.id != "lavrov-2018-03-13"]
        hedged = Rebuttal(
            "lavrov-2018-03-15",
            "lavrov",
            date(2018, 3, 15),
            targets=["may-2018-03-14"],
            kind="denial",
            modality=Modality.from_hedge("as far as I know"),
        )
        base = skripal()
        report = StatementSet([*base.actors.values(), *base.affiliations, *items, hedged]).check()
        reasons = {c.statements: c.reason for c in report}
        assert reasons[("may-2018-03-14", "lavrov-2018-03-15")] == (
            "Theresa May (the United Kingdom) said on 14 March 2018 that Russia is responsible for"
            " the Salisbury poisoning; Sergei Lavrov (Russia) denied it, hedged as probable, on 15"
            " March 2018. Possible, not definite: the denial is hedged."
        )
        assert reasons[("may-2018-03-12", "lavrov-2018-03-15")] == (
            "Theresa May (the United Kingdom) said on 12 March 2018 that Russia is probably"
            " responsible for the Salisbury poisoning, but Sergei Lavrov (Russia) denied on 15"
            " March 2018 that Russia is responsible for the Salisbury poisoning, hedged as"
            " probable: the one denies what the other affirms. Possible, not definite: both are"
            " hedged."
        )
