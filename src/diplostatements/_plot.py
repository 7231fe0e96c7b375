"""Timeline pictures of a set and of a report, for notebooks (the ``plot`` extra: matplotlib).

What :meth:`StatementSet.plot_timeline <diplostatements.StatementSet.plot_timeline>` and
:meth:`Report.plot <diplostatements.Report.plot>` do. This module reads only the public API of the
set and the report and describes what to show (:class:`._plot_layout.Scene`); matplotlib is
imported only when a picture is asked for, and :mod:`._plot_draw` draws it.

- One lane per side, ordered so that sides linked by many arcs are neighbours (see
  :func:`._plot_layout.order_sides`), or in the order of ``sides``.
- Each statement a marker on the day it was made (a diamond for a rebuttal); a statement whose
  date is imprecise gets a hollow marker in the middle of a line across the days it may have been
  made on.
- Under a statement, a bar for each period its claims are about, where that is not simply the day
  it was made: solid where every reading of the period holds, shaded over its imprecise ends, with
  a triangle where it runs on past the edge of the plot.
- Each contradiction an arc between the two statements, coloured by its kind, solid when definite
  and dashed when possible; each dispute (a qualification or challenge) a grey dotted arc.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

from ._plot_layout import Bar, Link, Mark, Scene, order_sides
from .collection import Assertion, StatementSet
from .exceptions import FieldError, MissingExtraError
from .rebuttals import Rebuttal
from .report import Certainty, Report
from .statements import Statement
from .timespans import TimeSpan

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["plot_report", "plot_timeline"]

_LABEL_CHARACTERS = 40
_LANE_CHARACTERS = 28
_NARROWEST = 4.0


def plot_timeline(
    statements: StatementSet,
    report: Report | None = None,
    *,
    sides: Sequence[str] | None = None,
    ax: Axes | None = None,
    width: float = 10.0,
    title: str | None = None,
) -> Figure:
    """Every statement of a set on a timeline, with the contradictions of ``report`` as arcs.

    See :meth:`diplostatements.StatementSet.plot_timeline`.
    """
    where = "StatementSet.plot_timeline"
    _require_matplotlib(f"{where}()")
    if report is None:
        report = statements.check()
    elif not isinstance(report, Report):
        raise FieldError(f"{where}(report)", "a Report or None", report)
    marks = [_mark(statement, statements.side_of_statement(statement)) for statement in statements]
    names = {**report.names, **statements.names}
    return _draw(where, marks, report, names, sides=sides, ax=ax, width=width, title=title)


def plot_report(
    report: Report,
    *,
    sides: Sequence[str] | None = None,
    ax: Axes | None = None,
    width: float = 10.0,
    title: str | None = None,
) -> Figure:
    """The statements a report's findings and disputes involve, on a timeline, with arcs.

    See :meth:`diplostatements.Report.plot`.
    """
    where = "Report.plot"
    _require_matplotlib(f"{where}()")
    claims: dict[str, list[Assertion]] = {}
    statements: dict[str, tuple[Statement, str]] = {}
    for contradiction in report:
        for assertion in (contradiction.first, contradiction.second):
            statements.setdefault(assertion.statement.id, (assertion.statement, assertion.side))
            claims.setdefault(assertion.statement.id, []).append(assertion)
    for dispute in report.disputes:
        statements.setdefault(dispute.rebuttal.id, (dispute.rebuttal, dispute.side))
        statements.setdefault(dispute.target.id, (dispute.target, dispute.target_side))
    ordered = sorted(statements.values(), key=lambda pair: _when_said(pair[0]))
    marks = [
        _mark(statement, side, claims.get(statement.id, ()), shown_claims=False)
        for statement, side in ordered
    ]
    names = dict(report.names)
    return _draw(where, marks, report, names, sides=sides, ax=ax, width=width, title=title)


def _require_matplotlib(feature: str) -> None:
    try:
        import matplotlib  # noqa: F401, PLC0415  # the optional extra, imported only when drawing
    except ImportError as error:
        raise MissingExtraError(feature, "matplotlib", "plot") from error


def _mark(
    statement: Statement,
    side: str,
    assertions: Iterable[Assertion] = (),
    *,
    shown_claims: bool = True,
) -> Mark:
    periods: list[tuple[str, TimeSpan]] = []
    if shown_claims:
        for index, claim in enumerate(statement.claims):
            if claim.when is not None:
                periods.append((f"{statement.id}#{index}", claim.when))
    else:
        periods.extend((assertion.ref, assertion.when) for assertion in assertions)
    bars: dict[TimeSpan, Bar] = {}
    for ref, when in periods:
        # A period that is the day the statement was made is shown by its marker already.
        if when != statement.said_on and when not in bars:
            bars[when] = Bar(ref, when)
    return Mark(
        id=statement.id,
        side=side,
        label=_shorten(statement.id, _LABEL_CHARACTERS),
        said=statement.said_on,
        rebuttal=isinstance(statement, Rebuttal),
        bars=tuple(bars.values()),
    )


def _links(report: Report, shown: Mapping[str, Mark]) -> list[Link]:
    links: list[Link] = []
    for contradiction in report:
        first, second = contradiction.statements
        if first in shown and second in shown:
            definite = contradiction.certainty is Certainty.DEFINITE
            links.append(Link(first, second, contradiction.kind.value, definite))
    for dispute in report.disputes:
        first, second = dispute.target.id, dispute.rebuttal.id
        if first in shown and second in shown:
            links.append(Link(first, second, "dispute", definite=False))
    return links


def _draw(
    where: str,
    marks: list[Mark],
    report: Report,
    names: Mapping[str, str],
    *,
    sides: Sequence[str] | None,
    ax: Axes | None,
    width: object,
    title: object,
) -> Figure:
    from matplotlib.axes import Axes  # noqa: PLC0415  # checked present by the caller

    if ax is not None and not isinstance(ax, Axes):
        raise FieldError(f"{where}(ax)", "None or a matplotlib Axes", ax)
    if isinstance(width, bool) or not isinstance(width, int | float) or not width >= _NARROWEST:
        raise FieldError(f"{where}(width)", f"a number of inches, at least {_NARROWEST:g}", width)
    if title is not None and not isinstance(title, str):
        raise FieldError(f"{where}(title)", "a string or None", title)
    lanes = _lanes(where, marks, sides)
    marks = [mark for mark in marks if mark.side in lanes]
    shown = {mark.id: mark for mark in marks}
    links = _links(report, shown)
    if sides is None:
        pairs = ((shown[link.first].side, shown[link.second].side) for link in links)
        lanes = order_sides(lanes, pairs)
    scene = Scene(
        lanes=lanes,
        names={side: _shorten(names.get(side, side), _LANE_CHARACTERS) for side in lanes},
        marks=tuple(marks),
        links=tuple(links),
    )
    from ._plot_draw import draw  # noqa: PLC0415  # imports matplotlib

    empty = "no statements" if where.startswith("StatementSet") else "no contradictions"
    return draw(scene, ax=ax, width=float(width), title=title, empty=f"({empty} to show)")


def _lanes(where: str, marks: Sequence[Mark], sides: Sequence[str] | None) -> tuple[str, ...]:
    present = tuple(dict.fromkeys(mark.side for mark in marks))
    if sides is None:
        return present
    if isinstance(sides, str) or not isinstance(sides, Sequence):
        raise FieldError(f"{where}(sides)", "None or a sequence of side ids", sides)
    for index, side in enumerate(sides):
        if side not in present:
            known = ", ".join(repr(ident) for ident in sorted(present)) or "none"
            raise FieldError(
                f"{where}(sides[{index}])", f"a side with statements to show ({known})", side
            )
    return tuple(dict.fromkeys(sides))


def _when_said(statement: Statement) -> tuple[date, date, date, date, str]:
    said = statement.said_on
    return (
        said.start_earliest,
        said.start_latest,
        said.end_earliest,
        said.end_latest,
        statement.id,
    )


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"
