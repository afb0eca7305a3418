"""The raw frames match RAW_SCHEMAS, load into DuckDB with those types, and survive bad articles."""

from __future__ import annotations

from datetime import date, datetime

import duckdb
import pytest
from dagster_support import REPO

import vnpolitics.warehouse.batch_extraction as pipeline
from vnpolitics.extract.records import (
    ArticleExtraction,
    ArticleMetadata,
    Caption,
    CleanArticle,
    DecodedText,
    Meeting,
    PersonMention,
)
from vnpolitics.warehouse.load import load_raw_frames
from vnpolitics.warehouse.raw_frames import RAW_SCHEMAS, build_raw_frames, markdown_preview
from vnpolitics.warehouse.raw_schema import RAW_TABLES
from vnpolitics.warehouse.scan import IngestRecord, LoadedFile


def _one_article() -> tuple[list[IngestRecord], list[tuple[LoadedFile, ArticleExtraction]]]:
    ingest = [
        IngestRecord("a.txt", "ab" * 32, 10, "loaded", None, "ab" * 8, "utf-8", ("crlf", "html")),
        IngestRecord("b.txt", "ab" * 32, 10, "duplicate", "duplicate of a.txt", "ab" * 8, "utf-8", ()),
    ]
    loaded = LoadedFile("a.txt", "ab" * 8, "ab" * 32, DecodedText("Ông Nguyễn Văn A dự họp.", "utf-8"))
    extraction = ArticleExtraction(
        metadata=ArticleMetadata("Tiêu đề", datetime(2024, 1, 29, 9, 30), "Báo X", None),
        clean=CleanArticle("Ông Nguyễn Văn A dự họp.", captions=(Caption(0, 3, "Ảnh", "TTXVN"),)),
        people=[PersonMention("Nguyễn Văn A", "Nguyễn Văn A", 4, 16, 0, 0.9)],
        meetings=[
            Meeting(
                0, date(2024, 1, 29), False, "sáng", "họp", ("Quốc hội", "Chính phủ"), "Sáng 29/1", 0, 10, 0
            )
        ],
    )
    return ingest, [(loaded, extraction)]


def test_empty_frames_have_the_schema():
    frames = build_raw_frames([], [], "test")
    assert frames.keys() == RAW_SCHEMAS.keys()
    for table, frame in frames.items():
        assert frame.height == 0
        assert dict(frame.schema) == RAW_SCHEMAS[table]


def test_frames_from_one_article():
    frames = build_raw_frames(*_one_article(), "v-test")
    for table, frame in frames.items():
        assert dict(frame.schema) == RAW_SCHEMAS[table]
    assert frames["ingest_files"]["flags"].to_list() == ["crlf,html", ""]
    assert frames["articles"].row(0, named=True)["extractor_version"] == "v-test"
    assert frames["meeting_organizers"]["organization_name"].to_list() == ["Quốc hội", "Chính phủ"]
    assert frames["captions"].row(0, named=True)["credit"] == "TTXVN"
    assert "Nguyễn Văn A" in markdown_preview(frames["person_mentions"])


def test_load_keeps_types_and_replaces(tmp_path):
    warehouse = tmp_path / "nested" / "w.duckdb"
    frames = build_raw_frames(*_one_article(), "v-test")
    assert load_raw_frames(warehouse, frames)["ingest_files"] == 2
    counts = load_raw_frames(warehouse, build_raw_frames([], [], "v-test"))  # a re-load replaces
    assert set(counts.values()) == {0}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table in RAW_TABLES:
            columns = con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = 'raw' and table_name = ? order by ordinal_position",
                [table.name],
            ).fetchall()
            assert columns == [(c.name, c.duckdb_type) for c in table.columns]


def test_a_failing_article_is_recorded_not_lost(tmp_path, monkeypatch):
    (tmp_path / "good.txt").write_text("Hà Nội\nÔng Nguyễn Văn A dự họp.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_text("Hà Nội\nBài lỗi.\n", encoding="utf-8")
    (tmp_path / "bad_copy.txt").write_text("Hà Nội\nBài lỗi.\n", encoding="utf-8")
    real = pipeline.extract_article

    def flaky(text: str, **kw) -> ArticleExtraction:
        if "lỗi" in text:
            raise ValueError("boom")
        return real(text, **kw)

    monkeypatch.setattr(pipeline, "extract_article", flaky)
    frames = pipeline.extract_folder(tmp_path)
    ingest = {r["source_file"]: r for r in frames["ingest_files"].iter_rows(named=True)}
    assert ingest["good.txt"]["status"] == "loaded"
    for name in ("bad.txt", "bad_copy.txt"):
        assert ingest[name]["status"] == "rejected"
        assert ingest[name]["reason"].startswith("extraction failed: ")
        assert "boom" in ingest[name]["reason"]
        assert ingest[name]["article_key"] is None
    assert frames["articles"]["source_file"].to_list() == ["good.txt"]


@pytest.mark.parametrize("bad", ["x; drop table raw.articles", "Articles"])
def test_only_plain_table_names_are_loaded(tmp_path, bad):
    with pytest.raises(ValueError):
        load_raw_frames(tmp_path / "w.duckdb", {bad: build_raw_frames([], [], "v")["articles"]})


def test_a_load_of_real_articles_writes_nothing_on_stderr(tmp_path, capfd):
    """Frames reach DuckDB through pyarrow's Acero, which by default warns on stderr for each
    unaligned polars buffer (dozens of lines in a run's log): the buffers are reallocated instead."""
    frames = pipeline.extract_folder(REPO / "raw")
    capfd.readouterr()
    counts = load_raw_frames(tmp_path / "w.duckdb", frames)
    assert counts["person_mentions"] > 0
    assert capfd.readouterr().err == ""
