"""Asset checks on the scratch copy, beyond dbt's own tests: did this run collapse?

They are blocking: a failed check stops the publish step, so a run that found no people, or
rejected most of its files, or lost most of a mart, leaves the published warehouse as it was.
They read the scratch copy read-only, so several checks may run at once.
"""

from pathlib import Path

import duckdb
from dagster import AssetCheckResult, AssetKey, ResourceParam, asset_check
from dagster_dbt import get_asset_key_for_model

from dagster_project.assets.dbt import dbt_models
from dagster_project.resources import WarehouseConfig
from vnpolitics.warehouse.run import WarehouseRun
from vnpolitics.warehouse.run_log import mart_row_counts

# A mart that keeps less than this share of its published rows while the articles stay has collapsed.
MIN_KEPT_SHARE = 0.5
GUARDED_MARTS = ("dim_people", "dim_organizations", "fct_meetings", "fct_mentions", "fct_person_titles")


def _scalar(database: Path, sql: str) -> int:
    with duckdb.connect(str(database), read_only=True) as con:
        row = con.execute(sql).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


@asset_check(
    asset=get_asset_key_for_model([dbt_models], "dim_people"),
    description="Some people are found whenever articles were loaded.",
    blocking=True,
)
def people_found_when_articles_loaded(warehouse_run: ResourceParam[WarehouseRun]) -> AssetCheckResult:
    articles = _scalar(warehouse_run.scratch, "select count(*) from main.dim_articles")
    people = _scalar(warehouse_run.scratch, "select count(*) from main.dim_people")
    return AssetCheckResult(
        passed=people > 0 or articles == 0, metadata={"articles": articles, "people": people}
    )


# On the raw table, not the mart: the share is known once the files are scanned, so a folder of
# mostly rejected files stops the run before dbt spends its minutes on it.
@asset_check(
    asset=AssetKey(["raw", "ingest_files"]),
    description="At most MAX_REJECTED_PERCENT (default 50%) of the files under RAW_DIR are rejected.",
    blocking=True,
)
def rejected_share_below_threshold(
    warehouse: WarehouseConfig, warehouse_run: ResourceParam[WarehouseRun]
) -> AssetCheckResult:
    scratch = warehouse_run.scratch
    files = _scalar(scratch, "select count(*) from raw.ingest_files")
    rejected = _scalar(scratch, "select count(*) from raw.ingest_files where status = 'rejected'")
    share = rejected / files if files else 0.0
    return AssetCheckResult(
        passed=share * 100 <= warehouse.max_rejected_percent,
        metadata={
            "files": files,
            "rejected": rejected,
            "rejected_share": round(share, 4),
            "max_rejected_percent": warehouse.max_rejected_percent,
        },
    )


@asset_check(
    asset=get_asset_key_for_model([dbt_models], "dim_articles"),
    description="Every loaded article (the newest version of each: ingest_records) has one article row.",
    blocking=True,
)
def every_loaded_file_has_an_article(warehouse_run: ResourceParam[WarehouseRun]) -> AssetCheckResult:
    loaded = _scalar(
        warehouse_run.scratch, "select count(*) from main.ingest_records where is_current_version"
    )
    articles = _scalar(warehouse_run.scratch, "select count(*) from main.dim_articles")
    return AssetCheckResult(
        passed=loaded == articles, metadata={"loaded_articles": loaded, "articles": articles}
    )


@asset_check(
    asset=get_asset_key_for_model([dbt_models], "fct_mentions"),
    description=(
        f"No core mart keeps less than {MIN_KEPT_SHARE:.0%} of the rows of the published warehouse "
        "while the loaded articles stay as many."
    ),
    blocking=True,
)
def no_mart_collapsed_since_last_publish(warehouse_run: ResourceParam[WarehouseRun]) -> AssetCheckResult:
    published = warehouse_run.warehouse
    if not published.exists():
        return AssetCheckResult(passed=True, metadata={"note": "first publish: nothing to compare"})
    before = _counts(published)
    after = _counts(warehouse_run.scratch)
    articles_kept = after.get("dim_articles", 0) >= MIN_KEPT_SHARE * before.get("dim_articles", 0)
    collapsed = [
        f"{mart}: {before[mart]} -> {after.get(mart, 0)}"
        for mart in GUARDED_MARTS
        if before.get(mart) and after.get(mart, 0) < MIN_KEPT_SHARE * before[mart]
    ]
    return AssetCheckResult(
        passed=not (articles_kept and collapsed),
        metadata={
            "collapsed": ", ".join(collapsed) or "none",
            **{f"{m}_rows": after.get(m, 0) for m in before},
        },
    )


def _counts(database: Path) -> dict[str, int]:
    with duckdb.connect(str(database), read_only=True) as con:
        return mart_row_counts(con)


asset_checks = [
    people_found_when_articles_loaded,
    rejected_share_below_threshold,
    every_loaded_file_has_an_article,
    no_mart_collapsed_since_last_publish,
]
