"""What readers get from a built warehouse: comments, Parquet exports, and the tools the README names."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest
import yaml
from dagster_support import REPO

from vnpolitics.warehouse.export import export_path
from vnpolitics.warehouse.serving import serving_path

pytestmark = pytest.mark.warehouse  # builds a warehouse or runs dbt

MARTS_YMLS = sorted((REPO / "dbt" / "models" / "marts").glob("*.yml"))


def main_tables(warehouse: Path) -> list[str]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("select table_name from duckdb_tables() where schema_name = 'main'").fetchall()
    return sorted(name for (name,) in rows)


def test_every_mart_and_every_column_has_a_comment(sample_warehouse):
    marts = {m["name"] for yml in MARTS_YMLS for m in yaml.safe_load(yml.read_text("utf-8"))["models"]}
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        tables = dict(
            con.execute(
                "select table_name, comment from duckdb_tables() "
                "where schema_name = 'main' and database_name = current_database()"
            ).fetchall()
        )
        columns = con.execute(
            "select table_name, column_name, comment from duckdb_columns() "
            "where schema_name = 'main' and database_name = current_database()"
        ).fetchall()
        people = con.execute(
            "select comment from duckdb_columns() "
            "where table_name = 'dim_people' and database_name = current_database()"
        ).fetchall()
    assert marts <= tables.keys()
    assert all(tables[name] for name in tables), [name for name, comment in tables.items() if not comment]
    assert all(comment for _, _, comment in columns), [(t, c) for t, c, comment in columns if not comment]
    assert people and all(comment for (comment,) in people)


def test_one_parquet_file_per_mart_with_the_same_rows(sample_warehouse):
    folder = export_path(sample_warehouse)
    tables = main_tables(sample_warehouse)
    assert sorted(p.stem for p in folder.glob("*.parquet")) == tables
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        for table in tables:
            frame = pl.read_parquet(folder / f"{table}.parquet")
            assert frame.height == con.execute(f'select count(*) from main."{table}"').fetchone()[0], table
            columns = [
                c for (c,) in con.execute(f'select column_name from (describe main."{table}")').fetchall()
            ]
            assert frame.columns == columns, table
    people = pl.read_parquet(folder / "dim_people.parquet")
    assert people["full_name"].str.contains("Nguyễn").any(), "Vietnamese names survive the export"


def test_the_export_mirrors_the_warehouse_and_leaves_no_partial_files(sample_warehouse, tmp_path):
    from vnpolitics.warehouse.export import export_marts

    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "dropped_mart.parquet").write_bytes(b"old")
    (folder / "dim_people.parquet.partial").write_bytes(b"killed mid-write")
    exported = export_marts(sample_warehouse, folder)
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{e.table}.parquet" for e in exported)


def test_the_duckdb_cli_reads_the_warehouse_read_only(sample_warehouse, tmp_path):
    cli = Path(sys.executable).with_name("duckdb")
    if not cli.exists():
        pytest.skip("the readers dependency group (duckdb-cli) is not installed")
    copy = tmp_path / "warehouse.duckdb"
    shutil.copyfile(sample_warehouse, copy)
    result = subprocess.run(
        [str(cli), "-readonly", "-csv", str(copy), "-c", "select count(*) from dim_people"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    with duckdb.connect(str(copy), read_only=True) as con:
        assert result.stdout.split()[-1] == str(con.execute("select count(*) from dim_people").fetchone()[0])


def test_sqlalchemy_reads_the_warehouse_read_only(sample_warehouse):
    sqlalchemy = pytest.importorskip("sqlalchemy")
    pytest.importorskip("duckdb_engine")
    engine = sqlalchemy.create_engine(f"duckdb:///{sample_warehouse}", connect_args={"read_only": True})
    with engine.connect() as connection:
        people = connection.execute(sqlalchemy.text("select count(*) from dim_people")).scalar_one()
        with pytest.raises(sqlalchemy.exc.DBAPIError):
            connection.execute(sqlalchemy.text("create table scribble (a int)"))
    engine.dispose()  # DuckDB allows one configuration per file per process
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        assert people == con.execute("select count(*) from dim_people").fetchone()[0] > 0


# DuckDB types a BI tool cannot read as a column of values: Superset shows them as UNKNOWN, as
# escaped JSON. A list becomes a bridge table or a '; '-joined text column (macro joined_text).
NESTED_TYPES = r"(\[\d*\]$)|(^(STRUCT|MAP|UNION)\()"


def nested_columns(database: Path) -> list[tuple[str, str, str, str]]:
    with duckdb.connect(str(database), read_only=True) as con:
        return con.execute(
            "select schema_name, table_name, column_name, data_type from duckdb_columns() "
            "where database_name = current_database() and not internal and regexp_matches(data_type, ?)",
            [NESTED_TYPES],
        ).fetchall()


def test_the_serving_file_holds_the_marts_alone_and_flat(sample_warehouse):
    serving = serving_path(sample_warehouse)
    with duckdb.connect(str(serving), read_only=True) as con:
        schemas = con.execute(
            "select distinct schema_name from duckdb_tables() where database_name = current_database()"
        ).fetchall()
        columns = con.execute(
            "select table_name, column_name, data_type, comment from duckdb_columns() "
            "where database_name = current_database() and not internal"
        ).fetchall()
        keys = con.execute(
            "select count(*) from duckdb_constraints() "
            "where database_name = current_database() and constraint_type = 'PRIMARY KEY'"
        ).fetchone()[0]
    assert schemas == [("main",)], "a BI tool's schema list shows the marts only"
    assert {table for table, *_ in columns} == set(main_tables(sample_warehouse))
    assert nested_columns(serving) == []
    assert [c for c in nested_columns(sample_warehouse) if c[0] == "main"] == [], (
        "the marts themselves are flat"
    )
    assert all(comment for *_, comment in columns), [(t, c) for t, c, _, comment in columns if not comment]
    assert keys >= 10, "the contracts' primary keys are carried over"
    with (
        duckdb.connect(str(serving), read_only=True) as con,
        duckdb.connect(str(sample_warehouse), read_only=True) as published,
    ):
        for table in main_tables(sample_warehouse):
            query = f'select * from main."{table}" order by all'
            assert con.execute(query).fetchall() == published.execute(query).fetchall(), table


def test_the_nested_type_check_can_fail(tmp_path):
    database = tmp_path / "nested.duckdb"
    with duckdb.connect(str(database)) as con:
        con.execute("create table t (a varchar[], b struct(x int), c int[3], d map(varchar, int), e varchar)")
    assert [column for _, _, column, _ in nested_columns(database)] == ["a", "b", "c", "d"]


def test_list_columns_of_the_marts_read_as_joined_text(sample_warehouse):
    with duckdb.connect(str(sample_warehouse), read_only=True) as con:
        organizers = con.execute(
            """
            select meetings.organizers, string_agg(bodies.canonical_name, '; ' order by bodies.canonical_name)
            from fct_meetings as meetings
            join bridge_meeting_organizers as bridge using (meeting_key)
            join dim_organizations as bodies using (organization_key)
            group by meetings.meeting_key, meetings.organizers
            """
        ).fetchall()
    assert organizers and all(text == joined for text, joined in organizers)
