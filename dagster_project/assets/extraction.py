"""Extraction by parts: a backfill of the extraction cache that can be split and re-run by part.

The folder is split into 16 parts by file name (``vnpolitics.warehouse.batch_extraction.FILE_PARTS``).
Each part extracts its new articles into the cache and nothing else: it takes no lock and touches no
warehouse, so parts run side by side (``extraction_backfill_job`` runs them with the
multiprocess executor) while the nightly build reads whatever the cache already holds.
"""

from dagster import AssetExecutionContext, MaterializeResult, StaticPartitionsDefinition, asset

from dagster_project.assets.raw_files import raw_files
from dagster_project.resources import WarehouseConfig
from vnpolitics.warehouse.batch_extraction import EXTRACTOR_VERSION, FILE_PARTS, extract_to_cache
from vnpolitics.warehouse.cache import ExtractionCache

file_parts = StaticPartitionsDefinition(list(FILE_PARTS))

# The tag of the cluster mode's runs (``dagster_project.cluster``). Their steps run on Celery
# workers, long-lived processes that take one part after another, so the part's extraction
# process is kept warm for the next part: its warm-up (imports, gazetteers, pyvi's model, about
# 4 s) is paid once per worker instead of once per part.
MODE_TAG = "vnpolitics/mode"
CLUSTER_MODE = "cluster"


@asset(
    deps=[raw_files],
    partitions_def=file_parts,
    group_name="extraction",
    kinds={"python", "parquet"},
    description="Extracted articles of one part of RAW_DIR, in the extraction cache.",
)
def extracted_articles(context: AssetExecutionContext, warehouse: WarehouseConfig) -> MaterializeResult:
    cache = ExtractionCache(warehouse.cache_path, EXTRACTOR_VERSION)
    report = extract_to_cache(
        warehouse.raw_path,
        cache,
        max_bytes=warehouse.max_file_bytes,
        workers=1,  # the parallelism is the executor's: one process per part
        part=context.partition_key,
        progress=lambda p: context.log.info(f"part {context.partition_key}: {p}"),
        budget_seconds=warehouse.file_budget_seconds,
        keep_workers_warm=context.run.tags.get(MODE_TAG) == CLUSTER_MODE,
    )
    return MaterializeResult(
        metadata={
            "files": len(report.ingest),
            "articles_extracted": report.extracted,
            "articles_from_cache": report.from_cache,
            "articles_failed": report.failed,
            "articles_over_budget": report.over_budget,
            "seconds": round(report.seconds, 2),
            "extractor_version": EXTRACTOR_VERSION,
        }
    )
