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
            "  peskov-2019-06-04-denial: Dmitry Peskov (The Kremlin, Russia),"
            " denial of trump-2019-06-03#0" in lines
        )
        assert "  rostec-denial: Rostec, denial of wsj-rostec-report#1" in lines
        assert "  moscow-maduro-legitimate: Russia, recognize" in lines
        assert "    - probable: Russia services equipment in Venezuela (S-300)" in "\n".join(lines)

    def test_claims_are_indented_under_their_statement(self) -> None:
        """Each claim is a "- " line under its statement, with actor names."""
        lines = timeline_text(examples.venezuela_2019()).splitlines()
        start = lines.index("  post-backer: The Washington Post, assert (news report)")
        assert lines[start + 1 : start + 4] == [
            "    - Russia supports Nicolás Maduro",
            "    - United States seeks ouster of Nicolás Maduro",
            "    - Venezuela allied with Russia",
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


class TestDot:
    def test_the_example(self) -> None:
        """Speakers in a box per side, sorted by the side's name; an edge per finding."""
        dot = report_to_dot(examples.venezuela_2019().check())
        assert dot.startswith('digraph "contradictions" {\n')
        assert dot.endswith("}\n")
        labels = re.findall(r"^    label=\"(.*)\";$", dot, flags=re.MULTILINE)
        assert labels == ["Rostec", "Russia", "The Wall Street Journal", "United States"]
        edges = re.findall(r"^  (n\d+) -> (n\d+) \[(.*)\];$", dot, flags=re.MULTILINE)
        assert [style for _, _, style in edges] == [
            'label="denial"',
            'label="denial"',
            'label="exclusive"',
        ]
        names = dict(re.findall(r'^    (n\d+) \[label="(.*)"\];$', dot, flags=re.MULTILINE))
        assert [(names[a], names[b]) for a, b, _ in edges] == [
            ("The Wall Street Journal", "Rostec"),
            ("Donald Trump", "Dmitry Peskov"),
            ("Russia", "United States"),
        ]

    def test_styles_and_sides(self) -> None:
        """Possible findings are dashed, internal ones red; a speaker has a node per side."""
        report = _report()
        dot = report_to_dot(report, title="t")
        assert dot.startswith('digraph "t" {')
        edges = re.findall(r"^  n\d+ -> n\d+ \[(.*)\];$", dot, flags=re.MULTILINE)
        assert sorted(edges) == [
            'label="denial"',
            'label="denial", color=red',
            'label="denial", style=dashed',
        ]
        envoy = ' [label="The \\"envoy\\" \\\\ of\\nRussia"];'
        assert dot.count(envoy) == 2  # once in the box of Russia, once in his own

    def test_every_side_has_its_speakers(self) -> None:
        """With a side per speaker, each box holds exactly the one speaker of that side."""
        people = [Actor.person(f"p{i}", f"Person {i}") for i in range(6)]
        said = [
            Statement(
                f"s{i}",
                f"p{i}",
                DAY,
                [Claim("x", "says_of", "y").negated() if i % 2 else Claim("x", "says_of", "y")],
            )
            for i in range(6)
        ]
        dot = report_to_dot(check(StatementSet([*people, *said])))
        boxes = re.findall(
            r"subgraph cluster_\d+ \{\n    label=\"(.*)\";\n((?:    n\d+ .*\n)*)  \}", dot
        )
        assert [label for label, _ in boxes] == [f"Person {i}" for i in range(6)]
        assert all(body.count("[label=") == 1 and f'"{label}"' in body for label, body in boxes)

    def test_no_findings(self) -> None:
        """An empty report is a graph with no boxes and no edges."""
        dot = report_to_dot(Report())
        assert "subgraph" not in dot
        assert "->" not in dot


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
