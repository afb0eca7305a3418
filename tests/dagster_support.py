"""Helpers for the Dagster tests: load the definitions on a fresh clone and build a warehouse."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

from dagster import Definitions, ExecuteInProcessResult, materialize

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
    """The code location, after writing the dbt manifest it needs (what ``make prepare`` does)."""
    from dagster_project.project import prepare_dbt_manifest

    prepare_dbt_manifest()
    from dagster_project.definitions import defs

    return defs


def copy_raw(target: Path) -> Path:
    shutil.copytree(REPO / "raw", target)
    return target


def build_warehouse(
    raw_dir: Path, warehouse_path: Path, force_rebuild: bool = False
) -> ExecuteInProcessResult:
    """Materialise every asset and check of the code location on ``raw_dir`` into ``warehouse_path``."""
    load_definitions()
    from dagster_project.assets.dbt import dbt_models
    from dagster_project.assets.ingest import raw_tables
    from dagster_project.assets.publish import published_warehouse
    from dagster_project.checks import asset_checks
    from dagster_project.project import dbt_cli_resource
    from dagster_project.resources import WarehouseBuild, WarehouseConfig

    return materialize(
        [raw_tables, dbt_models, published_warehouse, *asset_checks],
        resources={
            "build": WarehouseBuild(
                warehouse=WarehouseConfig(
                    raw_dir=str(raw_dir), warehouse_path=str(warehouse_path), force_rebuild=force_rebuild
                )
            ),
            "dbt": dbt_cli_resource(),
        },
    )
