"""Event dates: phrase forms, what is not a date, which date is the event's, and its year."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.conftest import RAW
from vnpolitics.extract.dates import (
    article_years,
    find_date_phrases,
    first_working_day,
    infer_year,
    resolve_meeting_date,
    year_from_publication,
    year_mentions,
)
from vnpolitics.extract.regex_prefix import required_literal


def _one(text: str):
    phrases = [p for p in find_date_phrases(text) if p.day is not None or p.relative is not None]
    assert len(phrases) == 1, phrases
    return phrases[0]


@pytest.mark.parametrize(
    "text, day, month, year, tod",
    [
        ("Chiều 29/1, Ủy ban tỉnh họp.", 29, 1, None, "chiều"),
        ("Sáng 3/9, đoàn đến thăm xã.", 3, 9, None, "sáng"),
        ("Chiều 12-4, hai bên làm việc.", 12, 4, None, "chiều"),
        ("Ngày 28-2, Sở tổ chức hội thảo.", 28, 2, None, None),
        ("Hội nghị diễn ra ngày 20 tháng 5 năm 2013 tại tỉnh.", 20, 5, 2013, None),
        ("Ngày 7.3, huyện tổ chức lễ mít tinh.", 7, 3, None, None),
        ("Chiều nay 10/12, hai cơ quan ký kết chương trình.", 10, 12, None, "chiều"),
        ("Hội nghị sẽ khai mạc sáng mai (15/3) tại thủ đô.", 15, 3, None, "sáng"),
        ("Sáng 3-9-2019, tỉnh tổ chức đại hội.", 3, 9, 2019, "sáng"),
        ("Văn bản được gửi ngày 5/3/2018 tới các sở.", 5, 3, 2018, None),
        ("Tối 1/1, thành phố bắn pháo hoa.", 1, 1, None, "tối"),
        ("Trưa 2/9, đoàn dâng hương tại khu di tích.", 2, 9, None, "trưa"),
        ("Đêm 30/4, lực lượng trực chiến.", 30, 4, None, "đêm"),
        ("Chuyến thăm diễn ra từ ngày 6-7/10/2024 theo lời mời.", 6, 10, 2024, None),
    ],
)
def test_date_forms_are_read(text: str, day: int, month: int, year: int | None, tod: str | None) -> None:
    phrase = _one(text)
    assert (phrase.day, phrase.month, phrase.year, phrase.time_of_day) == (day, month, year, tod)
    assert text[phrase.char_start : phrase.char_end] == phrase.text


@pytest.mark.parametrize(
    "text",
    [
        "Hai cơ quan đã hoàn thành 7/10 nội dung của kế hoạch.",
        "Số tổ chức đạt trong sạch, vững mạnh là 22/50 (44%).",
        "Thực hiện Nghị quyết số 15-NQ/TW của Ban Chấp hành.",
        "Chương trình phối hợp giai đoạn 2017-2020 được triển khai.",
        "Chương trình phối hợp giai đoạn 2017 – 2020 được triển khai.",
        "Tỷ lệ đạt 3/4 chỉ tiêu, tăng 12,5% so với cùng kỳ.",
        "Ngày 32/1 không có trong lịch, ngày 30-2 cũng vậy.",
        "Đã có 1.540 lượt truy cập.",
    ],
)
def test_ratios_codes_and_ranges_are_not_dates(text: str) -> None:
    assert [p for p in find_date_phrases(text) if p.day is not None] == []


def test_publication_stamp_is_not_an_event_date() -> None:
    text = "Tiêu đề\n14/04/2022 08:51 SA\n\nNội dung không có ngày."
    assert find_date_phrases(text) == []
    assert resolve_meeting_date(text, None) is None


@pytest.mark.parametrize(
    "text, relative",
    [
        ("Ngay trong ngày làm việc đầu tiên của năm 2018, thành phố tổng kết.", "first_working_day"),
        ("Sáng nay, Quốc hội thảo luận ở tổ.", "today"),
        ("Hôm qua, đoàn đã đến thăm tỉnh.", "yesterday"),
    ],
)
def test_relative_phrases_are_found(text: str, relative: str) -> None:
    assert _one(text).relative == relative


def test_first_working_day_skips_new_year_and_weekends() -> None:
    assert first_working_day(2018) == date(2018, 1, 2)  # Tuesday
    assert first_working_day(2022) == date(2022, 1, 3)  # Jan 2 is a Sunday


def test_relative_phrases_resolve_against_publication() -> None:
    published = datetime(2023, 5, 10, 9, 0)
    today = resolve_meeting_date("Sáng nay, Ủy ban tổ chức hội nghị.", published)
    yesterday = resolve_meeting_date("Hôm qua, Ủy ban tổ chức hội nghị.", published)
    assert today is not None and today.meeting_date == date(2023, 5, 10) and today.time_of_day == "sáng"
    assert yesterday is not None and yesterday.meeting_date == date(2023, 5, 9)
    assert resolve_meeting_date("Sáng nay, Ủy ban tổ chức hội nghị.", None) is None


def test_printed_year_is_not_inferred() -> None:
    found = resolve_meeting_date("Sáng 3-9-2019, tỉnh tổ chức đại hội.", None)
    assert found is not None
    assert found.meeting_date == date(2019, 9, 3) and found.date_is_inferred is False


def test_year_from_publication_is_inferred_and_never_well_after_it() -> None:
    found = resolve_meeting_date("Chiều 12/4, Bộ làm việc với tỉnh.", datetime(2022, 4, 14, 8, 51))
    assert found is not None and found.meeting_date == date(2022, 4, 12) and found.date_is_inferred
    assert year_from_publication(30, 12, datetime(2020, 1, 2)) == 2019
    assert year_from_publication(15, 3, datetime(2020, 3, 12)) == 2020  # announced for a few days later


def test_document_dates_are_not_the_event() -> None:
    text = (
        "Chiều 5/1, Thành ủy tổ chức hội nghị. Hội nghị quán triệt Nghị quyết số 15-NQ/TU "
        "ngày 4-7-2017 và Quyết định số 120/QĐ-UBND, ngày 9/9/2016."
    )
    found = resolve_meeting_date(text, datetime(2018, 1, 6, 10, 0))
    assert found is not None and found.date_text == "Chiều 5/1" and found.meeting_date == date(2018, 1, 5)
    only_documents = "Đơn vị thực hiện Nghị quyết số 15-NQ/TU ngày 4-7-2017 của Thành ủy."
    assert resolve_meeting_date(only_documents, None) is None


def test_dated_sentence_start_beats_a_later_date() -> None:
    text = (
        "Trước đó, ngày 2/3, tỉnh đã gửi báo cáo. Sáng 9/3, Ban Thường vụ tổ chức hội nghị sơ kết công tác."
    )
    found = resolve_meeting_date(text, datetime(2021, 3, 10))
    assert found is not None and found.date_text == "Sáng 9/3"


# --- year inference from the text alone ------------------------------------------------------


def _infer(text: str) -> int | None:
    phrase = next(p for p in find_date_phrases(text) if p.day is not None and p.time_of_day)
    return infer_year(text, phrase)


def test_january_review_of_last_year_is_held_the_next_year() -> None:
    text = (
        "Chiều 15/1, Sở tổ chức hội nghị. Năm 2020, ngành đã đạt nhiều kết quả; "
        "còn một số việc chưa làm được trong năm 2020."
    )
    assert _infer(text) == 2021


def test_plans_for_next_year_are_set_in_december() -> None:
    text = "Sáng 20/12, Sở tổ chức hội nghị. Hội nghị bàn nhiệm vụ năm 2024 của ngành."
    assert _infer(text) == 2023


def test_programme_signed_late_in_the_year_before_its_period() -> None:
    text = "Sáng 15/12, hai đơn vị đã tổ chức ký kết chương trình phối hợp giai đoạn 2021 – 2025."
    assert _infer(text) == 2020


def test_anniversary_arithmetic_gives_the_year() -> None:
    text = "Sáng 2/3, huyện tổ chức lễ kỷ niệm 40 năm ngày thành lập huyện (2/3/1984)."
    assert _infer(text) == 2024


def test_the_year_an_anniversary_counts_from_no_longer_votes_however_often_printed() -> None:
    text = (
        "Sáng 31/1, thành phố tổ chức lễ kỷ niệm 50 năm cuộc Tổng tiến công Xuân Mậu Thân 1968. "
        "Trận đánh năm 1968 đi vào lịch sử. Bản hùng ca Mậu Thân 1968 được dàn dựng lại. "
        "Nhiều nhân chứng của năm 1968 đã về dự."
    )
    assert _infer(text) == 2018


def test_an_anniversary_printed_kỉ_niệm_or_cach_day_counts_too() -> None:
    assert _infer("Sáng 26/1, khai mạc triển lãm kỉ niệm 50 năm Tết Mậu Thân 1968.") == 2018
    assert _infer("Chiều 3/2, ông nhắc lại cách đây 88 năm, ngày 3-2-1930, Đảng ra đời.") == 2018


def test_the_year_an_anniversary_falls_in_is_no_year_to_count_from() -> None:
    text = "Chiều 5/9, hai nước sắp kỷ niệm 25 năm ký Hiệp ước hữu nghị trong năm 2019."
    assert _infer(text) == 2019


def test_goals_do_not_vote_and_documents_bound_from_below() -> None:
    text = (
        "Chiều 10/6, tỉnh họp bàn quy hoạch đến năm 2030. Tỉnh thực hiện Nghị quyết số 12-NQ/TU "
        "ngày 1-3-2019 của Tỉnh ủy."
    )
    assert _infer(text) == 2019
    assert {y.use for y in year_mentions(text)} == {"target", "document"}


def test_no_year_printed_gives_no_year_unless_the_caller_has_one() -> None:
    text = "Chiều 10/6, Ủy ban tổ chức hội nghị."
    assert _infer(text) is None
    found = resolve_meeting_date(text, None)
    assert found is not None and found.meeting_date is None and found.date_text == "Chiều 10/6"
    fallback = resolve_meeting_date(text, None, file_year=2020)
    assert fallback is not None and fallback.meeting_date == date(2020, 6, 10)


def test_article_years_lists_printed_years() -> None:
    text = "Năm 2018, ngành đạt kết quả tốt; giai đoạn 2016-2020 còn nhiều việc; tháng 7/2019 họp."
    assert article_years(text) == [2016, 2018, 2019, 2020]


# --- the sample articles ------------------------------------------------------------------------

SAMPLES = [
    # file prefix, published_at, expected date
    ("000_", None, date(2019, 1, 29)),
    ("001_", datetime(2022, 4, 14, 8, 51), date(2022, 4, 12)),
    ("002_", None, date(2016, 12, 10)),
    ("003_", datetime(2021, 6, 28, 19, 54), date(2021, 6, 28)),
    ("004_", None, date(2018, 1, 2)),
]


@pytest.mark.parametrize("prefix, published_at, expected", SAMPLES)
def test_sample_article_meeting_dates(prefix: str, published_at: datetime | None, expected: date) -> None:
    path = next(RAW.glob(f"{prefix}*.txt"))
    found = resolve_meeting_date(path.read_text(encoding="utf-8"), published_at)
    assert found is not None
    assert found.meeting_date == expected


def test_sample_001_year_follows_from_its_text_alone() -> None:
    """ "tổng kết 15 năm thực hiện Nghị quyết ... ngày 30-7-2007" is 2022, as printed above it."""
    path = next(RAW.glob("001_*.txt"))
    found = resolve_meeting_date(path.read_text(encoding="utf-8"), None)
    assert found is not None and found.meeting_date == date(2022, 4, 12)


@pytest.mark.parametrize("years", [("2018", "2019"), ("2019", "2018")])
def test_a_tie_in_the_year_vote_goes_to_the_later_year(years: tuple[str, str]) -> None:
    """Two years with equal votes, in either order: the later one (an article reports its own
    present, and an older year in it is more often a reference back)."""
    first, second = years
    text = f"Chiều 10/6, Ủy ban tổ chức hội nghị. Báo cáo nêu số liệu năm {first} và năm {second}."
    assert {y.year for y in year_mentions(text)} == {2018, 2019}
    assert _infer(text) == 2019


# --- the clue ladder and the basis it reports ------------------------------------------------------


def _resolved(text: str, published_at: datetime | None = None, **kw):
    found = resolve_meeting_date(text, published_at, **kw)
    assert found is not None
    return found.meeting_date, found.date_basis


def test_each_meeting_date_says_which_clue_gave_its_year() -> None:
    assert _resolved("Sáng 3-9-2019, tỉnh tổ chức đại hội.") == (date(2019, 9, 3), "printed")
    assert _resolved("Chiều 12/4, Bộ làm việc với tỉnh.", datetime(2022, 4, 14)) == (
        date(2022, 4, 12),
        "publication",
    )
    text = "Chiều 10/6, Ủy ban tổ chức hội nghị."
    assert _resolved(text) == (None, None)
    assert _resolved(text, file_year=2020) == (date(2020, 6, 10), "file_time")


def test_a_month_printed_with_a_dash_dates_the_event() -> None:
    text = (
        "Sáng 30-1, Đảng ủy xã Tân Hòa tổ chức hội nghị giao ban định kỳ tháng 1-2026 với các bí thư chi bộ."
    )
    assert _resolved(text) == (date(2026, 1, 30), "year_vote")


def test_a_first_session_opens_its_term() -> None:
    text = (
        "Sáng 25/6, Hội đồng nhân dân xã Tân Hòa khóa X, nhiệm kỳ 2021 - 2026 tổ chức kỳ họp thứ nhất "
        "để bầu các chức danh chủ chốt."
    )
    assert _resolved(text) == (date(2021, 6, 25), "term_of_office")


def test_a_congress_in_october_is_in_its_terms_first_year() -> None:
    text = "Sáng 7/10, Đại hội đại biểu Đảng bộ huyện Nam Sơn lần thứ XX, nhiệm kỳ 2020 - 2025 khai mạc."
    assert _resolved(text) == (date(2020, 10, 7), "term_of_office")


def test_implementing_a_congress_resolution_is_in_its_term_not_the_year_before() -> None:
    text = (
        "Ngày 21/11, Ban Thường trực tổ chức hội nghị quán triệt Nghị quyết Đại hội đại biểu toàn quốc "
        "lần thứ IX, nhiệm kỳ 2019-2024."
    )
    assert _resolved(text)[0] == date(2019, 11, 21)


def test_a_congress_referred_to_does_not_open_the_term_of_the_event() -> None:
    text = (
        "Sáng 6/5, Huyện ủy sơ kết thực hiện Nghị quyết Đại hội Đảng bộ tỉnh, nhiệm kỳ 2020 - 2025. "
        "Năm 2023, huyện đạt nhiều kết quả. Trong năm 2023, huyện xây thêm trường học. Quý I năm 2023, "
        "huyện thu ngân sách tăng; năm 2023 cũng là năm huyện đón bằng nông thôn mới."
    )
    assert _resolved(text) == (date(2023, 5, 6), "year_vote")


def test_a_term_never_dates_an_event_before_a_document_it_cites() -> None:
    text = (
        "Sáng 6/5, Đại hội Hội Nông dân huyện Nam Sơn, nhiệm kỳ 2020 - 2025 được tổ chức theo "
        "Công văn số 88-CV/TU ngày 2/5/2023 của Tỉnh ủy."
    )
    assert _resolved(text) == (date(2023, 5, 6), "article_dates")


def test_a_document_a_day_before_dates_the_meeting_that_acts_on_it() -> None:
    text = (
        "Sáng ngày 28/4, Ban Thường vụ Huyện ủy Nam Sơn tổ chức hội nghị bất thường để bầu chức danh "
        "Bí thư Huyện ủy khóa XI, nhiệm kỳ 2020 - 2025. Hội nghị thực hiện Công văn số 1403-CV/TU "
        "ngày 27/4/2023 của Tỉnh ủy."
    )
    assert _resolved(text) == (date(2023, 4, 28), "article_dates")


def test_a_full_date_far_from_the_event_does_not_date_it() -> None:
    text = "Chiều 10/6, tỉnh họp. Tỉnh thực hiện Nghị quyết số 12-NQ/TU ngày 1-3-2019 của Tỉnh ủy."
    assert _resolved(text) == (date(2019, 6, 10), "lower_bound")


def test_a_year_set_apart_by_spaced_slashes_is_the_dates_year() -> None:
    from vnpolitics.extract.dates import find_date_phrases

    (phrase,) = find_date_phrases("Ngày 13/11 / 2015, ông A được bổ nhiệm giữ chức.")
    assert (phrase.day, phrase.month, phrase.year) == (13, 11, 2015)
    # a spaced dash is a clause's, not a year's: "chiều 5-3 - 2000 người dự"
    (phrase,) = find_date_phrases("Chiều 5-3 - 2000 người dự lễ.")
    assert phrase.year is None


def test_a_birth_date_is_no_event_date():
    text = (
        "Phân công công tác\n\nBộ Chính trị phân công ông Mạc Đình Tùng giữ chức Bí thư Tỉnh ủy.\n"
        "Ông Mạc Đình Tùng sinh ngày 15/5/1963 tại huyện Kim Bôi. Ngày sinh: 3/4/1970.\n"
    )
    assert resolve_meeting_date(text, None) is None
    assert resolve_meeting_date(text.replace("Ông Mạc", "Sáng 2/3/2023, ông Mạc"), None).meeting_date == date(
        2023, 3, 2
    )


def test_dates_are_found_on_every_line_of_a_long_article() -> None:
    """The forms are searched only around the lines that can hold them: none is lost there."""
    filler = "Hội nghị đánh giá kết quả thực hiện nhiệm vụ và bàn phương hướng công tác."
    lines = [
        "Chiều 29/1, Tỉnh ủy tổ chức hội nghị.",
        filler,
        "",
        filler + " Sáng nay, đoàn làm việc với huyện.",
        filler,
        filler,
        "Ngày 3 tháng 2 năm 2024, Ban Thường vụ họp.",
        filler,
        "Tối",
        "(15/3) đoàn trở về.",
    ]
    text = "\n".join(lines)
    found = [(p.text, text[p.char_start : p.char_end]) for p in find_date_phrases(text)]
    assert [printed for printed, _ in found] == [
        "Chiều 29/1",
        "Sáng nay",
        "Ngày 3 tháng 2 năm 2024",
        "Tối\n(15/3)",
    ]
    assert all(printed == at for printed, at in found)


def test_a_form_is_searched_only_where_its_own_words_are_printed() -> None:
    assert required_literal(r"(?:(?P<tod>sáng|chiều)\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})") == "tháng"
    assert required_literal(r"(?P<tod>sáng|chiều)\s+nay(?!\s*\d)") == "nay"
    assert required_literal(r"(?:ngày\s+)?\d{1,2}/\d{1,2}") == "/"
    assert required_literal(r"(?:sáng|chiều)\s*,?\s+\d") == ""
