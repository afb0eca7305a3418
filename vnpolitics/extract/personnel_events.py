"""Personnel events an article reports: who was appointed, elected, transferred, relieved,
retired, disciplined or died, to or from which post, decided by whom, and when.

Read from the sentence parses the article extraction already made (``people.SentenceParse``:
names, posts and bodies as items), at the cue phrases of ``gazetteers/personnel_cues.tsv``.
The grammar of these reports is narrow, so each cue is read where Vietnamese news prose puts
its parts:

- the person is the verb's object, printed after it ("bổ nhiệm ông A", "kỷ luật ... đối với ông
  A"), or its subject before it ("ông A, ..., đã được bầu", "ông A nghỉ hưu"); "được"/"bị" before
  an object verb makes it passive, so the person is before it. A list of names after an object
  verb shares it, unless a later verb takes the name as its own subject;
- the post taken or left is the first post introduced by a word after the cue ("giữ chức X",
  "làm X", "miễn nhiệm chức vụ X đối với ông A"), not one printed as an appositive after a comma
  (that is the post the person holds: the post left by a transfer, the post of a retiree or of
  someone disciplined or deceased, read when the cue introduces none). A post introduced after
  an end cue ("thôi giữ chức X để nhận nhiệm vụ làm Y") is that cue's, not the start cue's;
- the deciding body is the body (or a post standing for its holder: "Thủ tướng Chính phủ") a
  cited decision is "của", else the nearest one printed before the cue and attached to nobody;
- "Quyết định số 12-QĐ/TU ngày 3/4/2023", "có hiệu lực từ ngày ...", a date opening the sentence
  or, for a death, after the cue give the decision, effective and event dates.

A cue shortly after a word of ``gazetteers/personnel_not_events.txt`` ("đề nghị kỷ luật", "tuổi
nghỉ hưu", "từng được bổ nhiệm", "Tờ trình miễn nhiệm") or in a question ("có bầu X hay không")
is not an event the article reports, nor one inside a longer word of
``gazetteers/personnel_not_cues.txt`` ("cử tri", "bầu cử"); and an event needs a person: the many
sentences about appointments in general give none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache, cached_property

from vnpolitics.extract.bodies import BodySpan
from vnpolitics.extract.dates import (
    DatePhrase,
    find_date_phrases,
    is_birth_date,
    is_document_date,
    year_from_publication,
)
from vnpolitics.extract.gazetteer import (
    PhraseSet,
    _lines,
    body_end_phrases,
    personal_cue_phrases,
    phrase_key,
    predicate_phrases,
    title_heads,
)
from vnpolitics.extract.people import Item, NameInSentence, SentenceParse
from vnpolitics.extract.records import PersonnelEvent, PersonTitle, Sentence
from vnpolitics.extract.title_spans import TitleSpan, is_former, title_at
from vnpolitics.extract.tokens import Token

START_KINDS = frozenset({"appointed", "elected", "re_elected", "assigned", "acting"})
END_KINDS = frozenset({"relieved", "retired", "resigned", "disciplined", "died"})
POST_NEEDED = START_KINDS | {"relieved"}  # the post is what the event is about
# Discipline levels, mildest first (Điều lệ Đảng): the most severe printed in the clause is kept.
LEVELS = ("khiển trách", "cảnh cáo", "cách chức", "khai trừ")
PASSIVE = frozenset({"được", "bị"})
# Between a passive marker and its verb, or before "được": "được Bộ Chính trị phân công".
ADVERBS = frozenset(
    {"đã", "vừa", "mới", "chính", "thức", "tiếp", "tục", "cũng", "lại", "đều", "nay", "cùng", "ngày", "thì"}
)
# Words that may stand between a subject (with its appositive posts) and its verb.
SUBJECT_GAP_WORDS = ADVERBS | PASSIVE | frozenset({"xin", "đồng", "chí", "ông", "bà", "do", "theo", "và"})
NOT_OBJECT_BEFORE = frozenset({"thay", "thế"})  # "thay ông B": B is the predecessor
ADDRESS = frozenset({"ông", "bà", "đồng", "chí", "các", "đ", "/", "c", "tân"})
# Words that may stand between an object verb and its person: "miễn nhiệm chức vụ X đối với ông
# A", "kỷ luật bằng hình thức cảnh cáo đối với", "bổ nhiệm có thời hạn ông A". Any other word
# makes the name after it no object of the verb ("nhận quyết định bổ nhiệm từ Thứ trưởng A").
OBJECT_GAP_WORDS = ADDRESS | frozenset(
    {
        "đối", "với", "chức", "vụ", "danh", "bằng", "hình", "thức", "có", "thời", "hạn", "lại",
        "bổ", "sung", "tất", "cả", "trong", "đảng", "và", "cho", "thi", "hành", "kỷ", "luật",
        "khiển", "trách", "cảnh", "cáo", "cách", "khai", "trừ", "ra", "khỏi", "nhiệm", "kỳ",
        "khóa", "thôi", "giữ", "chính", "đã", "vừa", "mới", "quyết", "định",
    }
)  # fmt: skip
# Not ":": "kỷ luật ... bằng hình thức: Cách chức X", "kỷ luật các ông: A, B" go on past it.
CLAUSE_ENDS = frozenset({";", ".", "?", "!", '"', "“", "”"})
# Words that lead from a verb (or its person) to the post it introduces: "giữ chức vụ", "được
# điều động sang làm", "đến nhận công tác và giữ chức", "để nhận nhiệm vụ làm".
POST_LEAD_WORDS = frozenset(
    {
        "giữ", "chức", "vụ", "danh", "làm", "sang", "về", "đến", "nhận", "công", "tác", "nhiệm",
        "và", "tại", "vào", "vị", "trí", "cương", "là", "kiêm", "đảm", "tham", "gia", "thời", "hạn",
        # a discipline's form folded into its verb: "kỷ luật ông A bằng hình thức cách chức X"
        "bằng", "hình", "thức", "cách", "khiển", "trách", "cảnh", "cáo",
    }
)  # fmt: skip
# "chức vụ:", "chức danh:": the nouns whose colon opens a list of posts a verb introduces.
POST_LIST_NOUNS = frozenset({"vụ", "danh"})
MAX_POST_OTHER_WORDS = 2  # other words on that way: more, and the post is another clause's
UNDECIDED_KINDS = frozenset({"died", "resigned"})  # nobody decides these
APPOSITIVE_MARKS = frozenset({",", "-", "–", "—", "("})
# Words of a list of people: a post after them is the next person's, not one a verb introduces.
LIST_WORDS = frozenset({"và", "các", "ông", "bà", "đồng", "chí", "cùng"})
RESPECTIVE_WORDS = frozenset({"và", "lần", "lượt"})  # between posts listed one per person
PLURAL_WORDS = frozenset({"các", "hai", "ba", "bốn", "năm"})  # before a list's first name: "các ông A, B"
MAX_SUBJECT_GAP = 8  # plain words between a subject and its verb
MAX_OBJECT_GAP = 30  # tokens between an object verb and its first person
MAX_DECIDER_GAP = 10  # plain words between a deciding body and its verb ("đã trao Quyết định số ...")
QUOTED_NOUN_WORDS = 3  # tokens before a quotation where its noun stands ("tin đồn “...”")
NOT_EVENT_WINDOW = 10  # tokens before a cue where a word of personnel_not_events.txt cancels it
RE_ELECTED_BEFORE = ("tiếp", "tục")
QUESTION_ENDS = frozenset({("hay", "không"), ("hay", "chưa")})  # "có bầu X hay không": asked, not told
# Words before an event that tell it as past, its date not the article's ("sau khi", "trước đó").
PAST_MARKERS = tuple(
    f" {m} "
    for m in (
        "sau khi",
        "trước khi",
        "khi",
        "trước đó",
        "hồi",
        "năm ngoái",
        "tháng trước",
        "năm trước",
        "từng",
        "tiền nhiệm",  # "Người tiền nhiệm của ông A là ông B, ..., nghỉ hưu": the predecessor's
    )
)
# "trong khi" (while, whereas) sets one event beside another of the same time: not past.
NOT_PAST_MARKERS = (" trong khi ",)
_YEAR_BEFORE = re.compile(
    r"\b(?:năm (?:19|20)\d\d|tháng \d{1,2}/(?:19|20)\d\d)\b"
)  # "Năm 2011", "tháng 4/2014"
# A people's council or committee printed bare ("Chủ tịch HĐND") is of the place the sentence's
# other local bodies name with its type: "Hội đồng nhân dân tỉnh Thanh Hóa" -> "tỉnh Thanh Hóa".
BARE_LOCAL_KINDS = frozenset({"peoples_council", "peoples_committee"})
_TYPED_PLACE = re.compile(r"\b(?:tỉnh|thành phố) [A-ZĐÂĂÊÔƠƯ].*$")
FORM_OF = ("hình", "thức")  # "bằng hình thức cảnh cáo": the level of the discipline before it
# A post a verb introduces may go on in lower case past where its body's name was read to end
# ("giữ chức vụ trưởng Ban Quản lý đường sắt đô thị", "Phó trưởng phòng Quản lý nhà và Thị trường
# bất động sản"): up to this many lower-case words, none of TAIL_STOP_WORDS, a verb (predicate_
# verbs.txt), a word that ends a body (body_ends.txt) or a form of address; past "và" capitalised
# words that open no name go on it too.
MAX_TAIL_WORDS = 6
TAIL_STOP_WORDS = frozenset(
    {
        "đối", "với", "thay", "thế", "nhiệm", "kỳ", "khóa", "khoá", "từ", "kể", "để", "vì", "do",
        "theo", "sau", "trước", "cho", "của", "tại", "trong", "vào", "ngày", "sáng", "chiều", "tối",
        "trưa", "hôm", "năm", "tháng", "cũng", "đã", "được", "bị", "là", "số", "phiếu", "bằng", "hình",
        "thức", "lần", "thứ", "kiêm", "hay", "hoặc", "thì", "mà", "nay", "này", "đó", "khi", "cùng",
        "các", "những", "nhằm", "nên", "vừa", "mới", "sẽ", "đang", "có", "không", "gồm", "phụ", "trách",
        "giữ", "chức", "làm", "nhận", "công", "tác", "kết", "quả", "đến", "hết", "tới", "ra", "lên",
        "về", "sang", "quyền", "như", "rồi", "đồng", "thời", "tiếp", "tục", "đạt",
        "dù", "ở", "tuổi", "diễn", "cách", "đây", "nhưng", "trở", "tạm",
    }
)  # fmt: skip


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]
    kind: str
    person: str  # "object" | "subject"
    level: str | None


@cache
def cues() -> dict[tuple[str, ...], Cue]:
    """personnel_cues.tsv by folded phrase."""
    table = {}
    for line in _lines("personnel_cues.tsv"):
        phrase, kind, person, level = line.split("\t")
        words = phrase_key(phrase)
        table[words] = Cue(words, kind, person, None if level == "-" else level)
    return table


@cache
def cue_phrases() -> PhraseSet:
    return PhraseSet(cues())


@cache
def not_event_phrases() -> PhraseSet:
    return PhraseSet(phrase_key(x) for x in _lines("personnel_not_events.txt"))


@cache
def not_cue_phrases() -> PhraseSet:
    """Words holding a cue without being it ("cử tri", "bầu cử"): personnel_not_cues.txt."""
    return PhraseSet(phrase_key(x) for x in _lines("personnel_not_cues.txt"))


def _inside_word(tokens: list[Token], k: int) -> bool:
    """Whether token k stands inside a word of personnel_not_cues.txt ("ứng cử", "cử tri")."""
    return any(j + not_cue_phrases().longest_at(tokens, j) > k for j in range(max(0, k - 2), k + 1))


@dataclass(frozen=True)
class _CueAt:
    start: int  # token indices, end exclusive
    end: int
    cue: Cue
    passive: bool
    joined: bool = False  # one more passive verb of the cue before ("được ... điều động, chỉ định")


# Callables the article extraction lends: its way of naming a person, a post and a body, so the
# events name them exactly as person_titles and organizations do.
PersonNamer = Callable[[list[Token], NameInSentence], str | None]
TitleRecorder = Callable[[Sentence, list[Token], TitleSpan, str], PersonTitle]
BodyNamer = Callable[[Sentence, list[Token], BodySpan], str]


def find_personnel_events(
    text: str,
    parses: list[tuple[Sentence, SentenceParse]],
    name_of: PersonNamer,
    title_of: TitleRecorder,
    body_of: BodyNamer,
    published_at: datetime | None,
) -> list[PersonnelEvent]:
    """Every personnel event of the article, in reading order."""
    phrases = find_date_phrases(text)
    events: list[PersonnelEvent] = []
    for sentence, parse in parses:
        reader = _SentenceReader(sentence, parse, name_of, title_of, body_of)
        dates = [p for p in phrases if sentence.char_start <= p.char_start < sentence.char_end]
        for found in reader.events():
            events.append(_dated(found, len(events), text, sentence, dates, published_at))
    return events


@dataclass
class _Found:
    """An event read from a sentence, before its dates."""

    full_name: str
    kind: str
    level: str | None
    cue_text: str
    post: PersonTitle | None
    previous_post: PersonTitle | None
    deciding_body: str | None
    char_start: int
    char_end: int
    cue_start: int
    cue_end: int
    told_as_past: bool
    past_at: int = 0  # where the last word telling the event as past stands (char offset), else 0


class _SentenceReader:
    """The events of one parsed sentence."""

    def __init__(
        self,
        sentence: Sentence,
        parse: SentenceParse,
        name_of: PersonNamer,
        title_of: TitleRecorder,
        body_of: BodyNamer,
    ) -> None:
        self.sentence = sentence
        self.parse = parse
        self.tokens = parse.tokens
        self.name_of = name_of
        self.title_of = title_of
        self.body_of = body_of
        self.names = {n.item.start: n for n in parse.names}
        self.attached = {t.start for n in parse.names for t in n.titles}
        self.cues = self._cues()
        self._tails: dict[int, int] | None = None

    @cached_property
    def _unit_start(self) -> dict[int, int]:
        """Token -> where its name, post or body starts, for the tokens inside one: read when the
        sentence's first cue is (most sentences have none)."""
        return {
            j: it.start
            for it in self.parse.items
            if it.kind in ("N", "T", "O")
            for j in range(it.start, it.end)
        }

    # ------------------------------------------------------------------ cues

    def _cues(self) -> list[_CueAt]:
        """Cue phrases outside names, posts and bodies, not cancelled, a discipline's level printed
        after its verb ("kỷ luật bằng hình thức cảnh cáo") folded into that verb."""
        tokens, found = self.tokens, []
        phrases = cue_phrases()
        cancelled: set[str] = set()  # kinds a proposal cancelled: its list goes on ("...; cảnh cáo ông A")
        first_words, free_from = phrases.first_words, 0  # free_from: past the last cue read
        # most tokens open no cue: one set look-up each finds those that may
        for k in [k for k, t in enumerate(tokens) if t.key in first_words]:
            if k < free_from:
                continue
            n = phrases.longest_at(tokens, k)
            if not n or k in self._unit_start or _inside_word(tokens, k):
                continue
            cue = cues()[tuple(t.key for t in tokens[k : k + n])]
            if self._cancelled(k) or cue.kind in cancelled:
                cancelled.add(cue.kind)
            else:
                joined = bool(found) and found[-1].passive and self._joined_verbs(found[-1].end, k)
                found.append(_CueAt(k, k + n, cue, joined or self._passive(k), joined))
            free_from = k + n
        return _merge_levels(found, self.parse.items, tokens)

    def _joined_verbs(self, end: int, k: int) -> bool:
        """Whether the cue at k follows the cue ending at ``end`` as one more verb of its clause
        ("được Bộ Chính trị điều động, chỉ định giữ chức ...", "được bầu và bổ nhiệm"): the passive
        marker of the first is the second's too."""
        between = [t.key for t in self.tokens[end:k]]
        return 0 < len(between) <= 2 and all(w in (",", "và") for w in between)

    def _passive(self, k: int) -> bool:
        j = k - 1
        while j >= 0 and self.tokens[j].key in ADVERBS:
            j -= 1
        if j >= 0 and self.tokens[j].key in PASSIVE:
            return True
        item = self._item_ending_at(j + 1)  # "được Bộ Chính trị phân công"
        return (
            item is not None
            and item.kind in ("O", "T")
            and item.start > 0
            and (self.tokens[item.start - 1].key in PASSIVE)
        ) or self._passive_agent(k) is not None

    def _passive_agent(self, k: int) -> int | None:
        """Where a person named as the agent of the passive verb at k starts, with the posts
        printed before the name ("A được Thủ tướng B bổ nhiệm": B appoints A); None when none is."""
        j = k
        while j > 0 and self.tokens[j - 1].key in ADVERBS:
            j -= 1
        item = self._item_ending_at(j)
        if item is None or item.kind != "N":
            return None
        start = item.start
        while (before := self._item_ending_at(start)) is not None and before.kind in ("T", "O"):
            start = before.start
        return start if start > 0 and self.tokens[start - 1].key in PASSIVE else None

    def _cancelled(self, k: int) -> bool:
        """A word of personnel_not_events.txt shortly before the cue in its clause, or a question
        the clause asks ("có bầu Bí thư hay không", "... ?"): no event the article reports."""
        start = self._window_start(k)
        if any(not_event_phrases().longest_at(self.tokens, j) for j in range(start, k)):
            return True
        opening = self._clause_start(k) - 1  # "tin đồn “ông A qua đời”": the quote's own noun
        if opening > 0 and self.tokens[opening].text in ('"', "“") and self._quote_opens(opening):
            before = range(max(0, opening - QUOTED_NOUN_WORDS), opening)
            if any(not_event_phrases().longest_at(self.tokens, j) for j in before):
                return True
        end = self._clause_end(k)
        if end < len(self.tokens) and self.tokens[end].text == "?":
            return True
        words = [t.key for t in self.tokens[k:end]]
        return any(pair in QUESTION_ENDS for pair in zip(words, words[1:], strict=False))

    def _quote_opens(self, k: int) -> bool:
        """Whether the quote mark at k opens a quotation (an even number of straight quotes before it)."""
        if self.tokens[k].text == "“":
            return True
        return sum(1 for t in self.tokens[:k] if t.text == '"') % 2 == 0

    def _window_start(self, k: int) -> int:
        """Where the NOT_EVENT_WINDOW words before token k start, in its clause, a name, post or body
        counting as one word: "yêu cầu Đảng ủy Sở Giao thông vận tải tỉnh X tổ chức kiểm điểm và thi
        hành kỷ luật" is a demand however long the body it names."""
        start, words = self._clause_start(k), 0
        j = k
        while j > start and words < NOT_EVENT_WINDOW:
            j = max(start, self._unit_start.get(j - 1, j - 1))
            words += 1
        return j

    def _clause_start(self, k: int) -> int:
        j = k
        while j > 0 and self.tokens[j - 1].text not in CLAUSE_ENDS:
            j -= 1
        return j

    def _clause_end(self, k: int) -> int:
        j = k
        while j < len(self.tokens) and self.tokens[j].text not in CLAUSE_ENDS:
            j += 1
        return j

    def _item_ending_at(self, end: int) -> Item | None:
        return next((it for it in self.parse.items if it.end == end), None)

    # ------------------------------------------------------------------ events

    def events(self) -> list[_Found]:
        persons = self._persons()
        posts = self._posts(persons)
        for i, cue in enumerate(self.cues):
            if cue.joined and not persons[i] and persons[i - 1] and i in posts and i - 1 not in posts:
                posts[i - 1] = posts.pop(i)  # "được X điều động, chỉ định giữ chức Y": one event, Y
        for i in range(len(self.cues)):
            if i not in posts and persons[i] and (lower := self._lower_case_post(i, persons[i])) is not None:
                posts[i] = lower
        found = []
        for i, cue in enumerate(self.cues):
            respective = None
            if len(persons[i]) > 1 and i in posts:
                respective = self._respective_posts(posts[i], len(persons[i]))
            for n, person in enumerate(persons[i]):
                if respective is not None:
                    post = self._with_lower_tail(respective[n])
                else:
                    post = posts.get(i) or self._replaced_post(cue, person, posts)
                    own, first = self._post_before(person), persons[i][0]
                    if n > 0 and own is not None and post is not None and post.end <= first.item.start:
                        post = own  # "miễn nhiệm Bộ trưởng X đối với ông A và Tổng thanh tra Y B": B leaves Y
                    if post is not None and post is posts.get(i):
                        post = self._with_lower_tail(post)
                event = self._event(cue, person, post)
                if event is not None:
                    found.append(event)
        return found

    def _with_tail(self, post: TitleSpan, end: int) -> TitleSpan:
        """The post (and the body it ends with) run on to ``end``."""
        body = post.body
        return replace(post, end=end, body=None if body is None else replace(body, end=end, bare=False))

    def _by_means_of(self, k: int) -> bool:
        """ "thông qua" (by way of) at token k: "bầu giữ chức Chủ tịch nước thông qua hình thức bỏ
        phiếu kín" goes on with the means, not the post, though neither word is a verb of its own."""
        return tuple(t.key for t in self.tokens[k : k + 2]) == ("thông", "qua")

    def _post_tails(self) -> dict[int, int]:
        """Token -> where the lower-case words it belongs to end, for the words that go on a post
        the parse ended before them ("nguyên bộ trưởng|tư pháp", "giám đốc sở|tư pháp"): a field or
        a body's name printed in lower case (``_tail_word``: no verb, cue, term or mark)."""
        if self._tails is None:
            self._tails = {}
            for it in self.parse.items:
                if it.kind != "T":
                    continue
                j = it.end
                while j < len(self.tokens) and j - it.end < MAX_TAIL_WORDS and self._tail_word(j):
                    j += 1
                self._tails.update(dict.fromkeys(range(it.end, j), j))
        return self._tails

    def _lower_case_post(self, i: int, persons: list[NameInSentence]) -> TitleSpan | None:
        """A post printed in lower case that the noun "chức" (or "chức vụ:", "chức danh:") after the
        cue introduces, which the sentence's parse, reading capitals, left as plain words: "bị kỷ
        luật, cách chức phó bí thư thường trực Thành ủy", "cách chức các chức vụ: ủy viên Đảng ủy
        Quân sự Trung ương". Only a post whose body is named, before any other person or verb."""
        cue, tokens = self.cues[i], self.tokens
        end = self._clause_end(cue.end)
        mine = {p.item.start for p in persons}
        stops = [c.start for c in self.cues[i + 1 :]] + [
            n for n in self.names if n >= cue.end and n not in mine
        ]
        inside = {j for it in self.parse.items if it.kind in ("N", "T") for j in range(it.start, it.end)}
        for j in range(max(cue.start + 1, 1), min([end, *stops])):
            lead = tokens[j - 1].key == "chức" or self._listed_after_colon(j)
            if not lead or j in inside or tokens[j].is_cap:
                continue
            title = title_at(tokens, j, allow_lower=True)
            if title is not None and title.body is not None and _named_body(title) and title.end <= end:
                return title
        return None

    def _with_lower_tail(self, post: TitleSpan) -> TitleSpan:
        """The post a verb introduces with the lower-case words that go on its body's name, where
        the name was read to end before them ("trưởng Ban Quản lý|đường sắt đô thị"): after an event
        verb a post runs to its clause's next mark, term or verb."""
        body, tokens = post.body, self.tokens
        if body is None and post.end in self._post_tails() and not self._by_means_of(post.end):
            return self._with_tail(post, self._post_tails()[post.end])  # "làm Cố vấn an ninh quốc gia"
        if body is None or body.unique or body.tail is not None or body.end != post.end:
            return post
        j, joined = post.end, False  # joined: past "và", capitalised words go on the name
        while j < len(tokens) and j - post.end < MAX_TAIL_WORDS + 4 * joined:
            if tokens[j].key == "và" and j > post.end and self._capital_goes_on(j + 1):
                joined = True  # "phòng Quản lý nhà và Thị trường bất động sản": one name
            elif self._tail_word(j):
                joined = joined or tokens[j].key == "và"
            elif not (joined and tokens[j].kind == "word" and tokens[j].is_cap and j not in self.names):
                break
            j += 1
        while j > post.end and tokens[j - 1].key == "và":  # "Ban X và|Ban Y": a list
            j -= 1
        return post if j == post.end else replace(post, end=j, body=replace(body, end=j, bare=False))

    def _capital_goes_on(self, k: int) -> bool:
        """Whether token k is a capitalised word that opens no name, post or body of its own."""
        own = {it.start for it in self.parse.items if it.kind in ("N", "T", "O")}
        t = self.tokens[k] if k < len(self.tokens) else None
        return (
            t is not None
            and t.kind == "word"
            and t.is_cap
            and t.key not in ADDRESS
            and k not in self.names
            and k not in own
        )

    def _tail_word(self, k: int) -> bool:
        t = self.tokens[k]
        return (
            t.kind == "word"
            and not (t.is_cap or t.is_upper or t.abbr)
            and t.key not in TAIL_STOP_WORDS
            and k not in {j for c in self.cues for j in range(c.start, c.end)}
            and not any(
                phrases.longest_at(self.tokens, k)
                for phrases in (predicate_phrases(), body_end_phrases(), personal_cue_phrases())
            )
        )

    def _post_before(self, person: NameInSentence) -> TitleSpan | None:
        """The post printed right before the person's name ("Tổng thanh tra Chính phủ A")."""
        return next((t for t in person.titles if t.end == person.item.start), None)

    def _replaced_post(
        self, cue: _CueAt, person: NameInSentence, posts: dict[int, TitleSpan]
    ) -> TitleSpan | None:
        """ "ông A được bầu làm X thay ông B nghỉ hưu": B leaves the post A takes. The post taken
        is the one a start cue of the sentence introduces, else the one post a word introduces
        before B ("A được tín nhiệm làm X, thay thế ông B nghỉ hưu"), else, when B is printed with
        a bare post ("thay cho nguyên Chủ tịch B"), the sentence's post of that head with its body
        ("Tân Chủ tịch Ủy ban X - bà A vừa nhậm chức")."""
        if cue.cue.kind not in END_KINDS or not self._replacing(person):
            return None
        start = person.item.start
        taken = [posts[i] for i, c in enumerate(self.cues) if c.cue.kind in START_KINDS and i in posts]
        if taken:
            return taken[0] if len(taken) == 1 and taken[0].end <= start else None
        titles = [
            it for it in self.parse.items if it.kind == "T" and it.title is not None and it.end <= start
        ]
        introduced = [it.title for it in titles if self._introduced(it) and it.title not in person.titles]
        if len(introduced) == 1:
            return introduced[0]
        own = self._post_before(person)
        if own is None or own.body is not None:
            return None
        head = self._head_words(own)
        same = [
            it.title
            for it in titles
            if it.title != own and it.title.body is not None and _named_body(it.title)
        ]
        same = [t for t in same if self._head_words(t) == head]
        return same[0] if len(same) == 1 else None

    def _head_words(self, title: TitleSpan) -> tuple[str, ...]:
        return tuple(t.key for t in self.tokens[title.head_start : title.head_end])

    def _replacing(self, person: NameInSentence) -> bool:
        """Whether "thay" or "thay thế" (perhaps "thay cho") stands before the person and their
        post printed before the name: "thay ông B", "thay cho nguyên Chủ tịch B"."""
        j = person.item.start
        while (before := next((t for t in person.titles if t.end == j), None)) is not None:
            j = before.start
        while j > 0 and self.tokens[j - 1].key in ADDRESS | {"cho"}:
            j -= 1
        return j > 0 and self.tokens[j - 1].key in NOT_OBJECT_BEFORE

    def _persons(self) -> dict[int, list[NameInSentence]]:
        """Cue index -> the persons it reads: subjects first, so an object verb's list leaves out
        a name a later verb takes as its subject."""
        subjects = {i: self._subjects(c) for i, c in enumerate(self.cues) if self._reads_subject(c)}
        claimed = {n.item.start for names in subjects.values() for n in names}
        persons = {
            i: subjects[i] if i in subjects else self._objects(cue, claimed)
            for i, cue in enumerate(self.cues)
        }
        for i in range(1, len(self.cues)):
            if not persons[i] and i in subjects and self._coordinated(i):
                persons[i] = persons[i - 1]
        return persons

    def _coordinated(self, i: int) -> bool:
        """Whether cue i is one more verb of the previous cue's person, joined by "và" or a comma
        past that verb's own object of bodies ("điều động ông A thôi tham gia Ban Chấp hành, Ban
        Thường vụ và thôi giữ chức X"): a subject verb with no subject of its own."""
        previous, cue = self.cues[i - 1], self.cues[i]
        if (
            not self._reads_subject(previous)
            or cue.start == 0
            or self.tokens[cue.start - 1].key not in ("và", ",")
        ):
            return False
        between = [it for it in self.parse.items if previous.end <= it.start and it.end <= cue.start]
        return any(it.kind == "O" for it in between) and all(
            it.kind == "O" or (it.kind in ("P", "X") and self.tokens[it.start].key in ("và", ","))
            for it in between
        )

    def _joins_body(self, cue: _CueAt) -> bool:
        """ "thôi tham gia Ban Chấp hành, Ban Thường vụ": a seat in the bodies the verb names, not a
        post printed after them, nor the person's own office."""
        if tuple(t.key for t in self.tokens[cue.end - 2 : cue.end]) != ("tham", "gia"):
            return False
        after = next((it for it in self.parse.items if it.start == cue.end), None)
        return after is not None and after.kind == "O"

    def _subjects(self, cue: _CueAt) -> list[NameInSentence]:
        """The cue's subject and the persons listed before it ("ông A, ông B và ông C được bầu"):
        names joined by commas and list words, each with its own posts."""
        subject = self._subject(cue)
        if subject is None:
            return []
        found = [subject]
        items = [it for it in self.parse.items if it.end <= found[0].item.start]
        for it in reversed(items):
            if it.kind == "N" and it.start in self.names:
                found.insert(0, self.names[it.start])
            elif not self._list_gap(it):
                break
        while found[0] is not subject and not self._joined_to_next(found[0], found[1]):
            found.pop(0)  # "ông A, ông B": a list needs "và" or a comma between its names
        return found if len(found) == 1 or self._plural(found, cue) else [subject]

    def _plural(self, names: list[NameInSentence], cue: _CueAt) -> bool:
        """Whether names joined by commas are a list the verb reads, not an apposition ("cấp phó của
        ông A, ông B, đã từ chức": B alone): "và" before the last name, a plural before the first
        ("các ông", "hai ông") or "cùng" before the verb ("A, B cùng được bầu")."""
        tokens = self.tokens
        last_gap = tokens[names[-2].item.end : names[-1].item.start]
        j, plural = names[0].item.start - 1, False
        while j >= 0 and tokens[j].key in ADDRESS | PLURAL_WORDS:
            plural = plural or tokens[j].key in PLURAL_WORDS
            j -= 1
        return (
            any(t.key == "và" for t in last_gap)
            or plural
            or any(t.key == "cùng" for t in tokens[names[-1].item.end : cue.start])
        )

    def _list_gap(self, item: Item) -> bool:
        """What may stand between two names of a list: a comma, list words, a name's own post."""
        if item.kind == "P":
            return self.tokens[item.start].text == ","
        if item.kind == "T":
            return item.start in self.attached
        words = self.tokens[item.start : item.end]
        return item.kind in ("X", "S") and all(t.key in LIST_WORDS for t in words)

    def _joined_to_next(self, first: NameInSentence, second: NameInSentence) -> bool:
        return any(t.key == "và" or t.text == "," for t in self.tokens[first.item.end : second.item.start])

    def _respective_posts(self, first: TitleSpan, count: int) -> list[TitleSpan] | None:
        """ "A và B được bầu giữ chức X và Y": as many posts listed after the verb as it has
        persons, the first person's first; None when the list is not that long."""
        posts, after = [first], first.end
        for it in self.parse.items:
            if it.start < after:
                continue
            if it.kind == "T" and it.title is not None and it.start == after:
                posts.append(it.title)
            elif it.kind == "X" and all(t.key in RESPECTIVE_WORDS for t in self.tokens[it.start : it.end]):
                pass
            elif not (it.kind == "P" and self.tokens[it.start].text == ","):
                break
            after = it.end
        return posts if len(posts) == count else None

    def _reads_subject(self, cue: _CueAt) -> bool:
        return cue.cue.person == "subject" or cue.passive

    def _subject(self, cue: _CueAt) -> NameInSentence | None:
        """The last person before the cue in its clause, with only posts, bodies, marks and a few
        adverbs between (``SUBJECT_GAP_WORDS``); a passive verb's agent is not it ("A được Thủ
        tướng B bổ nhiệm": A)."""
        plain, depth = 0, 0
        agent = self._passive_agent(cue.start)
        limit = cue.start if agent is None else agent
        for it in reversed(self.parse.items):
            if it.end > limit:
                continue
            if it.kind == "P" and self.tokens[it.start].text in ("(", ")"):
                depth = max(0, depth + (1 if self.tokens[it.start].text == ")" else -1))
                continue  # "ông A (bố chồng diễn viên B) được bầu": no name in brackets is the subject
            if depth:
                continue
            if it.kind == "N":
                return self.names.get(it.start)
            if it.kind == "P" and self.tokens[it.start].text in CLAUSE_ENDS:
                return None
            if it.kind == "X" and all(k in self._post_tails() for k in range(it.start, it.end)):
                continue  # "ông A, nguyên bộ trưởng tư pháp, đã từ trần": the post's field
            if it.kind in ("X", "S"):
                words = [t.key for t in self.tokens[it.start : it.end]]
                if not all(w in SUBJECT_GAP_WORDS for w in words):
                    return None
                plain += len(words)
                if plain > MAX_SUBJECT_GAP:
                    return None
        return None

    def _objects(self, cue: _CueAt, claimed: set[int]) -> list[NameInSentence]:
        """The first person after an object verb in its clause, and those listed after it ("đối
        với các ông A, ... và B") that no later verb takes as its subject."""
        end = min(self._clause_end(cue.end), cue.end + MAX_OBJECT_GAP)
        found: list[NameInSentence] = []
        for it in self.parse.items:
            if it.start < cue.end or it.start >= end:
                continue
            if any(cue.end <= other.start <= it.start for other in self.cues if other != cue):
                break  # the next verb's own persons
            if it.kind == "N":
                name = self.names.get(it.start)
                if name is None or self._after_word(it.start, NOT_OBJECT_BEFORE):
                    break
                if not found or it.start not in claimed:
                    found.append(name)
            elif it.kind in ("X", "S"):
                # numbers pass: "chức danh Chủ tịch UBND tỉnh nhiệm kỳ 2016-2021 đối với ông A"
                words = {t.key for t in self.tokens[it.start : it.end] if t.kind != "num"}
                if not words <= (LIST_WORDS if found else OBJECT_GAP_WORDS):
                    break
        return found

    def _after_word(self, k: int, words: frozenset[str]) -> bool:
        """Whether one of ``words`` stands before token k, past forms of address ("thay ông B")."""
        j = k - 1
        while j >= 0 and self.tokens[j].key in ADDRESS:
            j -= 1
        return j >= 0 and self.tokens[j].key in words

    def _posts(self, persons: dict[int, list[NameInSentence]]) -> dict[int, TitleSpan]:
        """Cue index -> the post it introduces. Read from the last cue back, each takes the first
        introduced post after it that no later cue took, past later cues only once they have their
        own: in "phân công ông A, ..., thôi giữ chức X để nhận nhiệm vụ làm Y" the relief takes X
        and the assignment Y; in "A tái đắc cử ..., được bầu làm X" the election takes X; in "thay
        ông B bị kỷ luật, ông C xin thôi làm X" the discipline takes nothing."""
        introduced = [it for it in self.parse.items if it.kind == "T" and self._introduced(it)]
        posts: dict[int, TitleSpan] = {}
        for i in reversed(range(len(self.cues))):
            cue = self.cues[i]
            if self._joins_body(cue):
                continue
            end = self._clause_end(cue.end)
            later = range(i + 1, len(self.cues))
            taken = {p.start for p in posts.values()}
            for item in introduced:
                if not cue.end <= item.start < end or item.start in taken:
                    continue
                if any(
                    self.cues[j].start < item.start
                    and not self._closed(j, posts, item)
                    and not self._joins_body(self.cues[j])
                    for j in later
                ):
                    break  # a later cue lies between and has no post of its own before this one
                if self._leads_to(cue, persons[i], item):
                    posts[i] = self._past_the_holder(cue, persons[i], item, introduced, taken)
                break
        return posts

    def _past_the_holder(
        self, cue: _CueAt, persons: list[NameInSentence], item: Item, introduced: list[Item], taken: set[int]
    ) -> TitleSpan:
        """ "bầu Tổng Bí thư A giữ chức Chủ tịch nước": a post printed right before the person is
        the one they hold when a post the verb introduces follows them."""
        if not any(item.end == p.item.start for p in persons):
            return item.title
        later = (
            other
            for other in introduced
            if other.start > item.end and other.start not in taken and self._leads_to(cue, persons, other)
        )
        return next((other.title for other in later), item.title)

    def _closed(self, j: int, posts: dict[int, TitleSpan], item: Item) -> bool:
        """Whether cue j took its own post before ``item``."""
        return j in posts and posts[j].start < item.start

    def _leads_to(self, cue: _CueAt, persons: list[NameInSentence], post: Item) -> bool:
        """Whether the words from the cue (past its persons and their posts) to ``post`` only lead
        to a post ("giữ chức vụ", "đến nhận công tác và giữ chức", "để nhận nhiệm vụ làm"): at
        most MAX_POST_OTHER_WORDS others, no other person, other cues skipped."""
        start = cue.end
        for person in persons:
            if person.item.start < post.start:
                start = max(start, person.item.end, *(t.end for t in person.titles if t.end <= post.start))
        mine = {p.item.start for p in persons}
        if any(
            it.kind == "N" and start <= it.start < post.start and it.start not in mine
            for it in self.parse.items
        ):
            return False
        in_cues = {k for c in self.cues for k in range(c.start, c.end)}
        lead = post.start - 1
        if self._listed_after_colon(post.start):
            lead -= 1  # "cách chức các chức vụ: X, Y": the colon opens the list "chức vụ" introduces
        if lead not in in_cues and self.tokens[lead].key not in POST_LEAD_WORDS:
            return False  # "..., nghe Thủ tướng giới thiệu": a post no verb of the event introduces
        others = [
            t.key
            for k, t in enumerate(self.tokens[start : post.start], start)
            if t.kind == "word" and k not in in_cues and t.key not in ADDRESS | POST_LEAD_WORDS
        ]
        return len(others) <= MAX_POST_OTHER_WORDS

    def _introduced(self, item: Item) -> bool:
        """A post a word introduces ("giữ chức X", "làm X", "bầu X"), not an appositive or a rank."""
        title = item.title
        if title is None or item.start == 0 or _is_rank(self.tokens, title):
            return False
        if self._listed_after_colon(item.start):
            return True
        before = self._item_ending_at(item.start)
        word = self.tokens[item.start - 1]
        return (
            before is not None and before.kind == "X" and word.kind == "word" and word.key not in LIST_WORDS
        )

    def _listed_after_colon(self, k: int) -> bool:
        """Whether token k opens a list of posts after "chức vụ:" or "chức danh:" ("kỷ luật ... cách
        chức tất cả các chức vụ: Bí thư X, Giám đốc Y"): the colon stands for the verb's own word."""
        tokens = self.tokens
        return (
            k >= 3
            and tokens[k - 1].text == ":"
            and tokens[k - 3].key == "chức"
            and tokens[k - 2].key in POST_LIST_NOUNS
        )

    def _event(self, cue: _CueAt, person: NameInSentence, post: TitleSpan | None) -> _Found | None:
        tokens = self.tokens
        full_name = self.name_of(tokens, person)
        if full_name is None:
            return None
        kind = cue.cue.kind
        held = [t for t in person.titles if not _is_rank(tokens, t) and self._held(person, t)]
        offices = [t for t in held if not _is_membership(tokens, t)]
        if post is None and kind in END_KINDS and held and not self._joins_body(cue):
            # the post a person leaves, is disciplined in or dies in is their office, not a seat in a
            # committee printed first, and an office whose body is named before one whose body is
            # left for the reader ("ông A, tỉnh ủy viên, bí thư đảng ủy, giám đốc Sở X": Sở X)
            own = next((t for t in offices if _named_body(t)), (offices or held)[0])
            former = [t for t in offices if is_former(tokens, t)] or [t for t in held if is_former(tokens, t)]
            post = (
                own if kind != "died" else next(iter(former), own)
            )  # "nguyên Ủy viên BCT, nguyên Thủ tướng"
            if post.end in self._post_tails() and (post.body is None or post.body.end == post.end):
                post = self._with_tail(post, self._post_tails()[post.end])  # "nguyên bộ trưởng tư pháp"
        if kind == "assigned" and post is not None and post.end == person.item.start:
            post = None  # "phân công Phó Thủ tướng A chỉ đạo ...": a task for the post A holds
        if post is None and kind in POST_NEEDED:
            return None  # "bổ nhiệm ông A" without the post says too little to date a tenure
        if post is not None and tokens[post.start].key == "quyền":
            kind = "acting"
        if kind == "elected" and (_re_elected(tokens, cue) or self._continued_in(cue, post)):
            kind = "re_elected"
        previous = None
        if kind == "assigned" and offices and not self._relieved_here(person):
            previous = offices[-1]  # "Ủy viên Bộ Chính trị" printed before a transfer stays held
        start = min(cue.start, person.item.start)
        end = max(cue.end, person.item.end)
        recorded = self.title_of(self.sentence, tokens, post, full_name) if post else None
        if recorded is not None and post is not None and recorded.organization_name is None:
            recorded = self._placed_council(post, recorded)
        deciding_body = None if kind in UNDECIDED_KINDS else self._deciding_body(cue)
        if recorded is not None and post is not None and kind in ("elected", "re_elected") and deciding_body:
            recorded = self._electing_body_office(post, recorded, deciding_body)
        if recorded is not None and post is not None:
            recorded = self._kin_post_body(post, recorded, full_name)
        return _Found(
            full_name=full_name,
            kind=kind,
            level=cue.cue.level if kind == "disciplined" else None,
            cue_text=" ".join(t.text for t in tokens[cue.start : cue.end]),
            post=recorded,
            previous_post=self.title_of(self.sentence, tokens, previous, full_name) if previous else None,
            deciding_body=deciding_body,
            char_start=tokens[start].start,
            char_end=tokens[end - 1].end,
            cue_start=tokens[cue.start].start,
            cue_end=tokens[cue.end - 1].end,
            past_at=self._past_at(min(cue.start, person.item.start)),
            told_as_past=self._told_as_past(min(cue.start, person.item.start))
            or self._in_brackets(cue.start),
        )

    def _placed_council(self, post: TitleSpan, recorded: PersonTitle) -> PersonTitle:
        """ "HĐND tỉnh X bầu ông A giữ chức Chủ tịch HĐND", "... được bầu làm Chủ tịch HĐND và ông B
        được bầu làm Chủ tịch UBND tỉnh": a people's council or committee printed bare, with no
        level, is the one of the place another local body of the sentence names with its type
        ("tỉnh X", "thành phố Y"), when that place is one."""
        body = post.body
        if body is None or not body.bare or body.unique or recorded.body_name is None:
            return recorded
        named = self._named_in_sentence(body, recorded.body_name)
        if named is not None:
            return _named_as(recorded, named)
        if body.kind not in BARE_LOCAL_KINDS:
            return recorded
        places = set()
        for other in (b for b in self.parse.bodies if b != body):
            m = _TYPED_PLACE.search(self.body_of(self.sentence, self.tokens, other))
            if m:
                places.add(m.group(0))
        if len(places) != 1 or recorded.canonical_title is None:
            return recorded
        (place,) = places
        return replace(
            recorded,
            organization_name=f"{recorded.body_name} {place}",
            canonical_title=f"{recorded.canonical_title} {place}",
            title=f"{recorded.title} {place}",
        )

    def _electing_body_office(self, post: TitleSpan, recorded: PersonTitle, electing: str) -> PersonTitle:
        """ "HĐND thành phố X ... bầu bà A làm Chủ tịch": an office of a collegial body (title_heads.txt
        "collegial": chair, deputy, member) printed alone is an office of the body that elects to it."""
        if post.body is not None or post.head_end != post.end or recorded.organization_name is not None:
            return recorded
        head = title_heads().get(tuple(t.key for t in self.tokens[post.head_start : post.head_end]))
        bodies = {self.body_of(self.sentence, self.tokens, b) for b in self.parse.bodies}
        if head is None or not head.collegial or electing not in bodies or recorded.canonical_title is None:
            return recorded
        return replace(
            recorded,
            organization_name=electing,
            canonical_title=f"{recorded.canonical_title} {electing}",
            title=f"{recorded.title} {electing}",
        )

    def _named_in_sentence(self, body: BodySpan, bare_name: str) -> str | None:
        """The one body the sentence names in full that the bare one is, its kind with a name after
        it, perhaps inside a body of its own: "Ban chấp hành Thành đoàn Đà Nẵng đã bầu ông A làm
        bí thư Thành đoàn" -> "Thành đoàn Đà Nẵng"."""
        bare = f"{bare_name.lower()} "
        names = set()
        for other in self.parse.bodies:
            name = self.body_of(self.sentence, self.tokens, other)
            at = f" {name.lower()}".find(f" {bare}")
            if other != body and at >= 0:
                names.add(name[at:])
        return names.pop() if len(names) == 1 else None

    def _kin_post_body(self, post: TitleSpan, recorded: PersonTitle, full_name: str) -> PersonTitle:
        """A post printed alone beside a post of its kin with a body, the deputy's beside the head's
        or the head's beside the deputy's, is an office of that body: "ông A được bầu làm Bí thư
        Tỉnh ủy X; ông B tái đắc cử Phó bí thư" -> "Phó Bí thư Tỉnh ủy X"; "miễn nhiệm Chủ tịch A
        ..., ứng viên Chủ tịch Quốc hội" -> "Chủ tịch Quốc hội". The nearest before, else after."""
        if post.body is not None or post.head_end != post.end or recorded.organization_name is not None:
            return recorded
        kin = _without_deputy(self._head_words(post))
        titled = [
            it
            for it in self.parse.items
            if it.kind == "T" and it.title is not None and it.title.body is not None
        ]
        before = [it.title for it in titled if it.end <= post.start]
        after = [it.title for it in titled if it.start >= post.end]
        for other in [*reversed(before), *after]:  # the nearest before, else the first after
            if _without_deputy(self._head_words(other)) != kin or not _named_body(other):
                continue
            found = self.title_of(self.sentence, self.tokens, other, full_name)
            if found.organization_name is None or recorded.canonical_title is None:
                return recorded
            return replace(
                recorded,
                organization_name=found.organization_name,
                canonical_title=f"{recorded.canonical_title} {found.organization_name}",
                title=f"{recorded.title} {found.organization_name}",
            )
        return recorded

    def _continued_in(self, cue: _CueAt, post: TitleSpan | None) -> bool:
        """ "bầu ông A tiếp tục giữ chức X": elected to go on in the post, re-elected."""
        if post is None or post.start <= cue.end:
            return False
        words = [t.key for t in self.tokens[cue.end : post.start]]
        return any(words[k : k + 2] == list(RE_ELECTED_BEFORE) for k in range(len(words)))

    def _in_brackets(self, k: int) -> bool:
        """Whether token k stands inside brackets: "nguyên Bộ trưởng A (đã bị khai trừ ra khỏi Đảng)
        chịu trách nhiệm ...": an aside about the person, told as background, not the news."""
        depth = 0
        for t in self.tokens[:k]:
            depth += {"(": 1, ")": -1}.get(t.text, 0)
        return depth > 0

    def _past_at(self, k: int) -> int:
        """Where the last word telling the event as past stands before token k (a char offset), 0
        when none does: a date printed before it is another event's ("Ngày 9/6/2014, HĐND bầu ông
        A, vì hơn một tháng trước đó ông B qua đời")."""
        words = [t.key for t in self.tokens[:k]]
        found = 0
        for marker in PAST_MARKERS:
            parts = marker.split()
            for j in range(len(words) - len(parts) + 1):
                if words[j : j + len(parts)] == parts and not (
                    j > 0 and f" {words[j - 1]} {marker.strip()} " in NOT_PAST_MARKERS
                ):
                    found = max(found, self.tokens[j].start)
        return found

    def _told_as_past(self, k: int) -> bool:
        """Whether the sentence tells the event as past before token k ("Năm 2011, ông A được bổ
        nhiệm", "sau khi ông A qua đời", "Hơn tháng trước, ..."): the article's date is not its date."""
        words = [t.key for t in self.tokens[:k]]
        text = f" {' '.join(words)} "
        for same_time in NOT_PAST_MARKERS:
            text = text.replace(same_time, " ")
        return any(marker in text for marker in PAST_MARKERS) or bool(_YEAR_BEFORE.search(text))

    def _held(self, person: NameInSentence, title: TitleSpan) -> bool:
        """Whether a post the parse gives the person is one they hold: printed before the name
        ("Chủ tịch nước A") or as an appositive, not one a verb introduces ("giữ chức X")."""
        if title.end <= person.item.start:
            return True
        item = next((it for it in self.parse.items if it.kind == "T" and it.start == title.start), None)
        return item is None or not self._introduced(item)

    def _relieved_here(self, person: NameInSentence) -> bool:
        """Whether an end cue of this sentence reads the same person (its post is the one left)."""
        return any(
            c.cue.kind == "relieved" and self._reads_subject(c) and self._subject(c) is person
            for c in self.cues
        )

    def _deciding_body(self, cue: _CueAt) -> str | None:
        """Who decided: the body a cited decision is "của"; for a passive verb the agent between
        "được"/"bị" and the verb ("được Bộ Chính trị phân công"); for an object verb the nearest
        body (or post standing alone: "Thủ tướng Chính phủ") before it; for a subject verb one
        before the subject that decided about them ("Bộ Chính trị quyết định ông A thôi giữ chức")."""
        items = self.parse.items
        for k, it in enumerate(items):
            if (
                it.kind == "X"
                and self.tokens[it.start].key == "của"
                and k + 1 < len(items)
                and _decision_before(self.tokens, it.start)
                and items[k + 1].kind in ("O", "T")
            ):
                return self._body_text(items[k + 1])
        if not self._reads_subject(cue):
            return self._body_before(cue.start)
        agent = self._item_ending_at(cue.start)
        if (
            cue.passive
            and agent is not None
            and agent.kind in ("O", "T")
            and agent.start not in self.attached
        ):
            return self._body_text(agent)
        subject = self._subject(cue)
        if subject is None:
            return None
        return self._body_before(subject.item.start, needs_decision=True)

    def _body_before(self, k: int, needs_decision: bool = False) -> str | None:
        """The nearest body (or post standing alone) before token k in its clause, past at most
        MAX_DECIDER_GAP words and no person; ``needs_decision``: "quyết định" among those words."""
        words: list[str] = []
        for it in reversed(self.parse.items):
            if it.end > k:
                continue
            if it.kind == "N" or (it.kind == "P" and self.tokens[it.start].text in CLAUSE_ENDS):
                return None
            if it.kind == "O" or (
                it.kind == "T" and it.start not in self.attached and not _is_rank(self.tokens, it.title)
            ):
                decided = "quyết" in words and "định" in words
                return self._body_text(it) if decided or not needs_decision else None
            if it.kind in ("X", "S"):
                words += [t.key for t in self.tokens[it.start : it.end] if t.kind == "word"]
                if len(words) > MAX_DECIDER_GAP:
                    return None
        return None

    def _body_text(self, item: Item) -> str:
        if item.kind == "O" and item.body is not None:
            return self.body_of(self.sentence, self.tokens, item.body)
        return " ".join(t.text for t in self.tokens[item.start : item.end])


def _merge_levels(found: list[_CueAt], items: list[Item], tokens: list[Token]) -> list[_CueAt]:
    """A discipline cue printed after another in one clause with no name between ("kỷ luật cảnh
    cáo ông A"), or as its form ("kỷ luật ông A, ..., bằng hình thức cảnh cáo"), is that one's
    level, not an event of its own."""
    names = [it.start for it in items if it.kind == "N"]
    merged: list[_CueAt] = []
    for cue in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.cue.kind == cue.cue.kind == "disciplined"
            and not any(tokens[k].text in CLAUSE_ENDS for k in range(last.end, cue.start))
            and (not any(last.end <= n < cue.start for n in names) or _form_of_before(tokens, cue.start))
        ):
            level = _severest(last.cue.level, cue.cue.level)
            merged[-1] = _CueAt(
                last.start, last.end, Cue(last.cue.words, "disciplined", last.cue.person, level), last.passive
            )
            continue
        merged.append(cue)
    return merged


def _form_of_before(tokens: list[Token], k: int) -> bool:
    """Whether "hình thức" (perhaps with a colon) stands right before token k: "kỷ luật ông A bằng
    hình thức: Cách chức ..." prints the level of the discipline, not an event of its own."""
    j = k - 1 if k > 0 and tokens[k - 1].text == ":" else k
    return tuple(t.key for t in tokens[max(0, j - 2) : j]) == FORM_OF


def _severest(a: str | None, b: str | None) -> str | None:
    known = [x for x in (a, b) if x in LEVELS]
    return max(known, key=LEVELS.index) if known else None


def _is_rank(tokens: list[Token], title: TitleSpan | None) -> bool:
    if title is None:
        return False
    head = title_heads().get(tuple(t.key for t in tokens[title.head_start : title.head_end]))
    return head is not None and head.is_rank


def _is_membership(tokens: list[Token], title: TitleSpan) -> bool:
    """A seat in a collegial body ("Ủy viên Bộ Chính trị", "Tỉnh ủy viên"), which a transfer keeps."""
    words = [t.key for t in tokens[title.head_start : title.head_end]]
    return words[:2] == ["ủy", "viên"] or words[-2:] == ["ủy", "viên"]


def _named_as(recorded: PersonTitle, name: str) -> PersonTitle:
    """The post of a bare body, its body named in full (the name starts with the bare one's)."""
    bare = recorded.body_name or ""
    if not (recorded.canonical_title or "").endswith(bare) or not recorded.title.endswith(bare):
        return recorded
    rest = name[len(bare) :]
    return replace(
        recorded,
        organization_name=name,
        canonical_title=f"{recorded.canonical_title}{rest}",
        title=f"{recorded.title}{rest}",
    )


def _without_deputy(head: tuple[str, ...]) -> tuple[str, ...]:
    """A post's head words without the deputy's "phó": "phó bí thư" and "bí thư" are kin."""
    return head[1:] if head[:1] == ("phó",) else head


def _named_body(title: TitleSpan) -> bool:
    """Whether the post names its body: "Giám đốc Sở X", "Bí thư Tỉnh ủy" (the province's), not
    "bí thư đảng ủy" (of a body left for the reader) nor "Chủ tịch" alone."""
    body = title.body
    return body is not None and (body.unique or body.of_place or not body.bare)


def _re_elected(tokens: list[Token], cue: _CueAt) -> bool:
    """ "tiếp tục được bầu", "được bầu lại": elected again."""
    before = tuple(t.key for t in tokens[max(0, cue.start - 4) : cue.start])
    after = tokens[cue.end].key if cue.end < len(tokens) else ""
    return any(before[k : k + 2] == RE_ELECTED_BEFORE for k in range(len(before))) or after == "lại"


def _decision_before(tokens: list[Token], k: int) -> bool:
    """Whether "của" at k follows a cited decision ("Quyết định số 12/QĐ-TTg của")."""
    window = [t.key for t in tokens[max(0, k - 12) : k]]
    return "quyết" in window and "định" in window


# ---------------------------------------------------------------------- dates and decisions

_DECISION_RE = re.compile(
    r"(?:Quyết định|QĐ|Nghị quyết)\s+"
    r"(?:số\s+(?P<number>\d+[\w./\-–]*\w)|(?P<code>\d+[\w.]*[/\-–][\w./\-–]*\w))",
    re.IGNORECASE,
)
_EFFECTIVE_BEFORE = re.compile(r"(?:hiệu lực|\btừ)\s*(?:từ\s*)?(?:ngày\s*)?$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s*của\b", re.IGNORECASE)  # "ngày 15-11-2017 của Bộ Chính trị": a document's
OPENING_CHARS = 20  # a date this close to the sentence's start opens it ("Trước đó ngày 7/10,")
BEFORE_CHARS = 40  # or this close before the event ("ngày 18/4/2014, Giám đốc Sở X bổ nhiệm")
AFTER_CHARS = 60  # a date this close after the event's person ("được miễn nhiệm ngày 19/5")
DECISION_DATE_GAP = 12  # characters between a decision's number and its date ("số 12/QĐ-TTg ngày ")
EFFECTIVE_WINDOW = 24  # characters before a date where its effective wording may stand


def _dated(
    found: _Found,
    index: int,
    text: str,
    sentence: Sentence,
    dates: list[DatePhrase],
    published_at: datetime | None,
) -> PersonnelEvent:
    number, decision_date, decision_phrase = _decision(text, sentence, dates, published_at)
    effective = next(
        (
            p
            for p in dates
            if p is not decision_phrase
            and _EFFECTIVE_BEFORE.search(
                text[max(sentence.char_start, p.char_start - EFFECTIVE_WINDOW) : p.char_start]
            )
        ),
        None,
    )
    event = _event_phrase(found, text, sentence, dates, {id(decision_phrase), id(effective)})
    return PersonnelEvent(
        event_index=index,
        full_name=found.full_name,
        kind=found.kind,
        discipline_level=found.level,
        cue=found.cue_text,
        post=found.post,
        previous_post=found.previous_post,
        deciding_body=found.deciding_body,
        decision_number=number,
        decision_date=decision_date,
        effective_date=_day(effective, published_at) if effective else None,
        event_date=_day(event, published_at) if event else None,
        event_date_text=event.text if event else None,
        told_as_past=found.told_as_past,
        char_start=found.char_start,
        char_end=found.char_end,
        sentence_index=sentence.index,
    )


def _decision(
    text: str, sentence: Sentence, dates: list[DatePhrase], published_at: datetime | None
) -> tuple[str | None, date | None, DatePhrase | None]:
    """The decision cited in the sentence: its number, and its date when printed right after."""
    m = _DECISION_RE.search(text, sentence.char_start, sentence.char_end)
    if m is None:
        return None, None, None
    group = "number" if m.group("number") else "code"  # "số 33" or "125-QĐ/TU"; not "Quyết định 33 năm 2014"
    after = m.end(group)
    phrase = next((p for p in dates if after <= p.char_start <= after + DECISION_DATE_GAP), None)
    return m.group(group), _day(phrase, published_at) if phrase else None, phrase


def _event_phrase(
    found: _Found, text: str, sentence: Sentence, dates: list[DatePhrase], used: set[int]
) -> DatePhrase | None:
    """The event's own date, neither a cited document's, the decision's nor the effective one:
    the date opening the sentence ("Chiều 2/3, Bộ ... trao quyết định bổ nhiệm") or printed just
    before the event ("..., ngày 18/4/2014, Giám đốc Sở X bổ nhiệm ông A"), else one printed
    just after the event ("được miễn nhiệm ngày 19/5"; for a death "từ trần hồi 10 giờ ngày 5/6"
    comes first)."""
    free = [
        p
        for p in dates
        if id(p) not in used
        and p.day is not None
        and not is_document_date(text, p)
        and not is_birth_date(text, p)
        and p.char_start >= found.past_at  # "Ngày 9/6, ... vì trước đó ông A qua đời": not its date
    ]
    opening = [
        p
        for p in free
        if p.char_end <= found.char_start
        and (
            p.char_start - sentence.char_start <= OPENING_CHARS
            or found.char_start - p.char_end <= BEFORE_CHARS
            or _opens_clause(text, sentence, p, found.char_start)
        )
    ]
    after = [
        p for p in free if found.cue_end <= p.char_start and p.char_start - found.char_end <= AFTER_CHARS
    ]
    if found.kind == "died" and after:
        return after[0]
    return opening[0] if opening else after[0] if after else None


def _opens_clause(text: str, sentence: Sentence, phrase: DatePhrase, event_start: int) -> bool:
    """Whether the date opens the clause the event is told in, after a phrase fronted with a
    comma ("Sau 5 năm giữ chức X, ngày 16-8-2017 Ban Thường vụ ... điều động ông A"), perhaps
    after "vào": the date the clause's verbs hold on, however far the event is from it. Not a
    date "của" a document ("Căn cứ quy định số 102 - QĐ/TW, ngày 15-11-2017 của Bộ Chính trị"),
    nor one a semicolon parts from the event."""
    before = text[sentence.char_start : phrase.char_start].rstrip()
    if before.lower().endswith(" vào"):
        before = before[: -len(" vào")].rstrip()
    after = text[phrase.char_end : event_start]
    return before.endswith(",") and ";" not in after and not _OF_AFTER.match(after)


def _day(phrase: DatePhrase, published_at: datetime | None) -> date | None:
    """The date a phrase names; a phrase without its year takes the publication's (as meetings do)."""
    if phrase.day is None or phrase.month is None:
        return None
    year = phrase.year
    if year is None and published_at is not None:
        year = year_from_publication(phrase.day, phrase.month, published_at)
    if year is None:
        return None
    try:
        return date(year, phrase.month, phrase.day)
    except ValueError:
        return None
