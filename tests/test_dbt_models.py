"""The dbt project on hand-made raw tables: contract tables, person folding, stable keys, empty input.

Each build runs ``dbt build`` in a subprocess on a DuckDB file under ``tmp_path`` whose schema
``raw`` holds the tables of docs/RAW_SCHEMA.md, with its own ``--target-path`` and ``--log-path``
so that tests (and a parallel ``dagster dev``) never share dbt/target.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date, datetime

import duckdb
import pytest
from bad_inputs import congress_article, delegates
from dbt_support import SHARED, WITHOUT_TESTS, dbt_build, query, snapshot, write_raw

from vnpolitics.warehouse.batch_extraction import extract_folder
from vnpolitics.warehouse.load import load_raw_frames

# four dbt builds of its own, none from the session's sample build
pytestmark = [pytest.mark.warehouse, pytest.mark.heavy(seconds=90, samples=False)]

A1, A2, A3 = "a1a1a1a1a1a1a1a1", "b2b2b2b2b2b2b2b2", "c3c3c3c3c3c3c3c3"
TEXT1 = (
    "Sáng 9/5, Tỉnh ủy Nghệ An họp. Đồng chí Nguyễn Văn Thuý, Bí thư Tỉnh ủy chủ trì; "
    "bà Trần Thị Hoà, Chủ tịch Ủy ban nhân dân tỉnh phát biểu. Chiều cùng ngày, ông Hoàng Quý dự họp."
)
TEXT2 = "Ngày 31/5, Ban Tổ chức Trung ương họp. Ông Nguyễn Văn Thúy dự. Ông Nguyễn  Văn Thúy nói. UBND tỉnh."


def span(text: str, part: str) -> tuple[int, int]:
    """(char_start, char_end) of the first occurrence of ``part`` in ``text``."""
    start = text.index(part)
    return start, start + len(part)


RAW_ROWS: dict[str, list[tuple]] = {
    "ingest_files": [
        ("news/001.txt", "a1" * 32, 1200, "loaded", None, A1, "utf-8", None),
        ("news/002.txt", "b2" * 32, 900, "loaded", None, A2, "utf-16", "bom,crlf"),
        ("news/003.txt", "c3" * 32, 50, "loaded", None, A3, "utf-8", ""),
        ("copies/001 copy.txt", "a1" * 32, 1200, "duplicate", "duplicate of news/001.txt", A1, "utf-8", None),
        ("junk/photo.jpg", None, 4096, "rejected", "not text", None, None, None),
    ],
    "articles": [
        (
            A1,
            "news/001.txt",
            "a1" * 32,
            " Tỉnh ủy Nghệ An họp ",
            datetime(2024, 5, 10, 8, 30),
            "Báo Nghệ An",
            "Minh Anh",
            TEXT1,
            "utf-8",
            "test",
        ),
        (
            A2,
            "news/002.txt",
            "b2" * 32,
            "Ban Tổ chức Trung ương họp",
            datetime(2024, 6, 1, 7, 0),
            "Nhân Dân",
            None,
            TEXT2,
            "utf-16",
            "test",
        ),
        (A3, "news/003.txt", "c3" * 32, "Tin ngắn", None, None, "", "Tin ngắn.", "utf-8", "test"),
    ],
    "captions": [(A1, 0, 0, 9, "Sáng 9/5,", "TTXVN")],
    "sentences": [
        (A1, 0, *span(TEXT1, TEXT1[:30]), TEXT1[:30]),
        (A1, 1, 31, 138, TEXT1[31:138]),
        (A1, 2, 139, len(TEXT1), TEXT1[139:]),
        (A2, 0, 0, 38, TEXT2[:38]),
    ],
    "person_mentions": [
        (A1, 0, "Nguyễn Văn Thuý", "Nguyễn Văn Thuý", *span(TEXT1, "Nguyễn Văn Thuý"), 1, 0.9),
        (A1, 1, "Trần Thị Hoà", "Trần Thị Hoà", *span(TEXT1, "Trần Thị Hoà"), 1, 0.9),
        (A1, 2, "Hoàng Quý", "Hoàng Quý", *span(TEXT1, "Hoàng Quý"), 2, 0.8),
        (A2, 0, "Nguyễn Văn Thúy", "Nguyễn Văn Thúy", *span(TEXT2, "Nguyễn Văn Thúy"), 1, 0.95),
        (A2, 1, "Nguyễn  Văn Thúy", "Nguyễn  Văn Thúy", *span(TEXT2, "Nguyễn  Văn Thúy"), 2, 0.95),
    ],
    "person_titles": [
        (
            A1,
            "Nguyễn Văn Thuý",
            "Bí thư Tỉnh ủy",
            "Tỉnh ủy Nghệ An",
            *span(TEXT1, "Bí thư Tỉnh ủy"),
            1,
            "Bí thư",
            "Bí thư Tỉnh ủy Nghệ An",
            "Tỉnh ủy Nghệ An",
            False,
        ),
        (
            A1,
            "Trần Thị Hoà",
            "Chủ tịch Ủy ban nhân dân tỉnh",
            "Ủy ban nhân dân tỉnh Nghệ An",
            *span(TEXT1, "Chủ tịch Ủy ban nhân dân tỉnh"),
            1,
            "Chủ tịch",
            "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An",
            "Ủy ban nhân dân tỉnh Nghệ An",
            False,
        ),
        (
            A1,
            "Trần Thị Hoà",
            "Chủ tịch Ủy ban nhân dân tỉnh",
            None,
            *span(TEXT1, "Chủ tịch Ủy ban nhân dân tỉnh"),
            1,
            "Chủ tịch",
            "Chủ tịch Ủy ban nhân dân tỉnh",
            "Ủy ban nhân dân tỉnh",
            False,
        ),
    ],
    "organization_mentions": [
        (A1, 0, "Tỉnh ủy Nghệ An", "Tỉnh ủy Nghệ An", *span(TEXT1, "Tỉnh ủy Nghệ An"), 0, "party"),
        (
            A1,
            1,
            "Ủy ban nhân dân tỉnh Nghệ An",
            "Ủy ban nhân dân tỉnh",
            *span(TEXT1, "Ủy ban nhân dân tỉnh"),
            1,
            "government",
        ),
        (
            A2,
            0,
            "Ban Tổ chức Trung ương",
            "Ban Tổ chức Trung ương",
            *span(TEXT2, "Ban Tổ chức Trung ương"),
            0,
            "party",
        ),
        (A2, 1, "Uỷ ban nhân dân tỉnh Nghệ An", "UBND tỉnh", *span(TEXT2, "UBND tỉnh"), 3, None),
    ],
    "organizations": [
        (A1, "Tỉnh ủy Nghệ An", "party_committee", "province", "Nghệ An", "Ban Chấp hành Trung ương Đảng"),
        (A1, "Ban Chấp hành Trung ương Đảng", "party_committee", "central", None, None),
        (A1, "Ủy ban nhân dân tỉnh Nghệ An", "peoples_committee", "province", "Nghệ An", None),
        (A2, "Ban Tổ chức Trung ương", "party_commission", "central", None, "Ban Chấp hành Trung ương Đảng"),
        (A2, "Ban Chấp hành Trung ương Đảng", "party_committee", "central", None, None),
        (A2, "Ủy ban nhân dân tỉnh Nghệ An", "peoples_committee", "province", "Nghệ An", None),
    ],
    "meetings": [
        (A1, 0, date(2024, 5, 9), True, "sáng", "họp", "Sáng 9/5", 0, 30, 0, "publication"),
        (A1, 1, None, None, "chiều", "họp", "Chiều cùng ngày", 139, len(TEXT1), 2, None),
        (A2, 0, date(2024, 5, 31), True, None, "họp", "Ngày 31/5", 0, 38, 0, "year_vote"),
    ],
    "meeting_organizers": [
        (A1, 0, "Tỉnh ủy Nghệ An"),
        (A2, 0, "Ban Tổ chức Trung ương"),
    ],
    "participant_roles": [
        (A1, 0, "Nguyễn Văn Thuý", "chair", *span(TEXT1, "Nguyễn Văn Thuý, Bí thư Tỉnh ủy chủ trì"), 1),
        (A1, 0, "Nguyễn Văn Thuý", "chair", *span(TEXT1, "Nguyễn Văn Thuý"), 1),
        (A1, 0, "Trần Thị Hoà", "speaker", *span(TEXT1, "Trần Thị Hoà, Chủ tịch"), 1),
        (A1, 1, "Hoàng Quý", "attendee", *span(TEXT1, "Hoàng Quý dự họp"), 2),
        (A2, 0, "Nguyễn Văn Thúy", "attendee", *span(TEXT2, "Nguyễn Văn Thúy dự"), 1),
    ],
}

CONTRACT_COLUMNS: dict[str, set[str]] = {
    "dim_articles": {"article_key", "source_file", "title", "published_at", "source_outlet", "author"},
    "dim_people": {"person_key", "full_name"},
    "dim_organizations": {"organization_key", "canonical_name"},
    "fct_meetings": {"meeting_key", "meeting_date", "date_is_inferred", "meeting_kind"},
    "bridge_meeting_articles": {"meeting_key", "article_key"},
    "fct_meeting_participants": {"meeting_key", "person_key", "role"},
    "fct_mentions": {
        "mention_key",
        "article_key",
        "meeting_key",
        "person_key",
        "organization_key",
        "surface_text",
        "char_start",
        "char_end",
    },
    "ingest_files": {"source_file", "content_hash", "status", "reason", "article_key"},
    "fct_person_titles": {"article_key", "person_key", "title", "organization_key", "observed_on"},
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The hand-made raw tables built once: (warehouse, its tables, dbt's stdout).

    That a rebuild keeps every key and row is test_end_to_end's (on the samples, every table).
    """
    root = tmp_path_factory.mktemp("dbt_models")
    warehouse = root / "warehouse.duckdb"
    write_raw(warehouse, RAW_ROWS)
    proc = dbt_build(warehouse, root)
    return warehouse, snapshot(warehouse), proc.stdout


def test_contract_tables_have_required_columns(built):
    warehouse, *_ = built
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table, required in CONTRACT_COLUMNS.items():
            columns = {
                r[0]
                for r in con.execute(
                    "select column_name from information_schema.columns "
                    "where table_schema = 'main' and table_name = ?",
                    [table],
                ).fetchall()
            }
            assert columns, f"{table} missing from schema main"
            assert required <= columns, f"{table} lacks {required - columns}"


def test_layers_land_in_their_schemas(built):
    warehouse, *_ = built
    found = dict(query(warehouse, "select table_name, table_schema from information_schema.tables"))
    assert found["stg_articles"] == "staging"
    assert found["int_people_resolved"] == "intermediate"
    assert found["dim_people"] == "main"


def test_tone_placement_spellings_are_one_person(built):
    warehouse, *_ = built
    rows = query(
        warehouse,
        "select full_name, mention_count, article_count from dim_people where full_name like 'Nguyễn%'",
    )
    # 'Thuý' (old placement) x3, 'Thúy' x2 and a double-spaced 'Thúy': one person; the most
    # frequent printed spelling wins.
    assert rows == [("Nguyễn Văn Thuý", 3, 2)]
    names = {r[0] for r in query(warehouse, "select full_name from dim_people")}
    assert names == {"Nguyễn Văn Thuý", "Trần Thị Hoà", "Hoàng Quý"}
    orgs = query(
        warehouse,
        "select canonical_name, mention_count from dim_organizations "
        "where canonical_name like '%ban nhân dân%'",
    )
    assert len(orgs) == 1 and orgs[0][1] == 2


def test_every_loaded_article_is_in_dim_articles(built):
    warehouse, *_ = built
    keys = {r[0] for r in query(warehouse, "select article_key from dim_articles")}
    assert keys == {A1, A2, A3}
    empty = query(warehouse, f"select author, meeting_count from dim_articles where article_key = '{A3}'")
    assert empty == [(None, 0)]
    statuses = dict(query(warehouse, "select source_file, status from ingest_files"))
    assert statuses["junk/photo.jpg"] == "rejected"
    assert statuses["copies/001 copy.txt"] == "duplicate"


def test_facts(built):
    warehouse, *_ = built
    assert query(warehouse, "select count(*) from fct_meetings") == [(3,)]
    bridge = query(warehouse, "select count(*), count(distinct article_key) from bridge_meeting_articles")
    assert bridge == [(3, 2)]
    # the two 'chair' statements for one person at one meeting are one row
    assert query(
        warehouse, "select role, evidence_count from fct_meeting_participants where role = 'chair'"
    ) == [("chair", 2)]
    # A1 has two meetings: a mention after the second meeting's evidence belongs to it
    rows = query(
        warehouse,
        f"""
        select m.surface_text, mt.meeting_date, mt.time_of_day
        from fct_mentions m left join fct_meetings mt using (meeting_key)
        where m.article_key = '{A1}' and m.mention_kind = 'person' order by m.mention_index""",
    )
    assert rows == [
        ("Nguyễn Văn Thuý", date(2024, 5, 9), "sáng"),
        ("Trần Thị Hoà", date(2024, 5, 9), "sáng"),
        ("Hoàng Quý", None, "chiều"),
    ]
    # A2 reports one meeting: every mention of A2 is tied to it
    assert query(
        warehouse, f"select count(*) from fct_mentions where article_key = '{A2}' and meeting_key is null"
    ) == [(0,)]
    titles = query(
        warehouse,
        """
        select p.full_name, t.title, o.canonical_name, t.observed_on
        from fct_person_titles t join dim_people p using (person_key)
        left join dim_organizations o using (organization_key) order by 1""",
    )
    assert titles == [
        ("Nguyễn Văn Thuý", "Bí thư Tỉnh ủy", "Tỉnh ủy Nghệ An", date(2024, 5, 9)),
        ("Trần Thị Hoà", "Chủ tịch Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh Nghệ An", date(2024, 5, 9)),
    ]


def test_every_mart_constraint_is_enforced_by_the_warehouse(built):
    """The marts carry no not_null/unique data tests where their contract declares the
    constraint: DuckDB enforces it when dbt creates the table, so it must be in the catalog."""
    warehouse, *_ = built
    manifest = json.loads((warehouse.parent / "target" / "manifest.json").read_text(encoding="utf-8"))
    declared = {
        (node["name"], column["name"], constraint["type"])
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["config"]["contract"]["enforced"]
        for column in node["columns"].values()
        for constraint in column["constraints"]
    }
    assert len({(m, c) for m, c, kind in declared if kind == "primary_key"}) >= 10
    kinds = {"NOT NULL": "not_null", "PRIMARY KEY": "primary_key", "UNIQUE": "unique"}
    enforced = {
        (table, column, kinds[kind])
        for table, columns, kind in query(
            warehouse,
            "select table_name, constraint_column_names, constraint_type from duckdb_constraints() "
            "where schema_name = 'main' and constraint_type in ('NOT NULL', 'PRIMARY KEY', 'UNIQUE')",
        )
        for column in columns
    }
    assert declared <= enforced, sorted(declared - enforced)[:10]


def test_build_has_no_warnings(built):
    *_, stdout = built
    assert "WARN" not in stdout.replace("WARN=0", ""), stdout[-3000:]
    assert "Deprecat" not in stdout, stdout[-3000:]


def test_score_queries_run(built, tmp_path):
    """score.py reads every contract table of this warehouse and scores each metric (the
    hand-made articles are not the gold ones, so the figures themselves say nothing here)."""
    score = SHARED / "eval" / "score.py"
    if not score.exists():
        pytest.skip(f"{score} not found")
    warehouse, *_ = built
    result = tmp_path / "score.json"
    proc = subprocess.run(
        [
            sys.executable,
            str(score),
            "--warehouse",
            str(warehouse),
            "--gold",
            str(SHARED / "eval" / "gold"),
            "--json",
            str(result),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    flat = json.loads(result.read_text(encoding="utf-8"))["flat"]
    assert set(flat) >= {"people_f1", "titles_f1", "roles_f1", "organizations_f1", "metadata_accuracy"}
    assert all(0.0 <= value <= 1.0 for value in flat.values()), flat


def test_empty_raw_schema_builds(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    write_raw(warehouse, {"ingest_files": [("bad.bin", None, 3, "rejected", "not text", None, None, None)]})
    dbt_build(warehouse, tmp_path, command=WITHOUT_TESTS)
    counts = {t: query(warehouse, f"select count(*) from main.{t}")[0][0] for t in CONTRACT_COLUMNS}
    assert counts.pop("ingest_files") == 1
    assert set(counts.values()) == {0}


def test_articles_without_people_fail_the_build(tmp_path):
    """A collapse (articles loaded, nobody extracted) is an error, not an empty mart."""
    warehouse = tmp_path / "warehouse.duckdb"
    people_tables = ("person_mentions", "person_titles", "participant_roles")
    write_raw(warehouse, {t: rows for t, rows in RAW_ROWS.items() if t not in people_tables})
    # dim_people, what it is built from and the tests on them alone (cautious indirect selection)
    people = ("build", "--select", "+dim_people", "--indirect-selection", "cautious")
    proc = dbt_build(warehouse, tmp_path, expect_success=False, command=people)
    assert proc.returncode != 0
    failed = set(re.findall(r"Failure in test (\S+)", proc.stdout))
    assert failed == {"not_empty_when_articles_loaded_dim_people_"}, proc.stdout[-3000:]


def test_every_model_and_column_is_documented(built):
    """Each model of the project has a description, and so does every column it builds."""
    warehouse, *_ = built
    manifest = json.loads((warehouse.parent / "target" / "manifest.json").read_text(encoding="utf-8"))
    models = [n for n in manifest["nodes"].values() if n["resource_type"] in ("model", "seed")]
    assert len(models) > 20
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for node in models:
            assert node["description"].strip(), f"{node['name']} has no description"
            built_columns = {
                r[0]
                for r in con.execute(
                    "select column_name from information_schema.columns "
                    "where table_name = ? and table_schema = ?",
                    [node["name"], node["schema"]],
                ).fetchall()
            }
            documented = {name for name, column in node["columns"].items() if column["description"].strip()}
            assert built_columns, f"{node['name']} was not built"
            assert built_columns <= documented, f"{node['name']}: undocumented {built_columns - documented}"


def test_fct_co_attendance_leaves_out_a_meeting_too_large_to_pair(tmp_path):
    """A congress naming more attendees than the cap is not paired, and is everywhere else; one
    naming exactly the cap is paired in full."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "congress.txt").write_text(congress_article(40), encoding="utf-8")
    at_cap = congress_article(30, province="Lào Cai", day="5/11/2020", first=40)
    (raw / "at-cap.txt").write_text(at_cap, encoding="utf-8")
    warehouse = tmp_path / "warehouse.duckdb"
    load_raw_frames(warehouse, extract_folder(raw))
    dbt_build(warehouse, tmp_path, command=WITHOUT_TESTS, CO_ATTENDANCE_MAX_ATTENDEES="30")
    meetings = query(
        warehouse,
        "select dim_articles.source_file, attendee_count, in_co_attendance from fct_meetings "
        "join dim_articles using (article_key) order by 1",
    )
    assert meetings == [("at-cap.txt", 30, True), ("congress.txt", 40, False)]
    (attending,) = query(
        warehouse,
        "select count(distinct person_key) from fct_meeting_participants "
        "join fct_meetings using (meeting_key) where not in_co_attendance and role <> 'mentioned'",
    )[0]
    assert attending == 40
    pairs = query(warehouse, "select person_a_name, person_b_name from fct_co_attendance")
    capped = set(delegates(40))
    assert not [pair for pair in pairs if capped & set(pair)], "a delegate of the capped meeting was paired"
    paired = set(delegates(30, first=40))
    assert len([pair for pair in pairs if set(pair) <= paired]) == len(pairs) == 30 * 29 // 2


def test_fct_meetings_says_which_clue_dated_each_meeting(built):
    warehouse, *_ = built
    rows = query(
        warehouse,
        "select meeting_date, date_basis from fct_meetings join dim_articles using (article_key) "
        "order by source_file, meeting_index",
    )
    assert rows == [(date(2024, 5, 9), "publication"), (None, None), (date(2024, 5, 31), "year_vote")]
