"""HTML -> readable article text, in time linear in the size of the page.

Python's ``html.parser`` rescans the rest of the page for every ``<`` followed by a letter that
never closes: 24 KB of ``<a`` took 2.6 s, 192 KB 190 s, and a 5 MB page would hold a nightly run
for more than a day. libxml2 (through lxml) tokenises in one pass, whatever the page holds.

The walk over lxml's tree gives the text the ``html.parser`` extractor gave on ordinary pages
(``tests/html_reference.py`` keeps that extractor as the oracle): scripts, menus and forms
dropped, a line break at each block element, whitespace collapsed. Tags are taken apart first
and character references decoded after, in text only, and the result is never parsed again: an
escaped ``&lt;script&gt;`` stays the text ``<script>``, it never becomes a tag.

A plain-text file can hold markup too (a page fragment pasted into a ``.txt``): ``has_markup``
spots real HTML tags and ``markup_to_text`` strips them the same way but keeps the file's own
line breaks, which carry its title and paragraphs.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

# Containers whose text is never article text.
SKIP = frozenset(
    {
        "script",
        "style",
        "nav",
        "header",
        "footer",
        "head",
        "noscript",
        "template",
        "aside",
        "form",
        "iframe",
        "svg",
        "select",
        "button",
    }
)
# Elements that start a new line.
BLOCK = frozenset(
    {
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "section",
        "article",
        "blockquote",
        "figure",
        "figcaption",
        "dd",
        "dt",
        "dl",
        "hr",
        "pre",
        "main",
        "td",
        "th",
        "caption",
        "address",
    }
)
# Block elements that have no end tag in HTML: one line break each, as html.parser gave.
_VOID_BLOCK = frozenset({"br", "hr"})

# Element names that mark a text file as holding markup. Letters after "<" that are not one of
# these ("<5%", "<<Hồ sơ>>", "<Hà Nội>") are text.
_MARKUP_TAGS = frozenset(
    (  # noqa: SIM905 (one name per line would make 80 lines of this table)
        "a abbr address area article aside audio b big blockquote body br button caption center code"
        " dd del div dl dt em embed figcaption figure font footer form frame frameset h1 h2 h3 h4 h5"
        " h6 head header hr html i iframe img input ins label li link main map meta nav noscript"
        " object ol option p param pre s script section select small source span strike strong style"
        " sub sup svg table tbody td template textarea tfoot th thead title tr u ul video"
    ).split()
)
# A tag-shaped piece; its name is then looked up. ``[^<>]*`` stops at the next "<", and one
# character class per piece (not an alternation of every name) keeps a page of "<a<a<a" fast.
_TAG_SHAPE_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9]{0,15})(?:\s[^<>]*)?/?>")
_PAGE_SPACE_RE = re.compile(r"[ \t\n]+")
_LINE_SPACE_RE = re.compile(r"[ \t]+")


def html_to_text(page: str) -> str:
    """Readable text of an HTML page: one block element per line, entities decoded once."""
    return _assemble(_text_parts(page, _PAGE_SPACE_RE))


def has_markup(text: str) -> bool:
    """Whether a text file holds real HTML tags (``<p>``, ``</b>``, ``<a href=...>``)."""
    return any(m.group(1).lower() in _MARKUP_TAGS for m in _TAG_SHAPE_RE.finditer(text))


def markup_to_text(text: str) -> str:
    """A text file with its tags stripped: its own line breaks kept, entities decoded once."""
    return _assemble(_text_parts(text, _LINE_SPACE_RE))


def _parse(markup: str) -> etree._Element | None:
    """lxml's tree of ``markup``; None when there is nothing in it.

    Bytes with a stated encoding, not ``str``: lxml refuses a ``str`` that declares its own
    encoding (``<?xml ... encoding=...?>``), and the text is already decoded. NUL characters
    would end libxml2's input early; they carry no text.
    """
    parser = lxml_html.HTMLParser(encoding="utf-8")
    data = markup.replace("\x00", "").encode("utf-8", "replace")
    try:
        return lxml_html.document_fromstring(data, parser=parser)
    except etree.ParserError:  # "Document is empty"
        return None


def _text_parts(markup: str, space: re.Pattern[str]) -> list[str]:
    """Text and line breaks in document order, without recursion (a page may nest deeply).

    As with html.parser: a block element adds a line break where it starts and where it ends,
    even inside a skipped container, and text inside a skipped container is dropped.
    """
    root = _parse(markup)
    if root is None:
        return []
    parts: list[str] = []
    skip = 0
    stack: list[tuple[etree._Element, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else None  # None: a comment or an instruction
        if closing:
            if tag in SKIP:
                skip -= 1
            elif tag in BLOCK and tag not in _VOID_BLOCK:
                parts.append("\n")
            if node.tail and not skip:
                parts.append(space.sub(" ", node.tail))
            continue
        if tag in SKIP:
            skip += 1
        elif tag in BLOCK:
            parts.append("\n")
        if tag is not None and node.text and not skip:
            parts.append(space.sub(" ", node.text))
        stack.append((node, True))
        stack.extend((child, False) for child in reversed(node))
    return parts


def _assemble(parts: list[str]) -> str:
    lines = [line.strip() for line in "".join(parts).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
