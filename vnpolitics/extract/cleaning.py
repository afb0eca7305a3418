"""Article text without page chrome, and its photo captions.

Scraped pages carry view counters, share buttons, comment forms and site statistics.
They would turn into bogus sentences, people and dates, so they are dropped here, by
rules kept as data: a new kind of chrome is one more line in a table below. Photo
captions stay in the text (they name officials) but their photo credits go, so a
photographer is never read as a person in the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnpolitics.extract.name_hyphens import close_name_hyphens
from vnpolitics.extract.records import Caption, CleanArticle
from vnpolitics.extract.regex_prefix import compile_with_opening


def _rx(pattern: str) -> re.Pattern[str]:
    """Searched in every line: led by a look-ahead for what a match opens with (regex_prefix)."""
    return compile_with_opening(pattern, re.IGNORECASE)


def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern that matches a whole line where any of ``patterns`` does: every line of every
    article is tried against a table, and one pass costs a tenth of one per rule."""
    return _rx("|".join(f"(?:{p})" for p in patterns))


# A line matching one of these (whole line, after trimming) is chrome and is dropped.
CHROME_LINES = _any_of(
    (
        r"lượt (xem|đọc|truy cập)\s*:?\s*[\d.,]*",
        r"(số )?lần đọc\s*:?\s*[\d.,]*",
        r"liên kết website",
        r"•?\s*(đang online|trong (ngày|tuần|tháng|năm)|tổng( số)?( lượt truy cập)?|hôm nay)"
        r"\s*:\s*[\d.,]+",
        r"•\s*[\d.,]*",
        r"in trang|in bài|bản in|gửi bài|gửi email|e-?mail|zalo|facebook|twitter|tweet|share|like",
        r"(chia sẻ|bình luận|xem thêm|đọc tiếp)\s*:?",
        r"(tin liên quan|bài liên quan|tin khác|tin cùng chuyên mục)\s*:?",
        r"(bài viết )?xem",
        r"(chia sẻ|share)\s*(facebook|twitter|zalo|email)?(\s*[|/]?\s*(facebook|twitter|zalo|email))*",
        r"tags?\s*:.*",
        r"từ khóa\s*:.*|từ khoá\s*:.*",
        r"(về )?(đầu trang|lên đầu trang)|trở về|quay lại|top",
        r"cỡ chữ.*|a-?\s*a\+?|font\s*:?.*",
        r"trang chủ(\s*[>»/|].*)?",
        r"(họ (và )?tên|số điện thoại|điện thoại|email|địa chỉ|tiêu đề|nội dung)\s*(\(\*\))?\s*:\s*(\(\*\))?",
        r"viết bình luận|gửi bình luận|ý kiến bạn đọc|gửi ý kiến|bình luận của bạn.*",
        r"mã xác nhận.*|lấy lại mã.*|nhập mã.*",
        r"\(\*\).*bắt buộc.*",
    )
)

# A line matching one of these starts a block of chrome that runs to the end of the page.
CHROME_TAILS = _any_of(
    (
        r"thống kê truy cập",
        r"liên kết website",
        r"các bài mới đăng.*",
        r"các bài đã đăng.*",
        r"viết bình luận",
        r"mã xác nhận.*",
        r"(tin|bài) (liên quan|cùng chuyên mục|đã đưa|khác)\s*:?",
    )
)

# A box of links to related stories that pages put inside a story ("TIN LIÊN QUAN" after the lead):
# a tail, unless the story resumes after it (``_story_resumes_at``).
RELATED_BOX = _rx(r"(tin|bài) liên quan\s*:?")
_PROSE_END = re.compile(r"[.!?…\"”)]$")

# Chrome glued to the end of a text line, e.g. the print link after a title.
_SUFFIX_ENDINGS = ("in trang", "in bài", "bản in")
CHROME_SUFFIXES: tuple[re.Pattern[str], ...] = tuple(_rx(rf"\s+{ending}\s*$") for ending in _SUFFIX_ENDINGS)

# Tail rules only fire once the story has started, so a sidebar above the title cannot eat the article.
_MIN_STORY_WORDS = 20

_CREDIT_WORD = r"(?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Nguồn ảnh|Đồ họa|Đồ hoạ|Video|Clip|Photo)"
_CREDIT_WORD_RE = re.compile(_CREDIT_WORD)
_CREDIT_NAME = r"[^()\n]{1,40}?"
_MAX_CREDIT_WORDS = 5

# A whole line that is only a photo credit: "(Ảnh:TH)", "Ảnh: UBKTTW", "Ảnh TỰ TRUNG."
_CREDIT_LINE_RE = re.compile(rf"^\(?\s*{_CREDIT_WORD}\s*:?\s*(?P<credit>{_CREDIT_NAME})\s*\)?\s*\.?$")
# A credit at the end of a caption: " - Ảnh Minh An", " - Ảnh: TTXVN.", " (Ảnh: TH)".
_INLINE_CREDIT_RES: tuple[re.Pattern[str], ...] = (
    compile_with_opening(rf"\s*[-–—]\s*{_CREDIT_WORD}\s*:?\s*(?P<credit>{_CREDIT_NAME})\s*\.?\s*$"),
    compile_with_opening(rf"\s*\(\s*{_CREDIT_WORD}\s*:?\s*(?P<credit>{_CREDIT_NAME})\s*\)\s*\.?\s*$"),
)
# Credits that say what the picture is rather than who took it.
_NOT_A_CREDIT = frozenset({"tư liệu", "minh họa", "minh hoạ", "internet", "chụp màn hình"})

# Signs that a short standalone line describes a photo rather than tells the story.
_CAPTION_CUES: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(Toàn cảnh|Quang cảnh|Các đại biểu|Đại biểu|Lãnh đạo|Các đồng chí lãnh đạo)\b"),
    re.compile(r"\((trái|phải|giữa|đứng giữa|ngồi giữa|thứ [^()]{1,25})\)"),
    re.compile(
        r"\b(phát biểu|chụp ảnh|trao|tặng|thăm|dự|chủ trì|trình bày|tham luận|kiểm tra|chứng kiến)\b"
        r".*\btại (hội nghị|hội thảo|buổi|cuộc|lễ|kỳ họp|phiên|đại hội|lễ)\b[^.:;]*\.?$",
        re.IGNORECASE,
    ),
)
_MAX_CAPTION_WORDS = 30


@dataclass
class _Line:
    text: str
    caption: bool = False
    credit: str | None = None


def clean_article(text: str) -> CleanArticle:
    """Drop page chrome, tidy blank lines and mark photo captions; offsets index the returned text."""
    removed: list[str] = []
    lines = _remove_chrome([close_name_hyphens(_tidy(line)) for line in text.split("\n")], removed)
    lines = _collapse_blank_lines(lines)
    marked = _mark_captions(lines, removed)
    return _assemble(marked, removed)


_BLANKS = re.compile(r"[ \t\u00a0]+")


def _tidy(line: str) -> str:
    """The line with runs of blanks made one space, trimmed. Most lines have no run to tidy."""
    if "  " in line or "\t" in line or "\u00a0" in line:
        line = _BLANKS.sub(" ", line)
    return line.strip()


def _remove_chrome(lines: list[str], removed: list[str]) -> list[str]:
    """Apply line, tail and suffix rules; every dropped piece is recorded in ``removed``."""
    kept: list[str] = []
    story_started = False
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if story_started and CHROME_TAILS.fullmatch(line):
            resume = _story_resumes_at(lines, index - 1, kept) if RELATED_BOX.fullmatch(line) else None
            removed.extend(rest for rest in lines[index - 1 : resume] if rest)
            if resume is None:
                break
            index = resume
            continue
        if line and CHROME_LINES.fullmatch(line):
            removed.append(line)
            continue
        line = _strip_suffixes(line, removed)
        story_started = story_started or len(line.split()) >= _MIN_STORY_WORDS
        kept.append(line)
    return kept


def _is_prose(line: str) -> bool:
    return len(line.split()) >= _MIN_STORY_WORDS and bool(_PROSE_END.search(line))


def _is_credited(line: str) -> bool:
    """A photo caption with its credit ("... (Ảnh: Quang Hòa)"): part of the story, not a link."""
    return any(_credit_match(rule, line) for rule in _INLINE_CREDIT_RES)


def _story_resumes_at(lines: list[str], box: int, story: list[str]) -> int | None:
    """Where the story goes on after a related-links box at ``box``, or None if it does not.

    The box's links are headlines: short, without a full stop. The story resumes at the first
    paragraph of prose or credited photo caption after them, but only when more prose follows
    than the story has told so far: a box inside a story has most of it below, while one
    closing the page is followed at most by a few teasers of other stories, shorter than the
    story itself.
    """
    resume = next(
        (i for i in range(box + 1, len(lines)) if _is_prose(lines[i]) or _is_credited(lines[i])), None
    )
    if resume is None:
        return None
    told = sum(len(line.split()) for line in story)
    after = sum(len(line.split()) for line in lines[resume:] if _is_prose(line))
    return resume if after > told else None


def _strip_suffixes(line: str, removed: list[str]) -> str:
    """The line without the chrome glued to its end. Lines come trimmed, so a suffix can only be
    their last words: a line that does not end in one of them is returned at once."""
    if not line.lower().endswith(_SUFFIX_ENDINGS):
        return line
    for rule in CHROME_SUFFIXES:
        match = rule.search(line)
        if match and match.start() > 0:
            removed.append(match.group().strip())
            line = line[: match.start()]
    return line


def _collapse_blank_lines(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def _mark_captions(lines: list[str], removed: list[str]) -> list[_Line]:
    """Find captions: lines with a photo credit, lines ending in " |", short standalone photo descriptions."""
    out: list[_Line] = []
    for line in lines:
        credit_only = _credit_match(_CREDIT_LINE_RE, line)
        if credit_only and out and out[-1].text:
            _attach_credit(out[-1], credit_only.group("credit"))
            removed.append(line)
            continue
        out.append(_caption_from_credit(line, removed) or _Line(line))
    content = [i for i, item in enumerate(out) if item.text]
    for position, index in enumerate(content):
        item = out[index]
        if item.caption:
            continue
        if item.text.endswith(" |") or item.text == "|":
            item.text = item.text[:-1].rstrip()
            item.caption = True
        elif 0 < position < len(content) - 1 and _is_standalone_photo_line(out, index):
            item.caption = True
    return [item for item in out if item.text or not item.caption]


def _attach_credit(item: _Line, credit: str) -> None:
    item.caption = True
    item.credit = _credit_value(credit)


def _credit_match(rule: re.Pattern[str], line: str) -> re.Match[str] | None:
    """A credit names a person, an acronym or a site (capitalised, short), or says "archive"."""
    match = rule.search(line)
    if not match:
        return None
    credit = match.group("credit").strip()
    if len(credit.split()) > _MAX_CREDIT_WORDS:
        return None
    if credit[:1].isupper() or credit[:1].isdigit() or credit.lower().rstrip(".") in _NOT_A_CREDIT:
        return match
    return None


def _caption_from_credit(line: str, removed: list[str]) -> _Line | None:
    if not _CREDIT_WORD_RE.search(line):
        return None  # most lines: no credit can end them without its word
    for rule in _INLINE_CREDIT_RES:
        match = _credit_match(rule, line)
        if match and match.start() > 0:
            removed.append(match.group().strip())
            credit = _credit_value(match.group("credit"))
            return _Line(line[: match.start()].rstrip(), caption=True, credit=credit)
    return None


def _credit_value(credit: str) -> str | None:
    credit = credit.strip().rstrip(".").strip()
    return None if credit.lower() in _NOT_A_CREDIT else credit or None


def _is_standalone_photo_line(lines: list[_Line], index: int) -> bool:
    """A short line alone between blank lines, phrased like a photo description."""
    before = lines[index - 1].text if index > 0 else ""
    after = lines[index + 1].text if index + 1 < len(lines) else ""
    text = lines[index].text
    if before or after or len(text.split()) > _MAX_CAPTION_WORDS or text.endswith(":"):
        return False
    if any(m.group(1).isupper() for m in re.finditer(r"[.!?]\s+(\w)", text)):  # several sentences
        return False
    return any(cue.search(text) for cue in _CAPTION_CUES)


def _assemble(lines: list[_Line], removed: list[str]) -> CleanArticle:
    """Join lines and turn caption marks into offsets into the joined text."""
    captions: list[Caption] = []
    pos = 0
    for item in lines:
        if item.caption and item.text:
            captions.append(Caption(pos, pos + len(item.text), item.text, item.credit))
        pos += len(item.text) + 1
    text = "\n".join(item.text for item in lines)
    return CleanArticle(text=text, captions=tuple(captions), removed_chrome=tuple(removed))
