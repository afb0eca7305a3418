"""The pieces of a safe run, one at a time: the lock, the scratch copy, the publish, the run log."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import duckdb
import pytest

from vnpolitics.warehouse.publish import (
    STORAGE_VERSION,
    WarehouseLocked,
    lock_path,
    publish,
    run_lock,
    scratch_path,
    start_scratch,
    storage_version,
)
from vnpolitics.warehouse.run_log import RunRecord, append_run, count_build, run_log_path, store_run_log


def _table(path: Path, rows: int, storage: str = STORAGE_VERSION) -> None:
    """A one-table database; a new file is written in ``storage`` format, as the pipeline's are."""
    with duckdb.connect(str(path), config={"storage_compatibility_version": storage}) as con:
        con.execute("create or replace table main.t as select range as n from range(?)", [rows]).fetchall()


def _rows(path: Path) -> int:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select count(*) from main.t").fetchone()[0]


def _hold_lock(warehouse: Path, run_id: str) -> subprocess.Popen:
    """Another process holding the run lock as run ``run_id``; it has the lock once this returns."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time
            from pathlib import Path
            from vnpolitics.warehouse.publish import run_lock
            with run_lock(Path({str(warehouse)!r}), 0, run_id={run_id!r}):
                print("held", flush=True)
                time.sleep(60)
        """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_holder_is_refused_with_the_first_ones_pid(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    holder = _hold_lock(warehouse, "run-1")
    try:
        with (
            pytest.raises(WarehouseLocked, match=rf"held by pid {holder.pid} on "),
            run_lock(warehouse, timeout_seconds=0.2, poll_seconds=0.05),
        ):
            pass
    finally:
        holder.kill()
        holder.wait()
    with run_lock(warehouse, timeout_seconds=0):  # the kernel released the dead holder's lock
        assert f"pid {os.getpid()}" in lock_path(warehouse).read_text()


def test_a_waiting_run_says_whom_it_waits_for(tmp_path: Path) -> None:
    """pid, host, run id and start of the holder, once, and again when the wait is over."""
    warehouse = tmp_path / "w.duckdb"
    holder = _hold_lock(warehouse, "run-holding")
    heard: list[str] = []
    try:
        with (
            pytest.raises(WarehouseLocked),
            run_lock(warehouse, timeout_seconds=0.3, poll_seconds=0.05, on_wait=heard.append),
        ):
            pass
        (waiting,) = heard
        assert waiting.startswith(f"waiting for the run lock on {warehouse}, held by ")
        assert f"pid {holder.pid} on {socket.gethostname()}, run run-holding, since 20" in waiting
        assert "giving up after 0.3 s" in waiting
        heard.clear()
        threading.Timer(0.5, holder.kill).start()
        with run_lock(warehouse, timeout_seconds=30, poll_seconds=0.05, on_wait=heard.append, run_id="r2"):
            assert lock_path(warehouse).read_text().startswith(f"pid {os.getpid()} on ")
            assert ", run r2, since " in lock_path(warehouse).read_text()
        assert len(heard) == 2 and heard[1].startswith("took the run lock on ")
    finally:
        holder.kill()
        holder.wait()


def test_a_run_that_need_not_wait_says_nothing(tmp_path: Path) -> None:
    heard: list[str] = []
    with run_lock(tmp_path / "w.duckdb", timeout_seconds=5, on_wait=heard.append):
        pass
    assert heard == []


def test_scratch_starts_from_the_published_file_and_drops_a_stale_one(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    _table(warehouse, 3)
    stale = scratch_path(warehouse)
    stale.write_bytes(b"half a database")
    scratch = start_scratch(warehouse)
    assert scratch == stale
    assert _rows(scratch) == 3
    assert stat.S_IMODE(scratch.stat().st_mode) == 0o644


def test_a_published_file_in_another_storage_format_is_rebuilt_not_copied(tmp_path: Path) -> None:
    """A warehouse in DuckDB 2.0's own format (built before the format was pinned) is not
    carried over: the scratch file starts empty, in the format older readers open."""
    warehouse = tmp_path / "w.duckdb"
    _table(warehouse, 3, storage="latest")
    assert storage_version(warehouse) != f"{STORAGE_VERSION}+"
    scratch = start_scratch(warehouse)
    assert storage_version(scratch) == f"{STORAGE_VERSION}+"
    with duckdb.connect(str(scratch), read_only=True) as con:
        assert not con.execute("select * from duckdb_tables() where table_name = 't'").fetchall()


def test_publish_swaps_the_file_under_an_open_reader(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    _table(warehouse, 3)
    scratch = start_scratch(warehouse)
    _table(scratch, 7)
    reader = duckdb.connect(str(warehouse), read_only=True)
    try:
        publish(scratch, warehouse)
        assert reader.execute("select count(*) from main.t").fetchone()[0] == 3
    finally:
        reader.close()
    assert not scratch.exists()
    assert _rows(warehouse) == 7
    assert not Path(f"{warehouse}.wal").exists()


def test_a_reader_sees_the_new_build_once_its_process_holds_no_older_connection(tmp_path: Path) -> None:
    """What README's "Reading the warehouse" promises, and no more: DuckDB shares one database per
    file within a process, so a connection opened after the publish, while an older one stays
    open, still reads the previous build; a fresh process, or the same one once every connection
    is closed, reads the new one."""
    warehouse = tmp_path / "w.duckdb"
    _table(warehouse, 3)
    scratch = start_scratch(warehouse)
    _table(scratch, 7)
    before = duckdb.connect(str(warehouse), read_only=True)
    publish(scratch, warehouse)
    after = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert before.execute("select count(*) from main.t").fetchone()[0] == 3
        assert after.execute("select count(*) from main.t").fetchone()[0] == 3, "not the new build yet"
        count = "import duckdb, sys; print(len(duckdb.connect(sys.argv[1], read_only=True).sql('from t')))"
        fresh = subprocess.run([sys.executable, "-c", count, str(warehouse)], capture_output=True, text=True)
        assert fresh.stdout.strip() == "7", fresh.stderr
    finally:
        after.close()
        before.close()
    assert _rows(warehouse) == 7


def test_a_bi_server_sees_the_new_build_on_its_next_query_once_its_old_one_ended(tmp_path: Path) -> None:
    """A BI server as Superset runs one: a long-lived process, SQLAlchemy (duckdb-engine), read-only,
    a connection per query (NullPool). A query running across the publish finishes on the build it
    started on; the next query, once no connection to the old file is open, reads the new build,
    with no restart of the server."""
    sqlalchemy = pytest.importorskip("sqlalchemy")
    pytest.importorskip("duckdb_engine")
    warehouse = tmp_path / "w.duckdb"
    _table(warehouse, 3)
    scratch = start_scratch(warehouse)  # the run builds beside; it never opens the published file
    _table(scratch, 7)
    engine = sqlalchemy.create_engine(
        f"duckdb:///{warehouse}", connect_args={"read_only": True}, poolclass=sqlalchemy.pool.NullPool
    )
    count = sqlalchemy.text("select count(*) from main.t")
    try:
        with engine.connect() as running:  # a query that is still running when the run publishes
            assert running.execute(count).scalar_one() == 3
            publish(scratch, warehouse)
            assert running.execute(count).scalar_one() == 3, "a running query keeps its build, whole"
        with engine.connect() as next_query:
            assert next_query.execute(count).scalar_one() == 7
    finally:
        engine.dispose()


def test_the_run_log_table_skips_a_line_cut_short_and_adds_the_pending_run(tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    log = run_log_path(warehouse)
    first = RunRecord(
        "run-1", "2026-01-01T02:00:00+07:00", "2026-01-01T02:05:00+07:00", "success", "raw", "w", "v"
    )
    append_run(log, first)
    with log.open("a") as f:
        f.write('{"run_id": "run-2", "started_at": "2026-01-0')  # a crash mid-append
    with duckdb.connect(str(warehouse)) as con:
        con.execute("create schema raw").fetchall()
        con.execute(
            "create table raw.ingest_files as select * from (values ('a.txt', 'loaded', null), "
            "('b.txt', 'rejected', 'binary file (PNG)'), ('c.txt', 'rejected', 'not Vietnamese text: 0.0%')) "
            "t(source_file, status, reason)"
        ).fetchall()
        con.execute("create table main.dim_people as select 1 as person_key").fetchall()
        pending = count_build(
            con,
            RunRecord(
                "run-3", "2026-01-02T02:00:00+07:00", "2026-01-02T02:04:00+07:00", "success", "raw", "w", "v"
            ),
        )
        assert store_run_log(con, log, pending) == 2
        rows = con.execute(
            "select run_id, files_seen, files_rejected, rejected_by_reason, rows_per_table from main.run_log "
            "order by run_id"
        ).fetchall()
    assert [r[0] for r in rows] == ["run-1", "run-3"]
    assert rows[1][1:3] == (3, 2)
    assert json.loads(rows[1][3]) == {"binary file (PNG)": 1, "not Vietnamese text": 1}
    assert json.loads(rows[1][4]) == {"dim_people": 1}
    assert "run-3 success: 3 files seen, 1 loaded, 0 duplicate, 2 rejected" in pending.format()
