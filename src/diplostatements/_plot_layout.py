"""Where each thing goes in a timeline picture: lanes, rows and the date range.

Nothing here draws or imports a plotting library. :mod:`._plot` describes what to show as a
:class:`Scene` (statements as :class:`Mark` values with their claim periods as :class:`Bar`
values, contradictions and disputes as :class:`Link` values); :func:`layout` decides where each
mark goes; :mod:`._plot_draw` draws the result with matplotlib.

Sizes are in inches, so that text (whose size is in points) keeps its size however long the
period shown is: x is a day number (:meth:`datetime.date.toordinal`, a day ``d`` covering
``[d, d + 1)``), y is inches down from the top of the plot. Each side gets a lane; in a lane,
statements whose marks, claim bars and labels would overlap go on separate rows, packed first fit
in order of their left edge, so a row holds as many statements as fit side by side.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date

import attrs

from .timespans import TimeSpan

__all__ = [
    "BAR",
    "ROW",
    "ROW_PAD",
    "STRIP",
    "Bar",
    "Lane",
    "Layout",
    "Link",
    "Mark",
    "Placed",
    "Scene",
    "core",
    "label_anchor",
    "layout",
    "order_sides",
    "reach",
]

ROW_PAD = 0.06
"""Space above and below each row, in inches."""
ROW = 0.20
"""Height of a row's mark line (the marker and its label), in inches."""
STRIP = 0.11
"""Height of each claim bar's strip under the mark line, in inches."""
BAR = 0.09
"""Thickness of a claim bar inside its strip, in inches."""
LANE_PAD = 0.08
"""Space above the first row and below the last row of a lane, in inches."""
GAP = 0.12
"""Least space between two statements sharing a row, in inches."""
LABEL_PAD = 0.08
"""Space between a statement's marker (or its date range) and its label, in inches."""
MARKER = 0.05
"""Half the width of a marker, in inches."""
MAX_LABEL = 0.35
"""The widest a label may be, as a share of the plot's width (longer labels are shortened)."""


@attrs.frozen
class Bar:
    """A claim's period, drawn under its statement.

    Args:
        ref: which claim (``"statement-id#index"``, or an implied denial's reference).
        when: the period.
    """

    ref: str
    when: TimeSpan


@attrs.frozen
class Mark:
    """A statement: a marker on the date it was made, its label, and the bars of its claims.

    Args:
        id: the statement's id.
        side: the lane it goes in.
        label: the text beside it.
        said: when it was made.
        rebuttal: whether it is a rebuttal (a different marker).
        bars: the periods of its claims, at most one per distinct period.
    """

    id: str
    side: str
    label: str
    said: TimeSpan
    rebuttal: bool
    bars: tuple[Bar, ...] = ()


@attrs.frozen
class Link:
    """An arc between two statements.

    Args:
        first: the id of one statement.
        second: the id of the other.
        kind: a contradiction's kind (a :class:`~diplostatements.Rule` value such as
            ``"denial"``), or ``"dispute"``.
        definite: whether the contradiction is definite (a dispute never is).
    """

    first: str
    second: str
    kind: str
    definite: bool


@attrs.frozen
class Scene:
    """What a picture shows.

    Args:
        lanes: the sides, top to bottom.
        names: side id -> the name its lane shows.
        marks: the statements, each on a side among ``lanes``.
        links: the arcs, between statements among ``marks``.
    """

    lanes: tuple[str, ...]
    names: Mapping[str, str]
    marks: tuple[Mark, ...]
    links: tuple[Link, ...]


@attrs.frozen
class Placed:
    """A statement where it is drawn.

    Args:
        mark: the statement.
        top: the top of its row, in inches from the top of the plot.
        low: the left end of its date range (or of its day), clipped to the plot.
        high: the right end of its date range, clipped to the plot.
    """

    mark: Mark
    top: float
    low: float
    high: float

    @property
    def x(self) -> float:
        """Where the marker is: the middle of the date range."""
        return (self.low + self.high) / 2

    @property
    def precise(self) -> bool:
        """Whether the statement was made on a known day (not a range of possible days)."""
        return self.high - self.low <= 1

    @property
    def after(self) -> float:
        """What the label goes right of: the marker, or the line across the possible days."""
        return label_anchor(self.low, self.high)

    @property
    def y(self) -> float:
        """The height of the mark line."""
        return self.top + ROW_PAD + ROW / 2

    def bar_y(self, index: int) -> float:
        """The middle of the strip of the statement's ``index``-th bar."""
        return self.top + ROW_PAD + ROW + STRIP * index + STRIP / 2


@attrs.frozen
class Lane:
    """A side's band across the plot.

    Args:
        side: the side's id.
        name: its display name.
        top: the top of the band, in inches from the top of the plot.
        bottom: its bottom.
    """

    side: str
    name: str
    top: float
    bottom: float


@attrs.frozen
class Layout:
    """A scene laid out.

    Args:
        left: the first day shown (a day number, may be fractional).
        right: the end of the days shown.
        height: the height of all the lanes, in inches.
        lanes: the lanes, top to bottom.
        placed: each statement's place, by id.
    """

    left: float
    right: float
    height: float
    lanes: tuple[Lane, ...]
    placed: Mapping[str, Placed]


def reach(span: TimeSpan) -> tuple[float | None, float | None]:
    """The first and the end of the days any reading of ``span`` may touch (``None``: open)."""
    low = None if span.start_earliest == date.min else span.start_earliest.toordinal()
    high = None if span.end_latest == date.max else span.end_latest.toordinal() + 1
    return (
        None if low is None else float(low),
        None if high is None else float(high),
    )


def core(span: TimeSpan) -> tuple[float | None, float | None] | None:
    """The days every reading of ``span`` covers, as ``(first, end)``; ``None`` when none is.

    "From March 1 through March 31" is covered whole; "sometime in March" has no day that every
    reading covers. An open end is ``None``.
    """
    if span.start_latest > span.end_earliest:
        return None
    low = None if span.start_latest == date.min else float(span.start_latest.toordinal())
    high = None if span.end_earliest == date.max else float(span.end_earliest.toordinal() + 1)
    return (low, high)


def layout(scene: Scene, *, width: float, measure: Callable[[str], float]) -> Layout:
    """Lay a scene out on a plot ``width`` inches wide.

    Args:
        scene: what to show.
        width: the width of the plot, in inches.
        measure: the width of a label's text, in inches.

    Returns:
        Where everything goes; the date range leaves room for the labels of the last statements.
    """
    labels = {mark.id: min(measure(mark.label), MAX_LABEL * width) for mark in scene.marks}
    left, right = _limits(scene, width, labels)
    per_inch = (right - left) / width

    def clip(value: float | None, default: float) -> float:
        return default if value is None else min(max(value, left), right)

    places: dict[str, tuple[float, float]] = {}
    extents: dict[str, tuple[float, float]] = {}
    for mark in scene.marks:
        low, high = reach(mark.said)
        low, high = clip(low, left), clip(high, right)
        places[mark.id] = (low, high)
        start = low - MARKER * per_inch
        end = label_anchor(low, high) + (MARKER + LABEL_PAD + labels[mark.id]) * per_inch
        for bar in mark.bars:
            bar_low, bar_high = reach(bar.when)
            start = min(start, clip(bar_low, left))
            end = max(end, clip(bar_high, right))
        extents[mark.id] = (start, end + GAP * per_inch)

    lanes: list[Lane] = []
    placed: dict[str, Placed] = {}
    top = 0.0
    for side in scene.lanes:
        in_lane = sorted(
            (mark for mark in scene.marks if mark.side == side),
            key=lambda mark: (extents[mark.id][0], mark.id),
        )
        rows = _pack(in_lane, extents)
        lane_top = top
        top += LANE_PAD
        for row in rows:
            for mark in row:
                low, high = places[mark.id]
                placed[mark.id] = Placed(mark, top, low, high)
            top += 2 * ROW_PAD + ROW + STRIP * max(len(mark.bars) for mark in row)
        top += LANE_PAD
        lanes.append(Lane(side, scene.names.get(side, side), lane_top, top))
    return Layout(left, right, top, tuple(lanes), placed)


def order_sides(sides: Sequence[str], links: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    """The sides in an order that puts the ones linked by many arcs next to each other.

    The first lane is the side with the most arcs to other sides; each next lane is the side
    with the most arcs to the lane above it, then to all the lanes above, then with the most
    arcs at all; ties, and sides without arcs, keep their order in ``sides``. An arc then
    rarely crosses a lane that has no part in it.

    >>> order_sides(["a", "b", "c", "d"], [("b", "d"), ("d", "b"), ("c", "a")])
    ('b', 'd', 'a', 'c')
    """
    weight: Counter[tuple[str, str]] = Counter()
    for one, other in links:
        if one != other:
            weight[one, other] += 1
            weight[other, one] += 1
    total: Counter[str] = Counter()
    for (one, _), count in weight.items():
        total[one] += count
    left = list(dict.fromkeys(sides))
    placed: list[str] = []
    while left:

        def score(side: str) -> tuple[int, int, int]:
            above = weight[side, placed[-1]] if placed else 0
            return (above, sum(weight[side, other] for other in placed), total[side])

        best = max(left, key=score)  # max keeps the first of equals: the order of ``sides``
        placed.append(best)
        left.remove(best)
    return tuple(placed)


def label_anchor(low: float, high: float) -> float:
    """What a statement's label goes right of: its marker for one day, else its line of days."""
    return (low + high) / 2 if high - low <= 1 else high


def _pack(marks: list[Mark], extents: Mapping[str, tuple[float, float]]) -> list[list[Mark]]:
    # First fit in order of left edge: never more rows than statements overlapping at one point.
    rows: list[list[Mark]] = []
    ends: list[float] = []
    for mark in marks:
        start, end = extents[mark.id]
        for index, row_end in enumerate(ends):
            if row_end <= start:
                rows[index].append(mark)
                ends[index] = end
                break
        else:
            rows.append([mark])
            ends.append(end)
    return rows


def _limits(scene: Scene, width: float, labels: Mapping[str, float]) -> tuple[float, float]:
    days: list[float] = []
    for span in _spans(scene):
        days.extend(value for value in reach(span) if value is not None)
    if not days:  # nothing dated, or only open ends: any month will do
        days = [float(date(2000, 1, 1).toordinal()), float(date(2000, 2, 1).toordinal())]
    first, last = min(days), max(days)
    pad = max(2.0, (last - first) * 0.03)
    left, right = first - pad, last + pad
    # Each label must fit right of its statement: right >= after + share * (right - left), where
    # share is the label's width (and the spaces around it) as a share of the plot's width.
    for mark in scene.marks:
        low, high = reach(mark.said)
        share = (MARKER + LABEL_PAD + labels[mark.id] + GAP) / width
        if high is not None and share < 1:
            after = label_anchor(left if low is None else low, high)
            right = max(right, (after - share * left) / (1 - share))
    return left, right


def _spans(scene: Scene) -> list[TimeSpan]:
    spans = [mark.said for mark in scene.marks]
    spans.extend(bar.when for mark in scene.marks for bar in mark.bars)
    return spans
