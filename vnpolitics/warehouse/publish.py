"""Build beside the warehouse, publish by rename: nobody ever sees a half-built warehouse.

A run works on a scratch copy next to the warehouse (``warehouse.duckdb.building``) and, only
once every model, test and check has passed, renames it over ``warehouse.duckdb``. A rename
within one folder is atomic on POSIX, so a reader opens either the previous file or the new
one, and a reader that already holds the previous file open keeps reading it undisturbed (it
holds the old inode). A run killed at any moment leaves the warehouse as it was; the next run
throws the stale scratch file away and starts again.

One run at a time: a run holds an advisory ``flock`` on ``warehouse.duckdb.lock`` from start
to publish. The kernel drops the lock when the process dies, however it dies, so a SIGKILL
never leaves a stale lock behind to clear by hand. The holder writes who it is into the file
(pid, host, run id, since when), so a run that waits, and ``status``, can say for whom.

These are the file-system mechanics; ``run.WarehouseRun`` decides when each happens in a run.
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import shutil
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from vnpolitics.warehouse.operator_errors import OperatorError

# Owner read-write, everyone else read-only: analysts and BI tools read, only the pipeline writes.
FILE_MODE = 0o644
_WAL_SUFFIX = ".wal"  # DuckDB keeps uncheckpointed changes in <file>.wal
# The on-disk format new warehouse files are written in. BI tools bundle their own, often older,
# DuckDB (the 1.5 CLI, Metabase's and Evidence's drivers); a file in DuckDB 2.0's own format
# (storage "v2.0.0+") is unreadable to all of them, one in the 1.4 format opens everywhere.
STORAGE_VERSION = "v1.4.0"

log = logging.getLogger(__name__)


class WarehouseLocked(OperatorError):
    """Another run holds the warehouse lock and did not release it within the timeout."""


def scratch_path(warehouse: Path) -> Path:
    """Where a run builds: beside the warehouse, so the final rename stays within one file system."""
    return warehouse.with_name(warehouse.name + ".building")


def lock_path(warehouse: Path) -> Path:
    return warehouse.with_name(warehouse.name + ".lock")


@contextmanager
def run_lock(
    warehouse: Path,
    timeout_seconds: float,
    poll_seconds: float = 0.5,
    *,
    run_id: str | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold the warehouse's run lock, waiting up to ``timeout_seconds`` for another run to finish.

    A run that has to wait says so, and for whom, through ``on_wait`` (default: this module's
    log), and again whenever another run takes the lock first: a build that sits silent for
    half an hour looks hung. ``run_id`` goes into the lock file for the next one to name.
    """
    path = lock_path(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        _wait_for_lock(fd, warehouse, timeout_seconds, poll_seconds, on_wait or log.warning)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{lock_owner(run_id)}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _wait_for_lock(
    fd: int, warehouse: Path, timeout_seconds: float, poll_seconds: float, on_wait: Callable[[str], None]
) -> None:
    """Take the lock on ``fd``, telling ``on_wait`` whom the run waits for; raise at the deadline."""
    started = time.monotonic()
    waiting_for = None
    while not _try_lock(fd):
        holder = _holder(fd)
        if time.monotonic() - started >= timeout_seconds:
            raise WarehouseLocked(
                f"another run is building {warehouse} (lock {lock_path(warehouse)} held by {holder}); "
                f"waited {timeout_seconds:g} s. Let it finish, or set RUN_LOCK_TIMEOUT_SECONDS "
                "to wait longer."
            )
        if holder != waiting_for:
            on_wait(
                f"waiting for the run lock on {warehouse}, held by {holder} "
                f"(giving up after {timeout_seconds:g} s, RUN_LOCK_TIMEOUT_SECONDS)"
            )
            waiting_for = holder
        time.sleep(poll_seconds)
    if waiting_for is not None:
        on_wait(f"took the run lock on {warehouse} after waiting {time.monotonic() - started:.0f} s")


def lock_owner(run_id: str | None = None) -> str:
    """What the lock holder writes into the lock file: ``pid N on HOST, run R, since T``.

    The host matters when the warehouse sits on a shared file system: a pid alone names
    nobody on another machine.
    """
    parts = [f"pid {os.getpid()} on {socket.gethostname()}"]
    if run_id:
        parts.append(f"run {run_id}")
    parts.append(f"since {datetime.now(UTC).isoformat(timespec='seconds')}")
    return ", ".join(parts)


def lock_holder(warehouse: Path) -> str | None:
    """Who holds the run lock (``lock_owner``'s line), or None when no run is building."""
    path = lock_path(warehouse)
    if not path.exists():
        return None
    fd = os.open(path, os.O_RDONLY)
    try:
        if _try_lock(fd, fcntl.LOCK_SH):
            fcntl.flock(fd, fcntl.LOCK_UN)
            return None
        return _holder(fd)
    finally:
        os.close(fd)


def _holder(fd: int) -> str:
    """What the lock holder wrote into the lock file (``lock_owner``), or ``unknown``."""
    return os.pread(fd, 500, 0).decode("utf-8", "replace").strip() or "unknown"


def _try_lock(fd: int, kind: int = fcntl.LOCK_EX) -> bool:
    try:
        fcntl.flock(fd, kind | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


def start_scratch(warehouse: Path) -> Path:
    """A fresh scratch file: a copy of the published warehouse, or a new empty database.

    Starting from the published file lets a run that rebuilds only some models (a subset in
    the UI) publish a complete warehouse. Call only while holding ``run_lock``.
    """
    scratch = scratch_path(warehouse)
    _remove_database(scratch)
    scratch.parent.mkdir(parents=True, exist_ok=True)
    if warehouse.exists() and storage_version(warehouse) == f"{STORAGE_VERSION}+":
        shutil.copyfile(warehouse, scratch)
        wal = _wal(warehouse)
        if wal.exists():  # someone wrote to the published file by hand; keep what they committed
            shutil.copyfile(wal, _wal(scratch))
    # A file in another format is rebuilt from scratch rather than copied: the format is fixed
    # when a file is created, and a full run rebuilds every table anyway.
    duckdb.connect(str(scratch), config={"storage_compatibility_version": STORAGE_VERSION}).close()
    os.chmod(scratch, FILE_MODE)
    return scratch


def storage_version(database: Path) -> str:
    """The DuckDB storage format a database file is written in, e.g. ``v1.4.0+``."""
    with duckdb.connect(str(database), read_only=True) as con:
        row = con.execute(
            "select tags['storage_version'] from duckdb_databases() where database_name = current_database()"
        ).fetchone()
    return row[0] if row else "unknown"


def publish(scratch: Path, warehouse: Path) -> None:
    """Checkpoint the scratch file and rename it over the warehouse, durably."""
    with duckdb.connect(str(scratch)) as con:
        con.execute("checkpoint").fetchall()  # fold the WAL in: the published file stands alone
    os.chmod(scratch, FILE_MODE)
    _fsync(scratch)
    old_wal = _wal(warehouse)
    if old_wal.exists():  # it belongs to the old file and must never be replayed on the new one
        old_wal.unlink()
    os.replace(scratch, warehouse)
    _fsync(warehouse.parent)


def discard_scratch(warehouse: Path) -> None:
    _remove_database(scratch_path(warehouse))


def _remove_database(path: Path) -> None:
    for file in (path, _wal(path)):
        file.unlink(missing_ok=True)


def _wal(path: Path) -> Path:
    return path.with_name(path.name + _WAL_SUFFIX)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
