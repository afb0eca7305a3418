"""Posts attached to people: before the name, after it, shared by a list, after a colon."""

from __future__ import annotations

from tests.conftest import parse as parse_sentence_of
from tests.conftest import people_of


def test_post_before_the_name_with_its_body() -> None:
    got = people_of("Trưởng Ban Tuyên giáo Trung ương Lê Văn Thành phát biểu khai mạc.")
    assert got == {"Lê Văn Thành": ["Trưởng Ban Tuyên giáo Trung ương"]}


def test_appositive_posts_after_the_name_stop_at_the_verb() -> None:
    got = people_of(
        "Đồng chí Vũ Thị Lan, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Trưởng Đoàn đại biểu Quốc hội "
        "tỉnh Nghệ An chủ trì hội nghị."
    )
    assert got == {
        "Vũ Thị Lan": [
            "Ủy viên Trung ương Đảng",
            "Bí thư Tỉnh ủy",
            "Trưởng Đoàn đại biểu Quốc hội tỉnh Nghệ An",
        ]
    }


def test_abbreviations_are_expanded_in_posts() -> None:
    got = people_of("Dự có Chủ tịch UBND TP. Hải Phòng Đỗ Minh Tâm và Phó Ban Dân vận T.Ư Lý Thị Hương.")
    assert got == {
        "Đỗ Minh Tâm": ["Chủ tịch Ủy ban nhân dân thành phố Hải Phòng"],
        "Lý Thị Hương": ["Phó Ban Dân vận Trung ương"],
    }


def test_each_person_of_a_semicolon_list_keeps_own_posts() -> None:
    got = people_of(
        "Tham dự có các đồng chí: Phan Văn Mãi, Ủy viên Bộ Chính trị, Bí thư Thành ủy; "
        "Trịnh Thị Hoa, Phó Bí thư Thường trực Thành ủy."
    )
    assert got == {
        "Phan Văn Mãi": ["Ủy viên Bộ Chính trị", "Bí thư Thành ủy"],
        "Trịnh Thị Hoa": ["Phó Bí thư Thường trực Thành ủy"],
    }


def test_one_post_shared_by_a_list_after_cac_dong_chi() -> None:
    got = people_of("Tới dự có các đồng chí Phó Ban Kinh tế Trần Văn Hải, Mai Tiến, Lương Thị Hòa.")
    assert got == {name: ["Phó Ban Kinh tế"] for name in ("Trần Văn Hải", "Mai Tiến", "Lương Thị Hòa")}


def test_post_after_colon_goes_to_everyone_listed() -> None:
    got = people_of(
        "Cùng dự có các Ủy viên Trung ương Đảng: Bí thư Tỉnh ủy Thái Bình Ngô Đông Hải; "
        "Chủ tịch UBND tỉnh Nam Định Phạm Đình Nghị."
    )
    assert got == {
        "Ngô Đông Hải": ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy Thái Bình"],
        "Phạm Đình Nghị": ["Ủy viên Trung ương Đảng", "Chủ tịch Ủy ban nhân dân tỉnh Nam Định"],
    }


def test_military_rank_and_post_joined_by_a_dash() -> None:
    got = people_of("Trung tướng - Tư lệnh Quân khu 3 Nguyễn Quang Ngọc dự buổi lễ.")
    assert got == {"Nguyễn Quang Ngọc": ["Trung tướng", "Tư lệnh Quân khu 3"]}


def test_former_post_keeps_nguyen() -> None:
    got = people_of("Ông Đặng Văn Khoa, nguyên Bí thư Tỉnh ủy Quảng Trị, đã dự buổi gặp mặt.")
    assert got == {"Đặng Văn Khoa": ["nguyên Bí thư Tỉnh ủy Quảng Trị"]}


def test_post_of_the_object_of_cua_is_not_the_subjects() -> None:
    got = people_of(
        "Tiếp thu ý kiến của Trưởng Ban Nội chính Trung ương, Bí thư Tỉnh ủy Bùi Văn Quang khẳng định."
    )
    assert got == {"Bùi Văn Quang": ["Bí thư Tỉnh ủy"]}


def test_kiem_joins_two_posts() -> None:
    got = people_of("Ông Hoàng Văn Nam, Phó Bí thư Tỉnh ủy kiêm Chủ tịch HĐND tỉnh cho biết.")
    assert got == {"Hoàng Văn Nam": ["Phó Bí thư Tỉnh ủy", "Chủ tịch Hội đồng nhân dân tỉnh"]}


def test_lower_case_post_after_a_dash_as_some_outlets_print_it() -> None:
    got = people_of("Ông Lê Quang Tùng - bí thư Thành ủy Vị Thanh - cho biết kế hoạch đã xong.")
    assert got == {"Lê Quang Tùng": ["bí thư Thành ủy Vị Thanh"]}


def test_ministry_names_with_va_and_their_abbreviations() -> None:
    got = people_of(
        "Dự có Bộ trưởng Bộ KH-ĐT Trần Văn Mười và Thứ trưởng Bộ Tài nguyên và Môi trường Võ Văn Một."
    )
    assert got == {
        "Trần Văn Mười": ["Bộ trưởng Bộ Kế hoạch và Đầu tư"],
        "Võ Văn Một": ["Thứ trưởng Bộ Tài nguyên và Môi trường"],
    }


def test_minister_of_a_field_without_the_word_bo() -> None:
    got = people_of("Bộ trưởng Ngoại giao Đặng Thị Mơ và Bộ trưởng Quốc phòng Nga Sergei Shoigu hội đàm.")
    assert got == {"Đặng Thị Mơ": ["Bộ trưởng Ngoại giao"], "Sergei Shoigu": ["Bộ trưởng Quốc phòng Nga"]}


def test_member_of_a_provincial_committee_is_a_post() -> None:
    got = people_of("Ông Lý Văn Tư, Tỉnh ủy viên, Giám đốc Sở Nội vụ, dự họp.")
    assert got == {"Lý Văn Tư": ["Tỉnh ủy viên", "Giám đốc Sở Nội vụ"]}


def test_post_in_brackets_after_the_name() -> None:
    got = people_of("GS.TS Trịnh Văn Lộc (Hiệu trưởng Trường Đại học Y Hà Nội) cho biết.")
    assert got == {"Trịnh Văn Lộc": ["Hiệu trưởng Trường Đại học Y Hà Nội"]}


def test_a_longer_head_gives_way_to_a_shorter_one_that_reads_a_body() -> None:
    """ "Trưởng đoàn" is a post, but "Trưởng Đoàn đại biểu Quốc hội ..." is the head of a delegation."""
    got = people_of("Trưởng Đoàn đại biểu Quốc hội tỉnh Nghệ An Hoàng Văn Minh phát biểu.")
    assert got == {"Hoàng Văn Minh": ["Trưởng Đoàn đại biểu Quốc hội tỉnh Nghệ An"]}


def test_army_posts_and_an_expanded_army_acronym() -> None:
    # dev article d01: a post shared by the list after a colon; QĐNDVN expanded
    got = people_of(
        "Cùng dự có các đồng chí Phó Tổng Tham mưu trưởng: Thượng tướng Ngô Minh Tiến; "
        "Thượng tướng Đỗ Căn - Phó Chủ nhiệm Tổng cục Chính trị QĐNDVN."
    )
    assert got == {
        "Ngô Minh Tiến": ["Phó Tổng Tham mưu trưởng", "Thượng tướng"],
        "Đỗ Căn": [
            "Phó Tổng Tham mưu trưởng",
            "Thượng tướng",
            "Phó Chủ nhiệm Tổng cục Chính trị Quân đội nhân dân Việt Nam",
        ],
    }


def test_a_newly_elected_post_is_printed_without_tan() -> None:
    got = people_of("Các đại biểu tặng hoa chúc mừng tân Chủ tịch Hội LHPN tỉnh Nghệ An Hoàng Thị Thu Hiền.")
    assert got == {"Hoàng Thị Thu Hiền": ["Chủ tịch Hội Liên hiệp Phụ nữ tỉnh Nghệ An"]}


def test_a_post_given_by_a_verb_goes_to_the_people_before_it() -> None:
    # dev article d16: two people, each with appositives, elected to one post
    got = people_of(
        "Theo đó, ông Nguyễn Sỹ Tuyến, Trưởng phòng Tài nguyên Môi trường huyện và bà Lê Thị Liễu, "
        "Chủ tịch Hội liên hiệp phụ nữ huyện được bầu giữ chức vụ Phó Chủ tịch UBND huyện Thường Tín."
    )
    assert (
        got["Nguyễn Sỹ Tuyến"][-1]
        == got["Lê Thị Liễu"][-1]
        == "Phó Chủ tịch Ủy ban nhân dân huyện Thường Tín"
    )


def test_a_verb_gives_its_post_to_the_nearest_person_only() -> None:
    # dev article d19: "làm" twice, each post to the person just before it
    got = people_of(
        "Ngày 10/10, HĐND huyện Mỹ Hào tổ chức kỳ họp bất thường để bầu ông Lê Quang Hiến làm Chủ tịch "
        "UBND huyện thay thế ông Đỗ Minh Tuân, được điều động làm Giám đốc Sở NN&PTNT."
    )
    assert got == {
        "Lê Quang Hiến": ["Chủ tịch Ủy ban nhân dân huyện"],
        "Đỗ Minh Tuân": ["Giám đốc Sở Nông nghiệp và Phát triển nông thôn"],
    }


def test_a_lower_case_post_after_lam_is_read() -> None:
    got = people_of(
        "Đoàn công tác của Bộ Công an do Thượng tướng Trần Quốc Tỏ, Thứ trưởng Bộ Công an làm trưởng đoàn "
        "đã làm việc với tỉnh."
    )
    assert got == {"Trần Quốc Tỏ": ["Thượng tướng", "Thứ trưởng Bộ Công an", "trưởng đoàn"]}


def test_a_post_named_as_the_object_of_a_decision_goes_to_the_people_after_doi_voi() -> None:
    got = people_of(
        "Kỳ họp miễn nhiệm chức danh Phó Chủ tịch UBND đối với ông Nguyễn Huy Đức và bà Chu Thị Minh Huyền "
        "do nghỉ chế độ."
    )
    assert got == {
        "Nguyễn Huy Đức": ["Phó Chủ tịch Ủy ban nhân dân"],
        "Chu Thị Minh Huyền": ["Phó Chủ tịch Ủy ban nhân dân"],
    }


def test_a_lower_case_post_right_after_the_name() -> None:
    got = people_of("Đồng chí Vy Văn Thành phó bí thư Tỉnh Uỷ, Chủ tịch UBND tỉnh chủ trì cuộc họp.")
    assert got == {"Vy Văn Thành": ["phó bí thư Tỉnh Ủy", "Chủ tịch Ủy ban nhân dân tỉnh"]}


def test_a_committee_printed_in_lower_case_runs_to_the_name_its_post_announces() -> None:
    # dev article d14: National Assembly committees, one with commas inside its name
    got = people_of(
        "Tham dự có Chủ nhiệm UB các vấn đề xã hội Trương Thị Mai, Chủ nhiệm UB Khoa học và công nghệ "
        "môi trường Phan Xuân Dũng, Chủ nhiệm UB Tài chính, Ngân hàng, Ngân sách Phùng Quốc Hiển."
    )
    assert got == {
        "Trương Thị Mai": ["Chủ nhiệm Ủy ban các vấn đề xã hội"],
        "Phan Xuân Dũng": ["Chủ nhiệm Ủy ban Khoa học và công nghệ môi trường"],
        "Phùng Quốc Hiển": ["Chủ nhiệm Ủy ban Tài chính, Ngân hàng, Ngân sách"],
    }


def test_a_department_name_runs_in_lower_case_to_the_mark_closing_the_appositive() -> None:
    # dev article d22
    got = people_of(
        "Đồng chí TS Lê Đình Tĩnh - Vụ trưởng Vụ Chính sách đối ngoại - Bộ Ngoại giao thông tin chuyên đề."
    )
    assert got["Lê Đình Tĩnh"][0] == "Vụ trưởng Vụ Chính sách đối ngoại"


def test_a_post_without_body_takes_a_foreign_province_after_its_unit() -> None:
    got = people_of(
        "Đón tiếp và làm việc với đoàn công tác có đồng chí Phông Sa Vẳn Sít Thạ Vông, Bí Thư, Tỉnh trưởng "
        "tỉnh Xay Nhạ Bu ly"
    )
    assert got == {"Phông Sa Vẳn Sít Thạ Vông": ["Bí Thư", "Tỉnh trưởng tỉnh Xay Nhạ Bu ly"]}


def test_a_collegial_office_before_a_dash_shares_the_next_posts_body() -> None:
    got = people_of(
        "Tham dự có đồng chí Hầu A Lềnh, Ủy viên Trung ương Đảng, "
        "Phó Chủ tịch - Tổng Thư ký UBTƯ MTTQ Việt Nam."
    )
    assert got == {
        "Hầu A Lềnh": [
            "Ủy viên Trung ương Đảng",
            "Phó Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
            "Tổng Thư ký Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        ]
    }


def test_a_post_of_another_institution_before_a_dash_keeps_no_body() -> None:
    got = people_of("Phó Thủ tướng - Bộ trưởng Bộ Ngoại giao Phạm Bình Minh tiếp Đại sứ.")
    assert got["Phạm Bình Minh"] == ["Phó Thủ tướng", "Bộ trưởng Bộ Ngoại giao"]


def test_a_post_opening_its_clause_before_a_comma_and_a_form_of_address_is_the_persons() -> None:
    got = people_of(
        "Bí thư Tỉnh ủy Hà Giang, ông Triệu Tài Vinh; Bí thư T.Ư Đoàn, anh Nguyễn Mạnh Dũng tới dự."
    )
    assert got == {
        "Triệu Tài Vinh": ["Bí thư Tỉnh ủy Hà Giang"],
        "Nguyễn Mạnh Dũng": ["Bí thư Trung ương Đoàn"],
    }


def test_a_post_after_cua_before_a_comma_and_a_form_of_address_is_not_the_persons() -> None:
    got = people_of("Trả lời đề nghị của Phó Chủ tịch UBND tỉnh Kiên Giang, ông John Miller cho biết.")
    assert got == {"John Miller": []}


def test_posts_after_a_descriptive_appositive_keep_former_and_the_units_place() -> None:
    got = people_of(
        "Ông Võ Hồng Hải, đảng viên Chi bộ thôn Đại Phú thuộc Đảng bộ xã Đại Lộc (TP Đà Nẵng), nguyên Bí thư "
        "Chi bộ, nguyên Giám đốc Trung tâm y tế huyện Đại Lộc, tỉnh Quảng Nam cũ."
    )
    assert got == {"Võ Hồng Hải": ["nguyên Bí thư Chi bộ", "nguyên Giám đốc Trung tâm y tế huyện Đại Lộc"]}


def test_giu_chuc_gives_its_post_to_the_sentences_only_person_however_far() -> None:
    got = people_of(
        "Ban Thường vụ Tỉnh ủy quyết định điều động đồng chí Triệu Anh Dũng, Phó Bí thư Thường trực Đảng ủy "
        "xã Xuân Vân, đến nhận công tác tại xã Trung Sơn, chỉ định tham gia Ban Chấp hành, Ban Thường vụ và "
        "giữ chức Phó Bí thư Thường trực Đảng ủy xã Trung Sơn, nhiệm kỳ 2025–2030."
    )
    assert got == {
        "Triệu Anh Dũng": [
            "Phó Bí thư Thường trực Đảng ủy xã Xuân Vân",
            "Phó Bí thư Thường trực Đảng ủy xã Trung Sơn",
        ]
    }


def test_giu_chuc_far_goes_to_the_nearest_announced_person_before_it() -> None:
    got = people_of(
        "Điều động ông Nguyễn Văn Bảo từ Ban quản lý Khu kinh tế về huyện, sau đó bổ nhiệm bà Lê Thị Hoa, "
        "Trưởng phòng Nội vụ, từ ngày 1/9 giữ chức vụ Phó Chủ tịch UBND huyện."
    )
    assert got == {
        "Nguyễn Văn Bảo": [],
        "Lê Thị Hoa": ["Trưởng phòng Nội vụ", "Phó Chủ tịch Ủy ban nhân dân huyện"],
    }


def test_a_commission_head_reads_the_body_pyvi_glued_to_its_kind_up_to_its_parent() -> None:
    got = people_of(
        "Trưởng ban công tác đại biểu QH Nguyễn Thị Nương dự Phiên họp Ủy ban thường vụ Quốc hội."
    )
    assert got == {"Nguyễn Thị Nương": ["Trưởng ban công tác đại biểu Quốc hội"]}


def test_a_glued_kind_that_names_nothing_makes_no_post() -> None:
    got = people_of(
        "Tham dự có Chủ nhiệm UB Tài chính, Ngân hàng, Ngân sách Phùng Quốc Hiển, "
        "Trưởng ban công tác đại biểu QHNguyễn Thị Nương."
    )
    assert got["Phùng Quốc Hiển"] == ["Chủ nhiệm Ủy ban Tài chính, Ngân hàng, Ngân sách"]


def test_a_foreign_ministers_field_runs_over_lower_case_words_to_the_country() -> None:
    got = people_of(
        "Sau các chuyến thăm của Bộ trưởng Ngoại giao Vương quốc Anh Dominic Raab, Bộ trưởng Ngoại giao "
        "và Kinh tế đối ngoại Hungary Szijjártó Péter."
    )
    assert got == {
        "Dominic Raab": ["Bộ trưởng Ngoại giao Vương quốc Anh"],
        "Szijjártó Péter": ["Bộ trưởng Ngoại giao và Kinh tế đối ngoại Hungary"],
    }


def test_the_post_acted_for_is_not_the_actors() -> None:
    got = people_of(
        "Thay mặt Thủ tướng Chính phủ, Phó Thủ tướng Hoàng Trung Hải đã trao Quyết định bổ nhiệm "
        "Chủ tịch Hội đồng thành viên Tập đoàn Dầu khí Việt Nam cho ông Nguyễn Quốc Khánh."
    )
    assert got["Hoàng Trung Hải"] == ["Phó Thủ tướng"]


def test_giu_chuc_vu_is_one_verb_not_a_post_opening_with_vu() -> None:
    got = people_of("Ông Trần Văn Phước giữ chức vụ Trưởng ban Kinh tế - Ngân sách HĐND thành phố.")
    assert [t.split()[0] for t in got["Trần Văn Phước"]] == ["Trưởng"]


def test_a_commission_post_takes_the_parent_printed_after_a_comma_that_closes_the_appositive() -> None:
    got = people_of(
        "Kết quả, bà Hoàng Thị Thu Hiền - Phó Chủ tịch Thường trực Hội LHPN tỉnh, "
        "Trưởng Ban Công tác Phụ nữ, Ủy ban MTTQ Việt Nam tỉnh - đã được tín nhiệm bầu giữ chức Chủ tịch "
        "Hội LHPN tỉnh Nghệ An."
    )
    assert "Trưởng Ban Công tác Phụ nữ Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" in got["Hoàng Thị Thu Hiền"]


def test_a_post_in_lower_case_before_a_body_and_a_name() -> None:
    got = people_of("Tại phiên họp ngày 4-4, chủ tịch UBND TP Cần Thơ Lâm Văn Hòa cảnh báo nguy cơ sạt lở.")
    assert got == {"Lâm Văn Hòa": ["chủ tịch Ủy ban nhân dân thành phố Cần Thơ"]}


def test_a_field_ends_in_lower_case_nouns_before_the_name() -> None:
    got = people_of(
        "Bộ trưởng Nông nghiệp và Phát triển nông thôn Hà Minh Tuệ và Bộ trưởng Văn hóa, thể thao "
        "và du lịch Đỗ Quang Lâm dự lễ."
    )
    assert got == {
        "Hà Minh Tuệ": ["Bộ trưởng Nông nghiệp và Phát triển nông thôn"],
        "Đỗ Quang Lâm": ["Bộ trưởng Văn hóa, thể thao và du lịch"],
    }


def test_a_foreign_name_ends_a_field_and_takes_the_post_before_it() -> None:
    got = people_of(
        "Dự họp có Ngoại trưởng Mark Dellow, Bộ trưởng Quốc phòng Owen Tarrant và nhiều quan chức."
    )
    assert got == {"Mark Dellow": ["Ngoại trưởng"], "Owen Tarrant": ["Bộ trưởng Quốc phòng"]}


def test_a_foreign_name_after_a_body_is_no_part_of_the_body() -> None:
    got = people_of("Người phát ngôn Bộ Ngoại giao Nga Irina Volkova cho biết như vậy.")
    assert got == {"Irina Volkova": ["Người phát ngôn Bộ Ngoại giao Nga"]}


def test_a_committee_field_goes_on_in_lower_case_to_its_parent_and_the_name() -> None:
    got = people_of("Chủ nhiệm Ủy ban Kinh tế - ngân sách của Quốc hội Phan Đức Lâm phát biểu.")
    assert got == {"Phan Đức Lâm": ["Chủ nhiệm Ủy ban Kinh tế - ngân sách của Quốc hội"]}


def test_a_company_named_by_its_trade_and_place_before_a_comma_and_ong() -> None:
    got = people_of("Chủ tịch Hội đồng quản trị Tổng công ty xây dựng Hải Phòng, ông Bùi Văn Khải cho biết.")
    assert got == {"Bùi Văn Khải": ["Chủ tịch Hội đồng quản trị Tổng công ty xây dựng Hải Phòng"]}


def test_a_photo_position_in_brackets_stands_between_a_name_and_its_post() -> None:
    got = people_of("Ông Trịnh Văn Lộc (thứ hai từ trái sang), Thứ trưởng Bộ Tài chính, thăm nhà máy.")
    assert got == {"Trịnh Văn Lộc": ["Thứ trưởng Bộ Tài chính"]}


def test_a_post_named_as_the_object_of_chuc_vu_is_the_post_of_the_person_after_cua() -> None:
    got = people_of("Quốc hội miễn nhiệm chức vụ Tổng Kiểm toán Nhà nước của ông Đoàn Văn Tư.")
    assert got == {"Đoàn Văn Tư": ["Tổng Kiểm toán Nhà nước"]}


def test_a_post_elected_for_a_list_after_gom() -> None:
    got = people_of("Ban Chấp hành bầu 3 Phó Chủ tịch gồm các bà Lê Thị Mai, Ngô Thị Hà, Vũ Thị Lụa.")
    assert got == {name: ["Phó Chủ tịch"] for name in ("Lê Thị Mai", "Ngô Thị Hà", "Vũ Thị Lụa")}


def test_a_post_said_of_a_relative_is_not_the_named_persons() -> None:
    got = people_of("Công ty do bố chồng Trịnh Thu Hà làm chủ tịch vừa bị kết luận sai phạm.")
    assert got == {"Trịnh Thu Hà": []}


def test_a_post_before_a_one_word_foreign_name_is_that_persons_not_an_appositive() -> None:
    got = people_of("Sau cuộc họp với Thủ tướng Pierre Lanvin, Tổng thống Duval đã phát biểu.")
    assert got == {"Pierre Lanvin": ["Thủ tướng"]}


def test_a_post_left_by_decision_goes_to_the_names_before_the_verb() -> None:
    got = people_of(
        "Theo đó, các ông Hà Văn Lộc, Trần Minh Quý sẽ được miễn nhiệm chức danh Phó Chủ tịch huyện."
    )
    assert got == {name: ["Phó Chủ tịch huyện"] for name in ("Hà Văn Lộc", "Trần Minh Quý")}


def test_a_foreign_party_is_a_body_but_the_party_before_a_committee_is_not() -> None:
    assert people_of("Chủ tịch Đảng Nhân dân Mông Cổ Lkhagvyn Batsaikhan đã tới dự.") == {
        "Lkhagvyn Batsaikhan": ["Chủ tịch Đảng Nhân dân Mông Cổ"]
    }
    for sentence in (
        "Bí thư làm việc với các ban xây dựng Đảng Tỉnh ủy về kế hoạch.",
        "Đại hội Đảng bộ là dịp để Đảng Thủ đô nhìn lại nhiệm kỳ qua.",
    ):
        parse = parse_sentence_of(sentence)
        texts = {" ".join(t.text for t in parse.tokens[b.start : b.end]) for b in parse.bodies}
        assert not texts & {"Đảng", "Đảng Tỉnh ủy", "Đảng Thủ đô"}


def test_a_post_of_a_foreign_upper_house() -> None:
    got = people_of("Ông Chhay Sokha - Phó Chủ tịch Thượng viện Vương quốc Campuchia phát biểu.")
    assert got == {"Chhay Sokha": ["Phó Chủ tịch Thượng viện Vương quốc Campuchia"]}


def test_a_committee_field_of_lower_case_nouns_runs_to_its_term() -> None:
    got = people_of(
        "Bà Đỗ Thị Hằng, Chủ nhiệm Ủy ban Văn hóa, giáo dục, thanh niên, thiếu niên và nhi đồng khóa 13 "
        "được giới thiệu."
    )
    assert got == {"Đỗ Thị Hằng": ["Chủ nhiệm Ủy ban Văn hóa, giáo dục, thanh niên, thiếu niên và nhi đồng"]}


def test_a_standing_deputy_head_of_a_steering_committee() -> None:
    got = people_of("Trong đó có ông Lò Văn Muôn - nguyên Phó ban Thường trực Ban Chỉ đạo Tây Bắc.")
    assert got == {"Lò Văn Muôn": ["nguyên Phó ban Thường trực Ban Chỉ đạo Tây Bắc"]}


def test_a_post_given_by_a_verb_after_a_bracketed_post_goes_to_the_name_before_the_bracket() -> None:
    got = people_of("Quốc hội phê chuẩn ông Lý Văn Khoa (Bí thư Tỉnh ủy Cà Mau) làm Bộ trưởng Tư pháp.")
    assert got == {"Lý Văn Khoa": ["Bí thư Tỉnh ủy Cà Mau", "Bộ trưởng Tư pháp"]}


def test_a_korean_name_after_a_country_is_no_part_of_the_body() -> None:
    got = people_of("Chủ tịch Quốc hội Hàn Quốc Moon Hee Sang nhấn mạnh như vậy.")
    assert got == {"Moon Hee Sang": ["Chủ tịch Quốc hội Hàn Quốc"]}


def test_the_standing_member_of_the_secretariat_is_a_post() -> None:
    got = people_of("Dự có các đồng chí: Ủy viên Bộ Chính trị, Thường trực Ban Bí thư Lương Văn Thái.")
    assert got == {"Lương Văn Thái": ["Ủy viên Bộ Chính trị", "Thường trực Ban Bí thư"]}


def test_two_posts_joined_by_kiem_before_the_name_are_both_the_names() -> None:
    got = people_of("Phó Thủ tướng kiêm Bộ trưởng Quốc phòng Thái Lan Prawit Wongsuwon yêu cầu theo dõi.")
    assert got == {"Prawit Wongsuwon": ["Phó Thủ tướng", "Bộ trưởng Quốc phòng Thái Lan"]}


def test_an_ambassadors_post_keeps_where_it_is_held_and_announces_the_name_after_it() -> None:
    assert people_of("Đại sứ Mỹ tại Việt Nam Lorenzo Fischer cho biết như vậy.") == {
        "Lorenzo Fischer": ["Đại sứ Mỹ tại Việt Nam"]
    }
    assert people_of("Đại sứ Việt Nam tại Nhật Bản Trần Quang Khải phát biểu.") == {
        "Trần Quang Khải": ["Đại sứ Việt Nam tại Nhật Bản"]
    }


def test_a_representatives_post_with_an_acronym_and_a_place_before_a_comma_and_a_form_of_address() -> None:
    got = people_of("Trưởng đại diện UNDP tại Việt Nam, bà Greta Lindqvist cho biết.")
    assert got == {"Greta Lindqvist": ["Trưởng đại diện UNDP tại Việt Nam"]}


def test_a_fronted_post_held_somewhere_is_still_the_name_after_the_comma() -> None:
    got = people_of("Giám đốc Ngân hàng Thế giới tại Việt Nam, ông Pedro Alvarez cho biết.")
    assert got == {"Pedro Alvarez": ["Giám đốc Ngân hàng Thế giới"]}
    assert people_of("Hội nghị được tổ chức tại Hà Nội, ông Trần Văn Lâm cho biết.") == {"Trần Văn Lâm": []}


def test_a_school_after_a_principal_is_the_posts_body_even_when_named_after_a_person() -> None:
    got = people_of("Thầy Nguyễn Văn Hùng, Hiệu trưởng Trường THPT Chu Văn An, cho biết.")
    assert got == {"Nguyễn Văn Hùng": ["Hiệu trưởng Trường THPT Chu Văn An"]}
    got = people_of("Hiệu trưởng Trường THCS Lê Lợi Phạm Thị Hoa cho biết.")
    assert got == {"Phạm Thị Hoa": ["Hiệu trưởng Trường THCS Lê Lợi"]}


def test_a_schools_name_stops_at_the_verb_welcoming_a_guest() -> None:
    got = people_of("Trường Sĩ quan Lục quân 1 đón Thượng tướng Nguyễn Văn Bình.")
    assert got == {"Nguyễn Văn Bình": ["Thượng tướng"]}


def test_an_army_units_political_and_logistics_chiefs_are_posts_of_the_unit() -> None:
    got = people_of("Đại tá Nguyễn Văn Tâm, chủ nhiệm chính trị Bộ CHQS tỉnh Quảng Nam, cho biết.")
    assert got == {"Nguyễn Văn Tâm": ["Đại tá", "chủ nhiệm chính trị Bộ Chỉ huy Quân sự tỉnh Quảng Nam"]}
    got = people_of("Đại tá Võ Văn Bình, Chủ nhiệm Hậu cần Quân khu 5 báo cáo.")
    assert got == {"Võ Văn Bình": ["Đại tá", "Chủ nhiệm Hậu cần Quân khu 5"]}


def test_a_companys_brand_after_an_appositive_post_is_its_body() -> None:
    assert people_of("Ông Phạm Văn Cường, Chủ tịch Vingroup, phát biểu.") == {
        "Phạm Văn Cường": ["Chủ tịch Vingroup"]
    }
    got = people_of("Ông Nguyễn Văn An, Tổng Giám đốc kiêm Chủ tịch HĐQT Vinamilk, cho biết.")
    assert got == {"Nguyễn Văn An": ["Tổng Giám đốc", "Chủ tịch Hội đồng quản trị Vinamilk"]}
    assert people_of("Ông Trương Gia Bảo, Giám đốc FPT Software, cho biết.") == {
        "Trương Gia Bảo": ["Giám đốc FPT Software"]
    }


def test_a_foreign_name_after_a_post_in_a_list_is_no_brand() -> None:
    got = people_of(
        "Dự có Ngoại trưởng Hàn Quốc Kang Kyung Wha, Bộ trưởng Ngoại giao Anh Dominic Raab, và nhiều khách."
    )
    assert got == {"Kang Kyung Wha": ["Ngoại trưởng Hàn Quốc"], "Dominic Raab": ["Bộ trưởng Ngoại giao Anh"]}


def test_a_congress_subcommittee_and_a_task_force_are_bodies_of_posts() -> None:
    got = people_of("Ông Nguyễn Văn Ân, Trưởng Tiểu ban Văn kiện Đại hội XIII của Đảng, phát biểu.")
    assert got == {"Nguyễn Văn Ân": ["Trưởng Tiểu ban Văn kiện Đại hội XIII"]}
    assert people_of("Tổ trưởng Tổ công tác Nguyễn Văn Cần cho biết.") == {
        "Nguyễn Văn Cần": ["Tổ trưởng Tổ công tác"]
    }


def test_a_lower_case_post_right_before_a_name_is_its_post_even_after_a_capitalised_prefix() -> None:
    assert people_of("Cựu thủ tướng Ôn Gia Bảo cũng thể hiện sự tôn trọng.") == {
        "Ôn Gia Bảo": ["Cựu thủ tướng"]
    }
    got = people_of("Ý kiến trình trưởng đoàn ĐBQH TP. HCM Lê Văn Tâm để xin ý kiến.")
    assert got == {"Lê Văn Tâm": ["trưởng đoàn đại biểu Quốc hội thành phố Hồ Chí Minh"]}


def test_an_urban_unit_named_by_its_number_ends_a_post_and_a_body() -> None:
    assert people_of("Cán bộ đi theo Phó chủ tịch quận 1 Đoàn Văn Hải.") == {
        "Đoàn Văn Hải": ["Phó chủ tịch quận 1"]
    }
    got = people_of("Chủ tịch UBND quận 3 Lê Văn Phúc cho biết.")
    assert got == {"Lê Văn Phúc": ["Chủ tịch Ủy ban nhân dân quận 3"]}


def test_posts_joined_by_a_comma_and_kiem_before_a_name_are_both_its_posts() -> None:
    got = people_of("Trình Bí thư Thành uỷ, kiêm trưởng đoàn ĐBQH TP. HCM Lê Văn Tâm để xin ý kiến.")
    assert got == {"Lê Văn Tâm": ["Bí thư Thành ủy", "trưởng đoàn đại biểu Quốc hội thành phố Hồ Chí Minh"]}


def test_a_university_named_after_a_person_is_no_person() -> None:
    assert people_of("Công văn gửi hội đồng trường Trường ĐH Tôn Đức Thắng ra Hà Nội.") == {}


def test_judicial_officers_are_posts_of_their_court_or_procuracy() -> None:
    assert people_of("Thẩm phán Nguyễn Văn Hà chủ tọa phiên tòa.") == {"Nguyễn Văn Hà": ["Thẩm phán"]}
    got = people_of("Bà Lê Thị Hoa, Kiểm sát viên VKSND tỉnh Bắc Ninh, đọc cáo trạng.")
    assert got == {"Lê Thị Hoa": ["Kiểm sát viên Viện Kiểm sát nhân dân tỉnh Bắc Ninh"]}


def test_junior_officer_ranks_and_a_chief_accountant_of_a_hospital() -> None:
    got = people_of(
        "Cử 3 cán bộ gồm Trung tá Nguyễn Xuân Thành, thiếu tá Vũ Văn Hiệp và Đại uý Hoàng Trung Kiên."
    )
    assert got["Hoàng Trung Kiên"] == ["Đại úy"]
    got = people_of("Bà Hồ Thị Diễm Phương, kế toán trưởng Bệnh viện Ung thư, cho biết.")
    assert got == {"Hồ Thị Diễm Phương": ["kế toán trưởng Bệnh viện Ung thư"]}


def test_a_country_printed_with_its_state_form_ends_a_post_before_the_name() -> None:
    got = people_of("Đại sứ đặc mệnh toàn quyền Việt Nam tại CHLB Đức Nguyễn Minh Vũ cho rằng.")
    assert got == {"Nguyễn Minh Vũ": ["Đại sứ đặc mệnh toàn quyền Việt Nam tại Cộng hòa Liên bang Đức"]}
    got = people_of("Chủ tịch nước CHDCND Lào Bounnhang Vorachith phát biểu.")
    assert got == {"Bounnhang Vorachith": ["Chủ tịch nước Cộng hòa Dân chủ Nhân dân Lào"]}


def test_an_honorific_before_a_foreign_leaders_name_is_no_part_of_it() -> None:
    got = people_of("Thủ tướng Vương quốc Campuchia Samdech Techo Hun Sen phát biểu.")
    assert got == {"Hun Sen": ["Thủ tướng Vương quốc Campuchia"]}


def test_a_fronted_post_after_a_clause_and_a_comma_is_the_name_after_its_own_comma() -> None:
    got = people_of("Từ ngày 18/4, Chủ tịch UBND TP. Đà Nẵng, ông Huỳnh Đức Thơ đã có văn bản.")
    assert got == {"Huỳnh Đức Thơ": ["Chủ tịch Ủy ban nhân dân thành phố Đà Nẵng"]}
    assert people_of("Ông Lê Văn Tám, Bí thư Tỉnh ủy, ông Nguyễn Văn Hai cùng dự.") == {
        "Lê Văn Tám": ["Bí thư Tỉnh ủy"],
        "Nguyễn Văn Hai": [],
    }


def test_a_countrys_short_form_between_a_post_and_a_foreign_name_is_the_posts() -> None:
    assert people_of("Thủ tướng Nhật Kenji Sato cũng tham dự.") == {"Kenji Sato": ["Thủ tướng Nhật"]}
    assert people_of("Thủ tướng Ý Marco Bellini đã điện đàm.") == {"Marco Bellini": ["Thủ tướng Ý"]}
    # a family name after a post is the name's, not a country's
    assert people_of("Chủ tịch Hàn Văn Tâm phát biểu.") == {"Hàn Văn Tâm": ["Chủ tịch"]}


def test_a_bracketed_parent_between_a_post_and_its_holder() -> None:
    got = people_of("Trưởng phòng Dịch vụ vận tải hàng hải (Cục Hàng hải VN) Trịnh Văn Cường cho biết.")
    assert got == {"Trịnh Văn Cường": ["Trưởng phòng Dịch vụ vận tải hàng hải Cục Hàng hải Việt Nam"]}
    # a remark in brackets is no parent, and the post is still the holder's
    got = people_of("Giám đốc Sở Y tế (bên trái) Nguyễn Văn Tâm cho biết.")
    assert got == {"Nguyễn Văn Tâm": ["Giám đốc Sở Y tế"]}


def test_a_lower_case_commission_of_the_provincial_party_committee() -> None:
    got = people_of("Bà Mai Thị Hoa, trưởng Ban tuyên giáo Tỉnh ủy Sơn La, sẽ chủ trì buổi họp.")
    assert got == {"Mai Thị Hoa": ["trưởng Ban tuyên giáo Tỉnh ủy Sơn La"]}


def test_a_lower_case_word_glued_to_the_next_capitalised_one_is_two_words() -> None:
    got = people_of("Bà Mai Thị Hoa, trưởng Ban tuyên giáoTỉnh uỷ, sẽ chủ trì buổi họp.")
    assert got == {"Mai Thị Hoa": ["trưởng Ban tuyên giáo Tỉnh ủy"]}


def test_a_count_before_a_post_shares_it_with_the_listed_names() -> None:
    got = people_of("Hai Phó chủ tịch Dương Văn Thắng và Đặng Minh Sơn lần lượt nhận 40, 41 phiếu.")
    assert got == {"Dương Văn Thắng": ["Phó chủ tịch"], "Đặng Minh Sơn": ["Phó chủ tịch"]}


def test_the_agent_of_a_passive_appointment_does_not_take_the_post() -> None:
    got = people_of("Ông Tôn Văn Tài được Thủ tướng Lê Văn Bảo bổ nhiệm làm Bộ trưởng Nông nghiệp năm 2006.")
    assert got == {"Tôn Văn Tài": ["Bộ trưởng Nông nghiệp"], "Lê Văn Bảo": ["Thủ tướng"]}


def test_governors_mayors_and_senators_are_posts() -> None:
    got = people_of("Thống đốc Ngân hàng Nhà nước Lê Văn Hưng phát biểu.")
    assert got == {"Lê Văn Hưng": ["Thống đốc Ngân hàng Nhà nước"]}
    assert people_of("Thượng nghị sĩ Mỹ John Carter đến thăm.") == {"John Carter": ["Thượng nghị sĩ Mỹ"]}
    got = people_of("Nguyễn Văn Minh, Viện phó Viện dầu khí, cho rằng nhu cầu đầu tư lớn.")
    assert got == {"Nguyễn Văn Minh": ["Viện phó Viện dầu khí"]}


def test_a_chair_named_by_the_unit_alone_is_the_chair_of_its_peoples_committee() -> None:
    from vnpolitics.extract.article import extract_article

    text = "Tỉnh ủy Nghệ An họp.\n\nÔng Kim gửi bản kiểm điểm cho ông Nguyễn Văn Đường, Chủ tịch tỉnh."
    (title,) = extract_article(text).titles
    assert (title.title, title.organization_name) == ("Chủ tịch tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An")
    assert title.canonical_title == "Chủ tịch Ủy ban nhân dân tỉnh Nghệ An"
    # no place fixed: the post stays as printed
    (title,) = extract_article("Ông Nguyễn Văn Đường, Chủ tịch tỉnh, đã ký.").titles
    assert (title.title, title.organization_name) == ("Chủ tịch tỉnh", None)


def test_a_country_of_two_syllables_is_read_whole_inside_a_body_before_a_foreign_name() -> None:
    got = people_of("Tiếp có chủ tịch Quốc hội Ai Cập Ali Abdel Aal và các đại biểu.")
    assert got == {"Ali Abdel Aal": ["chủ tịch Quốc hội Ai Cập"]}


def test_in_a_list_of_post_and_name_pairs_each_post_is_the_next_names() -> None:
    got = people_of(
        "Dự có Bộ trưởng Ngoại giao Việt Nam Trần Văn Minh, Bộ trưởng Ngoại giao Hàn Quốc, bà Kang "
        "Kyung-wha, Bộ trưởng Ngoại giao Nhật Bản, ông Taro Kono."
    )
    assert got == {
        "Trần Văn Minh": ["Bộ trưởng Ngoại giao Việt Nam"],
        "Kang Kyung-wha": ["Bộ trưởng Ngoại giao Hàn Quốc"],
        "Taro Kono": ["Bộ trưởng Ngoại giao Nhật Bản"],
    }


def test_a_bare_secretary_before_a_post_in_a_party_committees_body_is_that_committees() -> None:
    got = people_of("Ông Nguyễn Văn An, phó bí thư, Chủ nhiệm Ủy ban kiểm tra Đảng ủy xã Tân Lập dự.")
    assert got == {
        "Nguyễn Văn An": ["phó bí thư Đảng ủy xã Tân Lập", "Chủ nhiệm Ủy ban kiểm tra Đảng ủy xã Tân Lập"]
    }
    # a people's committee is no party committee: the secretary's committee is not printed
    got = people_of("Ông Lê Văn Hải, Phó Bí thư - Chủ tịch UBND xã Tân Lập phát biểu.")
    assert got == {"Lê Văn Hải": ["Phó Bí thư", "Chủ tịch Ủy ban nhân dân xã Tân Lập"]}


def test_a_post_of_a_city_printed_without_its_peoples_committee() -> None:
    got = people_of("Phó chủ tịch TP Đà Nẵng Nguyễn Văn An được bầu làm Chủ tịch.")
    assert got["Nguyễn Văn An"][0] == "Phó chủ tịch thành phố Đà Nẵng"


def test_when_a_fronted_post_was_held_is_no_part_of_its_body() -> None:
    got = people_of("Chủ tịch UBND TP Hà Nội hiện nay, ông Nguyễn Văn Thảo đã bước sang tuổi 63.")
    assert got == {"Nguyễn Văn Thảo": ["Chủ tịch Ủy ban nhân dân thành phố Hà Nội"]}
    got = people_of("Thủ tướng cùng Bộ trưởng cấp cao Goh Chok Tong cắt băng khai trương.")
    assert got["Goh Chok Tong"] == ["Bộ trưởng cấp cao"]


def test_an_association_and_a_press_secretary() -> None:
    got = people_of("Ông Nguyễn Văn Nhiêm, Chủ tịch Hiệp hội Phát hành và Phổ biến phim Việt Nam cho rằng.")
    assert got == {"Nguyễn Văn Nhiêm": ["Chủ tịch Hiệp hội Phát hành và Phổ biến phim Việt Nam"]}
    assert people_of("Thư ký báo chí Nhà Trắng Sarah Sanders đăng trên Twitter.")["Sarah Sanders"] == [
        "Thư ký báo chí Nhà Trắng"
    ]


def test_a_bracketed_parent_closing_the_appositive_ends_the_body() -> None:
    got = people_of(
        "Bà Lý Thị Hạnh, Trưởng ban Văn hoá - Xã hội (HĐND TP. HCM) cho biết, tháng 1 ban đã khảo sát."
    )
    assert got == {"Lý Thị Hạnh": ["Trưởng ban Văn hóa - Xã hội Hội đồng nhân dân thành phố Hồ Chí Minh"]}
    got = people_of("Đại tá Đỗ Văn Hùng, Cục trưởng cục Cảnh sát hình sự (bộ Công an) cho biết.")
    assert got == {"Đỗ Văn Hùng": ["Đại tá", "Cục trưởng cục Cảnh sát hình sự bộ Công an"]}
    # a bracket repeating the body's own kind is its acronym, not a parent
    got = people_of("Ông Lê Văn Tám, Giám đốc Ban Quản lý dự án (Ban QLDA), cho biết.")
    assert got == {"Lê Văn Tám": ["Giám đốc Ban Quản lý dự án"]}


def test_a_lower_case_commission_of_a_named_peoples_council() -> None:
    got = people_of("Theo Trưởng ban pháp chế HĐND TP Hà Nội Trịnh Hoài Nam, hồ sơ đã đủ điều kiện.")
    assert got == {"Trịnh Hoài Nam": ["Trưởng ban pháp chế Hội đồng nhân dân thành phố Hà Nội"]}


def test_a_chain_of_former_posts_after_cua_is_one_persons_career() -> None:
    got = people_of(
        "Thủ tướng tưởng nhớ công lao của nguyên Chủ tịch Hội đồng Nhà nước, nguyên Phó Chủ tịch Hội đồng Bộ"
        " trưởng, nguyên Cố vấn Ban Chấp hành Trung ương Đảng Võ Văn Công."
    )
    assert got["Võ Văn Công"] == [
        "nguyên Chủ tịch Hội đồng Nhà nước",
        "nguyên Phó Chủ tịch Hội đồng Bộ trưởng",
        "nguyên Cố vấn Ban Chấp hành Trung ương Đảng",
    ]
    # posts of the object of "của" that are not all former may be several people's
    got = people_of(
        "Theo ý kiến của Trưởng Ban Tổ chức, Bí thư Tỉnh ủy Nguyễn Văn Bình, việc này cần làm rõ."
    )
    assert got["Nguyễn Văn Bình"] == ["Bí thư Tỉnh ủy"]


def test_a_lower_case_post_before_a_dash_and_a_form_of_address_is_the_names() -> None:
    got = people_of(
        "Liên quan đến nhà thờ Bùi Chu, chủ tịch UBND tỉnh Nam Định - ông Phạm Văn Nghị xác nhận."
    )
    assert got == {"Phạm Văn Nghị": ["chủ tịch Ủy ban nhân dân tỉnh Nam Định"]}
    # a post given by a verb is its object, not the next name's
    got = people_of(
        "Ông Tập Cận Bình tái đắc cử chức chủ tịch nước, ông Trần Kỳ Sơn, được bầu làm phó chủ tịch nước."
    )
    assert "chủ tịch nước" not in got["Trần Kỳ Sơn"]
    # nor is a post with no body, counted before the comma
    got = people_of("Ủy ban Kiểm tra nhiệm kỳ mới gồm 7 ủy viên, đồng chí Vũ Văn Hòa được bầu làm Chủ nhiệm.")
    assert "ủy viên" not in got["Vũ Văn Hòa"]


def test_a_committee_of_the_national_assembly_printed_with_cua() -> None:
    got = people_of("Theo Dân trí, Chủ nhiệm uỷ ban Tư pháp của QH Lê Thị Ngân nhận xét.")
    assert got == {"Lê Thị Ngân": ["Chủ nhiệm ủy ban Tư pháp của Quốc hội"]}
    got = people_of("Ông Lê Văn Tâm, Chủ tịch Hội đồng dân tộc của Quốc hội cho biết.")
    assert got == {"Lê Văn Tâm": ["Chủ tịch Hội đồng dân tộc của Quốc hội"]}


def test_a_post_said_of_a_person_when_it_was_held() -> None:
    got = people_of("Dự án ông Trịnh Văn Thành theo dõi khi còn là Phó Chủ tịch UBND Hậu Giang.")
    assert got == {"Trịnh Văn Thành": ["Phó Chủ tịch Ủy ban nhân dân Hậu Giang"]}
    got = people_of("Ông Hồ Văn Cầu - hiện đang là phó chủ tịch UBND huyện Phú Lộc và bà Lê Thị Kim.")
    assert got["Hồ Văn Cầu"] == ["phó chủ tịch Ủy ban nhân dân huyện Phú Lộc"]
    # "là" alone is any copula
    got = people_of("Ông Nguyễn Văn Bình cho biết đây là Chủ tịch UBND tỉnh mới.")
    assert got["Nguyễn Văn Bình"] == []


def test_a_counted_post_said_to_be_a_list_of_people() -> None:
    got = people_of("UBND TP có 5 phó chủ tịch là ông Lê Thanh Hải, Lê Văn Khoa, bà Nguyễn Thị Thu.")
    assert got == {name: ["phó chủ tịch"] for name in ("Lê Thanh Hải", "Lê Văn Khoa", "Nguyễn Thị Thu")}


def test_agencies_and_their_heads() -> None:
    got = people_of("Đại tá Lê Văn Bình, Thủ trưởng Cơ quan CSĐT Công an tỉnh cho biết.")
    assert got == {"Lê Văn Bình": ["Đại tá", "Thủ trưởng Cơ quan Cảnh sát điều tra Công an tỉnh"]}
    got = people_of("Trước đó, ông Lê Văn Tư, Giám đốc Cơ quan Tình báo Trung ương Mỹ, cho biết.")
    assert got == {"Lê Văn Tư": ["Giám đốc Cơ quan Tình báo Trung ương Mỹ"]}
    # "cơ quan chức năng" names no agency
    got = people_of("Ông Lê Văn Tư, giám đốc cơ quan chức năng, cho biết.")
    assert got == {"Lê Văn Tư": ["giám đốc"]}
    got = people_of("Phát biểu tại họp báo, Cảnh sát trưởng thành phố Austin, ông Brian Manley cho biết.")
    assert got == {"Brian Manley": ["Cảnh sát trưởng thành phố Austin"]}
    got = people_of("Người đảm nhiệm vị trí Chủ tịch Liên minh HTX Việt Nam là ông Võ Văn Cự.")
    assert got == {"Võ Văn Cự": ["Chủ tịch Liên minh Hợp tác xã Việt Nam"]}


def test_a_name_after_va_ends_a_lower_case_body_of_a_list_of_people() -> None:
    got = people_of(
        "Cảnh cáo các ông Đỗ Văn Chiểu - nguyên chủ tịch HĐQT tổng công ty và Đỗ Duy Phi - nguyên tổng"
        " giám đốc Vinachem."
    )
    assert got == {
        "Đỗ Văn Chiểu": ["nguyên chủ tịch Hội đồng quản trị tổng công ty"],
        "Đỗ Duy Phi": ["nguyên tổng giám đốc Vinachem"],
    }


def test_a_lower_case_field_closed_by_a_place() -> None:
    got = people_of("Ông Tô Văn Động - giám đốc Sở Văn hoá thể thao Hà Nội - được mời mở đầu.")
    assert got == {"Tô Văn Động": ["giám đốc Sở Văn hóa thể thao Hà Nội"]}
    # a verb still ends the body
    got = people_of("Ông Lê Văn Tám, Bí thư Tỉnh ủy Hà Nam đi công tác nước ngoài.")
    assert got == {"Lê Văn Tám": ["Bí thư Tỉnh ủy Hà Nam"]}


def test_a_plural_post_after_cua_is_not_the_next_names() -> None:
    got = people_of("Về phần trả lời chất vấn của các Bộ trưởng, ĐBQH Dương Văn Hải (đoàn TP. HCM) cho rằng.")
    assert got == {"Dương Văn Hải": ["đại biểu Quốc hội"]}


def test_a_committee_field_with_a_comma_closed_by_cua_quoc_hoi() -> None:
    got = people_of(
        "Gồm: ông Nguyễn Đức Hạnh, Chủ nhiệm Uỷ ban Tài chính, Ngân sách của Quốc hội; ông Hà Văn Chiến."
    )
    assert got["Nguyễn Đức Hạnh"] == ["Chủ nhiệm Ủy ban Tài chính, Ngân sách của Quốc hội"]


def test_an_aside_in_brackets_between_a_name_and_its_post() -> None:
    got = people_of("Cô Beatrice Fihn (phải), giám đốc điều hành của ICAN vui mừng.")
    assert got == {"Beatrice Fihn": ["giám đốc điều hành"]}


def test_a_lower_case_field_of_nouns_ends_at_a_verb() -> None:
    got = people_of("Đứng sau là bà Lê Thị Thủy, Trưởng Ban dân tộc có số phiếu tín nhiệm cao 18 phiếu.")
    assert got == {"Lê Thị Thủy": ["Trưởng Ban dân tộc"]}


def test_a_post_said_of_a_named_person_with_la() -> None:
    got = people_of("Ông Lữ Văn Hùng là bí thư Tỉnh uỷ Hậu Giang nhiệm kỳ 2015-2020.")
    assert got == {"Lữ Văn Hùng": ["bí thư Tỉnh ủy Hậu Giang"]}
    # a person said to be no post keeps none, nor one whose post announces another name
    assert people_of("Ông Nguyễn Văn An là người phụ trách dự án.") == {"Nguyễn Văn An": []}
    got = people_of("Người kế nhiệm ông Trương Văn Sang là Bộ trưởng Công an Trần Văn Quang.")
    assert got == {"Trương Văn Sang": [], "Trần Văn Quang": ["Bộ trưởng Công an"]}


def test_a_branch_named_with_its_city() -> None:
    got = people_of(
        "Kỷ luật ông Trần Minh Thủ - Phó Giám đốc chi nhánh Văn phòng Đăng ký đất đai TP. Tuy Hoà."
    )
    assert got == {"Trần Minh Thủ": ["Phó Giám đốc chi nhánh Văn phòng Đăng ký đất đai thành phố Tuy Hòa"]}


def test_a_post_of_the_department_named_before_said_to_be_a_person() -> None:
    got = people_of("Giám đốc Sở này hiện là ông Lê Quang Nam.")
    assert got == {"Lê Quang Nam": ["Giám đốc Sở"]}


def test_malaysian_honours_are_no_part_of_the_name() -> None:
    got = people_of("Thủ tướng Malaysia Datuk Seri Najib Razak cho biết.")
    assert got == {"Najib Razak": ["Thủ tướng Malaysia"]}
    assert list(people_of("Chủ tịch EC Tan Sri Mohd Hashim Abdullah giải thích.")) == ["Mohd Hashim Abdullah"]
