"""Asset checks on the built warehouse, beyond dbt's own tests: did the run find anything?

They read the marts after dbt has built them (read-only, so several checks may run at once).
"""

import duckdb
from dagster import AssetCheckResult, AssetCheckSeverity, asset_check
from dagster_dbt import get_asset_key_for_model

from dagster_project.assets.dbt import dbt_models
from dagster_project.resources import WarehouseConfig

MAX_REJECTED_SHARE = 0.10


def _scalar(warehouse: WarehouseConfig, sql: str) -> int:
    with duckdb.connect(str(warehouse.database_path), read_only=True) as con:
        row = con.execute(sql).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


@asset_check(
    asset=get_asset_key_for_model([dbt_models], "dim_people"),
    description="Some people are found whenever articles were loaded.",
)
def people_found_when_articles_loaded(warehouse: WarehouseConfig) -> AssetCheckResult:
    articles = _scalar(warehouse, "select count(*) from main.dim_articles")
    people = _scalar(warehouse, "select count(*) from main.dim_people")
    return AssetCheckResult(
        passed=people > 0 or articles == 0, metadata={"articles": articles, "people": people}
    )


@asset_check(
    asset=get_asset_key_for_model([dbt_models], "ingest_files"),
    description=f"At most {MAX_REJECTED_SHARE:.0%} of the files under RAW_DIR are rejected.",
)
def rejected_share_below_threshold(warehouse: WarehouseConfig) -> AssetCheckResult:
    files = _scalar(warehouse, "select count(*) from main.ingest_files")
    rejected = _scalar(warehouse, "select count(*) from main.ingest_files where status = 'rejected'")
    share = rejected / files if files else 0.0
    return AssetCheckResult(
        passed=share <= MAX_REJECTED_SHARE,
        severity=AssetCheckSeverity.WARN,
        metadata={"files": files, "rejected": rejected, "rejected_share": round(share, 4)},
    )


@asset_check(
    asset=get_asset_key_for_model([dbt_models], "dim_articles"),
    description="Every loaded file has exactly one article row.",
)
def every_loaded_file_has_an_article(warehouse: WarehouseConfig) -> AssetCheckResult:
    loaded = _scalar(warehouse, "select count(*) from main.ingest_files where status = 'loaded'")
    articles = _scalar(warehouse, "select count(*) from main.dim_articles")
    return AssetCheckResult(
        passed=loaded == articles, metadata={"loaded_files": loaded, "articles": articles}
    )


asset_checks = [
    people_found_when_articles_loaded,
    rejected_share_below_threshold,
    every_loaded_file_has_an_article,
]
