"""A post taken apart: the post without its body, one canonical spelling, the body it names,
and whether it is a former post; the printed title stays as it was."""

from __future__ import annotations

import pytest

from vnpolitics.extract.article import extract_article
from vnpolitics.extract.records import PersonTitle


def titles_of(text: str) -> dict[str, list[PersonTitle]]:
    """Name -> the titles the extractor gives that person in ``text``."""
    out: dict[str, list[PersonTitle]] = {}
    for t in extract_article(text).titles:
        out.setdefault(t.full_name, []).append(t)
    return out


def only_title(text: str) -> PersonTitle:
    (titles,) = titles_of(text).values()
    (title,) = titles
    return title


def test_two_spellings_of_one_post_have_one_canonical_title() -> None:
    got = titles_of(
        "Trưởng ban Tổ chức Trung ương Đỗ Văn Khải và Trưởng Ban Tổ chức T.Ư Trần Thị Mận cùng dự họp."
    )
    (first,), (second,) = got["Đỗ Văn Khải"], got["Trần Thị Mận"]
    assert (first.title, second.title) == ("Trưởng ban Tổ chức Trung ương", "Trưởng Ban Tổ chức Trung ương")
    assert first.canonical_title == second.canonical_title == "Trưởng Ban Tổ chức Trung ương"
    assert first.post == second.post == "Trưởng ban"
    assert first.body_name == first.organization_name == "Ban Tổ chức Trung ương"


@pytest.mark.parametrize(
    ("sentence", "post"),
    [
        (
            "Phó Trưởng ban Thường trực Ban Tổ chức Trung ương Vương Đình Tú phát biểu.",
            "Phó Trưởng ban Thường trực",
        ),
        ("Phó Bí thư Thường trực Thành ủy Hà Nội Vương Đình Tú phát biểu.", "Phó Bí thư Thường trực"),
        ("Ủy viên Ban Thường vụ Thành ủy Hà Nội Vương Đình Tú phát biểu.", "Ủy viên"),
        ("Chủ tịch UBND TP Hà Nội Vương Đình Tú phát biểu.", "Chủ tịch"),
        ("Trưởng Đoàn đại biểu Quốc hội thành phố Hà Nội Vương Đình Tú phát biểu.", "Trưởng đoàn"),
        ("Chánh Văn phòng Tỉnh ủy Lạng Sơn Vương Đình Tú phát biểu.", "Chánh Văn phòng"),
        ("Thiếu tướng Vương Đình Tú phát biểu.", "Thiếu tướng"),
        ("Bộ trưởng Ngoại giao Vương Đình Tú phát biểu.", "Bộ trưởng"),
        ("Phó Cục Thuế tỉnh Bến Tre Vương Đình Tú phát biểu.", "Phó Cục trưởng"),
    ],
)
def test_post_is_the_head_without_its_body(sentence: str, post: str) -> None:
    assert only_title(sentence).post == post


def test_deputy_of_a_commission_is_a_deputy_head_and_names_a_generic_body() -> None:
    got = only_title("Tới dự có Phó Ban Tổ chức Lưu Văn Bảy.")
    assert got.title == "Phó Ban Tổ chức"
    assert got.post == "Phó Trưởng ban"
    assert got.canonical_title == "Phó Trưởng Ban Tổ chức"
    assert got.organization_name is None
    assert got.body_name == "Ban Tổ chức"


def test_deputy_printed_short_or_long_compare_equal() -> None:
    got = titles_of(
        "Dự họp có Phó Ban Dân vận Trung ương Lưu Văn Bảy và Phó Trưởng Ban Dân vận T.Ư Mạc Thị Nhung."
    )
    short, long = got["Lưu Văn Bảy"][0], got["Mạc Thị Nhung"][0]
    assert short.canonical_title == long.canonical_title == "Phó Trưởng Ban Dân vận Trung ương"


def test_former_post_keeps_its_printed_title_and_is_marked_former() -> None:
    got = only_title("Ông Đặng Văn Khoa, nguyên Bí thư Tỉnh ủy Quảng Trị, đã dự buổi gặp mặt.")
    assert got.title == "nguyên Bí thư Tỉnh ủy Quảng Trị"
    assert (got.post, got.canonical_title, got.is_former) == ("Bí thư", "Bí thư Tỉnh ủy Quảng Trị", True)


@pytest.mark.parametrize(("prefix", "former"), [("cựu", True), ("tân", False), ("quyền", False)])
def test_only_nguyen_and_cuu_mark_a_former_post(prefix: str, former: bool) -> None:
    got = only_title(f"Ông Đặng Văn Khoa, {prefix} Chủ tịch UBND tỉnh Quảng Trị, phát biểu.")
    assert got.is_former is former
    assert got.canonical_title == "Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị"


def test_lower_case_head_takes_the_gazetteer_spelling() -> None:
    got = only_title("Ông Lê Quang Tùng - bí thư Thành ủy Vị Thanh - cho biết kế hoạch đã xong.")
    assert got.title == "bí thư Thành ủy Vị Thanh"
    assert (got.post, got.canonical_title) == ("Bí thư", "Bí thư Thành ủy Vị Thanh")


def test_generic_body_completed_from_the_article_place() -> None:
    text = (
        "Sáng 3/4, Thành ủy Hà Nội tổ chức hội nghị. Bí thư Thành ủy Lã Văn Đông chủ trì. "
        "Ban Thường vụ Thành ủy Hà Nội đã thống nhất."
    )
    got = titles_of(text)["Lã Văn Đông"][0]
    assert got.canonical_title == "Bí thư Thành ủy Hà Nội"
    assert got.organization_name == got.body_name == "Thành ủy Hà Nội"


def test_body_without_an_organisation_still_named() -> None:
    got = only_title("Ông Trương Văn Hậu, Phó Bí thư Đảng ủy, phát biểu.")
    assert (got.post, got.organization_name, got.body_name) == ("Phó Bí thư", None, "Đảng ủy")
    assert got.canonical_title == "Phó Bí thư Đảng ủy"


@pytest.mark.parametrize(
    ("sentence", "canonical"),
    [
        ("Thiếu tướng Vương Đình Tú phát biểu.", "Thiếu tướng"),
        ("Bộ trưởng Ngoại giao Vương Đình Tú phát biểu.", "Bộ trưởng Ngoại giao"),
        ("Ông Vương Đình Tú tiếp Tổng thống Pháp Jean Dupont.", "Tổng thống Pháp"),
    ],
)
def test_title_without_a_body_names_none(sentence: str, canonical: str) -> None:
    got = [t for ts in titles_of(sentence).values() for t in ts]
    assert [(t.canonical_title, t.body_name) for t in got] == [(canonical, None)]


def test_people_committee_named_without_its_place_type_gets_it() -> None:
    got = only_title("Chủ tịch UBND Hà Nội Vương Đình Tú phát biểu.")
    assert got.title == "Chủ tịch Ủy ban nhân dân Hà Nội"  # as printed
    assert got.organization_name == "Ủy ban nhân dân thành phố Hà Nội"
    assert got.canonical_title == "Chủ tịch Ủy ban nhân dân thành phố Hà Nội"
