"""Bounded work per file: no input holds a nightly run longer than its budget, and only once.

The pool's own tests use tasks that never end (pure Python, and a regular expression that
backtracks inside C code, which no signal handler interrupts); the extraction's use real
input: a 1 MB article that takes far longer than the budget given here, and the 5 MB page of
unclosed tags that Python's html.parser would take more than a day on.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from bad_inputs import hostile_html, invented_article

from vnpolitics.extract.version import EXTRACTOR_VERSION
from vnpolitics.warehouse.batch_extraction import extract_to_cache
from vnpolitics.warehouse.budgeted_pool import (
    OverBudget,
    WorkerDied,
    WorkerStartError,
    run_within_budget,
    stop_warm_pools,
    warm_pool,
)
from vnpolitics.warehouse.cache import ExtractionCache
from vnpolitics.warehouse.file_budget import DEFAULT_FILE_BUDGET_SECONDS, FILE_BUDGET_ENV, file_budget_seconds
from vnpolitics.warehouse.scan import ScanProgress

# Generous: the machine is shared, and a worker takes seconds to start under load.
START_UP_SECONDS = 30


def _run(tasks, workers=2, budget=2.0, warm_up=None):
    import pool_tasks

    started = time.monotonic()
    results = dict(
        run_within_budget(pool_tasks.run, tasks, workers=workers, budget_seconds=budget, warm_up=warm_up)
    )
    return results, time.monotonic() - started


def test_a_task_over_budget_is_stopped_and_the_others_finish() -> None:
    tasks = [("sleep", 0.1), ("spin", 0), ("regex", 0), ("sleep", 0.1), ("sleep", 0.1)]
    results, seconds = _run(tasks, budget=2.0)
    assert results == {
        0: "sleep done",
        1: OverBudget(2.0),
        2: OverBudget(2.0),
        3: "sleep done",
        4: "sleep done",
    }
    # Two runaway tasks on two workers: about one budget each at once, plus start-ups.
    assert seconds < 2 * 2.0 + START_UP_SECONDS


def test_a_worker_that_dies_costs_its_task_only() -> None:
    results, _ = _run([("die", 0), ("sleep", 0.1), ("sleep", 0.1)], workers=1)
    assert results[0] == WorkerDied(-9)
    assert results[1] == results[2] == "sleep done"


def test_a_worker_that_cannot_start_fails_the_run_not_the_file() -> None:
    import pool_tasks

    with pytest.raises(WorkerStartError, match="died while starting"):
        _run([("sleep", 0.1)], warm_up=pool_tasks.broken_warm_up)


def test_a_warm_pool_serves_the_next_call_and_replaces_a_worker_killed_meanwhile() -> None:
    import pool_tasks

    def pid_of_a_call() -> int:
        results = dict(
            run_within_budget(pool_tasks.run, [("pid", 0)], workers=1, budget_seconds=30, keep_warm=True)
        )
        return int(results[0])

    try:
        first = pid_of_a_call()
        assert pid_of_a_call() == first  # the same process, already warm
        os.kill(first, signal.SIGKILL)
        time.sleep(0.5)
        replacement = pid_of_a_call()  # not WorkerDied: the task goes to a fresh worker
        assert replacement != first
    finally:
        stop_warm_pools()
    with pytest.raises(ProcessLookupError):  # stopped and reaped
        os.kill(replacement, 0)


def test_a_pool_warmed_ahead_takes_the_first_task_without_starting_another_worker() -> None:
    import pool_tasks

    try:
        warmed = warm_pool(pool_tasks.run, pool_tasks.slow_warm_up, workers=1)
        started = time.monotonic()
        results = dict(
            run_within_budget(
                pool_tasks.run,
                [("pid", 0)],
                workers=1,
                budget_seconds=30,
                warm_up=pool_tasks.slow_warm_up,
                keep_warm=True,
            )
        )
        assert [int(results[0])] == warmed
        assert time.monotonic() - started < pool_tasks.SLOW_WARM_UP_SECONDS  # its warm-up was paid before
    finally:
        stop_warm_pools()


def test_the_budget_comes_from_the_environment(monkeypatch) -> None:
    monkeypatch.delenv(FILE_BUDGET_ENV, raising=False)
    assert file_budget_seconds() == DEFAULT_FILE_BUDGET_SECONDS
    monkeypatch.setenv(FILE_BUDGET_ENV, "12.5")
    assert file_budget_seconds() == 12.5
    for bad in ("0", "-1", "soon", "nan", "inf"):
        monkeypatch.setenv(FILE_BUDGET_ENV, bad)
        with pytest.raises(ValueError, match=FILE_BUDGET_ENV):
            file_budget_seconds()


def _big_article(size: int = 1_000_000) -> str:
    """About ``size`` bytes of meeting reports on one line: 20 s or more of extraction."""
    line = invented_article(5).replace("\n", " ")
    return line * (size // len(line.encode()) + 1)


def test_a_file_over_budget_is_rejected_naming_the_budget_and_never_paid_again(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "big.txt").write_text(_big_article())
    (raw / "big copy.txt").write_text(_big_article())
    (raw / "ok.txt").write_text(invented_article(1))
    cache = ExtractionCache(tmp_path / "cache", EXTRACTOR_VERSION)
    budget = 2.0

    started = time.monotonic()
    first = extract_to_cache(raw, cache, workers=1, budget_seconds=budget)
    first_seconds = time.monotonic() - started
    rows = {r.source_file: r for r in first.ingest}
    assert rows["ok.txt"].status == "loaded"
    for name in ("big.txt", "big copy.txt"):  # the copy is rejected with its original
        assert rows[name].status == "rejected"
        assert rows[name].reason == (
            "decoding and extraction took longer than the 2 s budget per file (FILE_BUDGET_SECONDS)"
        )
    assert (first.extracted, first.failed, first.over_budget) == (1, 1, 1)
    # Two worker start-ups: the first, and the one that replaces the worker killed at the budget.
    assert first_seconds < budget + 2 * START_UP_SECONDS

    started = time.monotonic()
    second = extract_to_cache(raw, cache, workers=1, budget_seconds=budget)
    second_seconds = time.monotonic() - started
    assert second.ingest == first.ingest  # the same rows, so the next build sees nothing new
    assert (second.extracted, second.failed, second.from_cache) == (0, 0, 1)
    assert second_seconds < 5, "the second run decoded or extracted the rejected file again"

    assert len(cache.rejections(budget)) == 1  # by content hash: the copy has the same bytes
    assert cache.rejections(budget * 10) == {}  # a larger budget tries the file again


def test_the_5mb_page_of_unclosed_tags_costs_less_than_its_budget_once(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "unclosed.html").write_bytes(hostile_html(invented_article(3)))
    (raw / "only_tags.html").write_bytes(b"<a" * 2_400_000)
    cache = ExtractionCache(tmp_path / "cache", EXTRACTOR_VERSION)
    budget = 20.0
    heard = []

    started = time.monotonic()
    first = extract_to_cache(raw, cache, workers=1, budget_seconds=budget, progress=heard.append)
    first_seconds = time.monotonic() - started
    rows = {r.source_file: r for r in first.ingest}
    assert rows["unclosed.html"].status == "loaded" and "html" in rows["unclosed.html"].flags
    assert rows["only_tags.html"].status == "rejected"
    assert first_seconds < budget + START_UP_SECONDS
    assert [str(p) for p in heard if not isinstance(p, ScanProgress)][-1].startswith("extracted 1/1")

    started = time.monotonic()
    second = extract_to_cache(raw, cache, workers=1, budget_seconds=budget)
    assert time.monotonic() - started < 5
    assert second.extracted == 0 and second.ingest == first.ingest


def test_the_budget_is_a_field_of_the_warehouse_config(monkeypatch) -> None:
    """FILE_BUDGET_SECONDS reaches the resource the assets read, not only the library's default."""
    from dagster_project.resources import WarehouseConfig, warehouse_from_env

    monkeypatch.delenv(FILE_BUDGET_ENV, raising=False)
    assert warehouse_from_env().file_budget_seconds == DEFAULT_FILE_BUDGET_SECONDS
    monkeypatch.setenv(FILE_BUDGET_ENV, "7.5")
    assert warehouse_from_env().file_budget_seconds == 7.5
    with pytest.raises(ValueError, match="greater than 0"):
        WarehouseConfig(file_budget_seconds=0)


def test_the_raw_tables_asset_uses_the_configured_budget_and_counts_what_overran_it(tmp_path: Path) -> None:
    """The ingest asset runs on the config's budget (1 s here, not the environment's 300 s) and its
    metadata say how many articles overran it."""
    from dagster import build_asset_context

    from dagster_project.assets.ingest import raw_tables
    from dagster_project.resources import WarehouseConfig

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "big.txt").write_text(_big_article())
    (raw / "ok.txt").write_text(invented_article(1))
    warehouse = WarehouseConfig(
        raw_dir=str(raw), warehouse_path=str(tmp_path / "w.duckdb"), extract_workers=1, file_budget_seconds=1
    )
    with warehouse.warehouse_run("test-budget").begin(5) as run:
        results = list(raw_tables(context=build_asset_context(), warehouse=warehouse, warehouse_run=run))
    ingest = next(r for r in results if r.asset_key.path == ["raw", "ingest_files"]).metadata
    assert ingest["articles_over_budget"] == 1 and ingest["articles_extracted"] == 1
    assert ingest["files_rejected"] == 1
    assert ExtractionCache(warehouse.cache_path, EXTRACTOR_VERSION).rejections(1.0)  # cached for next time
