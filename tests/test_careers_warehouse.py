"""Careers in the warehouse, from invented articles (tests/career_articles.py) through the
extraction and every dbt model and data test: tenures that personnel events start and end, a death in
office, an overlap of a single-seat post flagged with a warning, a single-seat tenure ended by its
successor, and the open formats.

One build (extraction, load, ``dbt build`` with its data tests) shared by the module.
"""

from __future__ import annotations

from datetime import date

import pytest
from career_articles import write_career_articles
from dbt_support import WITHOUT_UNIT_TESTS, dbt_build, query
from open_format_checks import assert_popolo_links, assert_valid_ftm, read_ftm, read_popolo

from vnpolitics.warehouse.batch_extraction import extract_folder
from vnpolitics.warehouse.load import load_raw_frames
from vnpolitics.warehouse.open_formats import export_open_formats

pytestmark = pytest.mark.warehouse  # builds a warehouse and runs dbt


@pytest.fixture(scope="module")
def careers(tmp_path_factory):
    """(warehouse, dbt's stdout, export folder) of the invented careers."""
    root = tmp_path_factory.mktemp("careers")
    raw = write_career_articles(root / "raw")
    warehouse = root / "warehouse.duckdb"
    load_raw_frames(warehouse, extract_folder(raw))
    proc = dbt_build(warehouse, root, command=WITHOUT_UNIT_TESTS)
    export_open_formats(warehouse, root / "export")
    return warehouse, proc.stdout, root / "export"


def tenure(warehouse, name: str, title: str) -> tuple:
    (row,) = query(
        warehouse,
        "select start_date, start_basis, end_date, end_basis, end_reason, status from dim_person_positions "
        "where full_name = ? and title = ?",
        [name, title],
    )
    return row


def test_a_transfer_ends_one_tenure_and_starts_another(careers):
    warehouse, *_ = careers
    old = tenure(warehouse, "Diệp Văn Sơn", "Phó Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình")
    new = tenure(warehouse, "Diệp Văn Sơn", "Bí thư Huyện ủy Kim Bôi")
    assert old == (date(2022, 9, 12), "first_seen", date(2023, 4, 3), "event", "assigned", "ended")
    assert new == (date(2023, 4, 3), "event", None, None, None, "current")
    (event,) = query(
        warehouse,
        "select kind, deciding_body, decision_number, event_on, event_on_basis, position_key, "
        "previous_position_key from fct_personnel_events where kind = 'assigned'",
    )
    assert event[:5] == (
        "assigned",
        "Ban Thường vụ Tỉnh ủy Hòa Bình",
        "125-QĐ/TU",
        date(2023, 4, 3),
        "printed",
    )
    starts = query(
        warehouse, "select position_key from dim_person_positions where start_event_key is not null"
    )
    assert (event[5],) in starts


def test_a_death_ends_the_post_held(careers):
    warehouse, *_ = careers
    assert tenure(warehouse, "Âu Minh Khang", "Chủ tịch Hội đồng nhân dân tỉnh Hòa Bình") == (
        date(2022, 9, 12),
        "first_seen",
        date(2023, 2, 10),
        "event",
        "died",
        "ended",
    )


def test_an_appointment_starts_on_its_effective_date(careers):
    warehouse, *_ = careers
    start = tenure(warehouse, "Kha Văn Yên", "Giám đốc Sở Tài chính tỉnh Hòa Bình")[:2]
    assert start == (date(2023, 5, 1), "event")
    assert query(
        warehouse,
        "select decision_number, decision_date, effective_date from fct_personnel_events "
        "where kind = 'appointed'",
    ) == [("512/QĐ-UBND", date(2023, 4, 20), date(2023, 5, 1))]


def test_two_holders_of_a_single_seat_post_are_flagged_with_a_warning(careers):
    warehouse, stdout, _ = careers
    rows = query(
        warehouse,
        "select organization_name, post, first_full_name, second_full_name, overlap_days "
        "from qa_position_overlaps",
    )
    assert rows == [("Tỉnh ủy Hòa Bình", "Bí thư", "Mạc Văn Tùng", "Lê Thị Hồng", 1)]
    assert "WARN 1 assert_single_seat_posts_have_one_holder_at_a_time" in stdout
    assert "ERROR=0" in stdout


def test_a_single_seat_tenure_ends_when_another_person_is_seen_in_the_seat_later(careers):
    """The chair seen in 2022 and another in 2023 without overlap: the first tenure ended, on the
    last day it was seen held; the later one is current. Overlapping holders end nothing."""
    warehouse, *_ = careers
    chair = "Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình"
    assert tenure(warehouse, "Nông Quốc Hưng", chair) == (
        date(2022, 9, 12),
        "first_seen",
        date(2022, 9, 12),
        "last_seen",
        "succeeded",
        "ended",
    )
    assert tenure(warehouse, "Tạ Đình Phong", chair)[2:] == (None, None, None, "current")
    ((successor,),) = query(
        warehouse,
        "select s.full_name from dim_person_positions p "
        "join dim_person_positions s on s.position_key = p.successor_position_key "
        "where p.full_name = 'Nông Quốc Hưng'",
    )
    assert successor == "Tạ Đình Phong"
    secretary = "Bí thư Tỉnh ủy Hòa Bình"
    assert tenure(warehouse, "Mạc Văn Tùng", secretary)[4] is None  # overlaps Lê Thị Hồng: for curation


def test_the_open_formats_of_the_careers(careers):
    """Every FollowTheMoney entity validates; Popolo's memberships carry the tenures' start and end."""
    *_, folder = careers
    entities = read_ftm(folder)
    assert_valid_ftm(entities)
    occupancies = [e for e in entities if e["schema"] == "Occupancy"]
    ended = [o for o in occupancies if o["properties"].get("status") == ["ended"]]
    assert {o["properties"]["endDate"][0] for o in ended} == {"2023-04-03", "2023-02-10", "2022-09-12"}
    document = read_popolo(folder)
    assert_popolo_links(document)
    membership = next(m for m in document["memberships"] if m.get("end_date") == "2023-04-03")
    assert membership["start_date"] == "2022-09-12" and membership["label"].startswith("Phó Chủ tịch")
    assert all(s["note"].startswith("article ") for s in membership["sources"])
    assert (membership["start_date_basis"], membership["end_date_basis"]) == ("first_seen", "event")
    succeeded = next(m for m in document["memberships"] if m.get("end_reason") == "succeeded")
    assert (succeeded["start_date"], succeeded["end_date"], succeeded["end_date_basis"]) == (
        "2022-09-12",
        "2022-09-12",
        "last_seen",
    )
    successor = next(m for m in document["memberships"] if m["id"] == succeeded["successor_id"])
    assert successor["post_id"] == succeeded["post_id"] and successor["start_date"] == "2023-06-20"
    assert "one holder at a time" in succeeded["note"] and "2023-06-20" in succeeded["note"]
