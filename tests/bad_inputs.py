"""Generate a raw folder's worth of bad input, and what each file must end up as in ``ingest_files``.

Every file is made here, at test time, from invented articles (no real person is named and no
corpus text is copied): legacy encodings of one article, binaries renamed ``.txt``, HTML pages,
a 30 MB file, a 1 MB single line, English text, nested folders, hostile file names and
symbolic links pointing in and out of the folder; and what an attacker would try: a 5 MB page of
unclosed tags, names that differ only in bytes that are not UTF-8, markup and escaped markup,
invisible characters and look-alike letters inside officials' names.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from legacy_encodings import to_cp1258

# (name, post, body, place, day, month): each invented article names other, invented people.
_CAST = (
    ("Hoàng Văn Khải", "Bí thư Tỉnh ủy", "Tỉnh ủy", "Lạng Sơn", 14, 3),
    ("Đinh Thị Hạnh", "Chủ tịch Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh", "Cao Bằng", 9, 4),
    ("Lưu Quang Định", "Phó Bí thư Tỉnh ủy", "Tỉnh ủy", "Hà Giang", 22, 5),
    ("Mạc Văn Tường", "Bí thư Huyện ủy", "Huyện ủy", "Bảo Lạc", 3, 6),
    ("Kiều Thị Nga", "Chủ tịch Hội đồng nhân dân tỉnh", "Hội đồng nhân dân tỉnh", "Yên Bái", 17, 7),
    ("Tạ Minh Châu", "Giám đốc Sở Nội vụ", "Sở Nội vụ", "Tuyên Quang", 28, 8),
    ("La Văn Thịnh", "Bí thư Thành ủy", "Thành ủy", "Hải Phòng", 11, 9),
    ("Khổng Đức Lâm", "Phó Chủ tịch Ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh", "Bắc Kạn", 5, 10),
)
LIMIT_BYTES = 5_000_000  # the pipeline's default MAX_FILE_BYTES


def invented_article(index: int) -> str:
    """A short, plausible meeting report about invented officials (distinct text per index)."""
    name, post, body, place, day, month = _CAST[index % len(_CAST)]
    year = 2019 + index // len(_CAST)
    return (
        f"{body} {place} tổ chức hội nghị sơ kết công tác\n\n"
        f"Sáng {day}/{month}/{year}, {body} {place} tổ chức hội nghị sơ kết công tác 6 tháng đầu năm.\n\n"
        f"Đồng chí {name}, {post} {place}, chủ trì hội nghị và phát biểu chỉ đạo.\n\n"
        f"Dự hội nghị có các đồng chí trong Ban Thường vụ và lãnh đạo các sở, ngành của tỉnh {place}.\n"
    )


_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô")
_MIDDLE = ("Văn", "Thị", "Minh", "Quốc", "Hữu", "Đức", "Thanh", "Ngọc", "Xuân", "Hồng")
_GIVEN = ("An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Khánh", "Long", "Nam", "Phong")


def delegates(count: int, first: int = 0) -> list[str]:
    """``count`` distinct invented full names (up to 1,000), from the ``first``-th on."""
    names = [f"{s} {m} {g}" for s in _SURNAMES for m in _MIDDLE for g in _GIVEN]
    assert first + count <= len(names)
    return names[first : first + count]


def congress_article(
    count: int, per_sentence: int = 20, province: str = "Yên Bái", day: str = "12/10/2020", first: int = 0
) -> str:
    """An invented congress report that names ``count`` delegates (``delegates(count, first)``)
    as attending, by lists."""
    names = delegates(count, first)
    lines = [
        f"Đại hội đại biểu Đảng bộ tỉnh {province} lần thứ XX",
        "",
        f"Sáng {day}, Đại hội đại biểu Đảng bộ tỉnh {province} khai mạc.",
        "",
    ]
    for start in range(0, count, per_sentence):
        lines.append("Dự đại hội có các đồng chí " + ", ".join(names[start : start + per_sentence]) + ".")
    return "\n".join(lines) + "\n"


def person_of(index: int) -> str:
    return _CAST[index % len(_CAST)][0]


@dataclass(frozen=True)
class Expected:
    status: str  # loaded | duplicate | rejected
    reason: str | None = None  # a substring of ingest_files.reason
    flag: str | None = None  # a flag ingest_files.flags must hold


def hostile_html(article: str, size: int = LIMIT_BYTES - 200_000) -> bytes:
    """An HTML page holding ``article``, padded to ``size`` bytes with "<a" that never closes:
    quadratic for Python's html.parser (more than a day at 5 MB)."""
    head = f"<html><body><p>{article}</p>\n".encode()
    return head + b"<a" * ((size - len(head)) // 2)


def with_cyrillic_look_alike(name: str) -> str:
    """``name`` with its first letter replaced by a Cyrillic look-alike (P, H, T, K, M, B, A, C, E, O)."""
    look_alikes = dict(zip("PHTKMBACEO", "РНТКМВАСЕО", strict=True))
    return look_alikes[name[0]] + name[1:]


def glued_by_joiner(name: str) -> str:
    """``name`` with a zero-width joiner in place of its first space ("Phạm\u200dMinh ...")."""
    return name.replace(" ", "\u200d", 1)


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("bai-viet.txt", invented_article(0))
    return buffer.getvalue()


def html_page(article: str, charset: str = "utf-8") -> str:
    """A saved page holding ``article``: its first line as the headline, the rest as paragraphs,
    with the script, style and menu a real page carries."""
    title, *paragraphs = [p for p in article.split("\n") if p.strip()]
    body = "".join(f"<p>{p}</p>\n" for p in paragraphs)
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>{title}</title>'
        "<script>var tracking = {page: 1};</script><style>p {margin: 0}</style></head>\n"
        f'<body><nav><a href="/">Trang chủ</a></nav><article><h1>{title}</h1>\n{body}</article>'
        "</body></html>\n"
    )


def write_bad_inputs(raw: Path, outside: Path) -> dict[str, Expected]:
    """Write every case under ``raw`` (and link targets under ``outside``); returns name -> expected row."""
    expected: dict[str, Expected] = {}

    def put(name: str, data: bytes, want: Expected) -> None:
        path = raw / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expected[name] = want

    # Not articles at all.
    put("bad/empty.txt", b"", Expected("rejected", "empty file"))
    put("bad/photo.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(2048), Expected("rejected", "binary file (PNG)"))
    put(
        "bad/scan.txt",
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n" + os.urandom(2048),
        Expected("rejected", "(PDF)"),
    )
    put("bad/archive.txt", _zip_bytes(), Expected("rejected", "binary file (ZIP)"))
    put(
        "lang/english.txt",
        b"The minister met the delegation in Hanoi on Tuesday.\n" * 20,
        Expected("rejected", "not Vietnamese text"),
    )

    # One article in every encoding: the first (in sorted order) is loaded, the rest are the same text.
    article = invented_article(0)
    same = Expected("duplicate", "duplicate of encodings/a_utf8.txt (same text, other bytes)")
    put("encodings/a_utf8.txt", article.encode(), Expected("loaded"))
    put("encodings/b_bom.txt", codecs.BOM_UTF8 + article.encode(), same)
    put("encodings/c_utf16le.txt", codecs.BOM_UTF16_LE + article.encode("utf-16-le"), same)
    put("encodings/d_utf16be.txt", codecs.BOM_UTF16_BE + article.encode("utf-16-be"), same)
    put("encodings/e_utf16le_no_bom.txt", article.encode("utf-16-le"), same)
    put("encodings/f_cp1258.txt", to_cp1258(article), same)
    put("encodings/g_nfd.txt", unicodedata.normalize("NFD", article).encode(), same)
    put("encodings/h_crlf.txt", article.replace("\n", "\r\n").encode(), same)
    put("encodings/i_cr.txt", article.replace("\n", "\r").encode(), same)

    # Invalid UTF-8 inside a person's name: replaced and flagged, never read as Windows-1258.
    damaged = invented_article(1).encode()
    cut = damaged.index(person_of(1).split()[-1].encode())
    put(
        "encodings/invalid_utf8.txt",
        damaged[:cut] + b"\xff\xfe" + damaged[cut:],
        Expected("loaded", flag="replacement_chars"),
    )

    # Web pages saved as they were downloaded.
    put("html/page.html", html_page(invented_article(2)).encode(), Expected("loaded", flag="html"))
    put(
        "html/saved page.txt",
        to_cp1258(html_page(invented_article(3), "windows-1258")),
        Expected("loaded", flag="html"),
    )

    # Sizes: a dump over the limit, and a 1 MB article with no line break at all.
    put(
        "big/dump.txt",
        invented_article(4).encode() * (30_000_000 // len(invented_article(4).encode()) + 1),
        Expected("rejected", f"file larger than the {LIMIT_BYTES} byte limit (MAX_FILE_BYTES)"),
    )
    line = invented_article(5).replace("\n", " ")
    put("big/one_line.txt", (line * (1_000_000 // len(line.encode()) + 1)).encode(), Expected("loaded"))

    # Folders and names a shell or a SQL string would choke on.
    put("nested/2019/tháng 7/deep.txt", invented_article(6).encode(), Expected("loaded"))
    put(
        'names/it\'s "quoted"; drop table raw.articles; --.txt',
        invented_article(7).encode(),
        Expected("loaded"),
    )
    first = min((p for p in raw.iterdir() if p.is_file()), default=None)
    if first is not None:  # a copy of an article already in the folder, under another name
        put(
            "names/Hội nghị Ban Chấp hành (bản sao).txt",
            first.read_bytes(),
            Expected("duplicate", f"duplicate of {first.name}"),
        )

    # What an attacker would try (issue 20). A page of unclosed tags: linear to parse, loaded.
    put("hostile/unclosed_tags.html", hostile_html(invented_article(10)), Expected("loaded", flag="html"))
    # Names that differ only in a byte that is not UTF-8: two files, two distinct names.
    for byte, index in ((b"\xe0", 11), (b"\xe1", 12)):
        name = os.fsdecode(b"hostile/B" + byte + "i hát.txt".encode())
        put(name, invented_article(index).encode(), Expected("loaded"))
        expected[f"hostile/B\\x{byte[0]:02x}i hát.txt"] = expected.pop(name)
    # A text file holding tags, and escaped markup in it: tags stripped, escaped text kept as text.
    title, rest = invented_article(13).split("\n", 1)
    markup = f"<b>{title}</b> &lt;script&gt;\n{rest}<script>var tracking = 1;</script>\n"
    put("hostile/markup.txt", markup.encode(), Expected("loaded", flag="markup_stripped"))
    # Invisible characters and look-alike letters in officials' names.
    for name, index, change, flag in (
        ("hostile/zero_width.txt", 14, glued_by_joiner, "zero_width_removed"),
        ("hostile/look_alike.txt", 15, with_cyrillic_look_alike, "confusables_folded"),
    ):
        text = invented_article(index).replace(person_of(index), change(person_of(index)))
        put(name, text.encode(), Expected("loaded", flag=flag))

    # Symbolic links: in the folder they are the file they point to; out of it they are never read.
    outside.mkdir(parents=True, exist_ok=True)
    # As crawlers deliver them: records one a line (one malformed, one without text), a gzip stream
    # cut short, a page with its sidecar metadata, and a gzip bomb.
    feed = [
        json.dumps({"url": "https://bao.vn/a", "content": invented_article(30)}, ensure_ascii=False),
        '{"url": "https://bao.vn/b", "content": ',
        json.dumps({"url": "https://bao.vn/c", "title": "Không có nội dung"}, ensure_ascii=False),
        json.dumps({"link": "https://bao.vn/d", "text": invented_article(31)}, ensure_ascii=False),
    ]
    put(
        "crawl/2024/04/09/feed.jsonl",
        "\n".join(feed).encode(),
        Expected("loaded", "records: 4 (2 loaded, 0 updated, 0 duplicate, 2 rejected)", "jsonl"),
    )
    stream = gzip.compress(
        "".join(
            json.dumps(
                {"url": f"https://bao.vn/g{i}", "content": invented_article(32 + i)}, ensure_ascii=False
            )
            + "\n"
            for i in range(4)
        ).encode(),
        mtime=0,
    )
    put("crawl/cut.jsonl.gz", stream[: len(stream) * 3 // 4], Expected("loaded", flag="truncated"))
    put("crawl/page.html", html_page(invented_article(36)).encode(), Expected("loaded", flag="html"))
    put(
        "crawl/page.html.json",
        b'{"url": "https://bao.vn/page", "published_at": "2024-04-09T08:30:00+07:00"}',
        Expected("loaded", flag="sidecar"),
    )
    put(
        "crawl/bomb.txt.gz",
        gzip.compress(b"a" * (30 * LIMIT_BYTES), mtime=0),
        Expected("rejected", "expands past"),
    )

    (outside / "secret.txt").write_text(invented_article(8))
    (outside / "folder").mkdir(exist_ok=True)
    (outside / "folder" / "other.txt").write_text(invented_article(9))
    links = raw / "links"
    links.mkdir(parents=True, exist_ok=True)
    for name, target, want in (
        ("outside.txt", outside / "secret.txt", Expected("rejected", "symlink outside raw folder")),
        ("outside_folder", outside / "folder", Expected("rejected", "symlink outside raw folder")),
        (
            "inside.txt",
            Path("..") / "encodings" / "a_utf8.txt",
            Expected("duplicate", "duplicate of encodings/a_utf8.txt"),
        ),
        ("broken.txt", raw / "missing.txt", Expected("rejected", "broken symlink")),
    ):
        (links / name).symlink_to(target)
        expected[f"links/{name}"] = want
    return expected
