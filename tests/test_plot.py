"""Tests for the timeline pictures: StatementSet.plot_timeline and Report.plot (matplotlib)."""

from __future__ import annotations

import io
import itertools
import pickle
import random
import subprocess
import sys
from datetime import date, timedelta
from typing import Any, cast

import attrs
import numpy as np
import pytest
from matplotlib.artist import Artist
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex
from matplotlib.dates import date2num
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from diplostatements import (
    Actor,
    Affiliation,
    Certainty,
    Claim,
    Modality,
    Quantity,
    Rebuttal,
    RebuttalKind,
    Report,
    Statement,
    StatementSet,
    TimeSpan,
    examples,
)
from diplostatements._plot_draw import DISPUTE, arc_gid
from diplostatements._plot_layout import (
    Bar,
    Mark,
    Scene,
    core,
    layout,
    order_sides,
    reach,
)
from diplostatements.exceptions import DiplostatementsError, FieldError, MissingExtraError

MON, TUE = date(2019, 6, 3), date(2019, 6, 4)
STATES = [Actor.state("RUS"), Actor.state("USA")]


def parts(figure: Figure, prefix: str) -> dict[str, Artist]:
    """The figure's artists whose gid starts with ``prefix``, by gid."""
    found: dict[str, Artist] = {}
    for artist in figure.findobj(lambda a: (a.get_gid() or "").startswith(prefix)):
        gid = artist.get_gid()
        assert gid is not None
        assert gid not in found, f"two artists are named {gid}"
        found[gid] = artist
    return found


def only(figure: Figure, gid: str) -> Artist:
    """The one artist named ``gid``."""
    found = parts(figure, gid)
    assert list(found) == [gid]
    return found[gid]


def marker(figure: Figure, statement: str) -> Line2D:
    """The marker of a statement."""
    artist = only(figure, f"statement:{statement}")
    assert isinstance(artist, Line2D)
    return artist


def xs(line: Line2D) -> list[float]:
    """The x coordinates of a line's points."""
    return [float(x) for x in np.asarray(line.get_xdata(), dtype=float)]


def point(line: Line2D) -> tuple[float, float]:
    """The one point a marker is drawn at."""
    (x,) = xs(line)
    (y,) = np.asarray(line.get_ydata(), dtype=float)
    return x, float(y)


def lane_extent(figure: Figure, side: str) -> tuple[float, float]:
    """The top and bottom of a side's lane (y grows downwards)."""
    band = only(figure, f"lane:{side}")
    assert isinstance(band, Rectangle)
    ys = [band.get_y(), band.get_y() + band.get_height()]
    return min(ys), max(ys)


def blocks(figure: Figure, ref: str) -> dict[str, Rectangle]:
    """A claim bar's parts: ``core`` (solid) and/or ``imprecise`` (shaded), the widest of each."""
    found: dict[str, Rectangle] = {}
    for gid, artist in parts(figure, f"claim:{ref}:").items():
        assert isinstance(artist, Rectangle)
        found[gid.rsplit(":", 1)[1]] = artist
    return found


def spans(figure: Figure, ref: str) -> list[tuple[float, float, float]]:
    """Every rectangle of a claim bar as (start, end, alpha), left to right."""
    found = []
    for artist in figure.findobj(Rectangle):
        gid = artist.get_gid() or ""
        if gid.startswith(f"claim:{ref}:"):
            start = artist.get_x()
            found.append((start, start + artist.get_width(), artist.get_alpha() or 1.0))
    return sorted(found)


@attrs.frozen
class Arc:
    """One arc as drawn: its points, and the style of the collection it is drawn in."""

    vertices: list[tuple[float, float]]
    colour: str
    dashes: tuple[float, ...] | None
    width: float

    @property
    def ends(self) -> set[tuple[float, float]]:
        """The two points it joins (rounded, so that they compare with marker positions)."""
        return {(round(x, 6), round(y, 6)) for x, y in (self.vertices[0], self.vertices[-1])}


def arc_collections(figure: Figure) -> dict[str, PathCollection]:
    """The collections of arcs, by gid (one per kind and certainty)."""
    found = parts(figure, "arcs:")
    assert all(isinstance(arcs, PathCollection) for arcs in found.values())
    return {gid: arcs for gid, arcs in found.items() if isinstance(arcs, PathCollection)}


def drawn(figure: Figure, gid: str) -> list[Arc]:
    """The arcs of one collection, in order."""
    arcs = arc_collections(figure)[gid]
    (colour,) = {to_hex(tuple(rgba)) for rgba in np.asarray(arcs.get_edgecolor(), dtype=float)}
    # A collection keeps its line styles as (offset, dashes or None) pairs, whatever was set.
    styles = cast("list[tuple[float, Any]]", arcs.get_linestyle())
    ((_, pattern),) = {
        (offset, None if dashes is None else tuple(float(d) for d in dashes))
        for offset, dashes in styles
    }
    (width,) = {float(w) for w in np.asarray(arcs.get_linewidth(), dtype=float)}
    return [
        Arc(
            [(float(x), float(y)) for x, y in np.asarray(path.vertices, dtype=float)],
            colour,
            pattern,
            width,
        )
        for path in arcs.get_paths()
    ]


def arcs(figure: Figure, report: Report) -> dict[str, Arc]:
    """Each finding's arc ("contradiction:N") and each dispute's ("dispute:N").

    The picture draws one collection per kind and certainty, each in the report's order.
    """
    found: dict[str, Arc] = {}
    taken: dict[str, int] = {}
    collections = arc_collections(figure)
    for number, finding in enumerate(report):
        gid = arc_gid(finding.kind.value, definite=finding.certainty is Certainty.DEFINITE)
        if gid in collections:
            index = taken.get(gid, 0)
            taken[gid] = index + 1
            found[f"contradiction:{number}"] = drawn(figure, gid)[index]
    if "arcs:dispute" in collections:
        for number, arc in enumerate(drawn(figure, "arcs:dispute")):
            found[f"dispute:{number}"] = arc
    assert sum(len(drawn(figure, gid)) for gid in collections) == len(found)
    return found


def at(line: Line2D) -> tuple[float, float]:
    """A marker's point, rounded like :func:`ends`."""
    x, y = point(line)
    return round(x, 6), round(y, 6)


def day(value: date) -> float:
    """Where a day starts on the x axis."""
    return float(date2num(value))  # type: ignore[no-untyped-call]  # matplotlib.dates is untyped


def extents(figure: Figure, prefix: str) -> dict[str, Bbox]:
    """Where the named artists are drawn, in display pixels."""
    figure.draw_without_rendering()
    return {gid: artist.get_window_extent() for gid, artist in parts(figure, prefix).items()}


def busy_set(statements: int = 40, sides: int = 6, seed: int = 7) -> StatementSet:
    """A generated set of many statements by several sides, with contradictions of each shape."""
    rng = random.Random(seed)
    codes = ["USA", "RUS", "CHN", "FRA", "GBR", "UKR", "DEU", "TUR"][:sides]
    items: list[Actor | Affiliation | Statement] = []
    for code in codes:
        items += [
            Actor.state(code),
            Actor.person(f"{code.lower()}-spokesperson", f"{code} spokesperson"),
            Affiliation(f"{code.lower()}-spokesperson", code, speaks_for=True),
        ]
    propositions = [
        ("RUS", "has_personnel_in", "UKR"),
        ("CHN", "supports", "RUS"),
        ("USA", "informed", "RUS"),
        ("UKR", "attacked", "RUS"),
    ]
    made: list[Statement] = []
    for number in range(statements):
        code = rng.choice(codes)
        speaker = rng.choice([code, f"{code.lower()}-spokesperson"])
        said = date(2022, 1, 1) + timedelta(days=rng.randrange(330))
        said_on = (
            TimeSpan.on(said) if rng.random() < 0.8 else TimeSpan.sometime_in(2022, said.month)
        )
        ident = f"s{number:02d}"
        if made and rng.random() < 0.2:
            kind = rng.choice([RebuttalKind.DENIAL, RebuttalKind.CHALLENGE])
            target = rng.choice(made).id
            made.append(Rebuttal(ident, speaker, said_on, targets=[target], kind=kind))
            continue
        claims = []
        for _ in range(rng.choice([1, 1, 2])):
            subject, predicate, obj = rng.choice(propositions)
            when = rng.choice(
                [
                    None,
                    None,
                    TimeSpan.between(said - timedelta(days=rng.randrange(10, 90)), said),
                    TimeSpan.sometime_in(2022, max(1, said.month - 1)),
                ]
            )
            claims.append(
                Claim(
                    subject,
                    predicate,
                    obj,
                    polarity=rng.choice(["affirmed", "negated"]),
                    modality=rng.choice([Modality.CERTAIN, Modality.CERTAIN, Modality.PROBABLE]),
                    when=when,
                )
            )
        made.append(Statement(ident, speaker, said_on, claims))
    return StatementSet([*items, *made])


def every_kind() -> StatementSet:
    """A set with one finding of each kind, all between Russia and the United States."""
    items: list[Actor | Affiliation | Statement] = [
        Actor.state(code) for code in ("RUS", "USA", "UKR", "VEN", "SYR")
    ]
    pairs = [
        ("negation", Claim("RUS", "supports", "x"), Claim("RUS", "supports", "x").negated()),
        (
            "exclusive",
            Claim("maduro", "legitimate_president_of", "VEN"),
            Claim("guaido", "legitimate_president_of", "VEN"),
        ),
        ("contrary", Claim("RUS", "allied_with", "UKR"), Claim("RUS", "at_war_with", "UKR")),
        (
            "quantity",
            Claim("RUS", "has_personnel_in", "VEN", quantity=Quantity.parse("about 1,000")),
            Claim("RUS", "has_personnel_in", "VEN", quantity=Quantity.parse("a few dozen")),
        ),
        (
            "entailed",
            Claim("RUS", "deployed_personnel_to", "SYR"),
            Claim("RUS", "has_personnel_in", "SYR").negated(),
        ),
    ]
    for name, one, other in pairs:
        items += [
            Statement(f"{name}-a", "RUS", TUE, [one]),
            Statement(f"{name}-b", "USA", TUE, [other]),
        ]
    items += [
        Statement("tweet", "USA", TUE, [Claim("RUS", "informed", "USA")]),
        Rebuttal("denial", "RUS", TUE, targets=["tweet"], kind=RebuttalKind.DENIAL),
    ]
    return StatementSet(items)


@pytest.fixture(scope="module")
def seed() -> StatementSet:
    """The bundled example."""
    return examples.venezuela_2019()


@pytest.fixture(scope="module")
def seed_report(seed: StatementSet) -> Report:
    """The bundled example's report."""
    return seed.check()


@pytest.fixture(scope="module")
def timeline(seed: StatementSet, seed_report: Report) -> Figure:
    """The bundled example's timeline picture."""
    return seed.plot_timeline(seed_report)


@pytest.fixture(scope="module")
def busy() -> StatementSet:
    """A busy generated set: 40 statements by 6 sides."""
    return busy_set()


class TestLanes:
    def test_one_lane_per_side_named_by_the_side(
        self, seed: StatementSet, timeline: Figure
    ) -> None:
        """Every side that made a statement has one lane, labelled with its display name."""
        sides = {seed.side_of_statement(statement) for statement in seed}
        assert set(parts(timeline, "lane:")) == {f"lane:{side}" for side in sides}
        (ax,) = timeline.axes
        labels = {label.get_text() for label in ax.get_yticklabels()}
        assert labels == {seed.names[side] for side in sides}

    def test_lanes_do_not_overlap(self, timeline: Figure) -> None:
        """Lanes are stacked: each starts where the one above ends."""
        bands = sorted(lane_extent(timeline, gid[5:]) for gid in parts(timeline, "lane:"))
        for (_, bottom), (top, _) in itertools.pairwise(bands):
            assert top == pytest.approx(bottom)

    def test_each_statement_sits_in_its_sides_lane(
        self, seed: StatementSet, timeline: Figure
    ) -> None:
        """A statement's marker is inside the lane of the side it commits."""
        for statement in seed:
            top, bottom = lane_extent(timeline, seed.side_of_statement(statement))
            assert top < point(marker(timeline, statement.id))[1] < bottom

    def test_sides_that_contradict_each_other_are_neighbours(self, timeline: Figure) -> None:
        """The lanes are ordered so that an arc crosses no lane that has no part in it."""
        order = [
            gid[5:]
            for gid, _ in sorted(
                parts(timeline, "lane:").items(),
                key=lambda item: lane_extent(timeline, item[0][5:]),
            )
        ]
        assert abs(order.index("USA") - order.index("RUS")) == 1
        assert abs(order.index("wsj") - order.index("rostec")) == 1

    def test_sides_choose_and_order_the_lanes(self, seed: StatementSet) -> None:
        """``sides`` shows only those lanes, in that order, and only their statements."""
        figure = seed.plot_timeline(seed.check(), sides=["rostec", "USA"])
        rostec, usa = lane_extent(figure, "rostec"), lane_extent(figure, "USA")
        assert rostec[1] <= usa[0]
        assert set(parts(figure, "lane:")) == {"lane:rostec", "lane:USA"}
        shown = {gid.split(":", 1)[1] for gid in parts(figure, "statement:")}
        assert shown == {st.id for st in seed if seed.side_of_statement(st) in {"rostec", "USA"}}
        # The two findings between these sides and others have no lane to end in.
        assert arc_collections(figure) == {}


class TestMarks:
    def test_one_marker_per_statement_on_the_day_it_was_made(
        self, seed: StatementSet, timeline: Figure
    ) -> None:
        """A statement made on one day is a filled marker in the middle of that day."""
        assert len(parts(timeline, "statement:")) == len(seed)
        tweet = marker(timeline, "trump-2019-06-03")
        assert point(tweet)[0] == pytest.approx(day(MON) + 0.5)
        assert to_hex(tweet.get_markerfacecolor()) == to_hex(tweet.get_markeredgecolor())

    def test_rebuttals_have_their_own_marker(self, seed: StatementSet, timeline: Figure) -> None:
        """Rebuttals are diamonds, other statements circles."""
        for statement in seed:
            expected = "D" if isinstance(statement, Rebuttal) else "o"
            assert marker(timeline, statement.id).get_marker() == expected

    def test_an_imprecise_date_is_a_hollow_marker_on_a_line_over_its_days(
        self, timeline: Figure
    ) -> None:
        """An imprecise date: a line over the days it may be, a hollow marker midway."""
        said = only(timeline, "said:wsj-rostec-report")
        assert isinstance(said, Line2D)
        start, end = sorted(xs(said))
        assert (start, end) == pytest.approx((day(date(2019, 1, 1)), day(MON) + 1))
        mark = marker(timeline, "wsj-rostec-report")
        assert point(mark)[0] == pytest.approx((start + end) / 2)
        assert to_hex(mark.get_markerfacecolor()) == "#ffffff"

    def test_a_precise_date_has_no_line(self, timeline: Figure) -> None:
        """Only statements with imprecise dates get a line across their days."""
        assert "said:trump-2019-06-03" not in parts(timeline, "said:")

    def test_labels_are_the_statement_ids_right_of_their_marks(self, timeline: Figure) -> None:
        """Each statement's label is its id, starting right of its marker (and its date line)."""
        for gid, label in parts(timeline, "label:").items():
            ident = gid.split(":", 1)[1]
            assert isinstance(label, Text)
            assert label.get_text() == ident
            said = parts(timeline, f"said:{ident}").get(f"said:{ident}")
            right = max(xs(said)) if isinstance(said, Line2D) else point(marker(timeline, ident))[0]
            assert label.get_position()[0] > right


class TestBars:
    def test_a_period_held_throughout_is_one_solid_bar(self, timeline: Figure) -> None:
        """A period held throughout ("until June 4"): solid from the plot's left edge to June 4."""
        bar = blocks(timeline, "peskov-2019-06-04-denial#0")
        assert set(bar) == {"core"}
        (ax,) = timeline.axes
        assert bar["core"].get_x() == pytest.approx(ax.get_xlim()[0])
        assert bar["core"].get_x() + bar["core"].get_width() == pytest.approx(day(TUE) + 1)

    def test_an_open_end_is_marked_where_it_leaves_the_plot(self, timeline: Figure) -> None:
        """A period with no start gets a left-pointing triangle at the plot's edge."""
        arrow = only(timeline, "open:peskov-2019-06-04-denial#0")
        assert isinstance(arrow, Line2D)
        assert arrow.get_marker() == "<"
        (ax,) = timeline.axes
        assert point(arrow)[0] == pytest.approx(ax.get_xlim()[0])

    def test_a_moment_sometime_in_a_month_is_shaded_over_the_month(self, timeline: Figure) -> None:
        """A moment "sometime in March" is held on no day in every reading: all shaded."""
        (start, end, alpha), *rest = spans(timeline, "us-officials-s300#0")
        assert rest == []
        assert (start, end) == pytest.approx((day(date(2019, 3, 1)), day(date(2019, 4, 1))))
        core_alpha = blocks(timeline, "peskov-2019-06-04-denial#0")["core"].get_alpha()
        assert core_alpha is not None
        assert alpha < core_alpha

    def test_imprecise_ends_are_shaded_beside_a_solid_middle(self) -> None:
        """Starting sometime in January and ending sometime in March: shade, solid, shade."""
        span = TimeSpan(
            start_earliest=date(2019, 1, 1),
            start_latest=date(2019, 1, 31),
            end_earliest=date(2019, 3, 1),
            end_latest=date(2019, 3, 31),
        )
        s = StatementSet(
            [*STATES, Statement("s", "RUS", TUE, [Claim("RUS", "supports", "x", when=span)])]
        )
        figure = s.plot_timeline(Report())
        (a_start, a_end, a_alpha), (b_start, b_end, b_alpha), (c_start, c_end, c_alpha) = spans(
            figure, "s#0"
        )
        assert (a_start, a_end) == pytest.approx((day(date(2019, 1, 1)), day(date(2019, 1, 31))))
        assert (b_start, b_end) == pytest.approx((day(date(2019, 1, 31)), day(date(2019, 3, 2))))
        assert (c_start, c_end) == pytest.approx((day(date(2019, 3, 2)), day(date(2019, 4, 1))))
        assert a_alpha == c_alpha < b_alpha

    def test_claims_about_the_day_they_were_said_have_no_bar(
        self, seed: StatementSet, timeline: Figure
    ) -> None:
        """A bar is drawn only for a claim whose period is not the day the statement was made."""
        expected: set[str] = set()
        for st in seed:
            periods: set[TimeSpan] = set()
            for index, claim in enumerate(st.claims):
                if claim.when is not None and claim.when != st.said_on:
                    # Claims of one statement about the same period share the first one's bar.
                    if claim.when not in periods:
                        expected.add(f"{st.id}#{index}")
                    periods.add(claim.when)
        drawn = {gid.split(":")[1] for gid in parts(timeline, "claim:")}
        assert drawn == expected
        assert "us-officials-s300#0" in drawn
        assert "us-officials-s300#1" not in drawn
        assert "trump-2019-06-03#0" not in drawn

    def test_bars_sit_under_their_statement(self, timeline: Figure) -> None:
        """A statement's bars are below its marker, in its lane."""
        _, mark_y = point(marker(timeline, "moscow-maduro-legitimate"))
        bar = blocks(timeline, "moscow-maduro-legitimate#0")["core"]
        _, bottom = lane_extent(timeline, "RUS")
        assert mark_y < bar.get_y() < bottom


class TestArcs:
    def test_one_arc_per_contradiction_and_dispute(
        self, seed_report: Report, timeline: Figure
    ) -> None:
        """Every finding and every dispute of the report is an arc, and nothing else is."""
        assert set(arcs(timeline, seed_report)) == {
            *(f"contradiction:{n}" for n in range(len(seed_report))),
            *(f"dispute:{n}" for n in range(len(seed_report.disputes))),
        }

    def test_an_arc_joins_the_markers_of_its_two_statements(
        self, seed_report: Report, timeline: Figure
    ) -> None:
        """Each arc starts at one statement's marker and ends at the other's."""
        drawn_arcs = arcs(timeline, seed_report)
        for number, finding in enumerate(seed_report):
            first, second = finding.statements
            arc = drawn_arcs[f"contradiction:{number}"]
            assert arc.ends == {at(marker(timeline, first)), at(marker(timeline, second))}
        for number, dispute in enumerate(seed_report.disputes):
            ids = (dispute.rebuttal.id, dispute.target.id)
            arc = drawn_arcs[f"dispute:{number}"]
            assert arc.ends == {at(marker(timeline, ident)) for ident in ids}

    def test_arcs_are_coloured_by_kind(self, busy: StatementSet) -> None:
        """Arcs of one kind share a colour; different kinds have different colours."""
        report = busy.check()
        drawn_arcs = arcs(busy.plot_timeline(report), report)
        colours: dict[str, set[str]] = {}
        for number, finding in enumerate(report):
            colour = drawn_arcs[f"contradiction:{number}"].colour
            colours.setdefault(finding.kind.value, set()).add(colour)
        assert len(colours) >= 2
        assert all(len(found) == 1 for found in colours.values())
        assert len({colour for found in colours.values() for colour in found}) == len(colours)

    def test_every_kind_has_its_own_colour(self) -> None:
        """One finding of each kind: an arc of a colour of its own, none the disputes' grey."""
        report = every_kind().check()
        kinds = {finding.kind for finding in report}
        assert len(kinds) == len(report) >= 6
        drawn_arcs = arcs(every_kind().plot_timeline(report), report)
        colours = {drawn_arcs[f"contradiction:{n}"].colour for n in range(len(report))}
        assert len(colours) == len(kinds)
        assert to_hex(DISPUTE) not in colours

    def test_definite_solid_possible_dashed_disputes_dotted(self, busy: StatementSet) -> None:
        """Definite arcs are solid, possible ones dashed, disputes dotted and grey."""
        report = busy.check()
        drawn_arcs = arcs(busy.plot_timeline(report), report)
        assert {finding.certainty for finding in report} == {
            Certainty.DEFINITE,
            Certainty.POSSIBLE,
        }
        for number, finding in enumerate(report):
            dashes = drawn_arcs[f"contradiction:{number}"].dashes
            if finding.certainty is Certainty.DEFINITE:
                assert dashes is None
            else:
                assert dashes is not None
                on, off = dashes
                assert on > off  # dashes
        disputes = [arc for gid, arc in drawn_arcs.items() if gid.startswith("dispute:")]
        assert len(disputes) == len(report.disputes) > 0
        for arc in disputes:
            assert arc.dashes is not None
            on, off = arc.dashes
            assert on < off  # dots
            assert arc.colour[1:3] == arc.colour[3:5] == arc.colour[5:7]  # grey

    def test_two_claims_of_one_statement_make_a_loop(self) -> None:
        """A statement contradicting itself gets an arc that leaves and returns to its marker."""
        s = StatementSet(
            [
                *STATES,
                Statement(
                    "s",
                    "RUS",
                    TUE,
                    [Claim("RUS", "informed", "USA"), Claim("RUS", "informed", "USA").negated()],
                ),
            ]
        )
        report = s.check()
        figure = s.plot_timeline(report)
        arc = arcs(figure, report)["contradiction:0"]
        assert arc.ends == {at(marker(figure, "s"))}
        assert min(x for x, _ in arc.vertices) < point(marker(figure, "s"))[0]

    def test_several_arcs_between_two_statements_bend_apart(self) -> None:
        """Two findings between the same statements are two arcs that do not coincide."""
        s = StatementSet(
            [
                *STATES,
                Statement(
                    "a", "RUS", TUE, [Claim("RUS", "supports", "x"), Claim("RUS", "visited", "y")]
                ),
                Statement(
                    "b",
                    "USA",
                    TUE,
                    [
                        Claim("RUS", "supports", "x").negated(),
                        Claim("RUS", "visited", "y").negated(),
                    ],
                ),
            ]
        )
        report = s.check()
        assert len(report) == 2
        one, other = arcs(s.plot_timeline(report), report).values()
        assert one.ends == other.ends
        assert one.vertices != other.vertices

    def test_legend_names_the_kinds_with_the_arcs_colours(self, timeline: Figure) -> None:
        """The legend lists each kind drawn, in the colour of its arcs, and the line styles."""
        (legend,) = timeline.legends
        entries = {
            text.get_text(): handle
            for text, handle in zip(legend.get_texts(), legend.legend_handles, strict=True)
        }
        arc_colours = {drawn(timeline, gid)[0].colour for gid in arc_collections(timeline)}
        arc_colours -= {to_hex(DISPUTE)}
        kinds = {"denial", "exclusive"}
        assert kinds <= entries.keys()
        handles = [entries[kind] for kind in kinds]
        assert all(isinstance(handle, Line2D) for handle in handles)
        assert {to_hex(h.get_color()) for h in handles if isinstance(h, Line2D)} == arc_colours
        assert {"definite", "possible", "dispute (not a contradiction)"} <= entries.keys()
        assert {"statement", "rebuttal", "date imprecise", "claim period"} <= entries.keys()
        assert "negation" not in entries  # only the kinds drawn


class TestReadable:
    @pytest.mark.parametrize("which", ["seed", "busy"])
    def test_labels_overlap_no_other_label_or_marker(
        self, which: str, seed: StatementSet, busy: StatementSet
    ) -> None:
        """No two labels overlap, and no label covers a marker (the seed and a busy set)."""
        figure = (seed if which == "seed" else busy).plot_timeline()
        labels = extents(figure, "label:")
        markers = extents(figure, "statement:")
        assert len(labels) == len(markers) > 10
        boxes = sorted(labels.items())
        for index, (gid, box) in enumerate(boxes):
            for other_gid, other in boxes[index + 1 :]:
                assert not box.overlaps(other), (gid, other_gid)
            for marker_gid, mark in markers.items():
                assert not box.overlaps(mark), (gid, marker_gid)

    def test_labels_fit_inside_the_plot(self, busy: StatementSet) -> None:
        """The date range leaves room for the labels of the last statements."""
        figure = busy.plot_timeline()
        (ax,) = figure.axes
        right = ax.get_window_extent().x1
        assert max(box.x1 for box in extents(figure, "label:").values()) <= right

    def test_many_arcs_are_drawn_thinner(self, timeline: Figure) -> None:
        """With many findings the arcs are thinner, so the statements stay readable."""
        crowded = busy_set(statements=120, sides=8)
        report = crowded.check()
        many = arcs(crowded.plot_timeline(report), report)
        few = arcs(timeline, examples.venezuela_2019().check())
        assert len(many) > 4 * len(few)
        assert max(arc.width for arc in many.values()) < min(arc.width for arc in few.values())

    def test_the_same_set_built_in_another_order_draws_the_same_picture(self) -> None:
        """The picture does not depend on the order the set was built in."""
        forward = busy_set(statements=25, sides=4)
        items: list[Actor | Affiliation | Statement] = [
            *forward.actors.values(),
            *forward.affiliations,
            *forward.statements.values(),
        ]
        backward = StatementSet(reversed(items))
        assert backward == forward

        def drawing(figure: Figure) -> list[tuple[str, str]]:
            out = []
            for artist in figure.findobj(lambda a: a.get_gid() is not None):
                if isinstance(artist, PathCollection):
                    paths = [np.asarray(path.vertices, dtype=float) for path in artist.get_paths()]
                    where = repr([path.round(6).tolist() for path in paths])
                elif isinstance(artist, Line2D):
                    ys = np.asarray(artist.get_ydata(), dtype=float).tolist()
                    where = repr((xs(artist), ys))
                elif isinstance(artist, Rectangle):
                    where = repr(artist.get_bbox().bounds)
                else:
                    where = repr(artist.get_window_extent().bounds)
                out.append((str(artist.get_gid()), where))
            return sorted(out)

        assert drawing(forward.plot_timeline()) == drawing(backward.plot_timeline())

    def test_a_statement_with_many_claim_periods_gets_a_taller_row(self) -> None:
        """Each distinct claim period of a statement has its own strip; rows do not overlap."""
        claims = [
            Claim("RUS", "supports", f"x{n}", when=TimeSpan.between(date(2019, n, 1), TUE))
            for n in range(1, 5)
        ]
        s = StatementSet(
            [
                *STATES,
                Statement("a", "RUS", TUE, claims),
                Statement("b", "RUS", TUE, [Claim("RUS", "supports", "y")]),
            ]
        )
        figure = s.plot_timeline()
        bars = parts(figure, "claim:a#").values()
        ys = sorted(bar.get_y() for bar in bars if isinstance(bar, Rectangle))
        assert len(ys) == 4
        assert all(later - earlier > 0.05 for earlier, later in itertools.pairwise(ys))
        a_y, b_y = point(marker(figure, "a"))[1], point(marker(figure, "b"))[1]
        assert b_y > max(ys) or b_y < a_y


class TestReportPlot:
    def test_only_the_statements_the_findings_and_disputes_involve(
        self, seed_report: Report
    ) -> None:
        """A report's picture shows the statements of its findings and disputes, no others."""
        figure = seed_report.plot()
        involved = {ident for finding in seed_report for ident in finding.statements}
        involved |= {d.rebuttal.id for d in seed_report.disputes}
        involved |= {d.target.id for d in seed_report.disputes}
        shown = {gid.split(":", 1)[1] for gid in parts(figure, "statement:")}
        assert shown == involved
        assert len(arcs(figure, seed_report)) == len(seed_report) + len(seed_report.disputes)

    def test_a_denials_bar_is_the_period_of_the_claim_it_denies(self) -> None:
        """The denial made on June 4 is about the tweet's June 3: its bar is on June 3."""
        tweet = Statement("tweet", "trump", MON, [Claim("RUS", "informed", "USA")])
        denial = Rebuttal("denial", "peskov", TUE, targets=["tweet"], kind=RebuttalKind.DENIAL)
        figure = (
            StatementSet(
                [
                    Actor.person("trump", "Donald Trump"),
                    Actor.person("peskov", "Dmitry Peskov"),
                    tweet,
                    denial,
                ]
            )
            .check()
            .plot()
        )
        (bar,) = [
            artist
            for gid, artist in parts(figure, "claim:denial#denies:").items()
            if gid.endswith(":core")
        ]
        assert isinstance(bar, Rectangle)
        middle = bar.get_x() + bar.get_width() / 2
        assert day(MON) <= middle <= day(MON) + 1

    def test_filtered_reports_draw_what_they_hold(self, seed_report: Report) -> None:
        """``report.of_kind("exclusive").plot()`` draws that finding alone."""
        exclusive = seed_report.of_kind("exclusive")
        figure = exclusive.plot()
        arc = arcs(figure, exclusive)["contradiction:0"]
        assert arc.ends == {
            at(marker(figure, "moscow-maduro-legitimate")),
            at(marker(figure, "us-recognizes-guaido")),
        }

    def test_an_empty_report_says_so(self) -> None:
        """With nothing to draw, the picture says there are no contradictions."""
        figure = Report().plot()
        texts = [text.get_text() for text in figure.findobj(Text)]
        assert "(no contradictions to show)" in texts
        assert parts(figure, "lane:") == {}

    def test_an_empty_set_says_so(self) -> None:
        """An empty set's picture says there are no statements."""
        figure = StatementSet().plot_timeline()
        assert "(no statements to show)" in [text.get_text() for text in figure.findobj(Text)]


class TestFigure:
    def test_returns_a_figure_that_shows_itself_in_a_notebook(self, timeline: Figure) -> None:
        """The figure is a matplotlib Figure whose notebook form is a PNG image."""
        assert isinstance(timeline, Figure)
        png = timeline._repr_png_()  # type: ignore[attr-defined]
        assert png.startswith(b"\x89PNG\r\n\x1a\n")

    def test_saves_to_a_file(self, timeline: Figure) -> None:
        """``savefig`` writes the picture like any matplotlib figure."""
        buffer = io.BytesIO()
        timeline.savefig(buffer, format="svg")
        assert b"<svg" in buffer.getvalue()

    def test_draws_on_given_axes(self, seed: StatementSet) -> None:
        """With ``ax``, the picture is drawn on those axes and their figure is returned."""
        figure = Figure(figsize=(12, 8))
        ax = figure.add_subplot()
        assert seed.plot_timeline(ax=ax, title="seed") is figure
        assert ax.get_title(loc="left") == "seed"
        assert len(parts(figure, "statement:")) == len(seed)
        assert ax.get_legend() is not None

    def test_width_sets_the_figure_width(self, seed: StatementSet) -> None:
        """A new figure is ``width`` inches wide; its height grows with the rows."""
        narrow, wide = seed.plot_timeline(width=7), seed.plot_timeline(width=14)
        assert narrow.get_figwidth() == pytest.approx(7)
        assert wide.get_figwidth() == pytest.approx(14)
        assert narrow.get_figheight() > 3

    def test_title(self, seed_report: Report) -> None:
        """A title is shown above the plot, on the left."""
        (ax,) = seed_report.plot(title="Who contradicts whom").axes
        assert ax.get_title(loc="left") == "Who contradicts whom"


class TestArguments:
    @pytest.mark.parametrize(
        ("options", "path", "expected"),
        [
            # sides: ids of sides that have statements, as a sequence
            ({"sides": "USA"}, "sides", "a sequence of side ids"),
            ({"sides": ["USA", "GBR"]}, "sides[1]", "a side with statements to show"),
            # the figure
            ({"width": 2}, "width", "at least 4"),
            ({"width": True}, "width", "at least 4"),
            ({"width": "10"}, "width", "at least 4"),
            ({"width": float("nan")}, "width", "at least 4"),
            ({"ax": "axes"}, "ax", "a matplotlib Axes"),
            ({"title": 3}, "title", "a string"),
        ],
    )
    def test_bad_options_name_the_argument(
        self, seed: StatementSet, options: dict[str, object], path: str, expected: str
    ) -> None:
        """A bad option is a FieldError naming the method and the argument."""
        with pytest.raises(FieldError) as caught:
            seed.plot_timeline(Report(), **options)  # type: ignore[arg-type]
        assert caught.value.path == f"StatementSet.plot_timeline({path})"
        assert expected in caught.value.expected
        with pytest.raises(FieldError) as from_report:
            examples.venezuela_2019().check().plot(**options)  # type: ignore[arg-type]
        assert from_report.value.path == f"Report.plot({path})"

    def test_an_unknown_side_lists_the_sides(self, seed: StatementSet) -> None:
        """The error for a side without statements lists the sides there are."""
        with pytest.raises(FieldError, match=r"'RUS', 'USA'.*got 'GBR'"):
            seed.plot_timeline(Report(), sides=["GBR"])

    def test_report_must_be_a_report(self, seed: StatementSet) -> None:
        """``report`` is a Report or None."""
        with pytest.raises(FieldError, match=r"plot_timeline\(report\): expected a Report"):
            seed.plot_timeline([])  # type: ignore[arg-type]


class TestWithoutMatplotlib:
    def test_plotting_names_the_extra_to_install(
        self, seed: StatementSet, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without matplotlib, plotting raises the library's error naming the ``plot`` extra."""
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        for call, feature in [
            (seed.plot_timeline, "StatementSet.plot_timeline()"),
            (Report().plot, "Report.plot()"),
        ]:
            with pytest.raises(MissingExtraError) as caught:
                call()
            error = caught.value
            assert isinstance(error, ImportError)
            assert isinstance(error, DiplostatementsError)
            assert (error.feature, error.package, error.extra) == (feature, "matplotlib", "plot")
            assert error.name == "matplotlib"
            assert "pip install -e '.[plot]'" in str(error)

    def test_the_error_survives_pickling(self) -> None:
        """A worker process can send the error back whole."""
        error = MissingExtraError("Report.plot()", "matplotlib", "plot")
        again = pickle.loads(pickle.dumps(error))
        assert (again.feature, again.package, again.extra, str(again)) == (
            error.feature,
            error.package,
            error.extra,
            str(error),
        )

    def test_the_core_never_imports_matplotlib(self) -> None:
        """Importing the library, building, checking and printing a report load no matplotlib."""
        code = (
            "import sys\n"
            "sys.modules['matplotlib'] = None\n"
            "from diplostatements import examples\n"
            "s = examples.venezuela_2019()\n"
            "r = s.check()\n"
            "str(r); r._repr_html_(); r.to_dot(); s.timeline_text(); s._repr_html_()\n"
            "try:\n"
            "    s.plot_timeline()\n"
            "except ImportError as error:\n"
            "    print(type(error).__name__)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.strip() == "MissingExtraError"


class TestLayout:
    def test_reach_and_core_of_spans(self) -> None:
        """The days a span may touch, and the days every reading covers."""
        first, last = date(2019, 3, 1), date(2019, 3, 31)
        days = float(first.toordinal()), float(last.toordinal() + 1)
        assert reach(TimeSpan.between(first, last)) == days
        assert core(TimeSpan.between(first, last)) == days
        assert reach(TimeSpan.sometime_in(2019, 3)) == days
        assert core(TimeSpan.sometime_in(2019, 3)) is None
        assert reach(TimeSpan.until(last)) == (None, days[1])
        assert core(TimeSpan.until(last)) == (None, days[1])
        assert reach(TimeSpan.always()) == (None, None)

    @pytest.mark.parametrize(
        ("links", "expected"),
        [
            # no arcs: the order given
            ([], ("a", "b", "c", "d")),
            # the side with most arcs first, then its partner
            ([("c", "d"), ("d", "c"), ("a", "b")], ("c", "d", "a", "b")),
            # a chain is kept in line: d-b-c
            ([("d", "b"), ("b", "c"), ("b", "d")], ("b", "d", "c", "a")),
            # an arc within one side orders nothing
            ([("c", "c"), ("c", "c")], ("a", "b", "c", "d")),
        ],
    )
    def test_order_sides(self, links: list[tuple[str, str]], expected: tuple[str, ...]) -> None:
        """Sides linked by arcs become neighbours; otherwise the given order stands."""
        assert order_sides(["a", "b", "c", "d"], links) == expected

    def test_statements_that_would_overlap_get_their_own_rows(self) -> None:
        """Two statements on one day take two rows; one far apart shares the first row."""
        said = TimeSpan.on(TUE)
        far = TimeSpan.on(TUE + timedelta(days=300))
        marks = (
            Mark("a", "X", "a", said, rebuttal=False),
            Mark("b", "X", "b", said, rebuttal=False),
            Mark("c", "X", "c", far, rebuttal=False),
        )
        scene = Scene(("X",), {"X": "X"}, marks, ())
        placed = layout(scene, width=8, measure=lambda text: 0.5).placed
        assert placed["a"].top != placed["b"].top
        assert placed["c"].top == placed["a"].top

    def test_the_date_range_leaves_room_for_the_last_label(self) -> None:
        """The plot ends after the last statement's label, however wide the label."""
        marks = (Mark("a", "X", "a", TimeSpan.on(TUE), rebuttal=False),)
        scene = Scene(("X",), {"X": "X"}, marks, ())
        for label_width in (0.5, 2.0):

            def measure(text: str, width: float = label_width) -> float:
                return width

            done = layout(scene, width=8, measure=measure)
            per_inch = (done.right - done.left) / 8
            assert done.right - done.placed["a"].after >= label_width * per_inch

    def test_bars_widen_a_statements_place(self) -> None:
        """A statement's claim bars are part of its place in a row: others do not overlap them."""
        long = TimeSpan.between(date(2019, 1, 1), TUE)
        marks = (
            Mark("a", "X", "a", TimeSpan.on(TUE), rebuttal=False, bars=(Bar("a#0", long),)),
            Mark("b", "X", "b", TimeSpan.on(date(2019, 2, 1)), rebuttal=False),
        )
        scene = Scene(("X",), {"X": "X"}, marks, ())
        placed = layout(scene, width=8, measure=lambda text: 0.3).placed
        assert placed["a"].top != placed["b"].top
