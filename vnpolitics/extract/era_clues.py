"""Clues that date an article without printing a year: a legislature's session, a reform's trace.

Many reports print the day and month of their event and nothing else with a year in it, yet
say when they were written in other ways a reader decodes at once:
- "kỳ họp thứ 8, Quốc hội khóa XIV": the National Assembly elected in 2016 meets twice a year
  (its first two sessions in the year of its election), so its 8th session is in 2019;
- "huyện Đại Lộc (tỉnh Quảng Nam cũ)": a province the 2025 reform merged away is "the former"
  one only after the reform; the article is from 2025 or later. The provinces come from
  ``gazetteers/provinces.tsv`` and the 2025 ones from the ``vietnam-provinces`` package
  (``admin_places.provinces_2025``), so no province is listed here by hand;
- "chính quyền địa phương hai cấp": the two-level local government began on 1 July 2025.

Each clue is an ``EraClue`` that ``dates.year_mentions`` turns into a year mention: a session
votes strongly for its year, a reform's trace bounds the event from below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vnpolitics.extract.admin_places import provinces_2025
from vnpolitics.extract.gazetteer import provinces
from vnpolitics.extract.regex_prefix import compile_with_opening
from vnpolitics.extract.textnorm import fold

# First year of each National Assembly (Quốc hội khóa N): the year of its election.
NATIONAL_ASSEMBLY_FIRST_YEAR: dict[int, int] = {
    1: 1946, 2: 1960, 3: 1964, 4: 1971, 5: 1975, 6: 1976, 7: 1981, 8: 1987,
    9: 1992, 10: 1997, 11: 2002, 12: 2007, 13: 2011, 14: 2016, 15: 2021, 16: 2026,
}  # fmt: skip
TERM_YEARS = 5
REFORM_2025 = 2025  # the merger of provinces and the end of districts (1 July 2025)

_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50}
_ORDINAL_WORDS = {
    "nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
    "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12,
}  # fmt: skip
_ORDINAL = r"(?P<n>\d{1,2}|" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + ")"
_TERM = r"(?P<k>[IVXL]{1,6}|\d{1,2})"
_FLAGS = re.IGNORECASE
# "kỳ họp thứ 8, Quốc hội khóa XIV", "Kỳ họp thứ nhất Quốc hội (khóa XV)"; not "bất thường" ones.
_SESSION_THEN_TERM = compile_with_opening(
    rf"(?<!\w)(?:kỳ|kì) họp thứ {_ORDINAL}\s*,?\s*(?:của\s+)?Quốc hội\s*\(?\s*(?:khóa|khoá)\s+{_TERM}(?!\w)",
    _FLAGS,
)
# "Quốc hội khóa XV, kỳ họp thứ 10", "Quốc hội khóa XIV tại kỳ họp thứ 7".
_TERM_THEN_SESSION = compile_with_opening(
    rf"(?<!\w)Quốc hội\s*\(?\s*(?:khóa|khoá)\s+{_TERM}\s*\)?\s*,?\s*(?:tại\s+|trong\s+)?"
    rf"(?:kỳ|kì) họp thứ {_ORDINAL}(?!\w)",
    _FLAGS,
)
# "tỉnh Quảng Nam cũ", "(tỉnh Quảng Nam cũ)": a capitalised name of up to four syllables.
_FORMER_PROVINCE = compile_with_opening(
    r"(?<!\w)tỉnh\s+(?P<name>(?:[A-ZĐÀ-Ỹ][\w'’]*\s*-?\s*){1,4}?)\s*\(?\s*cũ(?!\w)"
)
_TWO_LEVEL = compile_with_opening(r"(?<!\w)chính quyền (?:địa phương )?(?:hai|2) cấp(?!\w)", _FLAGS)


@dataclass(frozen=True)
class EraClue:
    """A year the text implies. ``kind``: "session" (the event's likely year) or "since" (the
    event is in this year or later)."""

    year: int
    kind: str
    char_start: int
    char_end: int


def era_clues(text: str) -> list[EraClue]:
    """Every clue of ``text``, in reading order."""
    clues = _session_clues(text) + _reform_clues(text)
    return sorted(clues, key=lambda c: c.char_start)


def session_year(term: int, session: int) -> int | None:
    """The year of a regular session of the National Assembly elected for ``term``.

    Sessions 1 and 2 fall in the election year (July and the autumn), then two a year.
    """
    first = NATIONAL_ASSEMBLY_FIRST_YEAR.get(term)
    if first is None or session < 1:
        return None
    return min(first + (session - 1) // 2, first + TERM_YEARS)


def _session_clues(text: str) -> list[EraClue]:
    out = []
    for pattern in (_SESSION_THEN_TERM, _TERM_THEN_SESSION):
        for m in pattern.finditer(text):
            term, session = _number(m["k"]), _number(m["n"])
            year = session_year(term, session) if term and session else None
            if year is not None:
                out.append(EraClue(year, "session", m.start(), m.end()))
    return out


def _reform_clues(text: str) -> list[EraClue]:
    out = [EraClue(REFORM_2025, "since", m.start(), m.end()) for m in _TWO_LEVEL.finditer(text)]
    merged = provinces_merged_in_2025()
    for m in _FORMER_PROVINCE.finditer(text):
        if fold(" ".join(m["name"].split())) in merged:
            out.append(EraClue(REFORM_2025, "since", m.start(), m.end()))
    return out


@cache
def provinces_merged_in_2025() -> frozenset[str]:
    """Folded names of the provinces of 2008-2024 that the 2025 reform merged into others.

    Those of ``provinces.tsv`` that are not among the 2025 provinces, less the ones flagged as
    gone before 2008 (Hà Tây: "tỉnh Hà Tây cũ" dates an article only to after 2008).
    """
    kept = {fold(name) for name in provinces_2025()}
    return frozenset(
        fold(p.name) for p in provinces().values() if fold(p.name) not in kept and not p.merged_before_2025
    )


def _number(token: str) -> int | None:
    """ "14", "XIV", "nhất" -> 14, 14, 1."""
    token = token.lower()
    if token.isdigit():
        return int(token)
    if token in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[token]
    if all(c in _ROMAN for c in token):
        values = [_ROMAN[c] for c in token]
        return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return None
