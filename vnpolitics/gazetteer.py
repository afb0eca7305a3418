"""Gazetteers read once from ``gazetteers/``: data, not code, so a new title head,
body kind or surname is a one-line change in one file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from vnpolitics.textnorm import fold

DATA_DIR = Path(__file__).parent / "gazetteers"


def _lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a gazetteer file."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


class PhraseSet:
    """Phrases of folded syllables, indexed by first syllable so matching at a token is cheap."""

    def __init__(self, phrases) -> None:
        self.phrases = frozenset(phrases)
        lengths: dict[str, set[int]] = {}
        for phrase in self.phrases:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
        self._lengths = {first: sorted(ns, reverse=True) for first, ns in lengths.items()}

    def __contains__(self, phrase: tuple[str, ...]) -> bool:
        return phrase in self.phrases

    def longest_at(self, tokens, k: int) -> int:
        """Length of the longest phrase starting at token k (anything with a folded ``key``), else 0."""
        if k >= len(tokens):
            return 0
        for n in self._lengths.get(tokens[k].key, ()):
            if k + n <= len(tokens) and tuple(t.key for t in tokens[k : k + n]) in self.phrases:
                return n
        return 0


@dataclass(frozen=True)
class TitleHead:
    words: tuple[str, ...]  # folded lower-case syllables
    needs_body: bool
    takes_field: bool = False  # "Bộ trưởng Ngoại giao": a field of government without "Bộ"


@dataclass(frozen=True)
class BodyKind:
    words: tuple[str, ...]  # folded lower-case syllables
    kind: str
    unique: bool  # names one body on its own ("Bộ Chính trị") rather than a kind of body ("Ban")


def _key(phrase: str) -> tuple[str, ...]:
    """Folded syllables and punctuation, as the tokenizer cuts them ("Văn hóa, Thể thao")."""
    return tuple(re.findall(r"\w+|[^\w\s]", fold(phrase)))


@cache
def surname_rank() -> dict[str, int]:
    """Folded surname -> rank (0 = most frequent); a two-syllable surname is keyed by its first."""
    ranks: dict[str, int] = {}
    for rank, name in enumerate(_lines("surnames.txt")):
        ranks.setdefault(fold(name.split()[0]), rank)
    return ranks


@cache
def title_heads() -> dict[tuple[str, ...], TitleHead]:
    heads = {}
    for line in _lines("title_heads.txt"):
        words = _key(line.rstrip("*+ "))
        heads[words] = TitleHead(words, line.endswith("*"), line.endswith("+"))
    return heads


@cache
def title_prefixes() -> frozenset[str]:
    return frozenset(fold(x) for x in _lines("title_prefixes.txt"))


@cache
def body_kinds() -> dict[tuple[str, ...], BodyKind]:
    kinds = {}
    for line in _lines("body_kinds.tsv"):
        phrase, kind, standalone = line.split("\t")
        words = _key(phrase)
        kinds[words] = BodyKind(words, kind, standalone == "unique")
    return kinds


@cache
def title_head_phrases() -> PhraseSet:
    return PhraseSet(title_heads())


@cache
def body_kind_phrases() -> PhraseSet:
    return PhraseSet(body_kinds())


@cache
def places() -> PhraseSet:
    return PhraseSet(_key(x.replace("-", " ")) for x in _lines("places.txt"))


@cache
def predicate_phrases() -> PhraseSet:
    return PhraseSet(_key(x) for x in _lines("predicate_verbs.txt"))


@cache
def lowercase_body_phrases() -> PhraseSet:
    return PhraseSet(_key(x) for x in _lines("lowercase_body_words.txt"))


@cache
def role_cues(role: str) -> tuple[tuple[str, ...], ...]:
    """Cue phrases of one role (see role_cues.tsv), longest first."""
    cues = [_key(phrase) for r, phrase in (line.split("\t") for line in _lines("role_cues.tsv")) if r == role]
    return tuple(sorted(cues, key=len, reverse=True))


@cache
def not_cue_compounds() -> frozenset[tuple[str, ...]]:
    """Compounds in which a one-syllable cue is not a cue ("dự án" is a project, not attendance)."""
    return frozenset(_key(x) for x in _lines("not_cue_compounds.txt"))


@cache
def abbreviations() -> tuple[tuple[re.Pattern[str], str], ...]:
    pairs = []
    for line in _lines("abbreviations.tsv"):
        pattern, expansion = line.split("\t")
        pairs.append((re.compile(pattern), expansion))
    return tuple(pairs)
