"""The Dagster code location loads and wires the raw tables into the dbt models."""

from __future__ import annotations

import pytest
from dagster import AssetKey
from dagster_support import CONTRACT_TABLES, copy_raw, load_definitions

from vnpolitics.warehouse.raw_frames import RAW_SCHEMAS


@pytest.fixture(scope="module")
def defs():
    return load_definitions()


def mart_key(table: str) -> AssetKey:
    from dagster_dbt import get_asset_key_for_model

    from dagster_project.assets.dbt import dbt_models

    return get_asset_key_for_model([dbt_models], table)


def ancestors(graph, key: AssetKey) -> set[AssetKey]:
    seen: set[AssetKey] = set()
    todo = [key]
    while todo:
        for parent in graph.get(todo.pop()).parent_keys:
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def test_job_exists(defs):
    job = defs.resolve_job_def("build_warehouse_job")
    assert job.name == "build_warehouse_job"


def test_raw_tables_and_marts_are_one_graph(defs):
    graph = defs.resolve_asset_graph()
    keys = set(graph.get_all_asset_keys())
    raw_keys = {AssetKey(["raw", table]) for table in RAW_SCHEMAS}
    assert raw_keys <= keys
    for table in CONTRACT_TABLES:
        assert mart_key(table) in keys, f"dbt model {table} is not an asset"
        assert graph.get(mart_key(table)).is_materializable
    # every contract mart is built, through staging and intermediate models, from the raw tables
    for table in CONTRACT_TABLES:
        assert ancestors(graph, mart_key(table)) & raw_keys, f"{table} does not depend on any raw table"
    # the only external asset is the scrapers' folder; everything else is built by the raw step or dbt
    for key in keys - {AssetKey("raw_files")}:
        assert graph.get(key).is_materializable, f"{key.to_user_string()} is not materialised by anything"
    assert not graph.get(AssetKey("raw_files")).is_materializable


def test_the_graph_reads_files_then_extraction_then_raw_tables_then_staging_then_marts(defs):
    graph = defs.resolve_asset_graph()
    upstream = ancestors(graph, mart_key("fct_meetings"))
    for key in (
        AssetKey("raw_files"),
        AssetKey("extracted_articles"),
        AssetKey(["raw", "articles"]),
        AssetKey(["staging", "stg_meetings"]),
    ):
        assert key in upstream, f"{key.to_user_string()} is not upstream of fct_meetings"
    assert AssetKey("extracted_articles") in ancestors(graph, AssetKey(["raw", "articles"]))
    exports = graph.get(AssetKey("mart_exports"))
    assert AssetKey("published_warehouse") in exports.parent_keys
    assert AssetKey("published_warehouse") in graph.get(AssetKey("serving_marts")).parent_keys


def test_every_asset_is_in_a_job(defs):
    graph = defs.resolve_asset_graph()
    build = set(defs.resolve_job_def("build_warehouse_job").asset_layer.selected_asset_keys)
    backfill = set(defs.resolve_job_def("extraction_backfill_job").asset_layer.selected_asset_keys)
    assert backfill == {AssetKey("extracted_articles")}
    assert build | backfill == set(graph.materializable_asset_keys)
    assert not build & backfill


@pytest.mark.warehouse
def test_the_extraction_backfill_fills_the_cache_part_by_part(defs, tmp_path):
    from dagster import materialize

    from dagster_project.assets.extraction import extracted_articles
    from dagster_project.resources import WarehouseConfig
    from vnpolitics.warehouse.batch_extraction import EXTRACTOR_VERSION, FILE_PARTS, file_part
    from vnpolitics.warehouse.cache import ExtractionCache

    raw = copy_raw(tmp_path / "raw")
    warehouse = WarehouseConfig(raw_dir=str(raw), warehouse_path=str(tmp_path / "w" / "w.duckdb"))
    parts = sorted({file_part(p.name) for p in raw.iterdir()})
    assert set(parts) <= set(FILE_PARTS) and len(parts) > 2
    cache = ExtractionCache(warehouse.cache_path, EXTRACTOR_VERSION)
    # Two parts show the cache growing part by part (each part starts its own extraction processes).
    for done, part in enumerate(parts[:2], start=1):
        result = materialize([extracted_articles], partition_key=part, resources={"warehouse": warehouse})
        assert result.success
        assert len(cache.complete_batches()) == done
    in_two_parts = [p for p in raw.iterdir() if file_part(p.name) in parts[:2]]
    assert len(cache.cached_keys()) == len(in_two_parts) < len(list(raw.iterdir()))
    assert not warehouse.database_path.exists(), "the backfill must not touch the warehouse"


def test_asset_checks_attach_to_marts(defs):
    graph = defs.resolve_asset_graph()
    checks = {key.name: key.asset_key for key in graph.asset_check_keys}
    assert checks["people_found_when_articles_loaded"] == mart_key("dim_people")
    # known from the scan: checked before dbt runs
    assert checks["rejected_share_below_threshold"] == AssetKey(["raw", "ingest_files"])


def test_publish_comes_after_every_mart_and_waits_for_blocking_checks(defs):
    graph = defs.resolve_asset_graph()
    publish = AssetKey("published_warehouse")
    upstream = ancestors(graph, publish)
    for table in CONTRACT_TABLES:
        assert mart_key(table) in upstream, f"publishing does not wait for {table}"
    from dagster_project.checks import asset_checks

    for check in asset_checks:
        for spec in check.check_specs:
            assert spec.blocking, f"{spec.name} does not block the publish step when it fails"
            assert spec.asset_key in upstream


# What the code location holds, written out: a refactor that drops (or adds) one fails here. The
# dbt models and tests are whatever the manifest holds, so editing the dbt project needs no edit here.
RAW_TABLES = (
    "ingest_files",
    "ingest_records",
    "articles",
    "captions",
    "sentences",
    "person_mentions",
    "person_titles",
    "organization_mentions",
    "organizations",
    "meetings",
    "meeting_organizers",
    "participant_roles",
    "personnel_events",
)
PYTHON_ASSETS = {"raw_files", "extracted_articles", "published_warehouse", "mart_exports", "serving_marts"}
ANALYST_MARTS = (
    "ingest_records",
    "dim_person_positions",
    "dim_organization_aliases",
    "bridge_meeting_organizers",
    "person_profiles",
    "fct_co_attendance",
    "fct_personnel_events",
    "qa_position_overlaps",
)
OUR_CHECKS = {
    "people_found_when_articles_loaded",
    "rejected_share_below_threshold",
    "every_loaded_file_has_an_article",
    "no_mart_collapsed_since_last_publish",
}


def test_the_code_location_holds_exactly_these_definitions(defs):
    import json

    from dagster_project.project import dbt_project

    manifest = json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))
    nodes = manifest["nodes"].values()
    dbt_nodes = {n["name"] for n in nodes if n["resource_type"] in ("model", "seed")}
    dbt_tests = {n["name"] for n in nodes if n["resource_type"] == "test"}
    generic_tests = {n["name"] for n in nodes if n["resource_type"] == "test" and n.get("test_metadata")}
    graph = defs.resolve_asset_graph()
    keys = set(graph.get_all_asset_keys())
    python_keys = {AssetKey(name) for name in PYTHON_ASSETS} | {AssetKey(["raw", t]) for t in RAW_TABLES}
    assert python_keys <= keys, f"missing: {python_keys - keys}"
    dbt_keys = keys - python_keys  # everything else must be one dbt model or seed each
    assert sorted(k.path[-1] for k in dbt_keys) == sorted(dbt_nodes)
    for mart in (*CONTRACT_TABLES, *ANALYST_MARTS):
        assert mart in dbt_nodes, f"mart {mart} is not a dbt model any more"

    checks = {key.name for key in graph.asset_check_keys}
    assert checks >= OUR_CHECKS, f"missing: {OUR_CHECKS - checks}"
    # every generic dbt test is a check on its model; singular tests on several models are not checks
    assert generic_tests <= checks - OUR_CHECKS <= dbt_tests
    jobs = {job.name for job in defs.resolve_all_job_defs() if not job.name.startswith("__")}
    assert jobs == {"build_warehouse_job", "extraction_backfill_job", "extraction_cluster_job"}
    assert {s.name for s in defs.schedules} == {"nightly_build", "weekly_full_build"}
    assert {s.name for s in defs.sensors} == {"new_raw_files", "record_failed_builds"}
    assert set(defs.resources) == {"warehouse", "warehouse_run", "dbt"}


def test_the_dbt_cli_knows_its_version_without_starting_dbt():
    """``VenvDbtCliResource`` overrides dagster-dbt's private ``_cli_version`` (a ``dbt --version``
    subprocess per run); if dagster-dbt renames it, the override silently stops saving that."""
    import importlib.metadata
    import inspect
    from functools import cached_property

    from dagster_dbt import DbtCliResource
    from packaging import version

    from dagster_project.project import dbt_cli_resource

    assert isinstance(inspect.getattr_static(DbtCliResource, "_cli_version"), cached_property)
    assert dbt_cli_resource()._cli_version == version.parse(importlib.metadata.version("dbt-core"))
