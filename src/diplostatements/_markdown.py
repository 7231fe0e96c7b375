"""Reports as Markdown, for a pull request, a wiki page or a newsroom's notes.

Text from the user (names, sentences, quotes) is escaped, so that a claim about ``*`` or a quote
holding ``[brackets]`` reads as written rather than as Markdown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ._phrases import capitalized, running_name
from ._plural import counted

if TYPE_CHECKING:
    from ._summaries import SidesSummary
    from .collection import Assertion
    from .report import Report

__all__ = ["escape", "report_markdown", "sides_markdown"]

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


def escape(text: str) -> str:
    r"""The text with every character Markdown could read as markup escaped.

    >>> escape("[official] *most*")
    '\\[official\\] \\*most\\*'
    """
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def report_markdown(report: Report, *, limit: int | None = None) -> str:
    """A report as Markdown: the counts, then a numbered list, then disputes and retractions.

    Args:
        report: the report.
        limit: show at most this many contradictions; a line says how many more there are.
    """
    names = report.names
    shown = report if limit is None else report[: max(limit, 0)]
    lines = [f"**{escape(report.headline())}**", ""]
    for number, c in enumerate(shown, 1):
        first, second = (running_name(side, names) for side in c.sides)
        sides = f"{first}, internal" if c.internal else f"{first} vs {second}"
        cited = ", ".join(f"`{ref}`" for ref in (_cite(c.first), _cite(c.second)))
        via = f" Via {escape(' -> '.join(c.via))}." if c.via else ""
        lines.append(
            f"{number}. **{c.kind.name}, {c.certainty.value}: {escape(capitalized(sides))}.**"
            f" {escape(c.reason)}{via} Statements: {cited}."
        )
    if len(shown) < len(report):
        lines += ["", f"... and {counted(len(report) - len(shown), 'more contradiction')}."]
    if report.disputes:
        lines += ["", "## Disputes (not contradictions)", ""]
        lines += [
            f"- **{d.kind.name}** (`{d.rebuttal.id}`): {escape(d.reason)}" for d in report.disputes
        ]
    if report.retracted:
        lines += ["", "## Retracted", ""]
        for r in report.retracted:
            target = r.target.id if r.claim is None else f"{r.target.id}#{r.claim}"
            side = escape(running_name(r.side, names))
            lines.append(f"- `{target}` by `{r.retraction.id}` ({side})")
    return "\n".join(lines) + "\n"


def sides_markdown(summary: SidesSummary) -> str:
    """A summary by sides as a Markdown table."""
    lines = [
        "| sides | contradictions | definite | possible | kinds |",
        "|---|---:|---:|---:|---|",
    ]
    for row in summary:
        first, second = row["side_name"], row["other_side_name"]
        sides = f"{first}, internal" if row["internal"] else f"{first} vs {second}"
        kinds = ", ".join(
            f"{key} {row[key]}"
            for key in row
            if key not in _COUNTS and isinstance(row[key], int) and row[key]
            and not isinstance(row[key], bool)
        )  # fmt: skip
        lines.append(
            f"| {escape(capitalized(sides))} | {row['contradictions']} | {row['definite']}"
            f" | {row['possible']} | {kinds} |"
        )
    return "\n".join(lines) + "\n"


_COUNTS = frozenset({"contradictions", "definite", "possible"})


def _cite(assertion: Assertion) -> str:
    # "id#claim" for a stated claim; a rebuttal's implied denial is cited by the rebuttal's id.
    return assertion.ref if assertion.index is not None else assertion.statement.id
