"""Raw bytes -> NFC article text.

Files arrive from scrapers and editors in every shape: UTF-8 with or without BOM,
UTF-16, the legacy Vietnamese code page Windows-1258, decomposed (NFD) Unicode,
Windows/Mac line ends, whole HTML pages, or not text at all. Everything downstream
works on character offsets, so the text must be one canonical form (NFC, ``\\n``).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

from vnpolitics.extract.html_text import has_markup, html_to_text, markup_to_text
from vnpolitics.extract.records import DecodedText, RejectedFile
from vnpolitics.extract.scripts import fold_mixed_script_words, remove_format_characters

# Magic numbers of binary formats that end up in news folders (attachments, scans, archives).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"\x1f\x8b", "GZIP"),
    (b"RIFF", "RIFF"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE/MS Office"),
    (b"\x7fELF", "ELF"),
)

# Order matters: the UTF-32 LE BOM starts with the UTF-16 LE BOM.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SPACE_LIKE_RE = re.compile("[\u00a0\u2007\u202f\u3000]")
# C0/C1 controls other than tab and newline carry no text and break offsets in viewers.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_HTML_RE = re.compile(r"<(?:!doctype\s+html|html|body|head)\b", re.IGNORECASE)
# ``[^<>]*``, not ``[^>]*``: a tag never holds "<", and a page of unclosed "<p" costs one pass.
_HTML_BLOCK_TAG_RE = re.compile(r"<(?:p|div|br|h[1-6]|li|table|article)\b[^<>]*>", re.IGNORECASE)
_META_CHARSET_RE = re.compile(rb"charset\s*=\s*[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)

# Letters only Vietnamese uses (beyond ASCII): đ, ơ, ư, ă, â, ê, ô and tone-marked vowels.
_VIETNAMESE_LETTERS = frozenset(
    "đơưăâêôĐƠƯĂÂÊÔ"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ"
)


def decode_bytes(data: bytes) -> DecodedText:
    """Decode one raw file into NFC text with ``\\n`` line ends; raise ``RejectedFile`` if unusable."""
    if not data.strip():
        raise RejectedFile("empty file")
    _reject_binary_magic(data)
    text, encoding, flags = _decode_to_str(data)
    text, line_flags = _normalise_line_ends(text)
    flags += line_flags
    if _looks_like_html(text):
        text = html_to_text(text)
        encoding = f"html+{encoding}"
        flags.append("html")
    elif has_markup(text):
        # A text file holding tags (a page fragment pasted into a .txt): tags stripped, once.
        text = markup_to_text(text)
        flags.append("markup_stripped")
    text, norm_flags = _normalise_characters(text)
    flags += norm_flags
    if not text.strip():
        raise RejectedFile("empty file")
    _reject_non_vietnamese(text)
    return DecodedText(text=text, encoding=encoding, flags=tuple(flags))


# Vietnamese prose has a diacritic letter in most words: 15-35% of its letters are ones only
# Vietnamese uses. English, French or Chinese text (or Vietnamese stripped of its accents,
# which the extractor cannot read) stays far below this share.
MIN_VIETNAMESE_LETTER_SHARE = 0.03


def _reject_non_vietnamese(text: str) -> None:
    # counted per distinct character (Counter counts in C): every file of a run is judged here,
    # in the process that hands the files to the extraction workers
    counts = Counter(text)
    letters = sum(n for ch, n in counts.items() if ch.isalpha())
    vietnamese = sum(n for ch, n in counts.items() if ch in _VIETNAMESE_LETTERS)
    share = vietnamese / letters if letters else 0.0
    if share < MIN_VIETNAMESE_LETTER_SHARE:
        raise RejectedFile(
            f"not Vietnamese text: {share:.1%} of its letters are Vietnamese "
            f"(at least {MIN_VIETNAMESE_LETTER_SHARE:.0%} expected)"
        )


def _reject_binary_magic(data: bytes) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise RejectedFile(f"binary file ({kind})")


def _decode_to_str(data: bytes) -> tuple[str, str, list[str]]:
    """Pick the encoding: BOM, then BOM-less UTF-16, then UTF-8, then Windows-1258."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace"), encoding, ["bom"]
    utf16 = _sniff_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace"), utf16, []
    if b"\x00" in data:
        raise RejectedFile("binary file (NUL bytes)")
    if _control_byte_ratio(data) > 0.1:
        raise RejectedFile("binary file (control bytes)")
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        return _decode_non_utf8(data)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: ASCII letters leave a NUL in every other byte, on one side only."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= 0.2 and even_nul <= 0.02:
        return "utf-16-le"
    if even_nul >= 0.2 and odd_nul <= 0.02:
        return "utf-16-be"
    return None


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_NOT_CONTROL_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)


def _control_byte_ratio(data: bytes) -> float:
    sample = data[:4096]
    return len(sample.translate(None, _NOT_CONTROL_BYTES)) / len(sample)  # the control bytes kept


def _decode_non_utf8(data: bytes) -> tuple[str, str, list[str]]:
    """Bytes that are not valid UTF-8: a damaged UTF-8 file, a declared charset, or Windows-1258.

    A file whose multi-byte sequences are mostly valid UTF-8 is UTF-8 with a few bad bytes;
    reading it as cp1258 would turn every Vietnamese letter into mojibake.
    """
    as_utf8 = data.decode("utf-8", errors="replace")
    bad = as_utf8.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for ch in as_utf8 if ord(ch) > 127 and ch != "\ufffd")
    if good >= 2 * bad:
        return as_utf8, "utf-8", ["replacement_chars"]
    for encoding in (_declared_charset(data), "cp1258"):
        if encoding is None:
            continue
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _plausible_vietnamese(text):
            name = codecs.lookup(encoding).name
            return text, "windows-1258" if name == "cp1258" else name, []
    return as_utf8, "utf-8", ["replacement_chars"]


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its head, if any."""
    match = _META_CHARSET_RE.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def _plausible_vietnamese(text: str) -> bool:
    """True when most non-ASCII letters are Vietnamese ones and no C1 control bytes appear."""
    nfc = unicodedata.normalize("NFC", text)
    if any(0x80 <= ord(ch) <= 0x9F for ch in nfc):
        return False
    non_ascii = [ch for ch in nfc if ord(ch) > 127 and ch.isalpha()]
    if not non_ascii:
        return False
    return sum(ch in _VIETNAMESE_LETTERS for ch in non_ascii) / len(non_ascii) >= 0.8


def _normalise_line_ends(text: str) -> tuple[str, list[str]]:
    flags = []
    if "\r\n" in text:
        flags.append("crlf")
        text = text.replace("\r\n", "\n")
    if "\r" in text:
        flags.append("cr")
        text = text.replace("\r", "\n")
    return text, flags


def _normalise_characters(text: str) -> tuple[str, list[str]]:
    """NFC; no invisible format characters; mixed-script words folded to Latin; NBSP as plain
    space; no control characters. Flags say which of the first three changed the text."""
    flags = []
    nfc = unicodedata.normalize("NFC", text)
    if nfc != text:
        flags.append("nfd_normalised")
    text, removed = remove_format_characters(nfc)
    if removed:
        flags.append("zero_width_removed")
        text = unicodedata.normalize("NFC", text)  # a removed character may have split a letter from its mark
    text, folded = fold_mixed_script_words(text)
    if folded:
        flags.append("confusables_folded")
    text = _SPACE_LIKE_RE.sub(" ", text)
    text = _CONTROL_RE.sub("", text.replace("\f", "\n"))
    return text, flags


def _looks_like_html(text: str) -> bool:
    head = text[:5000]
    if _HTML_RE.search(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_BLOCK_TAG_RE.findall(head)) >= 2
