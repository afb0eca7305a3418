"""The Dagster code location: assets, checks, resources and the job, assembled from their modules."""

from __future__ import annotations

from dagster import Definitions

from dagster_project.assets.dbt import dbt_models
from dagster_project.assets.export import mart_exports
from dagster_project.assets.extraction import extracted_articles
from dagster_project.assets.ingest import raw_tables
from dagster_project.assets.publish import published_warehouse
from dagster_project.assets.raw_files import raw_files
from dagster_project.checks import asset_checks
from dagster_project.jobs import build_warehouse_job, extraction_backfill_job
from dagster_project.resources import resources
from dagster_project.schedules import schedules
from dagster_project.sensors import new_raw_files, record_failed_builds

defs = Definitions(
    assets=[raw_files, extracted_articles, raw_tables, dbt_models, published_warehouse, mart_exports],
    asset_checks=asset_checks,
    resources=resources,
    jobs=[build_warehouse_job, extraction_backfill_job],
    schedules=schedules,
    sensors=[new_raw_files, record_failed_builds],
)
