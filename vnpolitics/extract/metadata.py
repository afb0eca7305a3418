"""Title, publication time, outlet and byline of an article.

Only what the page itself prints is reported: a publication time comes from the header
lines (or a "Cập nhật"/"Ngày đăng" line), never from a date inside the story; the outlet
from a credit line, a "Nguồn" line, the dateline of the lead or the site's own name; the
author from a short byline at the end of the story, under its last paragraph or under the
title. Page furniture (buttons, comment forms, banners of related links: the
``gazetteers/page_furniture.txt`` list and a few shapes) is never any of these.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime
from urllib.parse import urlparse

from vnpolitics.extract.dates import article_years
from vnpolitics.extract.gazetteer import DATA_DIR, body_kind_phrases, phrase_key, places, surname_rank
from vnpolitics.extract.records import ArticleMetadata, CleanArticle
from vnpolitics.extract.regex_prefix import compile_with_opening
from vnpolitics.extract.textnorm import fold

# How many non-empty lines at the top count as the page header.
_HEADER_LINES = 4
# How many non-empty lines at the bottom may hold the credit line.
_FOOTER_LINES = 6

_DMY = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
_YMD = r"(?P<Y>\d{4})-(?P<M>\d{2})-(?P<D>\d{2})"
# "12 tháng 1, 2012", "Ngày 30 Tháng 04 Năm 2024": blogs and site clocks write the month out.
_WORDED = r"(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})\s*(?:,|năm)\s*(?P<wy>\d{4})"
_TIME = r"(?P<H>\d{1,2})\s*[:hH]\s*(?P<MI>\d{2})(?::(?P<S>\d{2}))?(?:\s*(?P<ampm>SA|CH|AM|PM)\b)?"
_DATE_RE = compile_with_opening(
    rf"(?<!\d){_DMY}(?!\d)|(?<!\d){_YMD}(?!\d)|(?<!\d){_WORDED}(?!\d)", re.IGNORECASE
)
_TIME_RE = compile_with_opening(rf"(?<![\d/.-]){_TIME}(?![\d/])", re.IGNORECASE)
_TRAILING_TIME_RE = re.compile(r"\s*\(\s*\d{1,2}:\d{2}\s+\d{1,2}/\d{1,2}/\d{4}\s*\)\s*$")
# Lines that announce a publication time wherever they stand ...
_PUBLISHED_LABEL_RE = re.compile(
    r"^\s*(ngày đăng|đăng ngày|đăng lúc|ngày xuất bản|xuất bản|thời gian đăng|ngày phát hành)\b",
    re.IGNORECASE,
)
# ... and an update time, taken only when nothing else dates the page.
_DATE_LABEL_RE = re.compile(
    r"^\s*(cập nhật|ngày cập nhật|ngày đăng|đăng ngày|đăng lúc|ngày xuất bản|xuất bản|thời gian đăng"
    r"|ngày phát hành)\b",
    re.IGNORECASE,
)
_WEEKDAY_RE = compile_with_opening(r"\b(thứ (hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ nhật)\b", re.IGNORECASE)
# A header line holding a date is short once the date, time and weekday are taken out.
_MAX_HEADER_LEFTOVER_WORDS = 3
# A clock with seconds ("12:07:22") years after every year the story prints is the site's clock
# at crawl time, not the publication time.
_CLOCK_SECONDS_RE = re.compile(r"\d{1,2}:\d{2}:\d{2}")
_STALE_CLOCK_YEARS = 2

_DOMAIN = r"(?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov|info|edu)(?:\.vn)?"
_DOMAIN_RE = re.compile(rf"^{_DOMAIN}$", re.IGNORECASE)
_URL_RE = re.compile(r"https?://[^\s)]+", re.IGNORECASE)
_SOURCE_LINE_RE = re.compile(r"^\(\s*(?:theo\s+)?(?P<name>[^()]{2,60}?)\s*\)\.?$", re.IGNORECASE)
# "(TTXVN)" on its own line credits an agency; "(TH)" means "compiled", not an outlet.
_AGENCY_RE = re.compile(r"^[A-ZĐ]{3,8}$")
_THEO_LINE_RE = re.compile(r"^\(?\s*(?:theo|nguồn)\s*:?\s+(?P<name>[^(),;:]{2,60}?)\s*\)?\.?$", re.IGNORECASE)
_NGUON_RE = re.compile(r"^nguồn\b[^:]{0,30}:\s*(?P<rest>.+)$", re.IGNORECASE)
# "HNP - Chiều 28/6, ...", "(Chinhphu.vn) – Sáng 2/3 ...", "TTO - Thời gian gần đây ...".
_DATELINE_RE = re.compile(r"^(?:\((?P<paren>[^()]{2,30})\)|(?P<code>[A-ZĐ][A-ZĐ0-9.]{1,11}))\s*[-–—]\s+\S")
# The first line is the title; it is the lead (with a dateline) only when it is this long.
_MIN_LEAD_WORDS = 15
_MAX_OUTLET_WORDS = 6
# "Theo Minh An /VGP", "(Theo Minh An - Báo Nhân Dân)": the writer and the outlet first printing it.
_THEO_AUTHOR_RE = re.compile(
    r"^\(?\s*theo\s+(?P<name>[^/()\-–]{2,40}?)\s*(?:/|\(|\s[-–]\s)\s*(?P<outlet>[^()/]{2,40}?)\s*\)?\s*\.?\s*\)?$",
    re.IGNORECASE,
)
# The site printing its own name: "Theo dõi baoquocte.vn trên Google News", "© 2024 baotinh.vn".
_SITE_NAME_RE = re.compile(
    rf"^(?:(?:theo dõi|follow)\s+(?P<site>{_DOMAIN})\s+(?:trên|on)\b|(?:©|copyright|bản quyền)"
    rf"[^a-z0-9]*(?:\d{{4}}\s*)?(?:thuộc về\s+)?(?P<site2>{_DOMAIN})\b)",
    re.IGNORECASE,
)

# Prefixes that introduce a byline, and what must not be read as one.
_BYLINE_PREFIX_RE = re.compile(
    r"^(bài(,| và)? ảnh|tin(,| và)? ảnh|bài|tin|thực hiện|nhóm thực hiện)\s*:\s*", re.IGNORECASE
)
_BYLINE_SUFFIX_RE = re.compile(r"\s*\((tổng hợp|th|lược dịch|biên dịch|theo [^()]*)\)\s*$", re.IGNORECASE)
_BYLINE_SPLIT_RE = re.compile(r"\s*(?:,|-|–|—|&|\bvà\b)\s*", re.IGNORECASE)
_GENERIC_BYLINES = {
    "nhóm pv": "Nhóm PV",
    "pv": "PV",
    "nhóm phóng viên": "Nhóm phóng viên",
    "phóng viên": "Phóng viên",
    "ctv": "CTV",
    "nhóm ctv": "Nhóm CTV",
}
# Capitalised words that start captions, credits or titles, never a byline.
_NOT_NAME_WORDS = frozenset(
    w.lower()
    for w in (
        "Ông",
        "Bà",
        "Anh",
        "Chị",
        "Em",
        "Đồng",
        "Thủ",
        "Chủ",
        "Bộ",
        "Ban",
        "Bí",
        "Phó",
        "Tổng",
        "Ủy",
        "Uỷ",
        "Ảnh",
        "Nguồn",
        "Theo",
        "Video",
        "Clip",
        "Xem",
        "Các",
        "Những",
        "Toàn",
        "Hội",
        "Sở",
        "Đại",
        "Thượng",
        "Trung tướng",
        "Thiếu",
        "Đảng",
        "Nhà",
        "Quân",
        "Lãnh",
        "Tin",
        "Bài",
        "Tỉnh",
        "Huyện",
        "Quận",
        "Xã",
        "Phường",
        "Thành",
        "Việt",
        "Báo",
        "Tạp",
        "Kỳ",
        "Phiên",
    )
)
_MAX_BYLINE_NAMES = 4
_MAX_NAME_WORDS = 4


def extract_metadata(raw_text: str, clean: CleanArticle) -> ArticleMetadata:
    """Title, publication time, outlet and byline as printed; None for anything not printed."""
    raw_lines = _non_empty_lines(raw_text)
    clean_lines = _non_empty_lines(clean.text)
    return ArticleMetadata(
        title=_title(clean_lines or raw_lines, {c.text for c in clean.captions}),
        published_at=find_published_at(raw_lines, clean.text),
        source_outlet=find_source_outlet(clean_lines),
        author=find_author(clean, raw_lines),
    )


def _non_empty_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


# --- page furniture ---------------------------------------------------------------------------

# Shapes of furniture lines besides the listed words.
_FURNITURE_SHAPES = re.compile(
    "|".join(
        (
            r"^(?:>>|»|›)",  # a link to a related article
            r"^[\w.-]+=\S*$",  # a page script's "key=value" left in the text
            r"^\S*\.(?i:jpe?g|png|gif|webp)\)?$",  # an image's file name
            r"^!\[[^\]]*\]\([^)]*\)\s*\|?$",  # an image in markdown
        )
    )
)


@functools.cache
def _furniture_words() -> frozenset[str]:
    text = (DATA_DIR / "page_furniture.txt").read_text(encoding="utf-8")
    return frozenset(
        fold(line.strip()) for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


@functools.cache
def _most_furniture_words() -> int:
    return max(len(words.split()) for words in _furniture_words())


def is_page_furniture(line: str) -> bool:
    """A button, form line, banner or leftover of the page, never a title, byline or credit.

    Folding keeps a line's words, so a line longer than every listed wording is not folded to be
    looked up: it is asked of every line of every article, and most are paragraphs."""
    line = line.strip()
    bare = line.strip(" .:|>»-–—")
    listed = len(bare.split()) <= _most_furniture_words() and fold(bare).strip() in _furniture_words()
    return listed or _FURNITURE_SHAPES.match(line) is not None


# --- title ------------------------------------------------------------------------------------

# "(thứ 2 từ trái sang)", "(phải)", "(đứng giữa)": a photo's caption, not a headline.
_CAPTION_POSITION_RE = re.compile(
    r"\((?:thứ \d+ |ngồi |đứng )?(?:từ )?(?:trái|phải|giữa)(?: sang| qua)?(?:[^()]{0,20})\)", re.IGNORECASE
)


def _title(lines: list[str], captions: set[str] | None = None) -> str | None:
    """The first line that is not page furniture or a date; None when that line is a photo caption."""
    line = next((x for x in lines[:_HEADER_LINES] if not is_page_furniture(x) and not _is_date_line(x)), None)
    line = line if line is not None else (lines[0] if lines else None)
    if line is None or line in (captions or set()) or _CAPTION_POSITION_RE.search(line):
        return None
    title = re.sub(r"\s+in trang\s*$", "", line, flags=re.IGNORECASE)
    title = _TRAILING_TIME_RE.sub("", title).rstrip(" |")
    return title or None


# --- publication time -------------------------------------------------------------------------


def find_published_at(lines: list[str], story: str | None = None) -> datetime | None:
    """The publication time the page prints, strongest form first.

    A time printed after the title ("Title (19:54 28/06/2021)"), then a line labelled as the
    publication ("Ngày đăng: 03/11/2022") anywhere, then a date line in the header unless it is a
    site clock the story contradicts (``_is_stale_clock``), then an update time ("Cập nhật").
    """
    header = lines[:_HEADER_LINES]
    title_time = _TRAILING_TIME_RE.search(header[0]) if header else None
    if title_time:
        return parse_datetime(title_time.group())
    published = _labelled_time(lines, _PUBLISHED_LABEL_RE)
    if published:
        return published
    for line in header:
        if _is_date_line(line):
            found = parse_datetime(line)
            if found and not _is_stale_clock(line, found, story):
                return found
    return _labelled_time(lines, _DATE_LABEL_RE)


def _labelled_time(lines: list[str], label: re.Pattern[str]) -> datetime | None:
    for line in lines:
        if label.match(line) and len(line.split()) <= 12:
            found = parse_datetime(line)
            if found:
                return found
    return None


def _is_stale_clock(line: str, found: datetime, story: str | None) -> bool:
    """A live clock ("..., 12:07:22") dated years after every year the story itself prints."""
    if not story or not _CLOCK_SECONDS_RE.search(line):
        return False
    years = article_years(story.replace(line, " "))
    return bool(years) and found.year - max(years) >= _STALE_CLOCK_YEARS


def _is_date_line(line: str) -> bool:
    """A line that is essentially a date (and time), not a sentence that mentions one."""
    if not _DATE_RE.search(line):
        return False
    rest = _WEEKDAY_RE.sub(" ", _TIME_RE.sub(" ", _DATE_RE.sub(" ", line)))
    rest = _DATE_LABEL_RE.sub(" ", rest)
    rest = re.sub(r"\[?GMT\s*[+-]\s*\d+\]?|\bSA\b|\bCH\b|[^\w]+", " ", rest, flags=re.IGNORECASE)
    return len(rest.split()) <= _MAX_HEADER_LEFTOVER_WORDS


def parse_datetime(text: str) -> datetime | None:
    """First full date in ``text`` plus the nearest time (24h, or SA = a.m. / CH = p.m.)."""
    date = _DATE_RE.search(text)
    if not date:
        return None
    if date.group("d"):
        year, month, day = int(date.group("y")), int(date.group("m")), int(date.group("d"))
    elif date.group("wd"):
        year, month, day = int(date.group("wy")), int(date.group("wm")), int(date.group("wd"))
    else:
        year, month, day = int(date.group("Y")), int(date.group("M")), int(date.group("D"))
    hour, minute, second = _time_near(text, date)
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def _time_near(text: str, date: re.Match[str]) -> tuple[int, int, int]:
    masked = text[: date.start()] + " " * (date.end() - date.start()) + text[date.end() :]
    times = list(_TIME_RE.finditer(masked))
    if not times:
        return 0, 0, 0
    best = min(times, key=lambda t: min(abs(t.start() - date.end()), abs(date.start() - t.end())))
    hour, minute = int(best.group("H")), int(best.group("MI"))
    second = int(best.group("S") or 0)
    ampm = (best.group("ampm") or "").upper()
    if ampm in ("CH", "PM") and hour < 12:
        hour += 12
    elif ampm in ("SA", "AM") and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return 0, 0, 0
    return hour, minute, second


# --- outlet -----------------------------------------------------------------------------------


def find_source_outlet(lines: list[str]) -> str | None:
    """The outlet, strongest credit first.

    A credit line at the foot ("Theo TTXVN", "(Nguồn: Báo X)"), then the dateline opening the
    lead ("QK2 – Ngày 2-11", "(VOV5) - Sáng 18/11"), then the outlet of a writer's credit
    ("Theo Minh An /VGP": the page reprints it, its own dateline names it better), then the
    site printing its own name ("Theo dõi baotinh.vn trên").
    """
    reprinted = None
    for line in _foot(lines):
        theo = _theo_author(line)
        if theo:
            reprinted = reprinted or theo[1]
            continue
        outlet = _outlet_from_credit_line(line)
        if outlet:
            return outlet
    for i, line in enumerate(lines[: _HEADER_LINES + 2]):
        if is_page_furniture(line) or _is_date_line(line):
            continue
        if i == 0 and len(line.split()) < _MIN_LEAD_WORDS:
            continue  # a title, even one that opens with "ASEAN - "
        outlet = _outlet_from_dateline(line)
        if outlet:
            return outlet
    if reprinted:
        return reprinted
    for line in lines:
        site = _SITE_NAME_RE.match(line)
        if site:
            return (site.group("site") or site.group("site2")).lower().removeprefix("www.")
    return None


def _foot(lines: list[str]) -> list[str]:
    """The last lines of the story, bottom first, page furniture skipped."""
    story = [line for line in lines[1:] if not is_page_furniture(line)]
    return list(reversed(story[-_FOOTER_LINES:]))


def _theo_author(line: str) -> tuple[str, str] | None:
    """ "Theo Minh An /VGP" -> ("Minh An", "VGP"): a writer's name and the outlet that ran it first."""
    match = _THEO_AUTHOR_RE.match(line.strip())
    if not match or _AGENCY_RE.match(match.group("name").strip()):
        return None
    author, outlet = parse_byline(match.group("name")), _outlet_name(match.group("outlet"))
    return (author, outlet) if author and outlet else None


def _outlet_from_credit_line(line: str) -> str | None:
    nguon = _NGUON_RE.match(line)
    if nguon:
        return _outlet_name(nguon.group("rest"))
    for rule in (_THEO_LINE_RE, _SOURCE_LINE_RE):
        match = rule.match(line)
        if match:
            name = match.group("name")
            name_is_outlet = _DOMAIN_RE.match(name.strip()) or _AGENCY_RE.match(name.strip())
            if rule is _THEO_LINE_RE or name_is_outlet or line.lower().startswith("(theo"):
                return _outlet_name(name)
    return None


def _outlet_from_dateline(line: str) -> str | None:
    match = _DATELINE_RE.match(line)
    if not match:
        return None
    if match.group("paren"):
        return _outlet_name(match.group("paren"))
    code = match.group("code").rstrip(".")
    return code.lower() if _DOMAIN_RE.match(code) else code


def _outlet_name(text: str) -> str | None:
    """Lower-case domain when a URL or domain is printed, else the name as printed."""
    text = text.strip().rstrip(".").strip()
    url = _URL_RE.search(text)
    if url:
        host = urlparse(url.group()).hostname or ""
        return host.removeprefix("www.") or None
    if _DOMAIN_RE.match(text):
        return text.lower().removeprefix("www.")
    if not text or len(text.split()) > _MAX_OUTLET_WORDS or not text[0].isupper():
        return None
    return text


# --- author -----------------------------------------------------------------------------------


def find_author(clean: CleanArticle, raw_lines: list[str] | None = None) -> str | None:
    """The byline, wherever pages print it, never a caption or page furniture.

    In order: the last line of the story ("Minh An", "Tin, ảnh: MINH AN", "Minh An - Báo X",
    "Theo Minh An /VGP"), furniture and credit lines below it skipped; a name set apart by a
    wide gap at the end of the last paragraph ("... năm 2009.      Minh An"); a byline under
    the title ("Minh An |", or a name alone between the title and the lead).
    """
    caption_starts = {c.char_start for c in clean.captions}
    lines = _lines_with_offsets(clean.text)
    if len(lines) < 2:
        return None
    uncredited = 0  # short lines under the byline read as photo captions without a credit
    for start, line in reversed(lines[1:]):
        if start in caption_starts or is_page_furniture(line):
            continue
        theo = _theo_author(line)
        if theo:
            return theo[0]
        if _outlet_from_credit_line(line):
            continue
        found = parse_byline(line) if not uncredited else _name_alone(line)
        if found:
            return found
        if uncredited < UNCREDITED_CAPTIONS_MAX and len(line.split()) <= UNCREDITED_CAPTION_WORDS:
            uncredited += 1
            continue
        break
    raw_lines = raw_lines or []
    return _byline_after_gap(raw_lines) or _byline_under_title(raw_lines)


# Under the byline some pages print their photo captions with no credit ("Ông A.", "Đường
# thăng tiến của ông A."): a few short lines, past which only a full name alone is a byline.
UNCREDITED_CAPTIONS_MAX = 3
UNCREDITED_CAPTION_WORDS = 15


def _name_alone(line: str) -> str | None:
    """A full name alone on its line ("Võ Văn An"): a family name first, 2-4 capitalised words."""
    words = line.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return None
    return _personal_byline(line) if _starts_with_surname(line) else None


# A byline kept on the last paragraph's line, after a run of spaces or a tab.
_GAP_RE = re.compile(r"[ \u00a0]{3,}|\t+")
# "Minh An |" or "Minh An | 12/03/2024 08:00" under the title.
_PIPED_BYLINE_RE = re.compile(r"^(?P<name>[^|]{2,60}?)\s*\|(?P<rest>[^|]*)$")
_MIN_LEAD_LINE_WORDS = 10


def _byline_after_gap(raw_lines: list[str]) -> str | None:
    story = [line for line in raw_lines if not is_page_furniture(line)]
    if not story:
        return None
    parts = [p for p in _GAP_RE.split(story[-1]) if p.strip()]
    if len(parts) < 2 or len(parts[-2].split()) < _MIN_LEAD_LINE_WORDS:
        return None
    return _personal_byline(parts[-1].strip())


def _byline_under_title(raw_lines: list[str]) -> str | None:
    """A byline between the title and the lead: "Minh An |", or a full name alone on its line."""
    lines = [line for line in raw_lines[: _HEADER_LINES + 2] if not is_page_furniture(line)]
    for i in range(1, len(lines) - 1):
        line = lines[i]
        piped = _PIPED_BYLINE_RE.match(line)
        if piped and (not piped.group("rest").strip() or _is_date_line(piped.group("rest"))):
            found = _personal_byline(piped.group("name").strip())
            if found:
                return found
            continue
        if len(lines[i + 1].split()) < _MIN_LEAD_LINE_WORDS or _is_date_line(line):
            continue
        if _BYLINE_PREFIX_RE.match(line) or _starts_with_surname(line):
            found = _personal_byline(line)
            if found:
                return found
    return None


def _personal_byline(line: str) -> str | None:
    """A byline that is not a place ("Hà Nội") or an agency code ("TTXVN")."""
    if _AGENCY_RE.match(line.strip()):
        return None
    found = parse_byline(line)
    if not found or any(_is_place(name) for name in _BYLINE_SPLIT_RE.split(found) if name):
        return None
    return found


def _starts_with_surname(line: str) -> bool:
    first = line.split()[0] if line.split() else ""
    return fold(first) in surname_rank()


def _is_place(name: str) -> bool:
    key = phrase_key(name)
    return any(key[:n] in places() for n in range(1, len(key) + 1))


def _lines_with_offsets(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line.strip()))
        pos += len(line) + 1
    return out


def parse_byline(line: str) -> str | None:
    """ "Minh An", "Bài và ảnh: Minh An", "Minh An - Quốc Bảo", "Minh An (tổng hợp)" -> the names."""
    text = _BYLINE_SUFFIX_RE.sub("", _BYLINE_PREFIX_RE.sub("", line.strip())).strip().rstrip(".").strip()
    if text.lower() in _GENERIC_BYLINES:
        return _GENERIC_BYLINES[text.lower()]
    names = [n for n in _BYLINE_SPLIT_RE.split(text) if n]
    if not names or len(names) > _MAX_BYLINE_NAMES or not all(_is_name(n) for n in names):
        affiliated = _AFFILIATION_RE.match(text)
        if affiliated and _is_affiliation(affiliated.group("body")):
            return parse_byline(affiliated.group("name"))
        return None
    if text.isupper():  # "THU HÀ" is printed in capitals, stored like any other name
        text = re.sub(r"\bVà\b", "và", text.title())
    return text


# "Minh An - Đảng ủy Khối ...", "Minh An (Trung tâm Văn hóa huyện)": a writer and where they work.
_AFFILIATION_RE = re.compile(r"^(?P<name>[^-–—()]{2,60}?)\s*(?:\s[-–—]\s|\()\s*(?P<body>[^()]{2,80}?)\)?$")
# Words that open a workplace besides the body kinds of the gazetteer.
_WORKPLACE_WORDS = frozenset(
    fold(w)
    for w in ("Báo", "Đài", "Tạp chí", "Cổng", "Trung tâm", "Phòng", "Văn phòng", "Trường", "Thông tấn")
)


def _is_affiliation(text: str) -> bool:
    """A body, a newsroom or an agency code: what may follow a writer's name in a byline."""
    words = text.split()
    if not words:
        return False
    if _AGENCY_RE.match(words[0]) or _DOMAIN_RE.match(text.strip()):
        return True
    key = phrase_key(text)
    kinds = body_kind_phrases().phrases
    if any(key[:n] in kinds for n in range(1, min(len(key), 4) + 1)):
        return True
    return fold(words[0]) in _WORKPLACE_WORDS or fold(" ".join(words[:2])) in _WORKPLACE_WORDS


def _is_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= _MAX_NAME_WORDS or words[0].lower() in _NOT_NAME_WORDS:
        return False
    if not name.isupper() and any(_is_acronym(w) for w in words):  # "ĐBQH Nguyễn Chiến" is a caption
        return False
    return all(_is_name_word(w) for w in words)


def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isupper()


def _is_name_word(word: str) -> bool:
    """ "Hà", "TRỌNG", "T.Long", "Q." are name words; "tại", "2021", "(TH)" are not."""
    letters = word.replace(".", "")
    return bool(letters) and letters.isalpha() and word[0].isupper()
