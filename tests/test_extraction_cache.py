"""The extraction cache and the worker pool change how fast, never what: the samples prove it."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from dagster_support import copy_raw
from dbt_support import table_rows

from vnpolitics.extract.version import EXTRACTOR_VERSION, source_digest
from vnpolitics.warehouse.batch_extraction import extract_folder, extract_to_cache
from vnpolitics.warehouse.cache import ARTICLE_TABLES, ExtractionCache
from vnpolitics.warehouse.load import load_raw_frames
from vnpolitics.warehouse.raw_frames import build_raw_frames


def _build(raw: Path, warehouse: Path, cache: ExtractionCache, **options: int) -> dict[str, list[tuple]]:
    report = extract_to_cache(raw, cache, **options)
    load_raw_frames(warehouse, build_raw_frames(report.ingest, [], EXTRACTOR_VERSION), cache)
    return table_rows(warehouse)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The raw tables extracted the plain way: every article, in this process, no cache."""
    root = tmp_path_factory.mktemp("cache_reference")
    raw = copy_raw(root / "raw")
    load_raw_frames(root / "plain.duckdb", extract_folder(raw))
    return raw, table_rows(root / "plain.duckdb")


@pytest.mark.parametrize("workers, batch_size", [(1, 200), (2, 2)])
def test_cold_and_warm_cache_give_the_plain_extraction(reference, tmp_path, workers, batch_size):
    raw, plain = reference
    cache = ExtractionCache(tmp_path / "cache", EXTRACTOR_VERSION)
    cold = _build(raw, tmp_path / "cold.duckdb", cache, workers=workers, batch_size=batch_size)
    assert cold == plain
    assert len(cache.complete_batches()) == -(-len(plain["raw.articles"]) // batch_size)
    report = extract_to_cache(raw, cache, workers=workers)
    assert (report.from_cache, report.extracted) == (len(plain["raw.articles"]), 0)
    assert _build(raw, tmp_path / "warm.duckdb", cache, workers=workers) == plain


def test_a_new_extractor_version_extracts_everything_again_and_says_so(reference, tmp_path, caplog):
    raw, plain = reference
    old = ExtractionCache(tmp_path / "cache", "0.0.1+old")
    extract_to_cache(raw, old)
    new = ExtractionCache(tmp_path / "cache", EXTRACTOR_VERSION)
    with caplog.at_level(logging.WARNING):
        report = extract_to_cache(raw, new)
    assert report.dropped_versions == ("0.0.1+old",)
    assert report.extracted == len(plain["raw.articles"])
    assert "every article is extracted again" in caplog.text
    assert not old.folder.exists()


def test_the_version_follows_the_extraction_code(tmp_path):
    package = tmp_path / "vnpolitics"
    shutil.copytree(
        Path(__file__).parents[1] / "vnpolitics", package, ignore=shutil.ignore_patterns("__pycache__")
    )
    extractor = package / "extract"
    before = source_digest(extractor)
    (package / "warehouse" / "publish.py").write_text("# not extraction code\n", encoding="utf-8")
    assert source_digest(extractor) == before
    with (extractor / "gazetteers" / "surnames.txt").open("a", encoding="utf-8") as f:
        f.write("Thử\n")
    after_gazetteer = source_digest(extractor)
    assert after_gazetteer != before
    with (extractor / "names.py").open("a", encoding="utf-8") as f:
        f.write("# a rule changed\n")
    assert source_digest(extractor) != after_gazetteer


def test_half_written_and_twice_written_batches_are_read_right(reference, tmp_path):
    raw, plain = reference
    cache = ExtractionCache(tmp_path / "cache", EXTRACTOR_VERSION)
    _build(raw, tmp_path / "first.duckdb", cache)
    (batch,) = cache.complete_batches()
    # A second complete copy of every article, and a batch killed before its articles file.
    for table in ARTICLE_TABLES:
        folder = cache.folder / table
        shutil.copy(folder / f"{batch}.parquet", folder / f"ffff{batch}.parquet")
        if table != "articles":
            shutil.copy(folder / f"{batch}.parquet", folder / f"0000{batch}.parquet")
    assert len(cache.complete_batches()) == 2
    assert _build(raw, tmp_path / "again.duckdb", cache) == plain


def test_a_renamed_file_is_read_from_the_cache_under_its_new_name(reference, tmp_path):
    raw, plain = reference
    cache = ExtractionCache(tmp_path / "cache", EXTRACTOR_VERSION)
    _build(raw, tmp_path / "first.duckdb", cache)
    renamed = tmp_path / "renamed"
    shutil.copytree(raw, renamed)
    first = sorted(renamed.iterdir())[0]
    first.rename(renamed / f"moved-{first.name}")
    report = extract_to_cache(renamed, cache)
    assert report.extracted == 0
    rows = _build(renamed, tmp_path / "renamed.duckdb", cache)
    names = {row[1] for row in rows["raw.articles"]}
    assert f"moved-{first.name}" in names and first.name not in names
    assert len(rows["raw.person_mentions"]) == len(plain["raw.person_mentions"])
