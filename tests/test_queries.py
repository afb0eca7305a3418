"""The analysts' worked questions in queries/: each runs as a plain file and answers its question.

Every query is checked twice: on the warehouse built from the sample articles (against the same
answer computed another way, in Python over the mart rows) and on a tiny hand-made warehouse whose
answers are written out here, so a wrong join or filter fails even where the samples are too small
to show it (the samples have no undated meeting, for one).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import combinations
from pathlib import Path
from typing import Any

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[1]
QUERIES = REPO / "queries"
ATTENDING_ROLES = ("attendee", "chair", "speaker", "presenter")

Rows = list[tuple[Any, ...]]


# --------------------------------------------------------------------------- helpers


def query_files() -> list[Path]:
    return sorted(QUERIES.glob("*.sql"))


def query_text(name: str) -> str:
    return (QUERIES / f"{name}.sql").read_text(encoding="utf-8")


def documented_columns(text: str) -> list[str]:
    """The column names the header's `-- Columns:` block lists, in order (continuation lines skipped)."""
    lines = text.splitlines()
    start = lines.index("-- Columns:")
    columns = []
    for line in lines[start + 1 :]:
        if line.strip() == "--":
            break
        match = re.match(r"^-- {3}(\w+)\s", line)
        if match:
            columns.append(match.group(1))
    return columns


@contextmanager
def reader(warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection, as the query headers tell analysts to open the warehouse."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        yield con
    finally:
        con.close()


def run_query(warehouse: Path, name: str, person: str | None = None) -> tuple[list[str], Rows]:
    """Run queries/<name>.sql as its header says (con.sql on the file's text), optionally setting `person`."""
    with reader(warehouse) as con:
        if person is not None:
            con.execute("SET VARIABLE person = ?", [person])
        relation = con.sql(query_text(name))
        return list(relation.columns), relation.fetchall()


def as_dicts(columns: list[str], rows: Rows) -> list[dict[str, Any]]:
    return [dict(zip(columns, row, strict=True)) for row in rows]


def fetch(warehouse: Path, sql: str) -> Rows:
    with reader(warehouse) as con:
        return con.execute(sql).fetchall()


# --------------------------------------------------------------------------- a hand-made warehouse

D = dt.date
# fmt: off
TINY_TABLES = {
    "dim_articles": (
        "article_key varchar, source_file varchar, title varchar, published_at timestamp, "
        "source_outlet varchar, clean_text varchar, url varchar",
        [
            ("a1", "2024/a1.txt", "Hội nghị Tỉnh ủy Nam Định", dt.datetime(2024, 1, 5, 8), "Báo Nam Định",
             "Sáng 5/1, Tỉnh ủy Nam Định tổ chức hội nghị. Hôm qua, Tỉnh ủy cũng đã họp.", None),
            ("a2", "2024/a2.txt", "Làm việc với Ban Tổ chức", dt.datetime(2024, 1, 20, 9), "Báo Nam Định",
             "Chiều 20/1, đoàn công tác làm việc.", None),
            ("a3", "2024/a3.txt", "Ban Tổ chức Trung ương họp", dt.datetime(2024, 3, 2, 7), "Nhân Dân",
             "Ngày 2/3, Ban Tổ chức Trung ương họp.", None),
            ("a4", "undated/a4.txt", "Buổi làm việc không ngày", None, None,
             "Đoàn công tác đã làm việc với tỉnh.", None),
            ("a5", "2023/a5.txt", "Tổng kết năm", dt.datetime(2023, 12, 30, 10), "Báo Nam Định",
             "Hôm qua, Tỉnh ủy đã họp tổng kết.", "https://baonamdinh.example/a5"),
        ],
    ),
    "dim_people": (
        "person_key varchar, full_name varchar, spelling_variants varchar",
        [
            ("p1", "Nguyễn Văn Thúy", "Nguyễn Văn Thuý; Nguyễn Văn Thúy"),
            ("p2", "Trần Thị Hoa", "Trần Thị Hoa"),
            ("p3", "Lê Minh Đức", "Lê Minh Đức"),
            ("p4", "Phạm Quang Nghị", "Phạm Quang Nghị"),
            ("p6", "Nguyễn Văn Thủy", "Nguyễn Văn Thủy"),
            # 22 people at one meeting each, keyed in the reverse order of their names (ties go by name)
            *[(f"f{21 - i:02d}", f"Người Dự {i:02d}", f"Người Dự {i:02d}") for i in range(22)],
        ],
    ),
    "dim_organizations": (
        "organization_key varchar, canonical_name varchar, organization_level varchar, "
        "parent_organization_key varchar",
        [
            ("o1", "Tỉnh ủy Nam Định", "province", "o3"),
            ("o2", "Ban Tổ chức Tỉnh ủy Nam Định", "province", "o1"),
            ("o3", "Ban Chấp hành Trung ương Đảng", "central", None),
            ("o4", "Ủy ban nhân dân tỉnh Nam Định", "province", None),
            ("o5", "Ban Tổ chức Trung ương", "central", "o3"),
        ],
    ),
    "fct_meetings": (
        "meeting_key varchar, meeting_date date, date_is_inferred boolean, meeting_kind varchar, "
        "time_of_day varchar, date_text varchar, article_key varchar, meeting_index integer, "
        "organizers varchar, article_count bigint",
        [
            ("m1", D(2024, 1, 5), False, "hội nghị", "sáng", "Sáng 5/1", "a1", 0,
             "Ban Tổ chức Tỉnh ủy Nam Định; Tỉnh ủy Nam Định", 2),
            ("m2", D(2024, 1, 20), True, "buổi làm việc", "chiều", "Chiều 20/1", "a2", 0,
             "Tỉnh ủy Nam Định", 1),
            ("m3", D(2024, 3, 2), False, "hội nghị", None, "Ngày 2/3", "a3", 0,
             "Ban Tổ chức Trung ương", 1),
            ("m4", None, True, "buổi làm việc", None, None, "a4", 0, "", 1),
            ("m5", None, True, "hội nghị tổng kết", None, "Hôm qua", "a5", 0,
             "Ban Tổ chức Tỉnh ủy Nam Định; Tỉnh ủy Nam Định", 2),
        ],
    ),
    # m4's only report is missing from the bridge on purpose: undated_meetings must still list it.
    "bridge_meeting_articles": (
        "meeting_key varchar, article_key varchar, meeting_index integer, char_start integer, "
        "char_end integer, date_text varchar",
        [
            ("m1", "a1", 0, 0, 44, "Sáng 5/1"),
            ("m1", "a2", 1, 0, 10, "Sáng 5/1"),
            ("m2", "a2", 0, 0, 35, "Chiều 20/1"),
            ("m3", "a3", 0, 0, 37, "Ngày 2/3"),
            ("m5", "a5", 0, 0, 33, "Hôm qua"),
            ("m5", "a1", 1, 45, 74, "Hôm qua"),
        ],
    ),
    "bridge_meeting_organizers": (
        "meeting_key varchar, organization_key varchar",
        [("m1", "o1"), ("m1", "o2"), ("m2", "o1"), ("m3", "o5"), ("m5", "o1"), ("m5", "o2")],
    ),
    "fct_meeting_participants": (
        "meeting_key varchar, person_key varchar, role varchar",
        [
            ("m1", "p1", "chair"), ("m1", "p1", "speaker"), ("m1", "p2", "attendee"),
            ("m1", "p4", "mentioned"),
            ("m2", "p1", "attendee"), ("m2", "p2", "speaker"), ("m2", "p3", "presenter"),
            ("m3", "p1", "attendee"), ("m3", "p4", "mentioned"),
            ("m4", "p2", "attendee"),
            ("m5", "p3", "attendee"), ("m5", "p4", "mentioned"),
            *[("m3", f"f{i:02d}", "attendee") for i in range(22)],
        ],
    ),
    "fct_mentions": (
        "mention_key varchar, mention_kind varchar, article_key varchar, meeting_key varchar, "
        "person_key varchar, organization_key varchar, surface_text varchar, char_start integer, "
        "char_end integer",
        [
            ("n1", "organization", "a1", "m1", None, "o3", "Trung ương", 0, 1),
            ("n2", "organization", "a1", "m1", None, "o3", "T.Ư", 0, 1),
            ("n3", "organization", "a1", "m1", None, "o4", "UBND tỉnh", 0, 1),
            ("n4", "organization", "a2", "m2", None, "o2", "Ban Tổ chức", 0, 1),
            ("n5", "organization", "a2", "m2", None, "o3", "Trung ương", 0, 1),
            ("n6", "organization", "a3", "m3", None, "o3", "Trung ương", 0, 1),
            ("n7", "organization", "a3", "m3", None, "o1", "Tỉnh ủy", 0, 1),
            ("n8", "organization", "a4", "m4", None, "o4", "tỉnh", 0, 1),
            ("n9", "organization", "a1", None, None, "o5", "Ban Tổ chức T.Ư", 0, 1),
            ("n10", "person", "a1", "m1", "p1", None, "Nguyễn Văn Thúy", 0, 1),
        ],
    ),
    "fct_person_titles": (
        "article_key varchar, person_key varchar, title varchar, canonical_title varchar, post varchar, "
        "organization_key varchar, organization_level varchar, body_name varchar, is_former boolean, "
        "observed_on date, statement_count bigint",
        [
            ("a1", "p1", "Bí thư Tỉnh ủy", "Bí thư Tỉnh ủy Nam Định", "Bí thư", "o1", "province",
             "Tỉnh ủy Nam Định", False, D(2024, 1, 5), 1),
            ("a2", "p1", "Bí thư Tỉnh ủy Nam Định", "Bí thư Tỉnh ủy Nam Định", "Bí thư", "o1", "province",
             "Tỉnh ủy Nam Định", False, D(2024, 1, 20), 2),
            ("a3", "p1", "Ủy viên Trung ương Đảng", "Ủy viên Trung ương Đảng", "Ủy viên", "o3", "central",
             "Trung ương Đảng", False, D(2024, 3, 2), 1),
            ("a5", "p1", "Chủ tịch Ủy ban nhân dân tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh Nam Định",
             "Chủ tịch", "o4", "province", "Ủy ban nhân dân tỉnh Nam Định", True, D(2023, 12, 30), 1),
            ("a1", "p2", "Trưởng ban Tổ chức Tỉnh ủy", "Trưởng Ban Tổ chức Tỉnh ủy Nam Định", "Trưởng ban",
             "o2", "province", "Ban Tổ chức Tỉnh ủy Nam Định", False, D(2024, 1, 5), 1),
            ("a2", "p3", "Phó Trưởng ban Tổ chức Tỉnh ủy", "Phó Trưởng Ban Tổ chức Tỉnh ủy Nam Định",
             "Phó Trưởng ban", "o2", "province", "Ban Tổ chức Tỉnh ủy Nam Định", False, D(2024, 1, 20), 1),
            ("a2", "p3", "Tỉnh ủy viên", "Ủy viên Tỉnh ủy Nam Định", "Ủy viên", "o1", "province",
             "Tỉnh ủy Nam Định", False, D(2024, 1, 20), 1),
            ("a2", "p3", "Phó Trưởng Ban Chỉ đạo", "Phó Trưởng Ban Chỉ đạo", "Phó Trưởng ban", None, None,
             "Ban Chỉ đạo", False, D(2024, 1, 20), 1),
            ("a5", "p3", "Đại biểu Quốc hội", "Đại biểu Quốc hội", "Đại biểu Quốc hội", None, None, None,
             False, D(2023, 12, 30), 1),
            ("a3", "p6", "Giám đốc Sở Tài chính", "Giám đốc Sở Tài chính", "Giám đốc", None, None,
             "Sở Tài chính", False, D(2024, 3, 2), 1),
        ],
    ),
    # A career story: p1 elected secretary in 2020 and relieved in 2024; p2 transferred into that
    # seat the same day; p3 moved up within the organisation commission; p4 died in office; p6
    # disciplined, last seen long ago.
    "dim_person_positions": (
        "position_key varchar, person_key varchar, full_name varchar, title varchar, "
        "organization_name varchar, start_date date, start_basis varchar, end_date date, end_basis varchar, "
        "end_reason varchar, end_event_key varchar, status varchar, last_seen_on date",
        [
            ("pp1", "p1", "Nguyễn Văn Thúy", "Bí thư Tỉnh ủy Nam Định", "Tỉnh ủy Nam Định", D(2020, 1, 10),
             "event", D(2024, 2, 1), "event", "relieved", "ev3", "ended", D(2024, 1, 20)),
            ("pp2", "p2", "Trần Thị Hoa", "Bí thư Tỉnh ủy Nam Định", "Tỉnh ủy Nam Định", D(2024, 2, 1),
             "event", None, None, None, None, "current", D(2024, 3, 2)),
            ("pp3", "p3", "Lê Minh Đức", "Phó Trưởng Ban Tổ chức Tỉnh ủy Nam Định",
             "Ban Tổ chức Tỉnh ủy Nam Định", D(2023, 5, 1), "first_seen", D(2024, 1, 20), "event", "assigned",
             "ev5", "ended", D(2024, 1, 20)),
            ("pp4", "p3", "Lê Minh Đức", "Trưởng Ban Tổ chức Tỉnh ủy Nam Định",
             "Ban Tổ chức Tỉnh ủy Nam Định", D(2024, 1, 20), "event", None, None, None, None, "current",
             D(2024, 3, 2)),
            ("pp5", "p4", "Phạm Quang Nghị", "Chủ tịch Ủy ban nhân dân tỉnh Nam Định",
             "Ủy ban nhân dân tỉnh Nam Định", D(2019, 6, 1), "first_seen", D(2023, 12, 30), "event", "died",
             "ev6", "ended", D(2023, 11, 1)),
            ("pp6", "p6", "Nguyễn Văn Thủy", "Giám đốc Sở Tài chính", None, D(2021, 3, 1), "first_seen", None,
             None, None, None, "unknown", D(2021, 9, 1)),
        ],
    ),
    "fct_personnel_events": (
        "personnel_event_key varchar, article_key varchar, person_key varchar, kind varchar, "
        "discipline_level varchar, canonical_title varchar, previous_canonical_title varchar, "
        "deciding_body varchar, decision_number varchar, decision_date date, effective_date date, "
        "event_on date, event_on_basis varchar",
        [
            ("ev1", "a1", "p1", "elected", None, "Bí thư Tỉnh ủy Nam Định", None,
             "Ban Chấp hành Đảng bộ tỉnh Nam Định", None, None, None, D(2020, 1, 10), "printed"),
            ("ev3", "a2", "p1", "relieved", None, "Bí thư Tỉnh ủy Nam Định", None, "Bộ Chính trị", "12-QĐ/TW",
             D(2024, 1, 18), D(2024, 2, 1), D(2024, 1, 20), "printed"),
            ("ev4", "a2", "p2", "assigned", None, "Bí thư Tỉnh ủy Nam Định", "Phó Bí thư Tỉnh ủy Nam Định",
             "Bộ Chính trị", "13-QĐ/TW", D(2024, 1, 18), D(2024, 2, 1), D(2024, 1, 20), "printed"),
            ("ev5", "a2", "p3", "assigned", None, "Trưởng Ban Tổ chức Tỉnh ủy Nam Định",
             "Phó Trưởng Ban Tổ chức Tỉnh ủy Nam Định", "Ban Thường vụ Tỉnh ủy Nam Định", None, None, None,
             D(2024, 1, 20), "article"),
            ("ev6", "a5", "p4", "died", None, "Chủ tịch Ủy ban nhân dân tỉnh Nam Định", None, None, None,
             None, None, D(2023, 12, 30), "printed"),
            ("ev7", "a3", "p6", "disciplined", "cảnh cáo", "Giám đốc Sở Tài chính", None,
             "Ủy ban Kiểm tra Trung ương", None, None, None, D(2024, 3, 2), "article"),
            ("ev8", "a5", "p2", "appointed", None, "Phó Bí thư Tỉnh ủy Nam Định", None, "Bộ Chính trị", None,
             None, None, D(2023, 12, 30), "article"),
        ],
    ),
}
# fmt: on


@pytest.fixture(scope="module")
def tiny_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Only the mart tables and columns the queries read, with a handful of rows whose answers are known."""
    path = tmp_path_factory.mktemp("tiny_warehouse") / "warehouse.duckdb"
    with duckdb.connect(str(path)) as con:
        for table, (ddl, rows) in TINY_TABLES.items():
            con.execute(f"create table main.{table} ({ddl})")
            placeholders = ", ".join(["?"] * len(rows[0]))
            con.executemany(f"insert into main.{table} values ({placeholders})", [list(r) for r in rows])
    return path


@pytest.fixture(params=[pytest.param("sample", marks=pytest.mark.warehouse), "tiny"])
def any_warehouse(request: pytest.FixtureRequest) -> Path:
    """Both warehouses, for the checks that must hold whatever the data."""
    return request.getfixturevalue("sample_warehouse" if request.param == "sample" else "tiny_warehouse")


# --------------------------------------------------------------------------- every file


def test_every_query_file_has_a_test_of_its_own() -> None:
    """A new question without a test fails: each queries/<name>.sql needs a test_<name>_... here."""
    names = [path.stem for path in query_files()]
    assert len(names) >= 5
    tests = [name for name in globals() if name.startswith("test_")]
    untested = [name for name in names if not any(t.startswith(f"test_{name}_") for t in tests)]
    assert untested == []


@pytest.mark.parametrize("path", query_files(), ids=lambda p: p.name)
def test_every_query_has_a_header_and_is_one_statement(path: Path) -> None:
    """The header is what analysts read; one statement ending in ';' is what the CLI and con.sql both run."""
    text = path.read_text(encoding="utf-8")
    assert text.startswith("-- Question: ")
    for section in ("-- Columns:", "-- Caveats:", "-- Run it:"):
        assert section in text, section
    assert f"duckdb -readonly warehouse/warehouse.duckdb < queries/{path.name}" in text
    assert "read_only=True" in text and f'.sql(open("queries/{path.name}").read())' in text
    assert text.rstrip().endswith(";")
    with duckdb.connect() as con:
        assert len(con.extract_statements(text)) == 1
    code = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("--")]
    assert not any(re.match(r"\s*set\b", line, re.IGNORECASE) for line in code), "SET only in comments"
    columns = documented_columns(text)
    assert columns and len(columns) == len(set(columns))


@pytest.mark.parametrize("path", query_files(), ids=lambda p: p.name)
def test_every_query_returns_the_columns_its_header_documents(path: Path, any_warehouse: Path) -> None:
    """Run as a plain file (no variable set), each query answers with exactly the documented columns."""
    columns, _ = run_query(any_warehouse, path.stem)
    assert columns == documented_columns(path.read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- meetings_per_month


def expected_meetings_per_month(warehouse: Path) -> dict[dt.date | None, tuple[int, int]]:
    """Month -> (meetings, with inferred date), counted in Python from fct_meetings' rows."""
    meetings: Counter[dt.date | None] = Counter()
    inferred: Counter[dt.date | None] = Counter()
    for day, is_inferred in fetch(warehouse, "select meeting_date, date_is_inferred from fct_meetings"):
        month = day.replace(day=1) if day is not None else None
        meetings[month] += 1
        inferred[month] += bool(is_inferred and day is not None)
    return {month: (meetings[month], inferred[month]) for month in meetings}


def test_meetings_per_month_counts_every_meeting_once_on_the_samples(sample_warehouse: Path) -> None:
    """The monthly counts add up to fct_meetings and agree month by month with a count in Python."""
    columns, rows = run_query(sample_warehouse, "meetings_per_month")
    result = as_dicts(columns, rows)
    (total,) = fetch(sample_warehouse, "select count(*) from fct_meetings")[0]
    assert total > 0
    assert sum(r["meeting_count"] for r in result) == total
    assert {r["month"]: (r["meeting_count"], r["inferred_date_count"]) for r in result} == (
        expected_meetings_per_month(sample_warehouse)
    )
    dated = [r["month"] for r in result if r["month"] is not None]
    assert dated == sorted(dated) and len(dated) == len(set(dated))
    assert all(r["article_count"] >= 1 for r in result)


def test_meetings_per_month_on_a_hand_made_warehouse(tiny_warehouse: Path) -> None:
    """Two January meetings (one inferred), one in March, two undated in a null-month row, last."""
    assert run_query(tiny_warehouse, "meetings_per_month")[1] == [
        (D(2024, 1, 1), 2, 1, 2),  # m1 (a1, a2) and m2 (a2): two articles
        (D(2024, 3, 1), 1, 0, 1),
        (None, 2, 0, 3),  # m4 (a4, only as fct_meetings' best report) and m5 (a5, a1)
    ]


# --------------------------------------------------------------------------- most_active_attendees


def attendance_by_person(warehouse: Path) -> dict[str, dict[str, set[str]]]:
    """person_key -> role -> meetings, over the attending roles only, from the raw participant rows."""
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for meeting, person, role in fetch(
        warehouse, "select meeting_key, person_key, role from fct_meeting_participants"
    ):
        if role in ATTENDING_ROLES:
            out[person][role].add(meeting)
    return out


def check_most_active_attendees(warehouse: Path) -> list[dict[str, Any]]:
    """The query's top 20 agree with the count in Python: counts, order, and nobody better left out."""
    columns, rows = run_query(warehouse, "most_active_attendees")
    result = as_dicts(columns, rows)
    attendance = attendance_by_person(warehouse)
    meetings_of = {person: set().union(*roles.values()) for person, roles in attendance.items()}
    assert len(result) == min(20, len(meetings_of))
    for row in result:
        roles = attendance[row["person_key"]]
        assert row["meeting_count"] == len(meetings_of[row["person_key"]])
        assert row["chaired_count"] == len(roles["chair"])
        assert row["spoke_count"] == len(roles["speaker"])
        assert row["presented_count"] == len(roles["presenter"])
        assert row["attended_count"] == len(roles["attendee"])
        mix = dict(part.rsplit(" ", 1) for part in row["role_mix"].split(", "))
        assert {role: int(n) for role, n in mix.items()} == {r: len(m) for r, m in roles.items() if m}
    counts = [row["meeting_count"] for row in result]
    assert counts == sorted(counts, reverse=True)
    assert [row["attendance_rank"] for row in result] == [1 + sum(c > n for c in counts) for n in counts]
    left_out = set(meetings_of) - {row["person_key"] for row in result}
    assert all(len(meetings_of[p]) <= counts[-1] for p in left_out)
    return result


def test_most_active_attendees_agree_with_an_independent_count_on_the_samples(sample_warehouse: Path) -> None:
    result = check_most_active_attendees(sample_warehouse)
    names = dict(fetch(sample_warehouse, "select person_key, full_name from dim_people"))
    assert all(row["full_name"] == names[row["person_key"]] for row in result)


def test_most_active_attendees_on_a_hand_made_warehouse(tiny_warehouse: Path) -> None:
    """Two roles at one meeting count once; 'mentioned' is not attendance; ties go by name; top 20 only."""
    result = check_most_active_attendees(tiny_warehouse)
    top = [(r["attendance_rank"], r["full_name"], r["meeting_count"], r["role_mix"]) for r in result[:3]]
    assert top == [
        (1, "Nguyễn Văn Thúy", 3, "attendee 2, chair 1, speaker 1"),
        (1, "Trần Thị Hoa", 3, "attendee 2, speaker 1"),
        (3, "Lê Minh Đức", 2, "attendee 1, presenter 1"),
    ]
    assert (result[0]["first_meeting_on"], result[0]["last_meeting_on"]) == (D(2024, 1, 5), D(2024, 3, 2))
    # Trần Thị Hoa's third meeting (m4) has no date: her dates come from the dated two.
    assert (result[1]["first_meeting_on"], result[1]["last_meeting_on"]) == (D(2024, 1, 5), D(2024, 1, 20))
    assert [r["full_name"] for r in result[3:]] == [f"Người Dự {i:02d}" for i in range(17)]
    assert "Phạm Quang Nghị" not in {r["full_name"] for r in result}


# --------------------------------------------------------------------------- person_posts_over_time


def expected_posts(warehouse: Path, person_keys: set[str]) -> dict[tuple[str, str, bool], tuple[Any, ...]]:
    """(person, title, former) -> (first seen, last seen, articles), aggregated in Python."""
    dates: dict[tuple[str, str, bool], list[dt.date]] = defaultdict(list)
    articles: dict[tuple[str, str, bool], set[str]] = defaultdict(set)
    for person, title, former, day, article in fetch(
        warehouse,
        "select person_key, canonical_title, is_former, observed_on, article_key from fct_person_titles",
    ):
        if person in person_keys:
            dates[(person, title, former)].append(day)
            articles[(person, title, former)].add(article)
    out = {}
    for key, days in dates.items():
        known = [d for d in days if d is not None]
        out[key] = (min(known, default=None), max(known, default=None), len(articles[key]))
    return out


def result_posts(columns: list[str], rows: Rows) -> dict[tuple[str, str, bool], tuple[Any, ...]]:
    out = {}
    for row in as_dicts(columns, rows):
        key = (row["person_key"], row["title"], row["is_former"])
        assert key not in out, f"{key} twice (one title in two bodies?)"
        out[key] = (row["first_seen_on"], row["last_seen_on"], row["article_count"])
    return out


def most_titled_people(warehouse: Path) -> tuple[int, set[str]]:
    """The largest number of distinct titles anyone has, and who has it (a different formulation)."""
    titles: dict[str, set[str]] = defaultdict(set)
    for person, title in fetch(warehouse, "select person_key, canonical_title from fct_person_titles"):
        titles[person].add(title)
    best = max(len(t) for t in titles.values())
    return best, {p for p, t in titles.items() if len(t) == best}


def test_person_posts_over_time_for_a_chosen_person_on_the_samples(sample_warehouse: Path) -> None:
    """Set to the name of the person with most titles, the query returns all their posts and only theirs."""
    (name,) = fetch(
        sample_warehouse,
        """
        select p.full_name
        from dim_people p join fct_person_titles t using (person_key)
        group by p.person_key, p.full_name
        order by count(distinct t.canonical_title) desc, p.person_key
        limit 1
        """,
    )[0]
    holders = {
        key
        for key, full_name, variants in fetch(
            sample_warehouse, "select person_key, full_name, spelling_variants from dim_people"
        )
        if name.lower() in {v.lower() for v in [full_name, *variants.split("; ")]}
    }
    columns, rows = run_query(sample_warehouse, "person_posts_over_time", person=name)
    assert rows
    assert {row["full_name"] for row in as_dicts(columns, rows)} == {name}
    assert result_posts(columns, rows) == expected_posts(sample_warehouse, holders)
    # The name typed in capitals and without tone marks finds the same person.
    shouted = run_query(sample_warehouse, "person_posts_over_time", person=strip_tones(name).upper())
    assert shouted == (columns, rows)


def strip_tones(text: str) -> str:
    """What an analyst without a Vietnamese keyboard types: no diacritics except đ."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def test_person_posts_over_time_falls_back_to_the_most_titled_person_on_the_samples(
    sample_warehouse: Path,
) -> None:
    """As a plain file it shows one person, one with the most distinct titles, with all their posts."""
    columns, rows = run_query(sample_warehouse, "person_posts_over_time")
    people = {row["person_key"] for row in as_dicts(columns, rows)}
    best, most_titled = most_titled_people(sample_warehouse)
    assert len(people) == 1 and people <= most_titled
    assert len(rows) >= best
    assert result_posts(columns, rows) == expected_posts(sample_warehouse, people)


def test_person_posts_over_time_on_a_hand_made_warehouse(tiny_warehouse: Path) -> None:
    """The posts in order first seen, a former title apart, two statements in one article summed."""
    columns, rows = run_query(tiny_warehouse, "person_posts_over_time", person="Nguyễn Văn Thúy")
    assert rows == [
        (
            "p1",
            "Nguyễn Văn Thúy",
            "Chủ tịch Ủy ban nhân dân tỉnh Nam Định",
            "Chủ tịch",
            "Ủy ban nhân dân tỉnh Nam Định",
            "province",
            True,
            D(2023, 12, 30),
            D(2023, 12, 30),
            1,
            1,
        ),
        (
            "p1",
            "Nguyễn Văn Thúy",
            "Bí thư Tỉnh ủy Nam Định",
            "Bí thư",
            "Tỉnh ủy Nam Định",
            "province",
            False,
            D(2024, 1, 5),
            D(2024, 1, 20),
            2,
            3,
        ),
        (
            "p1",
            "Nguyễn Văn Thúy",
            "Ủy viên Trung ương Đảng",
            "Ủy viên",
            "Ban Chấp hành Trung ương Đảng",
            "central",
            False,
            D(2024, 3, 2),
            D(2024, 3, 2),
            1,
            1,
        ),
    ]
    assert result_posts(columns, rows) == expected_posts(tiny_warehouse, {"p1"})


@pytest.mark.parametrize(
    ("typed", "people"),
    [
        ("Nguyễn Văn Thúy", {"p1"}),  # exact: not the other Thủy whose name folds the same
        ("nguyễn văn thuý", {"p1"}),  # old tone placement, a spelling variant, any case
        ("Nguyen Van Thuy", {"p1", "p6"}),  # no tone marks: both Thúy and Thủy
        ("Văn Thủy", {"p6"}),  # part of a name
        ("  Lê Minh Đức ", {"p3"}),
        ("Không Ai Cả", set()),  # nobody: no rows, not the fallback person
        ("", {"p3"}),  # empty: the person with most titles (p3 has four)
    ],
)
def test_person_posts_over_time_matches_names_on_a_hand_made_warehouse(
    tiny_warehouse: Path, typed: str, people: set[str]
) -> None:
    columns, rows = run_query(tiny_warehouse, "person_posts_over_time", person=typed)
    assert {row["person_key"] for row in as_dicts(columns, rows)} == people
    assert result_posts(columns, rows) == expected_posts(tiny_warehouse, people)


def test_person_posts_over_time_without_the_variable_on_a_hand_made_warehouse(tiny_warehouse: Path) -> None:
    """Unset, the person with most distinct titles (Lê Minh Đức, four) is shown, body-less titles too."""
    columns, rows = run_query(tiny_warehouse, "person_posts_over_time")
    result = as_dicts(columns, rows)
    assert {r["person_key"] for r in result} == {"p3"}
    assert [(r["title"], r["body"]) for r in result] == [
        ("Đại biểu Quốc hội", None),
        ("Phó Trưởng Ban Chỉ đạo", "Ban Chỉ đạo"),
        ("Phó Trưởng Ban Tổ chức Tỉnh ủy Nam Định", "Ban Tổ chức Tỉnh ủy Nam Định"),
        ("Ủy viên Tỉnh ủy Nam Định", "Tỉnh ủy Nam Định"),
    ]


# --------------------------------------------------------------------------- bodies_meeting_each_other


def expected_body_pairs(warehouse: Path) -> dict[tuple[str, str], tuple[int, int]]:
    """(a, b) -> (shared meetings, co-organised meetings), by pairing each meeting's bodies in Python."""
    organizers: dict[str, set[str]] = defaultdict(set)
    present: dict[str, set[str]] = defaultdict(set)
    for meeting, org in fetch(
        warehouse, "select meeting_key, organization_key from bridge_meeting_organizers"
    ):
        organizers[meeting].add(org)
        present[meeting].add(org)
    for meeting, org, kind in fetch(
        warehouse, "select meeting_key, organization_key, mention_kind from fct_mentions"
    ):
        if meeting is not None and org is not None and kind == "organization":
            present[meeting].add(org)
    shared: Counter[tuple[str, str]] = Counter()
    co_organized: Counter[tuple[str, str]] = Counter()
    for meeting, bodies in present.items():
        for pair in combinations(sorted(bodies), 2):
            shared[pair] += 1
            co_organized[pair] += set(pair) <= organizers[meeting]
    return {pair: (shared[pair], co_organized[pair]) for pair in shared}


def check_body_pairs(warehouse: Path) -> list[dict[str, Any]]:
    """Pairs are unordered and unique, counted as in Python, the top 100 by shared meetings."""
    columns, rows = run_query(warehouse, "bodies_meeting_each_other")
    result = as_dicts(columns, rows)
    expected = expected_body_pairs(warehouse)
    pairs = [(r["organization_a_key"], r["organization_b_key"]) for r in result]
    assert all(a < b for a, b in pairs)
    assert len(pairs) == len(set(pairs)) == min(100, len(expected))
    for row, pair in zip(result, pairs, strict=True):
        assert (row["shared_meetings"], row["co_organized_meetings"]) == expected[pair]
    shared = [r["shared_meetings"] for r in result]
    assert shared == sorted(shared, reverse=True)
    assert all(expected[p][0] <= shared[-1] for p in set(expected) - set(pairs))
    return result


def test_bodies_meeting_each_other_agree_with_an_independent_count_on_the_samples(
    sample_warehouse: Path,
) -> None:
    result = check_body_pairs(sample_warehouse)
    assert result, "the samples have meetings with several bodies"
    names = dict(fetch(sample_warehouse, "select organization_key, canonical_name from dim_organizations"))
    assert all(names[r["organization_a_key"]] == r["organization_a"] for r in result)
    assert all(names[r["organization_b_key"]] == r["organization_b"] for r in result)


def test_bodies_meeting_each_other_on_a_hand_made_warehouse(tiny_warehouse: Path) -> None:
    """Organisers and bodies named at a meeting pair up; a mention outside any meeting does not count."""
    result = check_body_pairs(tiny_warehouse)
    got = [
        (
            r["organization_a_key"],
            r["organization_b_key"],
            r["shared_meetings"],
            r["co_organized_meetings"],
            r["is_parent_child"],
            r["first_met_on"],
            r["last_met_on"],
        )
        for r in result
    ]
    assert got == [
        ("o1", "o2", 3, 2, True, D(2024, 1, 5), D(2024, 1, 20)),  # m1, m2, m5 (undated)
        ("o1", "o3", 3, 0, True, D(2024, 1, 5), D(2024, 3, 2)),
        ("o2", "o3", 2, 0, False, D(2024, 1, 5), D(2024, 1, 20)),
        # one shared meeting each, by the names of a then b
        ("o3", "o5", 1, 0, True, D(2024, 3, 2), D(2024, 3, 2)),  # Ban Chấp hành TƯ Đảng, Ban Tổ chức TƯ
        ("o3", "o4", 1, 0, False, D(2024, 1, 5), D(2024, 1, 5)),  # ..., Ủy ban nhân dân tỉnh Nam Định
        ("o2", "o4", 1, 0, False, D(2024, 1, 5), D(2024, 1, 5)),  # Ban Tổ chức Tỉnh ủy Nam Định, ...
        ("o1", "o5", 1, 0, False, D(2024, 3, 2), D(2024, 3, 2)),  # Tỉnh ủy Nam Định, Ban Tổ chức Trung ương
        ("o1", "o4", 1, 0, False, D(2024, 1, 5), D(2024, 1, 5)),  # Tỉnh ủy Nam Định, Ủy ban ...
    ]


# --------------------------------------------------------------------------- undated_meetings


def test_undated_meetings_lists_exactly_the_meetings_without_a_date_on_the_samples(
    sample_warehouse: Path,
) -> None:
    """Every (undated meeting, reporting article) and nothing else, with the article's own fields."""
    columns, rows = run_query(sample_warehouse, "undated_meetings")
    result = as_dicts(columns, rows)
    undated = {
        key
        for (key,) in fetch(
            sample_warehouse, "select meeting_key from fct_meetings where meeting_date is null"
        )
    }
    reports = {
        (meeting, article)
        for meeting, article in fetch(
            sample_warehouse,
            "select meeting_key, article_key from bridge_meeting_articles "
            "union select meeting_key, article_key from fct_meetings",
        )
        if meeting in undated
    }
    assert {(r["meeting_key"], r["article_key"]) for r in result} == reports
    assert len(result) == len(reports)
    articles = {
        row[0]: row[1:]
        for row in fetch(
            sample_warehouse, "select article_key, title, source_file, published_at from dim_articles"
        )
    }
    assert all(
        (r["title"], r["source_file"], r["published_at"]) == articles[r["article_key"]] for r in result
    )


def test_undated_meetings_on_a_hand_made_warehouse(tiny_warehouse: Path) -> None:
    """Both undated meetings, each report a row, oldest article first, the evidence cut from the text."""
    columns, rows = run_query(tiny_warehouse, "undated_meetings")
    got = [
        (
            r["meeting_key"],
            r["article_key"],
            r["meeting_kind"],
            r["source_file"],
            r["published_at"],
            r["evidence"],
        )
        for r in as_dicts(columns, rows)
    ]
    assert got == [
        (
            "m5",
            "a5",
            "hội nghị tổng kết",
            "2023/a5.txt",
            dt.datetime(2023, 12, 30, 10),
            "Hôm qua, Tỉnh ủy đã họp tổng kết.",
        ),
        (
            "m5",
            "a1",
            "hội nghị tổng kết",
            "2024/a1.txt",
            dt.datetime(2024, 1, 5, 8),
            "Hôm qua, Tỉnh ủy cũng đã họp.",
        ),
        # m4's report is only fct_meetings' best report (not in the bridge): listed, without evidence.
        ("m4", "a4", "buổi làm việc", "undated/a4.txt", None, None),
    ]


# --------------------------------------------------------------------------- careers (issue 16)


def run_with(warehouse: Path, name: str, **variables: Any) -> list[dict[str, Any]]:
    """queries/<name>.sql with DuckDB variables set first, as its header says, as dicts."""
    with reader(warehouse) as con:
        for variable, value in variables.items():
            con.execute(f"SET VARIABLE {variable} = ?", [value])
        relation = con.sql(query_text(name))
        return as_dicts(list(relation.columns), relation.fetchall())


def test_post_holders_on_date_on_a_hand_made_warehouse(tiny_warehouse: Path) -> None:
    """The seat changes hands on 1 February: the day before it is p1's, that day p2's; without
    variables, every post on the newest date (p6's unknown tenure, last seen in 2021, is not held)."""
    before = run_with(tiny_warehouse, "post_holders_on_date", post="bí thư tỉnh ủy", on_date=D(2024, 1, 31))
    assert [(r["person_key"], r["held_by"]) for r in before] == [("p1", "tenure")]
    after = run_with(tiny_warehouse, "post_holders_on_date", post="Bí thư Tỉnh ủy", on_date=D(2024, 2, 1))
    assert [(r["person_key"], r["end_date"]) for r in after] == [("p2", None)]
    newest = run_with(tiny_warehouse, "post_holders_on_date")
    assert [(r["on_date"], r["person_key"], r["title"]) for r in newest] == [
        (D(2024, 3, 2), "p2", "Bí thư Tỉnh ủy Nam Định"),
        (D(2024, 3, 2), "p3", "Trưởng Ban Tổ chức Tỉnh ủy Nam Định"),
    ]
    later = run_with(tiny_warehouse, "post_holders_on_date", post="Trưởng Ban", on_date=D(2025, 1, 1))
    assert [(r["person_key"], r["held_by"]) for r in later] == [("p3", "presumed")]


def test_post_holders_on_date_agree_with_the_tenures_on_the_samples(sample_warehouse: Path) -> None:
    """The tenures the newest date falls in, counted in Python from dim_person_positions."""
    rows = run_with(sample_warehouse, "post_holders_on_date")
    assert rows, "the samples' current posts"
    (newest,) = {r["on_date"] for r in rows}

    def held(start, end, last, status) -> bool:
        if start > newest:
            return False
        if end is not None:
            return newest < end
        return newest <= (last or start) or status == "current"

    expected = Counter(
        (person, title)
        for person, title, start, end, last, status in fetch(
            sample_warehouse,
            "select person_key, title, start_date, end_date, last_seen_on, status from dim_person_positions",
        )
        if held(start, end, last, status)
    )
    assert Counter((r["person_key"], r["title"]) for r in rows) == expected


def test_appointments_by_body_in_year_on_a_hand_made_warehouse(tiny_warehouse: Path) -> None:
    """Only posts taken (not the relief), only the body asked, only the year asked; without
    variables every body in the year with the most appointments."""
    politburo = run_with(tiny_warehouse, "appointments_by_body_in_year", body="bộ chính trị", year=2024)
    assert [(r["person_key"], r["kind"], r["previous_title"], r["decision_number"]) for r in politburo] == [
        ("p2", "assigned", "Phó Bí thư Tỉnh ủy Nam Định", "13-QĐ/TW")
    ]
    earlier = run_with(tiny_warehouse, "appointments_by_body_in_year", body="Bộ Chính trị", year=2023)
    assert [(r["person_key"], r["title"], r["url"]) for r in earlier] == [
        ("p2", "Phó Bí thư Tỉnh ủy Nam Định", "https://baonamdinh.example/a5")
    ]
    busiest = run_with(tiny_warehouse, "appointments_by_body_in_year")
    assert [(r["event_on"], r["full_name"], r["deciding_body"]) for r in busiest] == [
        (D(2024, 1, 20), "Lê Minh Đức", "Ban Thường vụ Tỉnh ủy Nam Định"),
        (D(2024, 1, 20), "Trần Thị Hoa", "Bộ Chính trị"),
    ]


def test_appointments_by_body_in_year_on_the_samples(sample_warehouse: Path) -> None:
    """As many rows as fct_personnel_events has posts taken in the busiest year (none on the samples,
    which report no personnel event)."""
    rows = run_with(sample_warehouse, "appointments_by_body_in_year")
    taken = fetch(
        sample_warehouse,
        "select year(event_on), count(*) from fct_personnel_events "
        "where kind in ('appointed', 'elected', 're_elected', 'assigned', 'acting') "
        "group by 1 order by 2 desc, 1 desc",
    )
    assert len(rows) == (taken[0][1] if taken else 0)


def test_departures_in_year_on_a_hand_made_warehouse(tiny_warehouse: Path) -> None:
    """Why each left: a transfer names the post taken instead, a relief its deciding body."""
    busiest = run_with(tiny_warehouse, "departures_in_year")
    assert [
        (r["end_date"], r["person_key"], r["end_reason"], r["next_title"], r["deciding_body"])
        for r in busiest
    ] == [
        (
            D(2024, 1, 20),
            "p3",
            "assigned",
            "Trưởng Ban Tổ chức Tỉnh ủy Nam Định",
            "Ban Thường vụ Tỉnh ủy Nam Định",
        ),
        (D(2024, 2, 1), "p1", "relieved", None, "Bộ Chính trị"),
    ]
    deaths = run_with(tiny_warehouse, "departures_in_year", year=2023)
    assert [(r["person_key"], r["end_reason"], r["article_key"]) for r in deaths] == [("p4", "died", "a5")]


def test_departures_in_year_agree_with_the_tenures_on_the_samples(sample_warehouse: Path) -> None:
    rows = run_with(sample_warehouse, "departures_in_year")
    ended = fetch(sample_warehouse, "select count(*) from dim_person_positions where end_date is not null")[
        0
    ][0]
    assert bool(rows) == bool(ended)
    assert all(r["end_date"] is not None and r["end_reason"] for r in rows)


def test_career_timeline_on_a_hand_made_warehouse(tiny_warehouse: Path) -> None:
    """A chosen person's events and tenures by date (events first on a day); without the variable
    the person with the most events (p1 and p2 tie; then positions tie; then the key)."""
    hoa = run_with(tiny_warehouse, "career_timeline", person="tran thi hoa")
    assert [(r["on_date"], r["entry"], r["kind"], r["title"]) for r in hoa] == [
        (D(2023, 12, 30), "event", "appointed", "Phó Bí thư Tỉnh ủy Nam Định"),
        (D(2024, 1, 20), "event", "assigned", "Bí thư Tỉnh ủy Nam Định"),
        (D(2024, 2, 1), "tenure", "held", "Bí thư Tỉnh ủy Nam Định"),
    ]
    fallback = run_with(tiny_warehouse, "career_timeline")
    assert {r["person_key"] for r in fallback} == {"p1"}
    assert [(r["on_date"], r["entry"], r["kind"]) for r in fallback] == [
        (D(2020, 1, 10), "event", "elected"),
        (D(2020, 1, 10), "tenure", "held"),
        (D(2024, 1, 20), "event", "relieved"),
    ]
    assert fallback[1]["end_date"] == D(2024, 2, 1) and "relieved" in fallback[1]["detail"]


def test_career_timeline_lists_every_tenure_of_the_person_on_the_samples(sample_warehouse: Path) -> None:
    rows = run_with(sample_warehouse, "career_timeline")
    (person,) = {r["person_key"] for r in rows}
    tenures = fetch(
        sample_warehouse, f"select count(*) from dim_person_positions where person_key = '{person}'"
    )
    events = fetch(
        sample_warehouse, f"select count(*) from fct_personnel_events where person_key = '{person}'"
    )
    assert len(rows) == tenures[0][0] + events[0][0]
