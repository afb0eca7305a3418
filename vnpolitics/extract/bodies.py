"""Reading the name of a body (party committee, ministry, people's committee, company ...)
from tokens, and its canonical full form.

A body opens with a kind from ``gazetteers/body_kinds.tsv`` and runs on over capitalised
words (with the lower-case syllables pyvi keeps in the same word: "Tổ chức", "Nội vụ"),
place words ("thành phố", "tỉnh") and, for companies and associations, descriptive
lower-case words up to the last capitalised one ("Tổng công ty Đầu tư phát triển hạ tầng
đô thị UDIC"). It stops before a person's name, a verb or punctuation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from vnpolitics.extract.gazetteer import (
    PhraseSet,
    body_end_phrases,
    body_kind_phrases,
    body_kinds,
    lowercase_body_phrases,
    personal_cue_phrases,
    place_typed_kinds,
    predicate_phrases,
    province_phrases,
    provinces,
)
from vnpolitics.extract.names import (
    NUMBERED_UNITS,
    name_length_at,
    starts_body_kind,
    starts_place,
    starts_title_head,
)
from vnpolitics.extract.syllables import is_vietnamese_syllable
from vnpolitics.extract.textnorm import canonical_text
from vnpolitics.extract.tokens import Token

DESCRIPTIVE_KINDS = frozenset({"enterprise", "academy", "front", "press", "state_body"})


@dataclass(frozen=True)
class BodySpan:
    start: int  # token indices, end exclusive
    end: int
    kind: str
    unique: bool  # the kind alone names one body ("Bộ Chính trị")
    bare: bool  # nothing follows the kind ("Thành ủy", "Ban Thường vụ")
    placed: bool = True  # the article's place may complete it (body_kinds.tsv: not "unplaced")
    of_place: bool = False  # bare, it still names the one body of the article's place ("Tỉnh ủy")
    level: str | None = None  # the level of that place when the name prints none ("Sở X": province)
    tail: tuple[int, int] | None = None  # a parent printed apart that ends the name (token span)


def _phrase_len(tokens: list[Token], k: int, phrases: PhraseSet) -> int:
    return phrases.longest_at(tokens, k)


def _is_predicate(tokens: list[Token], k: int) -> bool:
    return _phrase_len(tokens, k, predicate_phrases()) > 0


def _ends_body(tokens: list[Token], k: int) -> bool:
    """Whether a lower-case word at k ends a body's name: a verb, or what follows a name ("gồm",
    "nhiệm kỳ", "lần thứ")."""
    t = tokens[k]
    return not (t.is_cap or t.abbr) and (
        _is_predicate(tokens, k)
        or _phrase_len(tokens, k, body_end_phrases()) > 0
        or _phrase_len(tokens, k, personal_cue_phrases()) > 0
    )


def _word_end(tokens: list[Token], k: int) -> int:
    """End of the pyvi word that token k opens (lower-case syllables of a compound included, but
    not a verb pyvi glued to a name: "Thanh Hóa|gồm", "Ngoại giao|thông tin")."""
    j = k + 1
    while (
        j < len(tokens)
        and tokens[j].kind == "word"
        and not _ends_body(tokens, j)
        and not name_length_at(tokens, j)
        and tokens[j].word_id == tokens[k].word_id  # pyvi asked last: the costliest test
    ):
        j += 1
    return j


def gloss_end(tokens: list[Token], k: int) -> int:
    """Skip an acronym gloss such as "(TCT)"; returns k when there is none."""
    if tokens[k].text != "(":
        return k
    j = k + 1
    while j < len(tokens) and j - k <= 6 and tokens[j].text != ")":
        if tokens[j].kind == "punct":
            return k
        j += 1
    return j + 1 if j < len(tokens) and tokens[j].text == ")" else k


def _cap_ahead(tokens: list[Token], k: int) -> bool:
    """Whether a capitalised word follows before any verb, number or punctuation (descriptive names)."""
    for j in range(k, min(len(tokens), k + 8)):
        t = tokens[j]
        if t.kind in ("punct", "num") or _is_predicate(tokens, j) or _ends_body(tokens, j):
            return False
        if t.is_cap or t.is_upper:
            return True
    return False


def body_at(
    tokens: list[Token], i: int, allow_lower: bool = False, announced: bool = False
) -> BodySpan | None:
    """The body whose name starts at token i, if one does.

    ``allow_lower`` lets the kind be printed in lower case, as it is after a post
    ("Trưởng ban Tổ chức Trung ương"). ``announced``: a post that only means something with its
    body stands before ("Trưởng *"), so a one-syllable kind is one even where pyvi glued it to the
    words after it ("Trưởng ban công tác đại biểu QH": "ban công tác" is one pyvi word).
    """
    if i >= len(tokens) or tokens[i].kind != "word" or not (tokens[i].is_cap or allow_lower):
        return None
    n = starts_body_kind(tokens, i)
    if not n or (n == 1 and not announced and opens_longer_word(tokens, i)):
        return None
    kind = body_kinds()[tuple(t.key for t in tokens[i : i + n])]
    if kind.named and not _own_name_at(tokens, i + n):
        return None  # "các ban xây dựng Đảng|Tỉnh ủy": the Party, no body of its own name
    j = _extend(tokens, i + n, kind.kind)
    return BodySpan(
        i,
        j,
        kind.kind,
        kind.unique,
        bare=(j == i + n) or commission_without_parent(tokens, i, j),
        placed=kind.placed,
        of_place=kind.of_place,
        level=kind.level,
    )


# Capitalised words after "Đảng" that name no party of its own: a level, the capital, the state.
NOT_OWN_NAMES = frozenset(
    {("trung", "ương"), ("thủ", "đô"), ("nhà", "nước"), ("quân", "đội"), ("chính", "phủ"), ("công", "an")}
)


def _own_name_at(tokens: list[Token], j: int) -> bool:
    """Whether a capitalised word that opens no other body's kind, no place and none of
    NOT_OWN_NAMES starts at j ("Đảng|Lao động Triều Tiên", not "Đảng Thủ đô", "Trường Đảng Trung
    ương", "Đảng Hà Nội")."""
    if j >= len(tokens) or not tokens[j].is_cap or starts_body_kind(tokens, j) or starts_place(tokens, j):
        return False
    return tuple(t.key for t in tokens[j : j + 2]) not in NOT_OWN_NAMES


def opens_longer_word(tokens: list[Token], i: int) -> bool:
    """Whether a one-syllable kind opens a longer lower-case word: "Hội nghị" (a meeting),
    "Báo cáo" (a report), "Ban hành" (to issue) are no "Hội", "Báo" or "Ban"."""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        nxt is not None
        and nxt.kind == "word"
        and not (nxt.is_cap or nxt.abbr)
        and nxt.word_id == tokens[i].word_id
    )


def commission_without_parent(tokens: list[Token], i: int, j: int) -> bool:
    """ "Ban Tổ chức" alone is every committee's commission: without a parent
    ("Trung ương", "Thành ủy Hà Nội") it names no one body."""
    return tokens[i].key == "ban" and len({t.word_id for t in tokens[i:j]}) <= 2


def _extend(tokens: list[Token], j: int, kind: str) -> int:
    first = j
    while j < len(tokens):
        t = tokens[j]
        if name_length_at(tokens, j):
            break
        gloss = gloss_end(tokens, j)
        if gloss > j:
            j = gloss
            continue
        if t.is_cap and (place := starts_place(tokens, j)) > 1:
            j += place  # "Quốc hội Ai Cập|Ali Abdel Aal": a place whole, before a name is looked for
            continue
        if _foreign_after_vietnamese(tokens, j, first):
            break  # "Ủy ban quốc vụ Triều Tiên|Choe Ryong Hae": the person the body announces
        if t.is_cap and starts_body_kind(tokens, j) > 1:
            n = starts_body_kind(tokens, j)
            kind = body_kinds()[tuple(t.key for t in tokens[j : j + n])].kind  # "HĐQT Tổng công ty ..."
            j += n  # "Huyện ủy" whole, however pyvi cut it
            continue
        if t.is_upper or (t.is_cap and not _is_predicate(tokens, j)):
            j = _word_end(tokens, j)
            continue
        if t.abbr and j > first:
            j += 1  # the rest of an acronym printed in capitals: "Khối CCQ" -> "Khối các cơ quan"
            continue
        if t.key == "và" and _joins_field(tokens, j + 1) and not unit_place_before(tokens, first, j):
            j += 1  # "Vụ Giáo dục và Đào tạo", "Khối các cơ quan và doanh nghiệp"
            continue
        if t.text in FIELD_DASHES and j > first and _dash_joins_field(tokens, j + 1, kind):
            j += 1  # "Ban Kinh tế - Ngân sách", "Ban Tuyên giáo - Dân vận"
            continue
        if t.kind == "num" and (after_capitalised_word(tokens, j) or _numbered_unit_before(tokens, j, first)):
            j += 1  # "Đề án Trung ương 6", "UBND quận 3"
            continue
        n = _phrase_len(tokens, j, lowercase_body_phrases())
        if n:
            j += n
            continue
        if _split_compound_end(tokens, j, first):
            j += 1
            continue
        if (
            kind in DESCRIPTIVE_KINDS
            # a company's own name has begun ("Tổng công ty Đầu tư phát triển ... UDIC"), or it is
            # what the company does and where ("Tổng công ty vận tải Hà Nội")
            and (j > first or _trade_then_place(tokens, j))
            and t.kind == "word"
            and not _ends_body(tokens, j)
            and _cap_ahead(tokens, j)
        ):
            j += 1
            continue
        break
    return j


def bracketed_body(tokens: list[Token], j: int) -> BodySpan | None:
    """The body a bracket opening at j holds whole, its kind printed in capitals or, before a
    name of its own, not ("(Cục Hàng hải VN)", "(bộ Công an)"); None otherwise."""
    if j + 1 >= len(tokens) or tokens[j].text != "(" or tokens[j + 1].kind != "word":
        return None
    inner = body_at(tokens, j + 1, allow_lower=True)
    if inner is None or inner.end >= len(tokens) or tokens[inner.end].text != ")":
        return None
    return inner if tokens[j + 1].is_cap or not inner.bare else None


FIELD_DASHES = frozenset({"-", "–"})
TRADE_WORDS_MAX = 4  # lower-case words of a company's trade before its place
TRADE_TAGS = ("N", "V", "A")  # pyvi's tags of a trade's words: no numeral ("hai nước"), no preposition


def _foreign_after_vietnamese(tokens: list[Token], j: int, first: int) -> bool:
    """Two capitalised words or more, one of the first two foreign (no acronym, no place), after
    Vietnamese words of a body's name: a foreign person's name the body announces ("Bộ Ngoại giao
    Nga|Maria Zakharova", "Quốc hội Hàn Quốc|Moon Hee Sang"), not more of the body's (a foreign
    firm's one word: "Tập đoàn Địa ốc Alibaba"; a place after a unit: "tỉnh Phongsaly")."""
    t = tokens[j]
    return (
        j > first
        and j + 1 < len(tokens)
        and t.is_cap
        and not t.is_upper
        and tokens[j + 1].is_cap
        and not tokens[j + 1].is_upper
        and not (is_vietnamese_syllable(t.text) and is_vietnamese_syllable(tokens[j + 1].text))
        and is_vietnamese_syllable(tokens[j - 1].text)
        and (tokens[j - 1].key,) not in UNIT_WORDS
        and not starts_place(tokens, j)
    )


def _trade_then_place(tokens: list[Token], j: int) -> bool:
    """Whether lower-case nouns, verbs or adjectives, none of the predicate list, run from j to a
    place: a company named by its trade and its place ("vận tải|Hà Nội")."""
    k = j
    while k < len(tokens) and k - j < TRADE_WORDS_MAX:
        t = tokens[k]
        if t.is_cap or t.is_upper:
            return k > j and bool(starts_place(tokens, k))
        if t.kind != "word" or _ends_body(tokens, k) or not t.pos.startswith(TRADE_TAGS):
            return False  # pyvi's tag asked last: the costliest test
        k += 1
    return False


NAME_CLOSERS = frozenset({",", ")", ";", "-", "–"})


def _split_compound_end(tokens: list[Token], j: int, first: int) -> bool:
    """A lower-case noun closing a name right after its capitalised word, where pyvi split one
    compound in two ("Phòng Thoát|nước,"): no unit word, no verb, and a mark after it."""
    t = tokens[j]
    return (
        j > first
        and t.kind == "word"
        and not t.is_cap
        and tokens[j - 1].is_cap
        and j + 1 < len(tokens)
        and tokens[j + 1].text in NAME_CLOSERS
        and (t.key,) not in UNIT_WORDS
        and not _ends_body(tokens, j)
        and tokens[j - 1].word_id != t.word_id  # pyvi asked last: the costliest tests
        and t.pos == "N"
    )


def with_shared_parent(tokens: list[Token], body: BodySpan, other: BodySpan) -> BodySpan | None:
    """ "Ban Tổ chức, Ban Tuyên giáo - Dân vận Tỉnh ủy": a commission printed with no parent, next
    to one of the same kind whose name ends in a committee, shares that committee; None otherwise."""
    if not body.bare or tokens[body.start].key != tokens[other.start].key or other.bare:
        return None
    own = starts_body_kind(tokens, other.start)
    for p in range(other.start + max(own, 1), other.end):
        n = starts_body_kind(tokens, p) if tokens[p].is_cap else 0
        if n and body_kinds()[tuple(t.key for t in tokens[p : p + n])].kind == "party_committee":
            return replace(body, bare=False, tail=(p, other.end))
    return None


def unit_place_before(tokens: list[Token], first: int, j: int) -> int | None:
    """Where the unit word is when a body's name up to j ends in a unit and a capitalised place
    ("Bộ CHQS tỉnh Phongsaly"): a "và" there adds a second place, not a field ("tỉnh Phongsaly
    và Luang Prabang" are two provinces, each with its command); None otherwise."""
    k = j - 1
    while k >= first and tokens[k].is_cap:
        k -= 1
    if k < first or k == j - 1 or (tokens[k].key,) not in UNIT_WORDS:
        return None
    return k


UNIT_WORDS = frozenset({("tỉnh",), ("huyện",), ("quận",), ("xã",), ("phường",)})


def second_place_body(tokens: list[Token], body: BodySpan) -> tuple[int, BodySpan] | None:
    """ "Bộ CHQS tỉnh Phongsaly và Luang Prabang": the same body of the second place, printed as
    the place alone after "và" (its end, and the body named by its unit and ``tail``); None when
    no such place follows ``body``."""
    j = body.end
    unit = unit_place_before(tokens, body.start, j)
    if unit is None or j + 1 >= len(tokens) or tokens[j].key != "và" or not _joins_field(tokens, j + 1):
        return None
    end = j + 1
    while end < len(tokens) and tokens[end].is_cap and tokens[end].pos == "Np":
        end += 1  # a proper noun by pyvi's tag: "và Nhân dân" is the people, no place
    return (end, replace(body, end=unit + 1, bare=False, tail=(j + 1, end))) if end > j + 1 else None


def _dash_joins_field(tokens: list[Token], k: int, kind: str) -> bool:
    """Whether a dash before k joins two fields of one body ("Sở Kế hoạch - Đầu tư", "Ban Kinh tế -
    Ngân sách"): the word after it goes on with the field (``_joins_field``) and is Vietnamese; a
    company's, an agency's or a paper's name is glossed after a dash ("Thông tấn xã Việt Nam - Hãng
    Thông tấn quốc gia", "Ngân hàng BIDV - Chi nhánh X"), not continued."""
    return (
        kind not in DESCRIPTIVE_KINDS and _joins_field(tokens, k) and is_vietnamese_syllable(tokens[k].text)
    )


def _joins_field(tokens: list[Token], k: int) -> bool:
    """Whether the word after "và" goes on with the same body's field rather than open another
    body, a post, a person or a place ("Hội đồng nhân dân và Ủy ban nhân dân" are two bodies)."""
    if k >= len(tokens):
        return False
    t = tokens[k]
    return (
        (t.is_cap or (t.abbr and not _phrase_len(tokens, k, lowercase_body_phrases())))
        and not starts_body_kind(tokens, k)
        and not starts_title_head(tokens, k)
        and not starts_place(tokens, k)
        and not name_length_at(tokens, k)
    )


def _numbered_unit_before(tokens: list[Token], j: int, first: int) -> bool:
    """A number naming the urban unit printed right before it, inside the body: "quận|3"."""
    return j > first and tokens[j].text.isdigit() and tokens[j - 1].key in NUMBERED_UNITS


def after_capitalised_word(tokens: list[Token], j: int) -> bool:
    """Whether the word that ends right before token j opens with a capital ("Đề án Trung
    ương|6", "Giáo dục|và"), pyvi's word taken whole."""
    k = j - 1
    while (
        k > 0
        and tokens[k].kind == "word"
        and tokens[k - 1].word_id == tokens[k].word_id
        and not tokens[k].is_cap
    ):
        k -= 1
    return k >= 0 and tokens[k].kind == "word" and tokens[k].is_cap


# The word a province's type adds before its name in a local body's full name.
PLACE_TYPE_WORDS = {"city": "thành phố", "province": "tỉnh"}


def canonical_body(tokens: list[Token], span: BodySpan) -> str:
    """Full canonical name: abbreviations expanded, kind capitalised, modern tone marks, and the
    type of the place where the full name has one ("UBND Hà Nội" -> "Ủy ban nhân dân thành phố Hà Nội")."""
    words: list[str] = []
    span = replace(span, start=_committee_start(tokens, span))
    cut = span.start
    for at, word in sorted(_place_types(tokens, span).items()):
        words += [*_surface(tokens, cut, at), word]
        cut = at
    words += _surface(tokens, cut, span.end)
    if span.tail:
        words += _surface(tokens, *span.tail)
    name = canonical_text(" ".join(words))
    return name[:1].upper() + name[1:]


EXECUTIVE_COMMITTEE = ("ban", "chấp", "hành")


def _committee_start(tokens: list[Token], span: BodySpan) -> int:
    """Where the canonical name starts: "Ban Chấp hành Tỉnh ủy X" is the provincial committee
    itself (a "Tỉnh ủy" is the executive committee of the province's party organisation), so
    its name is "Tỉnh ủy X"; "Ban Chấp hành Đảng bộ huyện X" stays as printed."""
    k = span.start + len(EXECUTIVE_COMMITTEE)
    if tuple(t.key for t in tokens[span.start : k]) != EXECUTIVE_COMMITTEE or k >= span.end:
        return span.start
    n = starts_body_kind(tokens, k)
    return k if n and tokens[k + n - 1].key == "ủy" else span.start


def _place_types(tokens: list[Token], span: BodySpan) -> dict[int, str]:
    """Where "thành phố"/"tỉnh" goes (token index -> word): after each local state body's kind
    (place_typed_kinds.txt) followed directly by a province or city of provinces.tsv, the outer
    body's or a nested one's ("Văn phòng UBND Hà Nội")."""
    out: dict[int, str] = {}
    typed_kinds, all_kinds, names = place_typed_kinds(), body_kind_phrases(), province_phrases()
    for k in range(span.start, span.end):
        if not (k == span.start or tokens[k].is_cap):
            continue
        typed = typed_kinds.longest_at(tokens, k)
        n = typed or all_kinds.longest_at(tokens, k)
        at = k + n
        if not n or at >= span.end:
            continue
        length = names.longest_at(tokens, at)
        if length and at + length <= span.end:
            province = provinces()[tuple(t.key for t in tokens[at : at + length])]
            if typed or province.always_typed:
                out[at] = PLACE_TYPE_WORDS[province.type]
    return out


def _surface(tokens: list[Token], start: int, end: int) -> list[str]:
    """Token texts of a span without acronym glosses like "(TCT)"."""
    out: list[str] = []
    k = start
    while k < end:
        g = gloss_end(tokens, k)
        if g > k:
            k = g
            continue
        out.append(tokens[k].text)
        k += 1
    return out
