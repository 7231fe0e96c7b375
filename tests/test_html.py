from __future__ import annotations

import html
import re
from datetime import date
from html.parser import HTMLParser

import pytest

from diplostatements import (
    Actor,
    Affiliation,
    Channel,
    Claim,
    ClaimRef,
    Modality,
    Quantity,
    QuoteKind,
    Rebuttal,
    RebuttalKind,
    Relay,
    RelayKind,
    Source,
    Statement,
    StatementSet,
    TimeSpan,
    examples,
)
from diplostatements._html import (
    claim_html,
    contradiction_html,
    report_html,
    statement_html,
    statement_set_html,
    table,
)
from diplostatements.checker import check
from diplostatements.report import Report

DAY = date(2019, 6, 4)
SCRIPT = "<script>alert('x')</script>"


class _Tags(HTMLParser):
    """Collects the tags of a fragment, and the text of its cells."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(fragment: str) -> _Tags:
    parser = _Tags()
    parser.feed(fragment)
    parser.close()
    return parser


def hostile_set() -> StatementSet:
    """A set whose every user-written text holds markup."""
    return StatementSet(
        [
            Actor.state("RUS"),
            Actor.person("p<b>", SCRIPT),
            Actor.organization("<relay>", "<b>relay</b>"),
            Affiliation("p<b>", "RUS", role=SCRIPT, speaks_for=True),
            Statement(
                "s<i>1",
                "p<b>",
                DAY,
                [
                    Claim(
                        "RUS",
                        "<em>said</em>",
                        SCRIPT,
                        qualifiers={SCRIPT},
                        where="<u>here</u>",
                        content=Claim("RUS", "x", "<img src=x onerror=alert(1)>"),
                    )
                ],
                text=SCRIPT,
                source=Source("<pub>", title=SCRIPT, url="javascript:<x>"),
                relays=[Relay("<relay>")],
            ),
            Rebuttal(
                "r<i>2",
                "RUS",
                DAY,
                targets=["s<i>1"],
                kind=RebuttalKind.DENIAL,
                text=SCRIPT,
            ),
        ]
    )


def rendering(what: str) -> str:
    s = hostile_set()
    report = check(s)
    statement = s.statements["s<i>1"]
    names = report.names
    return {
        "claim": lambda: claim_html(statement.claims[0], names=names),
        "statement": lambda: statement_html(statement, names=names),
        "rebuttal": lambda: statement_html(s.statements["r<i>2"], names=names),
        "set": lambda: statement_set_html(s),
        "report": lambda: report_html(report),
        "contradiction": lambda: contradiction_html(report[0], names=names),
    }[what]()


class TestEscaping:
    @pytest.mark.parametrize(
        "what", ["claim", "statement", "rebuttal", "set", "report", "contradiction"]
    )
    def test_no_user_markup_survives(self, what: str) -> None:
        """Every user text is escaped: only the renderer's own tags appear in the HTML."""
        fragment = rendering(what)
        assert "<script" not in fragment
        assert "<img" not in fragment
        assert set(parse(fragment).tags) <= {
            "table",
            "caption",
            "thead",
            "tbody",
            "tr",
            "th",
            "td",
            "br",
            "em",
        }

    def test_script_in_a_claim_is_shown_as_text(self) -> None:
        """A claim quoting <script> shows it, escaped, instead of running it."""
        fragment = claim_html(Claim("RUS", "said", SCRIPT))
        assert html.escape(SCRIPT, quote=True) in fragment
        assert SCRIPT in "".join(parse(fragment).text)

    def test_quotes_are_escaped(self) -> None:
        """Quotes are escaped too, so a text can never close an attribute."""
        fragment = table('k"ind', [['say "hi"']])
        assert 'class="diplostatements k&quot;ind"' in fragment
        assert "say &quot;hi&quot;" in fragment


class TestTable:
    def test_minimal(self) -> None:
        """A table without caption, header or note is just its rows."""
        assert table("t", [["a", None]]) == (
            '<table class="diplostatements t"><tbody><tr><td>a</td><td></td></tr></tbody></table>'
        )

    def test_full(self) -> None:
        """Caption, header, a multi-line cell and a note spanning the widest row."""
        fragment = table("t", [["a\nb", "c", "d"]], header=("x", "y"), caption="cap", note="more")
        assert fragment.startswith('<table class="diplostatements t"><caption>cap</caption>')
        assert "<thead><tr><th>x</th><th>y</th></tr></thead>" in fragment
        assert "<td>a<br>b</td>" in fragment
        assert '<tr><td colspan="3"><em>more</em></td></tr>' in fragment


class TestClaim:
    def test_only_fields_that_say_something(self) -> None:
        """A plain claim shows subject, predicate and object, and no empty rows."""
        fragment = claim_html(Claim("RUS", "supports", "maduro"))
        cells = list(parse(fragment).text)
        assert cells == [
            "RUS supports maduro",
            "subject",
            "RUS",
            "predicate",
            "supports",
            "object",
            "maduro",
        ]

    def test_every_field(self) -> None:
        """Every optional field gets its row; names show beside ids."""
        claim = Claim(
            "RUS",
            "withdrew_personnel_from",
            "VEN",
            polarity="negated",
            modality=Modality.PROBABLE,
            quantity=Quantity.parse("most"),
            when=TimeSpan.sometime_in(2019, 3),
            where="Caracas",
            qualifiers={"military", "all"},
            content=Claim("RUS", "x"),
        )
        text = parse(claim_html(claim, names={"RUS": "Russia", "VEN": "VEN"})).text
        assert text[0].startswith("Russia probably did not withdraw most of its personnel")
        rows = dict(zip(text[1::2], text[2::2], strict=True))
        assert rows == {
            "subject": "Russia (RUS)",
            "predicate": "withdrew_personnel_from",
            "object": "VEN",
            "content": "Russia x",
            "polarity": "negated",
            "modality": "probable",
            "quantity": "most",
            "when": "sometime in March 2019",
            "where": "Caracas",
            "qualifiers": "all, military",
        }

    def test_without_object(self) -> None:
        """A claim without an object has no object row."""
        assert "object" not in parse(claim_html(Claim("RUS", "mobilised"))).text


class TestStatement:
    def test_statement_fields_and_claims(self) -> None:
        """A statement shows its fields, then its claims numbered from 0."""
        statement = Statement(
            "st",
            "rosoboronexport",
            DAY,
            [Claim("RUS", "a"), Claim("RUS", "b")],
            on_behalf_of="RUS",
            channel=Channel.PRESS_RELEASE,
            quote=QuoteKind.DIRECT,
            language="ru",
            text="words",
            relays=[Relay("press", kind=RelayKind.PRESS_SERVICE), Relay("interfax")],
            source=Source("post", title="Title", url="https://x", published=DAY),
        )
        text = parse(statement_html(statement, names={"RUS": "Russia"})).text
        rows = dict(zip(text[1:21:2], text[2:21:2], strict=True))
        assert rows == {
            "speaker": "rosoboronexport",
            "on behalf of": "Russia (RUS)",
            "said on": "2019-06-04",
            "channel": "press release",
            "act": "assert (CAMEO 010)",
            "text": "words",
            "quote": "direct",
            "language": "ru",
            "relays": "press (press service) → interfax (quoted)",
            "source": "post, Title, 2019-06-04, https://x",
        }
        assert text[21:] == ["#", "claim", "0", "Russia a", "1", "Russia b"]

    def test_rebuttal_fields(self) -> None:
        """A rebuttal shows its kind, targets and (when hedged) its modality; no claims table."""
        rebuttal = Rebuttal(
            "r",
            "peskov",
            DAY,
            targets=["st", ClaimRef("other", 1)],
            kind=RebuttalKind.DENIAL,
            modality=Modality.PROBABLE,
        )
        fragment = statement_html(rebuttal)
        rows = dict(zip(parse(fragment).text[1::2], parse(fragment).text[2::2], strict=True))
        assert rows["rebuttal"] == "denial"
        assert rows["targets"] == "st, other#1"
        assert rows["rebuttal modality"] == "probable"
        assert rows["act"] == "deny (CAMEO 016)"
        assert fragment.count("<table") == 1

    def test_defaults_are_left_out(self) -> None:
        """Unspecified channel and quote, and a certain rebuttal, show no rows."""
        rebuttal = Rebuttal("r", "peskov", DAY, targets=["st"], kind="challenge")
        cells = parse(statement_html(rebuttal)).text
        assert "channel" not in cells
        assert "quote" not in cells
        assert "rebuttal modality" not in cells


class TestStatementSet:
    def test_the_example(self) -> None:
        """A row per statement in the set's order, with names, sides and claims."""
        s = examples.venezuela_2019()
        fragment = statement_set_html(s)
        assert fragment.count("<tr>") == len(s) + 1
        assert "<caption>StatementSet: 19 actors, 12 affiliations, 17 statements</caption>" in (
            fragment
        )
        row = re.search(
            r"<tr><td>2019-06-04</td><td>peskov-2019-06-04-denial</td>.*?</tr>", fragment
        )
        assert row is not None
        assert parse(row.group()).text == [
            "2019-06-04",
            "peskov-2019-06-04-denial",
            "Dmitry Peskov",
            "Russia",
            "denial of trump-2019-06-03#0",
            "Russia did not inform the United States [official] until 4 June 2019",
        ]

    def test_long_sets_are_cut(self) -> None:
        """Beyond max_rows a last row says how many statements are not shown."""
        fragment = statement_set_html(examples.venezuela_2019(), max_rows=5)
        assert fragment.count("<tr><td>") == 5
        assert '<td colspan="6"><em>and 12 more</em></td>' in fragment

    def test_empty(self) -> None:
        """An empty set is a caption and a header."""
        fragment = statement_set_html(StatementSet())
        assert "0 statements" in fragment
        assert "<td>" not in fragment


def small_report() -> Report:
    """Internal, possible, entailed findings, a dispute and a retraction."""
    spring = TimeSpan.sometime_in(2019, 5)
    return check(
        StatementSet(
            [
                Actor.state("RUS"),
                Actor.state("USA"),
                Actor.person("official", "An official"),
                Actor.person("minister", "A minister"),
                Affiliation("official", "RUS", speaks_for=True),
                Affiliation("minister", "RUS", speaks_for=True),
                Statement("claim", "official", DAY, [Claim("RUS", "has_personnel_in", "VEN")]),
                Rebuttal("retraction", "minister", DAY, targets=["claim"], kind="retraction"),
                Rebuttal(
                    "doubt",
                    "USA",
                    DAY,
                    targets=["claim"],
                    kind="denial",
                    modality=Modality.PROBABLE,
                ),
                Rebuttal("quibble", "USA", DAY, targets=["claim"], kind="qualification"),
                Statement(
                    "deploy",
                    "USA",
                    DAY,
                    [Claim("RUS", "deployed_personnel_to", "BLR", when=spring)],
                ),
                Statement(
                    "absent",
                    "minister",
                    DAY,
                    [Claim("RUS", "has_personnel_in", "BLR", when=spring).negated()],
                ),
            ]
        )
    )


class TestReport:
    def test_the_example(self) -> None:
        """The seed report: a summary caption, three rows, and the two challenges as disputes."""
        report = examples.venezuela_2019().check()
        fragment = report_html(report)
        assert fragment.startswith(
            '<table class="diplostatements report"><caption>3 contradictions (3 definite,'
            " 0 internal), 2 disputes, 0 retracted</caption>"
        )
        assert fragment.count('<table class="diplostatements report">') == 1
        assert fragment.count('<table class="diplostatements disputes">') == 1
        assert "retracted</caption>" in fragment
        assert '<table class="diplostatements retracted">' not in fragment
        assert "<td>The United States vs Russia</td>" in fragment

    def test_internal_possible_via_disputes_retractions(self) -> None:
        """Internal sides are marked, chains shown, retractions listed."""
        report = small_report()
        fragment = report_html(report)
        assert "<td>Russia, internal</td>" in fragment
        assert "<td>possible</td>" in fragment
        assert "via deployed_personnel_to -&gt; has_personnel_in" in fragment
        assert '<table class="diplostatements retracted">' in fragment
        assert "<td>retraction</td><td>claim</td><td>Russia</td>" in fragment

    def test_long_reports_are_cut(self) -> None:
        """Beyond max_rows a last row says how many contradictions are not shown."""
        report = small_report()
        fragment = report_html(report, max_rows=1)
        assert f"and {len(report) - 1} more" in fragment

    def test_no_disputes_no_table(self) -> None:
        """An empty report has no disputes or retracted tables."""
        fragment = report_html(Report())
        assert fragment.count("<table") == 1
        assert "0 contradictions" in fragment


class TestContradiction:
    def test_denial(self) -> None:
        """Both assertions with speaker, side, when and claim; no via row for a denial."""
        report = examples.venezuela_2019().check()
        finding = report.between("USA", "RUS").of_kind("denial")[0]
        text = parse(contradiction_html(finding, names=report.names)).text
        assert text[0] == "DENIAL, definite: The United States vs Russia"
        rows = dict(zip(text[1::2], text[2::2], strict=False))
        assert rows["kind"] == "denial"
        assert "via" not in rows
        assert text[text.index("first") + 1 : text.index("second")] == [
            "trump-2019-06-03#0",
            "Donald Trump (the United States) said on 3 June 2019:",
            "Russia informed the United States that Russia withdrew most of its personnel from"
            " Venezuela",
            "period: on 3 June 2019",
        ]

    def test_entailed_with_own_side(self) -> None:
        """A speaker who is his own side is named once; the chain has its row."""
        finding = small_report().of_kind("entailed")[0]
        text = parse(contradiction_html(finding)).text
        assert "deployed_personnel_to -> has_personnel_in" in text
        assert "USA said on 4 June 2019:" in text


class TestNotebookMethods:
    """The objects a notebook shows render themselves through the functions above."""

    def test_every_object_renders_its_own_table(self) -> None:
        """Claim, Statement, StatementSet, Report and Contradiction have ``_repr_html_``."""
        s = hostile_set()
        report = check(s)
        statement = s.statements["s<i>1"]
        assert s._repr_html_() == statement_set_html(s)
        assert statement._repr_html_() == statement_html(statement)
        assert statement.claims[0]._repr_html_() == claim_html(statement.claims[0])
        assert report._repr_html_() == report_html(report)
        assert report[0]._repr_html_() == contradiction_html(report[0])

    def test_user_text_is_escaped_through_the_methods(self) -> None:
        """A ``<script>`` in a claim never reaches the notebook as a tag."""
        s = hostile_set()
        for shown in (s._repr_html_(), check(s)._repr_html_()):
            assert "<script>" not in shown
            assert "&lt;script&gt;" in shown
