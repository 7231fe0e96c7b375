"""Drawing a timeline scene with matplotlib (imported only by :mod:`._plot`, after checking).

Every drawn part has a ``gid`` naming what it shows, so that a test (or a user post-processing
the figure) can find it: ``lane:SIDE``, ``statement:ID`` (the marker), ``said:ID`` (the line over
an imprecise date), ``label:ID``, ``claim:REF:core`` and ``claim:REF:imprecise`` (a claim bar's
solid and shaded parts), ``open:REF`` (where a bar runs past the plot). The arcs are drawn as one
collection per kind and certainty (see :func:`arc_gid`), in the order the report lists them.

Colours are the Okabe-Ito set, which readers with the common colour-vision deficiencies can tell
apart; each kind of contradiction keeps its colour from one picture to the next.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Final

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import PathCollection
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.path import Path
from matplotlib.textpath import TextToPath

from ._plot_layout import (
    BAR,
    LABEL_PAD,
    MARKER,
    Layout,
    Link,
    Placed,
    Scene,
    core,
    layout,
    reach,
)
from .rules import Rule
from .timespans import TimeSpan

__all__ = [
    "DATES",
    "DISPUTE",
    "INK",
    "KIND_COLOURS",
    "TimelineFigure",
    "arc_gid",
    "draw",
    "kind_colour",
    "measure",
]

FONT = 8.0
"""The size of labels, in points (lane names are one point larger)."""

INK = "#2F3437"
"""The colour of markers."""
DATES = "#A3AAB2"
"""The colour of the line across the days an imprecisely dated statement may have been made on."""
BAR_COLOUR = "#4E79A7"
DISPUTE = "#8C8C8C"
"""The colour of a dispute's arc."""
_BANDS = ("#F3F5F8", "#FFFFFF")
_RULE_LINE = "#D5DAE0"
_PALETTE = ("#D55E00", "#0072B2", "#E69F00", "#CC79A7", "#009E73", "#56B4E9", "#882255")
KIND_COLOURS: dict[str, str] = {
    rule.value: _PALETTE[index % len(_PALETTE)] for index, rule in enumerate(Rule)
}
"""Each kind of contradiction's colour, by the kind's name."""

# Dash patterns (on, off), in multiples of the line's width: dashes longer than their gaps for
# a possible contradiction, dots shorter than their gaps for a dispute.
_DASHED: Final = (0.0, (4.0, 2.5))
_DOTTED: Final = (0.0, (1.0, 2.0))
_SHADE = 0.3
_FEW_ARCS = 20
_POINTS = 72.0
_TEXT = TextToPath()
_EPOCH = date(1970, 1, 1)


class TimelineFigure(Figure):
    """A matplotlib figure that shows itself as a PNG in a notebook.

    A figure made without pyplot is not shown by Jupyter unless pyplot's inline backend happens
    to be active; this one always is, and never twice (pyplot does not know it).
    """

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.savefig(buffer, format="png")
        return buffer.getvalue()


def kind_colour(kind: str) -> str:
    """The colour of an arc of this kind (a rule's name, or ``"dispute"``)."""
    return DISPUTE if kind == "dispute" else KIND_COLOURS[kind]


def measure(text: str, size: float = FONT) -> float:
    """The width of ``text`` in the default font at ``size`` points, in inches (a little over)."""
    width, _, _ = _TEXT.get_text_width_height_descent(text, FontProperties(size=size), ismath=False)
    return width / _POINTS * 1.06 + 0.02


def draw(scene: Scene, *, ax: Axes | None, width: float, title: str | None, empty: str) -> Figure:
    """Draw a scene, on ``ax`` or on a new figure ``width`` inches wide sized to fit.

    Returns:
        The figure drawn on.
    """
    legend = _legend(scene)
    figure: Figure
    if ax is None:
        names = [measure(scene.names[side], FONT + 1) for side in scene.lanes]
        left = max(names, default=0.0) + 0.25
        plot_width = max(width - left - 0.25, 2.0)
        placed = layout(scene, width=plot_width, measure=measure)
        ncol = max(1, int((left + plot_width) // 2.3))
        legend_height = math.ceil(len(legend) / ncol) * 0.2 + 0.1 if legend else 0.0
        top = 0.4 if title else 0.12
        bottom = 0.5 + legend_height
        plot_height = placed.height if scene.marks else 0.6
        height = top + plot_height + bottom
        figure = TimelineFigure(figsize=(left + plot_width + 0.25, height))
        fig_width = left + plot_width + 0.25
        ax = figure.add_axes(
            (left / fig_width, bottom / height, plot_width / fig_width, plot_height / height)
        )
        if legend:
            figure.legend(
                handles=legend,
                loc="upper center",
                bbox_to_anchor=(0.5, (legend_height + 0.02) / height),
                ncol=ncol,
                frameon=False,
                fontsize=FONT,
            )
    else:
        figure = _figure_of(ax)
        plot_width = ax.bbox.width / figure.dpi
        placed = layout(scene, width=plot_width, measure=measure)
        if legend:
            ax.legend(
                handles=legend,
                loc="upper left",
                bbox_to_anchor=(1.01, 1.0),
                frameon=False,
                fontsize=FONT,
            )
    if title:
        ax.set_title(title, loc="left", fontsize=FONT + 3)
    if not scene.marks:
        ax.text(0.5, 0.5, empty, transform=ax.transAxes, ha="center", va="center")
        ax.set_axis_off()
        return figure
    _Painter(ax, placed, plot_width).paint(scene)
    return figure


def _figure_of(ax: Axes) -> Figure:
    figure = ax.get_figure(root=True)
    assert figure is not None  # an Axes always belongs to a figure
    return figure


class _Painter:
    """Draws a laid-out scene on one axes."""

    def __init__(self, ax: Axes, placed: Layout, plot_width: float) -> None:
        self.ax = ax
        self.layout = placed
        # Day numbers -> matplotlib's date numbers (their epoch is a setting).
        self.offset = float(date2num(_EPOCH)) - _EPOCH.toordinal()  # type: ignore[no-untyped-call]
        self.per_inch = (placed.right - placed.left) / plot_width
        plot_height = ax.bbox.height / _figure_of(ax).dpi
        self.y_scale = plot_height / placed.height

    def paint(self, scene: Scene) -> None:
        self._axes()
        self._lanes()
        for item in self.layout.placed.values():
            self._statement(item)
            self._bars(item)
        self._arcs(scene.links)

    def _x(self, day: float) -> float:
        return day + self.offset

    def _axes(self) -> None:
        ax, placed = self.ax, self.layout
        ax.set_xlim(self._x(placed.left), self._x(placed.right))
        ax.set_ylim(placed.height, 0.0)
        # matplotlib.dates has no annotations (3.11): these calls are typed by their results.
        locator = AutoDateLocator(minticks=3, maxticks=9)  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
        ax.tick_params(axis="x", labelsize=FONT)
        ax.tick_params(axis="y", length=0, labelsize=FONT + 1)
        ax.grid(axis="x", color=_RULE_LINE, linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)

    def _lanes(self) -> None:
        lanes = self.layout.lanes
        for index, lane in enumerate(lanes):
            band = self.ax.axhspan(
                lane.top, lane.bottom, color=_BANDS[index % 2], zorder=0.1, linewidth=0
            )
            band.set_gid(f"lane:{lane.side}")
            if index:
                self.ax.axhline(lane.top, color=_RULE_LINE, linewidth=0.8, zorder=0.2)
        self.ax.set_yticks(
            [(lane.top + lane.bottom) / 2 for lane in lanes], [lane.name for lane in lanes]
        )

    def _statement(self, item: Placed) -> None:
        mark, y = item.mark, item.y
        precise = item.precise
        if not precise:
            (line,) = self.ax.plot(
                [self._x(item.low), self._x(item.high)],
                [y, y],
                color=DATES,
                linewidth=1.0,
                marker="|",
                markersize=5,
                zorder=4,
            )
            line.set_gid(f"said:{mark.id}")
        (marker,) = self.ax.plot(
            [self._x(item.x)],
            [y],
            linestyle="none",
            marker="D" if mark.rebuttal else "o",
            markersize=5.5 if mark.rebuttal else 6.0,
            markeredgecolor=INK,
            markerfacecolor=INK if precise else "white",
            markeredgewidth=1.2,
            zorder=6,
        )
        marker.set_gid(f"statement:{mark.id}")
        label = self.ax.text(
            self._x(item.after + (MARKER + LABEL_PAD) * self.per_inch),
            y,
            mark.label,
            fontsize=FONT,
            ha="left",
            va="center",
            zorder=7,
            bbox={"boxstyle": "square,pad=0.08", "facecolor": "white", "edgecolor": "none"},
        )
        label.set_gid(f"label:{mark.id}")
        label.get_bbox_patch().set_alpha(0.8)  # type: ignore[union-attr]

    def _bars(self, item: Placed) -> None:
        least = 0.05 * self.per_inch  # a one-day period stays visible on a long plot
        for index, bar in enumerate(item.mark.bars):
            y = item.bar_y(index)
            low, high = reach(bar.when)
            start = self.layout.left if low is None else max(low, self.layout.left)
            end = self.layout.right if high is None else min(high, self.layout.right)
            held = core(bar.when)
            if held is None:
                self._block(bar.ref, "imprecise", start, end, y)
            else:
                core_start = start if held[0] is None else max(held[0], start)
                core_end = end if held[1] is None else min(held[1], end)
                if core_end - core_start < least:
                    middle = (core_start + core_end) / 2
                    core_start, core_end = middle - least / 2, middle + least / 2
                for part_start, part_end in ((start, core_start), (core_end, end)):
                    if part_end > part_start:
                        self._block(bar.ref, "imprecise", part_start, part_end, y)
                self._block(bar.ref, "core", core_start, core_end, y)
            for side, day in (("<", low), (">", high)):
                if day is None or not self.layout.left <= day <= self.layout.right:
                    edge = start if side == "<" else end
                    (arrow,) = self.ax.plot(
                        [self._x(edge)],
                        [y],
                        marker=side,
                        markersize=4.5,
                        color=BAR_COLOUR,
                        linestyle="none",
                        zorder=2,
                    )
                    arrow.set_gid(f"open:{bar.ref}")

    def _block(self, ref: str, part: str, start: float, end: float, y: float) -> None:
        block = Rectangle(
            (self._x(start), y - BAR / 2),
            end - start,
            BAR,
            facecolor=BAR_COLOUR,
            edgecolor="none",
            alpha=0.9 if part == "core" else _SHADE,
            zorder=2,
        )
        block.set_gid(f"claim:{ref}:{part}")
        self.ax.add_patch(block)

    def _arcs(self, links: Sequence[Link]) -> None:
        # One collection per kind and certainty: a figure may hold thousands of arcs, and one
        # artist each would cost a millisecond apiece. Many arcs are drawn thinner and lighter,
        # so that the statements stay readable through them.
        thin = min(1.0, math.sqrt(_FEW_ARCS / max(len(links), 1)))
        groups: dict[tuple[str, bool], list[Path]] = {}
        seen: Counter[frozenset[str]] = Counter()
        for link in links:
            pair = frozenset((link.first, link.second))
            groups.setdefault((link.kind, link.definite), []).append(self._arc(link, seen[pair]))
            seen[pair] += 1
        for kind, definite in sorted(groups, key=_arc_order):
            contradiction = kind != "dispute"
            arcs = PathCollection(
                groups[kind, definite],
                facecolors="none",
                edgecolors=kind_colour(kind),
                linewidths=max(0.7, (1.7 if contradiction else 1.3) * thin),
                linestyles="-" if definite else _DASHED if contradiction else _DOTTED,
                alpha=0.5 + 0.45 * thin,
                capstyle="round",
                zorder=5,
                transform=self.ax.transData,
            )
            arcs.set_gid(arc_gid(kind, definite=definite))
            self.ax.add_collection(arcs, autolim=False)

    def _arc(self, link: Link, repeat: int) -> Path:
        one, other = self.layout.placed[link.first], self.layout.placed[link.second]
        # Work in inches, y up, so that a bend looks the same on any date range.
        ax_, ay = self._inches(one)
        bx, by = self._inches(other)
        if (ay, -ax_) < (by, -bx):  # from the upper point, then the left one: the same arc
            ax_, ay, bx, by = bx, by, ax_, ay  # whichever way round the report lists the pair
        dx, dy = bx - ax_, by - ay
        length = math.hypot(dx, dy)
        if length < 1e-9:  # two claims of one statement: a loop left of its marker
            reach_ = 0.35 + 0.12 * repeat
            points = [
                (ax_, ay),
                (ax_ - reach_, ay + 0.22),
                (ax_ - reach_, ay - 0.22),
                (ax_, ay),
            ]
            codes = [Path.MOVETO, Path.CURVE4, Path.CURVE4, Path.CURVE4]
        else:
            nx, ny = dy / length, -dx / length
            # Bend towards the middle of the plot, where there is room, not out of it.
            middle_x, middle_y = self._inches_of(
                (self.layout.left + self.layout.right) / 2, self.layout.height / 2
            )
            towards = nx * (middle_x - (ax_ + bx) / 2) + ny * (middle_y - (ay + by) / 2)
            if towards < 0 or (towards == 0 and nx > 0):
                nx, ny = -nx, -ny
            bend = min(0.12 + 0.18 * length + 0.14 * repeat, 1.4)
            control = ((ax_ + bx) / 2 + 2 * bend * nx, (ay + by) / 2 + 2 * bend * ny)
            points = [(ax_, ay), control, (bx, by)]
            codes = [Path.MOVETO, Path.CURVE3, Path.CURVE3]
        return Path([self._data(x, y) for x, y in points], codes)

    def _inches(self, item: Placed) -> tuple[float, float]:
        return self._inches_of(item.x, item.y)

    def _inches_of(self, day: float, y: float) -> tuple[float, float]:
        return (day - self.layout.left) / self.per_inch, -y * self.y_scale

    def _data(self, x: float, y: float) -> tuple[float, float]:
        return self._x(self.layout.left + x * self.per_inch), -y / self.y_scale


def arc_gid(kind: str, *, definite: bool) -> str:
    """The name of the collection that holds the arcs of a kind and certainty.

    ``arcs:denial:definite``, ``arcs:negation:possible``...; disputes are ``arcs:dispute``.
    Within a collection the arcs are in the order the report lists them.
    """
    if kind == "dispute":
        return "arcs:dispute"
    return f"arcs:{kind}:{'definite' if definite else 'possible'}"


def _arc_order(key: tuple[str, bool]) -> tuple[int, bool]:
    kind, definite = key
    return (
        len(KIND_COLOURS) if kind == "dispute" else list(KIND_COLOURS).index(kind),
        not definite,
    )


def _legend(scene: Scene) -> list[Artist]:
    handles: list[Artist] = []
    kinds = {link.kind for link in scene.links}
    for kind in [rule.value for rule in Rule]:
        if kind in kinds:
            handles.append(Line2D([], [], color=kind_colour(kind), linewidth=2, label=kind))
    if kinds - {"dispute"}:
        handles.append(Line2D([], [], color=INK, linewidth=1.5, label="definite"))
        handles.append(
            Line2D([], [], color=INK, linewidth=1.5, linestyle=_DASHED, label="possible")
        )
    if "dispute" in kinds:
        handles.append(
            Line2D(
                [],
                [],
                color=DISPUTE,
                linewidth=1.3,
                linestyle=_DOTTED,
                label="dispute (not a contradiction)",
            )
        )
    handles.extend(_mark_handles(scene))
    return handles


def _mark_handles(scene: Scene) -> Sequence[Artist]:
    handles: list[Artist] = []

    def marker(shape: str, face: str, label: str) -> Line2D:
        return Line2D(
            [],
            [],
            linestyle="none",
            marker=shape,
            markersize=6,
            markeredgecolor=INK,
            markerfacecolor=face,
            label=label,
        )

    marks = scene.marks
    if any(not mark.rebuttal for mark in marks):
        handles.append(marker("o", INK, "statement"))
    if any(mark.rebuttal for mark in marks):
        handles.append(marker("D", INK, "rebuttal"))
    if any(_imprecise(mark.said) for mark in marks):
        handles.append(marker("o", "white", "date imprecise"))
    bars = [bar for mark in marks for bar in mark.bars]
    if bars:
        handles.append(Patch(facecolor=BAR_COLOUR, alpha=0.9, label="claim period"))
    if any(core(bar.when) != reach(bar.when) for bar in bars):
        handles.append(Patch(facecolor=BAR_COLOUR, alpha=_SHADE, label="imprecise bounds"))
    return handles


def _imprecise(span: TimeSpan) -> bool:
    low, high = reach(span)
    return low is None or high is None or high - low > 1
