"""Raw stage: scan the raw folder, extract what the cache lacks, load the ``raw`` schema in one go.

One multi-asset produces every raw table (asset keys ``["raw", <table>]``, the keys dagster-dbt
gives the dbt source ``raw``), so dbt models depend on them without a custom translator.
"""

from collections.abc import Iterator

from dagster import (
    AssetExecutionContext,
    AssetSpec,
    MaterializeResult,
    MetadataValue,
    ResourceParam,
    multi_asset,
)

from dagster_project.assets.extraction import extracted_articles
from dagster_project.assets.raw_files import raw_files
from dagster_project.resources import WarehouseConfig
from dagster_project.retries import only_transient_retries
from vnpolitics.warehouse.batch_extraction import EXTRACTOR_VERSION, extract_to_cache
from vnpolitics.warehouse.cache import ExtractionCache
from vnpolitics.warehouse.load import load_raw_frames, raw_previews
from vnpolitics.warehouse.raw_frames import build_raw_frames, markdown_preview
from vnpolitics.warehouse.raw_schema import RAW_TABLES
from vnpolitics.warehouse.run import WarehouseRun

# The graph reads raw files -> extraction -> raw tables; the other tables come from the same load.
RAW_TABLE_DEPS = {"ingest_files": [raw_files], "articles": [extracted_articles]}


@multi_asset(
    name="raw_tables",
    specs=[
        AssetSpec(
            ["raw", table.name],
            description=table.description,
            group_name="raw",
            kinds={"python", "duckdb"},
            skippable=True,
            deps=RAW_TABLE_DEPS.get(table.name, []),
        )
        for table in RAW_TABLES
    ],
    can_subset=False,
)
@only_transient_retries
def raw_tables(
    context: AssetExecutionContext, warehouse: WarehouseConfig, warehouse_run: ResourceParam[WarehouseRun]
) -> Iterator[MaterializeResult]:
    """Extract what is new under RAW_DIR into the cache, then load the ``raw`` schema of the scratch copy.

    When the input (files, extractor version, dbt project) is the one the published warehouse
    was built from, nothing is materialised: dbt, the checks and the publish are skipped.
    """
    cache = ExtractionCache(warehouse.cache_path, EXTRACTOR_VERSION)
    context.log.info(
        f"scanning {warehouse.raw_path}; cache {cache.folder}; "
        f"{warehouse.extract_workers} extraction worker(s), {warehouse.file_budget_seconds:g} s per file"
    )
    report = extract_to_cache(
        warehouse.raw_path,
        cache,
        max_bytes=warehouse.max_file_bytes,
        workers=warehouse.extract_workers,
        progress=lambda p: context.log.info(str(p)),
        budget_seconds=warehouse.file_budget_seconds,
    )
    frames = build_raw_frames(report.ingest, [], EXTRACTOR_VERSION)
    fingerprint = warehouse_run.fingerprint(frames["ingest_files"])
    if skipped := warehouse_run.skip_unchanged(frames["ingest_files"], fingerprint):
        context.log.info(skipped.format())
        return
    counts = load_raw_frames(warehouse_run.scratch, frames, cache, incremental=not warehouse.full_build)
    previews = raw_previews(warehouse_run.scratch)
    for table in frames:
        metadata = {
            "dagster/row_count": counts[table],
            "preview": MetadataValue.md(markdown_preview(previews[table])),
            "extractor_version": EXTRACTOR_VERSION,
        }
        if table == "ingest_files":
            statuses = frames[table]["status"].value_counts().iter_rows()
            metadata.update({f"files_{status}": int(n) for status, n in statuses})
            metadata.update(
                {
                    "articles_from_cache": report.from_cache,
                    "articles_extracted": report.extracted,
                    "articles_failed": report.failed,
                    # of those failed, over the budget this run (earlier runs' are rejected by the scan)
                    "articles_over_budget": report.over_budget,
                    "extraction_seconds": round(report.seconds, 2),
                    "input_fingerprint": fingerprint,
                }
            )
        yield MaterializeResult(asset_key=["raw", table], metadata=metadata)
