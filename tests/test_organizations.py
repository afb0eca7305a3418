"""Bodies: canonical full names, abbreviations expanded, one name for all spellings."""

from __future__ import annotations

import re

import pytest

from tests.conftest import parse
from vnpolitics.extract.bodies import canonical_body
from vnpolitics.extract.places_context import complete, places_by_level
from vnpolitics.extract.textnorm import expand_abbreviations


def bodies_of(text: str) -> list[str]:
    result = parse(text)
    return [canonical_body(result.tokens, b) for b in result.bodies if not b.bare]


@pytest.mark.parametrize(
    "spelling",
    ["Ban Tuyên giáo T.Ư", "Ban Tuyên giáo TƯ", "Ban Tuyên giáo TW", "Ban Tuyên giáo Trung ương"],
)
def test_every_spelling_of_a_central_commission_is_one_name(spelling: str) -> None:
    assert bodies_of(f"Đoàn công tác của {spelling} làm việc tại tỉnh.") == ["Ban Tuyên giáo Trung ương"]


def test_old_tone_placement_is_folded_to_the_modern_one() -> None:
    assert bodies_of("Hội nghị do Tỉnh uỷ Hoà Bình tổ chức.") == ["Tỉnh ủy Hòa Bình"]


def test_people_committee_abbreviation_with_city() -> None:
    assert bodies_of("Lãnh đạo UBND TP. Cần Thơ báo cáo.") == ["Ủy ban nhân dân thành phố Cần Thơ"]


def test_company_name_runs_over_descriptive_words_and_drops_the_gloss() -> None:
    got = bodies_of("Tổng công ty (TCT) Xây dựng công trình giao thông Hà Tây báo cáo kết quả.")
    assert got == ["Tổng công ty Xây dựng công trình giao thông Hà Tây"]


def test_bodies_inside_posts_are_found() -> None:
    got = bodies_of("Phó Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy Bắc Ninh Lê Thị Nga phát biểu.")
    assert got == ["Ủy ban Kiểm tra Tỉnh ủy Bắc Ninh"]


def test_two_bodies_joined_by_va_stay_apart() -> None:
    got = bodies_of("Bộ Nội vụ và Ban Thường vụ Tỉnh ủy Long An ký kết quy chế phối hợp.")
    assert got == ["Bộ Nội vụ", "Ban Thường vụ Tỉnh ủy Long An"]


def test_commission_without_parent_is_generic() -> None:
    result = parse("Ban Tổ chức đã chuẩn bị chu đáo.")
    assert [b.bare for b in result.bodies] == [True]


def test_generic_body_completed_from_the_article_place() -> None:
    places = places_by_level(["Thành ủy Vĩnh Long", "Ban Thường vụ Thành ủy Vĩnh Long", "Bộ Nội vụ"])
    assert complete("Ban Tổ chức Thành ủy", places) == "Ban Tổ chức Thành ủy Vĩnh Long"
    assert complete("Bộ Nội vụ", places) == "Bộ Nội vụ"


def test_no_completion_when_the_article_names_two_places_equally() -> None:
    places = places_by_level(["Tỉnh ủy An Giang", "Tỉnh ủy Kiên Giang"])
    assert complete("Tỉnh ủy", places) == "Tỉnh ủy"


@pytest.mark.parametrize(
    ("printed", "full"),
    [
        ("Tổng cục Chính trị QĐNDVN", "Tổng cục Chính trị Quân đội nhân dân Việt Nam"),
        ("Hội LHPN tỉnh Nghệ An", "Hội Liên hiệp Phụ nữ tỉnh Nghệ An"),
        ("Bộ Chỉ huy BĐBP tỉnh Sơn La", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Sơn La"),
        ("Hội CCB tỉnh Hà Nam", "Hội Cựu chiến binh tỉnh Hà Nam"),
    ],
)
def test_army_front_and_mass_organisation_acronyms_are_expanded(printed: str, full: str) -> None:
    assert bodies_of(f"Lãnh đạo {printed} dự buổi lễ.") == [full]


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        # dev articles: what follows a body's name is no part of it, however pyvi groups it
        (
            "Ngày 30-9, Đoàn ĐBQH tỉnh Thanh Hóa gồm các đồng chí: A, B.",
            "Đoàn đại biểu Quốc hội tỉnh Thanh Hóa",
        ),
        (
            "Ngày 20.9, Tỉnh đoàn Hà Giang tổ chức Đại hội Đoàn TNCS Hồ Chí Minh tỉnh lần thứ XV.",
            "Tỉnh đoàn Hà Giang",
        ),
        (
            "Trước đó, Hội LHPN tỉnh Nghệ An tổ chức Hội nghị Ban Chấp hành lần thứ nhất.",
            "Hội Liên hiệp Phụ nữ tỉnh Nghệ An",
        ),
        (
            "Đại hội đại biểu toàn quốc Hội Cựu chiến binh Việt Nam lần thứ V khai mạc.",
            "Hội Cựu chiến binh Việt Nam",
        ),
        ("Theo Bộ Ngoại giao thông tin về tình hình.", "Bộ Ngoại giao"),
    ],
)
def test_a_body_ends_before_a_verb_or_what_follows_a_name(sentence: str, body: str) -> None:
    assert bodies_of(sentence)[0] == body


def test_a_meeting_is_no_association() -> None:
    """ "Hội nghị" opens with the kind "Hội" but is one word: a meeting."""
    assert bodies_of("Tham dự Hội nghị có lãnh đạo Sở Nội vụ Hà Nội.") == ["Sở Nội vụ Hà Nội"]


def test_a_field_joined_by_va_stays_in_the_body() -> None:
    got = bodies_of("Đảng ủy Khối CCQ và DN tỉnh Đắk Nông tổ chức hội nghị.")
    assert got == ["Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Đắk Nông"]


def test_two_bodies_joined_by_va_stay_two() -> None:
    got = bodies_of("Hội đồng nhân dân và Ủy ban nhân dân tỉnh Hà Nam họp.")
    assert "Hội đồng nhân dân và Ủy ban nhân dân tỉnh Hà Nam" not in got


def test_the_executive_committee_of_a_provincial_committee_is_the_committee() -> None:
    assert bodies_of("Ông Nguyễn Đình Hùng - Ủy viên BCH Tỉnh ủy Nghệ An phát biểu.") == ["Tỉnh ủy Nghệ An"]


def test_the_executive_committee_of_a_party_organisation_keeps_its_name() -> None:
    got = bodies_of("Ban Chấp hành Đảng bộ huyện Lạc Dương nhiệm kỳ 2020 - 2025 họp bất thường.")
    assert got == ["Ban Chấp hành Đảng bộ huyện Lạc Dương"]


def organizations_of(text: str) -> set[str]:
    from vnpolitics.extract.article import extract_article

    return {o.canonical_name for o in extract_article(text).organizations}


def test_a_department_of_a_province_is_named_bare_or_with_the_articles_province() -> None:
    sentence = "Cuộc họp đã nghe Giám đốc Sở Kế hoạch và Đầu tư báo cáo tình hình."
    assert "Sở Kế hoạch và Đầu tư" in organizations_of(sentence)
    completed = organizations_of(f"UBND tỉnh Lạng Sơn họp sơ kết. {sentence}")
    assert "Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn" in completed


def test_a_provinces_committee_printed_bare_in_a_post_is_named() -> None:
    got = organizations_of("Sáng 15-3, đồng chí Nguyễn Văn Lợi, Bí thư Tỉnh ủy đã làm việc với các ban.")
    assert "Tỉnh ủy" in got


def test_a_committee_printed_as_a_bodys_parent_is_named_too() -> None:
    got = organizations_of(
        "Chiều 8/1, Ban Thường vụ Tỉnh ủy Tuyên Quang tổ chức hội nghị công bố các quyết định."
    )
    assert {"Ban Thường vụ Tỉnh ủy Tuyên Quang", "Tỉnh ủy Tuyên Quang"} <= got


def test_a_party_organisation_printed_as_a_parent_is_not_named() -> None:
    got = organizations_of("Ban Chấp hành Đảng bộ tỉnh Quảng Nam họp phiên thường kỳ.")
    assert not any(name.startswith("Đảng bộ") for name in got)


def test_a_generic_body_is_completed_with_the_place_its_own_sentence_names() -> None:
    text = (
        "HĐND huyện Mỹ Đức họp bầu Chủ tịch UBND huyện Mỹ Đức. HĐND huyện Mỹ Đức thông qua tờ trình. "
        "Kỳ họp HĐND huyện Thường Tín đã bầu ông Nguyễn Sỹ Tuyến, Trưởng phòng Tài nguyên Môi trường "
        "huyện giữ chức vụ Phó Chủ tịch UBND huyện Thường Tín."
    )
    got = organizations_of(text)
    assert "Phòng Tài nguyên Môi trường huyện Thường Tín" in got
    assert "Phòng Tài nguyên Môi trường huyện Mỹ Đức" not in got


def test_a_person_after_a_level_word_is_no_place_of_the_sentence() -> None:
    text = (
        "Kỳ họp HĐND huyện Mỹ Hào có tỉnh Hưng Yên dự. "
        "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh Đỗ Xuân Tuyên phát biểu."
    )
    assert not any("Đỗ Xuân Tuyên" in name for name in organizations_of(text))


def test_a_bare_committee_printed_as_the_parent_of_commissions_in_general_is_not_named() -> None:
    got = organizations_of("Các Ban tổ chức Tỉnh ủy, Thành ủy khu vực miền Bắc đã hoàn thành nhiệm vụ.")
    assert "Tỉnh ủy" not in got


def test_a_body_cut_with_the_text_loses_its_cut_word() -> None:
    text = (
        "Hội nghị giao ban định kỳ được xác định là kênh thông tin quan trọng, góp phần tăng cường sự "
        "lãnh đạo, chỉ đạo sâu sát của Đảng ủy xã Hưng Long đối"
    )
    assert "Đảng ủy xã Hưng Long" in organizations_of(text)


def test_a_short_unmarked_last_line_is_a_credit_not_a_cut_text() -> None:
    text = "Dự thảo vừa được Bộ Công an đưa ra lấy ý kiến.\nẢnh chụp lại từ Cổng thông tin điện tử Bộ Công an"
    assert "Bộ Công an" in organizations_of(text)


def test_commissions_listed_together_share_the_committee_printed_after_the_last() -> None:
    got = organizations_of(
        "Dự hội nghị có lãnh đạo Ban Tổ chức, Ban Tuyên giáo - Dân vận Tỉnh ủy Nghệ An cùng các đồng chí."
    )
    assert {"Ban Tổ chức Tỉnh ủy Nghệ An", "Ban Tuyên giáo - Dân vận Tỉnh ủy Nghệ An"} <= got


def test_a_dash_joins_two_fields_of_a_state_body_but_glosses_an_agency() -> None:
    assert "Sở Kế hoạch - Đầu tư" in bodies_of("Giám đốc Sở Kế hoạch - Đầu tư Lê Thị Mai báo cáo.")
    got = organizations_of("Thông tấn xã Việt Nam - Hãng Thông tấn quốc gia đưa tin về hội nghị.")
    assert "Thông tấn xã Việt Nam" in got


def test_a_body_of_two_places_joined_by_va_is_two_bodies() -> None:
    got = organizations_of(
        "Sáng 22-11, Bộ Chỉ huy BĐBP tỉnh Sơn La hội đàm với Bộ Chỉ huy Quân sự (CHQS) tỉnh Phongsaly "
        "và Luang Prabang, Lào."
    )
    assert {"Bộ Chỉ huy Quân sự tỉnh Phongsaly", "Bộ Chỉ huy Quân sự tỉnh Luang Prabang"} <= got
    assert not any(" và " in name for name in got)


def test_the_people_after_a_body_and_va_are_no_second_place() -> None:
    got = organizations_of("Sáng 5/3, Công an huyện Mỹ Đức và Nhân dân địa phương đã tổ chức ra quân.")
    assert "Công an huyện Mỹ Đức" in got
    assert not any("Nhân dân" in name for name in got)


def test_every_abbreviation_opens_with_a_capital() -> None:
    """The combined abbreviation pattern skips lower-case positions: a line that could match at one
    would be silently skipped, so the file's rule is held here."""
    from vnpolitics.extract.gazetteer import abbreviations

    for pattern, _ in abbreviations():
        for alternative in re.sub(r"\(\?=[^)]*\)", "", pattern.pattern).split("|"):
            assert re.match(r"\\b[A-ZĐ]", alternative), alternative


def test_abbreviations_expand_in_file_order_where_two_could_match() -> None:
    got = expand_abbreviations("Bộ CHQS tỉnh, CHQS huyện, TP.HCM và TP. Huế, UBTƯ MTTQVN")
    assert got == (
        "Bộ Chỉ huy Quân sự tỉnh, Chỉ huy Quân sự huyện, thành phố Hồ Chí Minh và thành phố Huế, "
        "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"
    )
