"""The table form at scale: writing, reading and checking tables, as ratios against peers.

For each N (claims, one per statement, as ``check_scaling.py`` builds them) and each shape
(``uniform``; ``skewed``: one subject holding about 8 % of the claims; ``names``: half the
objects are plain entity names that are not actors, from a pool of N/5), it builds the set once
and measures, the contenders interleaved (in reverse order every other run), medians of 3 runs:

- ``to_arrow``: the set as three Arrow tables, against ``io.dumps(s, format="jsonl")`` (the
  other way the library writes a whole set);
- ``write``: ``tables.write_parquet`` against ``pyarrow.parquet.write_table`` of the same tables;
- ``read``: ``tables.read_parquet`` against ``pyarrow.parquet.read_table`` of the same files;
- ``validate``: ``tables.validate`` of the tables read, against that same raw read (the issue
  asks validation to cost a fraction of reading);
- ``from_arrow``: the set from the tables read, against ``io.load`` of the same set as JSON
  Lines.

    python benchmarks/tables_scaling.py                 # N = 10^5 and 10^6, all shapes (minutes)
    python benchmarks/tables_scaling.py --smoke         # tiny N, seconds, for CI
    python benchmarks/tables_scaling.py --sizes 100000 --shapes uniform
"""

from __future__ import annotations

import argparse
import gc
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).parent))

import check_scaling  # the sibling script's data, imported from this folder

from diplostatements import Statement, StatementSet
from diplostatements import io as dio

try:
    import pyarrow.parquet as pq

    from diplostatements import tables
except ImportError:  # pragma: no cover - the tables extra is not installed
    tables = None  # type: ignore[assignment]

RUNS = 3


def make_set(n: int, shape: str) -> StatementSet:
    """The benchmark set of ``check_scaling.py`` (``names``: half the objects plain names)."""
    items = check_scaling.make_items(n, "uniform" if shape == "names" else shape)
    if shape == "names":
        rng = random.Random(n)
        names = [f"entity {i}" for i in range(max(10, n // 5))]
        changed: list[Any] = []
        for item in items:
            if isinstance(item, Statement) and item.claims and rng.random() < 0.5:
                claim = attrs.evolve(item.claims[0], object=rng.choice(names))
                changed.append(attrs.evolve(item, claims=(claim,)))
            else:
                changed.append(item)
        items = changed
    return check_scaling.build(items)


def _timed(function: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def measure(n: int, shape: str, runs: int) -> dict[str, float]:
    """Median seconds of each contender on one set."""
    s = make_set(n, shape)
    t = tables.to_arrow(s)
    folder = Path(tempfile.mkdtemp())
    tables.write_parquet(t, folder / "ours")
    dio.dump(s, folder / "set.jsonl", format="jsonl")
    read = tables.read_parquet(folder / "ours")
    names = ("actors", "affiliations", "claims")
    contenders: dict[str, Callable[[], object]] = {
        "to_arrow": lambda: tables.to_arrow(s),
        "dumps_jsonl": lambda: dio.dumps(s, format="jsonl"),
        "write": lambda: tables.write_parquet(t, folder / "again"),
        "pq_write": lambda: [
            pq.write_table(getattr(t, name), folder / f"raw-{name}.parquet") for name in names
        ],
        "read": lambda: tables.read_parquet(folder / "ours"),
        "pq_read": lambda: [pq.read_table(folder / "ours" / f"{name}.parquet") for name in names],
        "validate": lambda: tables.validate(read),
        "from_arrow": lambda: tables.from_arrow(read),
        "load_jsonl": lambda: dio.load(folder / "set.jsonl"),
    }
    times: dict[str, list[float]] = {name: [] for name in contenders}
    order = list(contenders)
    for _ in range(runs):
        for name in order:
            times[name].append(_timed(contenders[name]))
        # Whoever runs first after a large write pays for fresh memory pages: take turns.
        order.reverse()
    return {name: statistics.median(found) for name, found in times.items()}


def print_table(rows: list[tuple[int, str, dict[str, float]]]) -> None:
    """One line per (N, shape): our times and each ratio against its peer."""
    pairs = (
        ("to_arrow", "dumps_jsonl"),
        ("write", "pq_write"),
        ("read", "pq_read"),
        ("validate", "pq_read"),
        ("from_arrow", "load_jsonl"),
    )
    head = f"{'N':>9} {'shape':<8}" + "".join(f" {a:>10} {a + '/' + b:>22}" for a, b in pairs)
    print(head)
    for n, shape, found in rows:
        cells = "".join(f" {found[a]:>9.3f}s {found[a] / found[b]:>22.2f}" for a, b in pairs)
        print(f"{n:>9} {shape:<8}{cells}")


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny N, for CI")
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000, 1_000_000])
    parser.add_argument("--shapes", nargs="*", default=["uniform", "skewed", "names"])
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    if tables is None:
        print("tables_scaling: pyarrow is not installed (pip install 'diplostatements[tables]')")
        return
    sizes, runs = ([2_000], 1) if args.smoke else (args.sizes, args.runs)
    rows = []
    for n in sizes:
        for shape in args.shapes:
            rows.append((n, shape, measure(n, shape, runs)))
            print(f"measured N={n} {shape}", file=sys.stderr, flush=True)
    print_table(rows)


if __name__ == "__main__":
    main()
