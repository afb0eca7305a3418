"""The grammar of a post: [prefix] HEAD [BODY].

``gazetteers/title_heads.txt`` lists the heads ("Bí thư", "Phó Chủ tịch", "Thiếu tướng");
the body is read by ``bodies.body_at``. "nguyên Bí thư Tỉnh ủy" keeps "nguyên" (former).
"""

from __future__ import annotations

from dataclasses import dataclass

from vnpolitics.extract.bodies import BodySpan, body_at
from vnpolitics.extract.gazetteer import dropped_prefixes, title_heads, title_prefixes
from vnpolitics.extract.names import name_length_at, starts_place, starts_title_head
from vnpolitics.extract.tokens import Token


@dataclass(frozen=True)
class TitleSpan:
    start: int  # token indices, end exclusive; start is the prefix ("nguyên") when one is printed
    end: int
    body: BodySpan | None
    head_start: int  # the head's tokens ("Phó Bí thư"): what lies between start and head_start is
    head_end: int  # the prefix, what follows head_end the body or a field/place ("Ngoại giao")


def title_at(tokens: list[Token], i: int, allow_lower: bool = False) -> TitleSpan | None:
    """The post printed from token i, if one starts there.

    ``allow_lower`` accepts a head in lower case, as some outlets print appositives
    ("Trần Văn A - bí thư Tỉnh ủy").
    """
    k = i
    if tokens[k].key in title_prefixes() and k + 1 < len(tokens):
        k += 1
        if tokens[i].key in dropped_prefixes():
            i = k  # "tân Chủ tịch": the post is the same, newly taken
    if not (tokens[k].is_cap or (allow_lower and tokens[k].kind == "word")):
        return None
    best = None
    for n in _head_lengths(tokens, k):
        found = _with_head(tokens, i, k, n)
        if found and (best is None or found.end > best.end):
            best = found  # longest head first; a shorter one wins only by reading further
    return best


def _head_lengths(tokens: list[Token], k: int) -> list[int]:
    """Lengths of every head of title_heads.txt that starts at k, longest first: "Trưởng đoàn" and
    "Trưởng" both start "Trưởng Đoàn đại biểu Quốc hội tỉnh X"."""
    n = starts_title_head(tokens, k)
    heads = title_heads()
    return [m for m in range(n, 0, -1) if tuple(t.key for t in tokens[k : k + m]) in heads]


def _with_head(tokens: list[Token], i: int, k: int, n: int) -> TitleSpan | None:
    """The post read with the head tokens[k : k + n], if that head makes one."""
    head = title_heads()[tuple(t.key for t in tokens[k : k + n])]
    body = None if head.is_rank else body_at(tokens, k + n, allow_lower=True)
    if body is None and head.needs_body:
        return None
    end = body.end if body else k + n
    if body is None and head.takes_field:
        end = _field_end(tokens, end)
    if body is None:
        end += starts_place(tokens, end)  # "Thủ tướng Canada", "Tổng thống Pháp"
    return TitleSpan(i, end, body, k, k + n)


def _field_end(tokens: list[Token], j: int) -> int:
    """ "Bộ trưởng Lao động - Thương binh và Xã hội": capitalised words up to a name or a place."""
    end = j
    while j < len(tokens) and not name_length_at(tokens, j) and not starts_place(tokens, j):
        t = tokens[j]
        if t.is_cap:
            j = end = j + 1
            while j < len(tokens) and tokens[j].word_id == t.word_id and not tokens[j].is_cap:
                j = end = j + 1
        elif t.key in ("và", "-", ",") and j + 1 < len(tokens) and tokens[j + 1].is_cap:
            j += 1
        else:
            break
    return end
