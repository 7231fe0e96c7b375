"""The worked example: "The Kremlin denies a claim by the US president about Venezuela".

An article dated 2019-06-04 (Tuesday), reporting from Moscow, Berlin and Washington. Every
statement, claim and rebuttal in it is modelled here, with the source sentence beside it. Relative
dates ("on Monday", "in March") are resolved from the dateline with
:func:`~diplostatements.parse_when`, as an analyst would.

Choices worth knowing when reading the model:

- Peskov speaks for the Kremlin, which speaks for Russia; so his denial is Russia's.
- Rostec and Rosoboronexport are state companies: they do not speak for Russia (nobody says
  they do), so each is its own side.
- "U.S. officials" are anonymous: they do not commit the United States.
- Undated reports ("have charged", "reported") are taken as made earlier this year.
- Positions stated in the present tense ("Moscow refers to Maduro as the legitimate president",
  "whom the United States recognizes") are taken to hold on the dateline.
- The Wall Street Journal's report makes two claims (the staff once numbered about 1,000; it was
  cut to a few dozen); Rostec's denial targets the cut, which is what the report was about.
"""

from __future__ import annotations

from datetime import date

from ..actors import Actor, ActorKind, Affiliation
from ..claims import Claim, Modality
from ..collection import StatementSet
from ..quantities import Quantity
from ..rebuttals import ClaimRef, Rebuttal, RebuttalKind
from ..statements import Channel, QuoteKind, Relay, RelayKind, Source, SpeechAct, Statement
from ..timespans import TimeSpan, parse_when

DATELINE = date(2019, 6, 4)
"""The article's date."""

SOURCE = Source("washington-post", published=DATELINE)


def _when(phrase: str) -> TimeSpan:
    return parse_when(phrase, dateline=DATELINE)


def _actors() -> list[Actor]:
    return [
        Actor.state("USA", aliases={"United States", "U.S.", "Washington"}, wikidata="Q30"),
        Actor.state("RUS", aliases={"Russia", "Moscow"}, wikidata="Q159"),
        Actor.state("VEN", aliases={"Venezuela"}, wikidata="Q717"),
        Actor.person("trump", "Donald Trump", country="USA", wikidata="Q22686"),
        Actor.person("bolton", "John Bolton", country="USA"),
        Actor.person("pompeo", "Mike Pompeo", country="USA"),
        Actor.person("peskov", "Dmitry Peskov", country="RUS"),
        Actor.person("maduro", "Nicolás Maduro", country="VEN"),
        Actor.person("guaido", "Juan Guaidó", country="VEN"),
        Actor("kremlin", "the Kremlin", ActorKind.GOVERNMENT, country="RUS"),
        Actor("us-officials", "U.S. officials", ActorKind.GROUP, country="USA"),
        Actor("russian-officials", "Russian officials", ActorKind.GROUP, country="RUS"),
        Actor.organization(
            "national-assembly",
            "National Assembly of Venezuela",
            kind=ActorKind.GOVERNMENT,
            country="VEN",
        ),
        Actor.organization("rostec", "Rostec", kind=ActorKind.COMPANY, country="RUS"),
        Actor.organization(
            "rosoboronexport", "Rosoboronexport", kind=ActorKind.COMPANY, country="RUS"
        ),
        Actor.organization("rosoboronexport-press", "Rosoboronexport press service", country="RUS"),
        Actor.organization("wsj", "The Wall Street Journal", kind=ActorKind.MEDIA, country="USA"),
        Actor.organization("interfax", "Interfax", kind=ActorKind.MEDIA, country="RUS"),
        Actor.organization(
            "washington-post", "The Washington Post", kind=ActorKind.MEDIA, country="USA"
        ),
    ]


def _affiliations() -> list[Affiliation]:
    return [
        Affiliation("peskov", "kremlin", role="spokesman", speaks_for=True),
        Affiliation("kremlin", "RUS", role="presidential administration", speaks_for=True),
        Affiliation("russian-officials", "RUS", role="officials", speaks_for=True),
        Affiliation(
            "trump",
            "USA",
            role="president",
            span=TimeSpan.since(date(2017, 1, 20)),
            speaks_for=True,
        ),
        Affiliation(
            "bolton",
            "USA",
            role="national security adviser",
            span=TimeSpan.between(date(2018, 4, 9), date(2019, 9, 10)),
            speaks_for=True,
        ),
        Affiliation(
            "pompeo",
            "USA",
            role="secretary of state",
            span=TimeSpan.since(date(2018, 4, 26)),
            speaks_for=True,
        ),
        # Anonymous officials describe; they do not commit the state.
        Affiliation("us-officials", "USA", role="officials"),
        Affiliation("guaido", "national-assembly", role="leader", speaks_for=True),
        # Who leads Venezuela is what the sides dispute; the model records the article's title
        # for Maduro and lets the claims carry the dispute.
        Affiliation("maduro", "VEN", role="president"),
        # State companies: owned by the state, not speaking for it.
        Affiliation("rostec", "RUS", role="state corporation"),
        Affiliation("rosoboronexport", "rostec", role="subsidiary"),
        Affiliation(
            "rosoboronexport-press", "rosoboronexport", role="press service", speaks_for=True
        ),
    ]


def _statements() -> list[Statement]:
    monday, tuesday = _when("on Monday"), _when("on Tuesday")
    # Undated reports ("have charged", "reported", "in a statement") are read as made earlier
    # in the year of the dateline, the least an article in the present perfect implies.
    earlier = _when("earlier this year")
    now = TimeSpan.on(DATELINE)
    removed_most = Claim("RUS", "withdrew_personnel_from", "VEN", quantity=Quantity.parse("most"))
    return [
        Statement(
            "trump-2019-06-03",
            "trump",
            monday,
            [Claim("RUS", "informed", "USA", content=removed_most)],
            channel=Channel.TWEET,
            quote=QuoteKind.DIRECT,
            source=SOURCE,
            language="en",
            text="Russia has informed us that they have removed most of their people from"
            " Venezuela.",
        ),
        Rebuttal(
            "peskov-2019-06-04-denial",
            "peskov",
            tuesday,
            [
                Claim(
                    "RUS",
                    "informed",
                    "USA",
                    polarity="negated",
                    qualifiers={"official"},
                    when=TimeSpan.until(DATELINE),
                )
            ],
            on_behalf_of="kremlin",
            targets=[ClaimRef("trump-2019-06-03", 0)],
            kind=RebuttalKind.DENIAL,
            channel=Channel.PRESS_BRIEFING,
            quote=QuoteKind.DIRECT,
            source=SOURCE,
            language="ru",
            text="There have been no official messages in this regard from the Russian side nor"
            " could there be any.",
        ),
        Rebuttal(
            "peskov-2019-06-04-no-idea",
            "peskov",
            tuesday,
            on_behalf_of="kremlin",
            targets=["trump-2019-06-03"],
            kind=RebuttalKind.CHALLENGE,
            channel=Channel.PRESS_BRIEFING,
            quote=QuoteKind.INDIRECT,
            source=SOURCE,
            text="Peskov said he had no idea what Trump's tweet was referring to.",
        ),
        Rebuttal(
            "peskov-2019-06-04-specialists",
            "peskov",
            tuesday,
            [
                Claim("RUS", "has_personnel_in", "VEN", qualifiers={"specialists"}),
                Claim("RUS", "delivered_arms_to", "VEN", when=earlier),
                Claim(
                    "RUS",
                    "services_equipment_in",
                    "VEN",
                    qualifiers={"orderly"},
                ),
            ],
            on_behalf_of="kremlin",
            targets=[ClaimRef("trump-2019-06-03", 0)],
            kind=RebuttalKind.CHALLENGE,
            channel=Channel.PRESS_BRIEFING,
            quote=QuoteKind.DIRECT,
            source=SOURCE,
            language="ru",
            text="We don't know what 'removed most of their people' means [...] In fact, there"
            " are specialists there who service the hardware shipped to Venezuela earlier. This"
            " process is going in an orderly manner.",
        ),
        Statement(
            "peskov-2019-06-04-newspaper",
            "peskov",
            tuesday,
            [Claim("trump", "referred_to", "a newspaper report", modality=Modality.POSSIBLE)],
            on_behalf_of="kremlin",
            channel=Channel.PRESS_BRIEFING,
            quote=QuoteKind.INDIRECT,
            source=SOURCE,
            text="Peskov said Trump may have simply been referring to a newspaper report.",
        ),
        *(
            Statement(
                f"{who}-support-charge",
                who,
                earlier,
                [
                    Claim("RUS", "increased_support_for", "maduro", qualifiers={kind})
                    for kind in ("military", "diplomatic", "economic")
                ],
                act=SpeechAct.ACCUSE,
                quote=QuoteKind.PARAPHRASE,
                source=SOURCE,
                text="National security adviser John Bolton and Secretary of State Mike Pompeo"
                " have charged that Russia has boosted its military, diplomatic and economic"
                " support to Maduro in the face of U.S. efforts to oust him.",
            )
            for who in ("bolton", "pompeo")
        ),
        Statement(
            "post-backer",
            "washington-post",
            DATELINE,
            [
                Claim("RUS", "supports", "maduro"),
                Claim("USA", "seeks_ouster_of", "maduro"),
                Claim("VEN", "allied_with", "RUS"),
            ],
            channel=Channel.NEWS_REPORT,
            source=SOURCE,
            text="Moscow is a primary backer of Venezuelan President Nicolás Maduro. [...] in"
            " the face of U.S. efforts to oust him. [...] Venezuela, a key Russian ally in the"
            " Western Hemisphere.",
        ),
        Statement(
            "post-march-arrival",
            "washington-post",
            DATELINE,
            [
                Claim(
                    "RUS",
                    "deployed_personnel_to",
                    "VEN",
                    where="Caracas",
                    qualifiers={"military"},
                    quantity=Quantity.parse("about 100"),
                    when=_when("in March"),
                )
            ],
            channel=Channel.NEWS_REPORT,
            source=SOURCE,
            text="About 100 Russian military personnel arrived in Caracas aboard two military"
            " planes in March.",
        ),
        Statement(
            "us-officials-s300",
            "us-officials",
            earlier,
            [
                Claim(
                    "RUS",
                    "services_equipment_in",
                    "VEN",
                    qualifiers={"S-300"},
                    modality=Modality.PROBABLE,
                    when=_when("in March"),
                ),
                Claim(
                    "RUS",
                    "plans_withdrawal_from",
                    "VEN",
                    qualifiers={"military"},
                    modality=Modality.PROBABLE,
                    when=_when("in March"),
                ),
            ],
            quote=QuoteKind.INDIRECT,
            source=SOURCE,
            text="U.S. officials said they thought their purpose was to perform maintenance on"
            " the Russian S-300 air defense system, and that they would leave when it was"
            " completed.",
        ),
        Statement(
            "wsj-rostec-report",
            "wsj",
            earlier,
            [
                Claim(
                    "rostec",
                    "has_personnel_in",
                    "VEN",
                    qualifiers={"defense advisers"},
                    quantity=Quantity.parse("about 1,000"),
                    when=TimeSpan.sometime_before(DATELINE),
                ),
                Claim(
                    "rostec",
                    "reduced_personnel_in",
                    "VEN",
                    qualifiers={"defense advisers"},
                    quantity=Quantity.parse("a few dozen"),
                ),
            ],
            channel=Channel.NEWS_REPORT,
            quote=QuoteKind.PARAPHRASE,
            source=SOURCE,
            text="The Wall Street Journal reported that Russian defense conglomerate Rostec had"
            " cut its staff of defense advisers in Venezuela, once totaling about 1,000, to a"
            " few dozen.",
        ),
        Rebuttal(
            "rostec-denial",
            "rostec",
            earlier,
            targets=[ClaimRef("wsj-rostec-report", 1)],
            kind=RebuttalKind.DENIAL,
            channel=Channel.STATEMENT,
            quote=QuoteKind.PARAPHRASE,
            source=SOURCE,
            text="Rostec, in a statement, denied the report.",
        ),
        Statement(
            "russian-officials-stance",
            "russian-officials",
            earlier,
            [Claim("RUS", "changed_stance_on", "VEN", polarity="negated")],
            quote=QuoteKind.PARAPHRASE,
            source=SOURCE,
            text="Russian officials have insisted that the country's stance on Venezuela hasn't"
            " changed.",
        ),
        Statement(
            "moscow-maduro-legitimate",
            "Moscow",
            earlier,
            [
                Claim("maduro", "legitimate_president_of", "VEN", when=now),
                Claim("RUS", "recognizes", "maduro", when=now),
            ],
            act=SpeechAct.RECOGNIZE,
            quote=QuoteKind.PARAPHRASE,
            source=SOURCE,
            text="Moscow refers to Maduro as the legitimate president of the Venezuela.",
        ),
        Statement(
            "moscow-us-interference",
            "Moscow",
            earlier,
            [
                Claim("USA", "supports", "guaido", when=now),
                Claim("USA", "interferes_in", "VEN", qualifiers={"illegal"}, when=now),
            ],
            act=SpeechAct.ACCUSE,
            quote=QuoteKind.PARAPHRASE,
            source=SOURCE,
            text="It describes American support for Juan Guaidó, the leader of Venezuela's"
            " elected National Assembly [...], as illegal interfering in Venezuela's internal"
            " affairs.",
        ),
        Statement(
            "us-recognizes-guaido",
            "USA",
            earlier,
            [
                Claim("guaido", "legitimate_president_of", "VEN", qualifiers={"interim"}, when=now),
                Claim("USA", "recognizes", "guaido", qualifiers={"interim president"}, when=now),
            ],
            act=SpeechAct.RECOGNIZE,
            quote=QuoteKind.PARAPHRASE,
            source=SOURCE,
            text="[...] Juan Guaidó, the leader of Venezuela's elected National Assembly whom the"
            " United States recognizes as interim president [...]",
        ),
        Statement(
            "rosoboronexport-2019-06-03",
            "rosoboronexport",
            monday,
            [
                Claim(
                    "rosoboronexport",
                    "cooperates_with",
                    "VEN",
                    qualifiers={"military-technical"},
                ),
                Claim(
                    "rosoboronexport",
                    "intends_to_deepen_cooperation_with",
                    "VEN",
                    qualifiers={"military-technical"},
                ),
            ],
            channel=Channel.PRESS_RELEASE,
            quote=QuoteKind.DIRECT,
            source=SOURCE,
            language="ru",
            relays=[
                Relay("rosoboronexport-press", kind=RelayKind.PRESS_SERVICE, on=monday),
                Relay("interfax", kind=RelayKind.QUOTED),
            ],
            text="Rosoboronexport and other Russian entities engaged in military-technical"
            " cooperation with Venezuela are committed to deepening interaction with the Defense"
            " Ministry and other government agencies of Venezuela.",
        ),
    ]


def venezuela_2019() -> StatementSet:
    """The seed article, modelled: every actor, affiliation, statement and rebuttal in it.

    Returns:
        A new :class:`~diplostatements.StatementSet`; the checker finds exactly its three
        contradictions (Trump vs the Kremlin, the Wall Street Journal vs Rostec, Moscow vs
        Washington on who leads Venezuela).
    """
    return StatementSet([*_actors(), *_affiliations(), *_statements()])
