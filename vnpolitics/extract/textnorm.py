"""String normalisation shared by every extractor: NFC, tone-mark placement, abbreviations."""

from __future__ import annotations

import functools
import re
import unicodedata

# Old-style tone placement (hoà, thuý, uỷ) -> modern (hòa, thúy, ủy): the modern form is canonical.
_OLD_TO_NEW = {}
for _base, _marks in (("oa", "àáảãạ"), ("oe", "èéẻẽẹ"), ("uy", "ỳýỷỹỵ")):
    _plain = {"a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ"}[_base[1]]
    _first = {"o": "òóỏõọ", "u": "ùúủũụ"}[_base[0]]
    for _i, _m in enumerate(_marks):
        _OLD_TO_NEW[_base[0] + _m] = _first[_i] + _base[1]
        _OLD_TO_NEW[_base[0].upper() + _m] = _first[_i].upper() + _base[1]
_OLD_RE = re.compile("(" + "|".join(sorted(_OLD_TO_NEW, key=len, reverse=True)) + r")(?![\w])")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def modern_tones(text: str) -> str:
    """Move tone marks to the modern position at syllable end only (``uỷ`` -> ``ủy``, ``hoà`` -> ``hòa``)."""
    return _OLD_RE.sub(lambda m: _OLD_TO_NEW[m.group(1)], nfc(text))


def collapse_spaces(text: str) -> str:
    return " ".join(text.split())


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Comparison key: NFC, modern tones, lower case, single spaces. Cached: every token of every
    article is folded, and syllables repeat."""
    return collapse_spaces(modern_tones(text).lower())


def expand_abbreviations(text: str) -> str:
    """Expand T.Ư, UBND, HĐND, TP. ... as CONTRACT.md requires for titles and organisation names."""
    from vnpolitics.extract.gazetteer import abbreviations_pattern

    pattern, expansions = abbreviations_pattern()
    return collapse_spaces(pattern.sub(lambda m: expansions[int(m.lastgroup[1:])], text))


@functools.lru_cache(maxsize=1 << 14)
def canonical_text(text: str) -> str:
    """Printed text as stored in the warehouse: abbreviations expanded, modern tones, tidy spacing.
    Cached: the same bodies and posts are printed again and again."""
    text = expand_abbreviations(modern_tones(text))
    text = re.sub(r"\s*\(\s*[^)]*\)\s*", " ", text)  # "(TCT)" glosses repeat what is printed beside them
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    return collapse_spaces(text).strip(" ,;:-–—")
