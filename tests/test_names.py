"""Person names: where they start and end among capitalised words."""

from __future__ import annotations

import pytest

from tests.conftest import people_of


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Đồng chí Trần Văn Bình phát biểu tại buổi lễ.", ["Trần Văn Bình"]),
        ("Bà Tôn Nữ Thị Hạnh, Phó Chủ tịch UBND tỉnh, dự lễ.", ["Tôn Nữ Thị Hạnh"]),
        ("Ông Ngô Thị Thanh Lan cho biết như vậy.", ["Ngô Thị Thanh Lan"]),
        # a surname that is also a place or a common word
        ("Bí thư Thành ủy Hà Nội Hà Minh Khang chủ trì.", ["Hà Minh Khang"]),
        ("Phó Chủ tịch UBND tỉnh Lâm Đồng Mai Xuân Thịnh dự.", ["Mai Xuân Thịnh"]),
        ("Các đồng chí Chu Văn Lộc, Đinh Thị Hoa cùng dự.", ["Chu Văn Lộc", "Đinh Thị Hoa"]),
        # the place of a district committee comes between the post and the name
        ("Bí thư Quận ủy Ba Đình Lê Quang Huy cho biết.", ["Lê Quang Huy"]),
        ("Bí thư Huyện ủy Gia Lâm Hồ Văn Tùng phát biểu.", ["Hồ Văn Tùng"]),
        ("Thiếu tướng Nguyễn Hữu Cường dự hội nghị.", ["Nguyễn Hữu Cường"]),
    ],
)
def test_names_are_found_whole(sentence: str, expected: list[str]) -> None:
    assert list(people_of(sentence)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Ban Thường vụ Thành ủy Hà Nội họp phiên thường kỳ.",
        "Bộ Chính trị đã ban hành nghị quyết.",
        "Đà Nẵng và Hà Nội là hai thành phố lớn.",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Đoàn Thanh niên Cộng sản tổ chức hoạt động.",
        "Đoàn đại biểu Quốc hội tỉnh Cao Bằng tiếp xúc cử tri.",
        "Trụ sở ở số 5 phố Lê Duẩn.",
    ],
)
def test_titles_bodies_places_and_doctrines_are_not_people(sentence: str) -> None:
    assert people_of(sentence) == {}


def test_foreign_names_after_a_post_or_form_of_address() -> None:
    got = people_of("Thủ tướng Canada Justin Trudeau và ông Donald Trump hội đàm.")
    assert got == {"Justin Trudeau": ["Thủ tướng Canada"], "Donald Trump": []}


def test_foreign_looking_capitals_without_an_announcer_are_not_people() -> None:
    assert people_of("Hội nghị diễn ra tại Liên hợp quốc và Washington DC.") == {}


def test_a_given_name_after_ong_is_a_short_reference() -> None:
    from tests.conftest import parse

    result = parse("Theo ông Quý, doanh nghiệp đã hoàn thành kế hoạch.")
    assert [(n.short, result.tokens[n.item.start].text) for n in result.names] == [(True, "Quý")]


def test_a_university_named_after_a_person_is_not_that_person() -> None:
    assert people_of("Lãnh đạo Đại học Lê Quý Đôn và Học viện Chính trị quốc gia Hồ Chí Minh họp.") == {}


def test_ong_at_the_start_is_a_form_of_address_even_before_an_unlisted_surname() -> None:
    assert people_of("Ông Tất Thành Cang vẫn công tác bình thường.") == {"Tất Thành Cang": []}


def test_archipelagos_are_places() -> None:
    assert people_of("Chủ quyền đối với hai quần đảo Hoàng Sa và Trường Sa.") == {}


# --- minority and rare family names ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tham dự có Phó Chủ tịch Quốc hội Uông Chu Lưu.", "Uông Chu Lưu"),
        ("Đoàn gồm đồng chí Lê Văn Hòa; Cầm Thị Mẫn, đại biểu chuyên trách.", "Cầm Thị Mẫn"),
        ("Phó Chủ tịch Thường trực Quốc hội Tòng Thị Phóng dự.", "Tòng Thị Phóng"),
        ("Bí thư Tỉnh ủy Chẩu Văn Lâm phát biểu.", "Chẩu Văn Lâm"),
        ("Chủ tịch UBND tỉnh Lường Văn Thành chủ trì.", "Lường Văn Thành"),
        ("Bí thư Huyện ủy Vy Văn Thành phát biểu.", "Vy Văn Thành"),
        ("Chủ tịch Hội đồng Dân tộc Sử Thanh Hoài dự.", "Sử Thanh Hoài"),
        ("Bị cáo Phù Chí Nguyện nhận mức án 6 tháng tù.", "Phù Chí Nguyện"),
    ],
)
def test_minority_and_rare_family_names_open_a_name(sentence: str, expected: str) -> None:
    assert expected in people_of(sentence)


# --- places and bodies before a name -----------------------------------------------------------


def test_after_a_committee_its_place_is_read_before_the_name() -> None:
    got = people_of("Bí thư Huyện ủy Lạc Dương Sử Thanh Hoài phát biểu.")
    assert got == {"Sử Thanh Hoài": ["Bí thư Huyện ủy Lạc Dương"]}


def test_a_district_after_its_committee_is_no_person() -> None:
    got = people_of("Đồng chí Trần Duy Bình tái đắc cử Bí thư Huyện ủy Hà Trung, nhiệm kỳ 2020 - 2025.")
    assert list(got) == ["Trần Duy Bình"]


def test_a_commune_of_the_2025_map_is_read_after_its_unit() -> None:
    # "Lạc Dương" is a commune of the 2025 list vietnam-provinces ships
    from vnpolitics.extract.admin_places import units_2025

    assert "Lạc Dương" in units_2025()
    assert list(people_of("Chủ tịch UBND xã Lạc Dương Trần Văn Hùng báo cáo.")) == ["Trần Văn Hùng"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "Lê Thanh" is a commune too, but a name does not stop at one syllable
        ("Cùng dự có nguyên Bí thư Thành ủy TP Lê Thanh Hải, nguyên Chủ tịch.", ["Lê Thanh Hải"]),
        # "Lâm" is a commune too: one-syllable unit names are not read after a committee
        ("Phát biểu kết luận, Bí thư Tỉnh ủy Lâm Văn Mẫn cảm ơn các đại biểu.", ["Lâm Văn Mẫn"]),
    ],
)
def test_a_unit_name_that_would_leave_a_name_cut_is_not_read(sentence: str, expected: list[str]) -> None:
    assert list(people_of(sentence)) == expected


def test_a_place_name_is_still_a_person_name_where_no_unit_precedes_it() -> None:
    assert list(people_of("Ông Hà Trung Kiên, Giám đốc Sở Nội vụ, phát biểu.")) == ["Hà Trung Kiên"]
