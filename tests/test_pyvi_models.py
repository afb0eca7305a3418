"""pyvi's models fed by ``pyvi_models`` give pyvi's own answers, word for word and tag for tag."""

from __future__ import annotations

from pathlib import Path

import pytest
from pyvi import ViPosTagger, ViTokenizer

from vnpolitics.extract.pyvi_models import pos_tags, segment_words
from vnpolitics.extract.tokens import tokenize

REPO = Path(__file__).resolve().parents[1]
SAMPLE_LINES = [
    line
    for path in sorted((REPO / "raw").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]
# What pyvi's syllable splitting and features treat apart: capitals, digits and dates, acronyms,
# punctuation of every kind, abbreviations with a dot, a web address, a lone word.
ODD_LINES = [
    "Sáng 29/1/2024, UBND TP.HCM và Bộ GD-ĐT họp; ông A. Nguyễn (ThS.) nói: “Được!”...",
    "TP. Hồ Chí Minh - Tp. Huế ==> 1.234,5 tỷ đồng -> www.example.vn/tin?a=1 >> NXB",
    "Hà",
    "VIỆT NAM VÀ LÀO KÝ KẾT 12 VĂN KIỆN",
    "Đ/c Y Thanh Hà Niê Kđăm, K'Ho, H’Mông: 3 - 4 người…",
]


def test_the_samples_are_read_line_by_line() -> None:
    assert len(SAMPLE_LINES) > 50


@pytest.mark.parametrize("line", SAMPLE_LINES + ODD_LINES)
def test_segmenting_and_tagging_give_pyvis_answers(line: str) -> None:
    words = ViTokenizer.tokenize(line)
    assert segment_words([line]) == words.split(" ")
    split = words.split(" ")
    assert pos_tags(split) == list(ViPosTagger.postagging_tokens(split)[1])


@pytest.mark.parametrize("line", SAMPLE_LINES + ODD_LINES)
def test_the_words_of_a_sentences_tokens_are_pyvis_words_of_the_joined_tokens(line: str) -> None:
    texts = [t.text for t in tokenize(line)]
    assert segment_words(texts) == ViTokenizer.tokenize(" ".join(texts)).split(" ")


def test_an_empty_text_is_returned_as_it_is() -> None:
    assert pos_tags([]) == []
    assert segment_words([]) == [""] == ViTokenizer.tokenize("").split(" ")
