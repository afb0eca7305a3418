"""The kind of the reported event ("hội nghị", "buổi làm việc", "lễ ký kết" ...).

Kinds and the wordings that name them are data (``gazetteers/meeting_kinds.txt``): a new kind
or wording is one line. The lead sentences name the event several times, in the title, in a
photo caption and in the dated sentence ("Chiều 28/6, Ban ... tổ chức Hội nghị giao ban trực
tuyến ..."); the dated sentence is the most specific, so it is read first.
"""

from __future__ import annotations

import re
from functools import cache

from vnpolitics.extract.dates import find_date_phrases
from vnpolitics.extract.gazetteer import DATA_DIR
from vnpolitics.extract.regex_prefix import compile_with_opening
from vnpolitics.extract.textnorm import modern_tones

GAZETTEER = "meeting_kinds.txt"


@cache
def kind_of_surface() -> dict[str, str]:
    """Printed wording (lower case, modern tone marks) -> kind."""
    table: dict[str, str] = {}
    for line in (DATA_DIR / GAZETTEER).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        surface, _, kind = line.partition("=>")
        surface = " ".join(modern_tones(surface).lower().split())
        table[surface] = " ".join((kind or surface).split())
    return table


@cache
def _kind_re() -> re.Pattern[str]:
    """All wordings, longest first, on word boundaries, any whitespace between syllables."""
    surfaces = sorted(kind_of_surface(), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, s.split())) for s in surfaces)
    return compile_with_opening(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def find_meeting_kinds(text: str) -> list[tuple[str, int, int]]:
    """Every event kind named in ``text``: (kind, char_start, char_end), in reading order."""
    searchable = modern_tones(text)
    if len(searchable) != len(text):  # offsets must index ``text``; keep old tone marks then
        searchable = text
    table = kind_of_surface()
    return [
        (table[" ".join(m.group(0).lower().split())], m.start(), m.end())
        for m in _kind_re().finditer(searchable)
    ]


def find_meeting_kind(text: str) -> tuple[str, int, int] | None:
    """The kind of the main event in the lead ``text`` and where it is printed, or None.

    The first kind in the sentence of the first dated phrase with a time of day wins ("Chiều
    29/1, ... tổ chức Hội nghị"); otherwise the first kind in the text.
    """
    kinds = find_meeting_kinds(text)
    if not kinds:
        return None
    start, end = _dated_sentence(text)
    in_sentence = [k for k in kinds if start <= k[1] < end]
    return (in_sentence or kinds)[0]


def _dated_sentence(text: str) -> tuple[int, int]:
    """Bounds of the sentence holding the first "Sáng/Chiều/Tối ... d/m" phrase, else (0, 0)."""
    phrase = next((p for p in find_date_phrases(text) if p.time_of_day and p.day), None)
    if phrase is None:
        return 0, 0
    starts = [text.rfind(c, 0, phrase.char_start) for c in ("\n", ". ")]
    ends = [i for i in (text.find(c, phrase.char_end) for c in ("\n", ". ")) if i != -1]
    return max(starts) + 1, min(ends, default=len(text))
