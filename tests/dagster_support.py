"""Helpers for the Dagster tests: load the definitions on a fresh clone and build a warehouse."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

from dagster import DagsterInstance, Definitions, ExecuteInProcessResult

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CONTRACT_TABLES = (
    "dim_articles",
    "dim_people",
    "dim_organizations",
    "fct_meetings",
    "bridge_meeting_articles",
    "fct_meeting_participants",
    "fct_mentions",
    "ingest_files",
    "fct_person_titles",
)


@functools.cache
def load_definitions() -> Definitions:
    """The code location, after writing the dbt manifest it needs when it is missing or older
    than a dbt file (what ``python -m dagster_project run`` does; ``make prepare`` always parses)."""
    from dagster_project.project import manifest_is_stale, prepare_dbt_manifest

    if manifest_is_stale():
        prepare_dbt_manifest()
    from dagster_project.definitions import defs

    return defs


def raw_files(folder: Path = REPO / "raw") -> set[str]:
    """Every file under a raw folder (sidecars and crawler files in subfolders too), as the
    paths relative to it that ``ingest_files.source_file`` holds."""
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def copy_raw(target: Path) -> Path:
    shutil.copytree(REPO / "raw", target)
    return target


def copy_build(warehouse: Path, target: Path) -> Path:
    """A copy of the folder of a built ``warehouse`` (the file, its run log, extraction cache and
    export; not its lock) under ``target``: a test that needs a published warehouse to start
    from takes the session's sample build instead of building its own. Returns the copy's file."""
    shutil.copytree(warehouse.parent, target, ignore=shutil.ignore_patterns("*.lock"))
    return target / warehouse.name


def build_warehouse(
    raw_dir: Path, warehouse_path: Path, force_rebuild: bool = False
) -> ExecuteInProcessResult:
    """Run the code location's own ``build_warehouse_job`` (what the schedule and the sensor
    start) on ``raw_dir`` into ``warehouse_path``: every asset and check of the graph but the
    extraction backfill's partitions."""
    defs = load_definitions()
    from dagster_project.project import dbt_cli_resource
    from dagster_project.resources import WarehouseConfig, WarehouseRunResource

    warehouse = WarehouseConfig(
        raw_dir=str(raw_dir), warehouse_path=str(warehouse_path), force_rebuild=force_rebuild
    )
    return defs.resolve_job_def("build_warehouse_job").execute_in_process(
        resources={
            "warehouse": warehouse,
            "warehouse_run": WarehouseRunResource(warehouse=warehouse),
            "dbt": dbt_cli_resource(),
        },
        instance=DagsterInstance.ephemeral(),
    )
