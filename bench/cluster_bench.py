"""``make bench-cluster``: extraction throughput of 1 and of 2 Celery workers, and the marts it gives.

On a copy of N articles (default 2,000 of the vietnews_politics corpus; copied to a temporary
folder, never into the repository) and the cluster ``make cluster-up`` started:

- the extraction backfill (16 parts, ``dagster_project.cluster.run_backfill``) with 1 worker, then
  with 2, each into an empty cache; the workers are started and ready before the clock starts.
  The figure is the ratio of the two times; the load average before and after each is recorded,
  since other work on the machine takes cores from the workers;
- with ``--compare-marts``: the build from the 2-worker cache, published to the cluster's lake,
  and the single-file build (``python -m dagster_project run``, extracting by itself into its own
  cache), and whether the lake's marts equal the file's (sorted rows, ``lake.mart_differences``).

The cluster's own workers are stopped for the measurement and as many started again after it.
It prints a table and writes the figures to a JSON file; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from run_bench import DEFAULT_CORPUS, pick_articles  # noqa: E402  (this folder: the script's own)

from dagster_project.cluster import (  # noqa: E402
    load_cluster_env,
    run_backfill,
    start_worker,
    stop_worker,
    wait_for_workers,
    worker_names,
)
from vnpolitics.cluster.servers import DEFAULT_ROOT  # noqa: E402


def timed_backfill(root: Path, raw: Path, work: Path, workers: int) -> dict[str, float]:
    """The whole backfill of ``raw`` on ``workers`` fresh workers, into an empty cache."""
    names = [f"bench{workers}-{i}" for i in range(1, workers + 1)]
    for name in names:
        start_worker(root, name)
    try:
        wait_for_workers(root, names, timeout=300)
        os.environ["RAW_DIR"] = str(raw)
        os.environ["WAREHOUSE_PATH"] = str(work / "warehouse.duckdb")
        load_before = os.getloadavg()
        started = time.monotonic()
        results = run_backfill(log=lambda line: None)
        seconds = time.monotonic() - started
        load_after = os.getloadavg()
    finally:
        for name in names:
            stop_worker(root, name)
    failed = [part for part, _, ok in results if not ok]
    if failed:
        raise RuntimeError(f"parts failed with {workers} worker(s): {failed}")
    return {
        "seconds": round(seconds, 1),
        "load_1min_before": round(load_before[0], 2),
        "load_1min_after": round(load_after[0], 2),
        "load_5min_after": round(load_after[1], 2),
    }


def build(raw: Path, warehouse: Path, env: dict[str, str]) -> float:
    """``python -m dagster_project run`` of ``raw`` into ``warehouse``; its seconds."""
    started = time.monotonic()
    log = warehouse.with_suffix(".log")
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        done = subprocess.run(
            [sys.executable, "-m", "dagster_project", "run"],
            cwd=REPO,
            env={**env, "RAW_DIR": str(raw), "WAREHOUSE_PATH": str(warehouse)},
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    if done.returncode != 0:
        raise RuntimeError(f"build of {warehouse} failed; see {log}")
    return round(time.monotonic() - started, 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", default="2000", help="how many articles, or 'all'")
    parser.add_argument("--out", type=Path, default=REPO / "warehouse" / "bench-cluster.json")
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the cluster's folder")
    parser.add_argument("--compare-marts", action="store_true", help="also build both ways and compare marts")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if not (root / "cluster.env").exists():
        print("error: no cluster: run make cluster-up first", file=sys.stderr)
        return 2
    load_cluster_env(root)
    count = None if args.articles == "all" else int(args.articles)
    running = worker_names(root)
    for name in running:
        stop_worker(root, name)
    figures: dict[str, object] = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "corpus": str(args.corpus),
    }
    try:
        with tempfile.TemporaryDirectory(prefix="bench-cluster-") as tmp:
            work = Path(tmp)
            raw = work / "raw"
            files = pick_articles(args.corpus, count, raw)
            figures["articles"] = len(files)
            one = timed_backfill(root, raw, work / "one", 1)
            two = timed_backfill(root, raw, work / "two", 2)
            figures["one_worker"] = one
            figures["two_workers"] = two
            figures["speedup_2_over_1"] = round(one["seconds"] / two["seconds"], 2)
            report(figures, args.out)  # the throughput first: the builds below take longer
            if args.compare_marts:
                figures["marts"] = compare_marts(raw, work)
                report(figures, args.out)
    finally:
        for name in running:
            start_worker(root, name)
    return 0


def report(figures: dict, out: Path) -> None:
    """Print the figures so far and write them to ``out`` (JSON)."""
    print(f"{figures['articles']} articles, {figures['machine']}")
    for label, key in (("1 worker", "one_worker"), ("2 workers", "two_workers")):
        f = figures[key]
        print(
            f"  {label:<10} {f['seconds']:>7.1f} s   load before {f['load_1min_before']}, "
            f"after {f['load_1min_after']} (5 min {f['load_5min_after']})"
        )
    print(f"  speedup 2 over 1: {figures['speedup_2_over_1']}x")
    if "marts" in figures:
        print(f"  marts: {figures['marts']}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"figures: {out}", flush=True)


def compare_marts(raw: Path, work: Path) -> dict[str, object]:
    """Build from the 2-worker cache into the lake, and single-file by itself; compare the marts."""
    from vnpolitics.warehouse.lake import CATALOG_ENV, DATA_PATH_ENV, lake_from_env, mart_differences

    lake = lake_from_env()
    assert lake is not None
    cluster_env = dict(os.environ)
    single_env = {k: v for k, v in os.environ.items() if k not in (CATALOG_ENV, DATA_PATH_ENV)}
    single_env["DAGSTER_HOME"] = str(work / "single_home")
    cluster_seconds = build(raw, work / "two" / "warehouse.duckdb", {**cluster_env, "FORCE_REBUILD": "1"})
    single_seconds = build(raw, work / "single" / "warehouse.duckdb", single_env)
    differences = mart_differences(work / "single" / "warehouse.duckdb", lake)
    return {
        "cluster_build_seconds": cluster_seconds,
        "single_file_build_seconds": single_seconds,
        "differences": differences,
        "equal": not differences,
    }


if __name__ == "__main__":
    sys.exit(main())
