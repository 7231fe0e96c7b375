"""Drawing timeline pictures at scale, against a bare matplotlib figure of the same marks.

For each N (statements) and data shape it measures ``StatementSet.plot_timeline(report)`` and
writing the figure as a PNG, against the floor: a figure of the same size drawn with matplotlib
directly, knowing the answer: one scatter of N markers, N text labels, one collection of the
claim bars and one collection of straight lines for the arcs, written as a PNG the same way. The
ratio is what the picture costs beyond drawing that many things at all (laying out the lanes and
rows, measuring the labels, bending the arcs, the legend). The report is made beforehand.

Shapes: ``uniform`` (8 sides, statements spread evenly), ``skewed`` (one side makes 60 % of the
statements: one tall lane of many rows) and ``dense`` (few propositions, each held for four
months: several findings per statement, so mostly arcs).

Each figure is the median of 3 runs, the contenders interleaved, in this process (matplotlib's
font cache is warm after the first run).

    python benchmarks/plot_scaling.py            # N = 100, 400, 1600
    python benchmarks/plot_scaling.py --smoke    # N = 60: seconds, for CI
"""

from __future__ import annotations

import argparse
import io
import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure

from diplostatements import (
    Actor,
    Affiliation,
    Claim,
    Rebuttal,
    RebuttalKind,
    Report,
    Statement,
    StatementSet,
    TimeSpan,
)

CODES = ("USA", "RUS", "CHN", "FRA", "GBR", "UKR", "DEU", "TUR")
START = date(2022, 1, 1)


def make_set(n: int, shape: str, seed: int = 3) -> StatementSet:
    """N statements by 8 sides (and their spokespeople) over a year, some with claim periods."""
    rng = random.Random(seed)
    items: list[Actor | Affiliation | Statement] = []
    for code in CODES:
        person = f"{code.lower()}-spokesperson"
        items += [
            Actor.state(code),
            Actor.person(person, f"{code} spokesperson"),
            Affiliation(person, code, speaks_for=True),
        ]
    objects = 3 if shape == "dense" else max(3, n // 4)
    made: list[Statement] = []
    for number in range(n):
        code = CODES[0] if shape == "skewed" and rng.random() < 0.6 else rng.choice(CODES)
        speaker = rng.choice([code, f"{code.lower()}-spokesperson"])
        said = START + timedelta(days=rng.randrange(365))
        said_on = (
            TimeSpan.on(said) if rng.random() < 0.85 else TimeSpan.sometime_in(2022, said.month)
        )
        if made and rng.random() < 0.1:
            target = rng.choice(made).id
            made.append(
                Rebuttal(f"s{number}", speaker, said_on, targets=[target], kind=RebuttalKind.DENIAL)
            )
            continue
        when = None
        if shape == "dense":  # positions held for months: most pairs of opposites meet
            when = TimeSpan.between(said - timedelta(days=60), said + timedelta(days=60))
        elif rng.random() < 0.3:
            when = TimeSpan.between(said - timedelta(days=rng.randrange(10, 90)), said)
        claim = Claim(rng.choice(CODES), "supports", f"party-{rng.randrange(objects)}", when=when)
        made.append(
            Statement(
                f"s{number}", speaker, said_on, [claim if rng.random() < 0.6 else claim.negated()]
            )
        )
    return StatementSet([*items, *made])


def ours(s: StatementSet, report: Report) -> float:
    """Draw the picture and write it as a PNG; the seconds it took."""
    start = time.perf_counter()
    figure = s.plot_timeline(report)
    figure.savefig(io.BytesIO(), format="png", dpi=72)
    return time.perf_counter() - start


def floor(s: StatementSet, report: Report) -> float:
    """The same number of markers, labels, bars and arcs, drawn knowing where they go."""
    statements = list(s)
    bars = [claim.when for st in statements for claim in st.claims if claim.when is not None]
    row = {st.id: index for index, st in enumerate(statements)}
    days = {st.id: st.said_on.start_earliest.toordinal() for st in statements}
    width, height = 10.0, 0.3 * len(statements) + 1
    start = time.perf_counter()
    figure = Figure(figsize=(width, height))
    ax = figure.add_axes((0.15, 0.05, 0.8, 0.9))
    ax.scatter([days[st.id] for st in statements], list(range(len(statements))), s=30)
    for st in statements:
        ax.text(days[st.id] + 2, row[st.id], st.id, fontsize=8, va="center")
    ax.add_collection(
        PolyCollection(
            [
                [
                    (w.start_earliest.toordinal(), index),
                    (w.end_latest.toordinal(), index),
                    (w.end_latest.toordinal(), index + 0.3),
                    (w.start_earliest.toordinal(), index + 0.3),
                ]
                for index, w in enumerate(bars)
            ]
        )
    )
    ax.add_collection(
        LineCollection(
            [
                [(days[a], row[a]), (days[b], row[b])]
                for a, b in (finding.statements for finding in report)
            ]
        )
    )
    ax.set_xlim(START.toordinal() - 100, START.toordinal() + 400)
    ax.set_ylim(len(statements), 0)
    figure.savefig(io.BytesIO(), format="png", dpi=72)
    return time.perf_counter() - start


CONTENDERS: dict[str, Callable[[StatementSet, Report], float]] = {"ours": ours, "floor": floor}


def median_of(runs: int, s: StatementSet, report: Report) -> dict[str, float]:
    """The median seconds of each contender, the runs interleaved."""
    times: dict[str, list[float]] = {name: [] for name in CONTENDERS}
    for _ in range(runs):
        for name, run in CONTENDERS.items():
            times[name].append(run(s, report))
    return {name: statistics.median(found) for name, found in times.items()}


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny N, for CI")
    parser.add_argument("--sizes", type=int, nargs="*", help="numbers of statements")
    args = parser.parse_args()
    sizes = [60] if args.smoke else (args.sizes or [100, 400, 1600])
    runs = 1 if args.smoke else 3
    print(f"{'shape':8} {'N':>6} {'findings':>9} {'ours s':>8} {'floor s':>8} {'ratio':>6}")
    for shape in ("uniform", "skewed", "dense"):
        for n in sizes:
            s = make_set(n, shape)
            report = s.check()
            found = median_of(runs, s, report)
            ratio = found["ours"] / found["floor"]
            print(
                f"{shape:8} {n:>6} {len(report):>9} {found['ours']:>8.2f} {found['floor']:>8.2f}"
                f" {ratio:>6.2f}"
            )


if __name__ == "__main__":
    main()
