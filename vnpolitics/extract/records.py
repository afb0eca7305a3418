"""Typed records shared by every stage of the extractor.

Every record that points into an article carries character offsets into the
*cleaned* article text (``CleanArticle.text``) and the index of the sentence it
came from, so an analyst can always see why a row exists.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


class RejectedFile(Exception):
    """Raised when a raw file cannot be turned into article text; ``reason`` goes to ingest_files."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class DecodedText:
    """Raw bytes turned into NFC text with ``\\n`` line ends."""

    text: str
    encoding: str  # e.g. "utf-8", "utf-8-sig", "utf-16-le", "windows-1258", "html+utf-8"
    flags: tuple[str, ...] = ()  # e.g. ("nfd_normalised", "crlf", "html", "replacement_chars")


@dataclass(frozen=True)
class Caption:
    """A photo caption line kept apart from the story; ``credit`` is the photographer/credit if printed."""

    char_start: int
    char_end: int
    text: str
    credit: str | None = None


@dataclass(frozen=True)
class CleanArticle:
    """Article text with page chrome removed. Offsets of every other record index into ``text``."""

    text: str
    captions: tuple[Caption, ...] = ()
    removed_chrome: tuple[str, ...] = ()  # the lines dropped as page chrome, for auditing


@dataclass(frozen=True)
class ArticleMetadata:
    title: str | None
    published_at: datetime | None
    source_outlet: str | None
    author: str | None


@dataclass(frozen=True)
class Sentence:
    index: int
    char_start: int
    char_end: int
    text: str


@dataclass(frozen=True)
class PersonMention:
    full_name: str
    surface_text: str
    char_start: int
    char_end: int
    sentence_index: int
    confidence: float = 1.0


@dataclass(frozen=True)
class PersonTitle:
    full_name: str
    title: str  # abbreviations expanded, e.g. "Chủ tịch Ủy ban nhân dân thành phố Hà Nội"
    organization_name: str | None  # canonical name of the body the title belongs to
    char_start: int  # offsets of the title text as printed
    char_end: int
    sentence_index: int
    post: str | None = None  # the post without its body: "Trưởng ban", "Bí thư", "Thiếu tướng"
    canonical_title: str | None = None  # one spelling per post and body: "Trưởng Ban Tổ chức Trung ương"
    body_name: str | None = None  # the body printed in the title, even generic ("Ban Tổ chức")
    is_former: bool = False  # printed with "nguyên" or "cựu"


@dataclass(frozen=True)
class OrganizationMention:
    canonical_name: str
    surface_text: str
    char_start: int
    char_end: int
    sentence_index: int
    kind: str | None = None


@dataclass(frozen=True)
class OrganizationProfile:
    """A body an article names (or an ancestor of one), placed in the tree of bodies."""

    canonical_name: str
    kind: str | None  # as in gazetteers/body_kinds.tsv
    level: str | None  # central | province | district | commune | enterprise | army
    place: str | None  # "Hà Nội" for Thành ủy Hà Nội; None for central and army bodies
    parent_name: str | None  # canonical name of the body it belongs to


@dataclass(frozen=True)
class MeetingDate:
    """The date of a reported event, as resolved from the text."""

    meeting_date: date | None
    date_is_inferred: bool  # True when the year (or the day) was not printed beside the event
    time_of_day: str | None  # "sáng", "trưa", "chiều", "tối" or None
    date_text: str  # the phrase the date came from, e.g. "Chiều 29/1"
    char_start: int
    char_end: int
    # Which clue gave the year (``dates.DATE_BASES``): "printed", "publication", "term_of_office",
    # "article_dates", "year_vote", "lower_bound", "file_time"; None when no year was found.
    date_basis: str | None = None


@dataclass(frozen=True)
class Meeting:
    meeting_index: int
    meeting_date: date | None
    date_is_inferred: bool
    time_of_day: str | None
    meeting_kind: str | None
    organizers: tuple[str, ...]
    date_text: str | None
    char_start: int
    char_end: int
    sentence_index: int
    date_basis: str | None = None  # as MeetingDate.date_basis; not yet a raw column


@dataclass(frozen=True)
class ParticipantRole:
    meeting_index: int
    full_name: str
    role: str  # attendee | chair | speaker | presenter | mentioned
    char_start: int
    char_end: int
    sentence_index: int


@dataclass(frozen=True)
class PersonnelEvent:
    """A personnel event the article reports (``personnel_events.py``): a post taken, left or held
    when the person was disciplined or died. Dates are None unless printed in the event's sentence."""

    event_index: int
    full_name: str
    # appointed | elected | re_elected | assigned | acting | relieved | retired | resigned |
    # disciplined | died
    kind: str
    discipline_level: str | None  # khiển trách | cảnh cáo | cách chức | khai trừ, when printed
    cue: str  # the cue phrase as printed ("bổ nhiệm", "thôi giữ chức")
    post: PersonTitle | None  # the post taken, left, or held (for a discipline or a death)
    previous_post: PersonTitle | None  # a transfer's post held before it (ended by it)
    deciding_body: str | None  # "Bộ Chính trị", "Thủ tướng Chính phủ", as printed and expanded
    decision_number: str | None  # "125-QĐ/TU" of "Quyết định số 125-QĐ/TU"
    decision_date: date | None
    effective_date: date | None  # "có hiệu lực từ ngày ...", "kể từ ngày ..."
    event_date: date | None  # a date printed in the sentence for the event itself
    event_date_text: str | None
    told_as_past: bool  # told before the article's time ("Năm 2011, ...", "sau khi ... qua đời")
    char_start: int  # from the cue to the person, whichever comes first, to the other
    char_end: int
    sentence_index: int


@dataclass
class ArticleExtraction:
    metadata: ArticleMetadata
    clean: CleanArticle
    sentences: list[Sentence] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    titles: list[PersonTitle] = field(default_factory=list)
    organizations: list[OrganizationMention] = field(default_factory=list)
    organization_profiles: list[OrganizationProfile] = field(default_factory=list)  # one per body
    meetings: list[Meeting] = field(default_factory=list)
    roles: list[ParticipantRole] = field(default_factory=list)
    personnel_events: list[PersonnelEvent] = field(default_factory=list)
