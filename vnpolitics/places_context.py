"""The place an article is about, used to complete generic bodies.

"Bí thư Thành ủy" in an article about Hà Nội is "Bí thư Thành ủy Hà Nội": the article
fixes the place by naming "Thành ủy Hà Nội" or "thành phố Hà Nội" elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter

from vnpolitics.bodies import BodySpan

# generic ending -> the level of place it needs
LEVEL_OF_ENDING = {
    "thành ủy": "city",
    "thành phố": "city",
    "tỉnh ủy": "province",
    "tỉnh": "province",
    "quận ủy": "urban_district",
    "quận": "urban_district",
    "huyện ủy": "rural_district",
    "huyện": "rural_district",
}
_PLACE_RE = re.compile(
    r"\b(Thành ủy|thành phố|Thành phố|Tỉnh ủy|tỉnh|Tỉnh|Quận ủy|quận|Huyện ủy|huyện)((?:\s+\w+){1,3})"
)


def _place_after(words: str) -> str:
    """The capitalised words that open ``words`` ("Hà Nội" of " Hà Nội ủy ban")."""
    out = []
    for w in words.split():
        if not w[:1].isupper():
            break
        out.append(w)
    return " ".join(out)


def places_by_level(canonical_names: list[str]) -> dict[str, str]:
    """The dominant place per level among specific names ("Thành ủy Hà Nội" -> city: Hà Nội)."""
    counts: dict[str, Counter[str]] = {}
    for name in canonical_names:
        for m in _PLACE_RE.finditer(name):
            place = _place_after(m.group(2))
            if place:
                counts.setdefault(LEVEL_OF_ENDING[m.group(1).lower()], Counter())[place] += 1
    chosen = {}
    for level, counter in counts.items():
        ranked = counter.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            chosen[level] = ranked[0][0]
    return chosen


def complete(name: str, places: dict[str, str]) -> str:
    """Append the article's place to a name that ends in a generic local body."""
    folded = name.lower()
    for ending, level in LEVEL_OF_ENDING.items():
        if (folded == ending or folded.endswith(" " + ending)) and level in places:
            return f"{name} {places[level]}"
    return name


def specific_name(name: str, body: BodySpan, places: dict[str, str]) -> str | None:
    """A body's canonical ``name`` completed with the article's place; None when it stays generic
    ("Thành ủy" in an article that fixes no city names no one body)."""
    completed = complete(name, places)
    if body.bare and not body.unique and completed == name:
        return None
    return completed
