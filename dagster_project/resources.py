"""Resources: where the run reads raw files and writes the warehouse, and the dbt CLI.

``RAW_DIR``, ``WAREHOUSE_PATH``, ``MAX_FILE_BYTES``, ``RUN_LOCK_TIMEOUT_SECONDS``,
``MAX_REJECTED_PERCENT``, ``EXTRACT_WORKERS`` and ``CACHE_DIR`` come from the environment through
``EnvVar`` when set; when unset the defaults are ``raw/`` and ``warehouse/warehouse.duckdb`` of
the repository, 5 MB, 30 minutes, one half, one worker per core and ``cache/`` beside the
warehouse. ``FORCE_REBUILD=1`` rebuilds even when nothing is new. Relative paths are resolved
against the working directory of the run.

``warehouse`` is configuration only. ``build`` (``WarehouseBuild``) is a run's hold on the
warehouse: while a run that builds executes, it holds the run lock and every building step
works on the scratch copy (``build_path``); only the publish step touches the warehouse itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dagster import ConfigurableResource, EnvVar, InitResourceContext
from pydantic import Field, PrivateAttr

from dagster_project.project import (
    DEFAULT_RAW_DIR,
    DEFAULT_WAREHOUSE_PATH,
    dbt_cli_resource,
    warehouse_env,
)
from vnpolitics.extract.version import EXTRACTOR_VERSION
from vnpolitics.warehouse.batch_extraction import DEFAULT_MAX_FILE_BYTES
from vnpolitics.warehouse.publish import run_lock, scratch_path, start_scratch
from vnpolitics.warehouse.run_log import RunRecord, run_log_path

DEFAULT_LOCK_TIMEOUT_SECONDS = 1800
DEFAULT_MAX_REJECTED_PERCENT = 50
DEFAULT_EXTRACT_WORKERS = os.cpu_count() or 1


class WarehouseConfig(ConfigurableResource):
    """The input folder and the DuckDB file one run works on."""

    raw_dir: str = Field(default=str(DEFAULT_RAW_DIR), description="Folder of raw article files (recursive).")
    warehouse_path: str = Field(default=str(DEFAULT_WAREHOUSE_PATH), description="DuckDB warehouse file.")
    max_file_bytes: int = Field(default=DEFAULT_MAX_FILE_BYTES, description="Larger files are rejected.")
    lock_timeout_seconds: int = Field(
        default=DEFAULT_LOCK_TIMEOUT_SECONDS,
        description="How long a run waits for another run on the same warehouse before it gives up.",
    )
    max_rejected_percent: int = Field(
        default=DEFAULT_MAX_REJECTED_PERCENT,
        description="A run that rejects a larger percentage of the files it sees is not published.",
    )
    extract_workers: int = Field(
        default=DEFAULT_EXTRACT_WORKERS,
        description="Processes that extract articles at once (1: in the run's own process).",
    )
    cache_dir: str = Field(
        default="",
        description="Folder of the extraction cache; empty: 'cache' beside the warehouse file.",
    )
    force_rebuild: bool = Field(
        default=False,
        description="Build and publish even when the input is the one the warehouse was built from.",
    )

    @property
    def raw_path(self) -> Path:
        return Path(self.raw_dir).expanduser().resolve()

    @property
    def database_path(self) -> Path:
        """The published warehouse, which readers open."""
        return Path(self.warehouse_path).expanduser().resolve()

    @property
    def cache_path(self) -> Path:
        """Where extracted articles are kept between runs, by content hash and extractor version."""
        if self.cache_dir:
            return Path(self.cache_dir).expanduser().resolve()
        return self.database_path.parent / "cache"

    @property
    def build_path(self) -> Path:
        """The scratch copy this run builds into, renamed over the warehouse at publish."""
        return scratch_path(self.database_path)

    @property
    def run_log_path(self) -> Path:
        return run_log_path(self.database_path)

    def run_record(self, run_id: str, status: str, started_at: datetime) -> RunRecord:
        """A run-log record of a run on this configuration, as it ends now with ``status``."""
        return RunRecord(
            run_id=run_id,
            started_at=started_at.isoformat(),
            finished_at=datetime.now(UTC).isoformat(),
            status=status,
            raw_dir=str(self.raw_path),
            warehouse=str(self.database_path),
            extractor_version=EXTRACTOR_VERSION,
        )


class WarehouseBuild(ConfigurableResource):
    """One run's hold on the warehouse: the run lock, the scratch copy and when the run began.

    The steps that build and publish (raw tables, dbt, checks, publish) take this resource, so
    a run that includes any of them holds the lock from its start to its end. The extraction
    backfill takes only ``WarehouseConfig``: it writes the cache, never the warehouse, and
    its partitions run side by side.
    """

    warehouse: WarehouseConfig
    _started_at: datetime | None = PrivateAttr(default=None)

    @property
    def build_path(self) -> Path:
        return self.warehouse.build_path

    @property
    def started_at(self) -> datetime:
        return self._started_at or datetime.now(UTC)

    def run_record(self, run_id: str, status: str) -> RunRecord:
        """A run-log record of this run, as it ends now with ``status``."""
        return self.warehouse.run_record(run_id, status, self.started_at)

    @contextmanager
    def yield_for_execution(self, context: InitResourceContext) -> Iterator[WarehouseBuild]:
        """For the whole run: hold the warehouse's run lock and start a fresh scratch copy."""
        database = self.warehouse.database_path
        with run_lock(database, self.warehouse.lock_timeout_seconds):
            self._started_at = datetime.now(UTC)
            start_scratch(database)
            yield self

    def dbt_env(self) -> AbstractContextManager[None]:
        """Point dbt's profile (``env_var('WAREHOUSE_PATH')``) at the scratch copy while dbt starts."""
        return warehouse_env(self.build_path)


def _from_env(name: str, default: Any, env_var: Callable[[str], Any] = EnvVar) -> Any:
    """``EnvVar(name)`` when the variable is set (shown as such in the UI), else the default."""
    return env_var(name) if os.environ.get(name) else default


def warehouse_from_env() -> WarehouseConfig:
    return WarehouseConfig(
        raw_dir=_from_env("RAW_DIR", str(DEFAULT_RAW_DIR)),
        warehouse_path=_from_env("WAREHOUSE_PATH", str(DEFAULT_WAREHOUSE_PATH)),
        max_file_bytes=_from_env("MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES, EnvVar.int),
        lock_timeout_seconds=_from_env("RUN_LOCK_TIMEOUT_SECONDS", DEFAULT_LOCK_TIMEOUT_SECONDS, EnvVar.int),
        max_rejected_percent=_from_env("MAX_REJECTED_PERCENT", DEFAULT_MAX_REJECTED_PERCENT, EnvVar.int),
        extract_workers=_from_env("EXTRACT_WORKERS", DEFAULT_EXTRACT_WORKERS, EnvVar.int),
        cache_dir=_from_env("CACHE_DIR", ""),
        force_rebuild=os.environ.get("FORCE_REBUILD", "") not in ("", "0"),
    )


_warehouse = warehouse_from_env()
resources = {
    "warehouse": _warehouse,
    "build": WarehouseBuild(warehouse=_warehouse),
    "dbt": dbt_cli_resource(),
}
