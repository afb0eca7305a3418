"""Names an article uses as streets: a name printed after "đường" or "phố" somewhere in an article
is the street's wherever else the article lists it with nothing to announce a person ("Phố Đinh
Tiên Hoàng, Hàng Khay, Lê Thái Tổ (1/2 đường Lê Thái Tổ ...)").

Sentence by sentence the parser cannot know this: a list of streets after the first one looks like
a list of names. Only names never announced by a post or a form of address anywhere in the article
are dropped, so "Chủ tịch Hồ Chí Minh" stays a person in an article that also prints "đường Hồ Chí
Minh".
"""

from __future__ import annotations

import re

from vnpolitics.extract.regex_prefix import compile_with_opening

# Words that open a street's or a square's name (the ways of names.NOT_PERSON_BEFORE).
STREET_WORDS = ("đường", "phố", "tuyến phố", "đại lộ", "ngõ", "ngách", "hẻm", "kiệt", "quảng trường")
_STREET = "|".join(w.replace(" ", r"\s+") for w in STREET_WORDS)
# Where two streets meet, both printed after the word with a dash between ("ngã tư Lê Duẩn - Đinh
# Tiên Hoàng", "giao lộ A - B"): the second is a street too.
CROSSING_WORDS = ("ngã tư", "ngã ba", "ngã năm", "ngã sáu", "giao lộ", "nút giao")
_CROSSING = "|".join(w.replace(" ", r"\s+") for w in CROSSING_WORDS)


# What may stand right before a street's name: the street or crossing word and its spaces.
_STREET_BEFORE = compile_with_opening(rf"\b(?:{_STREET}|{_CROSSING})\s+", re.IGNORECASE)
_CROSSING_WORD = re.compile(rf"(?i:\b(?:{_CROSSING}))")
_WORD_CHAR = re.compile(r"\w")


def street_names(text: str, names: set[str]) -> set[str]:
    """The names of ``names`` that ``text`` prints as streets: right after a street word, before a
    stretch of it ("Lương Văn Can (đoạn từ ...)"), or at one end of a stretch that starts or ends at
    a street ("đoạn từ Hàng Hành đến Lê Thái Tổ", "(Đinh Tiên Hoàng đến Nguyễn Hữu Huân)").

    The text is read once for the street words, and the rarer shapes are only searched when their
    own words are printed: a search per name and shape (a pattern compiled for each) cost more than
    the rest of the article's people put together."""
    if not names:
        return set()
    after_street = [m.end() for m in _STREET_BEFORE.finditer(text)]
    crossing = _CROSSING_WORD.search(text) is not None
    stretch = "đoạn" in text
    streets = {
        name
        for name in names
        if any(_printed_at(text, name, at) for at in after_street)
        or (
            crossing
            and re.search(rf"(?i:\b(?:{_CROSSING}))\s+[^,;.()]{{1,30}}?\s[-–]\s{re.escape(name)}(?!\w)", text)
        )
        or (stretch and _stretch_end(text, name))
    }
    for _ in range(len(names)):
        ends = {name for name in names - streets if any(_stretch(text, name, s) for s in streets)}
        if not ends:
            break
        streets |= ends
    return streets


def _printed_at(text: str, name: str, at: int) -> bool:
    """Whether ``name`` is printed at ``at`` as a whole (no letter or digit glued after it)."""
    end = at + len(name)
    return text.startswith(name, at) and not _WORD_CHAR.match(text, end)


def _stretch_end(text: str, name: str) -> bool:
    """A name before its stretch ("Lương Văn Can (đoạn từ ...)") or at its start or end ("đoạn từ A
    đến B")."""
    escaped = re.escape(name)
    return bool(
        re.search(rf"{escaped}\s*\(\s*đoạn\b", text)
        or re.search(rf"\bđoạn\s+từ\s+{escaped}(?!\w)", text)
        or re.search(rf"\bđoạn\s+từ\s+[^,;()]{{1,40}}?\s+(?:đến|tới)\s+{escaped}(?!\w)", text)
    )


def _stretch(text: str, name: str, street: str) -> bool:
    """Whether ``text`` prints a stretch between ``name`` and ``street`` ("X đến Y"), either way."""
    a, b = re.escape(name), re.escape(street)
    return bool(
        re.search(rf"(?<!\w){a}\s+(?:đến|tới)\s+{b}(?!\w)|(?<!\w){b}\s+(?:đến|tới)\s+{a}(?!\w)", text)
    )
