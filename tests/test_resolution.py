"""Resolution across articles, on invented articles run through the real extractor and dbt.

The articles in tests/fixtures/resolution are written for the cases the warehouse must tell
apart (every name is invented):
- one name held by two people at once: a district party secretary in Hà Nội and a minister,
  each seen in the other's months on two dates;
- one name held by one person who moved from a district of one province to the head of
  another province years later;
- one meeting reported by two outlets in their own words, and republished by a third under
  other page chrome; a meeting of the same body on the same day, in the morning, that is not it.

The curation test rebuilds the same raw tables with a copy of dbt/ whose seeds hold one row of
each kind, as an analyst would write them, and checks what each row changes.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from dbt_support import WITHOUT_TESTS, WITHOUT_UNIT_TESTS, copy_dbt_project, dbt_build, query, write_seed

from vnpolitics.warehouse.batch_extraction import extract_folder
from vnpolitics.warehouse.load import load_raw_frames

pytestmark = pytest.mark.warehouse  # builds a warehouse or runs dbt

ARTICLES = Path(__file__).parent / "fixtures" / "resolution"


def build(root: Path, project: Path | None = None) -> Path:
    """Extract the invented articles (a copy under ``root/raw``) into ``root/warehouse.duckdb``."""
    raw = shutil.copytree(ARTICLES, root / "raw")
    warehouse = root / "warehouse.duckdb"
    load_raw_frames(warehouse, extract_folder(raw))
    if project is None:
        dbt_build(warehouse, root, command=WITHOUT_UNIT_TESTS)
    else:  # the curated build: its marts are what the tests read, the data tests ran on the first
        dbt_build(warehouse, root, project, command=WITHOUT_TESTS)
    return warehouse


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("resolution"))


def people_by_file(warehouse: Path, full_name: str) -> dict[str, set[str]]:
    """person_key -> the files whose mentions of ``full_name`` resolve to that person."""
    rows = query(
        warehouse,
        """
        select m.person_key, a.source_file
        from fct_mentions m
        join dim_articles a using (article_key)
        join dim_people p using (person_key)
        where p.full_name = ?""",
        [full_name],
    )
    out: dict[str, set[str]] = {}
    for key, file in rows:
        out.setdefault(key, set()).add(file)
    return out


def test_one_name_two_people_in_unrelated_bodies_at_the_same_time(warehouse):
    holders = people_by_file(warehouse, "Nguyễn Văn Thắng")
    assert sorted(map(sorted, holders.values())) == [
        [
            "bo/tai-chinh-bao-khac.txt",
            "bo/tai-chinh-chieu.txt",
            "bo/tai-chinh-thang-7.txt",
            "dang-lai/tai-chinh-chieu-copy.txt",
        ],
        ["quan/tay-ho-2019-03.txt", "quan/tay-ho-2019-09.txt"],
    ]
    reasons = query(
        warehouse,
        "select match_reason, name_holder_count from dim_people where full_name = 'Nguyễn Văn Thắng'",
    )
    assert reasons == [("name shared by several people", 2)] * 2


def test_the_holder_seen_most_keeps_the_plain_name_key(warehouse):
    """The holder with most articles keeps md5(name key), the key the name had before it was shared."""
    plain = query(warehouse, "select left(md5('nguyễn văn thắng'), 16)")[0][0]
    holders = people_by_file(warehouse, "Nguyễn Văn Thắng")
    assert "bo/tai-chinh-thang-7.txt" in holders[plain]


def test_a_mention_without_a_post_goes_to_the_holder_whose_bodies_the_article_names(warehouse):
    rows = query(
        warehouse,
        """
        select c.match_reason
        from intermediate.int_person_clusters c join dim_articles a using (article_key)
        where a.source_file = 'bo/tai-chinh-bao-khac.txt' and c.full_name = 'Nguyễn Văn Thắng'""",
    )
    assert rows == [("article names the bodies of this holder",)]


def test_one_person_who_moved_to_another_province_years_later(warehouse):
    holders = people_by_file(warehouse, "Trần Văn Hùng")
    assert list(holders.values()) == [{"tinh/nghi-loc-2012.txt", "tinh/ha-tinh-2018.txt"}]
    positions = query(
        warehouse,
        """
        select title, first_seen_on from dim_person_positions
        where full_name = 'Trần Văn Hùng' order by first_seen_on""",
    )
    assert positions == [
        ("Bí thư Huyện ủy Nghi Lộc", date(2012, 12, 20)),
        ("Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh", date(2018, 8, 15)),
    ]


def test_two_outlets_and_a_republished_copy_are_one_meeting(warehouse):
    meetings = query(
        warehouse,
        """
        select m.meeting_date, m.time_of_day, string_split(nullif(m.link_reasons, ''), '; '),
            list(a.source_file order by a.source_file)
        from fct_meetings m
        join bridge_meeting_articles b using (meeting_key)
        join dim_articles a on a.article_key = b.article_key
        where m.meeting_date = date '2019-06-02'
        group by all order by m.time_of_day""",
    )
    assert meetings == [
        (
            date(2019, 6, 2),
            "chiều",
            ["republished", "same meeting"],
            ["bo/tai-chinh-bao-khac.txt", "bo/tai-chinh-chieu.txt", "dang-lai/tai-chinh-chieu-copy.txt"],
        ),
        (date(2019, 6, 2), "sáng", None, ["bo/tai-chinh-sang.txt"]),
    ]


def test_the_joined_meeting_is_keyed_by_its_founding_report(warehouse):
    keys = query(
        warehouse,
        """
        select distinct k.meeting_key, k.article_meeting_key
        from intermediate.int_meetings_keyed k join dim_articles a using (article_key)
        where a.source_file in ('bo/tai-chinh-chieu.txt', 'bo/tai-chinh-bao-khac.txt',
                                'dang-lai/tai-chinh-chieu-copy.txt')""",
    )
    meeting_keys = {k for k, _ in keys}
    assert len(meeting_keys) == 1
    assert meeting_keys <= {report for _, report in keys}


def test_titles_are_decomposed_into_post_and_body_with_its_level(warehouse):
    rows = query(
        warehouse,
        """
        select t.post, o.canonical_name, t.organization_level
        from fct_person_titles t join dim_people p using (person_key)
        join dim_organizations o using (organization_key)
        where p.full_name = 'Phạm Thị Lan' group by all""",
    )
    assert rows == [("Phó Bí thư Thường trực", "Quận ủy Tây Hồ", "district")]


def test_co_attendance_counts_meetings_not_articles(warehouse):
    rows = query(
        warehouse,
        """
        select meetings_together from fct_co_attendance
        where person_a_name in ('Nguyễn Văn Thắng', 'Đỗ Minh Khoa')
          and person_b_name in ('Nguyễn Văn Thắng', 'Đỗ Minh Khoa')""",
    )
    assert rows == [(1,)]


@pytest.fixture(scope="module")
def curated(tmp_path_factory, warehouse) -> Path:
    """The same articles built with one curation row of each kind in the seeds."""
    root = tmp_path_factory.mktemp("curated")
    project = copy_dbt_project(root / "dbt")
    write_seed(
        project,
        "organization_aliases",
        [
            {
                "alias": "Quận ủy Tây Hồ",
                "canonical_name": "Ban Chấp hành Đảng bộ quận Tây Hồ",
                "note": "the committee's formal name",
            }
        ],
    )
    write_seed(project, "person_merges", [{"from_person": "Đỗ Minh Khoá", "into_person": "Đỗ Minh Khoa"}])
    write_seed(
        project,
        "person_splits",
        [{"full_name": "Nguyễn Văn Thắng", "source_file": "bo/tai-chinh-bao-khac.txt", "person_label": "vụ"}],
    )
    write_seed(
        project,
        "meeting_date_corrections",
        [{"source_file": "bo/tai-chinh-sang.txt", "meeting_index": 0, "meeting_date": "2019-06-03"}],
    )
    return build(root, project)


def test_curated_alias_makes_two_names_one_body(warehouse, curated):
    before = query(warehouse, "select count(*) from dim_organizations where canonical_name like '%Tây Hồ'")
    assert before == [(1,)]
    rows = query(
        curated,
        """
        select o.canonical_name, list(a.alias_type order by a.alias_type)
        from dim_organizations o join dim_organization_aliases a using (organization_key)
        where o.canonical_name like '%Tây Hồ' and a.alias = 'Quận ủy Tây Hồ' group by all""",
    )
    assert rows == [("Ban Chấp hành Đảng bộ quận Tây Hồ", ["curated"])]
    mentions = query(
        curated,
        """
        select distinct o.canonical_name from fct_mentions m join dim_organizations o using (organization_key)
        where m.surface_text = 'Quận ủy Tây Hồ'""",
    )
    assert mentions == [("Ban Chấp hành Đảng bộ quận Tây Hồ",)]


def test_curated_merge_joins_a_misprinted_name(warehouse, curated):
    assert len(people_by_file(warehouse, "Đỗ Minh Khoá")) == 1
    assert people_by_file(curated, "Đỗ Minh Khoá") == {}
    merged = people_by_file(curated, "Đỗ Minh Khoa")
    assert len(merged) == 1
    assert "bo/tai-chinh-sang.txt" in next(iter(merged.values()))
    assert query(curated, "select match_reason from dim_people where full_name = 'Đỗ Minh Khoa'") == [
        ("curated merge",)
    ]


def test_curated_split_moves_one_files_occurrences_to_another_person(warehouse, curated):
    holders = people_by_file(curated, "Nguyễn Văn Thắng")
    assert {"bo/tai-chinh-bao-khac.txt"} in holders.values()
    assert len(holders) == len(people_by_file(warehouse, "Nguyễn Văn Thắng")) + 1
    split = query(
        curated,
        "select match_reason from dim_people where full_name = 'Nguyễn Văn Thắng' "
        "and match_reason = 'curated split'",
    )
    assert split == [("curated split",)]


def test_curated_meeting_date_replaces_the_extracted_one(warehouse, curated):
    sql = """
        select m.meeting_date, m.date_is_corrected from fct_meetings m
        join bridge_meeting_articles b using (meeting_key)
        join dim_articles a on a.article_key = b.article_key
        where a.source_file = 'bo/tai-chinh-sang.txt'"""
    assert query(warehouse, sql) == [(date(2019, 6, 2), False)]
    assert query(curated, sql) == [(date(2019, 6, 3), True)]


def test_the_quality_report_draws_the_joined_meeting_with_each_report(warehouse):
    from vnpolitics.report.meeting_joins import joined_meetings_section

    lines = joined_meetings_section(warehouse, sample=20, seed=3)
    meetings = [line for line in lines if line[:1].isdigit()]
    reports = [line for line in lines if line.startswith("   - ")]
    assert len(meetings) == 1 and meetings[0].startswith("1. **2019-06-02**")
    assert sorted(r.split("`")[1] for r in reports) == [
        "bo/tai-chinh-bao-khac.txt",
        "bo/tai-chinh-chieu.txt",
        "dang-lai/tai-chinh-chieu-copy.txt",
    ]
    assert all("*" in r and len(r.split("*: ", 1)[1]) > 20 for r in reports)  # date and sentence
    assert joined_meetings_section(warehouse, sample=20, seed=3) == lines  # a seed draws the same
