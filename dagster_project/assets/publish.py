"""Publish: the last step of a run, after every dbt model, dbt test and blocking check passed.

It counts what the run saw and built, stores the run log with this run's summary as
``main.run_log`` in the scratch copy, renames the scratch copy over the warehouse, and only
then appends the summary to the run-log file.
"""

import duckdb
from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from dagster_project.assets.dbt import dbt_models
from dagster_project.project import DBT_DIR
from dagster_project.resources import WarehouseBuild
from dagster_project.retries import only_transient_retries
from vnpolitics.warehouse.crash_points import pause_point
from vnpolitics.warehouse.publish import publish
from vnpolitics.warehouse.run_log import (
    FINGERPRINT_COLUMNS,
    append_run,
    count_build,
    input_fingerprint,
    store_run_log,
)


@asset(
    name="published_warehouse",
    deps=list(dbt_models.keys),
    group_name="publish",
    kinds={"duckdb"},
    description="The warehouse file readers open, replaced atomically by this run's checked scratch copy.",
)
@only_transient_retries
def published_warehouse(context: AssetExecutionContext, build: WarehouseBuild) -> MaterializeResult:
    warehouse = build.warehouse
    record = build.run_record(context.run.run_id, "success")
    log_path = warehouse.run_log_path
    with duckdb.connect(str(warehouse.build_path)) as con:
        count_build(con, record)
        ingest_rows = con.execute(f"select {', '.join(FINGERPRINT_COLUMNS)} from raw.ingest_files").fetchall()
        record.fingerprint = input_fingerprint(ingest_rows, record.extractor_version, DBT_DIR)
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
