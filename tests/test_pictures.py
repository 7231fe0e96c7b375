from __future__ import annotations

import re
from datetime import date

from diplostatements import (
    Actor,
    Affiliation,
    Claim,
    Modality,
    Rebuttal,
    Statement,
    StatementSet,
    TimeSpan,
    examples,
)
from diplostatements._pictures import report_to_dot, timeline_text
from diplostatements.checker import check
from diplostatements.report import Report

DAY = date(2019, 6, 4)


class TestTimeline:
    def test_headings_group_statements_in_order(self) -> None:
        """A heading per distinct time, blank lines between groups, statements in set order."""
        s = examples.venezuela_2019()
        text = timeline_text(s)
        headings = [line for line in text.splitlines() if line and not line.startswith(" ")]
        assert headings == [
            "sometime between 2019-01-01 and 2019-06-03",
            "2019-06-03",
            "2019-06-04",
        ]
        ids = re.findall(r"^  (\S+): ", text, flags=re.MULTILINE)
        assert ids == [statement.id for statement in s]
        assert text.count("\n\n") == 2
        assert text.endswith("\n")

    def test_statement_lines(self) -> None:
        """Speaker with behalf and side, the act and channel, or the rebuttal and its targets."""
        lines = timeline_text(examples.venezuela_2019()).splitlines()
        assert "  trump-2019-06-03: Donald Trump (United States), assert (tweet)" in lines
        assert (
            "  peskov-2019-06-04-denial: Dmitry Peskov (the Kremlin, Russia),"
            " denial of trump-2019-06-03#0" in lines
        )
        assert "  rostec-denial: Rostec, denial of wsj-rostec-report#1" in lines
        assert "  moscow-maduro-legitimate: Russia, recognize" in lines
        assert (
            "    - Russia probably services equipment in Venezuela [S-300] in March 2019" in lines
        )

    def test_claims_are_indented_under_their_statement(self) -> None:
        """Each claim is a "- " line under its statement, with actor names."""
        lines = timeline_text(examples.venezuela_2019()).splitlines()
        start = lines.index("  post-backer: The Washington Post, assert (news report)")
        assert lines[start + 1 : start + 4] == [
            "    - Russia supports Nicolás Maduro",
            "    - the United States seeks the ouster of Nicolás Maduro",
            "    - Venezuela is allied with Russia",
        ]

    def test_wrapping(self) -> None:
        """With a width, long claim lines wrap under a hanging indent; others are untouched."""
        text = timeline_text(examples.venezuela_2019(), width=60)
        claim_lines = [line for line in text.splitlines() if line.startswith("    ")]
        assert all(len(line) <= 60 for line in claim_lines)
        assert any(line.startswith("      ") for line in claim_lines)

    def test_empty(self) -> None:
        """An empty set says so."""
        assert timeline_text(StatementSet()) == "(no statements)\n"

    def test_a_word_longer_than_a_line(self) -> None:
        """A claim naming a 100,000-character entity is cut into full lines, nothing lost."""
        blob = "x" * 100_000
        s = StatementSet(
            [Actor.person("a", "A"), Statement("s", "a", DAY, [Claim("a", "quoted", blob)])]
        )
        claim_lines = [
            line for line in timeline_text(s, width=80).splitlines() if line[:4] == "    "
        ]
        assert all(len(line) <= 80 for line in claim_lines)
        assert "".join(line.strip() for line in claim_lines) == f"- A quoted {blob}"


def _report() -> Report:
    """A possible finding, an internal one, a speaker who spoke for two sides and twice for one."""
    return check(
        StatementSet(
            [
                Actor.state("RUS"),
                Actor.state("USA"),
                Actor.person("envoy", 'The "envoy" \\ of\nRussia'),
                Actor.person("minister", "A minister"),
                Affiliation(
                    "envoy",
                    "RUS",
                    speaks_for=True,
                    span=TimeSpan.until(date(2019, 5, 31)),
                ),
                Affiliation("minister", "RUS", speaks_for=True),
                Statement("old", "envoy", date(2019, 5, 1), [Claim("RUS", "backs", "x")]),
                Statement("new", "envoy", DAY, [Claim("RUS", "backs", "y")]),
                Rebuttal("denial", "minister", DAY, targets=["old"], kind="denial"),
                Rebuttal("us-denial", "USA", DAY, targets=["old"], kind="denial"),
                Rebuttal(
                    "doubt",
                    "USA",
                    DAY,
                    targets=["new"],
                    kind="denial",
                    modality=Modality.POSSIBLE,
                ),
            ]
        )
    )


def _edges(dot: str) -> list[tuple[str, str, str]]:
    """The edges outside the legend, as (from label, to label, style)."""
    labels = dict(re.findall(r'^  (s\d+) \[label="(.*)"\];$', dot, flags=re.MULTILINE))
    edges = re.findall(r"^  (s\d+) -> (s\d+) \[(.*)\];$", dot, flags=re.MULTILINE)
    return [(labels[a], labels[b], style) for a, b, style in edges]


class TestDot:
    def test_the_example(self) -> None:
        """A node per side with its speakers, sorted by name; denials point at the rebutted."""
        dot = report_to_dot(examples.venezuela_2019().check())
        assert dot.startswith('digraph "contradictions" {\n')
        assert dot.endswith("}\n")
        assert _edges(dot) == [
            ("Rostec", "The Wall Street Journal", 'label="denial"'),
            ("Russia\\nDmitry Peskov", "United States\\nDonald Trump", 'label="denial"'),
            (
                "Russia\\nDmitry Peskov",
                "United States\\nDonald Trump",
                'label="exclusive", dir=none',
            ),
        ]

    def test_parallel_edges_are_merged_with_a_count(self) -> None:
        """Findings of one kind and certainty between the same two sides are one counted edge."""
        people = [Actor.person("a", "A"), Actor.person("b", "B")]
        said = [
            Statement(f"s{n}", "a" if n < 3 else "b", DAY, [Claim("x", "says_of", f"y{n % 3}")])
            for n in range(6)
        ]
        denied = [
            Statement(f"d{n}", "b", DAY, [Claim("x", "says_of", f"y{n}").negated()])
            for n in range(3)
        ]
        dot = report_to_dot(check(StatementSet([*people, *said[:3], *denied])))
        assert _edges(dot) == [("A", "B", 'label="negation \u00d73", dir=none')]

    def test_styles_and_sides(self) -> None:
        """Possible findings are dashed, internal ones a red loop; a speaker is listed per side."""
        report = _report()
        dot = report_to_dot(report, title="t")
        assert dot.startswith('digraph "t" {')
        envoy = 'The \\"envoy\\" \\\\ of\\nRussia'
        assert _edges(dot) == [
            (
                f"Russia\\nA minister, {envoy}",
                f"Russia\\nA minister, {envoy}",
                'label="denial", color=red',
            ),
            ("United States", f"Russia\\nA minister, {envoy}", 'label="denial"'),
            ("United States", envoy, 'label="denial", style=dashed'),
        ]

    def test_the_legend(self) -> None:
        """A legend says what solid, dashed, an arrow and red mean."""
        dot = report_to_dot(_report())
        legend = dot[dot.index("subgraph cluster_legend") :]
        for meaning in ("definite", "possible", "denial: from the side that rebutted", "within"):
            assert meaning in legend

    def test_no_findings(self) -> None:
        """An empty report is a graph with no nodes, edges or legend."""
        dot = report_to_dot(Report())
        assert "subgraph" not in dot
        assert "->" not in dot
        assert "label=" not in dot


class TestMethods:
    """The set and the report expose the pictures as methods."""

    def test_timeline_text_method(self) -> None:
        """``StatementSet.timeline_text`` is the text timeline, wrapped as asked."""
        s = examples.venezuela_2019()
        assert s.timeline_text(width=80) == timeline_text(s, width=80)
        assert s.timeline_text() == timeline_text(s)

    def test_to_dot_method(self) -> None:
        """``Report.to_dot`` is the Graphviz text of its contradictions."""
        report = examples.venezuela_2019().check()
        assert report.to_dot(title="seed") == report_to_dot(report, title="seed")
        assert report.to_dot().startswith('digraph "contradictions"')
