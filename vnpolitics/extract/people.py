"""People in one sentence, with the posts the sentence gives them.

The sentence is first cut into items (post, name, body, punctuation, other word);
posts are then attached to names by the constructions of Vietnamese news prose:
- before the name: "Trưởng Ban Tổ chức Trung ương Trần Văn A phát biểu";
- after it, as appositives: "Trần Văn A, Ủy viên Bộ Chính trị, Bí thư ...";
- shared by a list: "các đồng chí Phó Ban Tổ chức A, B, C";
- distributed after a colon: "các Ủy viên Trung ương Đảng: Phó Trưởng Ban ... A; Bí thư ... B".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vnpolitics.extract.bodies import BodySpan, body_at
from vnpolitics.extract.names import foreign_name_length_at, name_length_at, preceded_by, starts_place
from vnpolitics.extract.title_spans import TitleSpan, title_at
from vnpolitics.extract.tokens import Token

APPOSITIVE_SEPARATORS = frozenset({",", "-", "–", "—", "kiêm", "("})
LIST_SEPARATORS = frozenset({",", "và"})
OBJECT_MARKERS = frozenset({"của", "với", "cho", "tới", "đến"})
CUES = frozenset({("đồng", "chí"), ("ông",), ("bà",)})


@dataclass
class Item:
    kind: str  # "T" post, "N" name, "O" body, "P" punctuation, "X" other word
    start: int
    end: int
    title: TitleSpan | None = None
    body: BodySpan | None = None


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
    while i < len(tokens):
        t = tokens[i]
        if t.kind == "punct":
            items.append(Item("P", i, i + 1))
            i += 1
            continue
        title = title_at(tokens, i, allow_lower=_appositive_position(tokens, items))
        if title:
            items.append(Item("T", i, title.end, title=title))
            i = title.end
            continue
        n = name_length_at(tokens, i) or (_announced(tokens, items, i) and foreign_name_length_at(tokens, i))
        if n:
            items.append(Item("N", i, i + n))
            i += n
            continue
        if _short_reference(tokens, i):
            items.append(Item("S", i, i + 1))
            i += 1
            continue
        body = body_at(tokens, i)
        if body:
            items.append(Item("O", i, body.end, body=body))
            i = body.end
            continue
        items.append(Item("X", i, i + 1))
        i += 1
    return items


def _appositive_position(tokens: list[Token], items: list[Item]) -> bool:
    """After "Name," / "Name -" or a post and a comma: where some outlets print a post in lower case."""
    return (
        len(items) >= 2
        and items[-1].kind == "P"
        and _text(tokens, items[-1]) in APPOSITIVE_SEPARATORS
        and items[-2].kind in ("N", "T")
    )


def _short_reference(tokens: list[Token], i: int) -> bool:
    """ "ông Quý", "đồng chí Tuyến": a cue and one capitalised syllable, then no other capital."""
    t = tokens[i]
    if not (t.is_cap and not t.is_upper and not t.abbr) or starts_place(tokens, i):
        return False
    if i + 1 < len(tokens) and tokens[i + 1].is_cap:
        return False
    return preceded_by(tokens, i, CUES)


def _announced(tokens: list[Token], items: list[Item], i: int) -> bool:
    """Right after a post, or after "ông"/"bà"/"đồng chí" (a place may stand between: "Tổng thống Pháp")."""
    k = i
    while k > 0 and starts_place(tokens, k - 1) == i - (k - 1):
        k -= 1
    if any(it.kind == "T" and it.end in (i, k) for it in items[-4:]):
        return True
    return preceded_by(tokens, k, CUES)


def _text(tokens: list[Token], item: Item) -> str:
    return " ".join(t.text for t in tokens[item.start : item.end]).lower()


def _is_sep(tokens: list[Token], item: Item, allowed: frozenset[str]) -> bool:
    return item.kind in ("P", "X") and _text(tokens, item) in allowed


def _cued(tokens: list[Token], items: list[Item], p: int) -> bool:
    if p > 0 and items[p - 1].kind == "T" and items[p - 1].end == items[p].start:
        return True
    start = items[p].start
    return preceded_by(tokens, start, CUES)


def _pre_titles(tokens: list[Token], items: list[Item], p: int) -> list[int]:
    """Indices of posts printed before name p and belonging to it."""
    if p == 0 or items[p - 1].kind != "T":
        return []
    chain = [p - 1]
    q = p - 1
    while (
        q >= 2 and _is_sep(tokens, items[q - 1], frozenset({",", "-", "–", "—"})) and items[q - 2].kind == "T"
    ):
        chain.append(q - 2)
        q -= 2
    if (
        len(chain) > 1
        and q >= 2
        and _is_sep(tokens, items[q - 1], frozenset({","}))
        and items[q - 2].kind == "N"
    ):
        return [p - 1]  # "A, Bí thư Tỉnh ủy, Phó Chủ tịch ... B": the earlier posts are A's appositives
    if len(chain) > 1 and q >= 1 and _text(tokens, items[q - 1]) in OBJECT_MARKERS:
        return [p - 1]  # "ý kiến của Trưởng Ban ..., Bí thư ... B": the first post is someone else's
    return sorted(chain)


def _post_titles(tokens: list[Token], items: list[Item], p: int) -> list[int]:
    """Indices of appositive posts after name p ("A, Ủy viên Bộ Chính trị, Bí thư ...")."""
    out = []
    q = p + 1
    while (
        q + 1 < len(items) and _is_sep(tokens, items[q], APPOSITIVE_SEPARATORS) and items[q + 1].kind == "T"
    ):
        nxt = items[q + 2] if q + 2 < len(items) else None
        if nxt is not None and nxt.kind == "N":
            break  # the post stands before the next name and is that name's
        out.append(q + 1)
        q += 2
    return out


def _plural_before(tokens: list[Token], item: Item) -> bool:
    """ "các đồng chí Phó Ban ..." / "các Ủy viên ...": one post for a list of people."""
    before = [t.key for t in tokens[max(0, item.start - 3) : item.start]]
    return "các" in before


def parse_sentence(tokens: list[Token]) -> SentenceParse:
    items = chunk(tokens)
    names: dict[int, NameInSentence] = {}
    for p, item in enumerate(items):
        if item.kind == "S":
            names[p] = NameInSentence(item, cued=True, short=True)
            continue
        if item.kind != "N":
            continue
        found = NameInSentence(item, cued=_cued(tokens, items, p))
        found.titles = [
            items[q].title for q in _pre_titles(tokens, items, p) + _post_titles(tokens, items, p)
        ]
        found.cued = found.cued or bool(found.titles)
        names[p] = found
    _share_list_titles(tokens, items, names)
    _distribute_colon_titles(tokens, items, names)
    bodies = [it.body for it in items if it.body] + [
        it.title.body for it in items if it.title and it.title.body
    ]
    return SentenceParse(tokens, items, list(names.values()), bodies)


def _share_list_titles(tokens: list[Token], items: list[Item], names: dict[int, NameInSentence]) -> None:
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
