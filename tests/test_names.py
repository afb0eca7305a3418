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


def test_a_highland_name_keeps_its_apostrophe() -> None:
    got = people_of("Tham dự có đồng chí Điểu K’ré, Ủy viên Trung ương Đảng.")
    assert got == {"Điểu K’ré": ["Ủy viên Trung ương Đảng"]}


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


def test_a_name_may_start_inside_a_word_pyvi_makes_across_a_known_body() -> None:
    # pyvi reads "Công_Thương_Vũ" as one word
    got = people_of("Theo quyết định của Bộ trưởng Bộ Công Thương Vũ Huy Hoàng.")
    assert got == {"Vũ Huy Hoàng": ["Bộ trưởng Bộ Công Thương"]}


def test_a_country_is_read_whole_before_a_chinese_name() -> None:
    # "Quốc vương" (king) must not be read across "Trung Quốc|Vương Nghị"
    assert list(people_of("Ngoại trưởng Trung Quốc Vương Nghị khẳng định lập trường.")) == ["Vương Nghị"]


def test_two_family_names_open_a_name_after_a_lower_case_word() -> None:
    got = people_of("Các bị cáo Lê Văn Tâm và Nguyễn Đặng Thành Nam cùng bị truy tố.")
    assert list(got) == ["Lê Văn Tâm", "Nguyễn Đặng Thành Nam"]


# --- names a post or a cue announces -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Latin script, after "ông" and before a post in apposition
        (
            "Đoàn do ông Amgalanbaatar Khayankhyarvaa, Chủ tịch Tổng Công đoàn Mông Cổ, làm Trưởng đoàn.",
            "Amgalanbaatar Khayankhyarvaa",
        ),
        # a Lao name in Vietnamese spelling: six syllables, none a family name
        ("Đón đoàn có đồng chí Phông Sa Vẳn Sít Thạ Vông, Bí thư, Tỉnh trưởng.", "Phông Sa Vẳn Sít Thạ Vông"),
        # hyphens
        ("Bộ trưởng Ngoại giao Triều Tiên Ri Yong-ho phát biểu.", "Ri Yong-ho"),
        # initials
        ("Thủ tướng Đức và Tổng thống Mỹ George W. Bush tới Stralsund.", "George W. Bush"),
        # particles
        ("Cựu Tổng thống Lula da Silva vẫn dẫn đầu.", "Lula da Silva"),
        ("Quân đội hỗ trợ Tổng thống Syria Bashar al-Assad.", "Bashar al-Assad"),
        # a post in lower case or foreign, a country between
        ("Ngoại trưởng Mỹ Rex Tillerson kêu gọi các nước.", "Rex Tillerson"),
        # a cue, "người" and a country between
        ("Cô gái người Anh Caitlin Spencer kể lại.", "Caitlin Spencer"),
        ("Cô gái người Lào Xổm Phết kể lại câu chuyện.", "Xổm Phết"),
        # a Chinese name in Sino-Vietnamese reading, none of its syllables a listed family name
        ("Chủ tịch Trung Quốc Tập Cận Bình phát biểu.", "Tập Cận Bình"),
        # a Kinh family name does not run into foreign syllables ("Kim|Jong-un")
        ("Nhà lãnh đạo Triều Tiên Kim Jong-un tuyên bố.", "Kim Jong-un"),
        # an unlisted family name after a form of address
        ("Anh Khiếu Văn Tám cho biết như vậy.", "Khiếu Văn Tám"),
    ],
)
def test_a_post_or_cue_anchors_a_name_of_any_capitalised_syllables(sentence: str, expected: str) -> None:
    assert list(people_of(sentence)) == [expected]


def test_a_foreign_name_a_few_words_after_its_cue() -> None:
    got = people_of("Nhà phân tích chính trị Nga Mikhail Smolin nói quân đội Nga đáng tin.")
    assert list(got) == ["Mikhail Smolin"]


def test_a_foreign_name_announced_by_a_post_in_apposition_after_it() -> None:
    got = people_of("Nhưng Hoshyar Zebari, cố vấn cao cấp của ông Barzani, nói với Reuters.")
    assert "Hoshyar Zebari" in got


def test_a_source_or_a_city_before_a_post_is_no_name() -> None:
    assert people_of("Theo Reuters, Phó Thủ tướng Thái Lan nói với báo chí.") == {}
    assert people_of("Phát biểu tại New York, Thủ tướng Slovenia khẳng định phán quyết.") == {}


def test_a_list_continues_a_name_only_with_one_of_its_kind() -> None:
    got = people_of("Tổng thống Mỹ Donald Trump và Barack Obama, Bình Nhưỡng tuyên bố.")
    assert list(got) == ["Donald Trump", "Barack Obama"]


def test_two_vietnamese_syllables_after_a_post_without_a_family_name_are_a_body() -> None:
    assert people_of("Ông Nguyễn Hoài Nam, nguyên Giám đốc Khối Nguồn vốn.") == {
        "Nguyễn Hoài Nam": ["nguyên Giám đốc"]
    }


def test_a_foreign_word_before_a_vietnamese_name_is_not_part_of_it() -> None:
    got = people_of("Mức án chung thân với nguyên Chủ tịch HĐQT Oceanbank Hà Văn Thắm.")
    assert list(got) == ["Hà Văn Thắm"]


def test_a_brand_or_glued_acronym_is_not_part_of_a_name() -> None:
    assert list(people_of("Ông Nguyễn Thái Hậu, Giám đốc DongA Bank Tây Ninh, bị miễn nhiệm.")) == [
        "Nguyễn Thái Hậu"
    ]
    assert people_of("Tham dự có Chủ nhiệm Ủy ban các vấn đề xã hội của QHNguyễn Thị Nương.") == {}


def test_a_run_whose_last_syllable_opens_a_lower_case_word_is_a_body() -> None:
    got = people_of("Ông Nguyễn Văn Hải, Giám đốc Trung Tâm Xúc tiến đầu tư, phát biểu.")
    assert list(got) == ["Nguyễn Văn Hải"]


def test_an_abbreviated_syllable_ends_a_vietnamese_name() -> None:
    got = people_of("Hai nạn nhân là anh Cáp Trọng Th. (SN 1984) và chị Dương Thị T. (SN 1986).")
    assert list(got) == ["Cáp Trọng Th", "Dương Thị T"]


def test_a_hyphen_between_a_name_and_a_post_joins_nothing() -> None:
    got = people_of("Chị Sukmaly Thammavonge-Phó Bí thư Thành đoàn Vientiane nói.")
    assert list(got) == ["Sukmaly Thammavonge"]


def test_a_kinh_family_name_does_not_run_into_a_foreign_name() -> None:
    # "Hàn" (Korea) is a family name too; "Yoon" cannot be a Vietnamese syllable
    assert list(people_of("Tổng thống Hàn Yoon Suk-yeol phát biểu.")) == ["Yoon Suk-yeol"]


def test_a_family_name_shared_with_korean_runs_over_foreign_syllables() -> None:
    # nothing announces this one: "Kim", shared with Korean names, opens it
    assert list(people_of("Lãnh đạo Triều Tiên Kim Jong Un tại phiên họp quốc hội.")) == ["Kim Jong Un"]


def test_a_second_family_name_is_cut_only_inside_a_capitalised_run() -> None:
    got = people_of("Bị cáo Đặng Ngọc Vũ mức án 17 năm tù; Lê Hoàng Thế Anh mức án 15 năm tù.")
    assert list(got) == ["Đặng Ngọc Vũ", "Lê Hoàng Thế Anh"]


# --- streets, schools, wards and fragments of bodies ---------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Nạn nhân là giáo viên Trường THCS Chu Văn An, thị trấn Chư Sê.",
        "Cuộc diễu hành đi qua đường Phạm Văn Đồng và quảng trường Lê Thánh Tông.",
        "Anh Hồ Thanh Lợi ngụ tổ 8, phường Bùi Thị Xuân, thành phố Quy Nhơn.",
        "Đường Lê Văn Lương chiều 22.9 biến thành sông.",
        "Đối tượng Đào Văn Long trú tại Bùi Xương Trạch, quận Thanh Xuân.",
        "Đoàn đại biểu Tổng Công đoàn Mông Cổ do Chủ tịch Tổng Công đoàn dẫn đầu.",
        "Vụ trưởng Vụ Chính sách đối ngoại thông tin chuyên đề.",
        "Mối quan ngại lớn đối với Lầu Năm Góc và Bộ Chỉ huy Thái Bình Dương Mỹ.",
        "Buổi gặp mặt diễn ra tại hội trường khách sạn Thống Nhất (45 Lý Tự Trọng, quận Hải Châu).",
        "Trụ sở công ty đặt tại số 12 Hoàng Văn Thụ, phường Quang Trung.",
        "Gia đình bà (2 05/6 Lê Văn Sỹ, Q. 3) đã nhận tiền đền bù.",
        "Gia đình đã nhờ VP Luật sư Minh Đức Thành nhận lời bào chữa.",
        "Ông từng làm việc tại Ban quản lý Khu kinh tế mở Nam Phú Yên, rồi về huyện.",
        "Theo bí thư Đoàn Trường ĐH Bách khoa, hội thi diễn ra hằng tuần.",
    ],
)
def test_eponyms_addresses_and_body_fragments_are_not_people(sentence: str) -> None:
    got = people_of(sentence)
    assert set(got) <= {"Hồ Thanh Lợi", "Đào Văn Long"}


def test_a_name_printed_with_an_initial_is_the_full_name_the_article_gives() -> None:
    from vnpolitics.extract.article import extract_article

    text = (
        "Ngoại trưởng Hoa Kỳ thăm Việt Nam\n\n"
        "Sáng 30/10, Phó Thủ tướng Phạm Bình Minh hội đàm với Ngoại trưởng Hoa Kỳ Michael Richard Pompeo.\n"
        "Ông Michael R.Pompeo là vị ngoại trưởng thứ tư thăm chính thức Việt Nam.\n"
    )
    names = {p.full_name for p in extract_article(text).people}
    assert names == {"Phạm Bình Minh", "Michael Richard Pompeo"}


def test_a_given_name_of_two_syllables_is_the_full_name_the_article_gives() -> None:
    from vnpolitics.extract.article import extract_article

    text = (
        "Đà Nẵng kỷ niệm 20 năm thành phố trực thuộc Trung ương\n\n"
        "Dự lễ có Bí thư Thành ủy Nguyễn Xuân Anh và Phó Bí thư Thường trực Võ Công Trí.\n"
        "Ông Xuân Anh cho biết thành phố đã đạt nhiều thành tựu.\n"
    )
    names = {p.full_name for p in extract_article(text).people}
    assert names == {"Nguyễn Xuân Anh", "Võ Công Trí"}


def test_a_hidden_name_is_not_completed() -> None:
    from vnpolitics.extract.names import full_form

    assert full_form("Nguyễn Thị H", ["Nguyễn Thị Hoa"]) == "Nguyễn Thị H"
    assert full_form("Xuân Anh", ["Nguyễn Xuân Anh", "Trần Xuân Anh"]) == "Xuân Anh"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # initials alone hide a name
        ("Khoảng 13h, ông H. Q. K. (61 tuổi) đang đi qua đường.", []),
        # right after a unit, an unknown run is a place the gazetteer spells otherwise
        ("Bác sĩ huyện Krông Pắk cho biết như vậy.", []),
        # a form of address announces the name right after it, not a foreign word further on
        ("Bà nói Washington Post đã đưa tin sai.", []),
        # an apposition does not start inside a foreign run, nor announce the next person
        ("Theo New York Post, Thủ tướng Israel tuyên bố.", []),
        ("Với Washington Post, ông Trump không bình luận.", []),
        # a compound a cue opens is no cue
        ("Chung cư được xây dựng với tên gọi Building President, cao 13 tầng.", []),
        # a foreign country ends a run: no given name
        ("Lực lượng Cảnh sát Biển Philippines đã bắn súng vào tàu cá.", []),
        # a country between a post and two Vietnamese-looking syllables makes them a foreign name
        ("Thủ tướng Campuchia Hun Sen dự lễ.", ["Hun Sen"]),
    ],
)
def test_what_announces_a_name_and_what_does_not(sentence: str, expected: list[str]) -> None:
    # names of two syllables or more ("ông Trump", "ông H." are short references)
    assert [n for n in people_of(sentence) if " " in n] == expected


def test_names_an_article_prints_as_streets_are_streets_in_its_lists_too() -> None:
    """After "Phố X" the list goes on with streets; "đoạn từ A đến B" names two more."""
    from vnpolitics.extract.article import extract_article

    text = (
        "Mở rộng không gian đi bộ quanh hồ\n\n"
        "Không gian đi bộ gồm: Phố Trần Quang Khải, Hàng Vôi, Lý Đạo Thành (đoạn từ Hàng Vôi đến "
        "Tôn Thất Thiệp), Ngô Văn Sở (Trần Quang Khải đến Lê Văn Hưu).\n"
        "Xe buýt đi vòng qua đường Lý Đạo Thành và phố Ngô Văn Sở.\n"
        "Phó Chủ tịch UBND quận Lương Văn Tín cho biết sẽ bố trí bãi đỗ xe.\n"
    )
    names = {p.full_name for p in extract_article(text).people}
    assert names == {"Lương Văn Tín"}


def test_a_name_announced_anywhere_stays_a_person_where_a_street_bears_it() -> None:
    from vnpolitics.extract.article import extract_article

    text = (
        "Khánh thành tượng đài\n\n"
        "Tượng đài đặt ở đầu đường Nguyễn Hữu Cầu.\n"
        "Ông Nguyễn Hữu Cầu là người chỉ huy cuộc khởi nghĩa, Nguyễn Hữu Cầu được nhân dân ghi nhớ.\n"
    )
    assert {p.full_name for p in extract_article(text).people} == {"Nguyễn Hữu Cầu"}


def test_a_korean_given_name_printed_with_a_spaced_hyphen_is_read_whole() -> None:
    got = people_of(
        "Ông Pak Song - chol gặp bà Ri Yong - suk, còn ông Kim Yong Il - cha của ông Kim Jong - ho - ở lại."
    )
    assert list(got) == ["Pak Song-chol", "Ri Yong-suk", "Kim Yong Il", "Kim Jong-ho"]


def test_a_two_syllable_reference_completes_to_an_uncued_full_name_of_the_article() -> None:
    from vnpolitics.extract.article import extract_article

    text = (
        "Quan tâm vấn đề thu ngân sách, đại biểu Võ Thị Ngọc Thuý (quận Thủ Đức) đề nghị giảm chi.\n"
        "Cần đầu tư cho khởi nghiệp, bà Ngọc Thuý nói.\n"
    )
    assert {p.full_name for p in extract_article(text).people} == {"Võ Thị Ngọc Thuý"}


def test_a_foreign_looking_run_before_a_post_that_opens_the_next_clause_is_no_name() -> None:
    text = "Nhân dịp bà con Khmer sắp đón tết cổ truyền Chol Chnam Thmay, Thủ tướng đề nghị tỉnh quan tâm."
    assert people_of(text) == {}
    assert people_of("Vipin Narang, giáo sư tại MIT, cho biết.") == {"Vipin Narang": []}


def test_a_post_keeps_no_first_syllable_of_the_name_printed_whole_elsewhere() -> None:
    from vnpolitics.extract.article import extract_article

    text = (
        "Bộ trưởng Quốc phòng Hàn Quốc Song Young Moo thăm Việt Nam.\n\n"
        "Đại tướng Ngô Văn Lịch tiếp Bộ trưởng Song Young Moo."
    )
    titles = {(t.full_name, t.title) for t in extract_article(text).titles}
    assert ("Song Young Moo", "Bộ trưởng Song") not in titles
    assert ("Song Young Moo", "Bộ trưởng Quốc phòng Hàn Quốc") in titles


def test_a_house_number_before_a_name_makes_it_a_street() -> None:
    from tests.conftest import people_of

    assert people_of("Công ty xin mua ngôi nhà công sản 45 Nguyễn Thái Học nêu trên.") == {}
    # a year before a name does not
    assert "Nguyễn Văn Tâm" in people_of("Năm 2015 Nguyễn Văn Tâm được bầu làm Chủ tịch.")


def test_streets_meeting_at_a_crossing_are_no_people() -> None:
    from vnpolitics.extract.article import extract_article

    text = (
        "Tuyến đường kết nối từ ngã tư Lê Duẩn - Đinh Tiên Hoàng qua giao lộ Tôn Đức Thắng - Nguyễn Hữu Cảnh."
    )
    assert extract_article(text).people == []
