"""extract_metadata: only what the page prints, and only where a page prints it."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from vnpolitics.extract.cleaning import clean_article
from vnpolitics.extract.metadata import extract_metadata, parse_byline, parse_datetime

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "gold"
LEAD = (
    "Chiều 12/4, Ban Thường vụ Tỉnh ủy tổ chức hội nghị sơ kết công tác xây dựng Đảng quý I năm 2024 "
    "với sự tham dự của lãnh đạo các sở, ban, ngành."
)
BODY = (
    "Phát biểu tại hội nghị, đồng chí Bí thư Tỉnh ủy đề nghị các cấp ủy tiếp tục đổi mới "
    "phương thức lãnh đạo."
)


def meta(text: str):
    return extract_metadata(text, clean_article(text))


EXPECTED = {
    "000_c49c3319614aa16e.txt": (None, None, "Thu Hà"),
    "001_704cf3c34c1ea446.txt": (datetime(2022, 4, 14, 8, 51), "xaydungdang.org.vn", None),
    "002_6567be2efba4ea88.txt": (None, "kinhtedothi.vn", None),
    "003_4e826893ed8cef29.txt": (datetime(2021, 6, 28, 19, 54), "HNP", "Trọng Toàn"),
    "004_48bd5a5d99a337b2.txt": (None, None, None),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_articles_match_the_expected_metadata(name: str) -> None:
    m = meta((ROOT / "raw" / name).read_text(encoding="utf-8"))
    assert (m.published_at, m.source_outlet, m.author) == EXPECTED[name]


@pytest.mark.skipif(not GOLD.is_dir(), reason="gold annotations not available")
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_articles_match_the_gold_files(name: str) -> None:
    gold = json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))
    m = meta((ROOT / "raw" / name).read_text(encoding="utf-8"))
    published = m.published_at.strftime("%Y-%m-%dT%H:%M") if m.published_at else None
    assert (published, m.source_outlet, m.author) == (gold["published_at"], gold["source"], gold["author"])


def test_title_loses_print_link_and_time() -> None:
    printed = meta(f"Tỉnh ủy sơ kết quý I In trang\n14/04/2024 08:51 SA\n\n{LEAD}")
    assert printed.title == "Tỉnh ủy sơ kết quý I"
    timed = meta(f"Giao ban khu vực phía Bắc (19:54 28/06/2021)\n\n{LEAD}")
    assert timed.title == "Giao ban khu vực phía Bắc"


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("14/04/2022 08:51 SA", datetime(2022, 4, 14, 8, 51)),
        ("14/04/2022 08:51 CH", datetime(2022, 4, 14, 20, 51)),
        ("14/04/2022 12:05 SA", datetime(2022, 4, 14, 0, 5)),
        ("(19:54 28/06/2021)", datetime(2021, 6, 28, 19, 54)),
        ("Thứ Bảy, 31-10-2020, 04:36", datetime(2020, 10, 31, 4, 36)),
        ("08/04/2015, 08:11 [GMT+7]", datetime(2015, 4, 8, 8, 11)),
        ("Cập nhật: 10:30 ngày 05/03/2024", datetime(2024, 3, 5, 10, 30)),
        ("13/06/2025 01:40", datetime(2025, 6, 13, 1, 40)),
        ("2024-03-05T07:15", datetime(2024, 3, 5, 7, 15)),
        ("2024-03-05 07:15:30", datetime(2024, 3, 5, 7, 15, 30)),
        ("05/03/2024", datetime(2024, 3, 5)),
        ("31/02/2024 10:00", None),
    ],
)
def test_printed_datetime_forms(printed: str, expected: datetime | None) -> None:
    assert parse_datetime(printed) == expected


@pytest.mark.parametrize(
    "header",
    [
        "14/04/2022 08:51 SA",
        "Thứ Bảy, 31-10-2020, 04:36",
        "08/04/2015, 08:11 [GMT+7]",
        "Cập nhật: 08/04/2015 08:11",
        "Ngày đăng: 08/04/2015",
    ],
)
def test_publication_line_under_the_title_is_read(header: str) -> None:
    assert meta(f"Tiêu đề bài báo\n{header}\n\n{LEAD}\n\n{BODY}").published_at is not None


def test_dates_inside_the_story_are_not_publication_times() -> None:
    text = (
        f"Tiêu đề bài báo\n\nNgày 30-7-2007, Ban Chấp hành Trung ương ban hành nghị quyết lúc 08:00 "
        f"tại Hà Nội.\n\n{BODY}\n\nThời gian khảo sát từ ngày 3-5 đến 9-6-2019."
    )
    assert meta(text).published_at is None


@pytest.mark.parametrize(
    "line, outlet",
    [
        ("(xaydungdang.org.vn)", "xaydungdang.org.vn"),
        ("Nguồn KTĐT: http://www.KinhTeDoThi.vn/bai-viet-123.html", "kinhtedothi.vn"),
        ("Nguồn: Báo Nhân Dân", "Báo Nhân Dân"),
        ("Theo TTXVN", "TTXVN"),
        ("(Theo VnExpress)", "VnExpress"),
        ("Theo Báo Nhân Dân", "Báo Nhân Dân"),
        ("(Theo dangcongsan.vn)", "dangcongsan.vn"),
        ("(TTXVN)", "TTXVN"),
    ],
)
def test_credit_line_names_the_outlet(line: str, outlet: str) -> None:
    assert meta(f"Tiêu đề bài báo\n\n{LEAD}\n\n{BODY}\n\n{line}").source_outlet == outlet


@pytest.mark.parametrize(
    "lead, outlet",
    [
        ("HNP - " + LEAD, "HNP"),
        ("(Chinhphu.vn) – " + LEAD, "chinhphu.vn"),
        ("TTO - " + LEAD, "TTO"),
    ],
)
def test_dateline_of_the_lead_names_the_outlet(lead: str, outlet: str) -> None:
    assert meta(f"Tiêu đề bài báo\n13/06/2025 01:40\n\n{lead}\n\n{BODY}").source_outlet == outlet


@pytest.mark.parametrize(
    "last",
    [
        "Theo ông Bí thư, hội nghị đã thành công tốt đẹp.",
        "Theo kế hoạch",
        "COVID-19 - diễn biến mới",
    ],
)
def test_story_lines_do_not_name_an_outlet(last: str) -> None:
    assert meta(f"Tiêu đề bài báo\n\n{LEAD}\n\n{last}").source_outlet is None
    assert meta(f"Tiêu đề bài báo\n\n{last}\n\n{LEAD}").source_outlet is None


@pytest.mark.parametrize(
    "line, author",
    [
        ("Minh An", "Minh An"),
        ("Bài và ảnh: Minh An", "Minh An"),
        ("Minh An - Quốc Bảo", "Minh An - Quốc Bảo"),
        ("Minh An, Quốc Bảo và Thu Trang", "Minh An, Quốc Bảo và Thu Trang"),
        ("Quốc Bảo (tổng hợp)", "Quốc Bảo"),
        ("Nhóm PV", "Nhóm PV"),
        ("MINH AN", "Minh An"),
        ("T.Long", "T.Long"),
        ("Ông Trần Văn Bình", None),
        ("ĐBQH Nguyễn Văn A.", None),
        ("Mô hình nhà văn hóa xã - Phương án hai", None),
        ("Hội nghị kết thúc lúc 17 giờ", None),
        ("Ảnh: Minh An", None),
    ],
)
def test_byline_forms(line: str, author: str | None) -> None:
    assert parse_byline(line) == author


def test_byline_is_read_from_the_end_of_the_story_before_credit_and_captions() -> None:
    text = f"Tiêu đề bài báo\n\n{LEAD}\n\n{BODY}\n\nMinh An\n\n(baotinh.vn)"
    assert meta(text).author == "Minh An"


def test_a_full_name_above_uncredited_photo_captions_is_the_byline() -> None:
    text = (
        f"Tiêu đề bài báo\n\n{LEAD}\n\n{BODY}\n\nVõ Văn Tâm\n\nÔng Lê Văn Hai.\nĐường thăng tiến của ông Hai."
    )
    assert meta(text).author == "Võ Văn Tâm"
    # a short last sentence above the captions is no byline
    text = f"Tiêu đề bài báo\n\n{LEAD}\n\n{BODY}\n\nHội nghị bế mạc.\n\nÔng Lê Văn Hai."
    assert meta(text).author is None


def test_photo_credit_is_never_the_author() -> None:
    text = f"Tiêu đề bài báo\n\n{LEAD}\n\n{BODY}\n\nĐồng chí Bí thư phát biểu - Ảnh: Minh An"
    assert meta(text).author is None


def test_no_byline_when_the_story_ends_with_a_paragraph() -> None:
    assert meta(f"Tiêu đề bài báo\n\n{LEAD}\n\n{BODY}").author is None
    assert meta("Minh An").author is None  # a lone line is the title, not a byline


# --- page furniture, bylines at the foot, under the text and under the title ---------------------


@pytest.mark.parametrize("furniture", ["Feedback", "Bình luận", "Trả lời", "TIN CÙNG CHUYÊN MỤC", "Chia sẻ"])
def test_page_furniture_is_never_the_author(furniture: str) -> None:
    assert meta(f"Tiêu đề bài báo\n\n{LEAD}\n\n{BODY}\n\n{furniture}").author is None


def test_byline_above_furniture_and_related_links_is_read() -> None:
    text = (
        f"Tiêu đề bài báo\n\n{LEAD}\n\n{BODY}\n\nTin, ảnh: MINH AN\nTrả lời\n"
        "Thư điện tử của bạn sẽ không được hiển thị công khai.\n>> Hội nghị Ban Chấp hành tỉnh khác\n"
        "news_is_not_ads=\nTIN MỚI"
    )
    assert meta(text).author == "Minh An"


@pytest.mark.parametrize(
    "line, author",
    [
        ("Minh An - Đảng ủy Khối các cơ quan tỉnh", "Minh An"),
        ("Minh An - Báo Nhân Dân", "Minh An"),
        ("Minh An (Trung tâm Văn hóa huyện)", "Minh An"),
        ("Minh An - Quốc Bảo", "Minh An - Quốc Bảo"),
        ("Mô hình nhà văn hóa xã - Phương án hai", None),
    ],
)
def test_a_writer_with_a_workplace(line: str, author: str | None) -> None:
    assert parse_byline(line) == author


def test_byline_after_a_wide_gap_at_the_end_of_the_last_paragraph() -> None:
    text = f"Tiêu đề bài báo\n\n{LEAD}\n\n{BODY}          Lê Minh An\n"
    assert meta(text).author == "Lê Minh An"
    assert meta(f"Tiêu đề bài báo\n\n{LEAD}\n\n{BODY} Lê Minh An\n").author is None


@pytest.mark.parametrize("line", ["Lê Minh An |", "Lê Minh An | 12/04/2024 08:00", "Lê Minh An"])
def test_byline_under_the_title(line: str) -> None:
    assert meta(f"Tiêu đề bài báo\n{line}\n{LEAD}\n\n{BODY}").author == "Lê Minh An"


@pytest.mark.parametrize("line", ["Hà Nội", "Thời Sự", "TTXVN |"])
def test_places_sections_and_agencies_under_the_title_are_not_bylines(line: str) -> None:
    assert meta(f"Tiêu đề bài báo\n{line}\n{LEAD}\n\n{BODY}").author is None


def test_a_writers_credit_names_the_author_and_yields_to_the_dateline() -> None:
    credited = f"Tiêu đề bài báo\n\nPNO - {LEAD}\n\n{BODY}\n\nTheo Minh An /VGP"
    assert (meta(credited).author, meta(credited).source_outlet) == ("Minh An", "PNO")
    no_dateline = f"Tiêu đề bài báo\n\n{LEAD}\n\n{BODY}\n\nTheo Minh An /VGP"
    assert (meta(no_dateline).author, meta(no_dateline).source_outlet) == ("Minh An", "VGP")


@pytest.mark.parametrize(
    "text, outlet",
    [
        (f"Tiêu đề bài báo\nNgày đăng: 03/11/2022\nQK2 – {LEAD}\n\n{BODY}", "QK2"),
        (f"Chuyên mục\nTiêu đề bài báo\nMinh An\nANTĐ - {LEAD}\n\n{BODY}", "ANTĐ"),
        (f"TGDV - {LEAD}\n\n{BODY}", "TGDV"),
        (f"ASEAN - Việt Nam tăng cường hợp tác\n\n{LEAD}\n\n{BODY}", None),
        (f"Tiêu đề bài báo\n\n{LEAD}\nTheo dõi Baotinh.vn trên\n{BODY}", "baotinh.vn"),
        (
            f"Tiêu đề bài báo\n\n{LEAD}\n\n{BODY}\n\n(Nguồn: Báo Quảng Ninh)\nChia sẻ\nBình luận",
            "Báo Quảng Ninh",
        ),
    ],
)
def test_outlet_from_datelines_site_names_and_credits_below_furniture(text: str, outlet: str | None) -> None:
    assert meta(text).source_outlet == outlet


# --- publication time ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("Thứ Năm, 12 tháng 1, 2012", datetime(2012, 1, 12)),
        ("Thứ ba Ngày 30 Tháng 04 Năm 2024, 12:07:22", datetime(2024, 4, 30, 12, 7, 22)),
        ("30/10/2020 - 13:59", datetime(2020, 10, 30, 13, 59)),
    ],
)
def test_worded_and_dashed_publication_times(printed: str, expected: datetime) -> None:
    assert meta(f"Tiêu đề bài báo\n{printed}\n\n{LEAD}\n\n{BODY}").published_at == expected


def test_a_labelled_publication_date_beats_a_header_clock() -> None:
    text = f"Thứ ba Ngày 30 Tháng 04 Năm 2024, 12:07:22\nTiêu đề bài báo\nNgày đăng: 03/11/2022\n\n{LEAD}"
    assert meta(text).published_at == datetime(2022, 11, 3)


def test_a_site_clock_years_after_the_story_is_not_the_publication_time() -> None:
    story = "Chiều 12/4, Ban Thường vụ Tỉnh ủy sơ kết công tác quý I năm 2019."
    stale = f"Thứ ba Ngày 30 Tháng 04 Năm 2024, 12:07:22\nTiêu đề bài báo\n\n{story}\n\n{BODY}"
    assert meta(stale).published_at is None
    current = f"Tiêu đề bài báo\nThứ 6, 12.04.2019 | 11:34:21\n\n{story}\n\n{BODY}"
    assert meta(current).published_at == datetime(2019, 4, 12, 11, 34, 21)


def test_a_photo_caption_or_furniture_is_not_the_title() -> None:
    caption = "Bà Lê Thị B (thứ 2 từ trái sang) chúc mừng tân Chủ tịch Hội"
    assert meta(f"{caption}\n{LEAD}\n\n{BODY}").title is None
    assert meta(f"Skip to main content\nTiêu đề bài báo\n\n{LEAD}").title == "Tiêu đề bài báo"
