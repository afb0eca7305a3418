"""Encoders for the legacy forms newsroom files arrive in, for tests that must produce them."""

from __future__ import annotations

import unicodedata

_SHAPE_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn: precomposed in cp1258; tones are not


def to_cp1258(text: str) -> bytes:
    """Encode like a Windows-1258 editor: base letters precomposed, tone marks as combining characters."""
    out = []
    for ch in text:
        decomposed = unicodedata.normalize("NFD", ch)
        base, marks = decomposed[0], decomposed[1:]
        shape = "".join(m for m in marks if m in _SHAPE_MARKS)
        tones = "".join(m for m in marks if m not in _SHAPE_MARKS)
        out.append(unicodedata.normalize("NFC", base + shape) + tones)
    return "".join(out).encode("cp1258")
