"""Syllable tokens with offsets, abbreviations expanded in place, and pyvi word groups.

Parsing works on expanded syllables ("UBND" becomes "Ủy ban nhân dân") while every
token keeps the character span of what was printed, so provenance is never lost.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from vnpolitics.extract.gazetteer import abbreviations
from vnpolitics.extract.pyvi_models import pos_tags, segment_words
from vnpolitics.extract.syllables import is_vietnamese_syllable
from vnpolitics.extract.textnorm import fold

_TOKEN_RE = re.compile(
    r"T\.\s?Ư\b|TP\.?\s?HCM\b|Tp\.?\s?HCM\b|TP\.(?=\s)|Tp\.(?=\s)"  # dotted abbreviations first
    r"|[A-ZĐ]{1,4}(?:\s?[-&]\s?[A-ZĐ]{1,4})+\b"  # upper-case compounds: GD-ĐT, LĐ-TB&XH, NN&PTNT
    r"|\d+(?:[.,/:-]\d+)*"  # numbers, dates, ratios
    r"|[^\W\d_]+(?:['’][^\W\d_]+)?"  # syllables (letters, with K'Ho style apostrophes)
    r"|[^\w\s]"  # punctuation, one char each
)


# Inside a syllable of the highland languages an apostrophe is a letter: "K’ré", "H'Hen", "M'gar".
_APOSTROPHES = re.compile("['’]")
SYLLABLE_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+|[^\w\s]")


@dataclass(slots=True)  # slots: a token is made for every syllable and read by every rule
class Token:
    text: str  # the syllable as parsed (an expanded abbreviation gives several tokens)
    start: int  # offsets of the printed text in the cleaned article
    end: int
    kind: str  # "word" | "num" | "punct"
    abbr: bool = False  # part of an expanded abbreviation
    key: str = ""  # folded text for gazetteer look-ups, set once
    name_len: int = -1  # memo of names.name_length_at (-1: not computed)

    # Set once from ``text`` and ``kind``: read for nearly every token by every rule.
    is_cap: bool = field(init=False, repr=False, compare=False)  # a word with a capital first letter
    is_upper: bool = field(init=False, repr=False, compare=False)  # all capitals: an acronym (UDIC, QĐND)
    # pyvi's word group (syllables of one word share it) and tag, read when a rule first asks:
    # the window is segmented at the first word group asked and tagged at the first tag asked,
    # and each token copies its own answers from the window when it is first asked.
    _word_id: int = field(default=-1, repr=False, compare=False)
    _pos: str = field(default="", repr=False, compare=False)
    _window: _Window | None = field(default=None, repr=False, compare=False)  # word group not read yet
    _untagged: _Window | None = field(default=None, repr=False, compare=False)  # tag not read yet
    _at: int = field(default=0, repr=False, compare=False)  # the token's place in its window

    def __post_init__(self) -> None:
        self.key, self.is_cap, self.is_upper = _facts(self.text, self.kind)

    @property
    def word_id(self) -> int:
        """pyvi's word group: syllables of one word share it."""
        window = self._window
        if window is not None:
            self._window = None
            word = window.word_of(self._at)
            if word >= 0:
                self._word_id = window.first_id + word
        return self._word_id

    @property
    def pos(self) -> str:
        """pyvi's part-of-speech tag ("" outside every window pyvi reads)."""
        window = self._untagged
        if window is not None:
            self._untagged = None
            tag = window.tag_of(self._at)
            if tag is not None:
                self._pos = tag
        return self._pos


@functools.lru_cache(maxsize=1 << 16)
def _facts(text: str, kind: str) -> tuple[str, bool, bool]:
    """A token's key, capital and all-capitals flags, which depend on its text and kind alone:
    syllables repeat, so each is worked out once."""
    word = kind == "word"
    return fold(text), word and text[:1].isupper(), word and len(text) > 1 and text.isupper()


def _expand(surface: str) -> list[str] | None:
    for pattern, full in abbreviations():
        if pattern.fullmatch(surface) or pattern.fullmatch(surface + " "):
            return full.split()
    return None


def _plain_tokens(surface: str, start: int) -> list[Token]:
    return [
        Token(m.group(), start + m.start(), start + m.end(), "word" if m.group()[0].isalpha() else "punct")
        for m in re.finditer(r"\w+|[^\w\s]", surface)
    ]


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Split text into syllable tokens; ``base`` is the offset of ``text`` in the article.

    Every token is made here, for every syllable of every parsed sentence, so the loop sets each
    field as the constructor would, without its call and ``__post_init__`` (a third of tokenizing;
    ``tests/test_tokens.py`` holds every field to the constructor's)."""
    tokens: list[Token] = []
    append, new, pieces_of = tokens.append, _new, _pieces
    for m in _TOKEN_RE.finditer(text):
        at = base + m.start()
        for piece, start, end, kind, abbr, key, is_cap, is_upper in pieces_of(m.group()):
            t = new(Token)
            t.text, t.start, t.end, t.kind, t.abbr = piece, at + start, at + end, kind, abbr
            t.key, t.is_cap, t.is_upper, t.name_len = key, is_cap, is_upper, -1
            t._word_id, t._pos, t._window, t._untagged, t._at = -1, "", None, None, 0
            append(t)
    return tokens


_new = object.__new__


@functools.lru_cache(maxsize=1 << 16)
def _pieces(surface: str) -> tuple[tuple[str, int, int, str, bool, str, bool, bool], ...]:
    """The tokens one match of _TOKEN_RE gives, offsets from its start, with their facts: a surface
    gives the same tokens wherever it is printed, and surfaces repeat, so each is read once."""
    return tuple(
        (t.text, t.start, t.end, t.kind, t.abbr, t.key, t.is_cap, t.is_upper) for t in _read(surface)
    )


def _read(surface: str) -> list[Token]:
    """The tokens of one match of _TOKEN_RE, offsets from its start."""
    whole = len(surface)
    if surface[0].isdigit():
        return [Token(surface, 0, whole, "num")]
    if not (surface[0].isalpha()):
        return [Token(surface, 0, whole, "punct")]
    expansion = _expand(surface) if (surface.isupper() or "." in surface or surface[:2] == "Tp") else None
    if (
        expansion is None
        and not surface.isalpha()
        and not _APOSTROPHES.sub("", surface.replace(" ", "")).isalpha()
    ):
        return _plain_tokens(surface, 0)  # an unknown compound such as "AB-CD": its parts
    if expansion:
        return [Token(w, 0, whole, "word", abbr=True) for w in expansion]
    return _unglued(surface, 0)


def _unglued(surface: str, start: int) -> list[Token]:
    """A word, or the Vietnamese syllables a lost space glued into it: "tuyên giáoTỉnh ủy" is
    "giáo" and "Tỉnh" (a capital after a lower-case letter starts a new word). Only when the word
    opens in lower case, every piece is a Vietnamese syllable and one carries a Vietnamese letter
    or mark: brands in camel case ("iPhone", "VinGroup", "McCain") stay whole, and so do two
    capitalised words a removed joiner glued ("PhạmMinh"), which forge no name."""
    cuts = [k for k in range(1, len(surface)) if surface[k].isupper() and surface[k - 1].islower()]
    if not cuts:
        return [Token(surface, start, start + len(surface), "word")]
    bounds = [0, *cuts, len(surface)]
    pieces = [surface[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    if not surface[0].islower() or surface.isascii() or not all(is_vietnamese_syllable(p) for p in pieces):
        return [Token(surface, start, start + len(surface), "word")]
    return [Token(p, start + a, start + a + len(p), "word") for p, a in zip(pieces, bounds, strict=False)]


PYVI_CONTEXT_BEFORE = 1  # syllables of context pyvi sees around capitalised words
PYVI_CONTEXT_AFTER = 3
PYVI_JOIN_GAP = 3  # capitalised words this close share one window


def pyvi_windows(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges worth segmenting: around capitalised words, where a name, post or body may be.

    Lower-case stretches between them cannot change an answer, so pyvi never sees them.
    """
    caps = [i for i, t in enumerate(tokens) if t.kind == "word" and (t.is_cap or t.is_upper)]
    windows: list[tuple[int, int]] = []
    for i in caps:
        start, end = max(0, i - PYVI_CONTEXT_BEFORE), min(len(tokens), i + 1 + PYVI_CONTEXT_AFTER)
        if windows and start <= windows[-1][1] + PYVI_JOIN_GAP:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


class _Window:
    """A stretch of tokens pyvi reads as one text, the first time a rule asks for a word or tag in it:
    most windows never decide anything, and pyvi is the costliest step of extraction.

    Segmenting (word groups) and tagging (parts of speech) are two models run one after the other;
    nearly every rule asks only for word groups, so the tagger runs only when a tag is asked. Its
    tags are those it gives the segmenter's words, as when both ran together.

    The window keeps its tokens' texts, not the tokens: a token points to its window, and a window
    that pointed back would make every sentence's tokens cyclic garbage, left to the cyclic
    collector, whose passes over them cost a tenth of extraction. Each token reads its own
    answer from the window by its place in it (``Token._at``)."""

    def __init__(self, tokens: list[Token], first_id: int) -> None:
        self.texts = [t.text for t in tokens]
        self.first_id = first_id
        self.words: list[str] | None = None  # the segmenter's words, once run
        self.word_index: list[int] = []  # per token, the index of its word in ``words`` (-1: none)
        self.tags: list[str] | None = None  # the tagger's tags of ``words``, once run
        for at, t in enumerate(tokens):
            t._window = t._untagged = self
            t._at = at

    def word_of(self, at: int) -> int:
        """The index of the word of the token at ``at`` (-1: pyvi lost it), segmenting once."""
        if self.words is None:
            self.words, self.word_index = _segment(self.texts)
        return self.word_index[at]

    def tag_of(self, at: int) -> str | None:
        """The tag of the token at ``at`` (None: pyvi lost it), tagging once."""
        word = self.word_of(at)
        if self.tags is None:
            self.tags = pos_tags(self.words)
        return self.tags[word] if word >= 0 else None


def attach_pyvi_words(tokens: list[Token]) -> None:
    """Group syllables into words with pyvi so compounds ("Nội vụ", "Tây Hồ") stay whole.

    Every token gets a distinct ``word_id`` unless pyvi joins it to its neighbours. pyvi runs on
    a window the first time a rule reads a word group or tag in it (about a third of windows on
    the corpus); the answers are those of segmenting every window, since each window is read alone.
    """
    for i, t in enumerate(tokens):
        t._word_id = -1 - i
    for w, (start, end) in enumerate(pyvi_windows(tokens)):
        _Window(tokens[start:end], first_id=(w + 1) * 1000)


def _segment(texts: list[str]) -> tuple[list[str], list[int]]:
    """Run pyvi's segmenter on a window's token texts: its words, and each token's word index
    (-1: none). Pieces pyvi cuts from one token ("29/1" -> "29", "/", "1") are glued back."""
    # what ViPosTagger.postagging reads: the segmented text cut at spaces
    words = segment_words(texts)
    word_of = [-1] * len(texts)
    i, pending = 0, ""
    for index, word in enumerate(words):
        for part in word.split("_"):
            if i >= len(texts):
                return words, word_of
            pending += part
            if pending == texts[i]:
                word_of[i] = index
                i, pending = i + 1, ""
            elif not texts[i].startswith(pending):
                pending = ""  # lost the thread: this token stays a word of its own
                i += 1
    return words, word_of
