"""Roles of people at the meeting an article reports: chair, attendee, speaker, presenter, mentioned.

Evidence is read per sentence from cue words (``gazetteers/role_cues.tsv``) where the grammar
of Vietnamese news prose puts them, not from anywhere in the sentence:

- a verb frames the person it follows, across the posts printed after the name, a few adverbs
  and other verbs it is coordinated with: "Đồng chí A, Ủy viên ..., Trưởng Ban ... phát biểu",
  "A (phải) chúc mừng", "A, ..., dự, chủ trì và trao";
- a verb that opens the sentence frames the subject after the opening comma: "Phát biểu tại
  hội nghị, đồng chí A ...", "Thay mặt lãnh đạo tỉnh, A ...";
- a verb that takes a person as object places that person at the event: "tiếp Đại sứ A",
  "hội đàm với Ngoại trưởng A", "bầu ông A", "trao quyết định cho ông A", "dưới sự chủ trì của
  A" (chair), "do ông A làm Trưởng đoàn", "Tham dự ... có A; B";
- people listed together ("A, ...; B, ... và C", "gồm các đồng chí: A; B") share what frames
  the list;
- the lead sentence, the one that carries the event's date, makes its grammatical subject take
  part when its predicate is an event ("Sáng 15-3, các đồng chí: A, ...; B, ... đã làm việc với
  ..."); at a ceremony announcing decisions, the people the decisions post are there to receive
  them.

Presenters read papers ("tham luận", "trình bày báo cáo", "thông tin chuyên đề"); at a
conference with papers, a delegate who only "cho biết"/"nêu" is a presenter too. A person named
after "của", "đối với", "thay" ... is no subject and gets nothing from the sentence's verb, so
the signer of a cited decision, a predecessor, or the subject of a disciplinary notice stays
"mentioned".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

from vnpolitics.extract.gazetteer import not_cue_compounds, person_cue_phrases, predicate_phrases, role_cues
from vnpolitics.extract.names import starts_title_head
from vnpolitics.extract.people import NameInSentence, SentenceParse
from vnpolitics.extract.title_spans import TitleSpan

CUE_KINDS = (
    "chair",
    "attend",
    "speech",
    "reported",
    "according",
    "present",
    "elected",  # "A được bầu ...": elected at the meeting, so present
    "elect",  # "bầu ông A làm ..."
    "meet",  # "A tiếp B", "A hội đàm với B": both are at the event
    "give",  # "A trao quyết định cho B"
    "leads",  # "do ông A làm Trưởng đoàn"
    "opener",  # "Đón tiếp đoàn có ông A": who the opening verb's "có" names
    "behalf",  # "Thay mặt ..., A phát biểu"
    "event",  # a lead sentence's predicate: "Sáng 15-3, A đã làm việc với ..."
    "appoint",  # "điều động đồng chí A": A receives the decision at its announcement
    "announce",  # a lead naming a ceremony that announces decisions
)
# Verbs a person may do one after another ("dự, chủ trì và trao"): one frames the next.
VERB_KINDS = ("attend", "chair", "speech", "reported", "present", "meet", "give")
LEAD_PREDICATE_KINDS = ("event", "meet", "attend", "chair", "give", "leads", "elected")
NOT_CUES = not_cue_compounds()


def _words(text: str) -> frozenset[str]:
    """Closed classes of function words, written as one line of space-separated syllables."""
    return frozenset(text.split())


# Words before a name that make it an object or a possessor, not the subject of the verb.
NOT_SUBJECT_BEFORE = _words("của với cho tới đến về thay thế bầu giao mời cử khen")
# Verbs whose object is a person, printed right before the name: "kỷ luật cảnh cáo ông A, đồng
# thời yêu cầu ..." does not have A ask anything.
PERSON_OBJECT_VERBS = tuple(
    tuple(v.split())
    for v in (
        "cảnh cáo",
        "khiển trách",
        "khai trừ",
        "kỷ luật",
        "cách chức",
        "miễn nhiệm",
        "bổ nhiệm",
        "điều động",
        "phân công",
        "chỉ định",
        "giới thiệu",
        "đề cử",
        "phê chuẩn",
        "chúc mừng",
        "tặng",
        "trao",
        "tiếp",
        "gặp",
        "đón",
        "hỏi",
        "chất vấn",
    )
)
# Forms of address and quantifiers printed before a name or a list ("các đồng chí", "ông").
ADDRESS = _words("các đồng chí ông bà anh chị đ / c ngài tân")
APPOSITIVE_GAP = frozenset({",", "-", "–", "—", "(", ")"})  # what may stand between a name and its posts
# Between a person (with posts) and the verb that frames them: adverbs and parenthetical marks.
ADVERBS = _words("đã cũng còn sẽ đều vẫn lại thì đồng thời tiếp tục vừa trực có buổi cuộc đến tới đi")
FUTURE = _words("sẽ sắp")
GAP_MARKS = frozenset({",", "-", "–", "—", ")"})
APPOSITIVE_MARKS = frozenset({",", "-", "–", "—"})
LIST_MARKS = frozenset({",", ";", "và", "cùng", ":"})
COORDINATION = frozenset({",", "và"})
CONJOINED = COORDINATION | ADVERBS | {"cùng"}  # "A, ..., cùng đoàn công tác đã đến thăm"
CLAUSE_ENDS = frozenset({";", ".", ":", "?", "!", "\u201c", '"'})
# A subject noun phrase may hold these lower-case words besides posts, bodies and names:
# "đoàn công tác của Bộ Công an do Thượng tướng A ...", "Đoàn ĐBQH tỉnh gồm các đồng chí: ...".
SUBJECT_WORDS = ADDRESS | _words("gồm do cùng và đoàn công tác đại biểu của lãnh đạo số")
MAX_ADVERBS = 4  # tokens between a person and the verb right after them
MAX_APPOSITIVE = 24  # tokens of posts between a name and its verb
MAX_PLAIN_WORDS = 6  # lower-case words outside posts and bodies there
MAX_LIST_PLAIN = 2  # the same in the rest of a post before the next person of a list
REPRESENTING = frozenset({("thay", "mặt"), ("đại", "diện")})
MAX_REPRESENTED = 6  # words after "đại diện"/"thay mặt" not counted: "đại diện hai đoàn đại biểu"
ADMIN_UNITS = _words(
    "tỉnh thành phố huyện quận thị xã trấn phường thôn ấp bản"
)  # "Phó chủ tịch tỉnh Nghệ An"
MAX_CLAUSE_SUBJECT = 40  # tokens of a coordinated subject between its first person and its verb
MAX_OBJECT_POST = 8  # tokens of a post between a verb and its object
MAX_CHAIR_LIST_GAP = 6  # ", gồm các đồng chí:" between "chủ trì" and the first chair listed

Span = tuple[int, int]


@cache
def _cue_index() -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """First syllable -> (cue, kind), longest cue first, over every kind of cue."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for kind in CUE_KINDS:
        for cue in role_cues(kind):
            index.setdefault(cue[0], []).append((cue, kind))
    return {first: tuple(sorted(cues, key=lambda c: -len(c[0]))) for first, cues in index.items()}


@dataclass(frozen=True)
class Lead:
    """What the lead sentence (the one carrying the event's date) tells the rules."""

    sentence_index: int
    subject_from: int | None  # character offset after the printed date; None: no subject rule
    announces_decisions: bool  # "hội nghị công bố các quyết định điều động ..."


def lead_of(parse: SentenceParse | None, sentence_index: int, subject_from: int | None) -> Lead:
    """The lead's context: a ceremony announcing decisions is named in the lead sentence."""
    announces = parse is not None and bool(_Sentence(parse).spans["announce"])
    return Lead(sentence_index, subject_from, announces)


@dataclass
class RoleEvidence:
    name: NameInSentence
    role: str  # chair | attendee | speaker | presenter | reported (speech without an explicit cue)
    sentence_index: int
    by_title: bool = False  # ``name.item`` is a post named without a name ("đ/c Chủ tịch UBND tỉnh")


@dataclass
class _Person:
    """A name in the sentence with the stretch its posts occupy."""

    found: NameInSentence
    first: int  # first token, posts and "đồng chí"/"ông" before the name included
    last: int  # end of the name and the posts the parser attached after it
    group: int = 0  # people listed together share a group number


class _Sentence:
    """One parsed sentence with what the role rules ask of it: cue spans and people."""

    def __init__(self, parse: SentenceParse) -> None:
        self.parse = parse
        self.keys = [t.key for t in parse.tokens]
        self.in_item = [-1] * len(self.keys)  # for tokens inside a post or a body, which one
        self.post_ending_at: dict[int, int] = {}  # end -> start of each post
        for n, it in enumerate(parse.items):
            if it.kind in ("T", "O"):
                for k in range(it.start, it.end):
                    self.in_item[k] = n
            if it.kind == "T":
                self.post_ending_at[it.end] = it.start
        self.people = sorted(
            (self._person(p) for p in parse.names if _is_person(p)), key=lambda p: p.found.item.start
        )
        self.starts = {p.first for p in self.people}
        self._group()
        attached = {(t.start, t.end) for p in parse.names for t in p.titles}
        self.by_title = [
            self._person(NameInSentence(item=it))
            for it in parse.items
            if it.kind == "T" and (it.start, it.end) not in attached
        ]

    @cached_property
    def spans(self) -> dict[str, list[Span]]:
        """The sentence's cues, found when a rule first asks: most sentences name nobody, and
        ``sentence_evidence`` asks nothing of them."""
        return self._find_cues()

    @cached_property
    def verb_at(self) -> set[int]:
        """Tokens inside a verb cue."""
        return {k for kind in VERB_KINDS for i, e in self.spans[kind] for k in range(i, e)}

    def _find_cues(self) -> dict[str, list[Span]]:
        """Kind -> (start, end) of each cue standing as its own word ("dự" but not "dự án",
        "danh dự"), not inside one post or body ("Ban Chỉ đạo" is no "chỉ đạo"). A cue that
        starts inside a body and runs past its end was swallowed by it ("Bộ Ngoại giao thông
        tin| chuyên đề")."""
        keys, index = self.keys, _cue_index()
        found: dict[str, list[Span]] = {kind: [] for kind in CUE_KINDS}
        for i, key in enumerate(keys):
            for cue, kind in index.get(key, ()):
                n = len(cue)
                if tuple(keys[i : i + n]) != cue or self.in_item[i] == self.in_item[i + n - 1] >= 0:
                    continue
                if tuple(keys[i : i + n + 1]) in NOT_CUES or (i and tuple(keys[i - 1 : i + n]) in NOT_CUES):
                    continue
                if any(s <= i < e for s, e in found[kind]):
                    continue  # inside a longer cue of its kind ("tặng hoa chúc mừng")
                found[kind].append((i, i + n))
        return found

    def _person(self, found: NameInSentence) -> _Person:
        """Its stretch, with a post printed before "ông"/"anh" ... and a comma ("Bí thư Tỉnh ủy, ông A")."""
        appositives = self._appositives(found)
        first = min([found.item.start] + [t.start for t in appositives])
        while first > 0 and self.keys[first - 1] in ADDRESS:
            first -= 1
        addressed = first < found.item.start and not any(t.start < found.item.start for t in appositives)
        if addressed and self.keys[first - 1 : first] == [","] and first - 1 in self.post_ending_at:
            first = self.post_ending_at[first - 1]
        return _Person(found, first, max([found.item.end] + [t.end for t in appositives]))

    def _appositives(self, found: NameInSentence) -> list[TitleSpan]:
        """The posts printed around the name, joined to it by marks or forms of address only.

        A post given by a verb ("A ... được bầu giữ chức Chủ tịch", "do ông A, ..., làm Trưởng
        đoàn") or named as a decision's object ("chức danh X đối với ông A") is the person's too,
        but the words between are the sentence's predicate: the person's stretch stops before
        them, so the verb frames the person.
        """
        out: list[TitleSpan] = []
        end = found.item.end
        for t in sorted((t for t in found.titles if t.start >= found.item.end), key=lambda t: t.start):
            if all(k in APPOSITIVE_GAP for k in self.keys[end : t.start]):
                out.append(t)
                end = max(end, t.end)
        start = found.item.start
        for t in sorted((t for t in found.titles if t.start < found.item.start), key=lambda t: -t.end):
            if all(k in APPOSITIVE_GAP or k in ADDRESS for k in self.keys[t.end : start]):
                out.append(t)
                start = min(start, t.start)
        return out

    def _group(self) -> None:
        """Number the people so that those listed together ("A, ...; B, ... và C") share a group."""
        group = 0
        for prev, person in zip([None, *self.people], self.people, strict=False):
            if prev is not None and not self._listed_after(prev, person):
                group += 1
            person.group = group

    def _listed_after(self, prev: _Person, person: _Person) -> bool:
        """Whether ``person`` continues a list after ``prev``: only a list mark and forms of address
        between them ("A, ...; B", "A và ông B"), or the rest of prev's posts and then one
        ("ông A, Trưởng phòng Tài nguyên Môi trường huyện và bà B")."""
        between = list(range(prev.last, person.first))
        while between and self.keys[between[-1]] in ADDRESS:
            between.pop()
        if not between or self.keys[between[-1]] not in LIST_MARKS:
            return not between
        rest = between[:-1]
        return all(self.keys[k] in LIST_MARKS for k in rest) or self._appositive(prev, rest, MAX_LIST_PLAIN)

    def members(self, person: _Person) -> list[_Person]:
        """The list the person is in (a post named alone is a list of its own)."""
        if not any(p is person for p in self.people):
            return [person]
        return [p for p in self.people if p.group == person.group]

    def subject(self, person: _Person) -> bool:
        """Not the object of "của"/"với"/"thay"/"cảnh cáo" ..., nor listed after such an object."""
        first = self.members(person)[0].first
        before = self.keys[:first]
        if before and before[-1] in NOT_SUBJECT_BEFORE:
            return False
        return not any(tuple(before[-len(verb) :]) == verb for verb in PERSON_OBJECT_VERBS)

    def framed_by(self, person: _Person, spans: list[Span]) -> bool:
        """A verb cue right after the person (or their list): a few adverbs between ("A đã phát
        biểu"), or the appositive posts printed after the name ("A, Ủy viên ..., Trưởng Ban ...
        phát biểu"; "A - Vụ trưởng Vụ ... - Bộ ... thông tin chuyên đề"), and perhaps verbs it
        is coordinated with ("A, ..., dự, chủ trì và trao")."""
        last = self.members(person)[-1]
        for i, _ in spans:
            if i < last.last:
                continue
            gap = self._without_parentheses(last.last, i)
            while gap and (gap[-1] in self.verb_at or self.keys[gap[-1]] in COORDINATION | ADVERBS):
                gap.pop()
            if len(gap) <= MAX_ADVERBS and all(self.keys[k] in ADVERBS | GAP_MARKS for k in gap):
                return True
            if self._represents(gap):
                return True
            if self._appositive(last, gap):
                return True
        return False

    def heads_clause_of(self, person: _Person, spans: list[Span]) -> bool:
        """The person heads a clause whose verb is one of ``spans``, with other people or groups
        coordinated after them and no other verb between: "Tại điểm cầu tỉnh: đồng chí A, Phó
        Chủ tịch ..., cán bộ, công chức ... dự hội nghị", "Đồng chí A cùng lãnh đạo các sở tham dự"."""
        head, last = self.members(person)[0], self.members(person)[-1].last
        if head.first and self.keys[head.first - 1] not in (":", ";") and head is not self.fronted_subject():
            return False
        verb = next((i for i, _ in spans if i >= last), None)
        if verb is None or verb - last > MAX_CLAUSE_SUBJECT:
            return False
        tokens, predicates = self.parse.tokens, predicate_phrases()
        for k in self._without_parentheses(last, verb):
            if self.keys[k] in CLAUSE_ENDS or k in self.starts or k in self.verb_at:
                return False
            if self.in_item[k] < 0 and self.keys[k] not in CONJOINED and predicates.longest_at(tokens, k):
                return False
        return True

    def _appositive(self, person: _Person, gap: list[int], max_plain: int = MAX_PLAIN_WORDS) -> bool:
        """Whether the tokens ``gap`` after a person read as their posts: they open with a comma,
        a dash or a post, or go on with a post printed after the name; no clause ends, nobody else
        is named, few lower-case words outside posts (a representing phrase at the end is not
        counted: "Đại tá A, Chỉ huy trưởng ... đại diện hai đoàn đại biểu báo cáo")."""
        if not gap or len(gap) > MAX_APPOSITIVE:
            return False
        tokens = self.parse.tokens
        posts_after = any(t.start >= person.found.item.end for t in person.found.titles)
        opens = (
            self.keys[gap[0]] in APPOSITIVE_MARKS
            or (posts_after and (tokens[gap[0]].is_cap or self.keys[gap[0]] in ADMIN_UNITS))
            or starts_title_head(tokens, gap[0]) > 0  # a post in lower case: "A phó bí thư Tỉnh ủy"
        )
        if not opens or any(self.keys[k] in CLAUSE_ENDS or k in self.starts for k in gap):
            return False
        keys = [self.keys[k] for k in gap]
        at = next((j for j in range(len(keys) - 1) if tuple(keys[j : j + 2]) in REPRESENTING), len(keys))
        counted = gap[:at] + gap[at + 2 + MAX_REPRESENTED :]
        return sum(1 for k in counted if self._plain(k)) <= max_plain

    def _represents(self, gap: list[int]) -> bool:
        """The gap is only whom the person speaks for: "A, Chỉ huy trưởng ..., đại diện hai đoàn
        đại biểu báo cáo": the verb after it is still the person's."""
        keys = tuple(self.keys[k] for k in gap[:2])
        return (
            keys in REPRESENTING
            and len(gap) <= 2 + MAX_REPRESENTED
            and not any(self.keys[k] in CLAUSE_ENDS or k in self.starts for k in gap)
        )

    def _without_parentheses(self, start: int, end: int) -> list[int]:
        """Positions start..end without parenthesised asides ("(phải)", "(thứ 2 từ trái sang)")."""
        out, depth = [], 0
        for k in range(start, end):
            key = self.keys[k]
            depth += key == "("
            if depth == 0:
                out.append(k)
            depth -= key == ")" and depth > 0
        return out

    def _plain(self, k: int) -> bool:
        """A lower-case word outside posts and bodies, and no adverb or mark."""
        t = self.parse.tokens[k]
        return not (self.in_item[k] >= 0 or t.is_cap or t.kind != "word" or t.key in ADVERBS | ADMIN_UNITS)

    def after(self, person: _Person, spans: list[Span]) -> bool:
        """The person (or the list they are in) is the object right after a cue: "tiếp A", with
        perhaps a post the parser left unattached between ("hội đàm với Ngoại trưởng Hoa Kỳ A"):
        a post head or a person cue, then capitalised words."""
        first, tokens = self.members(person)[0].first, self.parse.tokens
        for _, e in spans:
            if e > first or first - e > MAX_OBJECT_POST:
                continue
            post = e + (
                max(starts_title_head(tokens, e), person_cue_phrases().longest_at(tokens, e))
                if e < first
                else 0
            )
            if all(self.in_item[k] >= 0 or tokens[k].is_cap for k in range(post, first)):
                return True
        return False

    def after_existential(self, person: _Person, spans: list[Span]) -> bool:
        """A cue, then "có", then the person, who is no object of another word: "Tham dự buổi
        làm việc về phía tỉnh có bà A; Đại tá B ...", "Đón tiếp và làm việc với đoàn có đồng chí A".
        Everyone the enumeration after "có" names is meant, whatever marks separate them."""
        return self.subject(person) and any("có" in self.keys[e : person.first] for _, e in spans)

    def opening(self, spans: list[Span]) -> bool:
        """A cue opens the sentence ("Phát biểu tại hội nghị, ...", "Thay mặt ...")."""
        return any(i <= 1 for i, _ in spans)

    def fronted_subject(self) -> _Person | None:
        """The subject after an opening adverbial: the first person printed right after a comma,
        with nobody named before it."""
        if not self.people:
            return None
        head = self.people[0]
        return head if head.first > 0 and self.keys[head.first - 1] == "," else None

    def lead_subjects(self, subject_from: int) -> list[_Person]:
        """People in the subject of a lead sentence when its predicate is an event: after the
        opening adverbials ("Sáng 15-3,", "tại Hà Nội,"), with only posts, bodies, names and the
        words a delegation is described with before them ("đoàn công tác của ... do ...", "gồm
        các đồng chí:"); the list runs to the first other word, the predicate ("đã làm việc")."""
        failed = set()
        for person in self.people:
            if person.group in failed or self.parse.tokens[person.first].start < subject_from:
                continue  # a list's later members are not the subject when its first is not
            start = person.first
            while start > 0 and self.keys[start - 1] != ",":
                start -= 1
            if all(self._in_subject(k) for k in range(start, person.first)):
                subjects = self._subject_list(person)
                predicate = [span for kind in LEAD_PREDICATE_KINDS for span in self.spans[kind]]
                if self.framed_by(subjects[-1], predicate) or self.heads_clause_of(subjects[0], predicate):
                    return subjects
                return []
            failed.add(person.group)
        return []

    def _in_subject(self, k: int) -> bool:
        t = self.parse.tokens[k]
        return self.in_item[k] >= 0 or t.is_cap or t.kind != "word" or t.key in SUBJECT_WORDS

    def _subject_list(self, head: _Person) -> list[_Person]:
        out = [head]
        for person in self.people[self.people.index(head) + 1 :]:
            if not all(self._in_subject(k) for k in range(out[-1].last, person.first)):
                break
            out.append(person)
        return out


def _is_person(found: NameInSentence) -> bool:
    """As the article reads names: an uncued two-syllable run is too often a place or a word."""
    return found.short or found.cued or found.item.end - found.item.start >= 3


Add = Callable[[_Person, str], None]


def sentence_evidence(
    parse: SentenceParse, sentence_index: int, lead: Lead | None = None
) -> list[RoleEvidence]:
    """Role evidence from one sentence of an article whose ``lead`` is given (None: no lead rules)."""
    if not parse.names and all(it.kind != "T" for it in parse.items):
        return []  # nobody named and no post: most sentences of an article
    s = _Sentence(parse)
    if not s.people and not s.by_title:
        return []
    out: dict[int, set[str]] = {}

    def add(person: _Person, role: str) -> None:
        for member in s.members(person):
            out.setdefault(id(member), set()).add(role)

    _chairs(s, add)
    _attendance(s, add)
    if lead is not None:
        _lead_attendance(s, add, lead, sentence_index)
    _speech(s, add)
    titled = {id(p) for p in s.by_title}
    by_id = {id(p): p for p in s.people + s.by_title}
    return [
        RoleEvidence(by_id[key].found, role, sentence_index, key in titled)
        for key, roles in out.items()
        for role in sorted(roles)
    ]


def _chairs(s: _Sentence, add: Add) -> None:
    """ "A chủ trì", "A và B đồng chủ trì", "Chủ trì hội nghị, A ...", "dưới sự chủ trì của A",
    "do ... chủ trì, gồm các đồng chí: A; B"."""
    spans = s.spans["chair"]
    if not spans:
        return
    of = [(e, e + 1) for _, e in spans if s.keys[e : e + 1] == ["của"]]
    fronted = s.fronted_subject() if s.opening(spans) else None
    for person in s.people:
        listed = [s.keys[e : person.first] for _, e in spans if 0 < person.first - e <= MAX_CHAIR_LIST_GAP]
        if (
            (s.subject(person) and s.framed_by(person, spans))
            or s.heads_clause_of(person, spans)
            or person is fronted
            or s.after(person, of)
            or any("gồm" in between for between in listed)
        ):
            add(person, "chair")


def _attendance(s: _Sentence, add: Add) -> None:
    """Attendance read from the sentence's own verbs (see the module docstring)."""
    sp = s.spans
    attend = [(i, e) for i, e in sp["attend"] if not FUTURE & set(s.keys[max(0, i - 2) : i])]
    of = [(e, e + 1) for _, e in attend if s.keys[e : e + 1] == ["của"]]  # "với sự tham dự của A"
    first_give = min((i for i, _ in sp["give"]), default=len(s.keys))
    opener = s.opening(sp["opener"])
    fronted = s.fronted_subject()
    for person in s.people:
        head = s.members(person)[0]
        before = s.keys[head.first - 1] if head.first else ""
        if (
            (s.subject(person) and any(s.framed_by(person, sp[k]) for k in ("meet", "give")))
            or s.heads_clause_of(person, sp["meet"])
            or s.framed_by(person, attend)
            or s.heads_clause_of(person, attend)
            or s.after_existential(person, attend)
            or s.after(person, of)
            or s.after(person, sp["meet"])
            or s.after(person, sp["elect"])
            or s.framed_by(person, sp["elected"])
            or (before == "cho" and first_give < head.first)  # "trao quyết định ... cho ông A"
            or (before == "do" and s.framed_by(person, sp["leads"]))  # "do ông A làm Trưởng đoàn"
            or (opener and s.after_existential(person, sp["opener"]))  # "Đón tiếp đoàn có ông A"
            or (person is fronted and (s.opening(sp["behalf"]) or s.opening(attend)))
        ):
            add(person, "attendee")


def _lead_attendance(s: _Sentence, add: Add, lead: Lead, sentence_index: int) -> None:
    """The lead's subject takes part; at an announcement, so do the people decisions post."""
    if sentence_index == lead.sentence_index and lead.subject_from is not None:
        for person in s.lead_subjects(lead.subject_from):
            add(person, "attendee")
    if lead.announces_decisions:
        for person in s.people:
            if s.after(person, s.spans["appoint"]):
                add(person, "attendee")


def _speech(s: _Sentence, add: Add) -> None:
    """Speakers and presenters. In a sentence opening "Theo ông A, ..." what follows is A's
    account, so the acts of others it tells of ("Tổng Bí thư B đã chỉ đạo") are not at the meeting."""
    present, speech, reported = s.spans["present"], s.spans["speech"], s.spans["reported"]
    fronted = s.fronted_subject()
    account = s.opening(s.spans["according"])
    for person in s.people + s.by_title:
        if s.subject(person) and not account:
            for spans, role in ((present, "presenter"), (speech, "speaker"), (reported, "reported")):
                if s.framed_by(person, spans) or (person is fronted and s.opening(spans)):
                    add(person, role)
                    break
        if s.after(person, s.spans["according"]):
            add(person, "reported")  # "Theo ông A, ..."


def resolve_roles(evidence: dict[str, set[str]], has_papers: bool) -> dict[str, set[str]]:
    """Per person, the final set of roles from all evidence in the article.

    Reported speech is a paper at a conference with papers, else a speech. A chair is not also
    listed as an attendee (chairing says it). A speaker or presenter is at the meeting, except at a
    conference with papers, where papers are sent to it and read out from connection points, so
    only an explicit attendance cue says who sat in the hall.
    """
    final: dict[str, set[str]] = {}
    for name, roles in evidence.items():
        out = roles - {"reported"}
        if "reported" in roles and not out & {"speaker", "presenter"}:
            out.add("presenter" if has_papers else "speaker")
        if "chair" in out:
            out.discard("attendee")
        elif out & {"speaker", "presenter"} and not has_papers:
            out.add("attendee")
        final[name] = out or {"mentioned"}
    return final
