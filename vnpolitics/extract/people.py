"""People in one sentence, with the posts the sentence gives them.

The sentence is first cut into items (post, name, body, punctuation, other word);
posts are then attached to names by the constructions of Vietnamese news prose:
- before the name: "Trưởng Ban Tổ chức Trung ương Trần Văn A phát biểu";
- after it, as appositives: "Trần Văn A, Ủy viên Bộ Chính trị, Bí thư ...";
- shared by a list: "các đồng chí Phó Ban Tổ chức A, B, C";
- distributed after a colon: "các Ủy viên Trung ương Đảng: Phó Trưởng Ban ... A; Bí thư ... B".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from vnpolitics.extract.bodies import BodySpan, body_at, second_place_body, with_shared_parent
from vnpolitics.extract.gazetteer import (
    PhraseSet,
    address_cue_phrases,
    body_kinds,
    country_short_forms,
    kin_cue_phrases,
    not_person_cue_phrases,
    person_cue_phrases,
    personal_cue_phrases,
    places,
    post_object_phrases,
    post_verb_phrases,
    predicate_phrases,
    sentence_post_verb_phrases,
    surname_rank,
    title_head_phrases,
    title_prefixes,
)
from vnpolitics.extract.names import (
    cued_name_length_at,
    inside_place,
    is_foreign_shaped,
    name_length_at,
    preceded_by,
    starts_body_kind,
    starts_person_cue,
    starts_place,
    starts_title_head,
)
from vnpolitics.extract.syllables import is_vietnamese_syllable
from vnpolitics.extract.title_spans import TitleSpan, head_in_lower_case, is_former, shares_body, title_at
from vnpolitics.extract.tokens import Token

APPOSITIVE_SEPARATORS = frozenset({",", "-", "–", "—", "kiêm", "("})
LIST_SEPARATORS = frozenset({",", "và"})
OBJECT_MARKERS = frozenset({"của", "với", "cho", "tới", "đến"})
# "Thay mặt Thủ tướng Chính phủ, Phó Thủ tướng A trao ...": the post acted for is someone else's.
ON_BEHALF = frozenset({("thay", "mặt"), ("thừa", "lệnh"), ("thừa", "ủy", "quyền"), ("ủy", "quyền")})
CUES = frozenset({("đồng", "chí"), ("ông",), ("bà",)})


@dataclass(slots=True)  # slots: chunk makes an item for every token of every parsed sentence
class Item:
    kind: str  # "T" post, "N" name, "O" body, "P" punctuation, "H" honorific before a name, "X" other word
    start: int
    end: int
    title: TitleSpan | None = None
    body: BodySpan | None = None
    announced: bool = False  # a name read because a post or a cue announced it


@dataclass
class NameInSentence:
    item: Item
    titles: list[TitleSpan] = field(default_factory=list)
    cued: bool = False  # introduced by a post, "đồng chí", "ông" or "bà"
    short: bool = False  # "ông Quý": a given name standing for a full name named elsewhere in the article


@dataclass
class SentenceParse:
    tokens: list[Token]
    items: list[Item]
    names: list[NameInSentence]
    bodies: list[BodySpan]  # every body named, inside posts too


def chunk(tokens: list[Token]) -> list[Item]:
    items: list[Item] = []
    i = 0
    openers = _lower_item_openers()
    while i < len(tokens):
        t = tokens[i]
        if t.kind == "punct":
            items.append(Item("P", i, i + 1))
            i += 1
            continue
        if not t.is_cap and t.key not in openers:
            items.append(Item("X", i, i + 1))  # what every reading below concludes: see _lower_item_openers
            i += 1
            continue
        # Where a lower-case post may stand (an appositive) is asked only when it can change the
        # answer: a post read from a capital is the same either way, and most capitals open none.
        title = title_at(tokens, i)
        appositive = None
        if title is None and head_in_lower_case(tokens, i):
            appositive = _appositive_position(tokens, items)
            title = title_at(tokens, i, allow_lower=True) if appositive else None
        title = title or _lower_post_at(tokens, i)
        if title and appositive is None:
            appositive = _appositive_position(tokens, items)
        if title and (appositive or _after_joined_post(tokens, items)):
            title = _with_brand(tokens, title)
        if title:
            items.append(Item("T", i, title.end, title=title))
            i = title.end
            continue
        n = name_length_at(tokens, i)
        announced = not n
        n = n or _cued_name_at(tokens, items, i)
        honorific = _leading_honorific(tokens, i, n) if announced and n else 0
        if honorific:
            items.append(Item("H", i, i + honorific))  # read past by _pre_titles
            i, n = i + honorific, n - honorific
        if n:
            items.append(Item("N", i, i + n, announced=announced))
            i += n
            continue
        place = starts_place(tokens, i)
        if place:
            items.append(Item("X", i, i + place))  # read whole: "Trung Quốc|Vương", not "Quốc vương"
            i += place
            continue
        if _short_reference(tokens, i):
            items.append(Item("S", i, i + 1))
            i += 1
            continue
        body = body_at(tokens, i)
        if body:
            items.append(Item("O", i, body.end, body=body))
            i = body.end
            second = second_place_body(tokens, body)
            if second:
                items += [Item("X", i, i + 1), Item("O", i + 1, second[0], body=second[1])]
                i = second[0]
            continue
        items.append(Item("X", i, i + 1))
        i += 1
    return items


@cache
def _lower_item_openers() -> frozenset[str]:
    """Folded syllables at which ``chunk`` may read more than an "X" item from a token in lower case.

    In lower case (a word with no capital, a number) nothing but a post or a place can open
    there: a name, a short reference and a body (unless after a post) need a capital. A post needs
    a head or a prefix at the token (``title_at``, ``_lower_post_at``), a place a place's first
    syllable (``starts_place``). Every other lower-case token, most of any text, is an "X" at
    once, without the look-ups: a new reading in ``chunk`` that opens at a lower-case token must
    add what it opens with here.
    """
    return title_head_phrases().first_words | places().first_words | title_prefixes()


BRAND_ENDS = frozenset({",", ";", ".", ")", "-", "–"})


def _with_brand(tokens: list[Token], title: TitleSpan) -> TitleSpan:
    """A post printed after a name (or joined to such a post) and closed by a mark, whose body is
    a company's brand: words no Vietnamese syllable or acronyms ("A, Chủ tịch Vingroup, ...", "B,
    Tổng Giám đốc kiêm Chủ tịch HĐQT Vinamilk, ..."). The person is named already, so the brand
    is no name; a post with a body of its own, or one of a board ("Hội đồng quản trị"), reads it."""
    body = title.body
    if body is not None and not (body.bare and not body.unique):
        return title
    j = title.end
    if j < len(tokens) and _brand_word(tokens[j]):
        j += 1
        if j < len(tokens) and tokens[j - 1].is_upper and _brand_word(tokens[j]):
            j += 1  # "FPT Software"; two words else are a foreign name ("Bộ trưởng Ngoại giao Anh D. R")
    if j == title.end or (j < len(tokens) and tokens[j].text not in BRAND_ENDS):
        return title
    return replace(title, end=j)


def _brand_word(t: Token) -> bool:
    return (
        t.kind == "word" and not t.abbr and (t.is_upper or (t.is_cap and not is_vietnamese_syllable(t.text)))
    )


def _after_joined_post(tokens: list[Token], items: list[Item]) -> bool:
    """Right after a post and "kiêm" or a dash: "Tổng Giám đốc kiêm|Chủ tịch ..."."""
    return len(items) >= 2 and items[-2].kind == "T" and _text(tokens, items[-1]) in PRE_TITLE_JOINS


def _leading_honorific(tokens: list[Token], i: int, n: int) -> int:
    """Syllables of a form of address a post's name opens with, capitalised, when a name of two
    syllables or more follows it ("Thủ tướng Campuchia Samdech Techo|Hun Sen"); else 0."""
    cue = address_cue_phrases().longest_at(tokens, i)
    return cue if cue and n - cue >= 2 and all(t.is_cap for t in tokens[i : i + cue]) else 0


def _lower_post_at(tokens: list[Token], i: int) -> TitleSpan | None:
    """A post printed in lower case anywhere, when a name follows it at once and its body, if it
    has one, prints a capital: "chủ tịch UBND TP Đà Nẵng Nguyễn Văn A cảnh báo", "Cựu thủ tướng Ôn
    Gia Bảo" (a prefix opening the sentence is capitalised, its head not)."""
    t = tokens[i]
    head = i + 1 if t.key in title_prefixes() and i + 1 < len(tokens) else i  # "nguyên bí thư"
    if tokens[head].is_cap or t.kind != "word" or not starts_title_head(tokens, head):
        return None
    title = title_at(tokens, i, allow_lower=True)
    if title is None or title.end >= len(tokens):
        return None
    # "chủ tịch UBND tỉnh X - ông B": a post with a body only ("gồm 7 ủy viên, đồng chí B" is a count)
    addressed = title.body is not None and _addressed_name_follows(tokens, i, title.end)
    if not (_name_follows(tokens, title.end) or addressed or _said_name_follows(tokens, title.end)):
        return None
    if title.body is None:
        return title
    named = tokens[title.body.start : title.body.end]
    return title if any(t.is_cap or t.abbr for t in named) else None  # "đoàn ĐBQH TP. HCM" names one


def _name_follows(tokens: list[Token], k: int) -> bool:
    """A Vietnamese name at k, or a foreign one ("cựu chủ tịch Cuba|Fidel Castro")."""
    if name_length_at(tokens, k):
        return True
    n = cued_name_length_at(tokens, k)
    return n >= 2 and is_foreign_shaped(tokens, k, k + n)


# Nouns a post is printed after as their object: "tái đắc cử chức|chủ tịch nước".
POST_NOUNS = frozenset(
    {("chức",), ("chức", "vụ"), ("chức", "danh"), ("cương", "vị"), ("vị", "trí"), ("ghế",)}
)


def _addressed_name_follows(tokens: list[Token], i: int, k: int) -> bool:
    """A comma or a dash, a form of address and a name at k after the post at i: "chủ tịch UBND
    tỉnh X - ông B". A post a verb gives is that verb's object: "tái đắc cử chức chủ tịch nước,
    ông B, ..." names B next, with a post of his own; so does a post after "chức" or "vị trí"."""
    if k + 2 >= len(tokens) or tokens[k].text not in FRONTING_MARKS:
        return False
    if preceded_by(tokens, i, post_verb_phrases()) or preceded_by(tokens, i, POST_NOUNS):
        return False
    return _name_after_address(tokens, k + 1)


def _said_name_follows(tokens: list[Token], k: int) -> bool:
    """ "là" or "gồm" at k, then a form of address and a name: the post is said to be the person
    ("5 phó chủ tịch là ông A, B, bà C", "chủ tịch là bà D")."""
    if k + 2 >= len(tokens) or tokens[k].key not in SAID_OPENERS:
        return False
    return _name_after_address(tokens, k + 1 + (tokens[k + 1].text == ":"), plural=True)


def _name_after_address(tokens: list[Token], j: int, plural: bool = False) -> bool:
    """A form of address at j ("ông", "bà", "đồng chí"; "các" too when ``plural``) and a name."""
    cue = address_cue_phrases().longest_at(tokens, j) or int(plural and tokens[j].key == "các")
    return bool(cue) and j + cue < len(tokens) and _name_follows(tokens, j + cue)


SAID_OPENERS = frozenset({"là", "gồm"})


def _appositive_position(tokens: list[Token], items: list[Item]) -> bool:
    """After "Name," / "Name -" or a post and a comma, right after a name ("Đồng chí A phó bí thư
    Tỉnh ủy") or after a verb that gives a post ("làm trưởng đoàn"): where some outlets print a
    post in lower case."""
    if items and items[-1].kind == "N":
        return True
    if len(items) >= 2 and _text(tokens, items[-1]) == "là" and items[-2].kind in ("N", "S"):
        return True  # "ông Hùng là|bí thư Tỉnh ủy": a post said of the person
    verbs = post_verb_phrases()
    if items and preceded_by(tokens, items[-1].end, verbs):
        return not preceded_by(tokens, items[-1].end + 1, verbs)  # "giữ chức|vụ": the verb goes on
    if not (len(items) >= 2 and items[-1].kind == "P" and _text(tokens, items[-1]) in APPOSITIVE_SEPARATORS):
        return False
    before = _before_bracket(tokens, items, len(items) - 2)  # "Cô A (phải), giám đốc ..."
    return before >= 0 and items[before].kind in ("N", "T")


def _short_reference(tokens: list[Token], i: int) -> bool:
    """ "ông Quý", "đồng chí Tuyến": a cue and one capitalised syllable, then no other capital."""
    t = tokens[i]
    if not (t.is_cap and not t.is_upper and not t.abbr) or starts_place(tokens, i):
        return False
    if i + 1 < len(tokens) and tokens[i + 1].is_cap:
        return False
    return preceded_by(tokens, i, CUES)


def _cued_name_at(tokens: list[Token], items: list[Item], i: int) -> int:
    """Tokens of a name read at i because something announces it (0 when nothing does): a post or
    a cue before it, a list it continues, or an apposition after it."""
    if not tokens[i].is_cap:
        return 0
    n = cued_name_length_at(tokens, i)
    if not n:
        return 0
    if _country_short_form_before_name(tokens, i, n):
        return 0  # "Ngoại trưởng Nhật|Taro Kono": the country, then the name
    how = _announcement(tokens, items, i)
    if how == "list" and _shape_differs(tokens, items[-2], i, i + n):
        how = None  # "Donald Trump, Bình Nhưỡng ...": no list of one kind of name
    if how is None:
        return n if _appositive_follows(tokens, i, i + n) else 0
    foreign_post = _skip_back_qualifiers(tokens, i) < i  # "Thủ tướng Campuchia Hun Sen"
    if how == "post" and not (foreign_post or _person_shaped(tokens, i, i + n)):
        return 0  # "Giám đốc Khối Nguồn vốn": a body, not a name
    return n


def _country_short_form_before_name(tokens: list[Token], i: int, n: int) -> bool:
    """Whether token i is a country's short form ("Nhật", "Hàn") before a foreign name."""
    if tokens[i].key not in country_short_forms():
        return False
    rest = cued_name_length_at(tokens, i + 1) if i + 1 < len(tokens) else 0
    foreign = rest == n - 1 and is_foreign_shaped(tokens, i + 1, i + n)
    return foreign and _announcement(tokens, [], i) is not None


def _person_shaped(tokens: list[Token], start: int, end: int) -> bool:
    """Whether a run a post announces reads as a name by itself: foreign, three syllables or
    more, or a known family name first."""
    syllables = sum(1 for t in tokens[start:end] if t.kind == "word")
    return syllables >= 3 or is_foreign_shaped(tokens, start, end) or tokens[start].key in surname_rank()


def _shape_differs(tokens: list[Token], previous: Item, start: int, end: int) -> bool:
    return is_foreign_shaped(tokens, previous.start, previous.end) != is_foreign_shaped(tokens, start, end)


def _announcement(tokens: list[Token], items: list[Item], i: int) -> str | None:
    """What announces a name at token i: "personal" after "ông", "đồng chí", "bị cáo", "anh" ...;
    "post" after a post or another cue ("ngoại trưởng", "giáo sư"), with perhaps a place, "người"
    and a place, or an acronym between ("Tổng thống Pháp", "cô gái người Anh", "điều phối viên
    MSF"), or a body after a cue ("phát ngôn viên Bộ Ngoại giao Trung Quốc"); "list" next in a
    list after a name so announced ("A và B"); None."""
    k = _skip_back_qualifiers(tokens, i)
    personal = personal_cue_phrases()
    if any(preceded_by(tokens, at, CUES) or _cue_ends_at(tokens, at, personal) for at in {i, k}):
        return "personal"  # "Anh Khiếu Văn Tám": "Anh" is England too
    if any(it.kind == "T" and it.end in (i, k) for it in items[-4:]):
        return "post"
    if k < i and tokens[k - 1].key == "tại" and any(it.kind == "T" and it.end == k - 1 for it in items[-4:]):
        return "post"  # "Đại sứ Mỹ tại Việt Nam Marc Knapper": where the post is held, then the name
    if _cue_ends_at(tokens, k, person_cue_phrases()):
        return "post"
    body = next((it for it in reversed(items[-3:]) if it.kind == "O" and it.end in (i, k)), None)
    if body is not None and _cue_ends_at(tokens, body.start, person_cue_phrases()):
        return "post"
    if _distant_cue(tokens, items, i):
        return "post"
    if (
        len(items) >= 2
        and _is_sep(tokens, items[-1], LIST_SEPARATORS)
        and items[-1].end == i
        and items[-2].kind == "N"
        and _cued(tokens, items, len(items) - 2)
    ):
        return "list"
    return None


QUALIFIER_MAX = 4  # syllables of places and acronyms between a cue and the name
DISTANT_CUE_MAX = 4  # words between a cue and a foreign name it still announces


def _distant_cue(tokens: list[Token], items: list[Item], i: int) -> bool:
    """A foreign name a few words after its cue or post, with only lower-case words that are no
    verb, places and acronyms between: "nhà phân tích chính trị Nga Mikhail Smolin", "người phát
    ngôn quân đội Mỹ Ryan Dillon", "Bộ trưởng Ngoại giao và Kinh tế đối ngoại Hungary Szijjártó
    Péter". Only a name whose first syllable is foreign is read so far away."""
    if is_vietnamese_syllable(tokens[i].text) or len(tokens[i].text) < 2:
        return False
    persons, personal = person_cue_phrases(), personal_cue_phrases()
    post_end = next((it.end for it in reversed(items) if it.kind == "T"), -1)
    for k in range(i - 1, max(-1, i - DISTANT_CUE_MAX - 1), -1):
        t = tokens[k]
        if k < post_end:
            return True
        if t.kind != "word" or t.key in LOCATIVES or predicate_phrases().longest_at(tokens, k):
            return False
        if t.is_cap and not t.is_upper and not starts_place(tokens, k) and not inside_place(tokens, k):
            return False
        if _cue_ends_at(tokens, k, persons) and not _cue_ends_at(tokens, k, personal):
            return True  # "ông tới New York": a form of address is followed by its name at once
    return False


def _skip_back_qualifiers(tokens: list[Token], i: int) -> int:
    """Start of the places, "người" + place and acronyms printed right before token i."""
    k = i
    while k > 0 and i - k < QUALIFIER_MAX + 1:
        j = next((j for j in range(max(0, k - 4), k) if starts_place(tokens, j) == k - j), None)
        if j is not None:
            k = j - 1 if j > 0 and tokens[j - 1].key == "người" else j
            continue
        if (tokens[k - 1].is_upper and not tokens[k - 1].abbr) or tokens[k - 1].key in country_short_forms():
            k -= 1
            continue
        break
    return k


def _cue_ends_at(tokens: list[Token], k: int, cues: PhraseSet) -> bool:
    """Whether a cue of ``cues``, or for person cues a post's head, in any case, ends right before
    k as a whole word ("đại sứ", not the start of "đại sứ quán")."""
    heads, not_cues = cues is person_cue_phrases(), not_person_cue_phrases()
    if not any(
        (cues.longest_at(tokens, j) == k - j or (heads and starts_title_head(tokens, j) == k - j))
        and not_cues.longest_at(tokens, j) <= k - j
        for j in range(max(0, k - 4), k)
    ):
        return False
    # pyvi's word groups asked last: they cost the most and only decide when a cue is there
    return not (0 < k < len(tokens) and not tokens[k].is_cap and tokens[k].word_id == tokens[k - 1].word_id)


APPOSITIVE_MARKS = frozenset({",", "-", "–", "—", "("})
# After these a capitalised run is where something happens or who reports it, not who speaks:
# "tại New York, Thủ tướng ...", "Theo tờ Kathmandu Post, Thủ tướng ...".
LOCATIVES = frozenset({"tại", "ở", "từ", "đến", "tới", "sang", "khỏi", "về", "trên", "gần", "quanh"})
SOURCES = frozenset({"theo", "tờ", "báo", "trang", "hãng", "kênh", "đài", "mạng"})


def _appositive_follows(tokens: list[Token], start: int, end: int) -> bool:
    """A foreign-looking name followed by a post or a cue in apposition ("Vipin Narang, giáo sư
    ...", "Hoshyar Zebari, cố vấn cao cấp ..."): the apposition announces it."""
    if end + 1 >= len(tokens) or tokens[end].text not in APPOSITIVE_MARKS:
        return False
    first = tokens[start]
    if len(first.text) < 2 or is_vietnamese_syllable(first.text):
        return False  # "Theo Reuters, Phó Thủ tướng ...": only a foreign first name opens one
    if start > 0 and tokens[start - 1].is_cap and not is_vietnamese_syllable(tokens[start - 1].text):
        return False  # "New [York Post], Thủ tướng ...": not from the middle of a foreign run
    if start > 0 and tokens[start - 1].key in LOCATIVES | SOURCES:
        return False
    j = end + 1
    if personal_cue_phrases().longest_at(tokens, j):
        return False  # "..., ông Kim": the next person, not an apposition
    n = starts_person_cue(tokens, j) or starts_title_head(tokens, j)
    if not n or not_person_cue_phrases().longest_at(tokens, j) > n:
        return False  # "Scotland Yard (tên gọi ...)"
    verb = predicate_phrases().longest_at(tokens, j + n) if j + n < len(tokens) else 0
    if verb and not (verb == 1 and tokens[j + n].key in APPOSITION_LINKS):
        return False  # "đón tết Chol Chnam Thmay, Thủ tướng đề nghị": the post opens the next clause
    return j + n == len(tokens) or tokens[j + n].word_id != tokens[j + n - 1].word_id


# Words after a post that go on describing it ("giáo sư tại MIT", "người phát ngôn của ..."), where
# a verb would make the post the subject of a clause.
APPOSITION_LINKS = frozenset({"của", "tại", "ở", "về", "với", "và", "cùng", "cho", "trong"})


def _text(tokens: list[Token], item: Item) -> str:
    return " ".join(t.text for t in tokens[item.start : item.end]).lower()


def _is_sep(tokens: list[Token], item: Item, allowed: frozenset[str]) -> bool:
    return item.kind in ("P", "X") and _text(tokens, item) in allowed


def _cued(tokens: list[Token], items: list[Item], p: int) -> bool:
    if items[p].announced:
        return True
    if p > 0 and items[p - 1].kind == "T" and items[p - 1].end == items[p].start:
        return True
    start = items[p].start
    return preceded_by(tokens, start, CUES) or _announcement(tokens, items[:p], start) in ("personal", "post")


PRE_TITLE_JOINS = frozenset({",", "-", "–", "—", "kiêm"})  # "Phó Thủ tướng kiêm Bộ trưởng ... A"


def _pre_titles(tokens: list[Token], items: list[Item], p: int) -> list[int]:
    """Indices of posts printed before name p and belonging to it."""
    q = p - 1
    while q >= 0 and items[q].kind == "H":
        q -= 1  # "Thủ tướng Campuchia Samdech Techo Hun Sen"
    q = _before_locative(tokens, items, q) if q >= 0 else -1
    if q < 0 or items[q].kind != "T":
        return []
    chain = [q]
    while True:
        width = _join_width(tokens, items, q)
        if not width or q - width - 1 < 0 or items[q - width - 1].kind != "T":
            break
        q -= width + 1
        chain.append(q)
    if (
        len(chain) > 1
        and q >= 2
        and _is_sep(tokens, items[q - 1], frozenset({","}))
        and items[q - 2].kind == "N"
    ):
        return [chain[0]]  # "A, Bí thư Tỉnh ủy, Phó Chủ tịch ... B": the earlier posts are A's appositives
    before = q - 1 if q >= 1 and _text(tokens, items[q - 1]) != "các" else q - 2  # "của các Bộ trưởng, B"
    if (
        len(chain) > 1
        and before >= 0
        and (_text(tokens, items[before]) in OBJECT_MARKERS or preceded_by(tokens, items[q].start, ON_BEHALF))
        and not _all_former(tokens, items, chain)
    ):
        return [chain[0]]  # "ý kiến của Trưởng Ban ..., Bí thư ... B": the first post is someone else's
    return sorted(chain)


def _all_former(tokens: list[Token], items: list[Item], chain: list[int]) -> bool:
    """Every post of the chain printed as former: one person's past career ("công lao của nguyên
    Chủ tịch X, nguyên Phó Chủ tịch Y, nguyên Cố vấn Z B"), not posts of several people."""
    return all(items[q].title is not None and is_former(tokens, items[q].title) for q in chain)


CLAUSE_CHAIN_BREAKS = frozenset({",", "-", "–", "—", "("})


def _join_width(tokens: list[Token], items: list[Item], q: int) -> int:
    """Items joining the post at q to one before it: 1 for a mark or "kiêm", 2 for ", kiêm"
    ("Bí thư Thành ủy, kiêm trưởng đoàn ĐBQH A"), else 0."""
    if q >= 1 and _is_sep(tokens, items[q - 1], PRE_TITLE_JOINS):
        if q >= 2 and _text(tokens, items[q - 1]) == "kiêm" and _text(tokens, items[q - 2]) == ",":
            return 2
        return 1
    return 0


def _cue_before(tokens: list[Token], start: int, cues: PhraseSet) -> int | None:
    """Where a cue of ``cues`` starts when it ends right before token ``start`` (None if none does)."""
    return next(
        (j for j in range(max(0, start - 3), start) if cues.longest_at(tokens, j) == start - j),
        None,
    )


FRONTING_MARKS = frozenset({",", "-", "–"})  # "Chủ tịch UBND tỉnh - ông B" as "Chủ tịch UBND tỉnh, ông B"


def _fronted_titles(tokens: list[Token], items: list[Item], p: int) -> list[int]:
    """Posts printed before a comma and a form of address that opens name p: "Bí thư Tỉnh ủy Hà
    Giang, ông A; Bí thư T.Ư Đoàn, anh B tới dự". The posts must open their clause: after a
    name, or a comma after a name or a mark, they are the appositives of someone named before ("C,
    Bí thư, ông B"; "từ ngày 18/4, Chủ tịch UBND TP, ông B" opens a clause), after
    "của" someone else's ("đề nghị của Phó Chủ tịch UBND tỉnh, ông B ..." may name a guest B)."""
    cue = _cue_before(tokens, items[p].start, address_cue_phrases())
    c = next((r for r in range(p - 1, -1, -1) if items[r].start == cue), None) if cue else None
    if c is None or c < 2 or _text(tokens, items[c - 1]) not in FRONTING_MARKS:
        return []
    post = _before_locative(tokens, items, _before_time_words(tokens, items, c - 2))
    if items[post].kind != "T":
        return []
    chain = [post]
    while chain[-1] >= 2 and _text(tokens, items[chain[-1] - 1]) == "," and items[chain[-1] - 2].kind == "T":
        chain.append(chain[-1] - 2)
    before = chain[-1] - 1
    if before < 0 or _parallel_fronted(tokens, items, before):
        return sorted(chain)
    mark = _text(tokens, items[before])
    if items[before].kind in ("N", "S") or mark in OBJECT_MARKERS:
        return []
    if mark in CLAUSE_CHAIN_BREAKS and not (mark == "," and before >= 1 and items[before - 1].kind == "X"):
        return []  # after a name's comma, a bracket or a dash; a comma after the clause's words opens one
    return sorted(chain)


def _fronted_name(tokens: list[Token], items: list[Item], p: int) -> bool:
    """Whether name p is printed after its post, a comma and a form of address ("Post, bà A")."""
    return p >= 3 and _fronted_pair(tokens, items, p - 3)


def _fronted_pair(tokens: list[Token], items: list[Item], r: int) -> bool:
    """Whether items from r are a post, a comma, a form of address and a name ("Post, ông B")."""
    return (
        r + 3 < len(items)
        and items[r].kind == "T"
        and _text(tokens, items[r + 1]) == ","
        and _text(tokens, items[r + 2]) in SUBJECT_CUES
        and items[r + 3].kind == "N"
    )


def _parallel_fronted(tokens: list[Token], items: list[Item], r: int) -> bool:
    """Whether item r is a comma in a list of "Post, ông B" pairs ("Bộ trưởng X, bà A, Bộ trưởng
    Y, ông B"): the pair after it follows a name printed so, or another pair follows it. Each post
    there is the next name's, not an appositive of the name before."""
    if not (0 < r < len(items) and _text(tokens, items[r]) == "," and _fronted_pair(tokens, items, r + 1)):
        return False
    return _fronted_name(tokens, items, r - 1) or (
        r + 5 < len(items) and _text(tokens, items[r + 5]) == "," and _fronted_pair(tokens, items, r + 6)
    )


# When a fronted post was held, printed between it and its comma: "Chủ tịch UBND TP Hà Nội hiện
# nay, ông A" (body_ends.txt keeps these words out of the body).
POST_TIME_WORDS = frozenset(
    {("hiện",), ("hiện", "nay"), ("hiện", "tại"), ("khi", "đó"), ("lúc", "đó"), ("đương", "nhiệm")}
)


def _before_time_words(tokens: list[Token], items: list[Item], r: int) -> int:
    """The item before the words of POST_TIME_WORDS that end at item r, else r."""
    for n in (1, 2):
        start = r - n + 1
        if start >= 1 and all(it.kind == "X" for it in items[start : r + 1]):
            words = tuple(t.key for it in items[start : r + 1] for t in tokens[it.start : it.end])
            if words in POST_TIME_WORDS:
                return start - 1
    return r


def _before_locative(tokens: list[Token], items: list[Item], r: int) -> int:
    """The item before a "tại <Place>" that item r ends ("Đại sứ Mỹ tại Việt Nam, ông A": where
    the post is held, not a part of it), else r."""
    place = r >= 2 and items[r].kind == "X" and tokens[items[r].start].is_cap
    return r - 2 if place and _text(tokens, items[r - 1]) == "tại" else r


def _post_titles(tokens: list[Token], items: list[Item], p: int) -> list[int]:
    """Indices of appositive posts after name p ("A, Ủy viên Bộ Chính trị, Bí thư ..."; a post in
    lower case may follow the name with no mark between: "Đồng chí A phó bí thư Tỉnh ủy, ...")."""
    out = []
    q = _past_aside(tokens, items, p + 1)
    if q < len(items) and items[q].kind == "T" and not tokens[items[q].start].is_cap:
        out.append(q)
        q += 1
    while q + 1 < len(items) and _is_sep(tokens, items[q], APPOSITIVE_SEPARATORS):
        if items[q + 1].kind != "T":
            past = _description_end(tokens, items, q + 1)
            if past is None:
                break
            q = past  # "bà A, đảng viên Chi bộ thôn X thuộc Đảng bộ xã Y, nguyên Phó Bí thư ..."
            continue
        nxt = items[q + 2] if q + 2 < len(items) else None
        if _parallel_fronted(tokens, items, q):
            break  # "Post, bà A, Post, ông B": the second post opens B's, as the first opened A's
        if nxt is not None and (
            nxt.kind == "N"
            or _one_word_name(tokens, items[q + 1], nxt)
            or _place_then_name(tokens, items, q + 2)
        ):
            break  # the post stands before the next name and is that name's
        out.append(q + 1)
        q += 2
    return out


# Lower-case words of a foreign unit a post may end with before its holder's name ("Thống đốc
# bang Texas John Conally"): the gazetteer knows no foreign state, so the post stops before them.
FOREIGN_UNIT_WORDS = frozenset({"bang", "tỉnh", "vùng", "xứ", "hạt"})
PLACE_BEFORE_NAME_MAX = 3


def _place_then_name(tokens: list[Token], items: list[Item], r: int) -> bool:
    """Whether items from r are a few capitalised words (a unit word may open them) and then an
    announced name: the post before r is that name's ("A, Thống đốc|bang Texas John Conally")."""
    k = r
    while k < len(items) and k - r < PLACE_BEFORE_NAME_MAX and items[k].kind == "X":
        t = tokens[items[k].start]
        if not (t.is_cap or (k == r and t.key in FOREIGN_UNIT_WORDS)):
            return False
        k += 1
    return k > r and k < len(items) and items[k].kind == "N" and items[k].announced


def _one_word_name(tokens: list[Token], post: Item, nxt: Item) -> bool:
    """A capitalised foreign word right after a capitalised post, no place and followed by a
    word: a name of one word, the post's holder ("B, Tổng thống Macron đã ...")."""
    t = tokens[nxt.start]
    return (
        tokens[post.start].is_cap  # "A - phó chủ tịch Urbaser, công ty ...": a firm's name
        and nxt.end < len(tokens)
        and tokens[nxt.end].kind == "word"  # "Tổng thống Macron đã ..."
        and nxt.kind == "X"
        and nxt.start == post.end
        and nxt.end == nxt.start + 1
        and t.is_cap
        and not t.is_upper
        and not is_vietnamese_syllable(t.text)
        and not starts_place(tokens, nxt.start)
    )


ASIDE_MAX = 10  # items of a bracketed aside between a name and its posts


def _past_aside(tokens: list[Token], items: list[Item], q: int) -> int:
    """The item after a bracketed aside in lower case that opens at q, such as a photo caption's
    "(thứ hai từ phải sang)" between a name and its posts; q when none opens there."""
    if q >= len(items) or _text(tokens, items[q]) != "(":
        return q
    for r in range(q + 1, min(len(items), q + ASIDE_MAX)):
        if _text(tokens, items[r]) == ")":
            return r + 1 if r > q + 1 else q
        if items[r].kind != "X" or tokens[items[r].start].is_cap:
            return q
    return q


DESCRIPTION_MAX = 30  # tokens of a descriptive appositive between a name and its posts


def _description_end(tokens: list[Token], items: list[Item], r: int) -> int | None:
    """The comma closing a descriptive appositive that opens at item r and is followed by posts:
    lower-case words and bodies, in brackets too, with no name, post or clause mark ("đảng viên
    Chi bộ thôn X thuộc Đảng bộ xã Y (TP Z)"); None when r opens none."""
    if tokens[items[r].start].is_cap or items[r].kind != "X":
        return None
    depth, has_body = 0, False
    for k in range(r, len(items)):
        item, text = items[k], _text(tokens, items[k])
        if item.end - items[r].start > DESCRIPTION_MAX or item.kind in ("N", "S", "T"):
            return None
        depth += (text == "(") - (text == ")")
        if text in (";", ":", ".", "!", "?") or depth < 0:
            return None
        has_body = has_body or item.kind == "O"
        if text == "," and depth == 0:
            nxt = items[k + 1] if k + 1 < len(items) else None
            return k if has_body and nxt is not None and nxt.kind == "T" else None
    return None


# Counts right before a post that a list of names shares: "hai Phó Chủ tịch A và B", "3 Thứ
# trưởng A, B, C" ("năm" is left out: it is also "year", "cuối năm Chủ tịch A ...").
PLURAL_COUNTS = frozenset({"hai", "ba", "bốn", "sáu", "bảy", "tám", "chín", "mười", "những"})


def _plural_before(tokens: list[Token], item: Item) -> bool:
    """ "các đồng chí Phó Ban ...", "các Ủy viên ...", "hai Phó Chủ tịch ...": one post for a list
    of people."""
    before = [t.key for t in tokens[max(0, item.start - 3) : item.start]]
    if "các" in before:
        return True
    if item.start == 0:
        return False
    count = tokens[item.start - 1]
    return count.key in PLURAL_COUNTS or (count.kind == "num" and count.text.isdigit())


SHARING_JOINS = frozenset({"-", "–", "—", "kiêm"})


def _posts_before_last_two(items: list[Item], kinds: str = "T") -> list[int]:
    """Places of the items of ``kinds`` (posts, bodies) with two items after them, in order: the
    rules that join a post or body to the one after a mark read only these, not every word."""
    return [q for q in range(len(items) - 2) if items[q].kind in kinds]


def _share_joined_bodies(tokens: list[Token], items: list[Item]) -> None:
    """ "Phó Chủ tịch - Tổng Thư ký UBTƯ MTTQ Việt Nam": two posts joined by a dash or "kiêm" share
    the body printed after the second (title_spans.shares_body says when)."""
    for q in reversed(_posts_before_last_two(items)):  # from the right: "A - B - C Ủy ban X" passes it back
        first, join, second = items[q : q + 3]
        if (
            first.kind == "T"
            and second.kind == "T"
            and _text(tokens, join) in SHARING_JOINS
            and first.title is not None
            and second.title is not None
            and shares_body(tokens, first.title, second.title)
        ):
            first.title = replace(first.title, body=second.title.body)


PARTY_SECRETARIES = frozenset({("bí", "thư"), ("phó", "bí", "thư"), ("phó", "bí", "thư", "thường", "trực")})
COMMITTEE_CHAIN_JOINS = frozenset({",", "-", "–", "kiêm"})


def _share_party_committee(tokens: list[Token], items: list[Item]) -> None:
    """ "A, phó bí thư, Chủ nhiệm Ủy ban kiểm tra Đảng ủy xã X", "Phó Bí thư Thường trực, Trưởng Ban
    Dân vận Tỉnh ủy": a secretary's post printed bare before a post in one of a party committee's
    own bodies is that committee's secretary. Only a committee of a place or a unit (Tỉnh ủy, Đảng
    ủy, Chi bộ), never the centre's ("Bộ Chính trị"), and never a people's committee ("Phó Bí thư -
    Chủ tịch UBND xã" names the commune's party committee, which is not printed)."""
    for q in reversed(_posts_before_last_two(items)):  # from the right: a chain of three passes it back
        first, join, second = items[q : q + 3]
        if not (first.kind == "T" and second.kind == "T" and _text(tokens, join) in COMMITTEE_CHAIN_JOINS):
            continue
        post, later = first.title, second.title
        if post is None or later is None or post.body is not None or post.end != post.head_end:
            continue
        if tuple(t.key for t in tokens[post.head_start : post.head_end]) not in PARTY_SECRETARIES:
            continue
        body = later.body
        committee = (
            next(
                (found for k in range(body.start, body.end) if (found := _local_party_committee(tokens, k))),
                None,
            )
            if body is not None
            else None
        )
        if committee is not None:
            first.title = replace(post, body=committee)


def _local_party_committee(tokens: list[Token], k: int) -> BodySpan | None:
    """The party committee of a place or unit whose name starts at k ("Đảng ủy xã X", "Tỉnh ủy")."""
    n = starts_body_kind(tokens, k) if tokens[k].is_cap else 0
    kind = body_kinds()[tuple(t.key for t in tokens[k : k + n])] if n else None
    if kind is None or kind.kind != "party_committee" or kind.unique or kind.named:
        return None
    return body_at(tokens, k)


PARENT_CLOSERS = frozenset({"-", "–", "—", ";", ".", ")"})


def _share_parents(tokens: list[Token], items: list[Item]) -> None:
    """Commissions printed apart from their parent: "Ban Tổ chức, Ban Tuyên giáo - Dân vận Tỉnh ủy"
    (the first shares the second's committee, bodies.with_shared_parent), and "Trưởng Ban Công tác
    Phụ nữ, Ủy ban MTTQ Việt Nam tỉnh -" (a commission's post, a comma and a body that closes the
    appositive: the body is the commission's parent)."""
    for q in _posts_before_last_two(items, "TO"):
        first, join, second = items[q : q + 3]
        if first.body and second.body and _text(tokens, join) in LIST_SEPARATORS:
            shared = with_shared_parent(tokens, first.body, second.body)
            if shared:
                first.body = shared
        after = items[q + 3] if q + 3 < len(items) else None
        post = first.title
        if (
            post is not None
            and post.body is not None
            and post.body.end == post.end
            and tokens[post.body.start].key == "ban"
            and post.body.tail is None
            and _text(tokens, join) == ","
            and second.kind == "O"
            and second.body is not None
            and not second.body.bare
            and (after is None or _text(tokens, after) in PARENT_CLOSERS)
        ):
            first.title = replace(post, body=replace(post.body, bare=False, tail=(second.start, second.end)))


def parse_sentence(tokens: list[Token]) -> SentenceParse:
    items = chunk(tokens)
    _share_joined_bodies(tokens, items)
    _share_parents(tokens, items)
    _share_party_committee(tokens, items)
    names: dict[int, NameInSentence] = {}
    for p, item in enumerate(items):
        if item.kind == "S":
            names[p] = NameInSentence(item, cued=True, short=True)
            continue
        if item.kind != "N":
            continue
        found = NameInSentence(item, cued=_cued(tokens, items, p))
        found.titles = [
            items[q].title
            for q in _pre_titles(tokens, items, p)
            + _fronted_titles(tokens, items, p)
            + _post_titles(tokens, items, p)
        ]
        found.cued = found.cued or bool(found.titles)
        names[p] = found
    _share_list_titles(tokens, items, names)
    _distribute_colon_titles(tokens, items, names)
    _give_verb_titles(tokens, items, names)
    _give_object_titles(tokens, items, names)
    _give_copula_titles(tokens, items, names)
    bodies = [it.body for it in items if it.body] + [
        it.title.body for it in items if it.title and it.title.body and it.title.body.start >= it.start
    ]
    return SentenceParse(tokens, items, list(names.values()), bodies)


def _share_list_titles(tokens: list[Token], items: list[Item], names: dict[int, NameInSentence]) -> None:
    for q, item in enumerate(items):
        if item.kind == "T" and q + 2 < len(items) and _text(tokens, items[q + 1]) in LIST_OPENERS:
            opener = q + 2 if _text(tokens, items[q + 2]) != "có" else q + 3  # "gồm có"
            if opener < len(items) and (
                _text(tokens, items[opener]) == "các"
                or (_plural_before(tokens, item) and _text(tokens, items[opener]) in SUBJECT_CUES)
            ):
                _give_listed(tokens, items, names, opener, item.title)  # "5 phó chủ tịch là ông A, B"
    for p in sorted(names):
        first = names[p]
        if not (p > 0 and items[p - 1].kind == "T" and _plural_before(tokens, items[p - 1])):
            continue
        shared = items[p - 1].title
        q = p + 1
        while q + 1 < len(items) and _is_sep(tokens, items[q], LIST_SEPARATORS) and q + 1 in names:
            follower = names[q + 1]
            if follower.titles:
                break
            follower.titles.append(shared)
            follower.cued = True
            q += 2
        del first


def _distribute_colon_titles(
    tokens: list[Token], items: list[Item], names: dict[int, NameInSentence]
) -> None:
    for q, item in enumerate(items):
        if item.kind != "T" or q + 1 >= len(items) or _text(tokens, items[q + 1]) != ":":
            continue
        if not _plural_before(tokens, item):
            continue
        for p in names:
            if p > q + 1 and item.title not in names[p].titles:
                names[p].titles.insert(0, item.title)


VERB_GAP_MAX = 8  # lower-case words between a person's appositives and a verb that gives a post
SUBJECT_CUES = frozenset({"ông", "bà", "đồng chí", "anh", "chị"})
LIST_CUES = SUBJECT_CUES | {"các"}
# "bầu 4 Phó Chủ tịch gồm các bà A, B, C": the post of each name the list gives.
LIST_OPENERS = frozenset({"gồm", "là", ":"})
OBJECT_GAP_MAX = 12  # tokens between a post named as an object and "đối với"


def _add_title(found: NameInSentence, title: TitleSpan | None) -> None:
    if title is not None and title not in found.titles:
        found.titles.append(title)
        found.cued = True


def _give_copula_titles(tokens: list[Token], items: list[Item], names: dict[int, NameInSentence]) -> None:
    """ "Bộ trưởng Nội vụ Israel lúc đó là ông A", "Chủ tịch UBND tỉnh hiện nay là bà B": a post
    said to be a person by "là" (when it was held may come between) is that person's."""
    for p in sorted(names):
        r = p - 1
        if r >= 0 and items[r].kind == "X" and _text(tokens, items[r]) in SUBJECT_CUES:
            r -= 1
        if r < 1 or items[r].kind != "X" or _text(tokens, items[r]) != "là":
            continue
        q = _before_time_words(tokens, items, r - 1)
        if q >= 1 and _text(tokens, items[q]) in ("này", "đó"):
            q -= 1  # "Giám đốc Sở này hiện là ông A": the department the article is about
        if q >= 0 and items[q].kind == "T":
            _add_title(names[p], items[q].title)
    for p, found in names.items():
        if found.cued and _said_to_be(tokens, items, p):
            _add_title(found, items[p + 2].title)  # "ông Hùng là bí thư Tỉnh ủy Hậu Giang"


def _said_to_be(tokens: list[Token], items: list[Item], p: int) -> bool:
    """Whether name p is followed by "là" and a post: the post is said of the person, unless the
    post announces a name of its own ("kế nhiệm ông A là Phó Chủ tịch Quốc hội B": B's post)."""
    return (
        p + 2 < len(items)
        and _text(tokens, items[p + 1]) == "là"
        and items[p + 2].kind == "T"
        and not (p + 3 < len(items) and items[p + 3].kind in ("N", "H"))
    )


def _give_verb_titles(tokens: list[Token], items: list[Item], names: dict[int, NameInSentence]) -> None:
    """ "ông A, Phó Bí thư Huyện ủy, đã được bầu giữ chức vụ Chủ tịch ...", "bầu ông B làm Chủ tịch
    ...": the post after a verb of post_verbs.txt is the person's before it, and that of every
    person listed with him ("ông C, ... và bà D, ... được bầu giữ chức vụ ...")."""
    verbs, far = post_verb_phrases(), sentence_post_verb_phrases()
    for q, item in enumerate(items):
        if item.kind != "T" or not preceded_by(tokens, item.start, verbs):
            continue
        subjects = _subjects_before(tokens, items, names, q)
        if not subjects and preceded_by(tokens, item.start, far):
            subjects = _nearest_object(tokens, items, names, q)
        for p in subjects:
            _add_title(names[p], item.title)


def _nearest_object(
    tokens: list[Token], items: list[Item], names: dict[int, NameInSentence], q: int
) -> list[int]:
    """The person a far "giữ chức" before item q is said of: the nearest one before it (a short
    reference such as "ông Bảo" too) when a cue or a post announces him, the one an appointment or
    a transfer names ("bổ nhiệm ông A, ..., giữ chức vụ ..."); none when the nearest is unannounced."""
    before = [p for p in sorted(names) if p < q]
    if not before:
        return []
    p = before[-1]
    return [p] if names[p].short or names[p].cued else []


def _subjects_before(
    tokens: list[Token], items: list[Item], names: dict[int, NameInSentence], q: int
) -> list[int]:
    """The names a verb before item q has for subject: the nearest one, past lower-case words and
    its own appositives, and those listed with it by "và" or a comma."""
    r, gap = q - 1, 0
    while r >= 0 and items[r].kind == "X" and not tokens[items[r].start].is_cap and gap < VERB_GAP_MAX:
        gap += items[r].end - items[r].start
        r -= 1
    r = _before_bracket(tokens, items, r)  # "ông A (Bí thư Tỉnh ủy X) làm Bộ trưởng ..."
    if r >= 0 and _is_sep(tokens, items[r], APPOSITIVE_MARKS):
        r -= 1
    out: list[int] = []
    while r >= 0:
        while r >= 1 and items[r].kind in ("T", "O") and _is_sep(tokens, items[r - 1], APPOSITIVE_MARKS):
            r -= 2  # back over the appositive chain to the name
        if r < 0 or r not in names or items[r].kind != "N":
            break
        if _cue_before(tokens, items[r].start, kin_cue_phrases()):
            break  # "bố chồng A làm chủ tịch": the post is A's kin's
        passive = _passive_mark(tokens, items, r)
        if passive is not None:
            # "A được Thủ tướng B bổ nhiệm làm Bộ trưởng": B appoints, A (or nobody) is appointed
            return out or _subjects_before(tokens, items, names, passive)
        out.append(r)
        r -= 1
        while r >= 0 and items[r].kind == "X" and _text(tokens, items[r]) in SUBJECT_CUES:
            r -= 1
        if not (r >= 1 and _is_sep(tokens, items[r], LIST_SEPARATORS) and items[r - 1].kind in ("N", "T")):
            break
        r -= 1
    return out


PASSIVE_MARKS = frozenset({"được", "bị"})


def _passive_mark(tokens: list[Token], items: list[Item], r: int) -> int | None:
    """The item of "được"/"bị" printed right before name r and its posts, when r is the agent of
    a passive verb ("được Thủ tướng B bổ nhiệm"); None when it is not."""
    first = min([r, *_pre_titles(tokens, items, r)])
    return first - 1 if first >= 1 and _text(tokens, items[first - 1]) in PASSIVE_MARKS else None


def _before_bracket(tokens: list[Token], items: list[Item], r: int) -> int:
    """The item before the bracket that item r closes (r itself when r closes none)."""
    if r < 0 or _text(tokens, items[r]) != ")":
        return r
    for k in range(r - 1, max(-1, r - ASIDE_MAX * 2), -1):
        if _text(tokens, items[k]) == "(":
            return k - 1
    return r


def _give_object_titles(tokens: list[Token], items: list[Item], names: dict[int, NameInSentence]) -> None:
    """ "miễn nhiệm chức danh Chủ tịch UBND huyện đối với ông A và bà B": a post named as the object
    of a decision is the post of the people "đối với" names after it, in the same clause."""
    objects = post_object_phrases()
    for q, item in enumerate(items):
        if item.kind != "T" or not preceded_by(tokens, item.start, objects):
            continue
        if q + 1 < len(items) and _text(tokens, items[q + 1]) in ("của", "với"):
            _give_listed(tokens, items, names, q + 2, item.title)  # "chức vụ X của ông A"
            continue
        r = q + 1
        while (
            r < len(items)
            and items[r].start - item.end < OBJECT_GAP_MAX
            and _text(tokens, items[r]) not in (";", ".", ":")
            and items[r].kind not in ("N", "T")
            and not (
                _text(tokens, items[r]) == "đối"
                and r + 1 < len(items)
                and _text(tokens, items[r + 1]) == "với"
            )
        ):
            r += 1
        if r + 1 < len(items) and _text(tokens, items[r]) == "đối":
            _give_listed(tokens, items, names, r + 2, item.title)


def _give_listed(
    tokens: list[Token], items: list[Item], names: dict[int, NameInSentence], r: int, title: TitleSpan | None
) -> None:
    """Give ``title`` to the names listed from item r on ("ông A và bà B", "các bà A, B, C")."""
    while r < len(items):
        while r < len(items) and items[r].kind == "X" and _text(tokens, items[r]) in LIST_CUES:
            r += 1
        if r not in names or items[r].kind != "N":
            break
        _add_title(names[r], title)
        r += 1
        if not (r < len(items) and _is_sep(tokens, items[r], LIST_SEPARATORS)):
            break
        r += 1
