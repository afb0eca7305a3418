"""pyvi's word segmenter and part-of-speech tagger, run on features built once per syllable.

pyvi (``ViTokenizer.tokenize``, ``ViPosTagger.postagging_tokens``) builds a dictionary of
features for every syllable of every text it reads, with a dozen string calls each, and hands
it to its CRF through sklearn-crfsuite, which converts it again; on the corpus that Python work
costs twice the CRF itself. Here the same trained models (pyvi's own pickles, through their
``pycrfsuite`` taggers) are given the same features as python-crfsuite reads them: a list of
attribute names, each of weight 1 (``"word.lower():hà"`` for a string value, the name alone
for a true flag; a false flag weighs 0, so it is left out), with each syllable's facts worked
out once. The answers are pyvi's, to the label: ``tests/test_pyvi_models.py`` compares both on
real text.

pyvi stays the source of the models and of its syllable splitting; if a pyvi release changed
its features, that test would fail rather than the answers drift.
"""

from __future__ import annotations

import functools
import string
from typing import Any

_PUNCTUATION = frozenset(string.punctuation)


@functools.cache
def _segmenter() -> tuple[Any, frozenset[str], frozenset[str]]:
    """The segmenter's tagger and pyvi's lists of two- and three-syllable words (loaded when first
    asked: importing pyvi reads its models)."""
    from pyvi.ViTokenizer import ViTokenizer

    return ViTokenizer.model.tagger_, frozenset(ViTokenizer.bi_grams), frozenset(ViTokenizer.tri_grams)


@functools.cache
def _pos_tagger() -> tuple[Any, frozenset[str]]:
    from pyvi.ViPosTagger import ViPosTagger

    return ViPosTagger.model.tagger_, frozenset(ViPosTagger.filtered_tags)


def _placed(prefix: str, low: str, flags: dict[str, bool], names: tuple[str, ...]) -> list[str]:
    """A word's attributes as a CRF reads them from one place (``prefix``: "-1:", "+2:" ...): its
    lower case, then each of ``names`` whose flag is true, in pyvi's order."""
    return [f"{prefix}word.lower():{low}"] + [prefix + name for name in names if flags[name]]


@functools.lru_cache(maxsize=1 << 16)
def _syllable_attributes(word: str) -> tuple[str, list[str], list[str], list[str]]:
    """What the segmenter reads of one syllable, worked out once per syllable: its lower case, and
    its attributes as the syllable itself, as the one before and as the one after."""
    low = word.lower()
    flags = {
        "word.isupper()": word.isupper(),
        "word.istitle()": word.istitle(),
        "word.isdigit()": word.isdigit(),
    }
    return (
        low,
        ["bias", *_placed("", low, flags, ("word.isupper()", "word.istitle()", "word.isdigit()"))],
        _placed("-1:", low, flags, ("word.istitle()", "word.isupper()")),
        _placed("+1:", low, flags, ("word.istitle()", "word.isupper()")),
    )


def _segmenter_features(syllables: list[str]) -> list[list[str]]:
    """``ViTokenizer.sent2features`` as the CRF reads it, attribute by attribute in pyvi's order."""
    _, bi_grams, tri_grams = _segmenter()
    facts = [_syllable_attributes(s) for s in syllables]
    lows = [f[0] for f in facts]
    last = len(syllables) - 1
    sequence = []
    for i, (low, own, _, _) in enumerate(facts):
        item = own.copy()
        if i > 0:
            low1 = lows[i - 1]
            item += facts[i - 1][2]
            if low1 + " " + low in bi_grams:
                item.append("-1:word.bi_gram()")
            if i > 1 and lows[i - 2] + " " + low1 + " " + low in tri_grams:
                item.append("-2:word.tri_gram()")
        if i < last:
            low1 = lows[i + 1]
            item += facts[i + 1][3]
            if low + " " + low1 in bi_grams:
                item.append("+1:word.bi_gram()")
            if i < last - 1 and low + " " + low1 + " " + lows[i + 2] in tri_grams:
                item.append("+2:word.tri_gram()")
        sequence.append(item)
    return sequence


def segment_words(texts: list[str]) -> list[str]:
    """``ViTokenizer.tokenize(" ".join(texts)).split(" ")``: pyvi's words of the texts (tokens).
    pyvi's syllables of each text are worked out once per text, since no syllable pyvi cuts holds a
    space, and the words are made without the joined string."""
    syllables = [syllable for text in texts for syllable in _syllables(text)]
    return _words(syllables) if syllables else [" ".join(texts)]


@functools.lru_cache(maxsize=1 << 16)
def _syllables(text: str) -> tuple[str, ...]:
    from pyvi.ViTokenizer import ViTokenizer

    return tuple(ViTokenizer.sylabelize(text)[1])


def _words(syllables: list[str]) -> list[str]:
    """The segmenter's words: syllables it labels as going on a word joined by "_", as pyvi joins
    them (never across punctuation or digits, nor a capital after a lower-case syllable)."""
    labels = _segmenter()[0].tag(_segmenter_features(syllables))
    words, word = [], syllables[0]
    for i in range(1, len(labels)):
        syllable, before = syllables[i], syllables[i - 1]
        if (
            labels[i] == "I_W"
            and syllable not in _PUNCTUATION
            and before not in _PUNCTUATION
            and not syllable[0].isdigit()
            and not before[0].isdigit()
            and not (syllable[0].istitle() and not before[0].istitle())
        ):
            word += "_" + syllable
        else:
            words.append(word)
            word = syllable
    words.append(word)
    return words


@functools.lru_cache(maxsize=1 << 16)
def _word_attributes(word: str) -> tuple[list[str], ...]:
    """What the tagger reads of one word, worked out once per word: its attributes as the word
    itself, as the word one before, two before, one after and two after (pyvi reads a different
    set of flags at each place)."""
    low = word.lower()
    flags = {
        "word.istitle()": word.istitle(),
        "word.isdigit()": word.isdigit(),
        "word[:1].isdigit()": word[:1].isdigit(),
        "word[:3].isupper()": word[:3].isupper(),
        "word.isupper()": word.isupper(),
    }
    own = [
        "bias",
        *_placed(
            "", low, flags, ("word.istitle()", "word.isdigit()", "word[:1].isdigit()", "word[:3].isupper()")
        ),
    ]
    if word in _pos_tagger()[1]:
        own.append("word.isfiltered")
    return (
        own,
        _placed("-1:", low, flags, ("word.istitle()", "word[:1].isdigit()", "word[:3].isupper()")),
        _placed("-2:", low, flags, ("word.istitle()", "word.isupper()")),
        _placed("+1:", low, flags, ("word.istitle()", "word[:1].isdigit()", "word.isupper()")),
        _placed("+2:", low, flags, ("word.istitle()", "word.isupper()")),
    )


def _tagger_features(words: list[str]) -> list[list[str]]:
    """``ViPosTagger.sent2features`` as the CRF reads it, attribute by attribute in pyvi's order."""
    attributes = [_word_attributes(w) for w in words]
    last = len(words) - 1
    sequence = []
    for i, (own, *_) in enumerate(attributes):
        item = own.copy()
        if i > 0:
            item += attributes[i - 1][1]
            if i > 1:
                item += attributes[i - 2][2]
        else:
            item.append("BOS")
        if i < last:
            item += attributes[i + 1][3]
            if i < last - 1:
                item += attributes[i + 2][4]
        else:
            item.append("EOS")
        sequence.append(item)
    return sequence


def pos_tags(words: list[str]) -> list[str]:
    """``ViPosTagger.postagging_tokens(words)[1]``: one tag per word."""
    return list(_pos_tagger()[0].tag(_tagger_features(words)))
