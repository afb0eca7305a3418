"""One article in, every extracted record out: the extractor's single entry point."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import partial

from vnpolitics.extract.admin_places import admin_place_phrases
from vnpolitics.extract.bodies import BodySpan, body_at, canonical_body
from vnpolitics.extract.cleaning import clean_article
from vnpolitics.extract.dates import resolve_meeting_date
from vnpolitics.extract.eponyms import street_names
from vnpolitics.extract.gazetteer import phrase_key
from vnpolitics.extract.hierarchy import OrganizationTree, nested_parent
from vnpolitics.extract.meeting_kinds import find_meeting_kind
from vnpolitics.extract.metadata import extract_metadata
from vnpolitics.extract.names import full_form, name_text
from vnpolitics.extract.people import SentenceParse, parse_sentence
from vnpolitics.extract.personnel_events import find_personnel_events
from vnpolitics.extract.places_context import complete, places_by_level, sentence_places, specific_name
from vnpolitics.extract.records import (
    ArticleExtraction,
    Meeting,
    OrganizationMention,
    ParticipantRole,
    PersonMention,
    PersonTitle,
    Sentence,
)
from vnpolitics.extract.roles import lead_of, resolve_roles, sentence_evidence
from vnpolitics.extract.sentences import split_sentences
from vnpolitics.extract.textnorm import canonical_text, fold
from vnpolitics.extract.title_parts import post_parts
from vnpolitics.extract.title_spans import TitleSpan, title_text
from vnpolitics.extract.tokens import Token, attach_pyvi_words, tokenize

LEAD_SENTENCES = 6  # where the main event's kind is printed
UNCUED = 0.7  # the confidence of a name that no post, cue or list announces


def _needs_parse(sentence: Sentence) -> bool:
    """pyvi is only worth running where a name, post or body could be (a capital after the first word)."""
    words = sentence.text.split()
    return any(w[:1].isupper() for w in words[1:])


CUT_SENTENCE_MIN_WORDS = 20  # syllables: a shorter unmarked last line is a byline or a credit


def _cut_mid_sentence(text: str) -> bool:
    """Whether the text stops inside a sentence: its last line is prose (long) and ends in no mark.
    A short last line with no mark is a byline or a credit ("Theo TTXVN", "A - Đảng ủy Khối X")."""
    last = text.rstrip().rsplit("\n", 1)[-1]
    return last[-1:].isalnum() and len(last.split()) >= CUT_SENTENCE_MIN_WORDS


def _parse_all(
    sentences: list[Sentence], skip: set[str], cut_end: bool = False
) -> list[tuple[Sentence, SentenceParse]]:
    """Parses of the sentences worth parsing. ``cut_end``: the text stops mid-sentence (a crawl
    cut it), so its last word may be cut too ("Ban Thường vụ Hu", "Đảng ủy xã Hưng Long đối"): a
    body reaching it is read without it."""
    parses = []
    for s in sentences:
        if s.text in skip or not _needs_parse(s):
            continue
        tokens = tokenize(s.text, s.char_start)
        attach_pyvi_words(tokens)
        parse = parse_sentence(tokens)
        if cut_end and s is sentences[-1] and any(b.end == len(tokens) for b in parse.bodies):
            parse = parse_sentence(tokens[:-1])
        parses.append((s, parse))
    return parses


def _span_text(tokens: list[Token], start: int, end: int) -> str:
    return " ".join(t.text for t in tokens[start:end])


def extract_article(
    text: str,
    *,
    file_year: int | None = None,
    published_at: datetime | None = None,
    fallback_published_at: datetime | None = None,
) -> ArticleExtraction:
    """Every record of one article. ``file_year``, the year its raw file was written, is the
    meeting's year of last resort: when nothing printed dates a "Sáng 18/11", the crawler's
    clock is the best guess there is (``dates.DATE_BASES``, basis ``file_time``).

    The publication date that dates the meetings is the best there is: ``published_at`` (a
    crawler's record says it), else the one the text prints, else ``fallback_published_at`` (a
    date in the file's path). ``metadata`` stays what the text prints."""
    clean = clean_article(text)
    metadata = extract_metadata(text, clean)
    sentences = split_sentences(clean.text)
    skip = {metadata.author} if metadata.author else set()
    parses = _parse_all(sentences, skip, cut_end=_cut_mid_sentence(clean.text))

    canonical = {(s.index, b): canonical_body(p.tokens, b) for s, p in parses for b in p.bodies}
    full_by_given = _given_name_index(parses)
    places = places_by_level(list(canonical.values()))

    # Each sentence's places are read once: titles and bodies of one sentence all complete from them.
    places_in = _PlacesBySentence({s.index: s.text for s, _ in parses}, places)
    organizations: list[OrganizationMention] = []
    tree = OrganizationTree(places)

    def title_of(sentence: Sentence, tokens: list[Token], title: TitleSpan, full_name: str) -> PersonTitle:
        return _person_title(tokens, title, full_name, sentence.index, canonical, places_in[sentence.index])

    def body_of(sentence: Sentence, tokens: list[Token], body: BodySpan) -> str:
        printed = canonical[sentence.index, body]
        return specific_name(printed, body, places_in[sentence.index]) or printed

    people: list[PersonMention] = []
    titles: dict[tuple[str, str], PersonTitle] = {}
    evidence: dict[str, set[str]] = {}
    for sentence, parse in parses:
        tokens = parse.tokens
        for body in parse.bodies:
            here = places_in[sentence.index]
            name = specific_name(canonical[sentence.index, body], body, here)
            if name:
                tree.add(tokens, body, name)
                organizations.append(_mention(clean.text, tokens, body, name, sentence.index))
                parent = nested_parent(tokens, body, here)
                if parent and _names_parent(tokens, *parent):
                    organizations.append(_mention(clean.text, tokens, parent[1], parent[0], sentence.index))
                tail = _printed_tail(tokens, body)
                if tail is not None and (
                    tail_name := specific_name(canonical_body(tokens, tail), tail, here)
                ):
                    organizations.append(_mention(clean.text, tokens, tail, tail_name, sentence.index))
        for found in parse.names:
            full_name = _person_name(tokens, found, full_by_given)
            if full_name is None:
                continue
            start, end = tokens[found.item.start].start, tokens[found.item.end - 1].end
            confidence = 0.8 if found.short else 1.0 if found.cued else UNCUED
            people.append(
                PersonMention(full_name, clean.text[start:end], start, end, sentence.index, confidence)
            )
            evidence.setdefault(full_name, set())
            for title in found.titles:
                title = _without_name_start(tokens, title, found.item, full_name)
                record = title_of(sentence, tokens, title, full_name)
                titles.setdefault((full_name, fold(record.title)), record)

    unannounced = {p.full_name for p in people} - {p.full_name for p in people if p.confidence > UNCUED}
    streets = street_names(clean.text, unannounced)
    people = [p for p in people if p.full_name not in streets]

    best_published_at = published_at or metadata.published_at or fallback_published_at
    meetings = _meetings(clean.text, sentences, best_published_at, organizations, file_year)
    name_of = partial(_person_name, full_by_given=full_by_given)
    reference = best_published_at or _sure_meeting_time(meetings)
    events = find_personnel_events(clean.text, parses, name_of, title_of, body_of, reference)
    roles: list[ParticipantRole] = []
    if meetings:
        index = meetings[0].sentence_index
        lead_parse = next((p for s, p in parses if s.index == index), None)
        lead = lead_of(lead_parse, index, _after_date(clean.text, meetings[0]))
        by_post: list[tuple[str, str]] = []
        for sentence, parse in parses:
            for ev in sentence_evidence(parse, sentence.index, lead):
                if ev.by_title:
                    post = _span_text(parse.tokens, ev.name.item.start, ev.name.item.end)
                    by_post.append((fold(canonical_text(post)), ev.role))
                    continue
                name = _person_name(parse.tokens, ev.name, full_by_given)
                if name:
                    evidence.setdefault(name, set()).add(ev.role)
        _add_by_post(evidence, by_post, list(titles))
        has_papers = "tham luận" in clean.text.lower()
        mention_of = {p.full_name: p for p in people}
        for name, role_set in sorted(resolve_roles(evidence, has_papers).items()):
            if name not in mention_of:
                continue
            m = mention_of[name]
            roles += [
                ParticipantRole(0, name, r, m.char_start, m.char_end, m.sentence_index)
                for r in sorted(role_set)
            ]
    return ArticleExtraction(
        metadata=metadata,
        clean=clean,
        sentences=sentences,
        people=people,
        titles=_drop_prefix_titles(list(titles.values())),
        organizations=organizations,
        organization_profiles=tree.profiles(),
        meetings=meetings,
        roles=roles,
        personnel_events=events,
    )


class _PlacesBySentence(dict[int, dict[str, str]]):
    """Sentence index -> the places that complete its bodies and posts (``sentence_places``), read
    the first time a body or post of the sentence asks: reading them takes the sentence's canonical
    text, and most sentences name no body and give no post. Only parsed sentences have places."""

    def __init__(self, texts: dict[int, str], places: dict[str, str]) -> None:
        super().__init__()
        self._texts, self._places = texts, places

    def __missing__(self, index: int) -> dict[str, str]:
        found = self[index] = sentence_places(self._texts[index], self._places)
        return found


SURE_YEAR_BASES = ("printed", "publication")  # meeting dates whose year nobody guessed
# The article's lead, its first sentences (title and sapo included): a meeting dated there is the
# day the article reports, one dated deeper most often a background event's. dbt's var
# article_lead_sentences is the same number (int_personnel_events).
LEAD_SENTENCES = 5


def _sure_meeting_time(meetings: list[Meeting]) -> datetime | None:
    """The article's meeting date as a time to read years by, when its year was printed or came
    from the publication: "Trước đó ngày 23/9" in an article without a publication date then
    takes the year of "Sáng 25/9/2018"; a guessed year would date the events wrongly."""
    for m in meetings:
        if m.meeting_date and m.date_basis in SURE_YEAR_BASES:
            return datetime.combine(m.meeting_date, datetime.min.time())
    return None


def _person_title(
    tokens: list[Token],
    title: TitleSpan,
    full_name: str,
    sentence_index: int,
    canonical: dict[tuple[int, BodySpan], str],
    here,
) -> PersonTitle:
    """A post as the article states it, its body completed with the article's place and taken
    apart (``post_parts``): person_titles and personnel_events read posts alike."""
    printed = canonical_text(title_text(tokens, title))
    org = None
    if title.body:
        # a body events read further than the parse did ("Ban Quản lý|đường sắt đô thị") is new here
        body_printed = canonical.get((sentence_index, title.body)) or canonical_body(tokens, title.body)
        org = specific_name(body_printed, title.body, here)
        if org and org != body_printed and printed.endswith(body_printed):
            printed = printed[: -len(body_printed)] + complete(body_printed, here, typed=False)
    parts = post_parts(tokens, title, org)
    implied = _implied_committee(tokens, title, here) if title.body is None else None
    if implied is not None:
        org, place = implied
        printed = f"{printed} {place}"
        parts = replace(parts, canonical_title=f"{parts.post} {org}", body_name=org)
    return PersonTitle(
        full_name,
        printed,
        org,
        tokens[title.start].start,
        tokens[title.end - 1].end,
        sentence_index,
        parts.post,
        parts.canonical_title,
        parts.body_name,
        parts.is_former,
    )


# Bodies a body's name prints as its parent that the article names too: "Ban Tổ chức Tỉnh ủy Nghệ
# An" names the province's party committee, as "Bí thư Tỉnh ủy Nghệ An" does; not a party
# organisation ("Ban Chấp hành Đảng bộ tỉnh": "Đảng bộ" prints a level, body_kinds.tsv "unplaced").
NAMED_PARENT_KINDS = frozenset({"party_committee", "peoples_committee", "peoples_council"})


def _names_parent(tokens: list[Token], name: str, span: BodySpan) -> bool:
    """Whether a parent printed in a body's name is named as a body of its own: a committee or a
    people's council or committee (NAMED_PARENT_KINDS) that names its place, printed or from the
    article ("các Ban Tổ chức Tỉnh ủy, Thành ủy" names every province's, not one). The army, the
    state's central bodies printed as a parent ("Tổng cục Chính trị QĐND Việt Nam") are not
    counted as named by readers."""
    if span.unique and span.start > 0 and tokens[span.start - 1].key == "của":
        return True  # "Ủy ban Tư pháp của Quốc hội": the possessor is named in its own right
    return (
        span.kind in NAMED_PARENT_KINDS
        and span.placed
        and not (span.bare and not span.unique and name == canonical_body(tokens, span))
    )


def _printed_tail(tokens: list[Token], body: BodySpan) -> BodySpan | None:
    """The parent a body's name ends with when it is printed apart and names a body whole, in a
    bracket ("Cục Cảnh sát hình sự (Bộ Công an)"): a body the article names in its own right."""
    if body.tail is None or body.tail[0] < body.end:
        return None  # inside the span: read there as a nested parent
    inner = body_at(tokens, body.tail[0], allow_lower=True)
    return inner if inner is not None and inner.end == body.tail[1] and not inner.bare else None


def _mention(
    text: str, tokens: list[Token], body: BodySpan, name: str, sentence_index: int
) -> OrganizationMention:
    start, end = tokens[body.start].start, tokens[body.end - 1].end
    return OrganizationMention(name, text[start:end], start, end, sentence_index, body.kind)


def _given_name_index(parses: list[tuple[Sentence, SentenceParse]]) -> dict[str, str | None]:
    """Given name (last syllable, folded) -> the one full name ending in it; None when several do.
    Each full name is also kept under its own folded form, so that its values list them all: an
    uncued name of three syllables or more too, which is a person (``_person_name``) and completes
    a two-syllable reference ("đại biểu Võ Thị Ngọc Thúy ... bà Ngọc Thúy"), though it answers no
    one-syllable one."""
    index: dict[str, str | None] = {}
    for _, parse in parses:
        for found in parse.names:
            if found.short or not (found.cued or found.item.end - found.item.start >= 3):
                continue
            full = name_text(parse.tokens, found.item.start, found.item.end)
            if found.cued:
                given = fold(full.split()[-1])
                index[given] = full if index.get(given, full) == full else None
            index[fold(full)] = full
    return index


def _person_name(tokens: list[Token], found, full_by_given: dict[str, str | None]) -> str | None:
    """The full name a name in a sentence stands for, or None when it is not taken as a person."""
    if found.short:
        return full_by_given.get(fold(tokens[found.item.start].text))
    if not (found.cued or found.item.end - found.item.start >= 3):
        return None  # an uncued two-syllable run is too often a place or a word
    return full_form(name_text(tokens, found.item.start, found.item.end), full_by_given.values())


# "Chủ tịch tỉnh", "Phó chủ tịch huyện": the chair of that unit's people's committee, as spoken.
COMMITTEE_CHAIRS = frozenset({("chủ", "tịch"), ("phó", "chủ", "tịch")})
CHAIRED_UNITS = frozenset({"tỉnh", "huyện", "quận"})


def _implied_committee(tokens: list[Token], title: TitleSpan, here: dict[str, str]) -> tuple[str, str] | None:
    """The people's committee and the place a chair's post names by its unit alone ("Chủ tịch
    tỉnh" in an article on Nghệ An: "Ủy ban nhân dân tỉnh Nghệ An", "Nghệ An"), when the article
    fixes the place; None otherwise."""
    head = tuple(t.key for t in tokens[title.head_start : title.head_end])
    if head not in COMMITTEE_CHAIRS or title.end - title.head_end != 1:
        return None
    unit = tokens[title.head_end].key
    if unit not in CHAIRED_UNITS:
        return None
    body = complete(f"Ủy ban nhân dân {unit}", here)
    place = complete(unit, here, typed=False).removeprefix(unit).strip()
    if body == f"Ủy ban nhân dân {unit}" or phrase_key(place) not in admin_place_phrases().phrases:
        return None  # no place, or capitalised words that name no unit ("tỉnh Đinh Văn Thu")
    return body, place


def _without_name_start(tokens: list[Token], title: TitleSpan, name, full_name: str) -> TitleSpan:
    """A post right before a name, without the name's first syllables it read as its field:
    "Bộ trưởng Song|Young Moo" is "Bộ trưởng" before "Song Young Moo", a name the article prints
    whole elsewhere (``full_form`` completed it); the title as read otherwise."""
    printed = name_text(tokens, name.start, name.end)
    if title.end != name.start or full_name == printed or not full_name.endswith(" " + printed):
        return title
    lost = full_name[: -len(printed)].split()
    cut = title.end - len(lost)
    if cut < title.head_end or [t.text for t in tokens[cut : title.end]] != lost:
        return title
    body = title.body
    if body is not None and body.end > cut:
        body = replace(body, end=cut) if body.start < cut else None
    return replace(title, end=cut, body=body)


def _add_by_post(evidence: dict[str, set[str]], by_post: list[tuple[str, str]], titles) -> None:
    """Roles of a post named without its holder ("đ/c Chủ tịch UBND tỉnh đã kết luận", "Tân Chủ
    tịch Hội ... phát biểu nhận nhiệm vụ") go to the one person the article gives that post (or a
    longer form of it), if that person is already at the meeting: a post the story only refers to
    ("Thủ tướng yêu cầu ...") gives nobody a role."""
    for post, role in by_post:
        post = post.removeprefix("tân ")
        holders = {
            name
            for name, title in titles
            if title.removeprefix("tân ") in (post,) or title.startswith(post + " ")
        }
        if len(holders) == 1:
            name = holders.pop()
            if evidence.get(name):
                evidence[name].add(role)


def _after_date(text: str, meeting: Meeting) -> int | None:
    """Offset just after the event's date as printed in its sentence ("Sáng 15-3,"): a lead
    sentence's subject follows it. None when the date is printed elsewhere or not at all."""
    if not meeting.date_text:
        return None
    at = text.find(meeting.date_text, meeting.char_start, meeting.char_end + 1)
    return None if at < 0 else at + len(meeting.date_text)


def _drop_prefix_titles(titles: list[PersonTitle]) -> list[PersonTitle]:
    """ "Bí thư Thành ủy" and "Bí thư Thành ủy Hà Nội" for one person are one post: keep the longer."""
    kept = []
    for t in titles:
        longer = any(
            o.full_name == t.full_name and o.title != t.title and o.title.startswith(t.title + " ")
            for o in titles
        )
        if not longer:
            kept.append(t)
    return kept


def _meetings(
    text: str, sentences: list[Sentence], published_at, organizations, file_year: int | None
) -> list[Meeting]:
    """The event the article reports (one per article in this version)."""
    date = resolve_meeting_date(text, published_at, file_year=file_year)
    lead_end = sentences[min(LEAD_SENTENCES, len(sentences)) - 1].char_end if sentences else 0
    kind = find_meeting_kind(text[:lead_end])
    if date is None and kind is None:
        return []
    anchor = date.char_start if date else kind[1]
    sentence = next((s for s in sentences if s.char_start <= anchor < s.char_end + 1), sentences[0])
    organizers = tuple(
        dict.fromkeys(o.canonical_name for o in organizations if o.sentence_index == sentence.index)
    )
    return [
        Meeting(
            meeting_index=0,
            meeting_date=date.meeting_date if date else None,
            date_is_inferred=date.date_is_inferred if date else False,
            time_of_day=date.time_of_day if date else None,
            meeting_kind=kind[0] if kind else None,
            organizers=organizers,
            date_text=date.date_text if date else None,
            char_start=sentence.char_start,
            char_end=sentence.char_end,
            sentence_index=sentence.index,
            date_basis=date.date_basis if date else None,
        )
    ]
