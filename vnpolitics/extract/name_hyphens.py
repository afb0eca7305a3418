"""Foreign names printed with a spaced hyphen: "Kim Yo - Jong", "Ri Yong - ho", "Jean - Claude".

Some outlets put spaces around the hyphen of a Korean given name or a French double first name.
Read as printed, the hyphen cuts the name ("Kim Yo", "Claude Juncker"), so the hyphen is closed
before anything else reads the line. A spaced hyphen also joins two names or places ("Trump -
Putin", "Việt Nam - Hàn Quốc"), so it is closed only where the words around it can only be one
name: plain Latin syllables no Vietnamese spells, and a shape only a hyphenated name has.
"""

from __future__ import annotations

import re

from vnpolitics.extract.syllables import is_vietnamese_syllable

# Latin letters only on both sides, no combining mark after (a decomposed "ngư" is "ng" + marks)
_SPACED_HYPHEN = re.compile(r"(?<![\w-])([A-Za-z]+) [-–] ([A-Za-z]+)(?![\w\u0300-\u036f-])")
SHORT_PART_MAX = 4  # letters of a Korean given name's second syllable ("ho", "un", "chol", "Jong")


def close_name_hyphens(line: str) -> str:
    """``line`` with the spaced hyphens of foreign names closed ("Kim Yo-Jong")."""
    if " - " not in line and " – " not in line:
        return line
    return _SPACED_HYPHEN.sub(lambda m: _closed(m, line), line)


def _closed(m: re.Match[str], line: str) -> str:
    left, right = m.group(1), m.group(2)
    if not left[0].isupper() or is_vietnamese_syllable(left):
        return m.group()
    before = _word_before(line, m.start())
    after = _word_after(line, m.end())
    if right.islower() and len(right) <= SHORT_PART_MAX:
        joined = True  # "Ri Yong - ho", "Moon Jae - in": no clause opens with such a word
    elif right[0].isupper() and not is_vietnamese_syllable(right):
        # "Jean - Claude Juncker": the name runs on after the hyphen and opens before it (after a
        # lower-case or a Vietnamese word: "Ngoại trưởng Pháp Jean - Yves Le Drian"); "Kim Yo -
        # Jong": the name runs up to the hyphen and a short syllable ends it
        opens_here = not before[:1].isupper() or is_vietnamese_syllable(before.strip(",.;:()"))
        joined = (opens_here and after[:1].isupper()) or (
            before[:1].isupper() and len(right) <= SHORT_PART_MAX and not after[:1].isupper()
        )
    else:
        joined = False
    return f"{left}-{right}" if joined else m.group()


def _word_before(line: str, at: int) -> str:
    words = line[:at].split()
    return words[-1] if words else ""


def _word_after(line: str, at: int) -> str:
    words = line[at:].split()
    return words[0] if words else ""
