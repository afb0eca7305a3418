"""Roles at the meeting, from the cue words of each sentence."""

from __future__ import annotations

from tests.conftest import parse
from vnpolitics.extract.roles import Lead, lead_of, resolve_roles, sentence_evidence


def roles_of(*sentences: str, has_papers: bool = False, lead: bool = False) -> dict[str, set[str]]:
    """Roles as an article of these sentences gets them; with ``lead`` the first sentence is the
    lead, its date printed before its first comma ("Sáng 15-3, ...")."""
    evidence: dict[str, set[str]] = {}
    context: Lead | None = None
    if lead:
        context = lead_of(parse(sentences[0]), 0, sentences[0].index(","))
    for i, text in enumerate(sentences):
        result = parse(text)
        for found in result.names:
            evidence.setdefault(
                " ".join(t.text for t in result.tokens[found.item.start : found.item.end]), set()
            )
        for ev in sentence_evidence(result, i, context):
            name = " ".join(t.text for t in result.tokens[ev.name.item.start : ev.name.item.end])
            evidence[name].add(ev.role)
    return resolve_roles(evidence, has_papers)


def test_chairs_and_attendees() -> None:
    got = roles_of(
        "Bí thư Tỉnh ủy Lê Minh Hoan chủ trì hội nghị.",
        "Tham dự có Phó Chủ tịch UBND tỉnh Trần Thị Mỹ và Giám đốc Sở Nội vụ Đoàn Văn Út.",
    )
    assert got == {"Lê Minh Hoan": {"chair"}, "Trần Thị Mỹ": {"attendee"}, "Đoàn Văn Út": {"attendee"}}


def test_two_chairs_listed_before_chu_tri() -> None:
    got = roles_of("Các đồng chí: Phạm Văn Tư, Bí thư Tỉnh ủy; Võ Thành Hạo, Chủ tịch UBND tỉnh chủ trì.")
    assert got == {"Phạm Văn Tư": {"chair"}, "Võ Thành Hạo": {"chair"}}


def test_fronted_phat_bieu_makes_the_subject_a_speaker_not_the_object() -> None:
    got = roles_of(
        "Phát biểu kết luận, Bí thư Tỉnh ủy Lâm Văn Mẫn cảm ơn ý kiến của đồng chí Hồ Thị Cẩm Đào."
    )
    assert got["Lâm Văn Mẫn"] == {"speaker", "attendee"}
    assert got["Hồ Thị Cẩm Đào"] == {"mentioned"}


def test_paper_readers_are_presenters() -> None:
    got = roles_of(
        "Tham luận tại hội nghị, Bí thư Huyện ủy Phan Văn Lợi cho biết huyện đã hoàn thành kế hoạch.",
        "Phó Chủ tịch UBND tỉnh Trương Văn Tám trình bày báo cáo tổng kết.",
        has_papers=True,
    )
    assert got == {"Phan Văn Lợi": {"presenter"}, "Trương Văn Tám": {"presenter"}}


def test_reported_speech_is_a_presenter_only_at_a_conference_with_papers() -> None:
    """Elsewhere it is a speech, and whoever speaks at a working session sits in it; papers at a
    conference may come from connection points, so they say nothing of who sat in the hall."""
    sentence = "Giám đốc Sở Tài chính Nguyễn Văn Sáu cho biết, ngân sách đã được giao đủ."
    assert roles_of(sentence, has_papers=True) == {"Nguyễn Văn Sáu": {"presenter"}}
    assert roles_of(sentence, has_papers=False) == {"Nguyễn Văn Sáu": {"speaker", "attendee"}}


def test_du_an_is_not_attendance() -> None:
    got = roles_of("Dự án do Chủ tịch UBND huyện Lê Văn Bảy phê duyệt.")
    assert got == {"Lê Văn Bảy": {"mentioned"}}


def test_a_speaker_named_with_posts_before_the_verb() -> None:
    got = roles_of(
        "Đồng chí Trần Văn Minh, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy phát biểu "
        "tại Hội nghị."
    )
    assert got == {"Trần Văn Minh": {"speaker", "attendee"}}


def test_the_lead_sentence_makes_its_subject_list_attend() -> None:
    got = roles_of(
        "Sáng 15-3, các đồng chí: Nguyễn Văn Tám, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy; Lê Thị Hoa, "
        "Phó Bí thư Thường trực Tỉnh ủy đã làm việc với các ban xây dựng Đảng Tỉnh ủy.",
        lead=True,
    )
    assert got == {"Nguyễn Văn Tám": {"attendee"}, "Lê Thị Hoa": {"attendee"}}


def test_a_delegation_listed_after_gom_attends_a_voters_meeting() -> None:
    got = roles_of(
        "Ngày 30-9, Đoàn ĐBQH tỉnh gồm các đồng chí: Lò Văn Pầng, Ủy viên Trung ương Đảng, Phó Chủ tịch "
        "Quốc hội; Mai Văn Hải, Tỉnh ủy viên, Phó Trưởng Đoàn ĐBQH tỉnh, đã có buổi tiếp xúc cử tri "
        "tại huyện.",
        lead=True,
    )
    assert got == {"Lò Văn Pầng": {"attendee"}, "Mai Văn Hải": {"attendee"}}


def test_a_name_inside_the_subject_of_a_commemoration_is_not_there() -> None:
    got = roles_of(
        "Sáng 5-3, lễ kỷ niệm 110 năm ngày sinh đồng chí Trần Văn Mười đã được tổ chức.", lead=True
    )
    assert got == {"Trần Văn Mười": {"mentioned"}}


def test_a_subject_the_lead_names_before_its_date_is_no_lead_subject() -> None:
    """ "ngày làm việc đầu tiên của năm" dates the event, but the sentence is a speech report."""
    got = roles_of(
        "Phát biểu chỉ đạo, Bí thư Thành ủy Lê Văn Bảy nhấn mạnh vai trò công tác tổ chức khi ngay trong "
        "ngày làm việc đầu tiên của năm 2018, thành phố tổng kết công tác này.",
        has_papers=True,
    )
    assert got == {"Lê Văn Bảy": {"speaker"}}


def test_the_head_of_a_delegation_received_attends() -> None:
    got = roles_of(
        "Tổng Liên đoàn Lao động Việt Nam hội đàm với Đoàn đại biểu Tổng Công đoàn Mông Cổ do ông "
        "Batbayar Ganbold, Chủ tịch Tổng Công đoàn Mông Cổ, làm Trưởng đoàn."
    )
    assert got == {"Batbayar Ganbold": {"attendee"}}


def test_both_sides_of_talks_attend() -> None:
    got = roles_of("Phó Thủ tướng Lê Văn Năm đã đón, hội đàm với Ngoại trưởng Hoa Kỳ John Michael Smith.")
    assert got == {"Lê Văn Năm": {"attendee"}, "John Michael Smith": {"attendee"}}


def test_who_is_elected_attends_and_who_is_replaced_does_not() -> None:
    got = roles_of(
        "Các đồng chí Lê Văn Hải và Nguyễn Văn Tâm được bầu làm Phó Bí thư Huyện ủy.",
        "Kỳ họp đã bầu ông Trần Văn Hiến, Phó Bí thư Huyện ủy làm Chủ tịch UBND huyện thay ông Đỗ Minh Tú, "
        "được điều động làm Giám đốc Sở.",
        "Ông Nguyễn Sỹ Tâm, Trưởng phòng Tài nguyên Môi trường huyện và bà Lê Thị Liên, Chủ tịch Hội liên "
        "hiệp phụ nữ huyện được bầu giữ chức vụ Phó Chủ tịch UBND huyện.",
    )
    assert got == {
        "Lê Văn Hải": {"attendee"},
        "Nguyễn Văn Tâm": {"attendee"},
        "Trần Văn Hiến": {"attendee"},
        "Đỗ Minh Tú": {"mentioned"},
        "Nguyễn Sỹ Tâm": {"attendee"},
        "Lê Thị Liên": {"attendee"},
    }


def test_chairs_after_su_chu_tri_cua_and_in_a_gom_list() -> None:
    got = roles_of(
        "Sáng nay, dưới sự chủ trì của Chủ tịch Quốc hội Trần Văn Hùng, Ủy ban thường vụ Quốc hội đã "
        "khai mạc Phiên họp thứ tư.",
        "Hội nghị do Thường trực Đảng ủy xã chủ trì, gồm các đồng chí: Nguyễn Thị Hạnh, Bí thư Đảng ủy; "
        "Huỳnh Văn Hồng, Phó Bí thư Đảng ủy, Chủ tịch UBND xã.",
    )
    assert got == {"Trần Văn Hùng": {"chair"}, "Nguyễn Thị Hạnh": {"chair"}, "Huỳnh Văn Hồng": {"chair"}}


def test_a_chair_who_also_attends_and_hands_over_is_only_chair() -> None:
    got = roles_of(
        "Đồng chí Trần Văn Minh, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy dự, chủ trì và "
        "trao các quyết định cho cán bộ được điều động."
    )
    assert got == {"Trần Văn Minh": {"chair"}}


def test_the_receiver_of_a_decision_attends_its_signer_does_not() -> None:
    got = roles_of(
        "Thay mặt Thủ tướng Chính phủ, Phó Thủ tướng Hoàng Văn Hải đã trao Quyết định bổ nhiệm cho ông "
        "Nguyễn Quốc Khải.",
        "Ngày 12/1/2016, Thủ tướng Chính phủ Nguyễn Văn Dũng đã ký Quyết định số 89/QĐ-TTg bổ nhiệm ông "
        "Nguyễn Quốc Khải.",
    )
    assert got == {
        "Hoàng Văn Hải": {"attendee"},
        "Nguyễn Quốc Khải": {"attendee"},
        "Nguyễn Văn Dũng": {"mentioned"},
    }


def test_the_people_a_decision_posts_attend_its_announcement() -> None:
    got = roles_of(
        "Chiều 8/1, Ban Thường vụ Tỉnh ủy tổ chức hội nghị công bố các quyết định điều động cán bộ.",
        "Ban Thường vụ Tỉnh ủy quyết định điều động đồng chí Triệu Văn Dũng, Phó Bí thư Đảng ủy xã, đến "
        "nhận công tác tại xã Trung Sơn.",
        lead=True,
    )
    assert got == {"Triệu Văn Dũng": {"attendee"}}


def test_a_document_cited_by_theo_says_nothing_of_who_spoke() -> None:
    got = roles_of(
        "Theo công văn cho biết, Ban Thường vụ Tỉnh ủy đã thống nhất để Ban Chấp hành bầu đồng chí "
        "Sử Văn Hòa giữ chức vụ Bí thư Huyện ủy, thay đồng chí Phạm Văn Triệu do chuyển công tác."
    )
    assert got == {"Sử Văn Hòa": {"attendee"}, "Phạm Văn Triệu": {"mentioned"}}


def test_a_disciplined_former_official_is_only_mentioned() -> None:
    got = roles_of(
        "Ủy ban Kiểm tra Thành ủy quyết định thi hành kỷ luật khai trừ ra khỏi Đảng đối với bà Trần Thị Lan, "
        "nguyên Chủ tịch UBND xã, đồng thời yêu cầu Đảng ủy xã thực hiện.",
        "Ông Võ Văn Hậu, nguyên Giám đốc Trung tâm y tế huyện bị khai trừ ra khỏi Đảng.",
    )
    assert got == {"Trần Thị Lan": {"mentioned"}, "Võ Văn Hậu": {"mentioned"}}


def test_attendance_cues_place_whom_they_introduce() -> None:
    got = roles_of(
        "Tham dự buổi làm việc về phía tỉnh có bà Giàng Thị Mai, Bí thư Tỉnh ủy; Đại tá Nguyễn Văn Giang, "
        "Giám đốc Công an tỉnh cùng đại diện các đơn vị.",
        "Tại điểm cầu tỉnh: đồng chí Đặng Thị Chi, Phó Chủ tịch Ủy ban MTTQ Việt Nam tỉnh, cán bộ, công chức "
        "cơ quan dự Hội nghị.",
        "Ông Lê Văn Tư thông báo ngày mai ông sẽ tham dự lễ cất nóc công trình.",
        "Ông Trần Văn Xuân được giới thiệu tham gia Ban Chấp hành Đảng bộ tỉnh.",
    )
    assert got == {
        "Giàng Thị Mai": {"attendee"},
        "Nguyễn Văn Giang": {"attendee"},
        "Đặng Thị Chi": {"attendee"},
        "Lê Văn Tư": {"mentioned"},
        "Trần Văn Xuân": {"mentioned"},
    }


def test_papers_and_topics_are_presented() -> None:
    got = roles_of(
        "Hội nghị được đồng chí Lê Đình Tâm - Vụ trưởng Vụ Chính sách đối ngoại - Bộ Ngoại giao thông tin "
        "chuyên đề: Cạnh tranh chiến lược nước lớn hiện nay.",
        "Đại tá Nguyễn Đình Hoan, Chỉ huy trưởng BĐBP tỉnh đại diện hai đoàn đại biểu báo cáo kết quả công "
        "tác phối hợp.",
    )
    assert got == {"Lê Đình Tâm": {"presenter", "attendee"}, "Nguyễn Đình Hoan": {"presenter", "attendee"}}


def test_speech_verbs_beyond_phat_bieu() -> None:
    got = roles_of(
        "Chủ tịch Tổng Liên đoàn Lao động Việt Nam Đặng Văn Tùng tin tưởng chuyến thăm sẽ góp phần tăng "
        "cường quan hệ hợp tác.",
        "Thay mặt các Đại sứ, Thứ trưởng Ngoại giao Bùi Văn Sơn cho biết các Đại sứ rất vinh dự.",
        "Kết thúc Hội nghị, đồng chí Phan Văn Thủy - Phó Trưởng Ban Tuyên giáo Trung ương đã quán triệt "
        "và định hướng một số nhiệm vụ trọng tâm.",
    )
    assert got == {
        "Đặng Văn Tùng": {"speaker", "attendee"},
        "Bùi Văn Sơn": {"speaker", "attendee"},
        "Phan Văn Thủy": {"speaker", "attendee"},
    }


def test_an_account_opened_by_theo_keeps_others_acts_off_the_meeting() -> None:
    got = roles_of(
        "Theo ông Mai Văn Dũng, trong vụ việc trên, Tổng Bí thư Nguyễn Văn Trọng đã chỉ đạo các cơ quan "
        "chức năng vào cuộc điều tra."
    )
    assert got == {"Mai Văn Dũng": {"speaker", "attendee"}, "Nguyễn Văn Trọng": {"mentioned"}}


def _article_roles(text: str) -> dict[str, set[str]]:
    from vnpolitics.extract.article import extract_article

    out: dict[str, set[str]] = {}
    for role in extract_article(text).roles:
        out.setdefault(role.full_name, set()).add(role.role)
    return out


def test_a_post_named_without_its_holder_acts_for_the_one_holder_at_the_meeting() -> None:
    got = _article_roles(
        "Sáng 5/3, Ủy ban nhân dân tỉnh tổ chức hội nghị sơ kết công tác quý I.\n"
        "Đồng chí Lê Văn Bảy, Chủ tịch UBND tỉnh chủ trì hội nghị.\n"
        "Ngày 12/1, Thủ tướng Chính phủ Nguyễn Văn Dũng đã ký Quyết định số 89/QĐ-TTg về kế hoạch năm.\n"
        "Kết thúc hội nghị, đồng chí Chủ tịch UBND tỉnh đã kết luận về những mặt đã làm được.\n"
        "Thủ tướng Chính phủ yêu cầu các tỉnh tiếp tục rà soát kế hoạch.\n"
    )
    assert got == {"Lê Văn Bảy": {"chair", "speaker"}, "Nguyễn Văn Dũng": {"mentioned"}}
