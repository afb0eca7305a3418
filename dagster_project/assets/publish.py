"""Publish: the last step of a run, after every dbt model, dbt test and blocking check passed.

``WarehouseRun.publish`` counts what the run saw and built, stores the run log in the scratch
copy, renames the copy over the warehouse and records the run; this asset shows the result.
"""

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, ResourceParam, asset

from dagster_project.assets.dbt import dbt_models
from dagster_project.retries import only_transient_retries
from vnpolitics.warehouse.run import WarehouseRun


@asset(
    name="published_warehouse",
    deps=list(dbt_models.keys),
    group_name="publish",
    kinds={"duckdb"},
    description="The warehouse file readers open, replaced atomically by this run's checked scratch copy.",
)
@only_transient_retries
def published_warehouse(
    context: AssetExecutionContext, warehouse_run: ResourceParam[WarehouseRun]
) -> MaterializeResult:
    published = warehouse_run.publish()
    record = published.record
    context.log.info(record.format())
    return MaterializeResult(
        metadata={
            "path": MetadataValue.path(str(warehouse_run.warehouse)),
            "files_seen": record.files_seen,
            "files_loaded": record.files_loaded,
            "files_duplicate": record.files_duplicate,
            "files_rejected": record.files_rejected,
            "rejected_by_reason": MetadataValue.json(record.rejected_by_reason),
            "rows_per_table": MetadataValue.json(record.rows_per_table),
            "runs_logged": published.runs_logged,
            **({"lake_snapshot": published.lake_snapshot} if published.lake_snapshot is not None else {}),
        }
    )
