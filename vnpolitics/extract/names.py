"""Where a Vietnamese person's name starts and ends in a run of capitalised syllables.

A name is 2-5 capitalised syllables opening with a family name from the gazetteer,
and is not the start of a place ("Hà Nội", "Cao Bằng") or of a body ("Đoàn đại biểu").
pyvi's word groups break ties such as "Quận ủy Tây Hồ Nguyễn Văn Lâm".

A run of capitalised words that holds a word no name can have (letters of another script, a
"syllable" of 200,000 letters, two words glued by an invisible joiner: ``scripts``) is no name
at all, rather than a name cut short before that word: "Nguyễn Văn" from "Nguyễn Văn Аn" with
a Cyrillic А would be a person nobody wrote. A name is at most ``MAX_NAME_CHARS`` long.
"""

from __future__ import annotations

import functools

from vnpolitics.extract.gazetteer import body_kind_phrases, places, surname_rank, title_head_phrases
from vnpolitics.extract.scripts import is_name_syllable_shape
from vnpolitics.extract.tokens import Token

MAX_NAME = 5
# Five syllables of a long foreign name ("Lertwilairatanapong" is 19 letters) stay well below.
MAX_NAME_CHARS = 80
# A second family name this common right after a first one starts the real name ("Hồ|Nguyễn Văn A").
COMMON_SURNAME_RANK = 20
# Also family names, but "Ông Hoàng Văn Nam" is "Mr Hoàng Văn Nam".
ADDRESS_FORMS = frozenset({"ông", "bà"})

# Words after which a capitalised run names a place, street or doctrine, not a person.
NOT_PERSON_BEFORE = frozenset(
    tuple(p.split())
    for p in (
        "đường",
        "phố",
        "làng",
        "thôn",
        "bản",
        "ấp",
        "sông",
        "núi",
        "cầu",
        "chợ",
        "chùa",
        "đền",
        "trường",
        "sân",
        "tàu",
        "lăng",
        "bảo tàng",
        "giải",
        "hầm",
        "đèo",
        "đảo",
        "khu",
        "cảng",
        "tư tưởng",
        "phong cách",
        "đạo đức",
        "tấm gương",
        "di chúc",
        "học viện",
        "đại học",
        "nhà văn hóa",
        "công viên",
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


def preceded_by(tokens: list[Token], k: int, phrases: frozenset[tuple[str, ...]]) -> bool:
    """Whether one of ``phrases`` (folded syllables) ends right before token k.

    One set look-up per phrase length, not one comparison per phrase: this runs for nearly
    every capitalised token of every article.
    """
    for n in _phrase_lengths(phrases):
        if n > k:
            return False
        if tuple(t.key for t in tokens[k - n : k]) in phrases:
            return True
    return False


@functools.cache
def _phrase_lengths(phrases: frozenset[tuple[str, ...]]) -> tuple[int, ...]:
    return tuple(sorted({len(p) for p in phrases}))


def _after_place_word(tokens: list[Token], k: int) -> bool:
    """After "đường", "tư tưởng" ...; a one-syllable word counts only on its own ("trường",
    not the end of "Môi trường")."""
    if not preceded_by(tokens, k, NOT_PERSON_BEFORE):
        return False
    single = (tokens[k - 1].key,) in NOT_PERSON_BEFORE
    return not (single and k >= 2 and tokens[k - 2].word_id == tokens[k - 1].word_id)


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
    """Inside a run, a place or a body/post of two syllables or more ends the name; a lone
    "Ban" or "Bình" at the end is a given name ("Hà Bình")."""
    if starts_place(tokens, j) >= 2:
        return True
    n = max(starts_body_kind(tokens, j), starts_title_head(tokens, j))
    return n >= 2 or (n == 1 and j + 1 < len(tokens) and _is_name_syllable(tokens[j + 1]))


def _run_end(tokens: list[Token], k: int) -> int:
    j = k
    while j < len(tokens) and _is_name_syllable(tokens[j]) and j - k <= MAX_NAME:
        if j > k and _blocked_inside(tokens, j):
            break
        j += 1
    return j


def _place_ends_at(tokens: list[Token], k: int) -> bool:
    """Whether a known place ends right before token k ("Gia Lâm|Hồ Văn Tùng")."""
    return any(starts_place(tokens, j) == k - j for j in range(max(0, k - 4), k))


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
    if (
        k > 0
        and tokens[k - 1].word_id == t.word_id
        and _is_name_syllable(tokens[k - 1])
        and not (_place_ends_at(tokens, k) or tokens[k - 1].key in ADDRESS_FORMS)
    ):
        return 0  # pyvi holds it inside the preceding word ("Tây_Hồ")
    if t.key in ADDRESS_FORMS:
        return 0  # "Ông Hoàng Văn Nam", "Ông Hun Sen": the form of address, then the name
    end = _run_end(tokens, k)
    length = end - k
    if length > MAX_NAME or length < 2 or (length == 2 and preceded_by(tokens, k, ADMIN_UNITS)):
        return 0
    if not _genuine(tokens, k, end):
        return 0
    if (
        length == 2
        and end < len(tokens)
        and tokens[end].word_id == tokens[end - 1].word_id
        and not tokens[end].is_cap
    ):
        return 0  # the last syllable opens a common word ("Đoàn Thanh niên")
    nxt = tokens[k + 1]
    if (
        length >= 4
        and surname_rank().get(nxt.key, 99) < COMMON_SURNAME_RANK
        and nxt.word_id != t.word_id
        and name_length_at(tokens, k + 1) >= 3
    ):
        return 0  # "Hồ Nguyễn Văn Lâm": the place ends at "Hồ", the name starts after it
    return length


def foreign_name_length_at(tokens: list[Token], k: int) -> int:
    """A name without a Vietnamese family name ("Justin Trudeau"), read only where a post or
    "ông"/"bà" announces a person: 2-4 capitalised syllables that are not a place or a body."""
    end = k
    while end < len(tokens) and _is_name_syllable(tokens[end]) and not _blocked(tokens, end) and end - k < 5:
        end += 1
    length = end - k
    if not (2 <= length <= 4 and (end == len(tokens) or not _is_name_syllable(tokens[end]))):
        return 0
    return length if _genuine(tokens, k, end) else 0


def _genuine(tokens: list[Token], start: int, end: int) -> bool:
    """Whether every syllable of a run, and the run as a whole, can be a person's name (module doc).

    A word that cannot be a syllable is still capitalised, so it stays inside the run and
    rejects it.
    """
    run = tokens[start:end]
    if not all(is_name_syllable_shape(t.text) for t in run):
        return False
    return len(" ".join(t.text for t in run)) <= MAX_NAME_CHARS
