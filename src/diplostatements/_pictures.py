"""Pictures of a set and of a report: a text timeline, and Graphviz text for contradictions.

:func:`timeline_text` lays a set out by the day each statement was made, with its claims under it,
for a terminal or a notebook cell. :func:`report_to_dot` writes the contradictions of a report as
a Graphviz graph: each side a node, the contradictions between two sides merged into one edge per
kind and certainty with a count, a denial's arrow pointing from the rebutter to the rebutted, and a
legend. Render it with ``dot -Tsvg`` or the ``graphviz`` Python package; nothing here needs
either.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ._printable import printable
from ._records import actor_names
from ._wrap import wrap
from .rebuttals import Rebuttal
from .rules import Rule
from .statements import Channel, Statement
from .timespans import TimeSpan

if TYPE_CHECKING:
    from .collection import StatementSet
    from .report import Report

__all__ = ["report_to_dot", "timeline_text"]

_INDENT = "    "


def timeline_text(statements: StatementSet, *, width: int | None = None) -> str:
    """The set as a text timeline: a heading per time, each statement and its claims under it.

    Statements made at the same time (the same day, or the same imprecise period) share a
    heading; the order is the set's, chronological then by id. Each statement shows its id, who
    spoke and for which side, what they did (a rebuttal names its kind and targets), and its
    claims with actor names.

    Args:
        statements: the set to lay out.
        width: wrap claim lines at this many characters; ``None`` leaves them whole.

    Returns:
        The timeline, one line per heading, statement and claim, ending with a newline (an empty
        set gives a line saying there are no statements).
    """
    names = actor_names(statements)
    lines: list[str] = []
    heading: TimeSpan | None = None
    for statement in statements:
        if statement.said_on != heading:
            heading = statement.said_on
            if lines:
                lines.append("")
            lines.append(str(heading))
        side = statements.side_of_statement(statement)
        lines.append(f"  {statement.id}: {_speaker(statement, side, names)}, {_act(statement)}")
        for claim in statement.claims:
            lines.extend(_wrapped(f"- {claim.describe(names)}", width))
    return "\n".join(lines or ["(no statements)"]) + "\n"


def _speaker(statement: Statement, side: str, names: Mapping[str, str]) -> str:
    speaker = names.get(statement.speaker, statement.speaker)
    shown = [names.get(ident, ident) for ident in (statement.on_behalf_of, side) if ident]
    behalf = [name for name in dict.fromkeys(shown) if name != speaker]
    return f"{speaker} ({', '.join(behalf)})" if behalf else speaker


def _act(statement: Statement) -> str:
    if isinstance(statement, Rebuttal):
        targets = ", ".join(map(str, statement.targets))
        return f"{statement.kind.value} of {targets}"
    act = statement.act.value.replace("_", " ")
    if statement.channel is Channel.UNSPECIFIED:
        return act
    return f"{act} ({statement.channel.value.replace('_', ' ')})"


def _wrapped(text: str, width: int | None) -> list[str]:
    if width is None:
        return [_INDENT + text]
    return wrap(text, width, indent=_INDENT, subsequent=_INDENT + "  ")


def report_to_dot(report: Report, *, title: str = "contradictions") -> str:
    """The contradictions of a report as a Graphviz graph, in the DOT language.

    Each side (the state, organisation or person a speaker's words commit) is one node, labelled
    with its name and, under it, the speakers who spoke for it in the findings. Contradictions
    between the same two sides of one kind and certainty are one edge, labelled with the kind and
    how many there are ("denial \u00d72"). An edge's arrow means something: a DENIAL points from the
    side that rebutted to the side rebutted; the other kinds have no direction and no arrow. A
    possible contradiction is dashed, a definite one solid, and one within a side (a loop on its
    node) is red. A legend says so. Labels use the report's actor names.

    Args:
        report: the report.
        title: the graph's name.

    Returns:
        DOT text ending with a newline; every name and label is quoted and escaped.
    """
    names = report.names
    speakers: dict[str, set[str]] = {}
    edges: dict[tuple[str, str, Rule, bool], int] = {}
    for finding in report:
        for assertion in (finding.first, finding.second):
            said = speakers.setdefault(assertion.side, set())
            if assertion.speaker != assertion.side:
                said.add(assertion.speaker)
        first, second = finding.sides
        if finding.kind is not Rule.DENIAL:  # no direction: the pair in a fixed order
            first, second = sorted((first, second), key=lambda side: _key(side, names))
        else:  # from the rebutter to the rebutted
            first, second = second, first
        key = (first, second, finding.kind, finding.certainty.value == "definite")
        edges[key] = edges.get(key, 0) + 1
    lines = [
        f"digraph {_quote(title)} {{",
        "  graph [rankdir=LR, fontname=Helvetica];",
        "  node [shape=box, style=rounded, fontname=Helvetica];",
        "  edge [fontname=Helvetica, fontsize=10];",
    ]
    sides = sorted(speakers, key=lambda side: _key(side, names))
    node = {side: f"s{number}" for number, side in enumerate(sides)}
    for side in sides:
        people = sorted(
            (names.get(speaker, speaker) for speaker in speakers[side]), key=str.casefold
        )
        label = "\n".join([names.get(side, side), *([", ".join(people)] if people else [])])
        lines.append(f"  {node[side]} [label={_quote(label)}];")
    ordered = sorted(
        edges.items(),
        key=lambda item: (
            item[0][2].rank,
            not item[0][3],
            _key(item[0][0], names),
            _key(item[0][1], names),
        ),
    )
    for (first, second, kind, definite), count in ordered:
        label = kind.value if count == 1 else f"{kind.value} \u00d7{count}"
        style = [f"label={_quote(label)}"]
        if kind is not Rule.DENIAL:
            style.append("dir=none")
        if not definite:
            style.append("style=dashed")
        if first == second:
            style.append("color=red")
        lines.append(f"  {node[first]} -> {node[second]} [{', '.join(style)}];")
    if edges:
        lines += _LEGEND
    lines.append("}")
    return "\n".join(lines) + "\n"


_LEGEND = [
    "  subgraph cluster_legend {",
    '    label="legend"; fontsize=10; style=dashed;',
    '    node [shape=point, width=0.05, label=""];',
    "    edge [fontsize=9];",
    '    legend0 -> legend1 [label="definite", dir=none];',
    '    legend2 -> legend3 [label="possible", style=dashed, dir=none];',
    '    legend4 -> legend5 [label="denial: from the side that rebutted"];',
    '    legend6 -> legend7 [label="within one side", color=red, dir=none];',
    "  }",
]


def _key(side: str, names: Mapping[str, str]) -> tuple[str, str]:
    return (names.get(side, side).casefold(), side)


def _quote(text: str) -> str:
    # A character Graphviz would not draw as itself (ESC, a zero-width space) is written as
    # its escape, the backslash escaped as any other: the label shows "\x1b".
    shown = printable(text, keep="\n")
    escaped = shown.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
