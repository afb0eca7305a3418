"""A pattern led by a look-ahead for its opening characters finds the same matches as without."""

from __future__ import annotations

import re

import pytest

from tests.conftest import RAW
from vnpolitics.extract.dates import DATE_FORMS, RELATIVE_FORMS
from vnpolitics.extract.gazetteer import abbreviations, abbreviations_pattern
from vnpolitics.extract.regex_prefix import compile_with_opening

TEXTS = [path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt"))] + [
    "Sáng nay (12/4), SÁNG 3-9-2019 và chiều hôm qua; từ 6-7/10/2024 đến ngày 28 tháng 2 năm 2020.",
    "ſáng 5/3, Ngày làm việc đầu tiên của năm 2018, tháng 1-2026, 14/04/2022 08:51.",
]
PATTERNS = [(rf"(?<!\w){p}", re.IGNORECASE) for _, p in DATE_FORMS] + [
    (rf"(?<!\w){p}(?!\w)", re.IGNORECASE) for _, p in RELATIVE_FORMS
]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_same_matches_as_the_plain_pattern(pattern: str, flags: int) -> None:
    fast, plain = compile_with_opening(pattern, flags), re.compile(pattern, flags)
    assert fast.pattern.startswith("(?=[")  # every date form opens with a bounded character
    for text in TEXTS:
        expected = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == expected


@pytest.mark.parametrize("pattern", [r"\d*", r".abc", r"[^a]b", r"(?i)ab", r"(a|)", r"^\s*ab", r"\Aab"])
def test_unbounded_openings_are_compiled_as_they_are(pattern: str) -> None:
    assert compile_with_opening(pattern).pattern == pattern


def test_two_opening_characters_when_every_match_holds_two() -> None:
    assert compile_with_opening(r"\bHĐND\b|\bTP\.").pattern.startswith(
        "(?=[\\U00000048\\U00000054][\\U00000050\\U00000110])"
    )
    assert compile_with_opening(r"ab|c").pattern.startswith("(?=[\\U00000061\\U00000063])(?:")  # "c" alone
    assert compile_with_opening(r"a(?:b)?").pattern.startswith("(?=[\\U00000061])(?:")  # "a" alone
    pattern = abbreviations_pattern()[0]
    plain = re.compile("|".join(f"(?P<a{i}>{p.pattern})" for i, (p, _) in enumerate(abbreviations())))
    text = " ".join(TEXTS) + " UBND TP.HCM, Tp. Huế, T.Ư, Bộ CHQS tỉnh, HĐND-UBND, Hà Nội, TƯ Đoàn"
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert len(list(pattern.finditer(text))) > 5
