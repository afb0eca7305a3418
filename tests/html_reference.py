"""The HTML extractor the pipeline used before lxml, kept as the oracle for ordinary pages.

``vnpolitics.extract.html_text`` must give the same text on every well-formed page; this one is
quadratic on hostile input (an unclosed "<" followed by a letter), so tests feed it ordinary
pages only.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser


class _TextExtractor(HTMLParser):
    """Collect readable text: skip non-content containers, break lines at block elements."""

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

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skip_depth += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip_depth:
            self.parts.append(re.sub(r"[ \t\n]+", " ", data))


def html_to_text(html: str) -> str:
    """Readable text of an HTML page: one block element per line, entities unescaped."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
