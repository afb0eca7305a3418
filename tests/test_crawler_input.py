"""Raw input as crawlers deliver it, scanned record by record (no warehouse is built here).

Every fixture is made from invented articles (``crawler_inputs``).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from bad_inputs import html_page, invented_article, person_of
from crawler_inputs import REPLACEMENT, gz, jsonl, record, story, write

from vnpolitics.extract.article import extract_article
from vnpolitics.warehouse.crawler_records import field_names, parse_timestamp, path_date
from vnpolitics.warehouse.raw_frames import build_raw_frames
from vnpolitics.warehouse.scan import IngestRecord, scan_folder
from vnpolitics.warehouse.urls import canonical_url, document_key_for


def _rows(records: list[IngestRecord], name: str) -> list[IngestRecord]:
    return [r for r in records if r.source_file == name and r.kind == "article"]


def _files(records: list[IngestRecord]) -> dict[str, tuple]:
    frame = build_raw_frames(records, [], "test")["ingest_files"]
    return {row[0]: row for row in frame.iter_rows()}


def test_a_malformed_line_is_rejected_alone_with_its_line_number(tmp_path: Path) -> None:
    lines = [
        record(invented_article(0), "https://bao.vn/a"),
        '{"url": "https://bao.vn/b", "content": "Sáng 1/1',  # bad JSON
        record(invented_article(1), "https://bao.vn/c"),
        record("", "https://bao.vn/d", title="Không có nội dung"),  # no text
        record("The minister met the delegation in Hanoi on Tuesday. " * 5, "https://bao.vn/e"),
        record(invented_article(2), "https://bao.vn/f", lang="en"),
        ["not", "an", "object"],
    ]
    write(tmp_path / "feed.jsonl", jsonl(lines))
    records, loaded = scan_folder(tmp_path)
    rows = _rows(records, "feed.jsonl")
    assert [(r.record, r.status) for r in rows] == [
        (1, "loaded"),
        (2, "rejected"),
        (3, "loaded"),
        (4, "rejected"),
        (5, "rejected"),
        (6, "rejected"),
        (7, "rejected"),
    ]
    reasons = {r.record: r.reason for r in rows if r.status == "rejected"}
    assert reasons[2].startswith("line 2: bad JSON")
    assert reasons[4].startswith("line 4: record has no text")
    assert reasons[5].startswith("line 5: not Vietnamese text")
    assert reasons[6] == "line 6: record language is 'en', not Vietnamese"
    assert reasons[7] == "line 7: not a JSON object"
    assert [f.decoded.text for f in loaded] == [invented_article(0), invented_article(1)]
    file_row = _files(records)["feed.jsonl"]
    assert file_row[3:5] == ("loaded", "records: 7 (2 loaded, 0 updated, 0 duplicate, 5 rejected)")


def test_a_json_file_holds_one_record_or_an_array(tmp_path: Path) -> None:
    write(tmp_path / "one.json", json.dumps(record(invented_article(0), "https://bao.vn/one")))
    write(
        tmp_path / "many.json",
        json.dumps([record(invented_article(1), "https://bao.vn/x"), record(invented_article(2), None)]),
    )
    write(tmp_path / "bad.json", "[{")
    records, loaded = scan_folder(tmp_path)
    assert [(r.record, r.status) for r in _rows(records, "one.json")] == [(None, "loaded")]
    assert [(r.record, r.status) for r in _rows(records, "many.json")] == [(1, "loaded"), (2, "loaded")]
    (bad,) = _rows(records, "bad.json")
    assert bad.status == "rejected" and bad.reason.startswith("file: bad JSON")
    assert len(loaded) == 3


def test_an_html_page_with_a_sidecar_takes_its_metadata(tmp_path: Path) -> None:
    write(tmp_path / "pages" / "p.html", html_page(invented_article(3)))
    sidecar = {
        "link": "https://m.bao.vn/p?utm_source=zalo",
        "publish_date": "09/04/2024 08:30",
        "site": "Báo X",
    }
    write(tmp_path / "pages" / "p.html.json", json.dumps(sidecar, ensure_ascii=False))
    records, loaded = scan_folder(tmp_path)
    (page,) = _rows(records, "pages/p.html")
    assert page.status == "loaded" and "html" in page.flags
    assert page.meta.origin == "sidecar"
    assert page.meta.canonical_url == "https://bao.vn/p"
    assert page.meta.published_at == datetime(2024, 4, 9, 8, 30)
    assert page.meta.source_outlet == "Báo X"
    assert page.document_key == document_key_for("https://bao.vn/p")
    assert loaded[0].published_at == datetime(2024, 4, 9, 8, 30)
    side = _files(records)["pages/p.html.json"]
    assert (side[3], side[7]) == ("loaded", "sidecar")


def test_a_broken_sidecar_is_rejected_and_its_page_loads_without_it(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", invented_article(4))
    write(tmp_path / "a.txt.json", "{not json")
    records, _ = scan_folder(tmp_path)
    files = _files(records)
    assert files["a.txt"][3] == "loaded"
    assert files["a.txt.json"][3] == "rejected" and "sidecar of a.txt" in files["a.txt.json"][4]


@pytest.mark.parametrize("name", ["a.txt.gz", "a.html.gz", "a.jsonl.gz", "a.json.gz"])
def test_every_format_loads_gzipped(tmp_path: Path, name: str) -> None:
    text = invented_article(5)
    data = {
        "a.txt.gz": text.encode(),
        "a.html.gz": html_page(text).encode(),
        "a.jsonl.gz": jsonl([record(text, "https://bao.vn/g")]),
        "a.json.gz": json.dumps(record(text, "https://bao.vn/g")).encode(),
    }[name]
    write(tmp_path / name, gz(data))
    records, loaded = scan_folder(tmp_path, keep_text=False)
    (row,) = _rows(records, name)
    assert row.status == "loaded" and "gzip" in row.flags
    assert loaded[0].decoded is not None  # kept: a gzip stream is not re-read record by record
    assert person_of(5) in loaded[0].decoded.text


def test_a_truncated_gz_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    lines = [record(invented_article(i), f"https://bao.vn/t{i}") for i in range(6)]
    whole = gz(jsonl(lines))
    write(tmp_path / "cut.jsonl.gz", whole[: len(whole) * 3 // 4])
    records, loaded = scan_folder(tmp_path)
    rows = _rows(records, "cut.jsonl.gz")
    assert rows[-1].status == "rejected"
    assert f"line {rows[-1].record}" in rows[-1].reason and "gzip stream truncated" in rows[-1].reason
    assert [r.status for r in rows[:-1]] == ["loaded"] * (len(rows) - 1)
    assert 1 <= len(loaded) < 6
    assert [f.decoded.text for f in loaded] == [invented_article(i) for i in range(len(loaded))]
    file_row = _files(records)["cut.jsonl.gz"]
    assert file_row[3] == "loaded" and "truncated" in file_row[7]


def test_a_gzip_bomb_and_a_fake_gz_are_rejected(tmp_path: Path) -> None:
    write(tmp_path / "bomb.txt.gz", gz(b"a" * 3_000_000))
    write(tmp_path / "fake.txt.gz", invented_article(0))
    records, _ = scan_folder(tmp_path, max_bytes=100_000)
    files = _files(records)
    assert files["bomb.txt.gz"][3] == "rejected" and "expands past" in files["bomb.txt.gz"][4]
    assert files["fake.txt.gz"][3] == "rejected" and "not a gzip file" in files["fake.txt.gz"][4]


def test_an_edit_under_one_url_is_a_new_version_and_a_copy_under_another_is_an_article(
    tmp_path: Path,
) -> None:
    first, edited = story(), story(REPLACEMENT, "Hội nghị thống nhất ba nhóm giải pháp.")
    write(tmp_path / "2024" / "03" / "14" / "a.jsonl", jsonl([record(first, "https://bao.vn/hn")]))
    write(
        tmp_path / "2024" / "03" / "15" / "a.jsonl",
        jsonl(
            [
                record(edited, "http://www.bao.vn/hn/?utm_campaign=x"),  # the same page, edited
                record(edited, "https://amp.bao.vn/hn/amp"),  # the edit fetched again
                record(first, "https://khac.vn/dang-lai"),  # the first text under another URL
            ]
        ),
    )
    records, loaded = scan_folder(tmp_path)
    rows = [r for r in records if r.kind == "article"]
    assert [r.status for r in rows] == ["loaded", "updated", "duplicate", "loaded"]
    v1, v2, again, copy = rows
    assert v1.document_key == v2.document_key == again.document_key == document_key_for("https://bao.vn/hn")
    assert v1.article_key != v2.article_key
    assert v2.reason == "new version of https://bao.vn/hn (replaces 2024/03/14/a.jsonl:1)"
    assert (copy.article_key, "republished") == (v1.article_key, copy.flags[-1])
    assert copy.document_key != v1.document_key
    assert [f.article_key for f in loaded] == [v1.article_key, v2.article_key]  # the copy is not re-extracted
    versions = build_raw_frames(records, [], "test")["ingest_records"]
    chain = versions.filter(versions["document_key"] == v1.document_key).select(
        "status", "version_number", "replaced_by"
    )
    assert chain.rows() == [("loaded", 1, v2.article_key), ("updated", 2, None), ("duplicate", None, None)]


def test_a_text_without_url_seen_again_is_a_duplicate_as_before(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", invented_article(6))
    write(tmp_path / "b.jsonl", jsonl([record(invented_article(6), None)]))
    records, loaded = scan_folder(tmp_path)
    (dup,) = _rows(records, "b.jsonl")
    assert (dup.status, dup.reason) == ("duplicate", "duplicate of a.txt (same text)")
    assert len(loaded) == 1


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2024/04/09/bai.txt", date(2024, 4, 9)),
        ("tin/2024-04-09-bai.html", date(2024, 4, 9)),
        ("crawl_20240409.jsonl.gz", date(2024, 4, 9)),
        ("2023/01/02/feed-2024-04-09.jsonl", date(2024, 4, 9)),  # the deepest wins
        ("000_c49c3319614aa16e.txt", None),  # hex digits of a hash are no date
        ("a20240409b.txt", None),
        ("2024/13/45/bai.txt", None),
    ],
)
def test_dates_in_paths(name: str, expected: date | None) -> None:
    assert path_date(name) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-04-09T08:30:00+07:00", datetime(2024, 4, 9, 8, 30)),
        ("2024-04-09T01:30:00Z", datetime(2024, 4, 9, 8, 30)),  # UTC -> Asia/Ho_Chi_Minh
        ("2024-04-09 08:30", datetime(2024, 4, 9, 8, 30)),  # no zone: Vietnamese time
        ("2024-04-09", datetime(2024, 4, 9)),
        ("09/04/2024 08:30", datetime(2024, 4, 9, 8, 30)),  # day first
        ("08:30 09/04/2024", datetime(2024, 4, 9, 8, 30)),
        ("9-4-2024", datetime(2024, 4, 9)),
        ("09/04/2024 01:30 GMT+0", datetime(2024, 4, 9, 8, 30)),
        (1712626200, datetime(2024, 4, 9, 8, 30)),
        ("1712626200000", datetime(2024, 4, 9, 8, 30)),  # milliseconds
        ("Tue, 09 Apr 2024 08:30:00 +0700", datetime(2024, 4, 9, 8, 30)),
        ("hôm qua", None),
        ("31/02/2024", None),
        (True, None),
    ],
)
def test_timestamps_in_any_common_form_become_vietnamese_time(
    value: object, expected: datetime | None
) -> None:
    assert parse_timestamp(value) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://bao.vn/chinh-tri/bai-1.html", "https://bao.vn/chinh-tri/bai-1.html"),
        ("HTTP://WWW.Bao.VN/chinh-tri/bai-1.html#binh-luan", "https://bao.vn/chinh-tri/bai-1.html"),
        (
            "https://m.bao.vn/chinh-tri/bai-1.html?utm_source=fb&fbclid=x",
            "https://bao.vn/chinh-tri/bai-1.html",
        ),
        ("https://amp.bao.vn/chinh-tri/bai-1.amp.html", "https://bao.vn/chinh-tri/bai-1.html"),
        ("https://bao.vn/amp/chinh-tri/bai-1/", "https://bao.vn/chinh-tri/bai-1"),
        ("https://bao.vn/tin?id=2&a=1", "https://bao.vn/tin?a=1&id=2"),
        ("mailto:toa-soan@bao.vn", None),
    ],
)
def test_canonical_urls(url: str, expected: str | None) -> None:
    assert canonical_url(url) == expected


def test_the_field_mapping_is_one_configurable_table(tmp_path: Path, monkeypatch) -> None:
    mapping = tmp_path / "fields.json"
    mapping.write_text(json.dumps({"text": ["noi_dung"], "published_at": ["ngay_dang"]}))
    monkeypatch.setenv("RECORD_FIELDS", str(mapping))
    assert field_names()["text"] == ("noi_dung",)
    raw = tmp_path / "raw"
    write(
        raw / "a.jsonl",
        jsonl([{"noi_dung": invented_article(7), "ngay_dang": "1/2/2024", "tac_gia_anh": "X", "link": "u"}]),
    )
    records, _ = scan_folder(raw)
    (row,) = _rows(records, "a.jsonl")
    assert row.status == "loaded" and row.meta.published_at == datetime(2024, 2, 1)
    assert json.loads(row.meta.extra) == {"tac_gia_anh": "X"}  # unknown fields kept
    assert row.meta.url == "u" and row.meta.canonical_url is None  # no http(s) URL: identified by its text
    assert row.document_key == row.article_key


def test_unknown_fields_of_a_mapping_are_refused(tmp_path: Path, monkeypatch) -> None:
    mapping = tmp_path / "fields.json"
    mapping.write_text(json.dumps({"txt": ["noi_dung"]}))
    monkeypatch.setenv("RECORD_FIELDS", str(mapping))
    with pytest.raises(ValueError, match="unknown fields"):
        field_names()


def test_the_meeting_year_comes_from_the_best_publication_date() -> None:
    """Record metadata outranks what the text prints, which outranks a date in the path."""
    printed = "Thứ Hai, 10/3/2021 08:00\n\n" + story()  # the text prints a publication date
    unprinted = story()

    def year(text: str, **dates: datetime) -> tuple[int | None, str | None]:
        (meeting,) = extract_article(text, **dates).meetings
        return (meeting.meeting_date.year if meeting.meeting_date else None), meeting.date_basis

    assert year(printed, published_at=datetime(2024, 3, 20), fallback_published_at=datetime(2019, 3, 20)) == (
        2024,
        "publication",
    )
    assert year(printed, fallback_published_at=datetime(2019, 3, 20)) == (2021, "publication")
    assert year(unprinted, fallback_published_at=datetime(2019, 3, 20)) == (2019, "publication")
