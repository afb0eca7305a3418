"""The Dagster code location: assets, checks, resources, jobs, schedules and sensors, listed here.

Why one explicit ``Definitions`` rather than a ``defs/`` folder loaded with
``dg.load_from_defs_folder`` (which the installed Dagster, 1.13, supports, and which
dagster-university's ``dagster_and_dbt`` and dagster-open-platform now use):

- This location is one asset graph (raw files -> extraction -> raw tables -> dbt -> publish ->
  export) with one build job; the open platform's folder holds dozens of unrelated integrations,
  each its own ``Definitions``, and autoloading is what keeps that many manageable. Here the
  list below fits on a screen and is the table of contents a newcomer reads first.
- Autoloading registers whatever a module under ``defs/`` defines at top level; the list says
  what is in the location and nothing else, and ``tests/test_definitions.py`` fails when
  something is added to or dropped from it.
- The command line, the tests and ``dagster dev`` all import this module's ``defs``; a plain
  object keeps that one line (``@dg.definitions`` would make it a lazy loader to call).

Modules stay one job each (``assets/``, ``checks``, ``jobs``, ``schedules``, ``sensors``,
``resources``), as they would inside a ``defs/`` folder, so moving to one later is a rename.
"""

from __future__ import annotations

from dagster import Definitions

from dagster_project.assets.dbt import dbt_models
from dagster_project.assets.export import mart_exports
from dagster_project.assets.extraction import extracted_articles
from dagster_project.assets.ingest import raw_tables
from dagster_project.assets.publish import published_warehouse
from dagster_project.assets.raw_files import raw_files
from dagster_project.assets.serving import serving_marts
from dagster_project.checks import asset_checks
from dagster_project.jobs import build_warehouse_job, extraction_backfill_job, extraction_cluster_job
from dagster_project.project import dbt_cli_resource
from dagster_project.resources import resources
from dagster_project.schedules import schedules
from dagster_project.sensors import new_raw_files, record_failed_builds

defs = Definitions(
    assets=[
        raw_files,
        extracted_articles,
        raw_tables,
        dbt_models,
        published_warehouse,
        mart_exports,
        serving_marts,
    ],
    asset_checks=asset_checks,
    resources={**resources, "dbt": dbt_cli_resource()},
    jobs=[build_warehouse_job, extraction_backfill_job, extraction_cluster_job],
    schedules=schedules,
    sensors=[new_raw_files, record_failed_builds],
)
