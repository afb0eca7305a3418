"""Tokens as tokenizing makes them: the same fields as the constructor gives."""

from __future__ import annotations

import dataclasses

from vnpolitics.extract.tokens import Token, tokenize


def test_tokenize_sets_every_field_as_the_constructor_does() -> None:
    """``tokenize`` makes tokens without calling ``Token``; a field added to Token and not to
    ``tokenize`` would be missing or wrong in every token, so every field is compared."""
    text = "Sáng 29/1, Chủ tịch UBND TP.HCM ông K'Ho gặp GD-ĐT và AB-CD tại T.Ư."
    for made in tokenize(text, 10):
        expected = Token(made.text, made.start, made.end, made.kind, made.abbr)
        for f in dataclasses.fields(Token):
            assert getattr(made, f.name) == getattr(expected, f.name), (made.text, f.name)
