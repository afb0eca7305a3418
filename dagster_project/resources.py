"""Resources: where the run reads raw files and writes the warehouse (the dbt CLI is ``project``'s).

``RAW_DIR``, ``WAREHOUSE_PATH``, ``MAX_FILE_BYTES``, ``RUN_LOCK_TIMEOUT_SECONDS``,
``MAX_REJECTED_PERCENT``, ``EXTRACT_WORKERS``, ``CACHE_DIR``, ``WAREHOUSE_CATALOG`` and
``WAREHOUSE_DATA_PATH`` (the cluster mode's DuckLake, ``vnpolitics.warehouse.lake``) come from the
environment through ``EnvVar`` when set; when unset the defaults are ``raw/`` and
``warehouse/warehouse.duckdb`` of the repository, 5 MB, 30 minutes, one half, one worker per
core, ``cache/`` beside the warehouse and no lake. ``FORCE_REBUILD=1`` rebuilds even when
nothing is new, ``FULL_BUILD=1`` rebuilds every dbt model from scratch and runs every test (the
weekly schedule's build), and ``FILE_BUDGET_SECONDS`` (default 300) is each file's time for
decoding and extraction; both are read when the definitions load (Dagster has no ``EnvVar`` for a
fractional number), and either can be set per run in the launchpad. Relative paths are resolved
against the working directory of the run.

``warehouse`` is configuration only. ``warehouse_run`` hands each step that builds or publishes
the run's ``WarehouseRun`` (``vnpolitics.warehouse.run``), which owns the lifecycle: while such
a run executes it holds the run lock and every building step works on the scratch copy
(``WarehouseRun.scratch``); only its ``publish`` touches the warehouse itself.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from dagster import ConfigurableResource, EnvVar, InitResourceContext
from pydantic import Field

from dagster_project.locations import DBT_DIR, DEFAULT_RAW_DIR, DEFAULT_WAREHOUSE_PATH
from vnpolitics.warehouse.batch_extraction import DEFAULT_MAX_FILE_BYTES
from vnpolitics.warehouse.cache import default_cache_dir
from vnpolitics.warehouse.file_budget import DEFAULT_FILE_BUDGET_SECONDS, file_budget_seconds
from vnpolitics.warehouse.lake import CATALOG_ENV, DATA_PATH_ENV, LakeSettings
from vnpolitics.warehouse.run import WarehouseRun

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
    file_budget_seconds: float = Field(
        default=DEFAULT_FILE_BUDGET_SECONDS,
        gt=0,
        description="Wall-clock seconds each file gets for decoding and extraction; a file over it is "
        "rejected, and not tried again under this budget (FILE_BUDGET_SECONDS).",
    )
    force_rebuild: bool = Field(
        default=False,
        description="Build and publish even when the input is the one the warehouse was built from.",
    )
    full_build: bool = Field(
        default=False,
        description="Rebuild every dbt model from scratch and run every test, unit tests included "
        "(FULL_BUILD; the weekly schedule). Otherwise per-article models take only the changed "
        "articles and data tests read only their rows.",
    )
    warehouse_catalog: str = Field(
        default="",
        description="A DuckLake catalog (e.g. 'postgres:dbname=ducklake host=db'): each publish is "
        "also committed there as one snapshot (WAREHOUSE_CATALOG); empty: the single file alone.",
    )
    warehouse_data_path: str = Field(
        default="",
        description="Where the lake keeps its Parquet files: a folder every machine sees, or object "
        "storage (WAREHOUSE_DATA_PATH).",
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
        return default_cache_dir(self.database_path)

    @property
    def lake(self) -> LakeSettings | None:
        """The DuckLake the warehouse is published to as well, or None (the single-file default)."""
        if not self.warehouse_catalog:
            return None
        return LakeSettings(self.warehouse_catalog, self.warehouse_data_path)

    def warehouse_run(self, run_id: str, started_at: datetime | None = None) -> WarehouseRun:
        """Run ``run_id`` on this configuration: what builds it, and what records it if it fails."""
        run = WarehouseRun(
            run_id=run_id,
            raw_dir=self.raw_path,
            warehouse=self.database_path,
            dbt_project=DBT_DIR,
            force_rebuild=self.force_rebuild,
            lake=self.lake,
        )
        if started_at is not None:
            run.started_at = started_at
        return run


class WarehouseRunResource(ConfigurableResource):
    """For the whole Dagster run, its ``WarehouseRun``: the run lock taken, a fresh scratch copy started.

    Configuration here, the run's object at run time: steps ask for
    ``warehouse_run: ResourceParam[WarehouseRun]`` (Dagster's documented way for a configurable
    resource to vend an object of another class).

    The steps that build and publish (raw tables, dbt, checks, publish, export) take this
    resource, so a run that includes any of them holds the lock from its start to its end. The
    extraction backfill takes only ``WarehouseConfig``: it writes the cache, never the
    warehouse, and its partitions run side by side.
    """

    warehouse: WarehouseConfig

    @contextmanager
    def yield_for_execution(self, context: InitResourceContext) -> Iterator[WarehouseRun]:
        # build_resources() outside a run has no run id; a run log line still needs one
        run_id = context.run.run_id if context.run is not None else None
        run = self.warehouse.warehouse_run(run_id or f"outside-dagster-{uuid.uuid4()}")
        # the wait goes to the run's own log, where whoever watches the run looks
        on_wait = context.log.warning if context.log is not None else None
        with run.begin(self.warehouse.lock_timeout_seconds, on_wait=on_wait):
            yield run


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
        file_budget_seconds=file_budget_seconds(),
        force_rebuild=os.environ.get("FORCE_REBUILD", "") not in ("", "0"),
        full_build=os.environ.get("FULL_BUILD", "") not in ("", "0"),
        warehouse_catalog=_from_env(CATALOG_ENV, ""),
        warehouse_data_path=_from_env(DATA_PATH_ENV, ""),
    )


_warehouse = warehouse_from_env()
# The dbt CLI resource is added by ``definitions``: this module stays free of dagster-dbt (3 s to
# import), so the extraction job's processes on Celery workers load without it.
resources = {
    "warehouse": _warehouse,
    "warehouse_run": WarehouseRunResource(warehouse=_warehouse),
}
