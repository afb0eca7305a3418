"""Where a person's name starts and ends in a run of capitalised syllables.

Two readings:
- anywhere, a Vietnamese name: 2-5 capitalised syllables opening with a family name of the
  gazetteer (Kinh and minority ones), and not the start of a place ("Hà Nội", "Cao Bằng") or of a
  body ("Đoàn đại biểu"). pyvi's word groups break ties such as "Quận ủy Tây Hồ Nguyễn Văn Lâm";
- where a post or a cue announces a person ("ông", "đồng chí", "ngoại trưởng", "bị cáo": see
  ``gazetteers/person_cues.txt``), a name of any capitalised syllables, with the patterns of
  foreign names: hyphens ("Ri Yong-ho"), initials ("George W. Bush"), particles ("Lula da
  Silva"), Lao names in Vietnamese spelling ("Bun Thoong Xa Vẳn Na").
Syllable shape (``syllables.py``) tells the two apart: a Kinh family name runs over Vietnamese
syllables only ("Thái Bình Dương|David Helvey"), unless other naming traditions share it ("Kim
Jong-un"); a foreign-looking run needs something that announces a person.

Places block a name's start in two ways. A place of ``places.txt`` (provinces, countries,
regions) does everywhere; the far larger gazetteer of communes and districts (``admin_places.py``)
only right after a unit or committee that takes a place ("huyện", "Huyện ủy", "xã" ...), since
many of its names are plausible person names: after such a word the place is read first, then a
name may start ("Bí thư Huyện ủy Lạc Dương Sử Văn Tám"). A place or institution word right
before a name makes it an eponym, not a person ("đường Phạm Văn Đồng", "Trường THPT Chu Văn An").

A run of capitalised words that holds a word no name can have (letters of another script, a
"syllable" of 200,000 letters, two words glued by an invisible joiner: ``scripts``) is no name
at all, rather than a name cut short before that word: "Nguyễn Văn" from "Nguyễn Văn Аn" with
a Cyrillic А would be a person nobody wrote. This holds for both readings, and a name is at most
``MAX_NAME_CHARS`` long.
"""

from __future__ import annotations

import functools
import re

from vnpolitics.extract.admin_places import admin_place_phrases, place_taker_phrases
from vnpolitics.extract.gazetteer import (
    body_end_phrases,
    body_kind_phrases,
    person_cue_phrases,
    places,
    shared_surnames,
    surname_rank,
    title_head_phrases,
)
from vnpolitics.extract.scripts import is_name_syllable_shape
from vnpolitics.extract.syllables import is_vietnamese_syllable
from vnpolitics.extract.textnorm import fold
from vnpolitics.extract.tokens import Token

MAX_NAME = 5
# A name that a cue announces may be longer: Lao names in Vietnamese spelling run to 6 syllables.
MAX_CUED_NAME = 7
MAX_PLACE = 5  # syllables of the longest unit name read after "huyện", "xã" ...
# Seven syllables of a long foreign name ("Lertwilairatanapong" is 19 letters) stay well below.
MAX_NAME_CHARS = 80
# A second family name this common right after a first one starts the real name ("Hồ|Nguyễn Văn A").
COMMON_SURNAME_RANK = 20
# Also family names, but "Ông Hoàng Văn Nam" is "Mr Hoàng Văn Nam".
ADDRESS_FORMS = frozenset({"ông", "bà"})
ONSET_ABBREVIATION_RE = re.compile(r"ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx]")
HYPHENS = frozenset({"-", "‐", "‑"})
# Lower-case particles inside a foreign name ("Lula da Silva", "Bashar al-Assad", "Michel van Winden").
PARTICLES = frozenset(
    {"al", "el", "bin", "ibn", "da", "de", "del", "della", "der", "den", "di", "do", "dos", "du", "la", "le"}
    | {"van", "von", "ter", "zu"}
)

# Words after which a capitalised run names a place, street, school or doctrine, not a person.
NOT_PERSON_BEFORE = frozenset(
    tuple(p.split())
    for p in (
        "đường",
        "phố",
        "tuyến phố",
        "đại lộ",
        "ngõ",
        "ngách",
        "hẻm",
        "kiệt",
        "quảng trường",
        "làng",
        "thôn",
        "bản",
        "ấp",
        "sông",
        "núi",
        "cầu",
        "bến",
        "chợ",
        "chùa",
        "đền",
        "nhà thờ",
        "giáo xứ",
        "giáo phận",
        "nghĩa trang",
        "tượng đài",
        "trường",
        "thpt",
        "đh",
        "thcs",
        "ptth",
        "ptcs",
        "tiểu học",
        "mầm non",
        "trung học cơ sở",
        "trung học phổ thông",
        "sân",
        "sân vận động",
        "nhà hát",
        "bệnh viện",
        "tàu",
        "lăng",
        "bảo tàng",
        "giải",
        "hầm",
        "đèo",
        "đảo",
        "khu",
        "khu kinh tế",
        "khu kinh tế mở",
        "khu công nghiệp",
        "khu đô thị",
        "văn phòng luật sư",
        "vp luật sư",
        "công ty luật",
        "hãng luật",
        "cảng",
        "trú",
        "ngụ",
        "trú tại",
        "ngụ tại",
        "địa chỉ",
        "tư tưởng",
        "phong cách",
        "đạo đức",
        "tấm gương",
        "di chúc",
        "học viện",
        "đại học",
        "nhà văn hóa",
        "công viên",
        "công ty",
        "khách sạn",
        "căn cứ",
        "thủ đô",
        "quốc gia",
        "huân chương",
        "giải thưởng",
    )
)


# Administrative units: "huyện Mỹ Đức" is a place, but a post's body may end in a bare unit
# followed by a full name ("Phó Chủ tịch UBND tỉnh Trần Thị Mỹ"): only short runs are places here.
ADMIN_UNITS = frozenset(
    tuple(p.split()) for p in ("tỉnh", "huyện", "quận", "xã", "phường", "thị xã", "thị trấn")
)
NUMBERED_UNITS = frozenset({"quận", "phường"})  # "quận 1", "phường 12": a number is their name


def preceded_by(tokens: list[Token], k: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    """Whether one of ``phrases`` (folded syllables) ends right before token k.

    Phrases are indexed by their last syllable, so most tokens are answered by one dict look-up:
    this runs for nearly every token of every article.
    """
    if k < 1:
        return False
    lengths = _lengths_by_last(phrases).get(tokens[k - 1].key)
    if not lengths:
        return False
    for n in lengths:
        if n > k:
            return False
        if n == 1 or tuple(t.key for t in tokens[k - n : k]) in phrases:
            return True
    return False


@functools.cache
def _lengths_by_last(phrases: frozenset[tuple[str, ...]]) -> dict[str, tuple[int, ...]]:
    """Phrase lengths (shortest first) by last syllable."""
    lengths: dict[str, set[int]] = {}
    for phrase in phrases:
        if phrase:
            lengths.setdefault(phrase[-1], set()).add(len(phrase))
    return {last: tuple(sorted(ns)) for last, ns in lengths.items()}


def _after_place_word(tokens: list[Token], k: int) -> bool:
    """After "đường", "tư tưởng" ...; a one-syllable word counts only on its own ("trường",
    not the end of "Môi trường")."""
    if not preceded_by(tokens, k, NOT_PERSON_BEFORE):
        return False
    if any(tuple(t.key for t in tokens[k - n : k]) in NOT_PERSON_BEFORE for n in (2, 3, 4) if n <= k):
        return True  # "quảng trường", "trú tại"
    return not (k >= 2 and tokens[k - 2].word_id == tokens[k - 1].word_id)


def _is_name_syllable(t: Token) -> bool:
    return t.is_cap and not t.is_upper and not t.abbr


def starts_place(tokens: list[Token], k: int) -> int:
    return places().longest_at(tokens, k)


def starts_body_kind(tokens: list[Token], k: int) -> int:
    return body_kind_phrases().longest_at(tokens, k)


def starts_title_head(tokens: list[Token], k: int) -> int:
    return title_head_phrases().longest_at(tokens, k)


def _blocked(tokens: list[Token], k: int) -> bool:
    """A run at k that is a place, a body or a post is not a name."""
    return bool(starts_place(tokens, k) or starts_body_kind(tokens, k) or starts_title_head(tokens, k))


def _blocked_inside(tokens: list[Token], j: int) -> bool:
    """Inside a run, a place or a body/post of two syllables or more ends the name, and so does
    a one-syllable kind before a name or an acronym, or a place word before an acronym ("Đoàn|Trường
    ĐH X"); a lone "Ban" or "Bình"
    at the end is a given name ("Hà Bình")."""
    if starts_place(tokens, j) >= 2:
        return True
    n = max(starts_body_kind(tokens, j), starts_title_head(tokens, j))
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is not None and nxt.is_upper and (tokens[j].key,) in NOT_PERSON_BEFORE:
        return True  # "Đoàn|Trường ĐH X": a school's name opens, no given name
    return n >= 2 or (n == 1 and nxt is not None and (_is_name_syllable(nxt) or nxt.abbr or nxt.is_upper))


def in_place_slot(tokens: list[Token], k: int) -> bool:
    """Whether token k lies in the place name read right after a unit or committee that takes
    one: "huyện [Hà Trung]", "Bí thư Huyện ủy [Lạc Dương] Sử Văn Tám". The longest place of
    either gazetteer is read first; a name may start only after it."""
    takers = place_taker_phrases().phrases
    for s in range(k, max(-1, k - MAX_PLACE), -1):
        if s < k and not _is_name_syllable(tokens[s]) and tokens[s].text not in HYPHENS:
            return False
        if s > 0 and preceded_by(tokens, s, takers):
            n = max(_unit_name_at(tokens, s), starts_place(tokens, s))
            return n > k - s and not _one_syllable_after(tokens, s + n)
    return False


def _unit_name_at(tokens: list[Token], s: int) -> int:
    """Length of the administrative unit's name at s; one-syllable names ("xã Lâm") are left out:
    too many family names are one ("Tỉnh ủy Lâm Văn Mẫn")."""
    n = admin_place_phrases().longest_at(tokens, s)
    return n if n >= 2 else 0


def _one_syllable_after(tokens: list[Token], j: int) -> bool:
    """Whether one name syllable, and no more, follows the place ending at j: "Thành ủy TP Lê
    Thanh|Hải" is a name (Lê Thanh is a commune too, but a name does not stop at one syllable)."""
    return (
        j < len(tokens)
        and _is_name_syllable(tokens[j])
        and not (j + 1 < len(tokens) and _is_name_syllable(tokens[j + 1]))
    )


def _run_end(tokens: list[Token], k: int) -> int:
    """End of a Vietnamese name's run: capitalised syllables, not past a place or body, and for a
    Kinh family name not past a syllable no Vietnamese word is spelled with ("Dương|David"),
    but to an abbreviated last syllable ("Nguyễn Thị H.", "Cáp Trọng Th.")."""
    kinh = is_vietnamese_syllable(tokens[k].text)
    j = k
    while j < len(tokens) and _is_name_syllable(tokens[j]) and j - k <= MAX_NAME:
        if not is_name_syllable_shape(tokens[j].text):
            return j + 1  # kept in the run, so that _genuine rejects it (module doc)
        if j > k and _blocked_inside(tokens, j):
            break
        if j > k and kinh and not is_vietnamese_syllable(tokens[j].text):
            if _is_abbreviated_syllable(tokens, j):
                return j + 1
            break
        j += 1
    return j


def _is_abbreviated_syllable(tokens: list[Token], j: int) -> bool:
    """A syllable cut to its first letters, as court news prints a name: "H.", "Th.", "Tr"."""
    t = tokens[j]
    if not ONSET_ABBREVIATION_RE.fullmatch(t.key):
        return False
    return j + 1 == len(tokens) or not _is_name_syllable(tokens[j + 1])


def inside_place(tokens: list[Token], k: int) -> bool:
    """Whether token k is inside (not at the start of) a place of places.txt."""
    return any(starts_place(tokens, j) > k - j for j in range(max(0, k - 4), k))


def _place_ends_at(tokens: list[Token], k: int) -> bool:
    """Whether a known place ends right before token k ("Gia Lâm|Hồ Văn Tùng")."""
    return any(starts_place(tokens, j) == k - j for j in range(max(0, k - 4), k))


def _known_phrase_ends_at(tokens: list[Token], k: int) -> bool:
    """Whether a place or a body's kind ends right before token k ("Trung Quốc|Vương Nghị",
    "Bộ Công Thương|Lò Văn Pẩng"), whatever word pyvi makes across the boundary."""
    admin, kinds = admin_place_phrases(), body_kind_phrases()
    return _place_ends_at(tokens, k) or any(
        admin.longest_at(tokens, j) == k - j or kinds.longest_at(tokens, j) == k - j
        for j in range(max(0, k - 6), k)
    )


def name_length_at(tokens: list[Token], k: int) -> int:
    """Number of syllables of the person's name starting at token k (0 when none starts there)."""
    t = tokens[k]
    if t.name_len < 0:
        t.name_len = _name_length_at(tokens, k)
    return t.name_len


def _name_length_at(tokens: list[Token], k: int) -> int:
    t = tokens[k]
    if not _is_name_syllable(t) or t.key not in surname_rank() or _blocked(tokens, k):
        return 0
    if _after_place_word(tokens, k) and not (k > 1 and tokens[k - 2].key == "thành"):
        return 0  # "phố Huế" is a street; but "Chủ tịch UBND TP Nguyễn Văn A" is a post, then a name
    if (t.key,) in NOT_PERSON_BEFORE and _common_surname_at(tokens, k + 1):
        return 0  # "Đường Lê Văn Lương" opening a sentence: a street
    if _inside_eponym(tokens, k):
        return 0  # "đường Phạm Văn Đồng": no name starts at "Văn" either
    if _after_house_number(tokens, k):
        return 0  # "(98 Tô Ngọc Vân, quận Tây Hồ)": a street in an address
    if in_place_slot(tokens, k) or inside_place(tokens, k):
        return 0  # "Huyện ủy Hà Trung", "huyện Lạc Dương|Sử Văn Tám", "Thái Bình [Dương]"
    if (
        k > 0
        and _is_name_syllable(tokens[k - 1])
        and not (_known_phrase_ends_at(tokens, k) or tokens[k - 1].key in ADDRESS_FORMS)
        and tokens[k - 1].word_id == t.word_id
    ):
        return 0  # pyvi holds it inside the preceding word ("Tây_Hồ")
    if t.key in ADDRESS_FORMS:
        return 0  # "Ông Hoàng Văn Nam", "Ông Hun Sen": the form of address, then the name
    if t.key in shared_surnames() and k + 1 < len(tokens) and is_foreign_shaped(tokens, k + 1, k + 2):
        return cued_name_length_at(tokens, k)  # "Kim Jong-un", "Kim Yong Chol"
    end = _run_end(tokens, k)
    length = end - k
    if length > MAX_NAME or length < 2 or (length == 2 and preceded_by(tokens, k, ADMIN_UNITS)):
        return 0
    if not _genuine(tokens, k, end):
        return 0
    if length == 2 and _opens_lower_word(tokens, end):
        return 0  # the last syllable opens a common word ("Đoàn Thanh niên")
    if (
        length >= 4
        and k > 0
        and _is_name_syllable(tokens[k - 1])
        and tokens[k + 1].word_id != t.word_id
        and _common_surname_at(tokens, k + 1)
        and name_length_at(tokens, k + 1) >= 3
    ):
        return 0  # "Tây Hồ Nguyễn Văn Lâm": the place ends at "Hồ", the name starts after it
    return length


# What opens an address before its house number: "(98 Tô Ngọc Vân", "tại số 2 Hoàng Văn Thụ".
ADDRESS_OPENERS = frozenset({"(", ",", ":", "số", "tại", "ở"})


def _after_house_number(tokens: list[Token], k: int) -> bool:
    """Whether token k follows a house number that opens an address."""
    if k == 0 or tokens[k - 1].kind != "num":
        return False
    j = k - 1
    while j > 0 and (tokens[j - 1].kind == "num" or tokens[j - 1].text == "/"):
        j -= 1  # "(2 05/6 Trần Văn Đang": the house number and its alley
    if j == 0 or tokens[j - 1].key in ADDRESS_OPENERS:
        return True
    # a number no year, after a lower-case word no unit, right before a name: "ngôi nhà công sản
    # 45 Nguyễn Thái Học" (not "Quân khu 3|A", "quận 3|B": a unit's number ends its name)
    number, word = tokens[k - 1].text, tokens[j - 1]
    return (
        j == k - 1
        and number.isdigit()
        and not YEARS[0] <= int(number) <= YEARS[1]
        and word.kind == "word"
        and not (word.is_cap or word.is_upper or word.key in NUMBERED_UNITS)
        and not (j >= 2 and tokens[j - 2].is_cap)  # "Quân khu 3": the end of a body's name
        and not any(body_end_phrases().longest_at(tokens, j - n) == n for n in (1, 2) if j >= n)
    )  # "Quốc hội khóa 13|A": a term ends the post


YEARS = (1900, 2100)  # a number in this range before a name may be a year ("năm 2015 Nguyễn Văn A")


def _inside_eponym(tokens: list[Token], k: int) -> bool:
    """Whether token k continues the name of a street, school ... that a place word opens
    ("đường Phạm [Văn Đồng]"); a known place or a second full name ends that name ("Học viện
    Chính trị quốc gia Hồ Chí Minh|Nguyễn Xuân Thắng")."""
    r = k
    while r > 0 and k - r < MAX_NAME and _is_name_syllable(tokens[r - 1]):
        r -= 1
    if not (r < k and _after_place_word(tokens, r)):
        return False
    place = starts_place(tokens, r)
    return not ((place and r + place <= k) or (k - r >= 2 and _common_surname_at(tokens, k)))


def _common_surname_at(tokens: list[Token], k: int) -> bool:
    return (
        k < len(tokens)
        and _is_name_syllable(tokens[k])
        and surname_rank().get(tokens[k].key, 99) < COMMON_SURNAME_RANK
    )


def _opens_lower_word(tokens: list[Token], end: int) -> bool:
    """Whether the syllable before ``end`` opens a word pyvi continues in lower case
    ("Công|đoàn", "Chính|sách"): a fragment of a body or a common word, not a name's end."""
    return (
        0 < end < len(tokens)
        and tokens[end].kind == "word"
        and not tokens[end].is_cap
        and tokens[end].word_id == tokens[end - 1].word_id
    )


def _adjacent(tokens: list[Token], a: int, b: int) -> bool:
    """Tokens a and b printed with nothing between them."""
    return tokens[a].end == tokens[b].start and tokens[a].start != tokens[b].start


def _syllable_end(tokens: list[Token], j: int, second: bool = False) -> int:
    """End of the name syllable at j with what prints with it: hyphenated parts ("Yong-ho",
    "Hans-Peter", "al-Assad"; for the ``second`` syllable of a name, after the family name, the
    spaced "Yo - jong" too, not the third: "Kim Jong Il - cha của ...") and an initial's dot ("W.",
    "H.R.")."""
    end = j + 1
    while (
        end + 1 < len(tokens)
        and tokens[end].text in HYPHENS
        and tokens[end + 1].kind == "word"
        and not tokens[end + 1].is_upper
        and (
            (
                _adjacent(tokens, end - 1, end)
                and _adjacent(tokens, end, end + 1)
                and _hyphen_joins(tokens, end + 1)
            )
            or (second and end == j + 1 and _spaced_given_name_part(tokens, end))
        )
    ):
        end += 2
    initial = len(tokens[j].text) == 1 and end < len(tokens) and tokens[end].text == "."
    if end == j + 1 and initial and _adjacent(tokens, j, end):
        end += 1  # an initial: "W." in "George W. Bush"
    return end


def _spaced_given_name_part(tokens: list[Token], hyphen: int) -> bool:
    """A Korean given name printed with spaces round its hyphen ("Kim Yo - jong"): a foreign
    syllable in the two before it, one lower-case syllable after it that opens no post, cue or word of
    pyvi's with the next one, and no word after that in the same name."""
    left, right = tokens[hyphen - 1], tokens[hyphen + 1]
    after = hyphen + 2
    return (
        not _adjacent(tokens, hyphen - 1, hyphen)
        and not (is_vietnamese_syllable(left.text) and is_vietnamese_syllable(tokens[hyphen - 2].text))
        and right.text.islower()
        and right.text.isascii()  # romanised Korean; not "Steinmeier - người đang ..."
        and not starts_title_head(tokens, hyphen + 1)
        and not person_cue_phrases().longest_at(tokens, hyphen + 1)
        and (after >= len(tokens) or tokens[after].word_id != right.word_id)
    )


def _hyphen_joins(tokens: list[Token], right: int) -> bool:
    """A hyphen inside a foreign name ("Yong-ho", "Okimoto-Kaewtathip"), not one between a name
    and a post or a place ("Thammavonge-Phó Bí thư", "Rịa-Vũng Tàu")."""
    r = tokens[right]
    if not r.is_cap:
        return True  # Korean given names: "Jong-un", "Kyung-wha"
    return not (_blocked(tokens, right) or admin_place_phrases().longest_at(tokens, right))


def cued_name_length_at(tokens: list[Token], k: int) -> int:
    """Tokens of the name a post or a cue announces at k: 2-7 capitalised syllables of any shape
    ("Bat-Erdene Tsogzolmaa", "Ri Yong-ho", "George W. Bush", "Lula da Silva", "Bun Thoong
    Xa Vẳn Na"), not a place, a body or a post, not cut from a lower-case word."""
    if not _is_cued_syllable(tokens[k]) or _blocked(tokens, k) or in_place_slot(tokens, k):
        return 0
    if _after_place_word(tokens, k) or preceded_by(tokens, k, place_taker_phrases().phrases):
        return 0  # "đường Lê Lợi"; "huyện Krông Pắk": a place the gazetteer spells otherwise
    j, syllables = k, 0
    while j < len(tokens) and syllables <= MAX_CUED_NAME:
        t = tokens[j]
        if _is_cued_syllable(t):
            if j > k and (_blocked_inside(tokens, j) or _vietnamese_name_takes_over(tokens, k, j)):
                break
            if j > k and starts_place(tokens, j) and not is_vietnamese_syllable(t.text):
                break  # "Cảnh sát Biển|Philippines": a foreign country is no given name
            j = _syllable_end(tokens, j, second=syllables == 1)
            syllables += 1
        elif t.key in PARTICLES and syllables and j + 1 < len(tokens) and t.kind == "word":
            nxt = _syllable_end(tokens, j)
            if nxt > j + 1 and tokens[nxt - 1].is_cap:
                j, syllables = nxt, syllables + 1  # "al-Assad"
            elif _is_cued_syllable(tokens[j + 1]):
                j += 1  # "da" in "Lula da Silva"
            else:
                break
        else:
            break
    if syllables < 2 or syllables > MAX_CUED_NAME or _initials_only(tokens, k, j):
        return 0  # "ông H. Q. K.": initials alone hide a name
    if not _genuine(tokens, k, j):
        return 0
    if tokens[j - 1].is_cap and is_vietnamese_syllable(tokens[j - 1].text) and _opens_lower_word(tokens, j):
        return 0  # "Tổng Công|đoàn", "Vụ Chính|sách": a body cut short
    return j - k


def _genuine(tokens: list[Token], start: int, end: int) -> bool:
    """Whether every syllable of a run, and the run as a whole, can be a person's name (module doc).

    A word that cannot be a syllable is still capitalised, so it stays inside the run and
    rejects it. Hyphens and initials' dots are no syllables; the name is measured as printed.
    """
    if not all(is_name_syllable_shape(t.text) for t in tokens[start:end] if t.kind == "word"):
        return False
    return len(name_text(tokens, start, end)) <= MAX_NAME_CHARS


def _initials_only(tokens: list[Token], start: int, end: int) -> bool:
    return all(len(t.text) == 1 for t in tokens[start:end] if t.kind == "word")


def _is_cued_syllable(t: Token) -> bool:
    """A name syllable, but not a brand's camel case ("OceanBank", "DongA") nor an acronym glued to
    a name ("QHNguyễn"); "McMaster" and "MacArthur" are names."""
    if not _is_name_syllable(t):
        return False
    inner = next((i for i, c in enumerate(t.text[1:], 1) if c.isupper()), 0)
    return not inner or (inner <= 3 and not t.text[:inner].isupper())


def _vietnamese_name_takes_over(tokens: list[Token], k: int, j: int) -> bool:
    """ "OceanBank Hà Văn Thắm": a foreign run before a full Vietnamese name is not part of it."""
    return name_length_at(tokens, j) >= 3 and is_foreign_shaped(tokens, k, j)


def name_text(tokens: list[Token], start: int, end: int) -> str:
    """A name as printed, spaces where the article has them ("Ri Yong-ho", "George W. Bush")."""
    out = tokens[start].text
    for i in range(start + 1, end):
        hyphen = tokens[i].text in HYPHENS or tokens[i - 1].text in HYPHENS  # "Kim Yo - jong": "Yo-jong"
        out += ("" if hyphen or _adjacent(tokens, i - 1, i) else " ") + tokens[i].text
    return out


def is_foreign_shaped(tokens: list[Token], start: int, end: int) -> bool:
    """Whether some syllable of the span cannot be a Vietnamese one ("Rex Tillerson")."""
    return any(t.kind == "word" and not is_vietnamese_syllable(t.text) for t in tokens[start:end])


def starts_person_cue(tokens: list[Token], k: int) -> int:
    return person_cue_phrases().longest_at(tokens, k)


def full_form(name: str, full_names) -> str:
    """The full name the article gives for a shortened one: initials expanded ("Michael
    R.Smith"), or a two-syllable given name completed ("ông Xuân Anh" -> "Nguyễn Xuân Anh")
    when exactly one full name of the article ends with it."""
    expanded = expand_initials(name, full_names)
    if expanded != name or len(name.split()) != 2:
        return expanded
    tail = " " + fold(name)
    matches = {f for f in full_names if f and len(f.split()) >= 3 and fold(f).endswith(tail)}
    return matches.pop() if len(matches) == 1 else name


def expand_initials(name: str, full_names) -> str:
    """ "John R.Smith" -> "John Robert Smith" when the article prints that one full name
    (same syllables, each initial the first letter of its syllable); else the name as printed."""
    parts = _name_parts(name)
    if not any(len(p) == 1 for p in parts[1:-1]):
        return name  # only a middle initial: "Nguyễn Thị H." hides a name, it abbreviates none
    matches = {
        full
        for full in full_names
        if full
        and full != name
        and len(fp := _name_parts(full)) == len(parts)
        and all(p == f or _initial_of(p, f) for p, f in zip(parts, fp, strict=True))
    }
    return matches.pop() if len(matches) == 1 else name


def _initial_of(initial: str, syllable: str) -> bool:
    return len(initial) == 1 and len(syllable) > 1 and syllable.startswith(initial)


def _name_parts(name: str) -> list[str]:
    return [p for p in re.split(r"[\s.]+", name) if p]
