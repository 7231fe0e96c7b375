"""From a file to a report: ours against DuckDB's one-rule self-join, from the same files.

For each N (claims, one per statement) and each shape of ``check_scaling.py``, the same set is
written once as a Parquet set (``diplostatements.tables.write_parquet``) and once as a JSON Lines
file (``io.dump(..., format="jsonl")``). Then, interleaved, medians of at least 3 runs:

- ours, Parquet: ``check("dir/")`` (read, validate, keep the rows that may clash, build their
  statements, check) and the report written out (``to_records()``: every finding's objects and
  sentence);
- ours, JSON Lines: ``io.load(path)``, ``check()`` and the report written out;
- DuckDB, Parquet: read ``claims.parquet``, self-join on ``(subject, predicate, object)`` with
  opposite polarity and periods that may meet (each claim's ``when``, else the day it was said),
  count the pairs: NEGATION's candidates, one rule where ours runs all of them;
- DuckDB, JSON Lines: read the file, unnest the claims, the same self-join (periods: the day
  each statement was said, as a JSON ``when`` has several shapes), count.

Peak memory: ``ru_maxrss`` of a fresh process (forked from a small server started before
anything big is loaded) that checks the Parquet set and writes its report out.

Where the Parquet path's time goes: each phase timed once, in order, after the medians (read,
validate, the pre-filter, building the kept rows' statements, check, ``to_records()``), with the
share of the claims table's rows the pre-filter kept.

    python benchmarks/end_to_end.py                    # N = 10^5 and 10^6, uniform
    python benchmarks/end_to_end.py --smoke            # tiny N, seconds, for CI
    python benchmarks/end_to_end.py --sizes 100000 --shapes uniform skewed names
"""

from __future__ import annotations

import argparse
import gc
import importlib
import multiprocessing
import multiprocessing.forkserver
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import check_scaling

from diplostatements import io
from diplostatements.checker import check

PARQUET_QUERY = """
WITH c AS (
  SELECT row_number() OVER () AS aid, subject, predicate, coalesce(object, '') AS object,
         polarity = 'affirmed' AS affirmed,
         CASE WHEN has_when THEN coalesce(when_start_earliest, DATE '0001-01-01')
              ELSE said_on_start_earliest END AS first_day,
         CASE WHEN has_when THEN coalesce(when_end_latest, DATE '9999-12-31')
              ELSE said_on_end_latest END AS last_day
  FROM read_parquet('{path}') WHERE predicate IS NOT NULL
)
SELECT count(*) FROM c a JOIN c b
  ON a.subject = b.subject AND a.predicate = b.predicate AND a.object = b.object
WHERE a.aid < b.aid AND a.affirmed <> b.affirmed
  AND a.first_day <= b.last_day AND b.first_day <= a.last_day
"""

JSONL_QUERY = """
WITH s AS (
  SELECT id, CAST(said_on AS VARCHAR) AS said, unnest(claims) AS claim
  FROM read_json('{path}', format = 'newline_delimited',
                 columns = {{type: 'VARCHAR', id: 'VARCHAR', said_on: 'VARCHAR',
                            claims: 'STRUCT(subject VARCHAR, predicate VARCHAR,
                                            object VARCHAR, polarity VARCHAR)[]'}})
  WHERE type = 'statement' AND len(claims) > 0
), c AS (
  SELECT row_number() OVER () AS aid, claim.subject AS subject, claim.predicate AS predicate,
         coalesce(claim.object, '') AS object,
         coalesce(claim.polarity, 'affirmed') = 'affirmed' AS affirmed, said
  FROM s
)
SELECT count(*) FROM c a JOIN c b
  ON a.subject = b.subject AND a.predicate = b.predicate AND a.object = b.object
     AND a.said = b.said
WHERE a.aid < b.aid AND a.affirmed <> b.affirmed
"""


def ours_parquet(folder: Path) -> int:
    return len(check(folder).to_records())


def ours_jsonl(path: Path) -> int:
    return len(check(io.load(path)).to_records())


def duckdb_query(duckdb: Any, query: str) -> int:
    con = duckdb.connect()
    try:
        return int(con.execute(query).fetchone()[0])
    finally:
        con.close()


def _peak_child(folder: str, results: Any) -> None:
    check(Path(folder)).to_records()
    results.put(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)


def peak_memory(folder: Path) -> int:
    """KiB: ru_maxrss of a fresh process that checks the Parquet set and writes the report."""
    context = multiprocessing.get_context("forkserver")
    results = context.Queue()
    process = context.Process(target=_peak_child, args=(str(folder), results))
    process.start()
    peak = int(results.get())
    process.join()
    if process.exitcode:
        sys.exit(f"the memory child failed on {folder}")
    return peak


PHASES = ("read", "validate", "keep", "build", "check", "records")


def phases(folder: Path) -> tuple[dict[str, float], float]:
    """Seconds of each phase of the Parquet path, and the share of claim rows kept."""
    import attrs  # noqa: PLC0415 -- only this measurement needs them

    from diplostatements import _tables_read, tables  # noqa: PLC0415
    from diplostatements.checker import _tables  # noqa: PLC0415
    from diplostatements.vocabulary import DEFAULT_VOCABULARY  # noqa: PLC0415

    times: dict[str, float] = {}
    gc.collect()

    def timed(name: str, function: Callable[[], Any]) -> Any:
        started = time.perf_counter()
        result = function()
        times[name] = time.perf_counter() - started
        return result

    read = timed("read", lambda: tables.read_parquet(folder))
    normal = timed("validate", lambda: tables.validate(read))
    claims = normal.claims
    keep = timed(
        "keep",
        lambda: _tables.keep(claims, DEFAULT_VOCABULARY, normal.actors, normal.affiliations),
    )
    kept = attrs.evolve(normal, claims=claims.filter(keep))
    built = timed("build", lambda: _tables_read.build(kept._all(), kept.labels, kept.source))
    report = timed("check", lambda: check(built))
    timed("records", report.to_records)
    return times, kept.claims.num_rows / max(1, claims.num_rows)


def _timed(function: Callable[[], int]) -> tuple[float, int]:
    gc.collect()
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def measure(n: int, shape: str, runs: int, duckdb: Any, folder: Path) -> dict[str, Any]:
    """Every contender on one (shape, N): medians, results and the peak memory."""
    tables = importlib.import_module("diplostatements.tables")
    found = check_scaling.build(check_scaling.make_items(n, shape))
    parquet, jsonl = folder / f"{shape}-{n}", folder / f"{shape}-{n}.jsonl"
    tables.write_parquet(found, parquet)
    io.dump(found, jsonl, format="jsonl")
    del found
    gc.collect()
    contenders: dict[str, Callable[[], int]] = {
        "ours parquet": lambda: ours_parquet(parquet),
        "ours jsonl": lambda: ours_jsonl(jsonl),
    }
    if duckdb is not None:
        claims = parquet / "claims.parquet"
        contenders["duckdb parquet"] = lambda: duckdb_query(
            duckdb, PARQUET_QUERY.format(path=claims)
        )
        contenders["duckdb jsonl"] = lambda: duckdb_query(duckdb, JSONL_QUERY.format(path=jsonl))
    times: dict[str, list[float]] = {name: [] for name in contenders}
    results: dict[str, int] = {}
    names = list(contenders)
    for run in range(runs):
        shift = run % len(names)
        for name in names[shift:] + names[:shift]:  # interleaved, a different order each run
            seconds, results[name] = _timed(contenders[name])
            times[name].append(seconds)
    if results["ours parquet"] != results["ours jsonl"]:
        sys.exit(f"the two paths disagree at N={n} ({shape}): {results}")
    medians = {name: statistics.median(found) for name, found in times.items()}
    split, share = phases(parquet)
    return {
        "shape": shape,
        "n": n,
        "medians": medians,
        "results": results,
        "peak": peak_memory(parquet),
        "phases": split,
        "kept": share,
    }


def _ratio(a: float | None, b: float | None) -> str:
    return "-" if a is None or b is None else f"{a / b:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="tiny N, a few seconds, for CI")
    parser.add_argument("--sizes", type=int, nargs="+", help="the Ns (claims)")
    parser.add_argument("--shapes", nargs="+", choices=check_scaling.SHAPES, default=["uniform"])
    parser.add_argument("--runs", type=int, default=3, help="runs per contender (>= 3, median)")
    args = parser.parse_args()
    sizes = [1_000] if args.smoke else (args.sizes or [100_000, 1_000_000])
    multiprocessing.set_forkserver_preload(["diplostatements.checker"])
    multiprocessing.forkserver.ensure_running()  # before the data are made
    try:
        importlib.import_module("diplostatements.tables")
    except ImportError:
        print("pyarrow is not installed: nothing to measure (pip install -e '.[bench]')")
        return
    try:
        duckdb: Any = importlib.import_module("duckdb")
    except ImportError:
        print("duckdb is not installed: its rows are skipped (pip install -e '.[bench]')")
        duckdb = None
    print(
        f"end to end: {max(args.runs, 3)} runs each, medians, contenders interleaved; one claim"
        f" per statement; Python {platform.python_version()}, {os.cpu_count()} CPUs"
    )
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        for shape in args.shapes:
            for n in sizes:
                rows.append(measure(n, shape, max(args.runs, 3), duckdb, Path(temporary)))
                print(f"  done: {shape} N={n:,}", file=sys.stderr, flush=True)
    head = (
        f"{'shape':<14}{'N':>10}{'findings':>10}{'ours pq s':>10}{'dd pq s':>9}{'ratio':>7}"
        f"{'ours jl s':>10}{'dd jl s':>9}{'ratio':>7}{'peak MiB':>9}"
    )
    print(head)
    print("-" * len(head))
    verdicts = []
    for row in rows:
        m = row["medians"]
        ours_pq, ours_jl = m["ours parquet"], m["ours jsonl"]
        dd_pq, dd_jl = m.get("duckdb parquet"), m.get("duckdb jsonl")
        print(
            f"{row['shape']:<14}{row['n']:>10,}{row['results']['ours parquet']:>10,}"
            f"{ours_pq:>10.3f}{dd_pq if dd_pq is not None else float('nan'):>9.3f}"
            f"{_ratio(ours_pq, dd_pq):>7}{ours_jl:>10.3f}"
            f"{dd_jl if dd_jl is not None else float('nan'):>9.3f}{_ratio(ours_jl, dd_jl):>7}"
            f"{row['peak'] / 1024:>9.0f}"
        )
        if row["n"] == 1_000_000 and dd_pq is not None and dd_jl is not None:
            for label, value, target in (
                ("Parquet ours/DuckDB", ours_pq / dd_pq, 4),
                ("JSON Lines ours/DuckDB", ours_jl / dd_jl, 6),
                ("peak MiB, Parquet path", row["peak"] / 1024, 500),
            ):
                ok = "ok" if value <= target else "MISSED"
                verdicts.append(f"  {row['shape']} {label} at 10^6 (<= {target}) {value:.2f} {ok}")
    print("the Parquet path, phase by phase (s, one run), and the share of claim rows kept:")
    print(f"{'shape':<14}{'N':>10}" + "".join(f"{name:>9}" for name in PHASES) + f"{'kept':>8}")
    for row in rows:
        split = row["phases"]
        print(
            f"{row['shape']:<14}{row['n']:>10,}"
            + "".join(f"{split[name]:>9.3f}" for name in PHASES)
            + f"{row['kept']:>8.1%}"
        )
    print("targets (PERFORMANCE.md):")
    for line in verdicts or ["  (none at these sizes)"]:
        print(line)


if __name__ == "__main__":
    main()
