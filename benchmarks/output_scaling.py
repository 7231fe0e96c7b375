"""What the library prints, at scale: timelines, reports, HTML, DOT and records grow linearly.

Each figure is our time over a floor measured in the same run on the same data, and how that
ratio moves as the input doubles (a growth exponent near 1 is linear; near 2, quadratic). Shapes:

- ``long word``: one statement quoting N characters without a space (a pasted blob, a URL), and
  a claim whose object is as long: ``diplostatements timeline`` and ``timeline_text(width=100)``.
  Floor: cutting the same text into lines of 96 characters and joining them.
- ``long prose``: the same with N characters of words.
- ``many sides``: a report of N findings between 2N speakers, each its own side (a DOT box
  each): ``str(report)``, ``report._repr_html_()`` (all rows), ``report.to_dot()`` and
  ``report.to_records()``. Floor: one line per finding, its kind and refs, joined.
- ``few sides``: the same N findings between four speakers.

Medians of 3 runs, the contenders interleaved.

    python benchmarks/output_scaling.py            # text of 1-4 MB, 4,000-16,000 findings
    python benchmarks/output_scaling.py --smoke    # small sizes: seconds, for CI
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import math
import statistics
import time
from collections.abc import Callable
from datetime import date

from diplostatements import Actor, ActorKind, Claim, Report, Statement, StatementSet
from diplostatements._html import report_html
from diplostatements.cli import _timeline

DAY = date(2019, 6, 4)
RUNS = 3


def median_time(work: Callable[[], object]) -> float:
    """The median wall time of ``work`` over RUNS runs, garbage collection paused for each."""
    times = []
    for _ in range(RUNS):
        gc.collect()
        with contextlib.ExitStack() as stack:
            gc.disable()
            stack.callback(gc.enable)
            start = time.perf_counter()
            work()
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def quote_set(n: int, *, prose: bool) -> StatementSet:
    """One statement quoting ``n`` characters, its claim's object as long."""
    text = ("word " * (n // 5 + 1))[:n] if prose else "x" * n
    return StatementSet(
        [
            Actor.person("a", "A"),
            Statement("s", "a", DAY, [Claim("a", "quoted", text)], text=text),
        ]
    )


def lines_floor(n: int, *, prose: bool) -> Callable[[], object]:
    text = ("word " * (n // 5 + 1))[:n] if prose else "x" * n

    def floor() -> object:
        # The text twice (the quote and the claim), cut into lines and joined.
        parts = [text[i : i + 96] for i in range(0, len(text), 96)]
        return "\n".join(parts) + "\n".join(parts)

    return floor


def findings_report(n: int, *, sides: int | None) -> Report:
    """A report of ``n`` NEGATION findings between ``sides`` speakers (2n when None)."""
    speakers = 2 * n if sides is None else sides
    actors = [Actor(f"p{i}", f"Person {i}", ActorKind.PERSON) for i in range(speakers)]
    statements = []
    for i in range(n):
        claim = Claim(f"e{i}", "says_of", "o")
        statements.append(Statement(f"s{i}a", f"p{(2 * i) % speakers}", DAY, [claim]))
        statements.append(Statement(f"s{i}b", f"p{(2 * i + 1) % speakers}", DAY, [claim.negated()]))
    return StatementSet([*actors, *statements]).check()


def report_floor(report: Report) -> Callable[[], object]:
    def floor() -> object:
        return "\n".join(
            f"{c.kind.value} {c.first.ref} {c.second.ref} {c.first.side} {c.second.side}"
            for c in report
        )

    return floor


def row(shape: str, what: str, n: int, ours: float, floor: float) -> tuple[str, str, int, float]:
    ratio = ours / floor
    print(f"| {shape} | {what} | {n:,} | {ours:.4f} | {floor:.4f} | {ratio:.2f} |")
    return shape, what, n, ratio


def exponent(first: tuple[int, float], last: tuple[int, float]) -> float:
    """The growth exponent of time between two sizes."""
    return math.log(last[1] / first[1]) / math.log(last[0] / first[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--smoke", action="store_true", help="small sizes, for CI")
    args = parser.parse_args()
    texts = (20_000, 40_000, 80_000) if args.smoke else (1_000_000, 2_000_000, 4_000_000)
    counts = (200, 400, 800) if args.smoke else (4_000, 8_000, 16_000)

    print("| shape | output | N | ours s | floor s | ratio |")
    print("|---|---|---:|---:|---:|---:|")
    growth: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for prose in (False, True):
        shape = "long prose" if prose else "long word"
        for n in texts:
            found = quote_set(n, prose=prose)
            floor = median_time(lines_floor(n, prose=prose))
            outputs: dict[str, Callable[[], object]] = {
                "timeline (CLI)": lambda found=found: _timeline(found),
                "timeline_text": lambda found=found: found.timeline_text(width=100),
            }
            for what, work in outputs.items():
                ours = median_time(work)
                row(shape, what, n, ours, floor)
                growth.setdefault((shape, what), []).append((n, ours))
    for shape, sides in (("many sides", None), ("few sides", 4)):
        for n in counts:
            report = findings_report(n, sides=sides)
            floor = median_time(report_floor(report))
            outputs = {
                "str(report)": lambda report=report: str(report),
                "HTML": lambda report=report: report_html(report, max_rows=len(report)),
                "DOT": lambda report=report: report.to_dot(),
                "records": lambda report=report: report.to_records(),
            }
            for what, work in outputs.items():
                ours = median_time(work)
                row(shape, what, n, ours, floor)
                growth.setdefault((shape, what), []).append((n, ours))
    print()
    print("| shape | output | growth exponent (time, smallest to largest N) |")
    print("|---|---|---:|")
    for (shape, what), points in growth.items():
        print(f"| {shape} | {what} | {exponent(points[0], points[-1]):.2f} |")


if __name__ == "__main__":
    main()
