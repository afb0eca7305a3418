"""Sentence splitting with offsets into the cleaned text."""

from __future__ import annotations

import re

from vnpolitics.extract.records import Sentence
from vnpolitics.extract.regex_prefix import compile_with_opening

# A sentence ends at . ! ? … followed by space and an upper-case letter, a quote or a digit,
# but not after an abbreviation such as "TP." or "T.Ư." nor inside numbers like 1.540.
_END_RE = compile_with_opening(  # searched at every position of every article
    r"(?<![A-ZĐ]\.[A-ZĐƯ])(?<!\bTP)(?<!\bTp)(?<!\bThS)(?<!\bTS)(?<!\bPGS)(?<!\bGS)"
    r"(?:[.!?…]+[\"”’)]*)\s+(?=[\"“‘(]?[A-ZÀ-Ỹ0-9])"
)


def split_sentences(text: str) -> list[Sentence]:
    """Lines are paragraphs; a paragraph is cut at sentence-final punctuation."""
    sentences: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        line_start = pos
        pos += len(line) + 1
        cursor = 0
        for m in _END_RE.finditer(line):
            if _middle_initial(line, m.start()):
                continue
            _add(sentences, line, line_start, cursor, m.end())
            cursor = m.end()
        _add(sentences, line, line_start, cursor, len(line))
    return sentences


# "George W. Bush", "Tyler Q. Houlton", "Cáp Trọng T. (SN 1950)": an initial after a capitalised word.
_INITIAL_RE = re.compile(r"(?:^|\s)[A-ZÀ-Ỹ][^\W\d_]*\s[A-ZĐ]$")


def _middle_initial(line: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` closes a name's initial rather than a sentence."""
    return line[dot : dot + 2] in (". ", ".") and bool(_INITIAL_RE.search(line, max(0, dot - 40), dot))


def _add(out: list[Sentence], line: str, line_start: int, start: int, end: int) -> None:
    chunk = line[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    s = line_start + start + lead
    out.append(Sentence(len(out), s, s + len(stripped), stripped))
