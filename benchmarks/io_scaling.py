"""Taking data in: loading and writing JSON Lines, building and extending sets, against floors.

Each contender runs in a fresh process, the garbage collector paused for every one of them (the
floors too: ``io.load`` pauses it itself), medians of at least 3 runs, the contenders interleaved.
One claim per statement. Data shapes:

- ``uniform``: 200 actors; speakers, subjects and objects drawn evenly from them;
- ``skewed``: the same, but one subject holds 8 % of the claims;
- ``names``: 10^4 actors; each claim's object is a plain entity name (not an actor) drawn from
  10^5 distinct names.

Operations, each a ratio against its floor, measured in the same run on the same data:

- ``load``: ``io.load(path)`` / the read floor, ``json.loads`` of each line of the same file;
- ``dump``: ``io.dump(s, path, format="jsonl")`` of a set just loaded, its first sort included
  (what a user pays) / ``json.dumps`` of the same dicts, built beforehand, written as lines;
- ``build``: ``Statement(...)`` + ``Claim(...)`` + ``TimeSpan.between``/``sometime_in`` in a
  Python loop / bare frozen attrs classes with the same fields and no validators, in the same
  loop (which also formats the ids);
- ``extend``: ``StatementSet.extend`` of the built statements (actors added before) / the same
  bare construction.

Peak MiB is the load process's own peak resident memory (``VmHWM``; ``ru_maxrss`` would count
the memory of the parent process too, which made the data). The growth exponent is a
least-squares fit of log(time) on log(N) over the sizes run.

    python benchmarks/io_scaling.py                       # N = 10^4, 10^5, 10^6, every shape
    python benchmarks/io_scaling.py --sizes 100000 --shapes uniform names
    python benchmarks/io_scaling.py --smoke               # N = 2,000: seconds, for CI
"""

from __future__ import annotations

import argparse
import gc
import json
import math
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

import attrs

from diplostatements import (
    Actor,
    ActorKind,
    Channel,
    Claim,
    Modality,
    Polarity,
    Quantity,
    QuoteKind,
    SpeechAct,
    Statement,
    StatementSet,
    TimeSpan,
    io,
)

PREDICATES = ("supports", "informed", "has_personnel_in", "recognizes", "sanctions", "meets")
START = date(2015, 1, 1)
SHAPES = ("uniform", "skewed", "names")
TARGETS = {"load": 4.0, "dump": 3.0, "build": 1.5, "extend": 0.3}
EMPTY: frozenset[str] = frozenset()

# --- data -------------------------------------------------------------------------------------


def actor_count(shape: str) -> int:
    return 10_000 if shape == "names" else 200


def specs(shape: str, n: int, seed: int = 1) -> list[tuple[Any, ...]]:
    """The values of N statements, drawn once, for every contender to build from."""
    rng = random.Random(f"{shape}-{n}-{seed}")
    actors = actor_count(shape)
    quantities = [Quantity.about(k) for k in range(10, 1000)]
    made = []
    for i in range(n):
        day = START + timedelta(days=rng.randrange(3650))
        roll = rng.random()
        when: tuple[Any, ...] | None = None
        if roll < 0.1:
            when = ("in", day.year, day.month)
        elif roll < 0.2:
            when = ("between", day, day + timedelta(days=rng.randrange(1, 90)))
        hot = shape == "skewed" and rng.random() < 0.08
        subject = "a0" if hot else f"a{rng.randrange(actors)}"
        obj = (
            f"entity {rng.randrange(100_000)}" if shape == "names" else f"a{rng.randrange(actors)}"
        )
        made.append(
            (
                day,
                f"a{rng.randrange(actors)}",
                subject,
                rng.choice(PREDICATES),
                obj,
                Polarity.NEGATED if i % 4 == 0 else Polarity.AFFIRMED,
                Modality.PROBABLE if i % 10 == 0 else Modality.CERTAIN,
                rng.choice(quantities) if i % 8 == 0 else None,
                when,
                Channel.PRESS_BRIEFING if i % 2 else Channel.UNSPECIFIED,
            )
        )
    return made


def actor_list(shape: str) -> list[Actor]:
    return [Actor(f"a{i}", f"Actor {i}", ActorKind.OTHER) for i in range(actor_count(shape))]


def build_ours(rows: list[tuple[Any, ...]]) -> list[Statement]:
    made = []
    for i, (day, speaker, subject, predicate, obj, pol, mod, qty, when, channel) in enumerate(rows):
        span = None
        if when is not None:
            if when[0] == "in":
                span = TimeSpan.sometime_in(when[1], when[2])
            else:
                span = TimeSpan.between(when[1], when[2])
        claim = Claim(subject, predicate, obj, polarity=pol, modality=mod, quantity=qty, when=span)
        made.append(
            Statement(
                f"s{i}",
                speaker,
                day,
                [claim],
                channel=channel,
                text=f"Statement number {i}, as reported.",
            )
        )
    return made


@attrs.frozen
class BareSpan:
    start_earliest: date
    start_latest: date
    end_earliest: date
    end_latest: date


@attrs.frozen(repr=False)
class BareClaim:
    subject: str
    predicate: str
    object: str | None = None
    content: Any = attrs.field(default=None, kw_only=True)
    polarity: Polarity = attrs.field(default=Polarity.AFFIRMED, kw_only=True)
    modality: Modality = attrs.field(default=Modality.CERTAIN, kw_only=True)
    quantity: Quantity | None = attrs.field(default=None, kw_only=True)
    when: BareSpan | None = attrs.field(default=None, kw_only=True)
    where: str | None = attrs.field(default=None, kw_only=True)
    qualifiers: frozenset[str] = attrs.field(default=EMPTY, kw_only=True)


@attrs.frozen
class BareStatement:
    id: str
    speaker: str
    said_on: BareSpan
    claims: tuple[BareClaim, ...] = ()
    on_behalf_of: str | None = attrs.field(default=None, kw_only=True)
    channel: Channel = attrs.field(default=Channel.UNSPECIFIED, kw_only=True)
    act: SpeechAct = attrs.field(default=SpeechAct.ASSERT, kw_only=True)
    text: str | None = attrs.field(default=None, kw_only=True)
    quote: QuoteKind = attrs.field(default=QuoteKind.UNSPECIFIED, kw_only=True)
    relays: tuple[Any, ...] = attrs.field(default=(), kw_only=True)
    source: Any = attrs.field(default=None, kw_only=True)
    language: str | None = attrs.field(default=None, kw_only=True)
    cosigners: tuple[str, ...] = attrs.field(default=(), kw_only=True)


def build_bare(rows: list[tuple[Any, ...]]) -> list[BareStatement]:
    made = []
    for i, (day, speaker, subject, predicate, obj, pol, mod, qty, when, channel) in enumerate(rows):
        span = None
        if when is not None:
            if when[0] == "in":
                first = date(when[1], when[2], 1)
                last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                span = BareSpan(first, last, first, last)
            else:
                span = BareSpan(when[1], when[1], when[2], when[2])
        claim = BareClaim(
            subject, predicate, obj, polarity=pol, modality=mod, quantity=qty, when=span
        )
        made.append(
            BareStatement(
                f"s{i}",
                speaker,
                BareSpan(day, day, day, day),
                (claim,),
                channel=channel,
                text=f"Statement number {i}, as reported.",
            )
        )
    return made


# --- the floors ------------------------------------------------------------------------------


def floor_load(path: Path) -> list[Any]:
    """json.loads of each line: the least any reader of the file does."""
    with open(path, "rb") as stream:
        return [json.loads(line) for line in stream]


def floor_dump(records: list[dict[str, Any]], path: Path) -> None:
    """json.dumps of the same dicts, written as lines."""
    with open(path, "w", encoding="utf-8") as stream:
        stream.write(json.dumps({"format": "diplostatements", "version": 1}) + "\n")
        stream.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


# --- one timed run, in its own process --------------------------------------------------------


def _run(task: str, shape: str, n: int, folder: str, results: Any) -> None:
    data = Path(folder) / "data.jsonl"
    out = Path(folder) / f"out-{task}.jsonl"
    gc.disable()  # every contender alike (io.load pauses the collector itself)
    elapsed: float
    if task == "load-ours":
        started = time.perf_counter()
        loaded = io.load(data)
        elapsed = time.perf_counter() - started
        assert len(loaded) == n
    elif task == "load-floor":
        started = time.perf_counter()
        records = floor_load(data)
        elapsed = time.perf_counter() - started
        assert len(records) == n + actor_count(shape) + 1
    elif task == "dump-ours":
        loaded = io.load(data)  # not timed; its first sort is, inside the dump
        started = time.perf_counter()
        io.dump(loaded, out, format="jsonl")
        elapsed = time.perf_counter() - started
    elif task == "dump-floor":
        records = floor_load(data)[1:]
        started = time.perf_counter()
        floor_dump(records, out)
        elapsed = time.perf_counter() - started
    elif task == "build-ours":
        rows = specs(shape, n)
        started = time.perf_counter()
        build_ours(rows)
        elapsed = time.perf_counter() - started
    elif task == "build-bare":
        rows = specs(shape, n)
        started = time.perf_counter()
        build_bare(rows)
        elapsed = time.perf_counter() - started
    else:  # extend-ours
        statements = build_ours(specs(shape, n))
        s = StatementSet(actor_list(shape))
        started = time.perf_counter()
        s.extend(statements)
        elapsed = time.perf_counter() - started
        assert len(s) == n
    results.put((elapsed, _peak_kib()))


def _peak_kib() -> int:
    """This process's peak resident memory, KiB (ru_maxrss counts the parent's before exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _timed(task: str, shape: str, n: int, folder: str) -> tuple[float, int]:
    context = multiprocessing.get_context("spawn")
    results = context.Queue()
    process = context.Process(target=_run, args=(task, shape, n, folder, results))
    process.start()
    elapsed, peak = results.get()
    process.join()
    if process.exitcode:
        sys.exit(f"{task} failed at {shape} N={n}")
    return elapsed, peak


TASKS = (
    "load-ours",
    "load-floor",
    "dump-ours",
    "dump-floor",
    "build-ours",
    "build-bare",
    "extend-ours",
)


def measure(shape: str, n: int, runs: int) -> dict[str, Any]:
    """Medians of each task's time at N, and the peak memory of the load."""
    with tempfile.TemporaryDirectory() as folder:
        s = StatementSet([*actor_list(shape), *build_ours(specs(shape, n))])
        io.dump(s, Path(folder) / "data.jsonl", format="jsonl")
        del s
        times: dict[str, list[float]] = {task: [] for task in TASKS}
        peak = 0
        for run in range(runs):
            order = TASKS if run % 2 == 0 else tuple(reversed(TASKS))
            for task in order:
                elapsed, rss = _timed(task, shape, n, folder)
                times[task].append(elapsed)
                if task == "load-ours":
                    peak = max(peak, rss)
        written = (Path(folder) / "out-dump-ours.jsonl").read_bytes()
        assert written == (Path(folder) / "data.jsonl").read_bytes()
    medians = {task: statistics.median(values) for task, values in times.items()}
    return {"shape": shape, "n": n, "peak": peak, **medians}


def _ratios(row: dict[str, Any]) -> dict[str, float]:
    return {
        "load": row["load-ours"] / row["load-floor"],
        "dump": row["dump-ours"] / row["dump-floor"],
        "build": row["build-ours"] / row["build-bare"],
        "extend": row["extend-ours"] / row["build-bare"],
    }


def _exponent(points: list[tuple[int, float]]) -> float:
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny N, for CI")
    parser.add_argument("--runs", type=int, default=3, help="runs per contender (median)")
    parser.add_argument("--sizes", type=int, nargs="*", help="the Ns (default 10^4..10^6)")
    parser.add_argument("--shapes", nargs="*", choices=SHAPES, help="the data shapes")
    args = parser.parse_args()
    sizes = [2_000] if args.smoke else (args.sizes or [10_000, 100_000, 1_000_000])
    shapes = args.shapes or (["uniform"] if args.smoke else list(SHAPES))
    runs = 1 if args.smoke else max(args.runs, 3)
    print(f"JSON Lines and building, {runs} run(s) each, medians; GC paused for every contender")
    head = "shape   |         N | load s | floor s | load/fl | dump s | floor s | dump/fl |"
    head += " build s | bare s | build/b | extend s | ext/bare | peak MiB"
    print(head)
    rows = []
    for shape in shapes:
        for n in sizes:
            row = measure(shape, n, runs)
            rows.append(row)
            r = _ratios(row)
            print(
                f"{shape:<7} | {n:>9,} | {row['load-ours']:6.3f} | {row['load-floor']:7.3f} |"
                f" {r['load']:7.2f} | {row['dump-ours']:6.3f} | {row['dump-floor']:7.3f} |"
                f" {r['dump']:7.2f} | {row['build-ours']:7.3f} | {row['build-bare']:6.3f} |"
                f" {r['build']:7.2f} | {row['extend-ours']:8.3f} | {r['extend']:8.2f} |"
                f" {row['peak'] / 1024:8.0f}",
                flush=True,
            )
    print()
    print("targets: " + ", ".join(f"{op}/floor <= {bound}" for op, bound in TARGETS.items()))
    for shape in shapes:
        mine = [row for row in rows if row["shape"] == shape]
        for row in mine:
            missed = [op for op, ratio in _ratios(row).items() if ratio > TARGETS[op]]
            verdict = "all met" if not missed else "missed: " + ", ".join(missed)
            print(f"{shape} N={row['n']:,}: {verdict}")
        if len(mine) > 1:
            for op in ("load-ours", "build-ours", "extend-ours"):
                slope = _exponent([(row["n"], row[op]) for row in mine])
                print(f"{shape} growth exponent of {op}: {slope:.2f} (target <= 1.1)")


if __name__ == "__main__":
    main()
