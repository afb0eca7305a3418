"""Articles that print no year, dated by what they say: a legislature's session, a reform's trace,
else the year their raw file was written."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from vnpolitics.extract.dates import resolve_meeting_date
from vnpolitics.extract.era_clues import era_clues, provinces_merged_in_2025, session_year
from vnpolitics.warehouse.batch_extraction import extract_folder


def _resolved(text: str) -> tuple[date | None, str | None]:
    found = resolve_meeting_date(text, None)
    assert found is not None
    return found.meeting_date, found.date_basis


def test_a_session_of_the_national_assembly_gives_its_year() -> None:
    # Two sessions in the election year, then two a year: the 14th Assembly was elected in 2016.
    assert [session_year(14, n) for n in (1, 2, 3, 8, 10)] == [2016, 2016, 2017, 2019, 2020]
    assert session_year(15, 10) == 2025
    assert session_year(99, 1) is None
    text = (
        "Ngày 30-9, Đoàn ĐBQH tỉnh Thanh Hóa gồm các đồng chí ... đã có buổi tiếp xúc cử tri tại "
        "huyện Thường Xuân trước kỳ họp thứ 8, Quốc hội khóa XIV."
    )
    assert _resolved(text) == (date(2019, 9, 30), "term_of_office")
    worded = "Sáng 20/7, tại kỳ họp thứ nhất Quốc hội khóa XV, các đại biểu bầu Chủ tịch nước."
    assert _resolved(worded) == (date(2021, 7, 20), "term_of_office")
    reversed_order = "Chiều 5/6, Quốc hội khóa XIII, kỳ họp thứ 5 thảo luận dự án luật."
    assert [c.year for c in era_clues(reversed_order)] == [2013]


def test_a_province_the_2025_reform_merged_away_dates_the_article_after_it() -> None:
    merged = provinces_merged_in_2025()
    assert {"quảng nam", "hà giang", "bình phước"} <= merged
    assert not {"hà nội", "nghệ an", "đà nẵng"} & merged  # kept in 2025
    assert "hà tây" not in merged  # merged into Hà Nội in 2008, long before
    text = (
        "Ngày 7-9, Văn phòng Thành ủy Đà Nẵng cho biết ... Theo đó, chiều 4-9, bà Lê Thị Mỹ Hạnh, "
        "Chủ nhiệm Ủy ban Kiểm tra Thành ủy, chủ trì kỳ họp. Các đảng viên thuộc huyện Đại Lộc "
        "(tỉnh Quảng Nam cũ, nay là TP Đà Nẵng) bị khai trừ Đảng."
    )
    assert _resolved(text)[1] == "lower_bound"
    assert _resolved(text)[0].year == 2025
    old = "Sáng 4/9, huyện Ba Vì (tỉnh Hà Tây cũ) tổ chức hội nghị."
    assert era_clues(old) == []
    two_level = "Sáng 4/9, xã tổng kết 2 tháng vận hành chính quyền địa phương hai cấp."
    assert [(c.year, c.kind) for c in era_clues(two_level)] == [(2025, "since")]


def test_with_no_clue_at_all_the_year_is_the_raw_files(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    article = raw / "hoi_dam.txt"
    article.write_text(
        "Sáng 18/11, tại Hà Nội, Tổng Liên đoàn Lao động Việt Nam hội đàm với Đoàn đại biểu "
        "Tổng Công đoàn Mông Cổ.\n",
        encoding="utf-8",
    )
    written = datetime(2013, 11, 19, 9, 0).timestamp()
    os.utime(article, (written, written))
    meetings = extract_folder(raw)["meetings"]
    assert meetings["meeting_date"].to_list() == [date(2013, 11, 18)]
    assert meetings["date_basis"].to_list() == ["file_time"]
    assert meetings["date_is_inferred"].to_list() == [True]
