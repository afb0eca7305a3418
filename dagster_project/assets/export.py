"""Exports: the published marts as ``export/<table>.parquet`` beside the warehouse, and the
people, bodies, posts, tenures and meetings as FollowTheMoney entities (``export/ftm.jsonl``) and
Popolo JSON (``export/popolo.json``).

For BI tools without a DuckDB driver, and for the tools of the field
(``vnpolitics.warehouse.open_formats``). It runs after the publish, while the run still holds the
warehouse lock, so no other run replaces the warehouse while it is being read. It also records
each mart's rows and a preview as an observation of that mart's asset, for the UI: the rows are
COPY's own count, free, where dagster-dbt's ``fetch_row_counts`` does not fit (see ``assets.dbt``).
"""

import polars as pl
from dagster import (
    AssetExecutionContext,
    AssetObservation,
    MaterializeResult,
    MetadataValue,
    ResourceParam,
    asset,
)

from dagster_project.assets.dbt import dbt_models
from dagster_project.assets.publish import published_warehouse
from dagster_project.retries import only_transient_retries
from vnpolitics.warehouse.export import export_marts, export_path
from vnpolitics.warehouse.open_formats import export_open_formats
from vnpolitics.warehouse.raw_frames import markdown_preview
from vnpolitics.warehouse.run import WarehouseRun


@asset(
    name="mart_exports",
    deps=[published_warehouse],
    group_name="publish",
    kinds={"parquet"},
    description=(
        "Every mart of the published warehouse as warehouse/export/<table>.parquet, and the open "
        "formats beside them: ftm.jsonl (FollowTheMoney) and popolo.json."
    ),
)
@only_transient_retries
def mart_exports(
    context: AssetExecutionContext, warehouse_run: ResourceParam[WarehouseRun]
) -> MaterializeResult:
    database = warehouse_run.warehouse
    exported = export_marts(database)
    context.log.info(f"exported {len(exported)} tables to {export_path(database)}")
    open_files = export_open_formats(database, export_path(database))
    context.log.info(", ".join(f"{f.path.name}: {f.records} records" for f in open_files))
    marts = {key.path[-1]: key for key in dbt_models.keys}
    for e in exported:
        preview = MetadataValue.md(markdown_preview(pl.read_parquet(e.path, n_rows=5)))
        if e.table in marts:  # shown on the mart's own page in the UI, beside dbt's results
            context.log_event(
                AssetObservation(
                    asset_key=marts[e.table],
                    metadata={"dagster/row_count": e.rows, "preview": preview, "parquet": str(e.path)},
                )
            )
    return MaterializeResult(
        metadata={
            "folder": MetadataValue.path(str(export_path(database))),
            "rows_per_table": MetadataValue.json({e.table: e.rows for e in exported}),
            "open_formats": MetadataValue.json({f.path.name: f.records for f in open_files}),
        }
    )
