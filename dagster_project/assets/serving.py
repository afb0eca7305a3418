"""The serving file: the published marts alone in ``marts.duckdb``, the file BI tools connect to.

Written after the publish, while the run still holds the warehouse lock, like the Parquet export;
``vnpolitics.warehouse.serving`` says why the marts get a file of their own.
"""

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, ResourceParam, asset

from dagster_project.assets.publish import published_warehouse
from dagster_project.retries import only_transient_retries
from vnpolitics.warehouse.run import WarehouseRun
from vnpolitics.warehouse.serving import serving_path, write_serving_file


@asset(
    name="serving_marts",
    deps=[published_warehouse],
    group_name="publish",
    kinds={"duckdb"},
    description="The marts of the published warehouse alone, in warehouse/marts.duckdb (schema main only).",
)
@only_transient_retries
def serving_marts(
    context: AssetExecutionContext, warehouse_run: ResourceParam[WarehouseRun]
) -> MaterializeResult:
    tables = write_serving_file(warehouse_run.warehouse)
    path = serving_path(warehouse_run.warehouse)
    context.log.info(f"wrote {len(tables)} tables to {path}")
    return MaterializeResult(metadata={"path": MetadataValue.path(str(path)), "tables": len(tables)})
