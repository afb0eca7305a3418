"""The whole warehouse from a copy of raw/: built, rebuilt, extended and scored.

The session's sample build (a fresh warehouse, ``sample_warehouse``) is copied to another folder
and rebuilt there on the same input, as the nightly job does: keys must not move between the
two (CONTRACT.md), nor depend on where the files lie.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from dagster_support import CONTRACT_TABLES, SHARED, build_warehouse, copy_build, copy_raw, raw_files
from dbt_support import table_rows

from vnpolitics.warehouse.publish import scratch_path
from vnpolitics.warehouse.run_log import run_log_path

# builds a warehouse or runs dbt
pytestmark = [pytest.mark.warehouse, pytest.mark.heavy(seconds=150, samples=True)]

# The one table that must change on every run: it logs the runs themselves.
RUN_LOG = "main.run_log"


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Every table of every schema, run_log included, rows sorted: two builds compared value for value."""
    return table_rows(warehouse, exclude=frozenset())


@pytest.fixture(scope="module")
def builds(tmp_path_factory, sample_warehouse):
    """The session's sample build (a copy) rebuilt on the same files in another folder."""
    root = tmp_path_factory.mktemp("e2e")
    raw_dir = copy_raw(root / "raw")
    warehouse = copy_build(sample_warehouse, root / "warehouse")
    before = snapshot(warehouse)
    second = build_warehouse(raw_dir, warehouse, force_rebuild=True)  # rebuild although nothing is new
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
    assert listed == raw_files()


def test_checks_pass(builds):
    *_, result = builds
    evaluations = result.get_asset_check_evaluations()
    assert evaluations, "no asset checks ran"
    failed = [e.check_name for e in evaluations if not e.passed]
    assert not failed, f"failed checks: {failed}"


def test_each_mart_shows_its_rows_and_a_preview_in_the_ui(builds):
    from dagster import DagsterEventType

    warehouse, _, after, result = builds
    observed = {
        e.asset_key.path[-1]: e.event_specific_data.asset_observation.metadata
        for e in result.all_events
        if e.event_type == DagsterEventType.ASSET_OBSERVATION
    }
    for table in CONTRACT_TABLES:
        assert observed[table]["dagster/row_count"].value == len(after[f"main.{table}"]), table
    people = observed["dim_people"]["preview"].value
    assert people.startswith("| person_key | full_name") and people.count("\n") == 6  # header, rule, 5 rows
    assert (warehouse.parent / "export" / "dim_people.parquet").exists()


def test_rerun_gives_identical_tables_and_keys(builds):
    _, before, after, _ = builds
    assert before.keys() == after.keys()
    assert {"raw.articles", "main.dim_people", "curation.person_merges"} <= before.keys()
    # besides run_log, the build's own bookkeeping (schema incremental: what changed, when built)
    for table in before.keys() - {RUN_LOG}:
        if not table.startswith("incremental."):
            assert before[table] == after[table], f"{table} changed between two runs on the same input"


def test_the_run_log_gains_one_row_per_run(builds):
    _, before, after, second = builds
    assert len(after[RUN_LOG]) == len(before[RUN_LOG]) + 1 == 2
    with duckdb.connect(str(builds[0]), read_only=True) as con:
        latest = con.execute(
            "select run_id, status, files_seen, files_loaded, rows_per_table->>'dim_people' "
            "from main.run_log order by started_at desc limit 1"
        ).fetchone()
        people = con.execute("select count(*) from main.dim_people").fetchone()[0]
    files = len(raw_files())
    assert latest == (second.run_id, "success", files, files, str(people))


def test_a_run_with_nothing_new_builds_nothing(builds):
    warehouse, _, after, _ = builds
    raw_dir = warehouse.parents[1] / "raw"
    result = build_warehouse(raw_dir, warehouse)
    assert result.success
    assert not result.get_asset_materialization_events(), "a run with nothing new materialised something"
    assert snapshot(warehouse) == after
    assert not scratch_path(warehouse).exists(), "an idle run left its scratch copy behind"
    last = json.loads(run_log_path(warehouse).read_text().splitlines()[-1])
    assert (last["run_id"], last["status"]) == (result.run_id, "nothing new")
    assert last["files_loaded"] == len(raw_files(raw_dir))


# The sample scores as they stand; a build that scores lower on any of them fails this test.
SAMPLE_SCORE_FLOORS = {
    "people_f1": 1.0,
    "titles_f1": 1.0,
    "roles_f1": 1.0,
    "organizations_f1": 0.97,
    "meeting_date_day_month": 1.0,
    "meeting_date_full": 1.0,
    "metadata_accuracy": 1.0,
}


def test_score_against_gold(builds, capsys):
    score = SHARED / "eval" / "score.py"
    if not score.exists():
        pytest.skip(f"{score} not found: the shared evaluation folder is not beside the repository")
    warehouse, *_ = builds
    floors = [f"--min={metric}={value}" for metric, value in SAMPLE_SCORE_FLOORS.items()]
    proc = subprocess.run(
        [
            sys.executable,
            str(score),
            "--warehouse",
            str(warehouse),
            "--gold",
            str(SHARED / "eval" / "gold"),
            *floors,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    with capsys.disabled():  # the figures belong in the test log
        print(f"\nscore.py on the end-to-end warehouse:\n{proc.stdout}{proc.stderr}")
    assert proc.returncode == 0, f"score.py exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"


def rows(warehouse: Path, sql: str, parameters: list[object] | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, parameters or []).fetchall()


def test_people_named_in_several_articles_are_one_row_each(builds):
    gold_dir = SHARED / "eval" / "gold"
    if not gold_dir.is_dir():
        pytest.skip("no gold annotations beside the repository")
    files_by_name: dict[str, set[str]] = {}
    for path in gold_dir.glob("*.gold.json"):
        gold = json.loads(path.read_text(encoding="utf-8"))
        for person in gold["people"]:
            files_by_name.setdefault(person["name"], set()).add(gold["file"])
    several = {name: files for name, files in files_by_name.items() if len(files) > 1}
    assert len(several) == 7
    warehouse, *_ = builds
    found = dict(rows(warehouse, "select full_name, list(article_count) from dim_people group by full_name"))
    for name, files in several.items():
        assert found.get(name) == [len(files)], f"{name}: {found.get(name)} rows/articles, gold {len(files)}"


def test_position_history_lists_the_holders_of_a_post_in_order(builds):
    warehouse, *_ = builds
    holders = rows(
        warehouse,
        "select full_name from dim_person_positions "
        "where title = 'Trưởng Ban Tổ chức Trung ương' order by first_seen_on",
    )
    assert holders == [("Phạm Minh Chính",), ("Trương Thị Mai",)]


def test_most_titles_that_name_a_body_have_its_key(builds):
    warehouse, *_ = builds
    [(share, titles)] = rows(
        warehouse,
        "select count(organization_key) / count(*), count(*) from fct_person_titles "
        "where body_name is not null",
    )
    assert titles > 30 and share >= 0.8


def test_standing_committee_belongs_to_its_party_committee(builds):
    warehouse, *_ = builds
    parent = rows(
        warehouse,
        "select parent_name, organization_kind, organization_level from dim_organizations "
        "where canonical_name = 'Ban Thường vụ Thành ủy Hà Nội'",
    )
    assert parent == [("Thành ủy Hà Nội", "standing_committee", "province")]


def readme_queries() -> list[str]:
    """The SQL blocks of README.md's section 'Example analyst queries'."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Example analyst queries", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, flags=re.DOTALL)


def test_readme_has_the_example_queries():
    assert len(readme_queries()) >= 3


@pytest.mark.parametrize("index", range(len(readme_queries())))
def test_readme_query_runs_and_finds_something(builds, index):
    warehouse, *_ = builds
    result = rows(warehouse, readme_queries()[index])
    assert result, f"README query {index + 1} returned nothing"


@pytest.fixture(scope="module")
def extended(tmp_path_factory, builds, sample_warehouse):
    """The sample build (a copy) after a night that brought a republished copy of one sample
    (other chrome, outlet, time) and a new article."""
    root = tmp_path_factory.mktemp("e2e_extended")
    raw_dir = copy_raw(root / "raw")
    original = (raw_dir / REPUBLISHED_FROM).read_text(encoding="utf-8")
    body = original.split("\n", 2)[2].split("(xaydungdang.org.vn)")[0]
    republished = (
        "Hà Nội làm việc với Đoàn công tác của Ban Chỉ đạo Trung ương\n16/04/2022 10:15\n"
        + body
        + "Theo Báo Nhân Dân\n"
    )
    (raw_dir / "dang-lai").mkdir()
    (raw_dir / "dang-lai" / "lam-viec-voi-thanh-uy.txt").write_text(republished, encoding="utf-8")
    shutil.copy(Path(__file__).parent / "fixtures" / "resolution" / "tinh" / "ha-tinh-2018.txt", raw_dir)
    warehouse = copy_build(sample_warehouse, root / "warehouse")
    assert build_warehouse(raw_dir, warehouse).success
    return warehouse


REPUBLISHED_FROM = "001_704cf3c34c1ea446.txt"
KEYS = {
    "dim_articles": "article_key, source_file",
    "dim_people": "person_key, full_name",
    "dim_organizations": "organization_key, canonical_name",
    "fct_meetings": "meeting_key, meeting_date",
    "fct_mentions": "mention_key, person_key, organization_key",
    "fct_person_titles": "person_title_key, person_key, organization_key",
    "fct_meeting_participants": "participant_key, meeting_key, person_key",
    "dim_person_positions": "position_key, person_key, title",
}


@pytest.mark.parametrize("table", sorted(KEYS))
def test_adding_articles_keeps_every_key(builds, extended, table):
    warehouse, *_ = builds
    before = set(rows(warehouse, f"select {KEYS[table]} from {table}"))
    after = set(rows(extended, f"select {KEYS[table]} from {table}"))
    assert before <= after, f"{table} lost or re-keyed {sorted(before - after)[:5]}"
    assert len(after) > len(before)


def test_a_republished_article_joins_the_meeting_it_reports(builds, extended):
    warehouse, *_ = builds
    copy = "dang-lai/lam-viec-voi-thanh-uy.txt"
    sql = (
        "select b.meeting_key, a.source_file from bridge_meeting_articles b "
        "join dim_articles a using (article_key) where a.source_file in (?, ?)"
    )
    [(meeting_key, _)] = rows(warehouse, sql, [REPUBLISHED_FROM, copy])
    joined = rows(extended, sql, [REPUBLISHED_FROM, copy])
    assert sorted(f for _, f in joined) == [REPUBLISHED_FROM, copy]
    assert {k for k, _ in joined} == {meeting_key}
    meeting = rows(
        extended, "select article_count, link_reasons from fct_meetings where meeting_key = ?", [meeting_key]
    )
    [(article_count, reasons)] = meeting
    assert article_count == 2 and "republished" in reasons.split("; ")
