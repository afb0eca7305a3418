"""The place an article is about, used to complete generic bodies.

"Bí thư Thành ủy" in an article about Hà Nội is "Bí thư Thành ủy Hà Nội": the article
fixes the place by naming "Thành ủy Hà Nội" or "thành phố Hà Nội" elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter

from vnpolitics.extract.admin_places import admin_place_phrases
from vnpolitics.extract.bodies import PLACE_TYPE_WORDS, BodySpan
from vnpolitics.extract.gazetteer import phrase_key, provinces
from vnpolitics.extract.textnorm import canonical_text

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
    r"\b(Thành ủy|thành phố|Thành phố|Tỉnh ủy|tỉnh|Tỉnh|Quận ủy|quận|Huyện ủy|huyện)"
    r"((?:\s+(?:\w+|[-–])){1,6})"  # the place's words, "-" of "Bà Rịa - Vũng Tàu" among them
)


def _place_after(words: str) -> str:
    """The capitalised words that open ``words`` ("Hà Nội" of " Hà Nội ủy ban"), after the type
    of place a party committee's name may print ("Thành ủy thành phố Hồ Chí Minh")."""
    out = []
    rest = words.split()
    for type_word in PLACE_TYPE_WORDS.values():
        if [w.lower() for w in rest[: len(type_word.split())]] == type_word.split():
            rest = rest[len(type_word.split()) :]
            break
    for k, w in enumerate(rest):
        if w in ("-", "–") and k + 1 < len(rest) and rest[k + 1][:1].isupper():
            out.append("-")  # "Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu"
            continue
        if not w[:1].isupper():
            break
        out.append(w)
    return " ".join(out)


def places_by_level(canonical_names: list[str], known_only: bool = False) -> dict[str, str]:
    """The dominant place per level among specific names ("Thành ủy Hà Nội" -> city: Hà Nội).
    ``known_only`` reads, in running text, only the longest opening of the capitalised words that is
    a unit's name ("tỉnh Lê Văn An" in "Chủ tịch HĐND tỉnh Lê Văn An" names no province)."""
    counts: dict[str, Counter[str]] = {}
    for name in canonical_names:
        for m in _PLACE_RE.finditer(name):
            place = _place_after(m.group(2))
            if known_only:
                place = _known_opening(place)
            if place:
                counts.setdefault(LEVEL_OF_ENDING[m.group(1).lower()], Counter())[place] += 1
    chosen = {}
    for level, counter in counts.items():
        ranked = counter.most_common(2)
        if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
            chosen[level] = ranked[0][0]
    return chosen


def _known_opening(words: str) -> str:
    """The longest opening of ``words`` that is a Vietnamese unit's name (vietnam-provinces), or ""."""
    parts = words.split()
    known = admin_place_phrases().phrases
    return next(
        (" ".join(parts[:n]) for n in range(len(parts), 0, -1) if phrase_key(" ".join(parts[:n])) in known),
        "",
    )


def sentence_places(text: str, places: dict[str, str]) -> dict[str, str]:
    """The places that complete a sentence's generic bodies: the one it names itself at a level,
    else the article's. In a story on two districts, "Trưởng phòng Tài nguyên Môi trường huyện" in
    the sentence on district B is B's, though the article names district A more often."""
    return places | places_by_level([canonical_text(text)], known_only=True)


def complete(name: str, places: dict[str, str], typed: bool = True) -> str:
    """Append the article's place to a name that ends in a generic local body. ``typed=False``
    appends the bare place, as a printed title is completed: "Bí thư Thành ủy" -> "Bí thư Thành ủy
    Hồ Chí Minh" adds the fewest words to what the article printed."""
    folded = name.lower()
    for ending, level in LEVEL_OF_ENDING.items():
        if (folded == ending or folded.endswith(" " + ending)) and level in places:
            place = places[level]
            return f"{name} {typed_place(ending, place) if typed else place}"
    return name


def typed_place(ending: str, place: str) -> str:
    """The place as a body's name prints it: a city never printed bare ("Hồ Chí Minh") takes its
    type after a party committee too ("Thành ủy" -> "Thành ủy thành phố Hồ Chí Minh")."""
    province = provinces().get(phrase_key(place))
    if province and province.always_typed and ending not in PLACE_TYPE_WORDS.values():
        return f"{PLACE_TYPE_WORDS[province.type]} {place}"
    return place


def _ends_in_unit(name: str) -> bool:
    folded = name.lower()
    return any(folded.endswith(" " + ending) for ending in LEVEL_OF_ENDING)


def specific_name(name: str, body: BodySpan, places: dict[str, str]) -> str | None:
    """A body's canonical ``name`` completed with the article's place; None when it stays generic
    ("Ban Tổ chức" in an article that fixes no committee names no one body). A kind that names the
    one body of its place ("Tỉnh ủy", "Sở Kế hoạch và Đầu tư", body_kinds.tsv "of_place") is kept
    bare when the article fixes no place: it is the province's committee or department whichever
    the province is."""
    completed = complete(name, places) if body.placed else name
    if completed == name and body.bare and body.level:
        completed = _with_level_place(name, body.level, places)
    if not body.placed and completed == name and _ends_in_unit(name):
        return None  # "Đảng bộ thành phố": a level, no unit named
    if body.bare and not body.unique and not body.of_place and completed == name:
        return None
    return completed


def _with_level_place(name: str, level: str, places: dict[str, str]) -> str:
    """ "Sở Kế hoạch và Đầu tư" + the article's province: "... tỉnh Lạng Sơn" ("... thành phố Hà
    Nội" in a city under the centre); the name alone when the article fixes neither, or both."""
    found = [(lv, places[lv]) for lv in (level, "city") if lv in places]
    typed = [
        f"{PLACE_TYPE_WORDS[province.type]} {place}"
        for lv, place in found
        if (province := provinces().get(phrase_key(place))) and province.type == lv
    ]
    return f"{name} {typed[0]}" if len(typed) == 1 else name
