"""Helpers for tests that run the dbt project on hand-made raw tables in a temporary DuckDB file.

Each build runs ``dbt build`` in a subprocess with its own ``--target-path`` and ``--log-path``
so that tests (and a parallel ``dagster dev``) never share dbt/target. ``copy_dbt_project``
gives a test its own copy of dbt/ whose curation seeds it may edit, as an analyst would.
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from vnpolitics.warehouse.raw_schema import RAW_TABLES, duckdb_ddl

REPO = Path(__file__).resolve().parents[1]
DBT_DIR = REPO / "dbt"
SHARED = REPO.parent / "shared"
_VENV_DBT = Path(sys.executable).with_name("dbt")
DBT = str(_VENV_DBT) if _VENV_DBT.exists() else (shutil.which("dbt") or "dbt")

# The raw tables as DuckDB DDL, from the raw schema's one definition.
RAW_DDL: dict[str, str] = {table.name: duckdb_ddl(table) for table in RAW_TABLES}


def plain_file_records(files: list[tuple]) -> list[tuple]:
    """The ``ingest_records`` rows the scan gives files of one article each (text files without URL
    or sidecar), from their ``ingest_files`` rows: one record per file, keyed by its content."""
    records = []
    for source_file, content_hash, _, status, reason, article_key, encoding, flags in files:
        version = 1 if status == "loaded" else None
        metadata = (None,) * 10  # seen_at .. metadata_problems
        records.append(
            (
                source_file,
                None,
                status,
                reason,
                article_key,
                article_key,
                content_hash,
                content_hash,
                None,
                None,
                version,
                None,
                *metadata,
                encoding,
                flags,
            )
        )
    return records


def write_raw(warehouse: Path, rows: dict[str, list[tuple]]) -> None:
    """Create (or replace) schema ``raw`` with every table of RAW_SCHEMA.md holding ``rows``; without
    ``ingest_records`` rows, the ``ingest_files`` rows stand for one-article files
    (``plain_file_records``)."""
    if "ingest_records" not in rows:
        rows = {**rows, "ingest_records": plain_file_records(rows.get("ingest_files", []))}
    with duckdb.connect(str(warehouse)) as con:
        con.execute("create schema if not exists raw")
        for table, ddl in RAW_DDL.items():
            con.execute(f"create or replace table raw.{table} ({ddl})")
            data = rows.get(table, [])
            if data:
                marks = ", ".join("?" * len(data[0]))
                con.executemany(f"insert into raw.{table} values ({marks})", data)


WITHOUT_TESTS = ("build", "--exclude-resource-type", "test", "--exclude-resource-type", "unit_test")
# Every data test but none of dbt's unit tests: a unit test mocks its model's inputs, so it gives
# the same result on any warehouse, and test_dbt_models' build (and the session's sample build)
# runs all of them already; a build of other articles running them again learns nothing new.
WITHOUT_UNIT_TESTS = ("build", "--exclude-resource-type", "unit_test")

# dbt's partial-parse state (in its target folder) of the last dbt_build in this process, by
# (project, warehouse file name).
PARSE_STATE = "partial_parse.msgpack"
_parse_states: dict[tuple[Path, str], Path] = {}


def dbt_build(
    warehouse: Path,
    work: Path,
    project: Path = DBT_DIR,
    expect_success: bool = True,
    command: tuple[str, ...] = ("build",),
    **settings: str,
) -> subprocess.CompletedProcess:
    """``dbt build`` of ``project`` on ``warehouse``; ``settings`` are extra environment variables.

    ``command`` replaces ``build`` (with its options): ``WITHOUT_TESTS`` builds the seeds and
    models without their ~190 data and unit tests, for a test that reads the marts and is not
    about the tests (a third of the time).

    Each build starts from the parse of the one before it (``_reuse_parse_state``) instead of
    parsing the project again: a full parse is 8 s of CPU more than a partial one.
    """
    env = {
        **os.environ,
        "WAREHOUSE_PATH": warehouse.name,  # relative to cwd, see _reuse_parse_state
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        **settings,
    }
    target = work / "target"
    state = (project.resolve(), warehouse.name)
    _reuse_parse_state(_parse_states.get(state), target)
    proc = subprocess.run(
        [
            DBT,
            *command,
            "--project-dir",
            str(project),
            "--profiles-dir",
            str(project),
            "--target-path",
            str(target),
            "--log-path",
            str(work / "logs"),
        ],
        cwd=warehouse.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if (target / PARSE_STATE).exists():
        _parse_states[state] = target / PARSE_STATE
    if expect_success:
        assert proc.returncode == 0, f"dbt build failed:\n{proc.stdout[-6000:]}\n{proc.stderr[-3000:]}"
    return proc


def _reuse_parse_state(saved: Path | None, target: Path) -> None:
    """Put an earlier build's parse state into ``target``, where dbt looks for it.

    dbt reuses a parse only under the same rendered profile, and the profile holds the warehouse
    path: so dbt runs in the warehouse's folder with the bare file name as WAREHOUSE_PATH (DuckDB
    opens it relative to the working directory), which is the same string for every test's
    ``warehouse.duckdb``. dbt itself checks the rest (files, variables, environment variables the
    project reads) and parses in full when anything differs.
    """
    if saved is not None and saved.exists():
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(saved, target / PARSE_STATE)


def query(warehouse: Path, sql: str, parameters: list[object] | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, parameters or []).fetchall()


def table_rows(
    warehouse: Path, exclude: frozenset[str] = frozenset({"main.run_log"})
) -> dict[str, list[tuple]]:
    """Every base table's rows, sorted, keyed ``schema.table``: two warehouses compared value for value."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = con.execute(
            "select schema_name, table_name from duckdb_tables() where not internal order by 1, 2"
        ).fetchall()
        return {
            f"{schema}.{name}": sorted(con.execute(f'select * from "{schema}"."{name}"').fetchall(), key=repr)
            for schema, name in tables
            if f"{schema}.{name}" not in exclude
        }


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """The tables of schema ``main`` by bare name, rows sorted (see ``table_rows``)."""
    return {
        name.removeprefix("main."): rows
        for name, rows in table_rows(warehouse).items()
        if name.startswith("main.")
    }


def copy_dbt_project(target: Path) -> Path:
    """A copy of dbt/ (without target/ and logs/) whose seeds a test may rewrite."""
    shutil.copytree(DBT_DIR, target, ignore=shutil.ignore_patterns("target", "logs", ".user.yml"))
    return target


def write_seed(project: Path, name: str, rows: list[dict[str, object]]) -> None:
    """Append ``rows`` to seeds/<name>.csv of ``project``, under the header it already has."""
    path = project / "seeds" / f"{name}.csv"
    with path.open(encoding="utf-8") as f:
        header = next(csv.reader(f))
    with path.open("a", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header)
        writer.writerows(rows)
