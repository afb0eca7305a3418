"""What an attacker or a careless crawler feeds the extractor (issue 20), generated at test time.

Each test states a rule that would fail if its mechanism were taken out: the HTML parser that is
linear on unclosed tags, markup stripped once and never re-parsed, invisible characters removed
and flagged, look-alike letters folded or kept out of names, length limits on names, and a
distinct printable name for every file. Every name here is invented.
"""

from __future__ import annotations

import logging
import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from bad_inputs import glued_by_joiner, hostile_html, invented_article, person_of, with_cyrillic_look_alike
from html_reference import html_to_text as html_parser_text

from vnpolitics.extract.article import extract_article
from vnpolitics.extract.decoding import decode_bytes
from vnpolitics.extract.html_text import has_markup, html_to_text
from vnpolitics.extract.scripts import MAX_SYLLABLE_CHARS, is_name_syllable_shape
from vnpolitics.warehouse import scan
from vnpolitics.warehouse.batch_extraction import file_part
from vnpolitics.warehouse.scan import ScanProgress, scan_folder

NAME = "Nguyễn Văn An"
REPORT = "Sáng 5/3/2024, Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai nhiệm vụ năm 2024.\n"


def _sentence(name: str) -> str:
    return REPORT + f"Đồng chí {name}, Bí thư Tỉnh ủy, phát biểu chỉ đạo hội nghị.\n"


def _people(text: str) -> tuple[tuple[str, ...], list[str], list[tuple[str, str]]]:
    """Flags of the decoded file, the people and the (person, post) pairs the extractor finds."""
    decoded = decode_bytes(text.encode())
    extraction = extract_article(decoded.text)
    return (
        decoded.flags,
        [p.full_name for p in extraction.people],
        [(t.full_name, t.title) for t in extraction.titles],
    )


# --- bounded work: HTML -----------------------------------------------------------------------


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Raise TimeoutError in this (main) thread after ``seconds``: a quadratic parser fails the
    test in seconds instead of holding it for a day."""

    def expire(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_5mb_page_of_unclosed_tags_decodes_in_seconds_not_days() -> None:
    page = hostile_html(invented_article(2))
    assert len(page) > 4_500_000
    # html.parser took 190 s on 192 KB of this and grows with the square of the size.
    with _deadline(20):
        decoded = decode_bytes(page)
    assert "html" in decoded.flags
    assert person_of(2) in decoded.text


def _ordinary_pages() -> list[str]:
    from bad_inputs import html_page

    pages = [html_page(invented_article(i)) for i in range(8)]
    pages.append(
        "<!DOCTYPE html><html><head><title>T</title><meta charset='utf-8'></head><body>"
        "<header><p>Báo</p></header><div class='a'>Một <b>hai</b>\n  ba &amp; bốn&nbsp;năm</div>"
        "<ul><li>x</li><li>y</li></ul><table><tr><td>a</td><td>b</td></tr></table>c<br>d<br/>e<hr>f"
        "<!-- comment -->g<nav><p>menu</p></nav><p>h <a href='/x?a=1&amp;b=2'>link</a> i</p>"
        "<figure><img src='x.jpg'><figcaption>Ảnh: TTXVN</figcaption></figure>"
        "<script>if (a < b) { document.write('<p>no</p>'); }</script><footer>Bản quyền</footer></body></html>"
    )
    return pages


@pytest.mark.parametrize("page", _ordinary_pages())
def test_ordinary_pages_give_the_text_html_parser_gave(page: str) -> None:
    assert html_to_text(page) == html_parser_text(page)


def test_escaped_markup_in_a_page_stays_text_and_is_never_parsed_again() -> None:
    page = (
        "<html><body><h1>&lt;script&gt;alert(1)&lt;/script&gt; Hội nghị</h1>"
        "<p>Chiều 29/1, &lt;b&gt;Ban Thường vụ&lt;/b&gt; &amp;amp; Thành ủy đã họp.</p></body></html>"
    )
    decoded = decode_bytes(page.encode())
    assert decoded.text.split("\n") == [
        "<script>alert(1)</script> Hội nghị",
        "",
        "Chiều 29/1, <b>Ban Thường vụ</b> &amp; Thành ủy đã họp.",
        "",
    ]
    assert "markup_stripped" not in decoded.flags  # page text is not stripped a second time


def test_a_text_file_holding_tags_is_stripped_once_and_flagged() -> None:
    text = (
        "<b>Hội nghị sơ kết</b> &lt;i&gt;\n"
        "Chiều 29/1, <span class='x'>Ban Thường vụ</span> Thành ủy đã họp.<script>var t = 1;</script>\n"
        "Đồng chí Bí thư phát biểu.\n"
    )
    decoded = decode_bytes(text.encode())
    assert "markup_stripped" in decoded.flags and "html" not in decoded.flags
    assert decoded.text == (
        "Hội nghị sơ kết <i>\nChiều 29/1, Ban Thường vụ Thành ủy đã họp.\nĐồng chí Bí thư phát biểu.\n"
    )
    assert extract_article(decoded.text).metadata.title == "Hội nghị sơ kết <i>"


def test_text_without_tags_keeps_its_angle_brackets_and_entities() -> None:
    text = "Chiều 29/1, tỷ lệ <5% và <<Hồ sơ>> được bàn; &lt;script&gt; là chữ.\n"
    assert not has_markup(text)
    decoded = decode_bytes(text.encode())
    assert decoded.text == text and decoded.flags == ()


# --- names that cannot be faked ----------------------------------------------------------------


@pytest.mark.parametrize(
    "character", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202e", "\u2066"]
)
def test_format_characters_are_removed_and_flagged(character: str) -> None:
    decoded = decode_bytes(_sentence(f"Nguyễn Văn{character} An").encode())
    assert character not in decoded.text
    assert "zero_width_removed" in decoded.flags


def test_a_joiner_that_glues_two_words_forges_no_name() -> None:
    flags, people, titles = _people(_sentence(glued_by_joiner("Phạm Minh Khải")))
    assert "zero_width_removed" in flags
    assert people == [] and titles == []  # "PhạmMinh Khải" was a person with a post


def test_two_names_glued_by_a_joiner_are_not_one_person() -> None:
    _, people, _ = _people(_sentence("Trần Văn An\u200dNguyễn Thị Bình"))
    assert "Trần Văn AnNguyễn Thị Bình" not in people and people == []


def test_a_cyrillic_look_alike_is_folded_to_the_latin_name() -> None:
    forged = with_cyrillic_look_alike("Phạm Minh Khải")
    assert forged != "Phạm Minh Khải"
    flags, people, titles = _people(_sentence(forged))
    assert "confusables_folded" in flags
    assert people == ["Phạm Minh Khải"]  # the person everyone reads, not a second holder of the post
    assert titles == [("Phạm Minh Khải", "Bí thư Tỉnh ủy")]


def test_greek_look_alikes_are_folded_too() -> None:
    flags, people, _ = _people(_sentence("Ηoàng Văn Κhải"))  # Greek capital eta and kappa
    assert "confusables_folded" in flags and people == ["Hoàng Văn Khải"]


def test_a_mixed_script_word_without_latin_look_alikes_is_no_name() -> None:
    flags, people, titles = _people(_sentence("Рhжm Minh Khải"))  # Cyrillic ж has no Latin twin
    assert "confusables_folded" not in flags
    assert people == [] and titles == []


@pytest.mark.parametrize(
    "forged", ["Nguyễn Minh Кжn", "Nguyễn Văn Кжn Minh", "Nguyễn Văn A" + "a" * MAX_SYLLABLE_CHARS]
)
def test_a_vietnamese_name_is_not_cut_short_before_a_word_no_name_has(forged: str) -> None:
    # A Kinh family name's run ends at a syllable no Vietnamese word is spelled with ("Dương|David");
    # a word no name can have is not such an end: "Nguyễn Minh" is a person nobody wrote.
    _, people, titles = _people(_sentence(forged))
    assert people == [] and titles == []


def test_an_announced_foreign_name_holding_a_word_no_name_has_is_no_name() -> None:
    assert _people("Ông John Smiжh dự hội nghị.\n")[1] == []
    assert _people("Ông John Smith dự hội nghị.\n")[1] == ["John Smith"]


def test_words_wholly_in_another_script_are_left_as_printed() -> None:
    text = _sentence(NAME) + "Ông trích câu «Россия и Вьетнам» trong bài phát biểu.\n"
    decoded = decode_bytes(text.encode())
    assert "Россия и Вьетнам" in decoded.text and "confusables_folded" not in decoded.flags


def test_a_syllable_of_200000_letters_is_no_person() -> None:
    giant = "A" + "ạ" * 200_000
    started = time.monotonic()
    _, people, titles = _people(_sentence(f"Nguyễn Văn {giant}"))
    assert people == [] and titles == []
    assert time.monotonic() - started < 60


@pytest.mark.parametrize(
    "word, ok",
    [
        ("Nguyễn", True),
        ("McCain", True),
        ("K'Ho", True),
        ("MInh", True),  # a slip of the shift key, still the name
        ("Lertwilairatanapong", True),
        ("A" * MAX_SYLLABLE_CHARS, True),
        ("A" * (MAX_SYLLABLE_CHARS + 1), False),
        ("AnNguyễn", False),
        ("Рhạm", False),
        ("Ｐhạm", False),  # full-width P
        ("Phạᴍ", False),  # small capital M: Latin script, not a letter names are printed with
    ],
)
def test_the_shape_of_a_name_syllable(word: str, ok: bool) -> None:
    assert is_name_syllable_shape(word) is ok


def test_a_name_longer_than_80_characters_is_no_name() -> None:
    long_name = "Nguyễn " + " ".join(["Aaaaaaaaaaaaaaaaạ"] * 4)  # 5 syllables, 78 letters and spaces
    assert len(long_name) < 80
    assert _people(_sentence(long_name))[1] == [long_name]
    longer = "Nguyễn " + " ".join(["Aaaaaaaaaaaaaaaaaaaạ"] * 4)
    assert len(longer) > 80
    assert _people(_sentence(longer))[1] == []


def test_ordinary_names_are_untouched() -> None:
    flags, people, titles = _people(_sentence(NAME) + "Ông John McCain dự hội nghị.\n")
    assert flags == ()
    assert people == [NAME, "John McCain"]
    assert titles == [(NAME, "Bí thư Tỉnh ủy")]


# --- a distinct, printable name for every file ---------------------------------------------------


def _bytes_name(folder: Path, name: bytes, data: bytes) -> None:
    with open(os.fsencode(folder) + b"/" + name, "wb") as f:
        f.write(data)


def test_names_one_undecodable_byte_apart_stay_two_files(tmp_path: Path) -> None:
    _bytes_name(tmp_path, b"B\xe0i h\xc3\xa1t.txt", invented_article(0).encode())
    _bytes_name(tmp_path, b"B\xe1i h\xc3\xa1t.txt", invented_article(1).encode())
    records, loaded = scan_folder(tmp_path)
    assert [(r.source_file, r.status) for r in records] == [
        ("B\\xe0i hát.txt", "loaded"),
        ("B\\xe1i hát.txt", "loaded"),
    ]
    assert [r.source_file for r in scan_folder(tmp_path)[0]] == [r.source_file for r in records]
    assert {file_part(f.source_file) for f in loaded} <= set("0123456789abcdef")


def test_an_escaped_name_never_takes_a_real_name(tmp_path: Path) -> None:
    (tmp_path / "B\\xe0i.txt").write_text(invented_article(0))  # a real name with a backslash in it
    _bytes_name(tmp_path, b"B\xe0i.txt", invented_article(1).encode())
    names = [r.source_file for r in scan_folder(tmp_path)[0]]
    assert len(set(names)) == 2
    assert "B\\xe0i.txt" in names  # the real name is itself
    (escaped,) = (n for n in names if n != "B\\xe0i.txt")
    assert escaped.startswith("B\\xe0i.txt~") and len(escaped) == len("B\\xe0i.txt~") + 8


def test_control_and_direction_characters_in_names_are_escaped(tmp_path: Path) -> None:
    (tmp_path / "a\x1b[31mred.txt").write_text(invented_article(0))
    (tmp_path / "b\u202etxt.exe").write_text(invented_article(1))
    names = sorted(r.source_file for r in scan_folder(tmp_path)[0])
    assert names == ["a\\x1b[31mred.txt", "b\\u202etxt.exe"]
    assert all(n.isprintable() for n in names)


# --- progress during a long scan ---------------------------------------------------------------


def test_a_long_scan_says_how_far_it_got(tmp_path: Path, monkeypatch, caplog) -> None:
    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(invented_article(i))
    monkeypatch.setattr(scan, "SCAN_PROGRESS_FILES", 2)
    heard: list[ScanProgress] = []
    scan_folder(tmp_path, progress=heard.append)
    assert [(p.done, p.total) for p in heard] == [(2, 5), (4, 5)]
    assert str(heard[0]).startswith("scanned 2/5 files")
    with caplog.at_level(logging.INFO, logger="vnpolitics.warehouse.scan"):
        scan_folder(tmp_path)
    assert "scanned 4/5 files" in caplog.text
