"""Publish: the last step of a run, after every dbt model, dbt test and blocking check passed.

It counts what the run saw and built, stores the run log with this run's summary as
``main.run_log`` in the scratch copy, renames the scratch copy over the warehouse, and only
then appends the summary to the run-log file.
"""

from datetime import UTC, datetime

import duckdb
from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from dagster_project.assets.dbt import dbt_models
from dagster_project.resources import WarehouseConfig
from vnpolitics.faults import pause_point
from vnpolitics.pipeline import EXTRACTOR_VERSION
from vnpolitics.publish import publish
from vnpolitics.run_log import RunRecord, append_run, count_build, run_log_path, store_run_log


@asset(
    name="published_warehouse",
    deps=list(dbt_models.keys),
    group_name="publish",
    kinds={"duckdb"},
    description="The warehouse file readers open, replaced atomically by this run's checked scratch copy.",
)
def published_warehouse(context: AssetExecutionContext, warehouse: WarehouseConfig) -> MaterializeResult:
    record = RunRecord(
        run_id=context.run.run_id,
        started_at=warehouse.started_at.isoformat(),
        finished_at=datetime.now(UTC).isoformat(),
        status="success",
        raw_dir=str(warehouse.raw_path),
        warehouse=str(warehouse.database_path),
        extractor_version=EXTRACTOR_VERSION,
    )
    log_path = run_log_path(warehouse.database_path)
    with duckdb.connect(str(warehouse.build_path)) as con:
        count_build(con, record)
        runs = store_run_log(con, log_path, pending=record)
    pause_point("publish")
    publish(warehouse.build_path, warehouse.database_path)
    append_run(log_path, record)
    context.log.info(record.format())
    return MaterializeResult(
        metadata={
            "path": MetadataValue.path(str(warehouse.database_path)),
            "files_seen": record.files_seen,
            "files_loaded": record.files_loaded,
            "files_duplicate": record.files_duplicate,
            "files_rejected": record.files_rejected,
            "rejected_by_reason": MetadataValue.json(record.rejected_by_reason),
            "rows_per_table": MetadataValue.json(record.rows_per_table),
            "runs_logged": runs,
        }
    )
