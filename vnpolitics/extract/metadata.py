"""Title, publication time, outlet and byline of an article.

Only what the page itself prints is reported: a publication time comes from the header
lines (or a "Cập nhật"/"Ngày đăng" line), never from a date inside the story; the outlet
from a credit line, a "Nguồn" line or the dateline of the lead; the author from a short
byline at the end of the story.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlparse

from vnpolitics.extract.records import ArticleMetadata, CleanArticle

# How many non-empty lines at the top count as the page header.
_HEADER_LINES = 4
# How many non-empty lines at the bottom may hold the credit line.
_FOOTER_LINES = 6

_DMY = r"(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
_YMD = r"(?P<Y>\d{4})-(?P<M>\d{2})-(?P<D>\d{2})"
_TIME = r"(?P<H>\d{1,2})\s*[:hH]\s*(?P<MI>\d{2})(?::(?P<S>\d{2}))?(?:\s*(?P<ampm>SA|CH|AM|PM)\b)?"
_DATE_RE = re.compile(rf"(?<!\d){_DMY}(?!\d)|(?<!\d){_YMD}(?!\d)")
_TIME_RE = re.compile(rf"(?<![\d/.-]){_TIME}(?![\d/])", re.IGNORECASE)
_TRAILING_TIME_RE = re.compile(r"\s*\(\s*\d{1,2}:\d{2}\s+\d{1,2}/\d{1,2}/\d{4}\s*\)\s*$")
# Lines that announce a publication/update time wherever they stand.
_DATE_LABEL_RE = re.compile(
    r"^\s*(cập nhật|ngày đăng|đăng ngày|đăng lúc|ngày cập nhật|ngày xuất bản|xuất bản)\b", re.IGNORECASE
)
_WEEKDAY_RE = re.compile(r"\b(thứ (hai|ba|tư|năm|sáu|bảy|bẩy)|chủ nhật)\b", re.IGNORECASE)
# A header line holding a date is short once the date, time and weekday are taken out.
_MAX_HEADER_LEFTOVER_WORDS = 3

_DOMAIN = r"(?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov|info|edu)(?:\.vn)?"
_DOMAIN_RE = re.compile(rf"^{_DOMAIN}$", re.IGNORECASE)
_URL_RE = re.compile(r"https?://[^\s)]+", re.IGNORECASE)
_SOURCE_LINE_RE = re.compile(r"^\(\s*(?:theo\s+)?(?P<name>[^()]{2,60}?)\s*\)\.?$", re.IGNORECASE)
# "(TTXVN)" on its own line credits an agency; "(TH)" means "compiled", not an outlet.
_AGENCY_RE = re.compile(r"^[A-ZĐ]{3,8}$")
_THEO_LINE_RE = re.compile(r"^\(?\s*(?:theo|nguồn)\s*:?\s+(?P<name>[^(),;:]{2,60}?)\s*\)?\.?$", re.IGNORECASE)
_NGUON_RE = re.compile(r"^nguồn\b[^:]{0,30}:\s*(?P<rest>.+)$", re.IGNORECASE)
# "HNP - Chiều 28/6, ...", "(Chinhphu.vn) – Sáng 2/3 ...", "TTO - Thời gian gần đây ...".
_DATELINE_RE = re.compile(r"^(?:\((?P<paren>[^()]{2,30})\)|(?P<code>[A-ZĐ][A-ZĐ.]{1,11}))\s*[-–—]\s+\S")
_MAX_OUTLET_WORDS = 6

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
        title=_title(clean_lines or raw_lines),
        published_at=find_published_at(raw_lines),
        source_outlet=find_source_outlet(clean_lines),
        author=find_author(clean),
    )


def _non_empty_lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _title(lines: list[str]) -> str | None:
    if not lines:
        return None
    title = re.sub(r"\s+in trang\s*$", "", lines[0], flags=re.IGNORECASE)
    title = _TRAILING_TIME_RE.sub("", title).rstrip(" |")
    return title or None


# --- publication time -------------------------------------------------------------------------


def find_published_at(lines: list[str]) -> datetime | None:
    """The publication time printed in the header (title line, date line) or a labelled line."""
    header = lines[:_HEADER_LINES]
    title_time = _TRAILING_TIME_RE.search(header[0]) if header else None
    if title_time:
        return parse_datetime(title_time.group())
    for line in header:
        if _is_date_line(line):
            return parse_datetime(line)
    for line in lines:
        if _DATE_LABEL_RE.match(line) and len(line.split()) <= 12:
            found = parse_datetime(line)
            if found:
                return found
    return None


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
    """Outlet from a credit line at the bottom, else from the dateline of the lead paragraph."""
    for line in reversed(lines[-_FOOTER_LINES:]):
        outlet = _outlet_from_credit_line(line)
        if outlet:
            return outlet
    lead = next((line for line in lines[1:_HEADER_LINES] if not _is_date_line(line)), None)
    return _outlet_from_dateline(lead) if lead else None


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


def find_author(clean: CleanArticle) -> str | None:
    """The byline: a short line of capitalised names at the end of the story, never a caption."""
    caption_starts = {c.char_start for c in clean.captions}
    lines = _lines_with_offsets(clean.text)
    if len(lines) < 2:
        return None
    for start, line in reversed(lines[1:]):
        if start in caption_starts or _outlet_from_credit_line(line):
            continue
        return parse_byline(line)
    return None


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
        return None
    if text.isupper():  # "THU HÀ" is printed in capitals, stored like any other name
        text = re.sub(r"\bVà\b", "và", text.title())
    return text


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
