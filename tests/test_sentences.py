"""Sentence splitting around the initials of a name."""

from __future__ import annotations

from vnpolitics.extract.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_a_middle_initial_ends_no_sentence() -> None:
    assert _texts("Bà Merkel và Tổng thống Mỹ George W. Bush tới Stralsund. Ông Bush cười.") == [
        "Bà Merkel và Tổng thống Mỹ George W. Bush tới Stralsund.",
        "Ông Bush cười.",
    ]


def test_an_initial_closing_a_hidden_name_keeps_its_gloss() -> None:
    assert _texts("Ông Cáp Trọng T. (SN 1950) gọi điện cho con trai.") == [
        "Ông Cáp Trọng T. (SN 1950) gọi điện cho con trai."
    ]


def test_a_capital_letter_after_a_lower_case_word_still_ends_a_sentence() -> None:
    assert _texts("Đội bóng lên hạng A. Sau đó họ ăn mừng.") == ["Đội bóng lên hạng A.", "Sau đó họ ăn mừng."]
