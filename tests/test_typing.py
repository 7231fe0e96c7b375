"""A user's script: part of the seed article built by hand from the package root only.

``mypy --strict src tests`` type-checks this file as a user's own code would be checked, so it
imports nothing but public names from ``diplostatements`` (and the standard library), annotates
everything, and never needs a cast or a ``type: ignore``. A test checks that what the script
builds is what the bundled example holds; the last runs mypy on lines a user might write, and
checks that it refuses exactly the mistaken ones.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from mypy import api as mypy_api

from diplostatements import (
    Actor,
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
    Source,
    SpeechAct,
    Statement,
    StatementSet,
    TimeSpan,
    examples,
    parse_when,
)

DATELINE: date = date(2019, 6, 4)
POST: Source = Source("washington-post", published=DATELINE)


def when(phrase: str) -> TimeSpan:
    """A news phrase read against the article's dateline."""
    return parse_when(phrase, dateline=DATELINE)


def actors() -> list[Actor]:
    """The states, people and organisations of the article."""
    return [
        Actor.state("USA", aliases={"United States", "U.S.", "Washington"}, wikidata="Q30"),
        Actor.state("RUS", aliases=["Russia", "Moscow"], wikidata="Q159"),
        Actor.state("VEN", aliases="Venezuela", wikidata="Q717"),
        Actor.person("trump", "Donald Trump", country="USA", wikidata="Q22686"),
        Actor.person("peskov", "Dmitry Peskov", country="RUS"),
        Actor.person("maduro", "Nicolás Maduro", country="VEN"),
        Actor.person("guaido", "Juan Guaidó", country="VEN"),
        Actor("kremlin", "the Kremlin", ActorKind.GOVERNMENT, country="RUS"),
        Actor.organization("rostec", "Rostec", kind=ActorKind.COMPANY, country="RUS"),
        Actor.organization("wsj", "The Wall Street Journal", kind="media", country="USA"),
        Actor.organization(
            "washington-post", "The Washington Post", kind=ActorKind.MEDIA, country="USA"
        ),
    ]


def affiliations() -> list[Affiliation]:
    """Who speaks for whom: the spokesman for the Kremlin, the Kremlin for Russia."""
    return [
        Affiliation("peskov", "kremlin", role="spokesman", speaks_for=True),
        Affiliation("kremlin", "RUS", role="presidential administration", speaks_for=True),
        Affiliation(
            "trump",
            "USA",
            role="president",
            span=TimeSpan.since(date(2017, 1, 20)),
            speaks_for=True,
        ),
        Affiliation("rostec", "RUS", role="state corporation"),
    ]


def trump_and_peskov() -> list[Statement]:
    """Trump's tweet and Peskov's denial of it."""
    removed: Claim = Claim("RUS", "withdrew_personnel_from", "VEN", quantity=Quantity.parse("most"))
    tweet: Statement = Statement(
        "trump-2019-06-03",
        "trump",
        when("on Monday"),
        [Claim("RUS", "informed", "USA", content=removed)],
        channel=Channel.TWEET,
        quote=QuoteKind.DIRECT,
        source=POST,
        language="en",
        text="Russia has informed us that they have removed most of their people from Venezuela.",
    )
    denial: Rebuttal = Rebuttal(
        "peskov-2019-06-04-denial",
        "peskov",
        when("on Tuesday"),
        [
            Claim(
                "Russia",  # an alias: the set stores it as "RUS"
                "informed",
                "USA",
                polarity=Polarity.NEGATED,
                qualifiers={"official"},
                when=TimeSpan.until(DATELINE),
            )
        ],
        on_behalf_of="kremlin",
        targets=[ClaimRef("trump-2019-06-03", 0)],
        kind=RebuttalKind.DENIAL,
        channel="press_briefing",
        quote=QuoteKind.DIRECT,
        source=POST,
        language="ru",
        text="There have been no official messages in this regard from the Russian side nor"
        " could there be any.",
    )
    return [tweet, denial]


def rostec_and_the_journal() -> list[Statement]:
    """The Wall Street Journal's report and Rostec's denial of the cut."""
    earlier: TimeSpan = when("earlier this year")
    advisers: frozenset[str] = frozenset({"defense advisers"})
    report = Statement(
        "wsj-rostec-report",
        "wsj",
        earlier,
        (
            Claim(
                "rostec",
                "has_personnel_in",
                "VEN",
                qualifiers=advisers,
                quantity=Quantity.parse("about 1,000"),
                when=TimeSpan.sometime_before(DATELINE),
            ),
            Claim(
                "rostec",
                "reduced_personnel_in",
                "Venezuela",
                qualifiers=advisers,
                quantity=Quantity.parse("a few dozen"),
            ),
        ),
        channel=Channel.NEWS_REPORT,
        quote=QuoteKind.PARAPHRASE,
        source=POST,
        text="The Wall Street Journal reported that Russian defense conglomerate Rostec had"
        " cut its staff of defense advisers in Venezuela, once totaling about 1,000, to a"
        " few dozen.",
    )
    denial = Rebuttal(
        "rostec-denial",
        "rostec",
        earlier,
        targets=[ClaimRef("wsj-rostec-report", 1)],
        kind="denial",
        channel=Channel.STATEMENT,
        quote=QuoteKind.PARAPHRASE,
        source=POST,
        text="Rostec, in a statement, denied the report.",
    )
    return [report, denial]


def moscow_and_washington() -> list[Statement]:
    """Who leads Venezuela: Moscow's Maduro against Washington's Guaidó."""
    earlier = when("earlier this year")
    now = TimeSpan.on(DATELINE)
    return [
        Statement(
            "moscow-maduro-legitimate",
            "Moscow",
            earlier,
            [
                Claim("maduro", "legitimate_president_of", "VEN", when=now),
                Claim("RUS", "recognizes", "maduro", when=DATELINE),
            ],
            act=SpeechAct.RECOGNIZE,
            quote=QuoteKind.PARAPHRASE,
            source=POST,
            text="Moscow refers to Maduro as the legitimate president of the Venezuela.",
        ),
        Statement(
            "us-recognizes-guaido",
            "Washington",
            earlier,
            [
                Claim("guaido", "legitimate_president_of", "VEN", qualifiers="interim", when=now),
                Claim("USA", "recognizes", "guaido", qualifiers=["interim president"], when=now),
            ],
            act="recognize",
            quote="paraphrase",
            source=POST,
            text="[...] Juan Guaidó, the leader of Venezuela's elected National Assembly whom the"
            " United States recognizes as interim president [...]",
        ),
    ]


def newspaper() -> Statement:
    """Peskov: Trump may have been referring to a newspaper report."""
    return Statement(
        "peskov-2019-06-04-newspaper",
        "peskov",
        when("on Tuesday"),
        [
            Claim(
                "trump",
                "referred_to",
                "a newspaper report",
                modality=Modality.from_hedge("may have"),
            )
        ],
        on_behalf_of="kremlin",
        channel=Channel.PRESS_BRIEFING,
        quote=QuoteKind.INDIRECT,
        source=POST,
        text="Peskov said Trump may have simply been referring to a newspaper report.",
    )


def build() -> StatementSet:
    """The hand-built part of the seed as a statement set."""
    statements: list[Statement] = [
        *trump_and_peskov(),
        *rostec_and_the_journal(),
        *moscow_and_washington(),
        newspaper(),
    ]
    return StatementSet([*actors(), *affiliations(), *statements])


def test_hand_built_seed_matches_the_example() -> None:
    """A user's hand-built statements, actors and affiliations equal the bundled example's."""
    mine = build()
    bundled = examples.venezuela_2019()
    assert len(mine) == 7
    for ident, statement in mine.statements.items():
        assert statement == bundled.statements[ident], ident
    for ident, actor in mine.actors.items():
        assert actor == bundled.actors[ident], ident
    assert set(mine.affiliations) <= set(bundled.affiliations)
    assert mine.side_of_statement(mine.statements["peskov-2019-06-04-denial"]) == "RUS"
    assert mine.side_of_statement(mine.statements["rostec-denial"]) == "rostec"


# --- what mypy --strict says of a user's mistakes ---------------------------------------------

_HEADER = """\
from datetime import date
from diplostatements import (
    Claim, ClaimRef, Modality, PartOf, Polarity, Quantity, Rebuttal, Statement, TimeSpan
)
"""

# (a line a user might write, whether mypy --strict must refuse it)
_SNIPPETS: tuple[tuple[str, bool], ...] = (
    # accepted: the values and the text the constructors document
    ('Claim("RUS", "informed", "USA", polarity="negated", modality="probable")', False),
    ('Claim("RUS", "informed", polarity=Polarity.NEGATED, when=date(2019, 6, 3))', False),
    ('Claim("RUS", "withdrew_from", "VEN", quantity=Quantity.parse("most"))', False),
    ('Statement("s", "RUS", date(2019, 6, 4), channel="tweet", quote="direct")', False),
    ('Statement("s", ["FRA", "DEU"], TimeSpan.sometime_in(2019, 6), act="deny")', False),
    ('Rebuttal("r", "RUS", date(2019, 6, 4), targets=["s"], kind="denial")', False),
    ('ClaimRef("s", 0, content=True)', False),
    ('PartOf("brigade", "army", span=None)', False),
    # refused: a typo, or text where a value goes
    ('Claim("RUS", "informed", "USA", polarity="negatd")', True),
    ('Claim("RUS", "responsible_for", "x", modality="highly likely")', True),
    ('Claim("RUS", "withdrew_from", "VEN", quantity="most")', True),
    ('Claim("RUS", "present_in", "VEN", when="2019-06-03")', True),
    ('Statement("s", "RUS", "2019-06-03")', True),
    ('Statement("s", "RUS", date(2019, 6, 4), channel="tweeet")', True),
    ('Statement("s", "RUS", date(2019, 6, 4), [Claim("RUS", "p")], quote="verbatim")', True),
    ('Rebuttal("r", "RUS", date(2019, 6, 4), targets=["s"], kind="denail")', True),
    ('Rebuttal("r", "RUS", date(2019, 6, 4), targets=["s"], kind="denial", modality="sure")', True),
)


def test_mypy_catches_typos_in_user_code(tmp_path: Path) -> None:
    """The type checker refuses a misspelt enum value or text where a value goes, no more."""
    lines = [_HEADER]
    for number, (code, _) in enumerate(_SNIPPETS):
        lines.append(f"def case_{number}() -> object:\n    return {code}\n")
    script = tmp_path / "user_script.py"
    script.write_text("\n".join(lines), encoding="utf-8")
    out, err, _ = mypy_api.run(
        ["--strict", "--no-incremental", "--cache-dir", os.devnull, str(script)]
    )
    refused = {
        int(line.split(":")[1])
        for line in out.splitlines()
        if line.startswith(str(script)) and ": error:" in line
    }
    first = _HEADER.count("\n") + 1  # the line of the first case's def
    for number, (code, wrong) in enumerate(_SNIPPETS):
        line = first + 3 * number + 2  # each case: blank line, def, return
        assert (line in refused) is wrong, (code, out, err)
