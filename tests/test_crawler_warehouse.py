"""Crawler input through dbt: an edited article replaces its old version in the marts, a copy under
another URL joins the meeting, and dim_articles says where each metadata field came from.

Two builds of one folder of invented articles: before and after a crawler fetched the edit.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bad_inputs import invented_article
from crawler_inputs import CHAIR, REPLACEMENT, SPEAKER, jsonl, record, story, write
from dbt_support import WITHOUT_TESTS, WITHOUT_UNIT_TESTS, dbt_build, query

from vnpolitics.warehouse.batch_extraction import extract_folder
from vnpolitics.warehouse.load import load_raw_frames

pytestmark = pytest.mark.warehouse  # builds a warehouse or runs dbt

URL = "https://baotinh.vn/chinh-tri/hoi-nghi-quy-1.html"
OTHER = "https://baotinh.vn/chinh-tri/hoi-nghi-thang-3.html"
COPY = "https://baokhac.vn/thoi-su/dang-lai.html"
EDIT_CLOSING = "Hội nghị thống nhất ba nhóm giải pháp trọng tâm và giao các sở, ngành triển khai ngay."
PRINTED = "Thứ Hai, 10/5/2021 08:00\n\n"  # a publication date the text prints
OTHER_SPEAKER = ("Kiều Thị Nga", "Chủ tịch Hội đồng nhân dân tỉnh")
SECOND_CLOSING = "Hội nghị biểu dương các tập thể có thành tích xuất sắc trong quý I."


def _second_story() -> str:
    return story(OTHER_SPEAKER, SECOND_CLOSING, day="20/3")


# (mart, key column) of every key an edit must leave alone
KEYS = (
    ("dim_articles", "article_key"),
    ("dim_people", "person_key"),
    ("dim_organizations", "organization_key"),
    ("fct_meetings", "meeting_key"),
    ("bridge_meeting_articles", "meeting_article_key"),
    ("fct_person_titles", "person_title_key"),
    ("fct_meeting_participants", "participant_key"),
)


def _first_fetch(raw: Path) -> None:
    second = _second_story()
    write(
        raw / "feeds" / "2024" / "03" / "20" / "tin.jsonl",
        jsonl(
            [
                record(story(), URL, published_at="2024-03-14T10:00:00+07:00", source="Báo Tỉnh"),
                record(second, OTHER, published_at="2024-03-20T10:00:00+07:00", source="Báo Tỉnh"),
            ]
        ),
    )
    dated = raw / "pages" / "2023" / "05" / "06"
    write(dated / "path-only.txt", invented_article(3))
    write(dated / "printed.txt", PRINTED + invented_article(5))
    write(dated / "sidecar.txt", PRINTED + invented_article(6))
    write(
        dated / "sidecar.txt.json",
        json.dumps({"published_at": "2022-01-02T03:04:05+07:00", "author": "Minh Tâm"}, ensure_ascii=False),
    )


def _second_fetch(raw: Path) -> None:
    edited = story(REPLACEMENT, EDIT_CLOSING)
    second = _second_story()
    write(
        raw / "feeds" / "2024" / "03" / "21" / "tin.jsonl",
        jsonl(
            [
                record(
                    edited, URL.replace("https://", "http://m.") + "?utm_source=zalo", crawled_at=1711000000
                ),
                record(second + "\n(Theo Báo Tỉnh)\n", COPY, published_at="2024-03-21T07:00:00+07:00"),
            ]
        ),
    )


def _build(raw: Path, work: Path, command: tuple[str, ...]) -> Path:
    """The warehouse ``work/warehouse.duckdb`` built from ``raw`` (the name dbt_build shares a parse for)."""
    warehouse = work / "warehouse.duckdb"
    work.mkdir(parents=True)
    load_raw_frames(warehouse, extract_folder(raw))
    dbt_build(warehouse, work, command=command)
    return warehouse


def _keys(warehouse: Path) -> dict[str, set[str]]:
    return {
        mart: {k for (k,) in query(warehouse, f"select {column} from main.{mart}")} for mart, column in KEYS
    }


def _speaker_keys(warehouse: Path, name: str) -> set[str]:
    """Every key that exists because ``name`` is in the marts: the person, their titles, their roles."""
    rows = query(
        warehouse,
        "select person_key from main.dim_people where full_name = ? "
        "union all select person_title_key from main.fct_person_titles "
        "join main.dim_people using (person_key) where full_name = ? "
        "union all select participant_key from main.fct_meeting_participants join main.dim_people "
        "using (person_key) where full_name = ?",
        [name, name, name],
    )
    return {k for (k,) in rows}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("crawler_warehouse")
    raw = root / "raw"
    _first_fetch(raw)
    before = _build(raw, root / "before", WITHOUT_TESTS)
    _second_fetch(raw)
    after = _build(raw, root / "after", WITHOUT_UNIT_TESTS)  # every data test: versions must pass them
    return before, after


def _names(warehouse: Path) -> set[str]:
    return {n for (n,) in query(warehouse, "select full_name from main.dim_people")}


def test_the_edit_replaces_the_old_version_in_the_marts(builds):
    before, after = builds
    assert {SPEAKER[0], CHAIR[0]} <= _names(before)
    assert REPLACEMENT[0] in _names(after) and SPEAKER[0] not in _names(after)
    (row,) = query(
        after,
        "select version_number, version_count, published_at, published_at_source from main.dim_articles "
        "where canonical_url = ?",
        [URL],
    )
    # the edited record gives no date: the text prints none, the path's is the folder of the edit
    assert row[:2] == (2, 2)
    assert (str(row[2]), row[3]) == ("2024-03-21 00:00:00", "path")
    texts = [
        t for (t,) in query(after, "select clean_text from main.dim_articles where canonical_url = ?", [URL])
    ]
    assert len(texts) == 1 and EDIT_CLOSING in texts[0]


def test_every_key_the_edit_did_not_touch_stays(builds):
    before, after = builds
    old, new = _keys(before), _keys(after)
    gone = _speaker_keys(before, SPEAKER[0])
    assert gone, "the first fetch must name the replaced person"
    for mart, _ in KEYS:
        lost = old[mart] - new[mart] - gone
        assert not lost, f"{mart}: keys re-keyed or lost by the edit: {sorted(lost)}"


def test_raw_keeps_both_versions_and_which_replaced_which(builds):
    _, after = builds
    versions = query(
        after,
        "select status, version_number, article_key, replaced_by, reason from raw.ingest_records "
        "where canonical_url = ? order by version_number",
        [URL],
    )
    assert [v[:2] for v in versions] == [("loaded", 1), ("updated", 2)]
    (first, second) = versions
    assert first[3] == second[2] and second[3] is None
    assert second[4] == f"new version of {URL} (replaces feeds/2024/03/20/tin.jsonl:1)"
    texts = {k: t for k, t in query(after, "select article_key, clean_text from raw.articles")}
    assert SPEAKER[0] in texts[first[2]] and REPLACEMENT[0] in texts[second[2]]


def test_a_copy_under_another_url_joins_the_meeting(builds):
    _, after = builds
    meetings = query(
        after,
        "select dim_articles.canonical_url, bridge.meeting_key from main.bridge_meeting_articles as bridge "
        "join main.dim_articles using (article_key) where canonical_url in (?, ?)",
        [OTHER, COPY],
    )
    assert len(meetings) == 2 and len({key for _, key in meetings}) == 1, meetings


def test_metadata_come_from_the_record_then_the_text_then_the_path(builds):
    _, after = builds
    rows = {
        (source_file, record_number): (str(published_at), source, author, author_source)
        for source_file, record_number, published_at, source, author, author_source in query(
            after,
            "select source_file, source_record, published_at, published_at_source, author, author_source "
            "from main.dim_articles",
        )
    }
    assert rows[("feeds/2024/03/20/tin.jsonl", 2)][:2] == ("2024-03-20 10:00:00", "record")
    assert rows[("pages/2023/05/06/sidecar.txt", None)] == (
        "2022-01-02 03:04:05",
        "sidecar",
        "Minh Tâm",
        "sidecar",
    )
    assert rows[("pages/2023/05/06/printed.txt", None)][:2] == ("2021-05-10 08:00:00", "text")
    assert rows[("pages/2023/05/06/path-only.txt", None)][:2] == ("2023-05-06 00:00:00", "path")
    outlets = dict(
        query(
            after, "select source_file, source_outlet_source from main.dim_articles where source_record = 2"
        )
    )
    # the copy's record names no outlet, its text credits one
    assert outlets == {"feeds/2024/03/20/tin.jsonl": "record", "feeds/2024/03/21/tin.jsonl": "text"}
