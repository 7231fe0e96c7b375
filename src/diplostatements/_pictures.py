"""Pictures of a set and of a report: a text timeline, and Graphviz text for contradictions.

:func:`timeline_text` lays a set out by the day each statement was made, with its claims under it,
for a terminal or a notebook cell. :func:`report_to_dot` writes the contradictions of a report as
a Graphviz graph: each speaker a node, grouped in a box per side, each contradiction an edge from
the earlier statement's speaker to the later one's, labelled with its kind (dashed when it is only
possible). Render it with ``dot -Tsvg`` or the ``graphviz`` Python package; nothing here needs
either.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ._records import actor_names
from ._wrap import wrap
from .collection import Assertion
from .rebuttals import Rebuttal
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

    Every speaker of a contradicting statement is a node, inside a box (a cluster) per side: the
    state, organisation or person the speaker's words commit. Each contradiction is an edge from
    the earlier assertion's speaker to the later one's, labelled with its kind; a contradiction
    that is only possible is dashed, and one within a side (internal) is drawn in red. A speaker
    who spoke for two sides appears once in each. Labels use the report's actor names.

    Args:
        report: the report.
        title: the graph's name.

    Returns:
        DOT text ending with a newline; every name and label is quoted and escaped.
    """
    names = report.names
    nodes: dict[tuple[str, str], str] = {}
    edges: list[str] = []
    for finding in report:
        ends = [_node(nodes, assertion) for assertion in (finding.first, finding.second)]
        style = [f"label={_quote(finding.kind.value)}"]
        # By value, not by member: report.py may import this module without a cycle.
        if finding.certainty.value != "definite":
            style.append("style=dashed")
        if finding.internal:
            style.append("color=red")
        edges.append(f"  {ends[0]} -> {ends[1]} [{', '.join(style)}];")
    lines = [
        f"digraph {_quote(title)} {{",
        "  graph [rankdir=LR, fontname=Helvetica];",
        "  node [shape=box, style=rounded, fontname=Helvetica];",
        "  edge [fontname=Helvetica, fontsize=10];",
    ]
    # Each side's speakers, gathered in one pass (not one pass over every node per side).
    speakers: dict[str, list[tuple[str, str]]] = {}
    for (home, speaker), node in nodes.items():
        speakers.setdefault(home, []).append((speaker, node))
    sides = sorted(speakers, key=lambda side: (names.get(side, side), side))
    for number, side in enumerate(sides):
        lines.append(f"  subgraph cluster_{number} {{")
        lines.append(f"    label={_quote(names.get(side, side))};")
        lines.extend(
            f"    {node} [label={_quote(names.get(speaker, speaker))}];"
            for speaker, node in speakers[side]
        )
        lines.append("  }")
    lines.extend(edges)
    lines.append("}")
    return "\n".join(lines) + "\n"


def _node(nodes: dict[tuple[str, str], str], assertion: Assertion) -> str:
    # Keyed by side and speaker: a speaker who spoke for two sides is one node in each box.
    key = (assertion.side, assertion.speaker)
    if key not in nodes:
        nodes[key] = f"n{len(nodes)}"
    return nodes[key]


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'
