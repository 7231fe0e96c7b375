"""A report as text for a terminal: what ``str(report)`` and ``diplostatements check`` print.

The first line counts everything ("3 contradictions (3 definite, 0 internal), ..."); each finding
follows, numbered, with its kind, certainty and sides on one line, its sentence wrapped under it,
and the statements it cites; then the disputes and retractions, one item each.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from . import _phrases
from ._plural import counted
from ._wrap import fill

if TYPE_CHECKING:
    from .collection import Assertion
    from .report import Contradiction, Report, Retraction

__all__ = ["report_text"]


def report_text(report: Report, *, limit: int | None = None) -> str:
    """The report as lines of at most 100 characters.

    Args:
        report: the report.
        limit: show at most this many contradictions; a line says how many more there are.
    """
    shown = report if limit is None else report[: max(limit, 0)]
    lines = [report.headline()]
    for number, c in enumerate(shown, 1):
        # The heading too is filled: a long or odd display name (a line break in it) stays
        # within the lines.
        heading = fill(f"{number}. {_heading(c, report.names)}", 100, subsequent="   ")
        lines += ["", heading, _wrap(c.reason)]
        lines.append(f"   statements: {_cite(c.first)}, {_cite(c.second)}")
        if c.via:
            lines.append(_wrap("via " + " -> ".join(c.via)))
    if len(shown) < len(report):
        lines += ["", f"... and {counted(len(report) - len(shown), 'more contradiction')}"]
    if report.disputes:
        lines += ["", "Disputes (not contradictions):"]
        lines += [_item(f"{d.kind.name} ({d.rebuttal.id}): {d.reason}") for d in report.disputes]
    if report.retracted:
        lines += ["", "Retracted:"]
        lines += [_item(_retraction(r, report.names)) for r in report.retracted]
    return "\n".join(lines)


def _cite(assertion: Assertion) -> str:
    # "id#claim" for a stated claim; a rebuttal's implied denial is cited by the rebuttal's id.
    return assertion.ref if assertion.index is not None else assertion.statement.id


def _target(statement_id: str, claim: int | None) -> str:
    return statement_id if claim is None else f"{statement_id}#{claim}"


def _wrap(text: str) -> str:
    return fill(text, 100, indent="   ", subsequent="   ")


def _item(text: str) -> str:
    return fill(text, 100, indent="- ", subsequent="  ")


def _heading(finding: Contradiction, names: Mapping[str, str]) -> str:
    """The heading of a finding: "DENIAL, definite: the United States vs Russia"."""
    first, second = (_phrases.running_name(side, names) for side in finding.sides)
    sides = f"{first}, internal" if finding.internal else f"{first} vs {second}"
    return f"{finding.kind.name}, {finding.certainty.value}: {sides}"


def _retraction(retraction: Retraction, names: Mapping[str, str]) -> str:
    side = _phrases.running_name(retraction.side, names)
    return (
        f"{_target(retraction.target.id, retraction.claim)} by {retraction.retraction.id} ({side})"
    )
