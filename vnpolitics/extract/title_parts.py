"""A printed post taken apart: the post without its body, one canonical spelling, and whether
it is a former one.

The same post is printed many ways: "Trưởng ban Tổ chức Trung ương", "Trưởng Ban Tổ chức T.Ư",
"Phó Ban Tổ chức" for "Phó Trưởng ban", "bí thư" in lower case, "nguyên Bí thư". ``title``
keeps what was printed (the scorer compares it with gold); these parts let the warehouse count
posts ("Trưởng ban"), compare a post across articles (``canonical_title``) and measure how
often a body named in a post was resolved to an organisation (``body_name``).
"""

from __future__ import annotations

from dataclasses import dataclass

from vnpolitics.extract.bodies import canonical_body
from vnpolitics.extract.gazetteer import PostName, body_kinds, post_names, title_heads
from vnpolitics.extract.names import starts_body_kind
from vnpolitics.extract.textnorm import canonical_text
from vnpolitics.extract.title_spans import TitleSpan, is_former
from vnpolitics.extract.tokens import Token


@dataclass(frozen=True)
class PostParts:
    post: str  # "Trưởng ban", "Bí thư", "Thiếu tướng": the post without its body
    canonical_title: str  # "Trưởng Ban Tổ chức Trung ương", whatever the spelling printed
    body_name: str | None  # the body the title names, even a generic one ("Ban Tổ chức")
    is_former: bool  # printed with "nguyên" / "cựu"


def post_parts(tokens: list[Token], title: TitleSpan, organization_name: str | None) -> PostParts:
    """The parts of ``title``; ``organization_name`` is the body's name as the article resolved it
    (completed with the article's place), used in place of the printed body when there is one."""
    head = title_heads()[tuple(t.key for t in tokens[title.head_start : title.head_end])]
    post, title_head = head.display, head.display
    body_name = None
    if title.body is not None:
        body_name = organization_name or canonical_body(tokens, title.body)
        if head.needs_body:
            named = _post_with_body(tokens, title, head.words, head.display)
            post, title_head = named.post, named.title_head
        rest = body_name
    else:
        rest = canonical_text(" ".join(t.text for t in tokens[title.head_end : title.end]))
    return PostParts(
        post=post,
        canonical_title=f"{title_head} {rest}".strip(),
        body_name=body_name,
        is_former=is_former(tokens, title),
    )


def _post_with_body(
    tokens: list[Token], title: TitleSpan, head_words: tuple[str, ...], display: str
) -> PostName:
    """ "Phó" + "Ban ..." -> "Phó Trưởng ban" (post_names.tsv), by the longest listed opening of the
    body's kind; otherwise the head and the kind's first word in lower case."""
    body = title.body
    assert body is not None
    n = starts_body_kind(tokens, body.start)
    kind_words = body_kinds()[tuple(t.key for t in tokens[body.start : body.start + n])].words
    table = post_names()
    for k in range(len(kind_words), 0, -1):
        named = table.get((head_words, kind_words[:k]))
        if named:
            return named
    first = body.start + 1
    while first < body.end and tokens[first].word_id == tokens[body.start].word_id:
        first += 1
    word = " ".join(t.text for t in tokens[body.start : first]).lower()
    return PostName(f"{display} {word}", display)
