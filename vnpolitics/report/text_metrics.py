"""Estimated text widths, for fitting labels into SVG drawn in Python.

SVG cannot measure text before the browser lays it out, and the charts are drawn before any
browser sees them, so room for labels is decided from per-character estimates. They err wide,
never narrow: a label may leave space to spare, but it does not run into its neighbour or off the
chart.
"""

from __future__ import annotations

import unicodedata

FONT_SIZE = 13

# Advance widths in em, rounded up from DejaVu Sans (the widest common sans fallback), by the
# base letter (diacritics do not widen Vietnamese letters): estimates err wide, never narrow.
NARROW_CHARS = frozenset(" ijlt.,;:'!|()[]/")
MEDIUM_CHARS = frozenset("frszcIJ-")
WIDE_CHARS = frozenset("mwMW")


def char_width(char: str) -> float:
    """Estimated advance of one character in em."""
    base = unicodedata.normalize("NFD", char)[:1] or char
    if base in NARROW_CHARS:
        return 0.34
    if base in MEDIUM_CHARS:
        return 0.54
    if base in WIDE_CHARS:
        return 0.98
    return 0.8 if base.isupper() else 0.64


def text_width(label: str, font_size: float = FONT_SIZE) -> float:
    """Estimated rendered width: SVG cannot measure text before the browser lays it out."""
    return sum(char_width(c) for c in label) * font_size


def fit_label(label: str, max_width: float, font_size: float = FONT_SIZE) -> str:
    """Shorten a label with an ellipsis so it fits; the full text stays in the tooltip."""
    if text_width(label, font_size) <= max_width:
        return label
    keep = len(label)
    while keep > 1 and text_width(label[:keep].rstrip() + "…", font_size) > max_width:
        keep -= 1
    return label[:keep].rstrip() + "…"


def wrap_label(label: str, max_width: float, font_size: float = FONT_SIZE) -> list[str]:
    """One line when it fits, else two: the most balanced split that fits, or else as much as fits
    on the first line and the rest shortened with an ellipsis. Names of bodies run long ("Ban Chấp
    hành Đảng bộ Khối các cơ quan Trung ương")."""
    if text_width(label, font_size) <= max_width:
        return [label]
    words = label.split()
    splits = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    fitting = [pair for pair in splits if max(text_width(line, font_size) for line in pair) <= max_width]
    if fitting:
        return list(min(fitting, key=lambda pair: max(text_width(line, font_size) for line in pair)))
    first_fits = [pair for pair in splits if text_width(pair[0], font_size) <= max_width]
    if not first_fits:
        return [fit_label(label, max_width, font_size)]
    first, rest = first_fits[-1]
    return [first, fit_label(rest, max_width, font_size)]
