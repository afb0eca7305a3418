"""Bodies placed in the tree: level and place read from the name, parents printed inside the
name, implied by rule or by the article's place, and the full form of local state bodies."""

from __future__ import annotations

import pytest

from tests.conftest import parse
from vnpolitics.extract.article import extract_article
from vnpolitics.extract.bodies import canonical_body
from vnpolitics.extract.hierarchy import _cut_cycles
from vnpolitics.extract.levels import placement
from vnpolitics.extract.records import DecodedText, OrganizationProfile
from vnpolitics.warehouse.raw_frames import build_raw_frames
from vnpolitics.warehouse.scan import LoadedFile


def tree_of(text: str) -> dict[str, OrganizationProfile]:
    return {o.canonical_name: o for o in extract_article(text).organization_profiles}


def parent_of(text: str, name: str) -> str | None:
    return tree_of(text)[name].parent_name


@pytest.mark.parametrize(
    ("name", "level", "place"),
    [
        ("Ban Tổ chức Huyện ủy Mỹ Đức", "district", "Mỹ Đức"),
        ("Văn phòng Ủy ban nhân dân thành phố Hà Nội", "province", "Hà Nội"),
        ("Ban Tổ chức Trung ương", "central", None),
        ("Thành ủy Hà Nội", "province", "Hà Nội"),
        ("Thành ủy Vinh", "district", "Vinh"),
        ("Ủy ban nhân dân thành phố Buôn Ma Thuột", "district", "Buôn Ma Thuột"),
        ("Tỉnh ủy Nghệ An", "province", "Nghệ An"),
        ("Quận ủy Tây Hồ", "district", "Tây Hồ"),
        ("Đảng ủy xã Tân Phú", "commune", "Tân Phú"),
        ("Ủy ban nhân dân phường", "commune", None),
        ("Sở Nội vụ tỉnh Nghệ An", "province", "Nghệ An"),
        ("Sở Nội vụ", "province", None),
        ("Cục Thuế Quảng Nam", "province", "Quảng Nam"),
        ("Thành ủy Thành phố Hồ Chí Minh", "province", "Hồ Chí Minh"),
        ("Bộ Ngoại giao", "central", None),
        ("Quốc hội", "central", None),
        ("Thông tấn xã Việt Nam", "central", None),
        ("Liên minh Hợp tác xã Việt Nam", "central", None),
        ("Tổng công ty Xây dựng công trình giao thông Hà Tây", "enterprise", None),
        ("Bộ Chỉ huy Quân sự tỉnh Nghệ An", "army", None),
        ("Tổng cục Chính trị Quân đội nhân dân Việt Nam", "army", None),
        ("Viện Dinh dưỡng", None, None),
    ],
)
def test_level_and_place_are_read_from_the_name(name: str, level: str | None, place: str | None) -> None:
    got = placement(name)
    assert (got.level, got.place) == (level, place)


def test_place_cut_to_the_province_when_a_name_runs_on() -> None:
    got = placement("Đoàn đại biểu Quốc hội thành phố Hồ Chí Minh Phan")
    assert (got.level, got.place) == ("province", "Hồ Chí Minh")


def test_nested_bodies_belong_to_the_body_printed_after_them() -> None:
    tree = tree_of(
        "Ban Thường vụ Thành ủy Hà Nội và Thường trực Thành ủy Hà Nội họp với Ban Tổ chức Thành ủy Hà Nội."
    )
    for child in (
        "Ban Thường vụ Thành ủy Hà Nội",
        "Thường trực Thành ủy Hà Nội",
        "Ban Tổ chức Thành ủy Hà Nội",
    ):
        assert tree[child].parent_name == "Thành ủy Hà Nội"
        assert (tree[child].level, tree[child].place) == ("province", "Hà Nội")
    assert tree["Thành ủy Hà Nội"].parent_name == "Ban Chấp hành Trung ương Đảng"
    top = tree["Ban Chấp hành Trung ương Đảng"]
    assert (top.kind, top.level, top.parent_name) == ("party_committee", "central", None)


def test_office_of_a_people_committee_and_its_full_name() -> None:
    tree = tree_of("Văn phòng UBND Hà Nội vừa ban hành thông báo.")
    office = tree["Văn phòng Ủy ban nhân dân thành phố Hà Nội"]
    assert office.parent_name == "Ủy ban nhân dân thành phố Hà Nội"
    assert tree["Ủy ban nhân dân thành phố Hà Nội"].kind == "peoples_committee"


def test_army_body_belongs_to_the_army() -> None:
    tree = tree_of("Đoàn công tác của Tổng cục Chính trị Quân đội nhân dân Việt Nam làm việc tại tỉnh.")
    assert tree["Tổng cục Chính trị Quân đội nhân dân Việt Nam"].parent_name == "Quân đội nhân dân Việt Nam"
    assert tree["Quân đội nhân dân Việt Nam"].level == "army"


def test_a_unique_body_inside_a_name_is_no_parent_unless_it_ends_it() -> None:
    tree = tree_of("Đoàn đại biểu Quốc hội tỉnh Nghệ An và Ủy ban Thường vụ Quốc hội làm việc.")
    assert tree["Đoàn đại biểu Quốc hội tỉnh Nghệ An"].parent_name == "Quốc hội"
    assert tree["Ủy ban Thường vụ Quốc hội"].parent_name == "Quốc hội"
    assert tree["Quốc hội"].parent_name is None


def test_a_place_after_a_level_marker_is_no_parent() -> None:
    tree = tree_of("Thành ủy Hội An và Tỉnh ủy Quảng Nam ký kết quy chế.")
    assert tree["Thành ủy Hội An"].parent_name == "Tỉnh ủy Quảng Nam"


def test_body_in_brackets_after_a_name_is_its_parent() -> None:
    tree = tree_of("Lãnh đạo Tổng cục Hậu cần (Bộ Quốc phòng) kiểm tra đơn vị.")
    assert tree["Tổng cục Hậu cần"].parent_name == "Bộ Quốc phòng"
    assert tree["Bộ Quốc phòng"].parent_name == "Chính phủ"


def test_an_aside_in_brackets_gives_no_parent_and_a_top_body_takes_none() -> None:
    tree = tree_of(
        "Sáng 17/10, Ủy ban Thường vụ Quốc hội cho ý kiến về việc giám sát kiến nghị của cử tri gửi "
        "đến kỳ họp thứ 5 của Quốc hội (do Ban Dân nguyện tổng hợp)."
    )
    assert tree["Quốc hội"].parent_name is None
    assert not any(")" in name for name in tree)


@pytest.mark.parametrize(
    ("text", "body", "parent"),
    [
        (
            "Ban Tuyên giáo Trung ương tổ chức hội nghị.",
            "Ban Tuyên giáo Trung ương",
            "Ban Chấp hành Trung ương Đảng",
        ),
        ("Bộ Chính trị đã họp.", "Bộ Chính trị", "Ban Chấp hành Trung ương Đảng"),
        ("Bộ Tài chính đã họp.", "Bộ Tài chính", "Chính phủ"),
        ("Sở Tài chính tỉnh Nghệ An đã họp.", "Sở Tài chính tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Nghệ An"),
        ("Sở Nội vụ Đà Nẵng đã họp.", "Sở Nội vụ Đà Nẵng", "Ủy ban nhân dân thành phố Đà Nẵng"),
        ("Tỉnh ủy Cà Mau đã họp.", "Tỉnh ủy Cà Mau", "Ban Chấp hành Trung ương Đảng"),
    ],
)
def test_parents_implied_by_rule(text: str, body: str, parent: str) -> None:
    tree = tree_of(text)
    assert tree[body].parent_name == parent
    assert parent in tree  # every parent has its own row


def test_district_committee_belongs_to_the_article_city() -> None:
    text = (
        "Sáng 5/6, Thành ủy Hà Nội tổ chức hội nghị. Ban Thường vụ Thành ủy Hà Nội đã thống nhất. "
        "Đại diện Huyện ủy Ba Vì và Quận ủy Cầu Giấy đã phát biểu."
    )
    tree = tree_of(text)
    assert tree["Huyện ủy Ba Vì"].parent_name == "Thành ủy Hà Nội"
    assert tree["Quận ủy Cầu Giấy"].parent_name == "Thành ủy Hà Nội"
    assert (tree["Huyện ủy Ba Vì"].level, tree["Huyện ủy Ba Vì"].place) == ("district", "Ba Vì")


def test_provincial_city_committee_belongs_to_the_province() -> None:
    text = "Tỉnh ủy Nghệ An làm việc với Thành ủy Vinh. Tỉnh ủy Nghệ An đánh giá cao kết quả."
    tree = tree_of(text)
    assert tree["Thành ủy Vinh"].parent_name == "Tỉnh ủy Nghệ An"


def test_district_committee_without_an_article_place_has_no_parent() -> None:
    assert parent_of("Huyện ủy Ba Vì tổ chức hội nghị.", "Huyện ủy Ba Vì") is None


def test_body_without_a_level_of_its_own_sits_at_its_parents() -> None:
    tree = tree_of("Đảng ủy Sở Xây dựng tỉnh Nghệ An tổ chức đại hội.")
    got = tree["Đảng ủy Sở Xây dựng tỉnh Nghệ An"]
    assert got.parent_name == "Sở Xây dựng tỉnh Nghệ An"
    assert (got.level, got.place) == ("province", "Nghệ An")


def test_cycles_are_cut_and_no_body_is_its_own_parent() -> None:
    profiles = {
        "A": OrganizationProfile("A", None, None, None, "B"),
        "B": OrganizationProfile("B", None, None, None, "A"),
    }
    _cut_cycles(profiles)
    assert [p.parent_name for p in profiles.values()].count(None) == 1
    tree = tree_of("Ban Chấp hành Trung ương Đảng và Trung ương Đảng đã họp.")
    assert all(o.parent_name != name for name, o in tree.items())


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Lãnh đạo UBND Hà Nội báo cáo.", "Ủy ban nhân dân thành phố Hà Nội"),
        ("Lãnh đạo HĐND Nghệ An báo cáo.", "Hội đồng nhân dân tỉnh Nghệ An"),
        ("Lãnh đạo Đoàn ĐBQH Đà Nẵng báo cáo.", "Đoàn đại biểu Quốc hội thành phố Đà Nẵng"),
        ("Lãnh đạo Ủy ban MTTQ Việt Nam Hà Nam báo cáo.", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Hà Nam"),
        ("Lãnh đạo UBND TP. Hà Nội báo cáo.", "Ủy ban nhân dân thành phố Hà Nội"),
        ("Lãnh đạo Tỉnh ủy Nghệ An báo cáo.", "Tỉnh ủy Nghệ An"),
        ("Lãnh đạo UBND huyện Ba Vì báo cáo.", "Ủy ban nhân dân huyện Ba Vì"),
        # a city named after a man is never printed bare, a party committee's name included
        ("Lãnh đạo Thành ủy Hồ Chí Minh báo cáo.", "Thành ủy thành phố Hồ Chí Minh"),
        ("Lãnh đạo Thành ủy TP HCM báo cáo.", "Thành ủy thành phố Hồ Chí Minh"),
        ("Lãnh đạo Thành ủy Hà Nội báo cáo.", "Thành ủy Hà Nội"),
    ],
)
def test_local_state_bodies_take_the_type_of_their_place(sentence: str, name: str) -> None:
    result = parse(sentence)
    assert [canonical_body(result.tokens, b) for b in result.bodies] == [name]


def test_organizations_frame_has_a_row_for_every_parent() -> None:
    text = "Sáng 5/6, Văn phòng Ban Tổ chức Thành ủy Hà Nội và Bộ Tài chính ký kết quy chế."
    extraction = extract_article(text)
    loaded = LoadedFile("a.txt", "ab" * 8, "ab" * 32, DecodedText(text, "utf-8"))
    frame = build_raw_frames([], [(loaded, extraction)], "test")["organizations"]
    names = set(frame["canonical_name"].to_list())
    assert len(names) == frame.height
    assert set(frame["parent_name"].drop_nulls().to_list()) <= names
    assert {
        "Văn phòng Ban Tổ chức Thành ủy Hà Nội",
        "Ban Tổ chức Thành ủy Hà Nội",
        "Thành ủy Hà Nội",
        "Ban Chấp hành Trung ương Đảng",
        "Bộ Tài chính",
        "Chính phủ",
    } <= names


def test_a_completed_title_adds_the_bare_city_and_its_body_the_full_name() -> None:
    """The title stays close to what was printed; the organisation takes the city's full name."""
    text = "Sáng 5/3/2018, Thành ủy TP HCM họp. Bí thư Thành ủy Trần Văn An phát biểu."
    [title] = extract_article(text).titles
    assert title.title == "Bí thư Thành ủy Hồ Chí Minh"
    assert title.organization_name == "Thành ủy thành phố Hồ Chí Minh"
    assert title.canonical_title == "Bí thư Thành ủy thành phố Hồ Chí Minh"


def test_district_committee_of_a_city_named_after_a_man_has_its_full_name_as_parent() -> None:
    text = "Sáng 5/3/2018, Thành ủy TP HCM họp. Quận ủy Bình Thạnh báo cáo."
    assert parent_of(text, "Quận ủy Bình Thạnh") == "Thành ủy thành phố Hồ Chí Minh"
