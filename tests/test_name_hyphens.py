"""Foreign names printed with a spaced hyphen are closed; hyphens between names stay (name_hyphens.py)."""

from __future__ import annotations

import pytest

from tests.conftest import people_of
from vnpolitics.extract.name_hyphens import close_name_hyphens


@pytest.mark.parametrize(
    "printed, closed",
    [
        ("Ngoại trưởng Ri Yong - ho phát biểu", "Ngoại trưởng Ri Yong-ho phát biểu"),
        ("em gái Kim Yo - Jong.", "em gái Kim Yo-Jong."),
        ("Tổng thống Hàn Moon Jae - in rằng", "Tổng thống Hàn Moon Jae-in rằng"),
        ("Chủ tịch Jean - Claude Juncker nói", "Chủ tịch Jean-Claude Juncker nói"),
        ("Ngoại trưởng Pháp Jean - Yves Le Drian và", "Ngoại trưởng Pháp Jean-Yves Le Drian và"),
    ],
)
def test_a_spaced_hyphen_inside_a_foreign_name_is_closed(printed: str, closed: str) -> None:
    assert close_name_hyphens(printed) == closed


@pytest.mark.parametrize(
    "printed",
    [
        "cuộc gặp Trump - Putin tại Helsinki",
        "quan hệ Việt Nam - Hàn Quốc",
        "Tổng thống Donald Trump - người vừa đến",
        "thượng đỉnh Trump - Kim lần hai",
        "ông Nguyễn Văn An - phó chủ tịch tỉnh",
    ],
)
def test_a_spaced_hyphen_between_names_places_or_clauses_stays(printed: str) -> None:
    assert close_name_hyphens(printed) == printed


def test_a_lower_case_post_before_a_foreign_name_is_the_names() -> None:
    got = people_of("Sau khi cựu chủ tịch Cuba Fidel Castro qua đời, hai nước gặp nhau.")
    assert got == {"Fidel Castro": ["cựu chủ tịch Cuba"]}


def test_a_clause_after_a_spaced_hyphen_is_no_part_of_the_name() -> None:
    from vnpolitics.extract.article import extract_article

    text = "Ông đứng cạnh Tổng thống Đức Frank - Walter Steinmeier - người đang phát biểu."
    assert [p.full_name for p in extract_article(text).people] == ["Frank-Walter Steinmeier"]
