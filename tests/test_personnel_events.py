"""Personnel events read from invented articles: every kind, the post each is about, who decided,
the decision cited and the dates (vnpolitics/extract/personnel_events.py).

Every name here is invented; none is a person of the evaluation sets.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from vnpolitics.extract.article import extract_article
from vnpolitics.extract.records import PersonnelEvent

PUBLISHED = datetime(2023, 5, 2, 8, 0)


def events_of(text: str) -> list[PersonnelEvent]:
    return extract_article(text, published_at=PUBLISHED).personnel_events


def only_event(text: str) -> PersonnelEvent:
    (event,) = events_of(text)
    return event


def post_of(event: PersonnelEvent) -> str | None:
    return event.post.canonical_title if event.post else None


APPOINTMENT = (
    "Bổ nhiệm Thứ trưởng Bộ Tư pháp\n\n"
    "Ngày 28/4, Thủ tướng Chính phủ đã ký Quyết định số 512/QĐ-TTg ngày 20/4/2023 bổ nhiệm ông Mạc "
    "Đình Tùng giữ chức Thứ trưởng Bộ Tư pháp, có hiệu lực kể từ ngày 1/5/2023.\n"
)


def test_an_appointment_with_its_decision_number_and_effective_date():
    event = only_event(APPOINTMENT)
    assert (event.kind, event.full_name, post_of(event)) == (
        "appointed",
        "Mạc Đình Tùng",
        "Thứ trưởng Bộ Tư pháp",
    )
    assert event.post is not None and event.post.post == "Thứ trưởng"
    assert event.deciding_body == "Thủ tướng Chính phủ"
    assert event.decision_number == "512/QĐ-TTg"
    assert event.decision_date == date(2023, 4, 20)
    assert event.effective_date == date(2023, 5, 1)
    assert event.event_date == date(2023, 4, 28)  # the date opening the sentence
    text = extract_article(APPOINTMENT, published_at=PUBLISHED).clean.text
    assert text[event.char_start : event.char_end] == "bổ nhiệm ông Mạc Đình Tùng"


TRANSFER = (
    "Trao quyết định điều động cán bộ\n\n"
    "Chiều 3/4, Ban Thường vụ Tỉnh ủy Hòa Bình đã trao Quyết định số 125-QĐ/TU điều động đồng chí "
    "Diệp Văn Sơn, Phó Chủ tịch UBND tỉnh, đến nhận công tác và giữ chức Bí thư Huyện ủy Kim Bôi.\n"
)


def test_a_transfer_names_the_post_it_ends_and_the_one_it_starts():
    event = only_event(TRANSFER)
    assert (event.kind, event.full_name) == ("assigned", "Diệp Văn Sơn")
    assert post_of(event) == "Bí thư Huyện ủy Kim Bôi"
    assert event.previous_post is not None
    assert event.previous_post.canonical_title == "Phó Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình"
    assert event.deciding_body == "Ban Thường vụ Tỉnh ủy Hòa Bình"
    assert event.decision_number == "125-QĐ/TU"
    assert event.event_date == date(2023, 4, 3)  # "Chiều 3/4", the year of publication


def test_a_death_takes_the_former_post_and_the_date_after_the_verb():
    event = only_event(
        "Tin buồn\n\nĐồng chí Hà Văn Lộc, nguyên Bí thư Tỉnh ủy Sơn La, đã từ trần hồi 10 giờ ngày "
        "5/6/2022, hưởng thọ 80 tuổi.\n"
    )
    assert (event.kind, event.full_name) == ("died", "Hà Văn Lộc")
    assert post_of(event) == "Bí thư Tỉnh ủy Sơn La" and event.post is not None and event.post.is_former
    assert event.event_date == date(2022, 6, 5)
    assert event.deciding_body is None


@pytest.mark.parametrize(
    ("sentence", "kind", "name", "post"),
    [
        (
            "Đồng chí Khổng Thị Mai, Phó Bí thư Thường trực Tỉnh ủy, đã được bầu giữ chức Chủ tịch "
            "HĐND tỉnh Hòa Bình.",
            "elected",
            "Khổng Thị Mai",
            "Chủ tịch Hội đồng nhân dân tỉnh Hòa Bình",
        ),
        (
            "Đồng chí Tôn Văn Lực tái đắc cử Bí thư Huyện ủy Lạc Sơn nhiệm kỳ 2020-2025.",
            "re_elected",
            "Tôn Văn Lực",
            "Bí thư Huyện ủy Lạc Sơn",
        ),
        (
            "Ông Tôn Văn Lực tiếp tục được bầu giữ chức Chủ tịch UBND huyện Lạc Sơn.",
            "re_elected",
            "Tôn Văn Lực",
            "Chủ tịch Ủy ban nhân dân huyện Lạc Sơn",
        ),
        (
            "UBND tỉnh bổ nhiệm bà Kha Thị Yến giữ chức Quyền Giám đốc Sở Y tế tỉnh Hòa Bình.",
            "acting",
            "Kha Thị Yến",
            "Giám đốc Sở Y tế tỉnh Hòa Bình",
        ),
        (
            "HĐND tỉnh đã miễn nhiệm chức vụ Phó Chủ tịch UBND tỉnh Hòa Bình đối với ông Giáp Văn Hòa.",
            "relieved",
            "Giáp Văn Hòa",
            "Phó Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình",
        ),
        (
            "Ông Âu Minh Khang, Giám đốc Sở Tài chính tỉnh Hòa Bình, nghỉ hưu theo chế độ.",
            "retired",
            "Âu Minh Khang",
            "Giám đốc Sở Tài chính tỉnh Hòa Bình",
        ),
        (
            "Bà Quách Thị Ngân xin từ chức Phó Giám đốc Sở Xây dựng tỉnh Hòa Bình.",
            "resigned",
            "Quách Thị Ngân",
            "Phó Giám đốc Sở Xây dựng tỉnh Hòa Bình",
        ),
        (
            "Ủy ban Kiểm tra Trung ương quyết định thi hành kỷ luật bằng hình thức cảnh cáo đối với ông "
            "Lạc Văn Phúc, Giám đốc Sở Xây dựng tỉnh Hòa Bình.",
            "disciplined",
            "Lạc Văn Phúc",
            "Giám đốc Sở Xây dựng tỉnh Hòa Bình",
        ),
        # "cử" sends a person to a post; "hiệp thương cử" is the Front's election by consultation
        (
            "Ban Thường vụ Tỉnh ủy Hòa Bình đã cử ông Diệp Văn Sơn giữ chức Bí thư Huyện ủy Kim Bôi.",
            "assigned",
            "Diệp Văn Sơn",
            "Bí thư Huyện ủy Kim Bôi",
        ),
        (
            "Ông Ninh Văn Thạch được cử làm Phó Trưởng ban Thường trực Ban Dân vận Trung ương.",
            "assigned",
            "Ninh Văn Thạch",
            "Phó Trưởng ban Thường trực Ban Dân vận Trung ương",
        ),
        (
            "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam đã hiệp thương cử ông Âu Minh Khang làm Chủ tịch "
            "Mặt trận Tổ quốc Việt Nam.",
            "elected",
            "Âu Minh Khang",
            "Chủ tịch Mặt trận Tổ quốc Việt Nam",
        ),
    ],
)
def test_every_kind_of_event(sentence: str, kind: str, name: str, post: str):
    event = only_event(f"Công tác cán bộ\n\n{sentence}\n")
    assert (event.kind, event.full_name, post_of(event)) == (kind, name, post)


@pytest.mark.parametrize(
    ("sentence", "post"),
    [
        (
            "Ông Quách Văn Hiếu được điều động giữ chức vụ trưởng Ban Quản lý đường sắt đô thị.",
            "Trưởng Ban Quản lý đường sắt đô thị",
        ),
        (
            "Thành ủy quyết định điều động ông Quách Văn Hiếu giữ chức trưởng Ban tuyên giáo thay ông Lạc "
            "Văn Phúc.",
            "Trưởng Ban tuyên giáo",
        ),
        (
            "Ông Quách Văn Hiếu được bổ nhiệm làm Phó Cục trưởng Cục quản lý thị trường, có hiệu lực từ "
            "ngày 1/5.",
            "Phó Cục trưởng Cục quản lý thị trường",
        ),
    ],
)
def test_a_post_a_verb_introduces_goes_on_in_lower_case(sentence: str, post: str):
    """The body's name read to its end after an event verb, not cut at the first lower-case word;
    a term, a predecessor or a clause mark still ends it."""
    event = only_event(f"Công tác cán bộ\n\n{sentence}\n")
    assert (event.full_name, post_of(event)) == ("Quách Văn Hiếu", post)


@pytest.mark.parametrize(
    ("printed", "level"),
    [
        ("khiển trách", "khiển trách"),
        ("cảnh cáo", "cảnh cáo"),
        ("cách chức", "cách chức"),
        ("khai trừ ra khỏi Đảng", "khai trừ"),
    ],
)
def test_every_disciplinary_level(printed: str, level: str):
    event = only_event(
        f"Kỷ luật cán bộ\n\nBan Bí thư quyết định thi hành kỷ luật ông Thái Minh Đăng, Bí thư Huyện ủy "
        f"Mai Châu, bằng hình thức {printed}.\n"
    )
    assert (event.kind, event.discipline_level, event.full_name) == ("disciplined", level, "Thái Minh Đăng")
    assert event.deciding_body == "Ban Bí thư"


def test_a_relief_and_a_new_post_in_one_sentence_are_two_events():
    """The post after "thôi giữ chức" is the one left; the one after "nhận nhiệm vụ làm" the one taken."""
    events = events_of(
        "Phân công cán bộ\n\nBộ Chính trị quyết định phân công ông Ninh Văn Thạch, Ủy viên Trung ương "
        "Đảng, thôi giữ chức Phó Trưởng Ban Dân vận Trung ương để nhận nhiệm vụ làm Bí thư Đảng đoàn Hội "
        "Nông dân Việt Nam.\n"
    )
    found = {(e.kind, e.full_name, post_of(e), e.deciding_body) for e in events}
    assert found == {
        ("assigned", "Ninh Văn Thạch", "Bí thư Đảng đoàn Hội Nông dân Việt Nam", "Bộ Chính trị"),
        ("relieved", "Ninh Văn Thạch", "Phó Trưởng Ban Dân vận Trung ương", "Bộ Chính trị"),
    }
    assigned = next(e for e in events if e.kind == "assigned")
    assert assigned.previous_post is None  # the relief in the same sentence ends the old post


@pytest.mark.parametrize(
    "sentence",
    [
        "Ủy ban Kiểm tra Trung ương đề nghị Ban Bí thư xem xét, thi hành kỷ luật ông Lạc Văn Phúc.",
        "Đại biểu Ninh Văn Thạch đề nghị tăng tuổi nghỉ hưu của lao động nữ.",
        "Ông Diệp Văn Sơn cho biết việc bổ nhiệm cán bộ phải đúng quy trình.",
        "Bộ trưởng Thái Minh Đăng nhấn mạnh tính kỷ luật của lực lượng vũ trang.",
        "Ông Lạc Văn Phúc từng được bổ nhiệm giữ chức Giám đốc Sở Xây dựng.",
        # a submission, a consultation, a question: none reports an act
        "Theo đó, UBND tỉnh Hòa Bình có Tờ trình miễn nhiệm chức danh Phó Chủ tịch UBND tỉnh đối với ông "
        "Diệp Văn Sơn vì nghỉ hưu theo chế độ.",
        "Ban Thường vụ Tỉnh ủy đã gửi văn bản xin ý kiến Ban Bí thư về việc miễn nhiệm chức danh Chủ tịch "
        "HĐND tỉnh Hòa Bình với ông Âu Minh Khang.",
        "Trả lời câu hỏi đại hội có bầu Bí thư Tỉnh ủy hay không, ông Ninh Văn Thạch, Phó Trưởng ban Tổ "
        "chức Tỉnh ủy, cho biết đại hội bầu Ban Chấp hành.",
        # "cử" inside another word: voters, an election
        "Cử tri huyện Mai Châu kiến nghị ông Thái Minh Đăng, Bí thư Huyện ủy Mai Châu, sớm giải quyết.",
        "Ông Lạc Văn Phúc ứng cử đại biểu HĐND tỉnh Hòa Bình tại đơn vị bầu cử số 3.",
    ],
)
def test_proposals_rules_and_nouns_are_no_events(sentence: str):
    assert events_of(f"Tin tức\n\n{sentence}\n") == []


def test_an_appointment_without_its_post_is_no_event():
    """Too little to start a tenure: who was appointed to what is the event."""
    assert events_of("Tin tức\n\nBộ Nội vụ đã trao quyết định bổ nhiệm ông Mạc Đình Tùng.\n") == []


def test_the_events_report_counts_by_kind_and_draws_a_seeded_sample(tmp_path):
    """make events-report: counts by kind, and the same sample for the same seed."""
    from career_articles import write_career_articles

    from vnpolitics.report.personnel_events_quality import build_report

    folder = write_career_articles(tmp_path / "raw")
    report = build_report(folder, sample=2, seed=3, workers=1)
    assert "- assigned: 1" in report and "- died: 1" in report and "- appointed: 1" in report
    assert "## Random sample of 2 events (seed 3)" in report
    assert report == build_report(folder, sample=2, seed=3, workers=1)
    assert "date: 2023-04-03 (printed: Chiều 3/4/2023)" in build_report(folder, sample=3, seed=3, workers=1)


def test_the_events_report_dates_a_yearless_event_as_the_warehouse_does(tmp_path):
    """A text that prints no year, in a folder whose path dates it: the warehouse gives "Ngày 3/4"
    the path's year, and so must the report that judges it."""
    from vnpolitics.report.personnel_events_quality import build_report

    article = tmp_path / "raw" / "2023" / "04" / "05" / "bo-nhiem.txt"
    article.parent.mkdir(parents=True)
    article.write_text(
        "Bổ nhiệm Phó Giám đốc Sở\n\nNgày 3/4, Ủy ban nhân dân tỉnh Hòa Bình đã trao quyết định bổ "
        "nhiệm ông Mạc Đình Tùng giữ chức Phó Giám đốc Sở Tư pháp tỉnh Hòa Bình.\n",
        encoding="utf-8",
    )
    report = build_report(tmp_path / "raw", sample=1, seed=1, workers=1)
    assert "date: 2023-04-03 (printed: Ngày 3/4)" in report


def test_an_event_told_as_past_does_not_take_the_articles_date():
    event = only_event(
        "Hồ sơ cán bộ\n\nNăm 2011, ông Mạc Đình Tùng được bổ nhiệm giữ chức Phó Giám đốc Sở Tư pháp tỉnh "
        "Hòa Bình.\n"
    )
    assert event.told_as_past and event.event_date is None
    assert not only_event(APPOINTMENT).told_as_past


def test_a_proposals_list_stays_a_proposal_after_a_semicolon():
    assert (
        events_of(
            "Kỳ họp Ủy ban Kiểm tra\n\nỦy ban Kiểm tra Trung ương đề nghị Ban Bí thư thi hành kỷ luật bằng "
            "hình thức khiển trách ông Lạc Văn Phúc; cảnh cáo ông Thái Minh Đăng.\n"
        )
        == []
    )


def test_a_date_without_its_year_takes_the_year_of_the_articles_printed_meeting_date():
    """No publication date: "ngày 23/9" takes the year "Sáng 25/9/2018" prints."""
    ex = extract_article(
        "Công bố quyết định\n\nSáng 25/9/2018, Tỉnh ủy Hòa Bình tổ chức hội nghị công bố quyết định.\n\n"
        "Ngày 23/9, Ủy ban nhân dân tỉnh bổ nhiệm ông Kha Văn Yên giữ chức Giám đốc Sở Tài chính tỉnh Hòa "
        "Bình.\n"
    )
    (event,) = ex.personnel_events
    assert event.event_date == date(2018, 9, 23)


def test_a_retirement_in_place_of_whom_leaves_the_post_the_successor_takes():
    events = events_of(
        "Nhân sự mới\n\nÔng Giáp Văn Hòa được bầu giữ chức Chủ tịch UBND tỉnh Hòa Bình thay ông Âu Minh "
        "Khang nghỉ hưu theo chế độ.\n"
    )
    found = {(e.kind, e.full_name, post_of(e)) for e in events}
    assert found == {
        ("elected", "Giáp Văn Hòa", "Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình"),
        ("retired", "Âu Minh Khang", "Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình"),
    }


def test_a_discipline_leaves_the_post_a_later_verb_introduces():
    """ "làm Y thay ông B bị kỷ luật, ông C xin thôi làm X": X is C's, whom the later verb reads;
    B leaves Y, the post his successor takes."""
    events = events_of(
        "Nhân sự\n\nSau khi được phân công làm Bí thư Huyện ủy Lạc Sơn thay ông Lạc Văn Phúc bị kỷ luật, ông "
        "Ninh Văn Thạch xin thôi làm Trưởng Ban Dân vận Tỉnh ủy Hòa Bình.\n"
    )
    found = {(e.kind, e.full_name, post_of(e)) for e in events}
    assert ("disciplined", "Lạc Văn Phúc", "Bí thư Huyện ủy Lạc Sơn") in found
    assert ("resigned", "Ninh Văn Thạch", "Trưởng Ban Dân vận Tỉnh ủy Hòa Bình") in found


def test_a_decision_number_needs_its_word_or_its_code():
    event = only_event(
        "Kỷ luật\n\nÔng Lạc Văn Phúc, Trưởng phòng Tài chính huyện Lạc Sơn, bị kỷ luật khiển trách do không "
        "thực hiện Quyết định 33 năm 2014 của UBND tỉnh.\n"
    )
    assert event.decision_number is None


def test_each_person_of_a_list_leaves_the_post_printed_before_their_name():
    events = events_of(
        "Nhân sự\n\nQuốc hội miễn nhiệm Bộ trưởng Bộ Tư pháp đối với ông Mạc Đình Tùng và Tổng Thanh tra "
        "Chính phủ Giáp Văn Hòa.\n"
    )
    assert {(e.kind, e.full_name, post_of(e)) for e in events} == {
        ("relieved", "Mạc Đình Tùng", "Bộ trưởng Bộ Tư pháp"),
        ("relieved", "Giáp Văn Hòa", "Tổng Thanh tra Chính phủ"),
    }


def test_a_task_for_a_deputy_prime_minister_is_no_transfer():
    text = (
        "Chỉ đạo\n\nThủ tướng phân công Phó Thủ tướng Ninh Văn Thạch trực tiếp chỉ đạo công tác phòng dịch.\n"
    )
    assert events_of(text) == []


def test_a_post_printed_before_the_person_is_held_when_the_verb_introduces_another():
    event = only_event(
        "Bầu Chủ tịch nước\n\nQuốc hội đã bầu Phó Chủ tịch nước Kha Thị Yến giữ chức Chủ tịch nước "
        "Cộng hòa xã hội chủ nghĩa Việt Nam.\n"
    )
    assert (event.kind, event.full_name) == ("elected", "Kha Thị Yến")
    assert event.post is not None and event.post.post == "Chủ tịch nước"


def test_a_bare_peoples_council_is_of_the_place_the_sentence_names():
    """ "Chủ tịch HĐND" printed without its level takes the place another local body of the
    sentence prints with its type; with none, it stays as printed."""
    events = events_of(
        "Kỳ họp HĐND\n\nSáng 20/4, HĐND tỉnh Hòa Bình khóa XVI họp kỳ họp thứ nhất.\n\nKết quả, ông Mạc "
        "Đình Tùng, Bí thư Tỉnh ủy, được bầu làm Chủ tịch HĐND và ông Diệp Văn Sơn được bầu làm Chủ tịch "
        "UBND tỉnh.\n\nHĐND tỉnh Hòa Bình tiếp tục bầu ông Âu Minh Khang giữ chức Phó Chủ tịch HĐND.\n"
    )
    assert {(e.full_name, post_of(e)) for e in events} == {
        ("Mạc Đình Tùng", "Chủ tịch Hội đồng nhân dân tỉnh Hòa Bình"),
        ("Diệp Văn Sơn", "Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình"),
        ("Âu Minh Khang", "Phó Chủ tịch Hội đồng nhân dân tỉnh Hòa Bình"),
    }
    (alone,) = events_of("Tin\n\nÔng Mạc Đình Tùng được bầu làm Chủ tịch HĐND với số phiếu tuyệt đối.\n")
    assert post_of(alone) == "Chủ tịch Hội đồng nhân dân"


def test_persons_listed_before_a_verb_take_the_posts_listed_after_it_in_order():
    events = events_of(
        "Kỳ họp HĐND\n\nSáng 20/4, HĐND tỉnh Hòa Bình khóa XVI họp kỳ họp thứ nhất.\n\nTại kỳ họp, ông Diệp "
        "Văn Sơn và ông Âu Minh Khang được bầu giữ chức Phó Chủ tịch UBND tỉnh và Phó Chủ tịch HĐND tỉnh.\n"
    )
    assert [(e.kind, e.full_name, post_of(e)) for e in events] == [
        ("elected", "Diệp Văn Sơn", "Phó Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình"),
        ("elected", "Âu Minh Khang", "Phó Chủ tịch Hội đồng nhân dân tỉnh Hòa Bình"),
    ]


def test_persons_listed_with_one_post_share_it_and_a_speaker_is_no_part_of_the_list():
    events = events_of(
        "Tin\n\nÔng Mạc Đình Tùng, Bí thư Tỉnh ủy, cho biết ông Diệp Văn Sơn, Giám đốc Sở Tài chính, và "
        "ông Âu Minh Khang được bầu giữ chức Phó Chủ tịch UBND tỉnh Hòa Bình.\n"
    )
    assert [(e.full_name, post_of(e)) for e in events] == [
        ("Diệp Văn Sơn", "Phó Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình"),
        ("Âu Minh Khang", "Phó Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình"),
    ]


def test_objects_listed_after_a_verb_take_the_posts_listed_after_them_in_order():
    events = events_of(
        "Bổ nhiệm\n\nNgày 2/5, UBND tỉnh Hòa Bình bổ nhiệm ông Diệp Văn Sơn và ông Âu Minh Khang lần lượt "
        "giữ chức Giám đốc Sở Tài chính, Giám đốc Sở Xây dựng.\n"
    )
    assert [(e.kind, e.full_name, post_of(e)) for e in events] == [
        ("appointed", "Diệp Văn Sơn", "Giám đốc Sở Tài chính"),
        ("appointed", "Âu Minh Khang", "Giám đốc Sở Xây dựng"),
    ]


def test_a_name_in_brackets_before_the_verb_is_not_its_subject():
    events = events_of(
        "Tin\n\nÔng Âu Minh Khang (cha vợ ca sĩ Diệp Văn Sơn) được bầu làm Chủ tịch HĐQT Công ty Hòa Phát.\n"
    )
    assert [e.full_name for e in events] == ["Âu Minh Khang"]


def test_the_agent_of_a_passive_appointment_is_not_the_person_appointed():
    event = only_event("Ông Tôn Văn Tài được Thủ tướng Lê Văn Bảo bổ nhiệm làm Bộ trưởng Nông nghiệp.")
    assert (event.kind, event.full_name) == ("appointed", "Tôn Văn Tài")
    assert post_of(event) == "Bộ trưởng Nông nghiệp"
    event = only_event(
        "Ông Hà Văn Nam, Phó Bí thư Tỉnh ủy, đã được Thủ tướng Lê Văn Bảo bổ nhiệm giữ chức "
        "Thứ trưởng Bộ Tài chính."
    )
    assert (event.full_name, post_of(event)) == ("Hà Văn Nam", "Thứ trưởng Bộ Tài chính")


def test_a_term_printed_with_its_years_between_the_post_and_the_person_relieved():
    event = only_event(
        "HĐND tỉnh đã miễn nhiệm chức danh Chủ tịch UBND tỉnh nhiệm kỳ 2016-2021 đối với ông Hà Văn Nam "
        "để nghỉ hưu theo chế độ."
    )
    assert (event.kind, event.full_name) == ("relieved", "Hà Văn Nam")
    assert post_of(event) == "Chủ tịch Ủy ban nhân dân tỉnh"


def test_a_second_verb_of_a_passive_clause_is_passive_and_no_later_name_is_its_object():
    event = only_event(
        "Ông Hà Văn Nam, Chủ tịch HĐND tỉnh Hà Tĩnh vừa được Bộ Chính trị điều động, chỉ định giữ chức "
        "Bí thư Tỉnh ủy Hà Giang nhiệm kỳ 2015-2020 và Đại tá Lê Văn Sáu, nguyên Giám đốc Công an tỉnh "
        "chuyển công tác."
    )
    assert (event.kind, event.full_name, post_of(event)) == (
        "assigned",
        "Hà Văn Nam",
        "Bí thư Tỉnh ủy Hà Giang",
    )


def test_a_level_printed_after_a_colon_is_the_disciplines_and_the_post_its_own():
    (event,) = events_of(
        "Hội nghị Trung ương đã thông qua việc kỷ luật ông Tất Văn Cường bằng hình thức: Cách chức "
        "Ủy viên Trung ương Đảng khóa XII."
    )
    assert (event.kind, event.discipline_level, post_of(event)) == (
        "disciplined",
        "cách chức",
        "Ủy viên Trung ương Đảng",
    )


def test_a_post_said_to_be_a_person_by_la_is_that_persons():
    event = only_event("Năm 2015, Bộ trưởng Nội vụ Israel lúc đó là ông Silvan Shalom đã từ chức.")
    assert (event.kind, event.full_name, post_of(event)) == (
        "resigned",
        "Silvan Shalom",
        "Bộ trưởng Nội vụ Israel",
    )


def test_posts_listed_after_chuc_vu_and_a_colon_are_the_ones_a_discipline_removes():
    event = only_event(
        "Ban Thường vụ Tỉnh ủy quyết định cách chức các chức vụ: Phó Bí thư Huyện ủy, Chủ tịch UBND "
        "huyện Kim Bôi đối với ông Mạc Đình Tùng."
    )
    assert (event.kind, event.discipline_level, event.full_name) == (
        "disciplined",
        "cách chức",
        "Mạc Đình Tùng",
    )
    assert post_of(event) == "Phó Bí thư Huyện ủy Kim Bôi"


def test_a_disciplined_persons_post_is_their_office_not_a_committee_seat_printed_first():
    event = only_event(
        "Ban Bí thư quyết định thi hành kỷ luật đối với ông Mạc Đình Tùng, tỉnh ủy viên, bí thư đảng ủy, "
        "giám đốc Sở Tư pháp Hòa Bình."
    )
    assert (event.kind, post_of(event)) == ("disciplined", "Giám đốc Sở Tư pháp Hòa Bình")
    event = only_event(
        "Ông Mạc Đình Tùng - Tỉnh ủy viên, Phó Chủ tịch UBND huyện Kim Bôi bị kỷ luật cảnh cáo do có vi phạm."
    )
    assert post_of(event) == "Phó Chủ tịch Ủy ban nhân dân huyện Kim Bôi"


def test_a_date_opening_the_clause_after_a_fronted_phrase_is_the_events():
    event = only_event(
        "Sau 5 năm giữ chức Bí thư Thành đoàn, ngày 16-8-2017 Ban Tổ chức Tỉnh ủy Hòa Bình đã công bố "
        "quyết định của Ban Thường vụ Tỉnh ủy điều động ông Mạc Đình Tùng sang giữ chức Phó Trưởng ban "
        "Dân vận Tỉnh ủy Hòa Bình."
    )
    assert (event.kind, event.event_date) == ("assigned", date(2017, 8, 16))


def test_a_demand_to_discipline_someone_is_no_discipline_however_long_the_body_it_names():
    assert (
        events_of(
            "Ủy ban Kiểm tra Tỉnh ủy yêu cầu Đảng ủy Sở Giao thông vận tải tỉnh Hòa Bình tổ chức kiểm "
            "điểm và thi hành kỷ luật đối với ông Mạc Đình Tùng theo đúng quy định."
        )
        == []
    )


def test_trong_khi_sets_an_event_beside_another_not_in_the_past():
    events = events_of(
        "Ông Mạc Đình Tùng được bầu làm Chủ tịch nước, trong khi ông Lê Văn Sáu được bầu làm Phó Chủ "
        "tịch nước."
    )
    assert [(e.full_name, e.told_as_past) for e in events] == [
        ("Mạc Đình Tùng", False),
        ("Lê Văn Sáu", False),
    ]


def test_a_bare_body_of_a_post_is_the_one_the_sentence_names_in_full():
    event = only_event(
        "Ban chấp hành Thành đoàn Hòa Bình đã bầu ông Mạc Đình Tùng làm bí thư Thành đoàn với 100% số phiếu."
    )
    assert (event.kind, post_of(event)) == ("elected", "Bí thư Thành đoàn Hòa Bình")
    assert event.post is not None and event.post.organization_name == "Thành đoàn Hòa Bình"
    two = only_event(
        "Ban chấp hành Thành đoàn Hòa Bình và Thành đoàn Kim Bôi đã bầu ông Mạc Đình Tùng làm bí thư "
        "Thành đoàn."
    )
    assert post_of(two) == "Bí thư Thành đoàn"  # which of two is for the reader to say


def test_the_cooperative_alliance_is_a_body():
    event = only_event("Ông Mạc Đình Tùng thôi chức Chủ tịch Liên minh Hợp tác xã từ tháng 10.")
    assert (event.kind, post_of(event)) == ("relieved", "Chủ tịch Liên minh Hợp tác xã")


def test_a_date_of_a_document_cited_before_a_semicolon_is_not_the_events():
    event = only_event(
        "Căn cứ quy định số 102 - QĐ / TW, ngày 15-11-2017 của Bộ Chính trị về xử lý kỷ luật đảng viên vi "
        "phạm; Bộ Chính trị quyết định thi hành kỷ luật ông Mạc Đình Tùng bằng hình thức cách chức các "
        "chức vụ: uỷ viên Đảng uỷ Quân sự Trung ương nhiệm kỳ 2005 - 2010."
    )
    assert event.event_date is None
    assert (event.discipline_level, post_of(event)) == ("cách chức", "Ủy viên Đảng ủy Quân sự Trung ương")


def test_a_post_printed_in_lower_case_after_chuc_is_the_events():
    event = only_event("Ông Mạc Đình Tùng bị kỷ luật, cách chức phó bí thư thường trực Thành uỷ.")
    assert (event.kind, event.discipline_level, post_of(event)) == (
        "disciplined",
        "cách chức",
        "Phó Bí thư Thường trực Thành ủy",
    )


def test_an_event_told_in_brackets_is_background():
    event = only_event(
        "Nguyên Bộ trưởng Mạc Đình Tùng (đã bị khai trừ ra khỏi Đảng) chịu trách nhiệm chính về những vi "
        "phạm của Bộ Tư pháp."
    )
    assert (event.kind, event.told_as_past) == ("disciplined", True)


def test_a_collegial_office_printed_alone_is_the_electing_bodys():
    event = only_event(
        "Sáng 25/5, Hội đồng nhân dân thành phố Hà Nội tổ chức kỳ họp thứ 12, bỏ phiếu bầu bà Lê Thị Hồng "
        "làm Chủ tịch."
    )
    assert (event.kind, post_of(event)) == ("elected", "Chủ tịch Hội đồng nhân dân thành phố Hà Nội")
    assert post_of(only_event("Quốc hội đã bầu ông Mạc Đình Tùng làm Chủ tịch nước.")) == "Chủ tịch nước"


def test_a_bare_office_takes_the_body_named_earlier_in_the_sentence():
    event = only_event(
        "Liên quan việc làm kinh tế của Văn phòng Tỉnh ủy, mới đây bà Lê Thị Hồng (Chánh Văn phòng) bị kỷ "
        "luật bằng hình thức khiển trách do vi phạm."
    )
    assert (event.kind, post_of(event)) == ("disciplined", "Chánh Văn phòng Tỉnh ủy")


def test_the_retiree_after_thay_leaves_the_post_the_sentence_gives_their_successor():
    event = only_event(
        "Chủ tịch UBND tỉnh Hòa Bình Lê Văn Sáu được tín nhiệm làm Bí thư Tỉnh uỷ, thay thế ông Mạc Đình "
        "Tùng nghỉ hưu theo nguyện vọng."
    )
    assert (event.kind, event.full_name, post_of(event)) == (
        "retired",
        "Mạc Đình Tùng",
        "Bí thư Tỉnh ủy Hòa Bình",
    )
    event = only_event(
        "Tân Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hòa Bình – bà Lê Thị Hồng vừa nhậm chức, thay "
        "cho nguyên Chủ tịch Mạc Đình Tùng đã nghỉ hưu."
    )
    assert post_of(event) == "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hòa Bình"


def test_a_date_before_a_word_telling_the_event_as_past_is_anothers():
    events = events_of(
        "Ngày 9/6/2014, HĐND tỉnh Hòa Bình tổ chức kỳ họp bất thường bầu ông Lê Văn Sáu giữ chức Chủ tịch "
        "UBND tỉnh, vì hơn một tháng trước đó nguyên Chủ tịch UBND tỉnh Hòa Bình Mạc Đình Tùng qua đời."
    )
    assert [(e.kind, e.event_date, e.told_as_past) for e in events] == [
        ("elected", date(2014, 6, 9), False),
        ("died", None, True),
    ]
    after = only_event(
        "Trước đó, ngày 19-6-2022, Ban Bí thư đã quyết định thi hành kỷ luật đối với ông Mạc Đình Tùng."
    )
    assert after.event_date == date(2022, 6, 19)  # a date after the word is the event's own


def test_a_predecessors_retirement_is_background():
    event = only_event(
        "Người tiền nhiệm của ông Lê Văn Sáu là ông Mạc Đình Tùng, nguyên Bí thư Tỉnh uỷ Hòa Bình nghỉ hưu "
        "theo chế độ."
    )
    assert (event.kind, event.told_as_past) == ("retired", True)


def test_a_birth_date_dates_no_event():
    extraction = extract_article(
        "Phân công công tác\n\nBộ Chính trị phân công ông Mạc Đình Tùng giữ chức Bí thư Tỉnh ủy Hòa Bình.\n"
        "Ông Mạc Đình Tùng sinh ngày 15/5/1963 tại huyện Kim Bôi.\n"
    )
    assert extraction.meetings == [] or all(m.meeting_date is None for m in extraction.meetings)
    (event,) = extraction.personnel_events
    assert (event.kind, event.event_date) == ("assigned", None)


def test_elected_to_go_on_in_a_post_is_re_elected():
    event = only_event(
        "Sáng 27/6, HĐND tỉnh Hòa Bình tổ chức kỳ họp thứ nhất bầu ông Mạc Đình Tùng tiếp tục giữ chức Chủ "
        "tịch UBND tỉnh nhiệm kỳ 2016-2021."
    )
    assert (event.kind, post_of(event)) == ("re_elected", "Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình")


def test_a_post_printed_alone_takes_the_body_of_its_kin_post_before_it():
    events = events_of(
        "Ông Lê Văn Sáu, Chủ tịch tỉnh được bầu làm Bí thư Tỉnh uỷ Hòa Bình; ông Mạc Đình Tùng tái đắc cử "
        "Phó bí thư."
    )
    assert [(e.kind, post_of(e)) for e in events] == [
        ("elected", "Bí thư Tỉnh ủy Hòa Bình"),
        ("re_elected", "Phó Bí thư Tỉnh ủy Hòa Bình"),
    ]


def test_a_death_after_a_post_whose_field_is_printed_in_lower_case():
    event = only_event("Ông Mạc Đình Tùng, nguyên bộ trưởng tư pháp, đã từ trần ngày 3/4/2023.")
    assert (event.kind, event.full_name, event.event_date) == ("died", "Mạc Đình Tùng", date(2023, 4, 3))
    assert event.post is not None and event.post.title == "nguyên bộ trưởng tư pháp"
    body = only_event("Ông Mạc Đình Tùng, nguyên giám đốc sở tư pháp, đã từ trần ngày 3/4/2023.")
    assert post_of(body) == "Giám đốc Sở tư pháp"


def test_verbs_chained_on_one_person_share_it_and_a_seat_in_bodies_takes_no_post():
    events = events_of(
        "Bộ Chính trị đã quyết định điều động ông Mạc Đình Tùng - Uỷ viên Ban Chấp hành Trung ương Đảng - "
        "thôi tham gia Ban Chấp hành, Ban Thường vụ và thôi giữ chức Bí thư Tỉnh uỷ Hà Nam nhiệm kỳ "
        "2015-2020 để giữ chức Bí thư Đảng đoàn Tổng Liên đoàn Lao động Việt Nam nhiệm kỳ 2018-2023."
    )
    assert [(e.kind, e.full_name, post_of(e)) for e in events] == [
        ("assigned", "Mạc Đình Tùng", "Bí thư Đảng đoàn Tổng Liên đoàn Lao động Việt Nam"),
        ("relieved", "Mạc Đình Tùng", "Bí thư Tỉnh ủy Hà Nam"),
    ]
    # leaving the committees of a body is no relief from the office the person holds
    assert (
        events_of(
            "Bộ Chính trị đã luân chuyển ông Mạc Đình Tùng, Chủ tịch HĐQT Ngân hàng Công Thương, thôi tham "
            "gia Ban Chấp hành, Ban Thường vụ Đảng uỷ Khối Doanh nghiệp Trung ương."
        )
        == []
    )


def test_a_post_without_a_body_goes_on_in_lower_case_after_the_verb():
    event = only_event("Việc bổ nhiệm ông John Smith làm Cố vấn an ninh quốc gia là dấu hiệu cứng rắn.")
    assert (event.kind, post_of(event)) == ("appointed", "Cố vấn an ninh quốc gia")
    assert post_of(only_event("Ông Mạc Đình Tùng được bầu làm Chủ tịch với số phiếu 100%.")) == "Chủ tịch"


def test_a_publishing_house_is_a_body():
    event = only_event(
        "Ủy ban Kiểm tra Trung ương đã quyết định khai trừ ông Mạc Đình Tùng, Giám đốc - Tổng biên tập Nhà "
        "xuất bản Hòa Bình, ra khỏi Đảng."
    )
    assert post_of(event) == "Tổng Biên tập Nhà xuất bản Hòa Bình"


def test_the_events_report_dates_an_undated_event_only_by_a_meeting_in_the_lead(tmp_path):
    """A full date deep in an article is a background event's, not the day the article reports:
    the report, as int_personnel_events, leaves the event undated (article_lead_sentences)."""
    from vnpolitics.report.personnel_events_quality import build_report

    filler = "".join(f"Đoạn {n} kể về quê hương và quá trình công tác của ông.\n" for n in range(6))
    deep = (
        "Tân Giám đốc Sở Tư pháp\n\nÔng Mạc Đình Tùng được bổ nhiệm giữ chức Giám đốc Sở Tư pháp tỉnh "
        f"Hòa Bình.\n\n{filler}Sáng 3/4/2015, Tỉnh ủy Hòa Bình tổ chức hội nghị tổng kết.\n"
    )
    lead = deep.replace("\n\nÔng Mạc", "\n\nSáng 3/4/2015, Tỉnh ủy Hòa Bình tổ chức hội nghị.\nÔng Mạc")
    for name, text, date_shown in (
        ("deep", deep, "date: unknown"),
        ("lead", lead, "date: 2015-04-03 (article)"),
    ):
        (tmp_path / name).mkdir()
        (tmp_path / name / "bai.txt").write_text(text, encoding="utf-8")
        assert date_shown in build_report(tmp_path / name, sample=1, seed=1, workers=1)


@pytest.mark.parametrize(
    "sentence",
    [
        "Chiều 2/4, ông Lê Văn Sáu - Giám đốc Sở Xây dựng tỉnh Hòa Bình ký quyết định huỷ bỏ việc bổ nhiệm "
        "ông Mạc Đình Tùng làm Chánh văn phòng sở này.",
        "Ban Tổ chức Trung ương đã có ý kiến về việc dừng bầu chức danh Phó chủ tịch UBND tỉnh Hòa Bình với "
        "ông Mạc Đình Tùng.",
        'Bí thư Tỉnh ủy Hòa Bình Lê Văn Sáu khẳng định tin đồn "ông Mạc Đình Tùng qua đời tại Mỹ" những ngày '
        "qua là không đúng.",
    ],
)
def test_a_cancelled_or_halted_event_or_a_rumour_is_none(sentence):
    assert events_of(f"Tin tức\n\n{sentence}\n") == []


def test_a_quoted_event_without_a_rumour_before_it_stays_one():
    event = only_event(
        'Ông Lê Văn Sáu nói: "Ông Mạc Đình Tùng đã được bổ nhiệm giữ chức Giám đốc Sở Tư pháp tỉnh Hòa Bình".'
    )
    assert (event.kind, post_of(event)) == ("appointed", "Giám đốc Sở Tư pháp tỉnh Hòa Bình")


def test_a_member_of_the_central_committee_is_a_post_of_its_own():
    event = only_event("Ông Mạc Đình Tùng bị cách chức Uỷ viên Trung ương khoá XI.")
    assert (event.kind, event.discipline_level, post_of(event)) == (
        "disciplined",
        "cách chức",
        "Ủy viên Trung ương",
    )


def test_a_post_printed_alone_takes_the_body_of_its_kin_post_after_it_when_none_is_before():
    event = only_event(
        "Sau Nghị quyết miễn nhiệm Chủ tịch Mạc Đình Tùng chiều qua, Quốc hội bắt đầu phiên làm việc với "
        "báo cáo về ứng viên Chủ tịch Quốc hội."
    )
    assert (event.kind, post_of(event)) == ("relieved", "Chủ tịch Quốc hội")


def test_a_body_name_goes_on_past_va_and_a_capitalised_word():
    event = only_event(
        "Ngày 18/4/2014, Giám đốc Sở Xây dựng bổ nhiệm bà Lê Thị Hồng giữ chức Phó trưởng phòng Quản lý nhà "
        "và Thị trường bất động sản."
    )
    assert post_of(event) == "Phó Trưởng Phòng Quản lý nhà và Thị trường bất động sản"


def test_the_deceased_is_named_by_a_former_office_before_a_former_seat():
    event = only_event("Nguyên Uỷ viên Bộ Chính trị, nguyên Thủ tướng Mạc Đình Tùng đã từ trần vào hồi 1h30.")
    assert (event.kind, post_of(event)) == ("died", "Thủ tướng")


def test_a_bodiless_post_does_not_go_on_into_thong_qua():
    event = only_event(
        "Ông Mạc Đình Tùng được Quốc hội bầu giữ chức vụ Chủ tịch nước thông qua hình thức bỏ phiếu kín."
    )
    assert (event.kind, post_of(event)) == ("elected", "Chủ tịch nước")
