"""One raw schema: the dbt sources, the docs page, the frames, the loaded tables and the Dagster
raw assets all say what ``vnpolitics.warehouse.raw_schema`` says, and any drift fails here."""

from __future__ import annotations

import dataclasses
import subprocess
import sys

import duckdb
import pytest
import yaml

from vnpolitics.warehouse import raw_schema
from vnpolitics.warehouse.load import load_raw_frames
from vnpolitics.warehouse.raw_frames import RAW_SCHEMAS, build_raw_frames
from vnpolitics.warehouse.raw_schema import RAW_TABLES, SOURCES_YML, RawColumn


def test_the_committed_dbt_sources_and_docs_page_are_the_generated_ones():
    """Run ``python -m vnpolitics.warehouse.raw_schema`` after editing raw_schema.py to mend this."""
    assert raw_schema.stale_files() == []
    assert SOURCES_YML.read_text(encoding="utf-8") == raw_schema.sources_yml()


def test_dbt_reads_every_table_column_type_and_description_of_the_definition():
    (source,) = yaml.safe_load(SOURCES_YML.read_text(encoding="utf-8"))["sources"]
    assert source["name"] == source["schema"] == "raw"
    read = {
        t["name"]: [(c["name"], c["data_type"].upper(), c["description"]) for c in t["columns"]]
        for t in source["tables"]
    }
    assert read == {t.name: [(c.name, c.duckdb_type, c.description) for c in t.columns] for t in RAW_TABLES}


def test_the_frames_and_the_loaded_tables_have_the_definitions_columns_and_types(tmp_path):
    frames = build_raw_frames([], [], "v-test")
    warehouse = tmp_path / "w.duckdb"
    load_raw_frames(warehouse, frames)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table in RAW_TABLES:
            assert dict(frames[table.name].schema) == {c.name: c.polars_type for c in table.columns}
            loaded = con.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = 'raw' and table_name = ? order by ordinal_position",
                [table.name],
            ).fetchall()
            assert loaded == [(c.name, c.duckdb_type) for c in table.columns], table.name
    assert list(RAW_SCHEMAS) == [t.name for t in RAW_TABLES]


def test_the_dagster_raw_assets_carry_the_definitions_tables_and_descriptions():
    from dagster_project.assets.ingest import raw_tables

    specs = {spec.key.path[-1]: spec.description for spec in raw_tables.specs}
    assert specs == {t.name: t.description for t in RAW_TABLES}


@pytest.mark.parametrize("where", ["definition", "dbt sources"])
def test_a_column_added_in_one_place_only_fails_the_check(tmp_path, monkeypatch, where):
    """The check above is not vacuous: one column more on either side is a drift it reports."""
    sources, docs = tmp_path / "_sources.yml", tmp_path / "RAW_SCHEMA.md"
    sources.write_text(raw_schema.sources_yml(), encoding="utf-8")
    docs.write_text(raw_schema.docs_page(), encoding="utf-8")
    monkeypatch.setattr(raw_schema, "SOURCES_YML", sources)
    monkeypatch.setattr(raw_schema, "DOCS_PAGE", docs)
    assert raw_schema.stale_files() == []  # in step

    extra = RawColumn("language", raw_schema.TEXT, "Language of the article.")
    if where == "definition":
        articles = next(t for t in RAW_TABLES if t.name == "articles")
        widened = dataclasses.replace(articles, columns=(*articles.columns, extra))
        tables = tuple(widened if t is articles else t for t in RAW_TABLES)
        monkeypatch.setattr(raw_schema, "RAW_TABLES", tables)
    else:
        text = sources.read_text(encoding="utf-8")
        anchor = "      - name: captions\n"
        column = '          - name: language\n            data_type: varchar\n            description: "x"\n'
        sources.write_text(text.replace(anchor, column + "\n" + anchor), encoding="utf-8")
    assert raw_schema.stale_files() == [sources] if where == "dbt sources" else [sources, docs]


def test_the_generator_is_a_command():
    proc = subprocess.run(
        [sys.executable, "-m", "vnpolitics.warehouse.raw_schema", "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
