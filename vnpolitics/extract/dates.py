"""Event dates in Vietnamese news: find date phrases, pick the main event's, resolve its year.

Reports date the event they cover in the lead ("Chiều 29/1, Ban ... tổ chức ...") and very
often leave the year out, because the reader sees the publication date. The year then comes
from the publication date when it is known, else from the years the article itself prints
(see ``infer_year``). Dates of cited documents ("Nghị quyết số 15-NQ/TU ngày 4-7-2017") and
the page's own publication stamp are never the event.

Every recognised form is one entry in a table below, so a new form is one line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from vnpolitics.extract.era_clues import era_clues
from vnpolitics.extract.records import MeetingDate
from vnpolitics.extract.regex_prefix import compile_with_opening, required_literal

TIMES_OF_DAY = ("sáng", "trưa", "chiều", "tối", "đêm")

# ---------------------------------------------------------------------------------------------
# Date phrases
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DatePhrase:
    """A date as printed: any part may be missing; ``relative`` names a date given by reference."""

    day: int | None
    month: int | None
    year: int | None
    time_of_day: str | None  # "sáng" | "trưa" | "chiều" | "tối" | "đêm" | None
    char_start: int
    char_end: int
    text: str
    relative: str | None = None  # "first_working_day", "today", "yesterday", "tomorrow"


_TOD = r"(?P<tod>sáng|trưa|chiều|tối|đêm)"
_REL = r"(?P<rel>nay|mai|qua|hôm nay|hôm qua)"
# What may stand before the numbers: "Chiều 29/1", "Chiều nay 10/12", "sáng mai (15/3)",
# "Sáng ngày 3/9", "Ngày 28-2", "hôm nay (12/4)".
_LEAD = rf"(?:{_TOD}(?:\s+{_REL})?(?:\s+ngày)?|ngày|hôm nay|hôm qua)"
# A numeric day-month with one separator used throughout: 29/1, 12-4, 7.3, 3-9-2019, 5/3/2018, and
# "13/11 / 2015" (the year set apart by spaces, as some pages print it).
_DM = r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?:(?:(?P=sep)| / )(?P<y>\d{4}))?"
_NOT_MORE = r"(?!\d|(?P=sep)\d|[/.]\d|\s*%)"  # "22/50%" or "1.540.000" or "3/9/20" are not dates

# (name, pattern): the date forms. Group names: tod, rel, d, m, y.
DATE_FORMS: tuple[tuple[str, str], ...] = (
    (
        "worded",
        rf"(?:{_LEAD}\s+)?(?P<d>\d{{1,2}})\s+tháng\s+(?P<m>\d{{1,2}})"
        rf"(?:\s*(?:năm|,)\s*(?P<y>\d{{4}}))?",
    ),
    (
        "day_range",
        rf"(?:{_LEAD}\s+)?(?:từ\s+)?(?P<d>\d{{1,2}})\s*[-–]\s*\d{{1,2}}(?P<sep>[/.])"
        rf"(?P<m>\d{{1,2}})(?:(?P=sep)(?P<y>\d{{4}}))?(?![\d/.]\d)",
    ),  # "6-7/10/2024": day 6
    ("parenthesised", rf"{_LEAD}\s*\(\s*{_DM}\s*\)"),
    ("numeric", rf"{_LEAD}\s*,?\s+{_DM}{_NOT_MORE}"),
    ("full_numeric", rf"(?<![\w/.]){_DM}{_NOT_MORE}"),  # only kept when the year is printed
    ("month_year", r"tháng\s+(?P<m>\d{1,2})(?:[/-]|\s+năm\s+)(?P<y>\d{4})(?!\d)"),  # "tháng 1-2026"
)

# (relative name, pattern): dates given by reference, resolved by ``_resolve_relative``.
RELATIVE_FORMS: tuple[tuple[str, str], ...] = (
    ("first_working_day", r"ngày làm việc đầu tiên (?:của |trong )?(?:năm (?:mới )?)?(?P<y>\d{4})"),
    ("today", rf"{_TOD}\s+nay(?!\s*\(?\s*\d)"),
    ("today", r"hôm nay(?!\s*\(?\s*\d)"),
    ("yesterday", rf"(?:{_TOD}\s+)?hôm qua(?!\s*\(?\s*\d)"),
    ("yesterday", r"(?P<tod>sáng|trưa|chiều|tối|đêm)\s+qua(?!\s*\(?\s*\d)"),
    ("tomorrow", rf"{_TOD}\s+mai(?!\s*\(?\s*\d)"),
)

_FLAGS = re.IGNORECASE


@dataclass(frozen=True)
class _Form:
    """A date form as searched: its pattern, led by a look-ahead for the characters it opens with
    (regex_prefix), and what a line must hold for a match to touch it: the plain words every
    match prints (``required_literal``, in lower case) and, for a numeric form, a digit."""

    name: str
    regex: re.Pattern[str]
    literal: str
    digit: bool

    @classmethod
    def of(cls, name: str, pattern: str, digit: bool) -> _Form:
        literal = required_literal(pattern, _FLAGS).lower()
        return cls(name, compile_with_opening(pattern, _FLAGS), literal, digit)


_DATE_RES = tuple(_Form.of(name, rf"(?<!\w){p}", digit=True) for name, p in DATE_FORMS)
_RELATIVE_RES = tuple(_Form.of(name, rf"(?<!\w){p}(?!\w)", digit=False) for name, p in RELATIVE_FORMS)
_CLOCK_NEAR = re.compile(r"\d{1,2}:\d{2}")


def find_date_phrases(text: str) -> list[DatePhrase]:
    """Every date phrase in ``text`` in reading order; overlapping matches keep the longest.

    Numbers need a cue ("Chiều", "ngày") unless the year is printed too, because a bare
    "7/10" is far more often a ratio ("7/10 nội dung") than a date. Publication stamps
    ("14/04/2022 08:51") are left out: they date the page, not an event.

    Cached per text: the event's candidates, the years the article prints and the full dates
    near the event all read the same article's phrases.
    """
    return list(_cached_date_phrases(text))


@functools.lru_cache(maxsize=8)
def _cached_date_phrases(text: str) -> tuple[DatePhrase, ...]:
    return tuple(_scan_date_phrases(text))


def _scan_date_phrases(text: str) -> list[DatePhrase]:
    lines = _lines(text)
    found = [p for p in _numeric_phrases(text, lines)] + list(_relative_phrases(text, lines))
    found.sort(key=lambda p: (p.char_start, -(p.char_end - p.char_start)))
    kept: list[DatePhrase] = []
    for phrase in found:
        if kept and phrase.char_start < kept[-1].char_end:
            continue
        kept.append(phrase)
    return kept


_DIGIT = re.compile(r"\d")
# (start, end, lower case, holds a digit) of each non-blank line of a text
_Line = tuple[int, int, str, bool]


def _lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    at = 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((at, at + len(line), line.lower(), _DIGIT.search(line) is not None))
        at += len(line) + 1
    return lines


def _matches(text: str, lines: list[_Line], form: _Form) -> Iterator[re.Match[str]]:
    """The form's matches in ``text``, searched only around the lines that can hold one: each line
    with the form's words (and a digit, for a numeric form), with the non-blank lines before and
    after it (a lead word may end one line, a look-ahead read the next); touching stretches are
    searched as one.

    The forms were searched over whole articles, every one at every position; most lines hold no
    date, and these stretches give the same matches at a fraction of the cost."""
    regions: list[tuple[int, int]] = []
    for k, (_, _, lower, digit) in enumerate(lines):
        if (form.digit and not digit) or form.literal not in lower:
            continue
        start, end = lines[max(k - 1, 0)][0], lines[min(k + 1, len(lines) - 1)][1]
        if regions and start <= regions[-1][1] + 1:
            regions[-1] = (regions[-1][0], end)
        else:
            regions.append((start, end))
    for start, end in regions:
        yield from form.regex.finditer(text, start, end)


def _numeric_phrases(text: str, lines: list[_Line]) -> Iterable[DatePhrase]:
    for form in _DATE_RES:
        for m in _matches(text, lines, form):
            phrase = _phrase_from_match(m)
            if phrase is None:
                continue
            if form.name == "full_numeric" and (phrase.year is None or _is_clock_stamp(text, m)):
                continue
            yield phrase


def _phrase_from_match(m: re.Match[str]) -> DatePhrase | None:
    """A DatePhrase when the numbers make a real calendar date, else None."""
    groups = m.groupdict()
    day = int(groups["d"]) if groups.get("d") else None
    month = int(groups["m"])
    year = int(groups["y"]) if groups.get("y") else None
    if not _valid(day, month, year):
        return None
    tod = groups.get("tod")
    return DatePhrase(
        day,
        month,
        year,
        tod.lower() if tod else None,
        m.start(),
        m.end(),
        m.group(0),
        relative=_relative_word(groups.get("rel")),
    )


def _relative_word(rel: str | None) -> str | None:
    """ "Chiều nay 10/12" prints the day; the word only tells how it relates to publication."""
    return {
        "nay": "today",
        "hôm nay": "today",
        "qua": "yesterday",
        "hôm qua": "yesterday",
        "mai": "tomorrow",
    }.get((rel or "").lower())


def _valid(day: int | None, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or (year is not None and not 1900 <= year <= 2100):
        return False
    if day is None:
        return True
    try:
        date(year or 2000, month, day)  # 2000 is a leap year, so 29/2 passes without a year
    except ValueError:
        return False
    return True


def _is_clock_stamp(text: str, m: re.Match[str]) -> bool:
    """ "14/04/2022 08:51" or "(19:54 28/06/2021)": a page's publication stamp."""
    before = text[max(0, m.start() - 8) : m.start()]
    after = text[m.end() : m.end() + 8]
    return bool(_CLOCK_NEAR.search(after) or _CLOCK_NEAR.search(before))


def _relative_phrases(text: str, lines: list[_Line]) -> Iterable[DatePhrase]:
    for form in _RELATIVE_RES:
        for m in _matches(text, lines, form):
            groups = m.groupdict()
            tod = groups.get("tod")
            year = int(groups["y"]) if groups.get("y") else None
            yield DatePhrase(
                None,
                None,
                year,
                tod.lower() if tod else None,
                m.start(),
                m.end(),
                m.group(0),
                relative=form.name,
            )


# ---------------------------------------------------------------------------------------------
# Years the article prints
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class YearMention:
    """A year the article prints and what it is used for.

    ``use`` is one of: "year" (a single year: "năm 2018"), "period" (``year``..``end_year``:
    "giai đoạn 2017-2020"), "target" ("đến năm 2030", "tầm nhìn 2045": a goal, says nothing
    about when the text was written), "document" (the year of a cited document's date, a lower
    bound for the event), "since" ("từ năm 2007 đến nay", also a lower bound), "month" ("tháng
    7/2019"), "elapsed" ("kỷ niệm 35 năm ... 1989": the year reached, 2024), "session" ("kỳ họp
    thứ 8, Quốc hội khóa XIV": the session's year, see ``era_clues``). ``cue`` is "past"
    (results, reviews), "plan" (tasks, plans) or None.
    """

    year: int
    end_year: int | None
    use: str
    cue: str | None
    char_start: int
    char_end: int
    month: int | None = None  # for "month" mentions
    term: bool = False  # a period printed as a term of office: "nhiệm kỳ 2020-2025"
    base: int | None = None  # for "elapsed" mentions, the year the anniversary counts from


_YEAR = r"(?:19[5-9]\d|20\d\d)"
_PERIOD_RE = compile_with_opening(rf"(?<![\w/.\-])(?P<y1>{_YEAR})\s*[-–—]\s*(?P<y2>{_YEAR})(?![\w/])")
_YEAR_RE = compile_with_opening(rf"(?<![\w/.\-,])(?P<y>{_YEAR})(?![\w/]|[.,]\d)")
# Words just before a year that make it a goal rather than the time of writing.
_TARGET_BEFORE = re.compile(r"(?:đến|tới|tầm nhìn|trước|vào|chậm nhất|muộn nhất|hạn)\s+(?:năm\s+)?$", _FLAGS)
# "Luật Đấu thầu năm 2023": a law's year, so a lower bound like a cited document's date.
_LAW_BEFORE = re.compile(r"\b(?:Luật|Bộ luật|Hiến pháp|Pháp lệnh)(?:\s+[^\s,;.]+){0,6}\s+năm\s*$")
_ELAPSED_RE = compile_with_opening(
    r"(?P<lead>(?:hướng tới|tiến tới|chào mừng)\s+)?(?:kỷ niệm|kỉ niệm|tưởng niệm|tổng kết|sơ kết|cách đây)"
    r"\s+(?P<n>\d{1,3})\s+năm(?!\s*\d)",
    _FLAGS,
)
# "kỷ niệm 25 năm ký Hiệp ước ... trong năm 2019": the year the anniversary falls in, no base.
_ANNIVERSARY_YEAR_BEFORE = re.compile(r"(?:trong|vào)\s+năm\s*$|năm\s+nay\s*$", _FLAGS)
_SINCE_BEFORE = re.compile(r"(?:từ|kể từ|sau)\s+(?:năm\s+)?$", _FLAGS)
_SINCE_AFTER = re.compile(r"^\s*(?:đến nay|tới nay|đến hết|trở lại đây)", _FLAGS)

# Cue words, checked in the clause around a year. One phrase per entry.
REVIEW_CUES: tuple[str, ...] = (  # the year is being reviewed: "tổng kết công tác năm 2017"
    "tổng kết",
    "sơ kết",
    "kết quả",
    "thành tựu",
    "nhìn lại",
    "vừa qua",
    "đã qua",
)
DONE_CUES: tuple[str, ...] = ("đã", "đạt được", "hoàn thành")  # after the year: "năm 2018, ... đã đạt"
NOT_YET_CUES: tuple[str, ...] = ("chưa",)  # before the year: "chưa thực hiện trong năm 2018"
PLAN_NOUNS: tuple[str, ...] = (  # just before the year: "nhiệm vụ năm 2019", "kế hoạch năm 2025"
    "nhiệm vụ",
    "kế hoạch",
    "phương hướng",
    "mục tiêu",
    "chỉ tiêu",
    "chương trình công tác",
)
PLAN_WORDS: tuple[str, ...] = ("sẽ", "dự kiến", "phấn đấu", "yêu cầu", "chuẩn bị", "hướng tới", "chào mừng")
# Words before a period that say the period starts with the event ("ký kết chương trình
# giai đoạn 2017-2020") or ends with it ("tổng kết giai đoạn 2016-2020").
PERIOD_START_CUES: tuple[str, ...] = (
    "ký kết",
    "ký",
    "ban hành",
    "phê duyệt",
    "thông qua",
    "xây dựng",
    "đại hội",
)
PERIOD_END_CUES: tuple[str, ...] = ("tổng kết",)
# "nhiệm kỳ 2020 - 2025", "khóa XI, nhiệm kỳ 2020-2025": a term of office, opened by its congress.
_TERM_BEFORE = re.compile(r"nhiệm kỳ\s*:?\s*$", _FLAGS)


def year_mentions(text: str) -> list[YearMention]:
    """Every year printed in ``text`` with its use, in reading order (see ``YearMention``).

    Cached per text: every dated phrase of an article asks for the same article's years, and
    recomputing them made one long article quadratic (a 1 MB page took a minute).
    """
    return list(_year_mentions(text))


@functools.lru_cache(maxsize=8)
def _year_mentions(text: str) -> tuple[YearMention, ...]:
    mentions = _period_mentions(text) + _dated_mentions(text) + _era_mentions(text)
    taken = [(y.char_start, y.char_end) for y in mentions]
    for m in _YEAR_RE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        use = _single_year_use(text, m)
        if use:
            cue = _cue(text, m.start(), m.end())
            mentions.append(YearMention(int(m["y"]), None, use, cue, m.start(), m.end()))
    mentions.sort(key=lambda y: y.char_start)
    return tuple(sorted(mentions + _elapsed_mentions(text, mentions), key=lambda y: y.char_start))


def _period_mentions(text: str) -> list[YearMention]:
    out = []
    for m in _PERIOD_RE.finditer(text):
        y1, y2 = int(m["y1"]), int(m["y2"])
        if y1 < y2:
            term = bool(_TERM_BEFORE.search(text[max(0, m.start() - 20) : m.start()]))
            cue = _period_cue(text, m.start())
            out.append(YearMention(y1, y2, "period", cue, m.start(), m.end(), term=term))
    return out


def _era_mentions(text: str) -> list[YearMention]:
    """A legislature's session ("kỳ họp thứ 8, Quốc hội khóa XIV": 2019) and traces of the 2025
    reform ("tỉnh Quảng Nam cũ": 2025 or later), as ``era_clues`` reads them."""
    return [YearMention(c.year, None, c.kind, None, c.char_start, c.char_end) for c in era_clues(text)]


def _dated_mentions(text: str) -> list[YearMention]:
    return [
        YearMention(p.year, None, _dated_use(text, p), None, p.char_start, p.char_end, p.month)
        for p in find_date_phrases(text)
        if p.year is not None
    ]


def _dated_use(text: str, phrase: DatePhrase) -> str:
    """What a printed date with its year is: a document's date, a deadline, or a plain date."""
    if phrase.relative == "first_working_day":
        return "year"
    if phrase.day is None:
        return "month"
    if is_document_date(text, phrase):
        return "document"
    if _TARGET_BEFORE.search(text[max(0, phrase.char_start - 30) : phrase.char_start]):
        return "target"
    return "year"


def _elapsed_mentions(text: str, mentions: list[YearMention]) -> list[YearMention]:
    """ "kỷ niệm 35 năm Ngày truyền thống (6/12/1989 ...)", "tổng kết 15 năm thực hiện Nghị quyết
    ... ngày 30-7-2007": N years after the first year named next in the sentence is the event's year.
    """
    out = []
    for m in _ELAPSED_RE.finditer(text):
        clause = len(text) if m.group(0).lower().startswith("cách") else _clause_end(text, m.end())
        stop = min(_sentence_end(text, m.end()), clause, m.end() + 250)  # "cách đây 88 năm, ngày ..."
        after = [y for y in mentions if m.end() <= y.char_start < stop]
        after = [y for y in after if y.use not in ("target", "elapsed")]
        if after and _ANNIVERSARY_YEAR_BEFORE.search(
            text[max(0, after[0].char_start - 15) : after[0].char_start]
        ):
            continue
        if after and after[0].year + int(m["n"]) <= 2100:
            cue = "plan" if m["lead"] else None  # "hướng tới kỷ niệm 95 năm": the anniversary is ahead
            base = after[0].year
            out.append(YearMention(base + int(m["n"]), None, "elapsed", cue, m.start(), m.end(), base=base))
    return out


def article_years(text: str) -> list[int]:
    """The distinct years the article prints (single years, period bounds, dates), ascending."""
    years: set[int] = set()
    for y in year_mentions(text):
        years.add(y.year)
        if y.end_year is not None:
            years.add(y.end_year)
    return sorted(years)


def _single_year_use(text: str, m: re.Match[str]) -> str | None:
    """ "năm 2018" or a bare year; None for numbers that are not years (counts, codes)."""
    before = text[max(0, m.start() - 30) : m.start()]
    after = text[m.end() : m.end() + 20]
    if _TARGET_BEFORE.search(before):
        return "target"
    if _LAW_BEFORE.search(text[max(0, m.start() - 80) : m.start()]):
        return "document"
    if _SINCE_BEFORE.search(before) and _SINCE_AFTER.search(after):
        return "since"
    if re.search(r"(?:năm|khóa|khoá|niên độ|mùa)\s*$", before, _FLAGS):
        return "year"
    if re.search(r"(?:số|người|đồng|tỷ|triệu|ha|km|m2|lượt)\s*$", before, _FLAGS) or re.match(
        r"\s*(?:người|đồng|tỷ|triệu|ha|km|lượt|hộ|%)", after, _FLAGS
    ):
        return None
    return "year"


def _window_has(text: str, start: int, end: int, cues: Iterable[str]) -> bool:
    cues = tuple(cues)
    return bool(cues) and _cues_re(cues).search(text[start:end].lower()) is not None


@functools.lru_cache(maxsize=64)
def _cues_re(cues: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``cues`` as a whole word, in one pattern compiled once: a window is asked for the same
    few lists of cues for every date and year of every article."""
    return compile_with_opening("|".join(rf"(?<!\w){re.escape(c)}(?!\w)" for c in cues))


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around a year: cues beyond a ';' or a sentence end talk about something else."""
    left = max(text.rfind(c, 0, start) for c in (";", ".", "\n", ":"))
    rights = [i for i in (text.find(c, end) for c in (";", ".", "\n")) if i != -1]
    return max(left + 1, start - 80), min(min(rights, default=len(text)), end + 40)


def _cue(text: str, start: int, end: int, verbs: bool = True) -> str | None:
    """ "past" when the clause reviews the year, "plan" when it sets the year's tasks, else None.

    ``verbs=False`` ignores completion verbs: in the event's own sentence "đã" is the event's
    verb ("... Tết 2025, Chủ tịch ... đã gặp mặt"), not a statement about the year.
    """
    lo, hi = _clause_bounds(text, start, end)
    if _window_has(text, lo, hi, REVIEW_CUES):
        return "past"
    done = verbs and (_window_has(text, end, hi, DONE_CUES) or _window_has(text, lo, start, NOT_YET_CUES))
    if _window_has(text, max(lo, start - 50), start, PLAN_NOUNS + PLAN_WORDS):
        return "past" if done else "plan"
    return "past" if done else None


def _period_cue(text: str, start: int) -> str | None:
    """ "end", "start", or "congress" (a start cue that is a congress: it opens a term of office)."""
    before = text[max(0, start - 70) : start]
    if _window_has(before, 0, len(before), PERIOD_END_CUES):
        return "end"
    if _window_has(before, 0, len(before), ("đại hội",)):
        return "congress"
    if _window_has(before, 0, len(before), PERIOD_START_CUES):
        return "start"
    return None


# ---------------------------------------------------------------------------------------------
# Which date is the event's
# ---------------------------------------------------------------------------------------------

# Nouns of documents: a date right after "<noun> [số] <code>" is the document's date.
DOCUMENT_NOUNS: tuple[str, ...] = (
    "nghị quyết",
    "quyết định",
    "chỉ thị",
    "kết luận",
    "quy định",
    "thông tư",
    "nghị định",
    "công văn",
    "luật",
    "hướng dẫn",
    "thông báo",
    "văn bản",
    "tờ trình",
    "đề án",
    "kế hoạch",
    "chương trình",
    "công điện",
    "thông tri",
    "quy chế",
    "pháp lệnh",
    "báo cáo",
    "hiến pháp",
)
_DOC_CODE_BEFORE = re.compile(r"\d+[\w.]*[/-][A-ZĐ][\wĐđƯư./-]*\)?\s*,?\s*(?:của[^,;.]{0,60})?\s*$")
_DOC_NOUN_BEFORE = re.compile(
    r"(?:" + "|".join(DOCUMENT_NOUNS) + r")(?:\s+(?:số|liên tịch))?(?:\s+\S+){0,2}\s*$", _FLAGS
)

# Words around the event date: the main event is "organised", "held", "worked with" ...
EVENT_CUES: tuple[str, ...] = (
    "tổ chức",
    "hội nghị",
    "làm việc",
    "họp",
    "ký kết",
    "dự",
    "tham dự",
    "hội thảo",
    "tọa đàm",
    "khai mạc",
    "bế mạc",
    "diễn ra",
    "tiếp",
    "hội kiến",
    "hội đàm",
    "gặp mặt",
    "chủ trì",
    "lễ",
    "đại hội",
    "kỳ họp",
    "phiên",
    "thăm",
    "kiểm tra",
    "giao ban",
    "công bố",
    "trao",
    "dâng hương",
)
_DATELINE = re.compile(r"^\s*(?:\(?[\w.]{1,20}\)?\s*[-–—]\s*)?$")


def is_document_date(text: str, phrase: DatePhrase) -> bool:
    """True for the date of a cited document ("Nghị quyết số 15-NQ/TU ngày 4-7-2017")."""
    if phrase.time_of_day is not None:
        return False
    before = text[max(0, phrase.char_start - 90) : phrase.char_start]
    return bool(_DOC_CODE_BEFORE.search(before) or _DOC_NOUN_BEFORE.search(before))


# "sinh ngày 15/5/1953", "Ngày sinh: 3/4/1970": a person's birth, never an event an article reports.
_BIRTH_BEFORE = re.compile(r"\b(?:sinh|ngày sinh\s*:?)\s*$", re.IGNORECASE)


def is_birth_date(text: str, phrase: DatePhrase) -> bool:
    """True for a date of birth ("Ông A sinh ngày 15/5/1953"): in an article that prints no other
    day, it dated the appointments it reports to the year the appointee was born."""
    return bool(_BIRTH_BEFORE.search(text[max(0, phrase.char_start - 16) : phrase.char_start]))


def _sentence_start(text: str, pos: int) -> int:
    starts = [text.rfind(c, 0, pos) for c in ("\n", ". ", "! ", "? ")]
    return max(starts) + 1


def _at_sentence_start(text: str, phrase: DatePhrase) -> bool:
    """Nothing but an optional dateline ("HNP - ", "(Chinhphu.vn) – ") before the phrase."""
    start = _sentence_start(text, phrase.char_start)
    return bool(_DATELINE.match(text[start : phrase.char_start].lstrip(". !?")))


def _event_score(text: str, phrase: DatePhrase, rank: int) -> float:
    """How much a phrase looks like the date of the reported event; earlier is better."""
    score = 0.0
    if phrase.time_of_day:
        score += 3
    if phrase.relative == "first_working_day":
        score += 2
    if _at_sentence_start(text, phrase):
        score += 2
    if re.match(r"\s*\)?\s*,", text[phrase.char_end : phrase.char_end + 3]):
        score += 1
    sentence_end = min(
        (i for i in (text.find(c, phrase.char_end) for c in (". ", "\n")) if i != -1), default=len(text)
    )
    lo = max(_sentence_start(text, phrase.char_start), phrase.char_start - 120)
    if _window_has(text, lo, min(sentence_end, phrase.char_end + 160), EVENT_CUES):
        score += 1.5
    return score - 0.05 * rank - phrase.char_start / 100_000


def _candidates(text: str) -> list[DatePhrase]:
    """Phrases that can date an event: a day (or a resolvable reference), not a document's date."""
    return [
        p
        for p in find_date_phrases(text)
        if (p.day is not None or p.relative is not None)
        and not is_document_date(text, p)
        and not is_birth_date(text, p)
    ]


# Which clue gave an event's year, strongest first (``MeetingDate.date_basis``).
DATE_BASES: tuple[tuple[str, str], ...] = (
    ("printed", "the year is printed with the date, or follows from it (first working day of 2018)"),
    ("publication", "the page's publication time: the latest such day on or before it (plus a grace)"),
    ("term_of_office", "the event opens a term it names (congress, first session): the term's first year"),
    ("article_dates", "a full date the article prints within a month of the event (a document acted on)"),
    ("year_vote", "the vote over the years the article prints (``infer_year``)"),
    ("lower_bound", "only a cited document's date or 'từ năm X đến nay' bounds it from below"),
    ("file_time", "the year the raw file was written (its crawler's clock): nothing in the text dates it"),
)


def resolve_meeting_date(
    text: str, published_at: datetime | None, *, file_year: int | None = None
) -> MeetingDate | None:
    """The date of the main event the article reports, or None when no event date is printed.

    The year comes from the phrase when printed (``date_is_inferred`` False), else from the
    publication date, else from the years the article prints (``infer_year``), else from
    ``file_year`` (the year the raw file was written); when none of these
    gives a year the phrase is kept but ``meeting_date`` is None.
    """
    options = []
    for rank, phrase in enumerate(_candidates(text)):
        resolved = _resolve(text, phrase, published_at, file_year)
        if resolved is not None:
            options.append((_event_score(text, phrase, rank), resolved))
    if not options:
        return None
    return max(options, key=lambda o: o[0])[1]


def _resolve(
    text: str, phrase: DatePhrase, published_at: datetime | None, file_year: int | None
) -> MeetingDate | None:
    """The phrase's date, its year from the strongest clue (the ladder in ``DATE_BASES``)."""
    if phrase.relative in ("first_working_day", "today", "yesterday", "tomorrow") and phrase.day is None:
        day = _resolve_relative(phrase, published_at)
        if day is None:
            return None
        basis = "printed" if phrase.relative == "first_working_day" else "publication"
        return _meeting(phrase, day, inferred=True, basis=basis)
    assert phrase.day is not None and phrase.month is not None
    if phrase.year is not None:
        return _meeting(phrase, date(phrase.year, phrase.month, phrase.day), inferred=False, basis="printed")
    if published_at:
        year, basis = year_from_publication(phrase.day, phrase.month, published_at), "publication"
    else:
        year, basis = term_of_office_year(text, phrase), "term_of_office"
        if year is None:
            year, basis = infer_year_and_basis(text, phrase)
    if year is None and file_year is not None:
        year, basis = file_year, "file_time"
    if year is None or not _valid(phrase.day, phrase.month, year):
        return _meeting(phrase, None, inferred=True, basis=None)
    return _meeting(phrase, date(year, phrase.month, phrase.day), inferred=True, basis=basis)


def _meeting(phrase: DatePhrase, day: date | None, inferred: bool, basis: str | None) -> MeetingDate:
    return MeetingDate(
        day, inferred, phrase.time_of_day, phrase.text, phrase.char_start, phrase.char_end, date_basis=basis
    )


def first_working_day(year: int) -> date:
    """The first weekday after New Year's Day (1 January is a public holiday)."""
    day = date(year, 1, 2)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _resolve_relative(phrase: DatePhrase, published_at: datetime | None) -> date | None:
    if phrase.relative == "first_working_day":
        return first_working_day(phrase.year) if phrase.year else None
    if published_at is None:
        return None
    offsets = {"today": 0, "yesterday": -1, "tomorrow": 1}
    return published_at.date() + timedelta(days=offsets[phrase.relative or "today"])


GRACE_DAYS = 7  # "sáng mai (15/3)": an announced event may lie a few days after publication


def year_from_publication(day: int, month: int, published_at: datetime) -> int:
    """The publication year, or the year before when the day would lie well after publication.

    A report covers an event on or before its publication; "Chiều 30/12" printed on 2 January
    is last year's.
    """
    year = published_at.year
    if not _valid(day, month, year):  # 29/2 in a common year
        return year
    if date(year, month, day) > published_at.date() + timedelta(days=GRACE_DAYS):
        return year - 1
    return year


# ---------------------------------------------------------------------------------------------
# Year inference from the text alone
# ---------------------------------------------------------------------------------------------

EARLY_MONTHS = 3  # Jan-Mar: the previous year is still being reviewed
LATE_MONTHS = 10  # Oct-Dec: next year's tasks and periods are being set
SAME_SENTENCE_WEIGHT = 2.0  # a year in the event's own sentence describes the event


# Words naming the opening of a term: "Đại hội ... nhiệm kỳ 2020-2025", "kỳ họp thứ nhất HĐND khóa X".
_TERM_OPENERS = compile_with_opening(
    r"(?<!\w)(?:đại hội|(?:kỳ|kì|phiên) họp (?:thứ nhất|thứ 1|đầu tiên)|hội nghị lần thứ (?:nhất|1))(?!\w)",
    _FLAGS,
)
# ... unless the congress is only referred to: "quán triệt Nghị quyết Đại hội ... nhiệm kỳ 2019-2024".
_CONGRESS_REFERRED = re.compile(r"(?:nghị quyết|văn kiện|tinh thần|sau|trước|chuẩn bị|hướng tới)\s+$", _FLAGS)
ARTICLE_DATE_DAYS = 31  # a full date this close to the event dates it (a document acted on, a visit)
ARTICLE_DATE_WEIGHT = 2.0  # more than one printed year, less than "tháng 4/2023" naming the event's month


def term_of_office_year(text: str, phrase: DatePhrase) -> int | None:
    """The first year of the term the event opens, when its sentence names both.

    A congress or a first session opens its term ("Sáng 7/8, Đại hội Đảng bộ huyện ..., nhiệm kỳ
    2020 - 2025" is in 2020), whatever the month. Never before a cited document's date.
    """
    assert phrase.month is not None
    lo, hi = _sentence_start(text, phrase.char_start), _sentence_end(text, phrase.char_end)
    terms = [y for y in year_mentions(text) if y.use == "period" and y.term and lo <= y.char_start < hi]
    if not terms:
        return None
    opened = any(
        not _CONGRESS_REFERRED.search(text[max(lo, m.start() - 25) : m.start()])
        for m in _TERM_OPENERS.finditer(text, lo, hi)
    )
    if not opened:
        return None
    year = terms[0].year
    bound = _lower_bound(text, phrase)
    if bound is not None and _date_or_end(year, phrase.month, phrase.day) < bound:
        return None
    return year


def _lower_bound(text: str, phrase: DatePhrase) -> date | None:
    bound = None
    for y in year_mentions(text):
        if y.use in ("document", "since") and not phrase.char_start <= y.char_start < phrase.char_end:
            low = _mention_date(text, y) or date(y.year, 1, 1)
            bound = max(bound, low) if bound else low
    return bound


@functools.lru_cache(maxsize=8)
def _full_dates(text: str) -> tuple[tuple[date, bool, int], ...]:
    """Every full date the article prints (deadlines aside): date, cited document's or not, offset."""
    out = []
    for p in find_date_phrases(text):
        if p.day and p.month and p.year and p.relative is None:
            if _TARGET_BEFORE.search(text[max(0, p.char_start - 30) : p.char_start]):
                continue  # a deadline says nothing about when the event was
            out.append((date(p.year, p.month, p.day), is_document_date(text, p), p.char_start))
    return tuple(out)


def _article_date_votes(text: str, phrase: DatePhrase) -> list[tuple[int, float]]:
    """The year putting the event within a month of a cited document's date, or of a full date
    in the event's own sentence ("... thực hiện Công văn số 1403 ngày 27/4/2023" and "Sáng 28/4").

    Other full dates (births, history, earlier milestones) do not vote: they are as often decades
    away. Cited documents also bound the event from below (``infer_year_and_basis``).
    """
    assert phrase.month is not None
    lo, hi = _sentence_start(text, phrase.char_start), _sentence_end(text, phrase.char_end)
    best: tuple[int, int] | None = None  # (distance in days, year)
    for anchor, is_document, start in _full_dates(text):
        if phrase.char_start <= start < phrase.char_end or not (is_document or lo <= start < hi):
            continue
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            gap = abs((_date_or_end(year, phrase.month, phrase.day) - anchor).days)
            if gap <= ARTICLE_DATE_DAYS:
                best = min(best, (gap, year)) if best else (gap, year)
    return [(best[1], ARTICLE_DATE_WEIGHT)] if best else []


def infer_year(text: str, phrase: DatePhrase) -> int | None:
    """The most likely year of a day/month printed without a year (see ``infer_year_and_basis``)."""
    return infer_year_and_basis(text, phrase)[0]


def infer_year_and_basis(text: str, phrase: DatePhrase) -> tuple[int | None, str | None]:
    """The most likely year of a day/month printed without a year, from the article's years.

    Each printed year votes for the event year it implies, given the event's month:
    - a single year Y votes Y; with past wording ("năm 2018 đã đạt", "tổng kết năm 2018")
      and an event in Jan-Mar it votes Y+1 (the year under review has just ended); with plan
      wording ("nhiệm vụ năm 2019") and an event in Oct-Dec it votes Y-1 (tasks are set before
      the year starts);
    - a period Y1-Y2 signed or adopted ("ký kết chương trình giai đoạn 2017-2020") votes Y1,
      or Y1-1 for an Oct-Dec event; a period under final review ("tổng kết giai đoạn ...")
      votes Y2, or Y2+1 for a Jan-Mar event; any other period gives each of its years a weak vote;
    - "tháng 7/2019" votes 2019, strongly when the month is the event's;
    - "kỷ niệm 50 năm ... 1968" votes 2018 (weight 3), and the year it counts from no longer
      votes anywhere in the article: it is the past event remembered, however often printed;
    - goals ("đến năm 2030") do not vote; cited documents' dates and "từ năm 2007 đến nay"
      are lower bounds (the event comes after them).
    - a term of office named after a congress ("Đại hội ..., nhiệm kỳ 2019-2024") votes its first
      year whatever the month (a congress opens its term; it is not held the year before), while
      a term a plan is drawn up for ("xây dựng quy hoạch ... nhiệm kỳ 2021-2026") is still ahead;
    - a cited document's date, or a full date in the event's sentence, within a month of the event
      ("công văn số 1403 ngày 27/4/2023" and a meeting on 28/4) votes its year (weight 2).
    A year in the event's own sentence weighs double. Ties go to the later year. Without a
    vote, the lower bound's year (or the next, if the day/month falls before it) is used.
    The basis is the kind of clue that gave the winning year most of its weight:
    "term_of_office", "article_dates" or "year_vote"; "lower_bound" without a vote.
    """
    assert phrase.month is not None
    month = phrase.month
    sentence = (_sentence_start(text, phrase.char_start), _sentence_end(text, phrase.char_end))
    votes: dict[int, float] = {}
    by_kind: dict[tuple[int, str], float] = {}
    bound: date | None = None
    mentions = year_mentions(text)
    commemorated = {y.base for y in mentions if y.use == "elapsed"}
    for y in mentions:
        if phrase.char_start <= y.char_start < phrase.char_end:
            continue
        if y.use == "year" and y.year in commemorated:
            continue  # "kỷ niệm 50 năm ... Mậu Thân 1968": 1968 is what is remembered, not when
        if y.use in ("document", "since"):
            low = _mention_date(text, y) or date(y.year, 1, 1)
            bound = max(bound, low) if bound else low
            continue
        weight = 1.0
        if sentence[0] <= y.char_start < sentence[1]:
            weight = SAME_SENTENCE_WEIGHT
            if y.use == "year":
                y = replace(y, cue=_cue(text, y.char_start, y.char_end, verbs=False))
        opens_term = y.use == "period" and y.term and y.cue == "congress"
        kind = "term_of_office" if opens_term or y.use == "session" else "year_vote"
        for year, w in _votes(y, month):
            votes[year] = votes.get(year, 0.0) + w * weight
            by_kind[year, kind] = by_kind.get((year, kind), 0.0) + w * weight
    for year, w in _article_date_votes(text, phrase):
        votes[year] = votes.get(year, 0.0) + w
        by_kind[year, "article_dates"] = by_kind.get((year, "article_dates"), 0.0) + w
    if bound is not None:
        votes = {y: w for y, w in votes.items() if _date_or_end(y, month, phrase.day) >= bound}
    if votes:
        winner = max(votes, key=lambda y: (votes[y], y))
        kinds = {k: w for (y, k), w in by_kind.items() if y == winner}
        return winner, max(kinds, key=lambda k: kinds[k])
    if bound is None:
        return None, None
    year = bound.year if _date_or_end(bound.year, month, phrase.day) >= bound else bound.year + 1
    return year, "lower_bound"


def _votes(y: YearMention, month: int) -> list[tuple[int, float]]:
    """The event years one printed year points to, with weights (rules in ``infer_year``)."""
    if y.use == "target":
        return []
    if y.use == "session":  # a session's year is as good as printed: "trước kỳ họp thứ 8" is weeks away
        return [(y.year, 3.0)]
    if y.use == "elapsed":
        return [(y.year - 1 if y.cue == "plan" and month >= LATE_MONTHS else y.year, 3.0)]
    if y.use == "month":
        return [(y.year, 3.0 if y.month == month else 1.5)]
    if y.use == "period" and y.end_year is not None:
        if y.cue == "congress" and y.term:  # a term opens with its congress, never the year before
            return [(y.year, 1.5)]
        if y.cue in ("start", "congress"):
            return [(y.year - 1 if month >= LATE_MONTHS else y.year, 1.5)]
        if y.cue == "end":
            return [(y.end_year + 1 if month <= EARLY_MONTHS else y.end_year, 1.5)]
        return [(year, 0.3) for year in range(y.year, y.end_year + 1)]
    if y.cue == "past" and month <= EARLY_MONTHS:
        return [(y.year + 1, 1.0)]
    if y.cue == "plan" and month >= LATE_MONTHS:
        return [(y.year - 1, 1.0)]
    return [(y.year, 1.0)]


def _clause_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in (", ", ";")) if i != -1]
    return min(ends, default=len(text))


def _sentence_end(text: str, pos: int) -> int:
    ends = [i for i in (text.find(c, pos) for c in (". ", "\n", "! ", "? ")) if i != -1]
    return min(ends, default=len(text))


def _mention_date(text: str, y: YearMention) -> date | None:
    """The full date of a document mention, when printed ("ngày 4-7-2017")."""
    for phrase in _scan_date_phrases(text[y.char_start : y.char_end]):  # a slice: not worth caching
        if phrase.day and phrase.month and phrase.year:
            return date(phrase.year, phrase.month, phrase.day)
    return None


def _date_or_end(year: int, month: int, day: int | None) -> date:
    """The event's date in ``year`` (29/2 of a common year counts as 28/2)."""
    try:
        return date(year, month, day or 1)
    except ValueError:
        return date(year, month, 28)
