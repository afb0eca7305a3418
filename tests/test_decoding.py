"""decode_bytes: every encoding a newsroom produces ends up as the same NFC text."""

from __future__ import annotations

import unicodedata

import pytest
from legacy_encodings import to_cp1258

from vnpolitics.extract.decoding import decode_bytes, html_to_text
from vnpolitics.extract.records import RejectedFile

VI = (
    "Chiều 29/1, Ban Thường vụ Thành ủy đã tổ chức hội nghị sơ kết công tác phối hợp.\n"
    "Đồng chí Bí thư phát biểu.\n"
)


def test_plain_utf8_is_unchanged() -> None:
    decoded = decode_bytes(VI.encode("utf-8"))
    assert decoded.text == VI
    assert decoded.encoding == "utf-8"
    assert decoded.flags == ()


def test_utf8_bom_is_dropped_and_flagged() -> None:
    decoded = decode_bytes(b"\xef\xbb\xbf" + VI.encode("utf-8"))
    assert decoded.text == VI
    assert decoded.encoding == "utf-8-sig"
    assert "bom" in decoded.flags


@pytest.mark.parametrize(
    "codec, bom, name",
    [
        ("utf-16-le", b"\xff\xfe", "utf-16-le"),
        ("utf-16-be", b"\xfe\xff", "utf-16-be"),
    ],
)
def test_utf16_with_bom(codec: str, bom: bytes, name: str) -> None:
    decoded = decode_bytes(bom + VI.encode(codec))
    assert decoded.text == VI
    assert decoded.encoding == name
    assert "bom" in decoded.flags


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected_from_nul_pattern(codec: str) -> None:
    decoded = decode_bytes(VI.encode(codec))
    assert decoded.text == VI
    assert decoded.encoding == codec


def test_windows_1258_gives_nfc_vietnamese() -> None:
    raw = to_cp1258(VI)
    assert raw.decode("cp1258") != VI  # combining tone marks: the raw decode is not NFC
    decoded = decode_bytes(raw)
    assert decoded.encoding == "windows-1258"
    assert decoded.text == VI
    assert unicodedata.is_normalized("NFC", decoded.text)


def test_nfd_is_normalised_to_nfc() -> None:
    nfd = unicodedata.normalize("NFD", VI)
    assert nfd != VI
    decoded = decode_bytes(nfd.encode("utf-8"))
    assert decoded.text == VI
    assert "nfd_normalised" in decoded.flags


def test_crlf_and_lone_cr_become_newlines() -> None:
    crlf = decode_bytes(VI.replace("\n", "\r\n").encode("utf-8"))
    assert crlf.text == VI and "crlf" in crlf.flags
    cr = decode_bytes(VI.replace("\n", "\r").encode("utf-8"))
    assert cr.text == VI and "cr" in cr.flags


def test_invalid_bytes_in_utf8_file_are_replaced_not_mojibake() -> None:
    raw = VI.encode("utf-8")
    middle = len(raw) // 2
    raw = raw[:middle] + b"\xff\xfe\xfa" + raw[middle:]
    decoded = decode_bytes(raw)
    assert decoded.encoding == "utf-8"
    assert "replacement_chars" in decoded.flags
    assert "\ufffd" in decoded.text
    assert "Thường vụ Thành ủy" in decoded.text  # the real letters survive


def test_zero_width_and_nbsp_are_normalised() -> None:
    decoded = decode_bytes("Thành\u200b ủy\u00a0Hà\ufeffNội\n".encode())
    assert decoded.text == "Thành ủy HàNội\n"


def test_html_page_becomes_readable_text() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Trang</title><style>p {color: red}</style></head>"
        "<body><nav>Trang chủ | Chính trị</nav><header>Báo điện tử</header>"
        "<h1>Hội nghị sơ kết</h1><p>Chiều 29/1, Ban Thường vụ &amp; Thành ủy đã họp.</p>"
        "<script>var x = '<p>no</p>';</script><p>Đồng chí Bí thư&nbsp;phát biểu.<br>Dòng hai</p>"
        "<footer>Bản quyền</footer></body></html>"
    )
    decoded = decode_bytes(page.encode("utf-8"))
    assert "html" in decoded.flags
    assert decoded.encoding == "html+utf-8"
    lines = [line for line in decoded.text.split("\n") if line]
    assert lines == [
        "Hội nghị sơ kết",
        "Chiều 29/1, Ban Thường vụ & Thành ủy đã họp.",
        "Đồng chí Bí thư phát biểu.",
        "Dòng hai",
    ]


def test_html_to_text_keeps_plain_text_between_blocks() -> None:
    assert html_to_text("<div>Một <b>hai</b>\n  ba</div><p>bốn</p>") == "Một hai ba\n\nbốn\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", "\u00a0\u200b\n".encode()])
def test_empty_files_are_rejected(data: bytes) -> None:
    with pytest.raises(RejectedFile, match="empty file"):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data, kind",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00", "GZIP"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00", "GIF"),
    ],
)
def test_binary_magic_numbers_are_rejected_by_type(data: bytes, kind: str) -> None:
    with pytest.raises(RejectedFile) as info:
        decode_bytes(data)
    assert info.value.reason == f"binary file ({kind})"


def test_random_nul_bytes_are_binary() -> None:
    with pytest.raises(RejectedFile, match="binary file"):
        decode_bytes(b"\x00\x01\x02\x00\xaa\x00\x00\x10\x00\x00\xff\x00" * 20)


@pytest.mark.parametrize(
    "text",
    [
        "The Prime Minister met the delegation in Hanoi on Tuesday to discuss trade.\n",
        "国家主席在河内会见了代表团。\n",
        "Chieu 29/1, Ban Thuong vu Thanh uy da to chuc hoi nghi so ket cong tac phoi hop.\n",
    ],
)
def test_text_that_is_not_vietnamese_is_rejected_with_its_share(text: str) -> None:
    with pytest.raises(RejectedFile, match=r"not Vietnamese text: 0\.0% of its letters"):
        decode_bytes(text.encode())


def test_an_english_line_inside_a_vietnamese_article_is_kept() -> None:
    text = VI + "Photo: Reuters / Associated Press, all rights reserved.\n"
    assert decode_bytes(text.encode()).text == text
