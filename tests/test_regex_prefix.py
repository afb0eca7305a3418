"""A pattern led by a look-ahead for its opening characters finds the same matches as without."""

from __future__ import annotations

import re

import pytest

from tests.conftest import RAW
from vnpolitics.extract.dates import DATE_FORMS, RELATIVE_FORMS
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
