"""The grammar of a post: [prefix] HEAD [BODY].

``gazetteers/title_heads.txt`` lists the heads ("Bí thư", "Phó Chủ tịch", "Thiếu tướng");
the body is read by ``bodies.body_at``. "nguyên Bí thư Tỉnh ủy" keeps "nguyên" (former).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from vnpolitics.extract.admin_places import admin_place_phrases
from vnpolitics.extract.bodies import (
    BodySpan,
    after_capitalised_word,
    body_at,
    bracketed_body,
    gloss_end,
    opens_longer_word,
)
from vnpolitics.extract.gazetteer import (
    body_end_phrases,
    body_kinds,
    country_short_forms,
    dropped_prefixes,
    former_prefixes,
    lowercase_body_phrases,
    personal_cue_phrases,
    predicate_phrases,
    title_heads,
    title_prefixes,
)
from vnpolitics.extract.names import (
    ADMIN_UNITS,
    NUMBERED_UNITS,
    cued_name_length_at,
    is_foreign_shaped,
    name_length_at,
    starts_body_kind,
    starts_place,
    starts_title_head,
)
from vnpolitics.extract.syllables import is_vietnamese_syllable
from vnpolitics.extract.tokens import Token


@dataclass(frozen=True)
class TitleSpan:
    start: int  # token indices, end exclusive; start is the prefix ("nguyên") when one is printed
    end: int
    body: BodySpan | None
    head_start: int  # the head's tokens ("Phó Bí thư"): what lies between start and head_start is
    head_end: int  # the prefix, what follows head_end the body or a field/place ("Ngoại giao")


def title_text(tokens: list[Token], title: TitleSpan) -> str:
    """The post as printed, with the body it shares when that body is printed after it ("Phó Chủ
    tịch" of "Phó Chủ tịch - Tổng Thư ký UBTƯ MTTQ Việt Nam" reads "Phó Chủ tịch UBTƯ MTTQ Việt Nam")."""
    words = [t.text for t in tokens[title.start : title.end]]
    if title.body is not None and title.body.start >= title.end:
        words += [t.text for t in tokens[title.body.start : title.body.end]]
    if title.body is not None and title.body.tail:
        words += [t.text for t in tokens[title.body.tail[0] : title.body.tail[1]]]
    return " ".join(words)


def is_former(tokens: list[Token], title: TitleSpan) -> bool:
    """Whether the post is printed as one no longer held ("nguyên", "cựu")."""
    return title.head_start > title.start and tokens[title.start].key in former_prefixes()


def shares_body(tokens: list[Token], first: TitleSpan, second: TitleSpan) -> bool:
    """Whether ``first``, printed bare before a dash or "kiêm" and ``second``, holds office in
    ``second``'s body: a collegial office (title_heads.txt) before a post named by its own head
    ("Tổng Thư ký UBTƯ ..."), not by its body's kind ("Trưởng Ban Kinh tế - Ngân sách HĐND" is a
    commission's head, whose deputy chair is not the commission's)."""
    head = title_heads()[tuple(t.key for t in tokens[first.head_start : first.head_end])]
    other = title_heads()[tuple(t.key for t in tokens[second.head_start : second.head_end])]
    return (
        first.body is None
        and first.end == first.head_end
        and head.collegial
        and second.body is not None
        and not other.needs_body
    )


def title_at(tokens: list[Token], i: int, allow_lower: bool = False) -> TitleSpan | None:
    """The post printed from token i, if one starts there.

    ``allow_lower`` accepts a head in lower case, as some outlets print appositives
    ("Trần Văn A - bí thư Tỉnh ủy").
    """
    i, k = _past_prefix(tokens, i)
    if not (tokens[k].is_cap or (allow_lower and tokens[k].kind == "word")):
        return None
    best = None
    for n in _head_lengths(tokens, k):
        found = _with_head(tokens, i, k, n)
        if found and (best is None or found.end > best.end):
            best = found  # longest head first; a shorter one wins only by reading further
    return best


def _past_prefix(tokens: list[Token], i: int) -> tuple[int, int]:
    """(where the post starts, where its head starts) for a post read from token i: past a prefix
    ("nguyên", "tân"), the post opening after a prefix it drops ("tân Chủ tịch" is the same post,
    newly taken)."""
    k = i
    if tokens[k].key in title_prefixes() and k + 1 < len(tokens):
        k += 1
        if tokens[i].key in dropped_prefixes():
            i = k
    return i, k


def head_in_lower_case(tokens: list[Token], i: int) -> bool:
    """Whether a post read from token i would have its head in lower case: only there does
    ``title_at``'s ``allow_lower`` change the answer."""
    k = _past_prefix(tokens, i)[1]
    return not tokens[k].is_cap and tokens[k].kind == "word"


def _head_lengths(tokens: list[Token], k: int) -> list[int]:
    """Lengths of every head of title_heads.txt that starts at k, longest first: "Trưởng đoàn" and
    "Trưởng" both start "Trưởng Đoàn đại biểu Quốc hội tỉnh X"."""
    n = starts_title_head(tokens, k)
    heads = title_heads()
    return [m for m in range(n, 0, -1) if tuple(t.key for t in tokens[k : k + m]) in heads]


def _with_head(tokens: list[Token], i: int, k: int, n: int) -> TitleSpan | None:
    """The post read with the head tokens[k : k + n], if that head makes one."""
    head = title_heads()[tuple(t.key for t in tokens[k : k + n])]
    body = None if head.is_rank else body_at(tokens, k + n, allow_lower=True, announced=head.needs_body)
    if body is None and head.needs_body:
        return None
    if body is not None and not body.unique:
        body = _run_to_name(tokens, body)
    if (
        body is not None
        and body.bare
        and not body.unique
        and not tokens[body.start].is_cap
        and starts_body_kind(tokens, body.start) == 1
        and opens_longer_word(tokens, body.start)
    ):
        return None  # "Trưởng ban|công tác ...QHNguyễn": a glued word read as a kind names nothing
    end = k + n
    if body is not None:
        body, end = _with_bracketed_parent(tokens, body)
    if body is None and head.takes_field:
        end = _field_end(tokens, end)
    if body is None:
        end += (
            starts_place(tokens, end)
            or _unit_place(tokens, end)
            or _bare_unit(tokens, end, head.is_rank)
            or _country_short_form(tokens, end)
        )
    if head.posted:
        end = _posted_place_end(tokens, end, body is None)
    return TitleSpan(i, end, body, k, k + n)


def _country_short_form(tokens: list[Token], j: int) -> int:
    """1 when token j is a country's one-syllable short form before a foreign name: "Thủ tướng
    Nhật|Shinzo Abe", "Tổng thống Hàn|Moon Jae-in" (the country of the post; "Hàn", "Nhật" are
    family names too, so only before a name no Vietnamese reads); else 0."""
    if j + 1 >= len(tokens) or tokens[j].key not in country_short_forms() or not tokens[j].is_cap:
        return 0
    n = cued_name_length_at(tokens, j + 1)
    return 1 if n and is_foreign_shaped(tokens, j + 1, j + 1 + n) else 0


def _posted_place_end(tokens: list[Token], end: int, bare: bool) -> int:
    """Past "tại <Place>" after a posted office, and a bare office's sending body printed as an
    acronym before it ("Trưởng Đại diện UNDP tại Việt Nam"); ``end`` when nothing follows so."""
    j = end + 1 if bare and end < len(tokens) and tokens[end].is_upper else end
    if j + 1 < len(tokens) and tokens[j].key == "tại":
        place = starts_place(tokens, j + 1)
        if place:
            return j + 1 + place
    return end


RUN_TO_NAME_MAX = 10  # tokens a body's name may run on in lower case before the name it announces


def _run_to_name(tokens: list[Token], body: BodySpan) -> BodySpan:
    """A post's body runs to the name the post announces, or to the mark that closes the
    appositive, over lower-case words that are no verb: the National Assembly's committees and a
    ministry's departments are printed so ("Chủ nhiệm UB các vấn đề xã hội Trần Thị An", "Chủ
    nhiệm UB Tài chính, Ngân hàng, Ngân sách Lê Văn Bình", "Vụ trưởng Vụ Chính sách đối ngoại -
    Bộ Ngoại giao"). No verb (by the predicate list or pyvi's tag), cue, post or other body may come
    between; before a mark every word must be one pyvi tagged as no verb."""
    bracket = _lower_run_to_bracket(tokens, body)
    if bracket:
        return replace(body, end=bracket, bare=False)
    j = body.end
    tagged = nouns = True  # every word so far tagged by pyvi; and as a noun
    while j < len(tokens) and j - body.end < RUN_TO_NAME_MAX:
        t = tokens[j]
        field = tokens[j - 1].key == "và" and after_capitalised_word(tokens, j - 1)
        if field and name_length_at(tokens, j):
            j += name_length_at(tokens, j)  # "Vụ Giáo dục và Đào Tạo": a field, though a name's shape
            continue
        if name_length_at(tokens, j):
            end = j - 1 if tokens[j - 1].key == "và" else j  # "HĐQT tổng công ty|và B - ...": a list
            return replace(body, end=end, bare=False) if end > body.end else body
        parent = _closing_parent(tokens, j)
        if parent and tagged:
            return replace(body, end=j + parent, bare=False)  # "ban công tác đại biểu Quốc hội"
        parent = _closing_parent(tokens, j + 1) if t.key == "của" and j + 1 < len(tokens) else 0
        if parent and j > body.start + 1:  # capitalised fields too: "UB Tài chính, Ngân sách|của QH"
            return replace(body, end=j + 1 + parent, bare=False)  # "ủy ban Tư pháp của QH A"
        place = _unit_and_place(tokens, j) or (
            starts_place(tokens, j) if _field_noun_before(tokens, j) else 0
        )
        if place:
            j += place  # "Giám đốc Trung tâm y tế huyện Đại Lộc", "Sở Văn hóa thể thao|Hà Nội": no name
            continue
        if t.text == "(" and tagged and j > body.end and _gloss_closes(tokens, j):
            return replace(body, end=j, bare=False)  # "Ban Quản lý dự án|(Ban QLDA), ..."
        if t.text in APPOSITIVE_ENDS:
            if (
                j + 1 < len(tokens)
                and t.text == ","
                and tokens[j + 1].is_cap
                and not name_length_at(tokens, j + 1)
            ):
                j += 1  # "Tài chính, Ngân hàng, ..." when a name follows after all
                continue
            run = _lower_run_to_name(tokens, j + 1) if t.text in ("-", "–", ",") else 0
            if run:
                return replace(body, end=run, bare=False)  # "UB Tài chính - ngân sách của Quốc hội A"
            return replace(body, end=j, bare=False) if tagged and j > body.end else body
        words = lowercase_body_phrases().longest_at(tokens, j) if not t.is_cap else 0
        if words:
            j += words  # "ban công tác đại biểu": a body's own lower-case words, though a post's shape
            continue
        if t.key == "và" and j + 1 < len(tokens) and not _opens_other(tokens, j + 1):
            j += 1
            nouns = False  # "Hội LHPN Việt Nam|và lãnh đạo tỉnh X chúc mừng": another subject
            continue
        if nouns and j > body.end and _needs_field(body) and _verb_at(tokens, j):
            return replace(body, end=j, bare=False)  # "Trưởng Ban dân tộc|có số phiếu ...": nouns, a verb
        if t.kind != "word" or _opens_other(tokens, j) or t.pos.startswith("V"):
            return body
        tagged = tagged and bool(t.pos) and not t.is_cap
        nouns = nouns and tagged and t.pos.startswith("N")
        j += 1
    return body


def _gloss_closes(tokens: list[Token], j: int) -> bool:
    """Whether an acronym's gloss opens at j and the appositive closes after it (a mark, a verb,
    a name or the end): "Ban Quản lý dự án (Ban QLDA), ..."."""
    after = gloss_end(tokens, j)
    return after > j and (
        after == len(tokens)
        or tokens[after].text in APPOSITIVE_ENDS
        or _opens_other(tokens, after)
        or bool(name_length_at(tokens, after))
    )


def _needs_field(body: BodySpan) -> bool:
    """A kind printed alone that names no body without its field ("Ban", "Sở", "Phòng"), unlike
    one that names the article's own ("Thành ủy") or one on its own ("Quốc hội")."""
    return body.bare and not (body.unique or body.of_place)


def _field_noun_before(tokens: list[Token], j: int) -> bool:
    """Whether a capitalised word at j comes right after a lower-case noun of a body's field, so
    that a place there ends the name ("Sở Văn hóa thể thao|Hà Nội"), not after a preposition ("Sở
    ở|Yên Bái", "tới|Indonesia") or a comma ("TP HCM,|Hà Nội")."""
    before = tokens[j - 1]
    return tokens[j].is_cap and before.kind == "word" and not before.is_cap and before.pos.startswith("N")


def _with_bracketed_parent(tokens: list[Token], body: BodySpan) -> tuple[BodySpan, int]:
    """The post's body and end with the parent printed in a bracket after the body's name
    (``_parent_bracket_end``) as its ``tail``. The body's span may hold the bracket already, read
    as a gloss ("Phòng Dịch vụ (Cục Hàng hải VN)"): it keeps it, so the hierarchy still reads the
    parent there, and the canonical name skips the gloss and ends with the tail."""
    if body.tail is not None:
        return body, body.end
    opening = tokens[body.start].key
    if tokens[body.end - 1].text == ")":
        o = next((k for k in range(body.end - 2, body.start, -1) if tokens[k].text == "("), None)
        after = _parent_bracket_end(tokens, o, opening) if o is not None else 0
        if after == body.end:
            return replace(body, bare=False, tail=(o + 1, body.end - 1)), body.end
        return body, body.end
    after = _parent_bracket_end(tokens, body.end, opening)
    if not after:
        return body, body.end
    return replace(body, bare=False, tail=(body.end + 1, after - 1)), after


def _parent_bracket_end(tokens: list[Token], j: int, opening: str) -> int:
    """The token after ")" when a bracket at j holds the parent of a body opened by ``opening``:
    before the holder's name ("Trưởng phòng Dịch vụ (Cục Hàng hải VN) A"), or closing the
    appositive when the bracket's body has a name of its own and opens with another word ("A,
    Trưởng ban Văn hóa - Xã hội (HĐND TP. HCM) cho biết"; "Ban Quản lý dự án (Ban QLDA)" is a
    gloss, no parent); else 0."""
    inner = bracketed_body(tokens, j)
    if inner is None:
        return 0
    after = inner.end + 1
    named = after < len(tokens) and name_length_at(tokens, after)
    closes = (
        not inner.bare
        and tokens[inner.start].key != opening
        and (after == len(tokens) or tokens[after].text in APPOSITIVE_ENDS or _opens_other(tokens, after))
    )
    return after if named or closes else 0


def _lower_run_to_bracket(tokens: list[Token], body: BodySpan) -> int:
    """Where a body's lower-case words end when they run from its end to a bracketed parent
    ("Phòng Dịch vụ vận tải hàng hải|(Cục Hàng hải VN) A", "Cục Cảnh sát hình sự|(Bộ Công an)
    cho biết"): the bracket says the run is the body's field, so a word pyvi tags as a verb ("vận
    tải") does not end it; a listed predicate, a cue, a post or another body still does. 0 when
    the words do not run so."""
    j = k = body.end
    while k < len(tokens) and k - j < RUN_TO_NAME_MAX:
        t = tokens[k]
        if t.text == "(":
            return k if k > j and _parent_bracket_end(tokens, k, tokens[body.start].key) else 0
        if t.kind != "word" or t.is_cap or _opens_other(tokens, k):
            return 0
        k += 1
    return 0


APPOSITIVE_ENDS = frozenset({",", "-", "–", "—", ";", "."})


LOWER_RUN_MAX = 14  # tokens of a lower-case field after a mark ("giáo dục, thanh niên, ... nhi đồng")


def _lower_run_to_name(tokens: list[Token], j: int) -> int:
    """Where a body's name ends when lower-case words that are no verb, cue or post run from j to
    a person's name, perhaps through "của" and a body that names one body on its own ("ngân sách
    của Quốc hội A"), or nouns run to what follows a name ("khóa 13"); 0 when they do not."""
    k, nouns_only = j, True
    while k < len(tokens) and k - j < LOWER_RUN_MAX:
        if name_length_at(tokens, k):
            return k if k > j else 0
        if k > j and nouns_only and tokens[j].pos and body_end_phrases().longest_at(tokens, k):
            # "UB Văn hóa, giáo dục, thanh niên, thiếu niên và nhi đồng|khóa 13"; a run pyvi never
            # tagged from its start is no field it saw ("phòng giáo dục huyện - vi phạm ...|tổ chức")
            return k
        parent = _closing_parent(tokens, k)
        if parent:
            end = k + parent
            return end if k > j and end < len(tokens) and name_length_at(tokens, end) else 0
        t = tokens[k]
        if t.key in ("của", "và", ",") and k > j:
            nouns_only = nouns_only and t.key != "của"
            k += 1
            continue
        if t.is_cap or t.kind != "word" or t.pos.startswith("V") or _opens_other(tokens, k):
            return 0
        nouns_only = nouns_only and (not t.pos or t.pos.startswith("N"))  # untagged far from a capital
        k += 1
    return 0


def _closing_parent(tokens: list[Token], j: int) -> int:
    """Tokens of a body that names one body on its own ("Quốc hội", "Chính phủ"), the one of the
    article's place ("Tỉnh ủy") or the one of a unit it names ("HĐND TP Hà Nội"), starting at j
    and closing the appositive (a name, a mark, a verb or the end follows), 0 otherwise: the parent of the
    lower-case body before it ("ban công tác đại biểu Quốc hội", "Ban tuyên giáo Tỉnh ủy")."""
    n = starts_body_kind(tokens, j) if tokens[j].is_cap or tokens[j].abbr else 0
    kind = body_kinds()[tuple(t.key for t in tokens[j : j + n])] if n else None
    if kind is None:
        return 0
    end = j + n
    unit = _unit_place(tokens, end) if end < len(tokens) else 0
    if not (kind.unique or kind.of_place or (unit and not kind.named)):
        return 0  # a generic kind names one body with its unit and place: "ban pháp chế|HĐND TP Hà Nội"
    if kind.of_place and end < len(tokens):
        end += starts_place(tokens, end) or unit  # "Ban tuyên giáo Tỉnh ủy Sơn La"
    elif unit:
        end += unit
    n = end - j
    closes = (
        end == len(tokens)
        or tokens[end].text in APPOSITIVE_ENDS
        or name_length_at(tokens, end)
        or _verb_at(tokens, end)  # "Trưởng ban tuyên giáo Tỉnh ủy|phát biểu"
    )
    return n if closes else 0


def _unit_and_place(tokens: list[Token], j: int) -> int:
    """Tokens of a one-word unit and the Vietnamese unit's name after it ("huyện Đại Lộc",
    vietnam-provinces), 0 when none starts at j."""
    unit = _unit_words(tokens, j)  # "huyện|Đại Lộc", "thành phố|Tuy Hòa"
    if not unit or j + unit >= len(tokens) or not tokens[j + unit].is_cap:
        return 0
    n = admin_place_phrases().longest_at(tokens, j + unit)
    return unit + n if n else 0


def _opens_other(tokens: list[Token], j: int) -> bool:
    """Whether a verb, a cue, a post or another body starts at j; a kind alone between commas is a
    field of the name ("Ủy ban Tài chính, Ngân hàng, Ngân sách"), not another body."""
    kind = starts_body_kind(tokens, j) if tokens[j].is_cap else 0
    if kind and tokens[j - 1].text == "," and j + kind < len(tokens) and tokens[j + kind].text == ",":
        kind = 0
    return bool(
        starts_title_head(tokens, j)
        or kind
        or _verb_at(tokens, j)
        or body_end_phrases().longest_at(tokens, j)
        or personal_cue_phrases().longest_at(tokens, j)
    )


def _verb_at(tokens: list[Token], j: int) -> bool:
    """A listed predicate at j that is a word of its own, not the start of a longer one pyvi
    reads there ("dự" attends; "dự án" is a project)."""
    n = predicate_phrases().longest_at(tokens, j)
    return bool(n) and not (j + n < len(tokens) and tokens[j + n].word_id == tokens[j + n - 1].word_id)


def _bare_unit(tokens: list[Token], j: int, is_rank: bool) -> int:
    """1 for a unit word with no name after it that ends a post ("Phó Chủ tịch huyện", "Bí thư
    xã"): the post of that level's unit the article is about; 2 for an urban unit named by its
    number ("Phó chủ tịch quận 1"); 0 otherwise ("Thủ tướng Canada")."""
    if is_rank or j >= len(tokens) or (tokens[j].key,) not in ADMIN_UNITS:
        return 0
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if nxt is not None and nxt.kind == "num" and nxt.text.isdigit() and tokens[j].key in NUMBERED_UNITS:
        return 2
    return 1 if nxt is None or not (nxt.is_cap or nxt.word_id == tokens[j].word_id) else 0


TWO_WORD_UNITS = frozenset({("thành", "phố"), ("thị", "xã"), ("thị", "trấn")})


def _unit_place(tokens: list[Token], j: int) -> int:
    """Tokens of a unit and its capitalised name after a post with no body: "Tỉnh trưởng tỉnh Xay
    Nhạ Bu ly" (a Lao province, a place no gazetteer lists), "Phó chủ tịch TP Đà Nẵng" (a unit of
    two words before a unit's known name); 0 when none follows."""
    if j + 2 < len(tokens) and _unit_words(tokens, j) == 2 and tokens[j + 2].is_cap:
        n = admin_place_phrases().longest_at(tokens, j + 2) or _named_before_mark(tokens, j + 2)
        return 2 + n if n else 0
    if (
        j >= len(tokens)
        or (tokens[j].key,) not in ADMIN_UNITS
        or j + 1 >= len(tokens)
        or not tokens[j + 1].is_cap
    ):
        return 0
    end = j + 1
    while end < len(tokens) and tokens[end].is_cap and not name_length_at(tokens, end):
        word = tokens[end].word_id
        end += 1
        while (
            end < len(tokens)
            and tokens[end].word_id == word
            and tokens[end].kind == "word"
            and not body_end_phrases().longest_at(tokens, end)
            and not predicate_phrases().longest_at(tokens, end)
        ):
            end += 1
    return end - j


def _unit_words(tokens: list[Token], j: int) -> int:
    """2 for a unit of two words at j ("thành phố", "thị xã"), 1 for one ("huyện"), else 0."""
    if tuple(t.key for t in tokens[j : j + 2]) in TWO_WORD_UNITS:
        return 2
    return 1 if j < len(tokens) and (tokens[j].key,) in ADMIN_UNITS else 0


UNLISTED_UNIT_MAX = 4  # capitalised words of a unit's name no gazetteer lists ("Austin", "Xay Nhạ Bu ly")


def _named_before_mark(tokens: list[Token], j: int) -> int:
    """Capitalised words from j up to a mark, none a name: a unit no gazetteer lists, closed by
    the appositive's mark ("Cảnh sát trưởng thành phố|Austin, ông B"); 0 otherwise."""
    end = j
    while (
        end < len(tokens)
        and tokens[end].is_cap
        and not name_length_at(tokens, end)
        and end - j < UNLISTED_UNIT_MAX
    ):
        end += 1
    return end - j if end > j and end < len(tokens) and tokens[end].text in APPOSITIVE_ENDS else 0


def _field_end(tokens: list[Token], j: int) -> int:
    """ "Bộ trưởng Lao động - Thương binh và Xã hội": capitalised words up to a name or a place,
    and lower-case nouns that end the field before one ("Bộ trưởng Nông nghiệp và Phát triển nông
    thôn A", "Bộ trưởng Văn hóa, thể thao và du lịch B"). A foreign word or another post ends it:
    "Bộ trưởng Quốc phòng|James Mattis và Giám đốc ..."."""
    start = end = j
    while j < len(tokens) and not name_length_at(tokens, j) and not starts_place(tokens, j):
        t = tokens[j]
        if t.is_cap and j > start and (not is_vietnamese_syllable(t.text) or starts_title_head(tokens, j)):
            break
        if t.is_cap:
            j = end = j + 1
            while j < len(tokens) and tokens[j].word_id == t.word_id and not tokens[j].is_cap:
                j = end = j + 1
        elif t.key in ("và", "-", ",") and j + 1 < len(tokens) and tokens[j + 1].is_cap:
            j += 1
        elif end > start and _lower_field_end(tokens, j):
            j = end = j + _lower_field_end(tokens, j)
        else:
            break
    return end


FIELD_LOWER_MAX = 6  # lower-case tokens that end a field before a name or its country
FIELD_LOWER_JOINS = frozenset({"và", ","})


def _lower_field_end(tokens: list[Token], j: int) -> int:
    """Lower-case nouns (and "và" or a comma between them) that end a field right before a name
    or a place: "Ngoại giao và Kinh tế đối ngoại|Hungary", "Văn hóa, thể thao và du lịch|A"; 0
    when no name or place follows them, or a verb, a cue or a post comes between."""
    k = j
    while k < len(tokens) and k - j < FIELD_LOWER_MAX:
        t = tokens[k]
        if t.key in FIELD_LOWER_JOINS and k + 1 < len(tokens) and not tokens[k + 1].is_cap:
            k += 1
            continue
        if (
            t.is_cap
            or t.kind != "word"
            or not t.pos.startswith(("N", "A"))
            or t.pos in ("Nc", "Np")
            or predicate_phrases().longest_at(tokens, k)
            or personal_cue_phrases().longest_at(tokens, k)
            or starts_title_head(tokens, k)
        ):
            break
        k += 1
    ends = k > j and k < len(tokens) and tokens[k - 1].key not in FIELD_LOWER_JOINS
    return k - j if ends and (starts_place(tokens, k) or name_length_at(tokens, k)) else 0
