"""A run's lifecycle as ``WarehouseRun`` owns it: lock, scratch, skip, publish, record; no Dagster, no dbt."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pytest

from vnpolitics.warehouse.publish import WarehouseLocked
from vnpolitics.warehouse.run import WarehouseRun
from vnpolitics.warehouse.run_log import read_runs

INGEST = pl.DataFrame(
    {
        "source_file": ["a.txt", "b.txt", "c.png"],
        "content_hash": ["h1", "h2", "h3"],
        "status": ["loaded", "loaded", "rejected"],
        "reason": [None, None, "binary file (PNG)"],
    }
)


def _run(tmp_path: Path, run_id: str, **kwargs) -> WarehouseRun:
    dbt_project = tmp_path / "dbt"
    dbt_project.mkdir(exist_ok=True)
    (dbt_project / "dbt_project.yml").write_text("name: test\n")
    return WarehouseRun(run_id, tmp_path / "raw", tmp_path / "w" / "warehouse.duckdb", dbt_project, **kwargs)


def _build(run: WarehouseRun, ingest: pl.DataFrame = INGEST, people: int = 2) -> None:
    """What the load and dbt would leave in the scratch copy: raw.ingest_files and one mart."""
    with duckdb.connect(str(run.scratch)) as con:
        con.execute("create schema if not exists raw").fetchall()
        con.register("ingest", ingest.to_arrow())
        con.execute("create or replace table raw.ingest_files as select * from ingest").fetchall()
        con.execute("create or replace table main.dim_people as select range as n from range(?)", [people])


def _publish(tmp_path: Path, run_id: str, **kwargs) -> WarehouseRun:
    run = _run(tmp_path, run_id, **kwargs)
    with run.begin(lock_timeout_seconds=0):
        _build(run)
        run.publish()
    return run


def test_a_run_holds_the_lock_and_builds_in_a_scratch_copy(tmp_path: Path) -> None:
    run = _run(tmp_path, "r1")
    with run.begin(lock_timeout_seconds=0):
        assert run.scratch.exists() and not run.warehouse.exists()
        with pytest.raises(WarehouseLocked), _run(tmp_path, "r2").begin(lock_timeout_seconds=0):
            pass


def test_publish_renames_the_scratch_copy_and_records_the_run(tmp_path: Path) -> None:
    run = _run(tmp_path, "r1")
    with run.begin(lock_timeout_seconds=0):
        _build(run)
        published = run.publish()
    assert not run.scratch.exists()
    (record,) = read_runs(run.run_log)
    assert (record.run_id, record.status) == ("r1", "success")
    assert (record.files_seen, record.files_loaded, record.files_rejected) == (3, 2, 1)
    assert record.rows_per_table == {"dim_people": 2}
    assert record.fingerprint == run.fingerprint(INGEST)
    assert published.record == record and published.runs_logged == 1
    with duckdb.connect(str(run.warehouse), read_only=True) as con:
        assert con.execute("select run_id, status from main.run_log").fetchall() == [("r1", "success")]


def test_the_same_input_again_is_recorded_as_nothing_new(tmp_path: Path) -> None:
    published = _publish(tmp_path, "r1")
    run = _run(tmp_path, "r2")
    with run.begin(lock_timeout_seconds=0):
        skipped = run.skip_unchanged(INGEST, run.fingerprint(INGEST))
        assert skipped is not None and not run.scratch.exists()
    assert skipped.status == "nothing new" and "r1" in skipped.message
    assert [(r.run_id, r.status) for r in read_runs(published.run_log)] == [
        ("r1", "success"),
        ("r2", "nothing new"),
    ]


def test_new_input_or_a_forced_run_builds(tmp_path: Path) -> None:
    _publish(tmp_path, "r1")
    changed = INGEST.with_columns(pl.lit("h9").alias("content_hash"))
    run = _run(tmp_path, "r2")
    assert run.skip_unchanged(changed, run.fingerprint(changed)) is None
    forced = _run(tmp_path, "r3", force_rebuild=True)
    assert forced.skip_unchanged(INGEST, forced.fingerprint(INGEST)) is None
    assert [r.run_id for r in read_runs(run.run_log)] == ["r1"]


def test_a_failure_is_recorded_once_per_run_id(tmp_path: Path) -> None:
    run = _run(tmp_path, "r1")
    assert run.record_failure("dbt_models: 1 of 216 tests failed")
    assert not _run(tmp_path, "r1").record_failure("reported again by the sensor")
    (record,) = read_runs(run.run_log)
    assert record.status == "failed" and record.message == "dbt_models: 1 of 216 tests failed"
    assert not run.warehouse.exists()
