"""Parquet export: the published marts as ``export/<table>.parquet`` beside the warehouse.

For BI tools without a DuckDB driver. It runs after the publish, while the run still holds the
warehouse lock, so no other run replaces the warehouse while it is being read. Its metadata is
the UI's view of the marts: rows and a preview of each.
"""

import polars as pl
from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from dagster_project.assets.publish import published_warehouse
from dagster_project.resources import WarehouseBuild
from dagster_project.retries import only_transient_retries
from vnpolitics.export import export_marts, export_path
from vnpolitics.frames import markdown_preview


@asset(
    name="mart_exports",
    deps=[published_warehouse],
    group_name="publish",
    kinds={"parquet"},
    description="Every mart of the published warehouse as warehouse/export/<table>.parquet.",
)
@only_transient_retries
def mart_exports(context: AssetExecutionContext, build: WarehouseBuild) -> MaterializeResult:
    database = build.warehouse.database_path
    exported = export_marts(database)
    context.log.info(f"exported {len(exported)} tables to {export_path(database)}")
    metadata: dict[str, object] = {
        "folder": MetadataValue.path(str(export_path(database))),
        "rows_per_table": MetadataValue.json({e.table: e.rows for e in exported}),
    }
    for e in exported:
        metadata[f"preview_{e.table}"] = MetadataValue.md(markdown_preview(pl.read_parquet(e.path, n_rows=5)))
    return MaterializeResult(metadata=metadata)
