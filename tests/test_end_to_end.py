"""Build a whole warehouse from a copy of raw/ in a temporary folder, twice, and score it.

The first build makes a fresh warehouse; the second re-runs on the same input into the same
file, as the nightly job does. Keys must not move between the two (CONTRACT.md).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from dagster_support import CONTRACT_TABLES, SHARED, build_warehouse, copy_raw


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Every table of the raw and main schemas, rows sorted, so two builds can be compared."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = con.execute(
            "select table_schema, table_name from information_schema.tables "
            "where table_schema in ('raw', 'main') and table_type = 'BASE TABLE' order by 1, 2"
        ).fetchall()
        return {
            f"{schema}.{name}": sorted(
                con.execute(f'select * from "{schema}"."{name}"').fetchall(), key=lambda row: repr(row)
            )
            for schema, name in tables
        }


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e")
    raw_dir = copy_raw(root / "raw")
    warehouse = root / "warehouse" / "warehouse.duckdb"
    first = build_warehouse(raw_dir, warehouse)
    assert first.success
    before = snapshot(warehouse)
    second = build_warehouse(raw_dir, warehouse)
    assert second.success
    return warehouse, before, snapshot(warehouse), second


def test_every_contract_table_has_rows(builds):
    warehouse, _, after, _ = builds
    for table in CONTRACT_TABLES:
        assert f"main.{table}" in after, f"contract table {table} missing from {warehouse}"
        assert after[f"main.{table}"], f"contract table {table} is empty"


def test_every_raw_file_is_accounted_for(builds):
    _, _, after, _ = builds
    listed = {row[0] for row in after["raw.ingest_files"]}
    assert listed == {p.name for p in (Path(__file__).parents[1] / "raw").iterdir()}


def test_checks_pass(builds):
    *_, result = builds
    evaluations = result.get_asset_check_evaluations()
    assert evaluations, "no asset checks ran"
    failed = [e.check_name for e in evaluations if not e.passed]
    assert not failed, f"failed checks: {failed}"


def test_rerun_gives_identical_tables_and_keys(builds):
    _, before, after, _ = builds
    assert before.keys() == after.keys()
    for table in before:
        assert before[table] == after[table], f"{table} changed between two runs on the same input"


def test_score_against_gold(builds, capsys):
    score = SHARED / "eval" / "score.py"
    if not score.exists():
        pytest.skip(f"{score} not found: the shared evaluation folder is not beside the repository")
    warehouse, *_ = builds
    proc = subprocess.run(
        [sys.executable, str(score), "--warehouse", str(warehouse), "--gold", str(SHARED / "eval" / "gold")],
        capture_output=True,
        text=True,
        check=False,
    )
    with capsys.disabled():  # the figures belong in the test log
        print(f"\nscore.py on the end-to-end warehouse:\n{proc.stdout}{proc.stderr}")
    assert proc.returncode == 0, f"score.py exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
