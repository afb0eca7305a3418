"""The shape of a Vietnamese syllable: onset, rhyme and tone, and nothing else.

"Tillerson", "Jong", "Tsogzolmaa" and "Adrơng" cannot be spelled as one Vietnamese syllable;
"Phông", "Vẳn" and "Nghị" can. A name whose syllables all have this shape reads as Vietnamese
(or as a foreign name in Vietnamese spelling); one with any other syllable is foreign or a minority
language's, which tells the name model how far a family name may run.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")

# onset, nucleus (with its glide), coda: after tone marks are removed and letters lowered
_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"(?:uyê|uya|oai|oay|oao|oeo|uây|uôi|ươi|ươu|iêu|yêu|uyu|uê|uy|uâ|uô|ươ|uơ|ưa|ưu|ưi|iê|yê|ia|ua|oa|oă|"
    r"oe|oo|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)"
    r"(?:ch|ng|nh|c|m|n|p|t)?"
)


# The longest spelling the pattern allows is 8 letters ("ngh" + "uyê" + "ng"), 10 code points with
# its marks decomposed; anything longer is no Vietnamese syllable.
MAX_VIETNAMESE_SYLLABLE_CHARS = 10


def is_vietnamese_syllable(text: str) -> bool:
    """Whether ``text`` (one syllable, any case) is spelled like a Vietnamese syllable."""
    # A long word is none, and is not cached: a hostile file's 200,000-letter "syllable" costs nothing.
    return len(text) <= MAX_VIETNAMESE_SYLLABLE_CHARS and _is_vietnamese_syllable(text)


@functools.lru_cache(maxsize=65536)
def _is_vietnamese_syllable(text: str) -> bool:
    plain = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if c not in _TONE_MARKS)
    return _SYLLABLE_RE.fullmatch(unicodedata.normalize("NFC", plain)) is not None
