"""Reading and writing JSON Lines at scale, against the floors in PERFORMANCE.md.

For each N (statements, one claim each, plus 200 actors) it measures, in fresh processes:

- load: ``io.load(path)`` against the floor: ``json.loads`` of each line and building the same
  objects by hand (the constructors called directly, knowing the shape) into a StatementSet;
- write: ``io.dump(s, path, format="jsonl")`` against the floor: ``json.dumps`` of the same dicts,
  built beforehand, written as lines. The set's one-time chronological sort (done on its first
  iteration, cached after) is done before the clock starts.

Each figure is the median of at least 3 runs, the contenders interleaved; each run is a new
process, so the peak memory (ru_maxrss of that process) is the contender's own.

    python benchmarks/io_scaling.py            # N = 10^5 and 10^6 (a few minutes)
    python benchmarks/io_scaling.py --smoke    # N = 2,000: seconds, for CI
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from diplostatements import (
    Actor,
    ActorKind,
    Channel,
    Claim,
    Modality,
    Polarity,
    Quantity,
    Statement,
    StatementSet,
    TimeSpan,
    io,
)

ACTORS = 200
PREDICATES = ("supports", "informed", "has_personnel_in", "recognizes", "sanctions", "meets")
START = date(2015, 1, 1)


def make_set(n: int, seed: int = 1) -> StatementSet:
    """N statements with one claim each: every fourth negated, some with quantities and periods."""
    rng = random.Random(seed)
    actors = [Actor(f"a{i}", f"Actor {i}", ActorKind.OTHER) for i in range(ACTORS)]
    statements = []
    for i in range(n):
        day = START + timedelta(days=rng.randrange(3650))
        roll = rng.random()
        when = None
        if roll < 0.1:
            when = TimeSpan.sometime_in(day.year, day.month)
        elif roll < 0.2:
            when = TimeSpan.between(day, day + timedelta(days=rng.randrange(1, 90)))
        claim = Claim(
            f"a{rng.randrange(ACTORS)}",
            rng.choice(PREDICATES),
            f"a{rng.randrange(ACTORS)}",
            polarity=Polarity.NEGATED if i % 4 == 0 else Polarity.AFFIRMED,
            modality=Modality.PROBABLE if i % 10 == 0 else Modality.CERTAIN,
            quantity=Quantity.about(rng.randrange(10, 1000)) if i % 8 == 0 else None,
            when=when,
        )
        statements.append(
            Statement(
                f"s{i}",
                f"a{rng.randrange(ACTORS)}",
                day,
                [claim],
                channel=Channel.PRESS_BRIEFING if i % 2 else Channel.UNSPECIFIED,
                text=f"Statement number {i}, as reported.",
            )
        )
    return StatementSet([*actors, *statements])


# --- the floors: the least any implementation does ---------------------------------------------


def _span_by_hand(value: Any) -> TimeSpan:
    if isinstance(value, str):
        return TimeSpan.on(date.fromisoformat(value))
    if "sometime_in" in value:
        year, month = value["sometime_in"].split("-")
        return TimeSpan.sometime_in(int(year), int(month))
    return TimeSpan.between(date.fromisoformat(value["from"]), date.fromisoformat(value["to"]))


def _claim_by_hand(d: dict[str, Any]) -> Claim:
    quantity = d.get("quantity")
    when = d.get("when")
    return Claim(
        d["subject"],
        d["predicate"],
        d["object"],
        polarity=Polarity(d.get("polarity", "affirmed")),
        modality=Modality(d.get("modality", "certain")),
        quantity=None if quantity is None else Quantity(quantity["low"], quantity["high"]),
        when=None if when is None else _span_by_hand(when),
    )


def floor_load(path: Path) -> StatementSet:
    """json.loads of each line, the same objects built by hand, the same set."""
    items: list[Actor | Statement] = []
    with open(path, encoding="utf-8") as stream:
        next(stream)
        for line in stream:
            d = json.loads(line)
            if d["type"] == "actor":
                items.append(Actor(d["id"], d["name"], ActorKind(d["kind"])))
                continue
            items.append(
                Statement(
                    d["id"],
                    d["speaker"],
                    _span_by_hand(d["said_on"]),
                    [_claim_by_hand(claim) for claim in d["claims"]],
                    channel=Channel(d.get("channel", "unspecified")),
                    text=d.get("text"),
                )
            )
    return StatementSet(items)


def floor_write(records: list[dict[str, Any]], path: Path) -> None:
    """json.dumps of the same dicts, written as lines."""
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(json.dumps({"format": "diplostatements", "version": 1}) + "\n")
        stream.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


# --- one timed run, in its own process ----------------------------------------------------------


def _run(task: str, n: int, folder: str, results: Any) -> None:
    data = Path(folder) / "data.jsonl"
    out = Path(folder) / f"out-{task}.jsonl"
    if task.startswith("load"):
        started = time.perf_counter()
        loaded = io.load(data) if task == "load-ours" else floor_load(data)
        elapsed = time.perf_counter() - started
        assert len(loaded) == n
    else:
        statements = io.load(data)
        # A set sorts its statements once, on first iteration (a model cost, the same for any
        # writer); a set that was checked or shown has paid it. Time the writing alone.
        statements.timeline()
        records = None
        if task == "write-floor":
            records = [json.loads(line) for line in data.read_text(encoding="utf-8").splitlines()]
            records = records[1:]
        started = time.perf_counter()
        if records is None:
            io.dump(statements, out, format="jsonl")
        else:
            floor_write(records, out)
        elapsed = time.perf_counter() - started
    results.put((elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))


def _timed(task: str, n: int, folder: str) -> tuple[float, int]:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    process = context.Process(target=_run, args=(task, n, folder, results))
    process.start()
    elapsed, peak = results.get()
    process.join()
    if process.exitcode:
        sys.exit(f"{task} failed at N={n}")
    return elapsed, peak


def measure(n: int, runs: int) -> list[tuple[str, int, float, float, int]]:
    """(operation, N, ours, floor, peak KiB of ours) for load and write at N."""
    with tempfile.TemporaryDirectory() as folder:
        io.dump(make_set(n), Path(folder) / "data.jsonl", format="jsonl")
        times: dict[str, list[float]] = {}
        peaks: dict[str, int] = {}
        for _ in range(runs):
            for task in ("load-ours", "load-floor", "write-ours", "write-floor"):
                elapsed, peak = _timed(task, n, folder)
                times.setdefault(task, []).append(elapsed)
                peaks[task] = max(peaks.get(task, 0), peak)
        ours_written = (Path(folder) / "out-write-ours.jsonl").read_bytes()
        assert ours_written == (Path(folder) / "data.jsonl").read_bytes()
    return [
        (
            op,
            n,
            statistics.median(times[f"{op}-ours"]),
            statistics.median(times[f"{op}-floor"]),
            peaks[f"{op}-ours"],
        )
        for op in ("load", "write")
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny N, for CI")
    parser.add_argument("--runs", type=int, default=3, help="runs per contender (median)")
    parser.add_argument("--sizes", type=int, nargs="*", help="the Ns (default 10^5 and 10^6)")
    args = parser.parse_args()
    sizes = [2_000] if args.smoke else (args.sizes or [100_000, 1_000_000])
    runs = max(args.runs, 3)
    print(f"JSON Lines, {runs} runs each, medians; one claim per statement, {ACTORS} actors")
    head = ("op", "N", "ours s", "floor s", "ratio", "target", "peak MiB")
    widths = (-6, 9, 9, 9, 6, 7, 9)
    cells = zip(head, widths, strict=True)
    print(" ".join(f"{cell:>{w}}" if w > 0 else f"{cell:<{-w}}" for cell, w in cells))
    for n in sizes:
        for op, size, ours, floor, peak in measure(n, runs):
            ratio = ours / floor
            verdict = "ok" if ratio <= 2 else "MISSED"
            print(
                f"{op:<6} {size:>9,} {ours:>9.3f} {floor:>9.3f} {ratio:>6.2f} {'<= 2':>7}"
                f" {peak / 1024:>9.0f}  {verdict}"
            )


if __name__ == "__main__":
    main()
