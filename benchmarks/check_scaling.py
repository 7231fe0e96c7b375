"""check() at scale, against the floor of PERFORMANCE.md, on five data shapes, in one table.

For each N (claims, one per statement) and each shape (see :func:`make_items`) it builds a
synthetic set deterministically and measures, the contenders interleaved, medians of at least 3
runs:

- build: ``StatementSet(items)`` and its one-time chronological sort (``timeline()``), from items
  built beforehand;
- ours: ``check(statement_set)`` with the full rule set and ``DEFAULT_VOCABULARY``, from the
  built set (the report's sentences are written when read: not timed here);
- floor: one pass over the same claims putting each in a dict bucket by its
  ``(subject, predicate)`` key (PERFORMANCE.md), reading them statement by statement in the order
  they were built, which is the order the set stores them and the order ``check()`` reads them
  in;
- peak memory: ``ru_maxrss`` of a separate child process per (shape, N) that generates the items,
  builds the set (the items then dropped) and checks it, so each N is measured alone. Children
  are forked from a small server started before anything else is loaded (``ru_maxrss`` survives
  ``exec`` on Linux: a child of this process would inherit its peak).

Both contenders run with the garbage collector paused (``check()`` pauses it itself), so neither
is flattered. The cost of a finding is measured on the ``findings`` shape (about one finding a
claim) against ``findings-none``, the same claims on days that never meet (no finding): the
extra time divided by the findings, over the time per claim of the second.

    python benchmarks/check_scaling.py             # N = 10^4 .. 10^6, every shape (many minutes)
    python benchmarks/check_scaling.py --smoke     # tiny N, seconds, for CI
    python benchmarks/check_scaling.py --sizes 10000 100000 --shapes skewed
"""

from __future__ import annotations

import argparse
import gc
import math
import multiprocessing
import multiprocessing.forkserver
import os
import platform
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

import attrs

from diplostatements import (
    Actor,
    ActorKind,
    Affiliation,
    Channel,
    Claim,
    ClaimRef,
    Modality,
    Polarity,
    Quantity,
    Rebuttal,
    RebuttalKind,
    Statement,
    StatementSet,
    TimeSpan,
)
from diplostatements.checker import check

Item = Actor | Affiliation | Statement

START = date(2010, 1, 1)
DAYS = 3650
"""Statements are spread over ten years."""
CLAIMS_PER_ACTOR = 40
"""The actor pool grows with N, so a proposition's bucket keeps its expected size."""
PARTNERS = 6
"""Each subject talks mostly about a few counterparts."""
HOT_SHARE = 0.08
"""In the skewed shape, the share of claims whose subject is the one hot subject."""
SMALL = 10_000
"""Up to this N each contender is run at least 7 times."""

# (predicate, weight, object kind, lasting): object kind "actor" is one of the subject's
# partners (or anyone), "state" a state, "event" an incident. A lasting predicate describes a
# state of affairs, which a claim may say holds since some day; the others are events.
PREDICATES: tuple[tuple[str, int, str, bool], ...] = (
    ("supports", 10, "actor", True),  # contrary: opposes
    ("opposes", 6, "actor", True),
    ("increased_support_for", 3, "actor", False),  # implies supports
    ("seeks_ouster_of", 2, "actor", True),  # implies opposes
    ("recognizes", 4, "actor", True),
    ("legitimate_president_of", 2, "state", True),  # inverse-functional
    ("has_personnel_in", 5, "state", True),  # quantities
    ("deployed_personnel_to", 2, "state", False),  # implies has_personnel_in
    ("withdrew_personnel_from", 3, "state", False),  # quantities
    ("imposed_sanctions_on", 3, "actor", False),  # implies maintains_sanctions_on
    ("maintains_sanctions_on", 3, "actor", True),
    ("lifted_sanctions_on", 1, "actor", False),
    ("talked_with", 4, "actor", False),  # symmetric
    ("met_with", 4, "actor", False),  # symmetric, implies talked_with
    ("had_phone_call_with", 3, "actor", False),
    ("informed", 3, "actor", False),  # reporting: content
    ("requested", 2, "actor", False),
    ("condemned", 6, "actor", False),
    ("praised", 3, "actor", False),
    ("accused", 3, "actor", False),
    ("allied_with", 2, "actor", True),  # symmetric, contrary: at_war_with
    ("at_war_with", 1, "actor", True),
    ("attacked", 1, "state", False),
    ("invaded", 1, "state", False),  # implies attacked, has_personnel_in
    ("responsible_for", 1, "event", False),  # timeless
    ("visited", 3, "state", False),
    ("delivered_arms_to", 2, "actor", False),  # implies cooperates_militarily_with (symmetric)
    ("cooperates_with", 2, "actor", True),
    ("commented_on", 2, "actor", False),  # not in the vocabulary
)
QUALIFIERS = ("military", "economic", "official")


def _actors(n: int, rng: random.Random) -> tuple[list[Actor], list[Affiliation], dict[str, Any]]:
    count = max(120, n // CLAIMS_PER_ACTOR)
    states = [f"S{i:05d}" for i in range(max(20, count // 5))]
    people = [f"P{i:06d}" for i in range(count // 2)]
    orgs = [f"O{i:05d}" for i in range(count // 5)]
    media = [f"M{i:04d}" for i in range(max(5, count // 20))]
    events = [f"E{i:05d}" for i in range(max(10, count // 20))]
    actors = [Actor(s, f"State {s}", ActorKind.STATE) for s in states]
    actors += [Actor(p, f"Person {p}", ActorKind.PERSON) for p in people]
    actors += [Actor(o, f"Organization {o}", ActorKind.ORGANIZATION) for o in orgs]
    actors += [Actor(m, f"Media {m}", ActorKind.MEDIA) for m in media]
    actors += [Actor(e, f"Incident {e}", ActorKind.OTHER) for e in events]
    affiliations = []
    spokespeople: dict[str, list[str]] = {}
    for index, person in enumerate(people):
        state = states[index % len(states)]
        spokespeople.setdefault(state, []).append(person)
        roll = rng.random()
        if roll < 0.55:  # speaks for the state, always
            affiliations.append(Affiliation(person, state, role="minister", speaks_for=True))
        elif roll < 0.7:  # speaks for it since a day: before that, for himself
            since = TimeSpan.since(START + timedelta(days=rng.randrange(DAYS)))
            affiliations.append(Affiliation(person, state, span=since, speaks_for=True))
    for index, org in enumerate(orgs):
        state = states[index % len(states)]
        roll = rng.random()
        if roll < 0.3:  # a government agency
            affiliations.append(Affiliation(org, state, speaks_for=True))
        elif roll < 0.6:  # a state company: no speaks-for
            affiliations.append(Affiliation(org, state, role="state company"))
    subjects = states + people + orgs
    pool = {
        "states": states,
        "people": people,
        "subjects": subjects,
        "media": media,
        "events": events,
        "spokespeople": spokespeople,
        "partners": {s: [rng.choice(subjects) for _ in range(PARTNERS)] for s in subjects},
        "hot_partners": [rng.choice(subjects) for _ in range(max(PARTNERS, len(subjects) // 10))],
    }
    return actors, affiliations, pool


def _span(rng: random.Random, said: date, lasting: bool, affirmed: bool) -> TimeSpan | None:
    roll = rng.random()
    if roll < 0.5:
        return None  # the day it was said
    if lasting and affirmed and roll < 0.65:
        return TimeSpan.since(said - timedelta(days=rng.randrange(1500)))
    day = said - timedelta(days=rng.randrange(30))
    if roll < 0.8:
        return TimeSpan.on(day)
    if roll < 0.92:
        return TimeSpan.sometime_in(day.year, day.month)
    return TimeSpan.between(day, day + timedelta(days=rng.randrange(1, 90)))


def _quantity(rng: random.Random) -> Quantity:
    roll = rng.random()
    if roll < 0.5:
        return Quantity.about(rng.choice((30, 100, 400, 1000)))
    if roll < 0.8:
        return Quantity(24, 60)
    return Quantity.exactly(rng.choice((50, 100, 1000)))


def _claim(rng: random.Random, pool: dict[str, Any], subject: str, said: date, hot: bool) -> Claim:
    name, _, kind, lasting = rng.choices(PREDICATES, weights=_WEIGHTS)[0]
    if name == "legitimate_president_of":
        state = rng.choice(pool["states"])
        rivals = pool["spokespeople"].get(state) or pool["people"]
        subject, obj = rng.choice(rivals[:3]), state
    elif kind == "state":
        obj = rng.choice(pool["states"])
    elif kind == "event":
        obj = rng.choice(pool["events"])
    elif hot:
        obj = rng.choice(pool["hot_partners"])
    elif rng.random() < 0.85:
        obj = rng.choice(pool["partners"][subject])
    else:
        obj = rng.choice(pool["subjects"])
    affirmed = rng.random() >= 0.12
    roll = rng.random()
    modality = (
        Modality.CERTAIN if roll < 0.85 else Modality.PROBABLE if roll < 0.95 else Modality.POSSIBLE
    )
    quantity = None
    if name in ("has_personnel_in", "withdrew_personnel_from") and rng.random() < 0.5:
        quantity = _quantity(rng)
    content = None
    if name in ("informed", "requested") and rng.random() < 0.5:
        content = Claim(obj, "withdrew_personnel_from", rng.choice(pool["states"][:10]))
    qualifiers = (rng.choice(QUALIFIERS),) if rng.random() < 0.12 else ()
    return Claim(
        subject,
        name,
        obj,
        content=content,
        polarity=Polarity.AFFIRMED if affirmed else Polarity.NEGATED,
        modality=modality,
        quantity=quantity,
        when=_span(rng, said, lasting, affirmed),
        qualifiers=qualifiers,
    )


_WEIGHTS = [weight for _, weight, _, _ in PREDICATES]
_CHANNELS = (Channel.PRESS_BRIEFING, Channel.STATEMENT, Channel.INTERVIEW, Channel.NEWS_REPORT)
_REBUTTALS = (
    (RebuttalKind.DENIAL, 5),
    (RebuttalKind.DISMISSAL, 1),
    (RebuttalKind.RETRACTION, 1),
    (RebuttalKind.QUALIFICATION, 1),
    (RebuttalKind.CHALLENGE, 1),
)


SHAPES = ("uniform", "skewed", "names", "quantities", "findings", "findings-none")
"""The data shapes: see :func:`make_items`."""
NAMES_SHARE = 0.6
"""In the ``names`` shape, the share of claims whose object is a plain entity name."""
QUANTITY_BUCKET = 1_000
"""In the ``quantities`` shape, how many claims share one proposition."""
FINDINGS_GROUP = 3
"""In the ``findings`` shape, claims per inverse-functional key: 3 pairs, so 1 finding a claim."""


def make_items(n: int, shape: str, seed: int = 2019) -> list[Item]:
    """Actors, affiliations, N statements of one claim each, and about N/1,000 rebuttals.

    Deterministic for a given (n, shape, seed). The shapes:

    - ``uniform``: the weighted mix of predicates described in the module docstring;
    - ``skewed``: the same, one state the subject of 8 % of the claims;
    - ``names``: the same, but most objects are plain entity names that are not actors (a pool
      of N/5 names);
    - ``quantities``: compatible figures ("about 100", "between 95 and 105", "exactly 100") of one
      proposition per 1,000 claims, all about one year: big buckets with no finding;
    - ``findings``: claims of an inverse-functional predicate, three per object, on one day:
      about one finding per claim;
    - ``findings-none``: the same claims, the three of each object said to hold on three
      different days: no finding.
    """
    if shape in ("quantities", "findings", "findings-none"):
        return _special_items(n, shape)
    rng = random.Random(f"{seed}-{shape}-{n}")
    actors, affiliations, pool = _actors(n, rng)
    subjects, states = pool["subjects"], pool["states"]
    hot_subject = states[0]
    statements: list[Statement] = []
    for i in range(n):
        said = START + timedelta(days=rng.randrange(DAYS))
        hot = shape == "skewed" and rng.random() < HOT_SHARE
        subject = hot_subject if hot else rng.choice(subjects)
        claim = _claim(rng, pool, subject, said, hot)
        if shape == "names" and claim.object is not None and rng.random() < NAMES_SHARE:
            claim = attrs.evolve(claim, object=f"entity {rng.randrange(max(10, n // 5))}")
        subject = claim.subject
        speakers = pool["spokespeople"].get(subject)
        roll = rng.random()
        if speakers and roll < 0.6:
            speaker = rng.choice(speakers)
        elif roll < 0.8:
            speaker = subject
        else:
            speaker = rng.choice(pool["media"])
        statements.append(Statement(f"s{i:07d}", speaker, said, [claim], channel=_CHANNELS[i % 4]))
    rebuttals: list[Statement] = []
    kinds = [kind for kind, _ in _REBUTTALS]
    weights = [weight for _, weight in _REBUTTALS]
    for i in range(max(3, n // 1000)):
        target = rng.choice(statements)
        claim = target.claims[0]
        answerer = claim.subject
        if claim.object is not None and claim.object in pool["spokespeople"]:
            answerer = claim.object
        kind = rng.choices(kinds, weights=weights)[0]
        speaker = target.speaker if kind is RebuttalKind.RETRACTION else answerer
        said = target.said_on.latest + timedelta(days=rng.randrange(1, 6))
        rebuttals.append(
            Rebuttal(
                f"r{i:06d}",
                speaker,
                said,
                targets=[ClaimRef(target.id, 0) if rng.random() < 0.5 else target.id],
                kind=kind,
            )
        )
    return [*actors, *affiliations, *statements, *rebuttals]


def _special_items(n: int, shape: str) -> list[Item]:
    """The ``quantities`` and ``findings`` shapes (see :func:`make_items`)."""
    states = [Actor(f"S{i:05d}", f"State {i}", ActorKind.STATE) for i in range(max(20, n // 100))]
    statements: list[Item] = []
    year = TimeSpan.between(date(2019, 1, 1), date(2019, 12, 31))
    figures = (Quantity.about(100), Quantity.between(95, 105), Quantity.exactly(100))
    for i in range(n):
        speaker = states[i % len(states)].id
        said = START + timedelta(days=i % DAYS)
        if shape == "quantities":
            key = i % max(1, n // QUANTITY_BUCKET)
            claim = Claim(
                f"S{key % len(states):05d}",
                "has_personnel_in",
                f"place {key}",
                quantity=figures[i % len(figures)],
                when=year,
            )
        else:
            claim = Claim(
                f"person {i}",
                "legitimate_president_of",
                f"country {i // FINDINGS_GROUP}",
                # findings-none: each of the three on a day of its own, so none meet.
                when=TimeSpan.on(START + timedelta(days=(i // FINDINGS_GROUP) % DAYS))
                if shape == "findings"
                else TimeSpan.on(START + timedelta(days=i % DAYS)),
            )
        statements.append(Statement(f"s{i:07d}", speaker, said, [claim]))
    return [*states, *statements]


def build(items: Sequence[Item]) -> StatementSet:
    """The set, sorted once (as on its first iteration)."""
    found = StatementSet(items)
    found.timeline()
    return found


# --- the contenders ------------------------------------------------------------------------------


def floor(statements: Sequence[Statement]) -> int:
    """One pass over the claims, each in a dict bucket by its (subject, predicate) key."""
    buckets: dict[tuple[str, str], list[Claim]] = {}
    for statement in statements:
        for claim in statement.claims:
            key = (claim.subject, claim.predicate)
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = [claim]
            else:
                bucket.append(claim)
    return len(buckets)


def ours(found: StatementSet) -> int:
    return len(check(found))


# --- measuring -----------------------------------------------------------------------------------


def _timed(function: Callable[[], int]) -> tuple[float, int]:
    """Seconds and result of one call, the collector paused (as check() pauses it)."""
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        result = function()
        return time.perf_counter() - started, result
    finally:
        gc.enable()


def _peak_child(n: int, shape: str, results: Any) -> None:
    items = make_items(n, shape)
    found = build(items)
    del items
    check(found)
    results.put(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def peak_memory(n: int, shape: str) -> int:
    """KiB: ru_maxrss of a fresh process that generates, builds and checks the set."""
    # Children forked from a small server started before anything big was loaded: ru_maxrss
    # survives exec on Linux, so a child spawned from this (large) process would inherit its
    # peak; one forked from the server starts from a bare interpreter with the library imported.
    context = multiprocessing.get_context("forkserver")
    results = context.Queue()
    process = context.Process(target=_peak_child, args=(n, shape, results))
    process.start()
    peak = int(results.get())
    process.join()
    if process.exitcode:
        sys.exit(f"the memory child failed at N={n} ({shape})")
    return peak


class Row:
    """The medians for one (shape, N)."""

    def __init__(self, shape: str, n: int) -> None:
        self.shape = shape
        self.n = n
        self.times: dict[str, list[float]] = {}
        self.results: dict[str, int] = {}
        self.peak_kib = 0

    def median(self, name: str) -> float | None:
        found = self.times.get(name)
        return statistics.median(found) if found else None


def _one_run(row: Row, items: Sequence[Item], run: int) -> None:
    gc.collect()
    started = time.perf_counter()
    found = build(items)  # a fresh set each run: no cache carried over from the last check
    row.times.setdefault("build", []).append(time.perf_counter() - started)
    # The statements as the user built them: the order the set stores them and check() reads.
    statements = [item for item in items if isinstance(item, Statement)]
    contenders: dict[str, Callable[[], int]] = {
        "floor": lambda: floor(statements),
        "ours": lambda: ours(found),
    }
    names = list(contenders)
    shift = run % len(names)
    for name in names[shift:] + names[:shift]:  # interleaved, a different order each run
        seconds, result = _timed(contenders[name])
        row.times.setdefault(name, []).append(seconds)
        row.results[name] = result


def measure(n: int, shape: str, runs: int) -> Row:
    """Every contender at one (shape, N), then the peak memory in a child process."""
    row = Row(shape, n)
    items = make_items(n, shape)
    # Small sets take milliseconds: more runs steady their medians.
    for run in range(runs if n > SMALL else max(runs, 7)):
        _one_run(row, items, run)
    del items
    gc.collect()
    row.peak_kib = peak_memory(n, shape)
    return row


def exponent(points: list[tuple[int, float]]) -> float | None:
    """The slope of log(time) against log(N), by least squares."""
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(t) for _, t in points]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def _cell(value: float | None, spec: str, width: int) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:>{width}{spec}}"


def _ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a / b


def print_table(rows_: list[Row]) -> None:
    head = (
        f"{'shape':<14}{'N':>10}{'findings':>10}{'build s':>9}{'ours s':>9}{'floor s':>9}"
        f"{'ours/fl':>8}{'peak MiB':>9}"
    )
    print(head)
    print("-" * len(head))
    for row in rows_:
        ours_s, floor_s = row.median("ours"), row.median("floor")
        print(
            f"{row.shape:<14}{row.n:>10,}{row.results['ours']:>10,}"
            f"{_cell(row.median('build'), '.3f', 9)}{_cell(ours_s, '.3f', 9)}"
            f"{_cell(floor_s, '.4f', 9)}{_cell(_ratio(ours_s, floor_s), '.2f', 8)}"
            f"{row.peak_kib / 1024:>9.0f}"
        )


def finding_costs(rows_: list[Row]) -> list[tuple[int, float, float, float]]:
    """(N, µs a finding, µs a claim, ratio) where both findings shapes were measured."""
    found = {(row.shape, row.n): row for row in rows_}
    costs = []
    for (shape, n), row in sorted(found.items()):
        other = found.get(("findings-none", n))
        if shape != "findings" or other is None or not row.results["ours"]:
            continue
        with_findings, without = row.median("ours"), other.median("ours")
        assert with_findings is not None
        assert without is not None
        per_claim = without / n
        per_finding = max(0.0, with_findings - without) / row.results["ours"]
        costs.append((n, per_finding * 1e6, per_claim * 1e6, per_finding / per_claim))
    return costs


def verdicts(rows_: list[Row]) -> list[str]:
    """PERFORMANCE.md's check() targets, for the sizes measured."""
    lines = []

    def verdict(label: str, value: float | None, ok: bool) -> None:
        if value is not None:
            lines.append(f"  {label:<66} {value:>7.2f}  {'ok' if ok else 'MISSED'}")

    for row in rows_:
        ratio = _ratio(row.median("ours"), row.median("floor"))
        if ratio is None:
            continue
        if row.shape in ("uniform", "names") and row.n == 1_000_000:
            verdict(f"{row.shape} time/floor at 10^6 (<= 2.5)", ratio, ratio <= 2.5)
        elif row.shape in ("uniform", "names") and row.n in (10_000, 100_000):
            verdict(f"{row.shape} time/floor at {row.n:,} (<= 5)", ratio, ratio <= 5)
        elif row.shape == "skewed" and row.n == 100_000:
            verdict("skewed time/floor at 10^5 (<= 10)", ratio, ratio <= 10)
        if row.n == 1_000_000:
            peak = row.peak_kib / 1024 / 1024
            verdict(f"{row.shape} peak GiB at 10^6, built and checked (<= 1)", peak, peak <= 1)
    for n, per_finding, per_claim, ratio in finding_costs(rows_):
        verdict(
            f"a finding / a claim at {n:,} ({per_finding:.1f} vs {per_claim:.2f} µs) (<= 3)",
            ratio,
            ratio <= 3,
        )
    for shape in SHAPES:
        points = [
            (row.n, t)
            for row in rows_
            if row.shape == shape
            and 10_000 <= row.n <= 1_000_000
            and (t := row.median("ours")) is not None
        ]
        fitted = exponent(points)
        if fitted is None or len({n for n, _ in points}) < 2:
            continue
        label = f"{shape} growth exponent, N = {points[0][0]:,}..{points[-1][0]:,}"
        verdict(f"{label} (<= 1.3)", fitted, fitted <= 1.3)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny N, a few seconds, for CI")
    parser.add_argument("--sizes", type=int, nargs="+", help="the Ns (claims)")
    parser.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    parser.add_argument("--runs", type=int, default=3, help="runs per contender (>= 3, median)")
    args = parser.parse_args()
    default = [10_000, 100_000, 1_000_000]
    sizes = [300, 1_000] if args.smoke else (args.sizes or default)
    runs = max(args.runs, 3)
    multiprocessing.set_forkserver_preload(["diplostatements.checker"])
    multiprocessing.forkserver.ensure_running()  # before the data are loaded
    print(
        f"check() scaling: {runs} runs each, medians, contenders interleaved; one claim per"
        f" statement; Python {platform.python_version()}, {os.cpu_count()} CPUs"
    )
    measured = []
    for shape in args.shapes:
        for n in sizes:
            measured.append(measure(n, shape, runs))
            print(f"  done: {shape} N={n:,}", file=sys.stderr, flush=True)
    print_table(measured)
    costs = finding_costs(measured)
    if costs:
        print("cost of a finding (findings against findings-none, same N):")
        for n, per_finding, per_claim, ratio in costs:
            print(
                f"  N={n:,}: {per_finding:.2f} µs a finding,"
                f" {per_claim:.2f} µs a claim, ratio {ratio:.2f}"
            )
    print("targets (PERFORMANCE.md):")
    for line in verdicts(measured) or ["  (none at these sizes)"]:
        print(line)


if __name__ == "__main__":
    main()
