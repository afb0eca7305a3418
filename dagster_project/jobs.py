"""Jobs: the nightly build materialises every asset (raw tables, then all dbt models and tests).

It runs in one process: the steps are sequential anyway (raw -> dbt -> checks), and one process
avoids re-importing the extractor per step and any clash over the DuckDB file's write lock.
"""

from dagster import AssetSelection, define_asset_job, in_process_executor

build_warehouse_job = define_asset_job(
    "build_warehouse_job",
    selection=AssetSelection.all(),
    executor_def=in_process_executor,
    description="Scan RAW_DIR, extract, load the raw schema, build the dbt marts and run every check.",
)
