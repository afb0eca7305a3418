"""Letters that look like others: invisible format characters and words that mix scripts.

A name must be read as it looks, and must not be forged by what cannot be seen:
- format characters (Unicode category Cf: zero-width space and joiners, soft hyphen, BOM inside
  the text, bidi marks, tag characters) are invisible, yet they split or glue words, so they are
  removed before anything reads the text;
- a word that mixes Latin letters with look-alikes from another script ("Рhạm" with a Cyrillic
  Р) is what a careless keyboard or a forger produces, never Vietnamese or a transliterated
  foreign name. When every non-Latin letter of such a word has an ASCII look-alike in Unicode's
  confusables data (``confusable_homoglyphs``, which ships Unicode's confusables.txt and
  Scripts.txt), the word is folded to Latin, since that is how every reader reads it; otherwise
  it is left as printed and ``is_name_syllable_shape`` keeps it out of names. Words wholly in
  another script (a Russian quotation) are left alone: they are not mixed.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# A word: letters, with the combining marks a letter of another script may carry (no
# precomposed form exists for Cyrillic а with a dot below, say).
_WORD_RE = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])+")

# Longest name syllable: the longest in 12,700 news articles is 19 letters (a Thai family name);
# Vietnamese syllables have at most 7.
MAX_SYLLABLE_CHARS = 30
_APOSTROPHES = frozenset("'’")
# A capital right after a lower-case letter is where two words were glued ("AnNguyễn", by a
# removed zero-width joiner), except in the Gaelic patronymics (McCain, MacArthur). After a
# capital it is a typo of the shift key ("MInh"), after an apostrophe a name (K'Ho, O'Neill).
_INNER_CAPITAL_PREFIXES = ("Mc", "Mac")


def remove_format_characters(text: str) -> tuple[str, bool]:
    """``text`` without Unicode format characters (category Cf), and whether any were there."""
    found = {ch for ch in set(text) if unicodedata.category(ch) == "Cf"}
    if not found:
        return text, False
    return text.translate(dict.fromkeys(map(ord, found))), True


def fold_mixed_script_words(text: str) -> tuple[str, bool]:
    """Fold to Latin every word that mixes Latin with look-alike letters of another script.

    Returns the text and whether a word was folded. One pass over the distinct letters first:
    text with no letter outside Latin (nearly every article) is returned as it is.
    """
    if not any(_script(ch) not in ("LATIN", "COMMON") for ch in set(text) if ch.isalpha()):
        return text, False
    folded = False

    def fold(match: re.Match[str]) -> str:
        nonlocal folded
        word = match.group()
        latin = _folded_word(word)
        if latin is None:
            return word
        folded = True
        return latin

    return _WORD_RE.sub(fold, text), folded


def is_name_syllable_shape(word: str) -> bool:
    """Whether a capitalised word can be one syllable of a person's name, by its letters alone.

    Ordinary Latin letters only (Vietnamese ones included; no Cyrillic, Greek, full-width or
    mathematical look-alikes), at most ``MAX_SYLLABLE_CHARS`` long, and no capital right after a
    lower-case letter but in "Mc"/"Mac".
    """
    return len(word) <= MAX_SYLLABLE_CHARS and _shape_ok(word)


@functools.lru_cache(maxsize=65536)
def _shape_ok(word: str) -> bool:
    for i, ch in enumerate(word):
        if ch in _APOSTROPHES:
            continue
        if not _ordinary_latin(ch):
            return False
        if i and ch.isupper() and word[i - 1].islower() and word[:i] not in _INNER_CAPITAL_PREFIXES:
            return False
    return True


@functools.cache
def _ordinary_latin(ch: str) -> bool:
    """A letter of the Latin alphabet as names are printed: a-z, Vietnamese and other accented letters."""
    return unicodedata.name(ch, "").startswith(("LATIN CAPITAL LETTER ", "LATIN SMALL LETTER "))


@functools.cache
def _script(ch: str) -> str:
    from confusable_homoglyphs.categories import alias

    return alias(ch)


def _folded_word(word: str) -> str | None:
    """The word with its non-Latin letters replaced by their Latin look-alikes, or None.

    None when the word does not mix Latin with another script, or when one of its letters
    has no ASCII look-alike of the same case (then no Latin word is what the reader sees).
    """
    scripts = {_script(ch) for ch in word if ch.isalpha()}
    if "LATIN" not in scripts or len(scripts) < 2:
        return None
    out = []
    for ch in unicodedata.normalize("NFD", word):
        if not ch.isalpha() or _script(ch) == "LATIN":
            out.append(ch)
            continue
        latin = _latin_lookalike(ch)
        if latin is None:
            return None
        out.append(latin)
    return unicodedata.normalize("NFC", "".join(out))


@functools.cache
def _latin_lookalike(ch: str) -> str | None:
    """The ASCII letter of the same case that ``ch`` is confusable with, if any.

    Unicode's confusables map some capitals to a lower-case prototype (Cyrillic І to "l"), so a
    capital without a look-alike of its own case is folded through its lower-case form.
    """
    own = _ascii_homoglyphs(ch)
    same_case = [c for c in own if c.isupper() == ch.isupper()]
    if same_case:
        return same_case[0]
    lower = ch.lower()
    if ch.isupper() and lower != ch:
        via_lower = [c for c in _ascii_homoglyphs(lower) if c.islower()]
        if via_lower:
            return via_lower[0].upper()
    return None


def _ascii_homoglyphs(ch: str) -> list[str]:
    from confusable_homoglyphs.confusables import confusables_data

    glyphs = (d["c"] for d in confusables_data.get(ch, ()))
    return [c for c in glyphs if len(c) == 1 and c.isascii() and c.isalpha()]
