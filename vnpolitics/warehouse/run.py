"""One warehouse run from lock to record: the only place a run's lifecycle is decided.

A run that builds goes::

    with WarehouseRun(...).begin(lock_timeout) as run:  # the run lock, then a fresh scratch copy
        fingerprint = run.fingerprint(ingest_files)
        if run.skip_unchanged(ingest_files, fingerprint):   # same input as the last publish
            return                                          # recorded as "nothing new"
        ...  load, dbt and checks write and read run.scratch ...
        run.publish()                              # rename over the warehouse, recorded as "success"

and a run that fails anywhere is recorded once with ``record_failure``, by whoever saw it fail
(the command line that ran it, or the failure sensor of a Dagster daemon). Every line of the
run log is written here, so the three ways a run ends are recorded the same way.

The mechanics live beside it: ``publish`` (lock, scratch copy, atomic rename) and ``run_log``
(the record, its file and table). Plain Python, no Dagster: ``dagster_project.resources`` wraps
this class for the assets, and anything else can drive a run with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl

from vnpolitics.extract.version import EXTRACTOR_VERSION
from vnpolitics.warehouse.crash_points import pause_point
from vnpolitics.warehouse.lake import LakeSettings, commit_build
from vnpolitics.warehouse.publish import discard_scratch, publish, run_lock, scratch_path, start_scratch
from vnpolitics.warehouse.run_log import (
    FINGERPRINT_COLUMNS,
    RunRecord,
    append_failed_run,
    append_run,
    count_build,
    ingest_summary,
    input_fingerprint,
    last_published,
    run_log_path,
    store_run_log,
)


@dataclass(frozen=True)
class Published:
    """What a publish recorded: the run's record, how many runs table ``run_log`` now holds and,
    when the warehouse is also a DuckLake, the snapshot the publish made there."""

    record: RunRecord
    runs_logged: int
    lake_snapshot: int | None = None


@dataclass
class WarehouseRun:
    """One run (``run_id``) of ``raw_dir`` into ``warehouse``, built with the dbt project ``dbt_project``.

    ``started_at`` is when the run took the lock (``begin``); for a run recorded from outside
    (``record_failure`` after the fact), whoever records it says when it started.
    """

    run_id: str
    raw_dir: Path
    warehouse: Path
    dbt_project: Path
    force_rebuild: bool = False
    lake: LakeSettings | None = None
    extractor_version: str = EXTRACTOR_VERSION
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def scratch(self) -> Path:
        """The copy this run builds into; only ``publish`` touches the warehouse itself."""
        return scratch_path(self.warehouse)

    @property
    def run_log(self) -> Path:
        return run_log_path(self.warehouse)

    @contextmanager
    def begin(
        self, lock_timeout_seconds: float, on_wait: Callable[[str], None] | None = None
    ) -> Iterator[WarehouseRun]:
        """For the whole run: hold the warehouse's run lock and start a fresh scratch copy.

        Waits up to ``lock_timeout_seconds`` for another run, saying for whom through ``on_wait``
        (the run's log), then raises ``WarehouseLocked``. The lock file names this run's id.
        """
        with run_lock(self.warehouse, lock_timeout_seconds, run_id=self.run_id, on_wait=on_wait):
            self.started_at = datetime.now(UTC)
            start_scratch(self.warehouse)
            yield self

    def fingerprint(self, ingest_files: pl.DataFrame) -> str:
        """The digest of this run's input: its ``ingest_files`` rows, the extractor and the dbt project."""
        rows = ingest_files.select(FINGERPRINT_COLUMNS).iter_rows()
        return input_fingerprint(rows, self.extractor_version, self.dbt_project)

    def is_current(self, fingerprint: str) -> RunRecord | None:
        """The published run that was built from this same input, if the warehouse is still its file."""
        last = last_published(self.run_log)
        if last is None or last.fingerprint != fingerprint or not self.warehouse.exists():
            return None
        return last

    def skip_unchanged(self, ingest_files: pl.DataFrame, fingerprint: str) -> RunRecord | None:
        """End the run here if the warehouse was already built from this input (unless forced).

        Records the run as ``nothing new`` and throws the scratch copy away, then returns the
        record; returns None when the run has something to build.
        """
        published = None if self.force_rebuild else self.is_current(fingerprint)
        if published is None:
            return None
        record = ingest_summary(ingest_files, self._record("nothing new"))
        record.fingerprint = fingerprint
        record.message = f"same input as published run {published.run_id}: nothing to build"
        append_run(self.run_log, record)
        discard_scratch(self.warehouse)
        return record

    def publish(self) -> Published:
        """Count the scratch copy, store the run log in it, rename it over the warehouse, record.

        Call once every model, test and check has passed. The run's line reaches the run-log
        file only after the rename, so the file never claims a publish that a crash undid.

        With a lake (``WAREHOUSE_CATALOG``), the build is committed there first, as one snapshot:
        if that fails the run fails and neither the lake nor the file has changed.
        """
        record = self._record("success")
        with duckdb.connect(str(self.scratch)) as con:
            count_build(con, record)
            # from the scratch copy, not this run's scan: a subset run may not have loaded raw tables
            columns = ", ".join(FINGERPRINT_COLUMNS)
            ingest_rows = con.execute(f"select {columns} from raw.ingest_files").fetchall()
            record.fingerprint = input_fingerprint(ingest_rows, self.extractor_version, self.dbt_project)
            runs = store_run_log(con, self.run_log, pending=record)
            con.execute("checkpoint").fetchall()  # the lake commit reads the file without its WAL
        pause_point("publish")
        snapshot = None
        if self.lake is not None:
            snapshot = commit_build(self.scratch, self.lake, f"publish of run {self.run_id}").snapshot_id
        publish(self.scratch, self.warehouse)
        append_run(self.run_log, record)
        return Published(record, runs, snapshot)

    def record_failure(self, message: str) -> bool:
        """Record the run as failed with ``message``, unless it already is; True when recorded.

        A failure may be reported twice (the command line and a daemon's failure sensor watch
        the same run), so the run log keeps the first report only. The published warehouse is
        untouched; the line reaches table ``run_log`` with the next publish.
        """
        record = self._record("failed")
        record.message = message or "run failed"
        return append_failed_run(self.run_log, record)

    def _record(self, status: str) -> RunRecord:
        """This run's record as it ends now with ``status``, before any counts."""
        return RunRecord(
            run_id=self.run_id,
            started_at=self.started_at.isoformat(),
            finished_at=datetime.now(UTC).isoformat(),
            status=status,
            raw_dir=str(self.raw_dir),
            warehouse=str(self.warehouse),
            extractor_version=self.extractor_version,
        )
