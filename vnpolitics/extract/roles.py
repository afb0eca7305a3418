"""Roles of people at the meeting an article reports: chair, attendee, speaker, presenter, mentioned.

Evidence is read per sentence from cue words (``gazetteers/role_cues.tsv``) placed by the
grammar of Vietnamese news prose, not from anywhere in the sentence:

- a verb frames the person it follows, across the person's appositive posts and a few
  adverbs: "Đồng chí A, Ủy viên ..., Trưởng Ban ... phát biểu", "A (phải) chúc mừng";
- an adverbial that opens the sentence frames the subject after its comma: "Phát biểu tại hội
  nghị, đồng chí A ...", "Thay mặt lãnh đạo tỉnh, A ...";
- a verb that takes a person as object places that person at the event: "tiếp Đại sứ A",
  "hội đàm với Ngoại trưởng A", "bầu ông A", "trao quyết định cho ông A", "dưới sự chủ trì của
  A" (chair), "do ông A làm Trưởng đoàn";
- people listed together ("A, ...; B, ... và C, ...", "gồm các đồng chí: A; B") share what
  frames the list;
- the lead sentence (the one carrying the event's date or kind) makes its grammatical subject
  attend: "Sáng 15-3, các đồng chí: A, ...; B, ... đã làm việc với ...".

Presenters read papers ("tham luận", "trình bày báo cáo", "thông tin chuyên đề"); at a
conference with papers, a delegate who only "cho biết"/"nêu" is a presenter too. A person named
after "của", "đối với", "thay" ... is not the subject and gets nothing from the sentence's verb,
so office holders who signed a cited decision or are the subject of a notice stay "mentioned".
"""

from __future__ import annotations

from dataclasses import dataclass

from vnpolitics.extract.gazetteer import not_cue_compounds, role_cues
from vnpolitics.extract.people import NameInSentence, SentenceParse

CHAIR_CUES = role_cues("chair")
ATTEND_CUES = role_cues("attend")
EXPLICIT_SPEECH_CUES = role_cues("speech")
REPORTED_SPEECH_CUES = role_cues("reported")
PRESENT_CUES = role_cues("present")
ELECTED_CUES = role_cues("elected")  # "A được bầu ...": elected at the meeting, so present
ELECT_OBJECT_CUES = role_cues("elect")  # "bầu ông A làm ..."
MEET_CUES = role_cues("meet")  # "A tiếp B", "A hội đàm với B": both are at the event
GIVE_CUES = role_cues("give")  # "A trao quyết định cho B"
LEAD_DELEGATION_CUES = role_cues("leads")  # "do ông A làm Trưởng đoàn"
OPENER_CUES = role_cues("opener")  # "Đón tiếp đoàn có ông A": who the opening verb's "có" names
ON_BEHALF_CUES = role_cues("behalf")  # "Thay mặt ..., A phát biểu"
NOT_CUES = not_cue_compounds()


def _words(text: str) -> frozenset[str]:
    """Closed classes of function words, written as one line of space-separated syllables."""
    return frozenset(text.split())


# Words before a name that make it an object or a possessor, not the subject of the verb.
NOT_SUBJECT_BEFORE = _words("của với cho tới đến về thay thế bầu giao")
# Forms of address and quantifiers printed before a name or a list ("các đồng chí", "ông").
ADDRESS = _words("các đồng chí ông bà anh chị đ / c ngài tân")
# Between a person (with posts) and the verb that frames them: adverbs and parenthetical marks.
ADVERBS = _words("đã cũng còn sẽ đều vẫn lại thì đồng thời tiếp tục vừa trực có buổi cuộc đến tới")
GAP_MARKS = frozenset({",", "-", "–", "—", ")"})
APPOSITIVE_MARKS = frozenset({",", "-", "–", "—"})
LIST_MARKS = frozenset({",", ";", "và", "cùng", ":"})
CLAUSE_ENDS = frozenset({";", ".", ":", "?", "!", "\u201c", '"'})
# A subject noun phrase may hold these lower-case words besides posts, bodies and names:
# "đoàn công tác của Bộ Công an do Thượng tướng A ...", "Đoàn ĐBQH tỉnh gồm các đồng chí: ...".
SUBJECT_WORDS = ADDRESS | _words("gồm do cùng và đoàn công tác đại biểu của lãnh đạo số")
MAX_APPOSITIVE = 24  # tokens of posts between a name and its verb
MAX_PLAIN_WORDS = 6  # lower-case words outside posts and bodies there
REPRESENTING = frozenset({("thay", "mặt"), ("đại", "diện")})
MAX_REPRESENTING = 8  # "đại diện hai đoàn đại biểu" between the posts and the verb


@dataclass
class RoleEvidence:
    name: NameInSentence
    role: str  # chair | attendee | speaker | presenter | reported (speech without an explicit cue)
    sentence_index: int


@dataclass
class _Person:
    """A name in the sentence with the stretch its posts occupy."""

    found: NameInSentence
    first: int  # first token, posts and "đồng chí"/"ông" before the name included
    last: int  # end of the name and its appositive posts
    group: int = 0  # people listed together share a group number


class _Sentence:
    """One parsed sentence with what the role rules ask of it: cue positions and people."""

    def __init__(self, parse: SentenceParse) -> None:
        self.parse = parse
        self.keys = [t.key for t in parse.tokens]
        self.in_item = [-1] * len(self.keys)  # for tokens inside a post or a body, which one
        for n, it in enumerate(parse.items):
            if it.kind in ("T", "O"):
                for k in range(it.start, it.end):
                    self.in_item[k] = n
        self.people = [self._person(p) for p in parse.names if _is_person(p)]
        self.people.sort(key=lambda p: p.found.item.start)
        self.starts = {p.first for p in self.people}
        self._group()

    def cues(self, cues) -> list[tuple[int, int]]:
        """(start, end) of each cue standing as its own word ("dự" but not "dự án", "danh dự"),
        not inside a post or a body ("Ban Chỉ đạo" is no "chỉ đạo"). A cue that starts inside a
        body and runs past its end was swallowed by it ("Bộ Ngoại giao thông tin| chuyên đề")."""
        keys, found = self.keys, []
        for cue in cues:
            n = len(cue)
            for i in range(len(keys) - n + 1):
                if tuple(keys[i : i + n]) != cue or self.in_item[i] == self.in_item[i + n - 1] >= 0:
                    continue
                if tuple(keys[i : i + n + 1]) in NOT_CUES or (i and tuple(keys[i - 1 : i + n]) in NOT_CUES):
                    continue
                if any(s <= i < e for s, e in found):
                    continue  # inside a longer cue already found
                found.append((i, i + n))
        return found

    def _person(self, found: NameInSentence) -> _Person:
        first = min([found.item.start] + [t.start for t in found.titles])
        while first > 0 and self.keys[first - 1] in ADDRESS:
            first -= 1
        return _Person(found, first, max([found.item.end] + [t.end for t in found.titles]))

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
        return not rest or self._appositive(prev, rest)

    def members(self, person: _Person) -> list[_Person]:
        return [p for p in self.people if p.group == person.group]

    def subject(self, person: _Person) -> bool:
        """Not the object of "của"/"với"/"thay" ..., nor listed after such an object."""
        head = self.members(person)[0]
        return head.first == 0 or self.keys[head.first - 1] not in NOT_SUBJECT_BEFORE

    def framed_by(self, person: _Person, spans: list[tuple[int, int]]) -> bool:
        """A verb cue right after the person (or their list): a few adverbs between ("A đã phát
        biểu"), or the appositive posts printed after the name ("A, Ủy viên ..., Trưởng Ban ...
        phát biểu"; "A - Vụ trưởng Vụ ... - Bộ ... thông tin chuyên đề"), which may hold a few
        lower-case words the parser left outside posts, and end in "thay mặt ..."/"đại diện ..."."""
        last = self.members(person)[-1]
        for i, _ in spans:
            if i < last.last:
                continue
            gap = self._without_parentheses(last.last, i)
            if all(self.keys[k] in ADVERBS or self.keys[k] in GAP_MARKS for k in gap) and len(gap) <= 4:
                return True
            if self._appositive(last, gap):
                return True
        return False

    def _appositive(self, person: _Person, gap: list[int]) -> bool:
        """Whether the tokens ``gap`` after a person read as their posts: they open with a comma or
        a dash, or go on with a post printed after the name; no clause ends, nobody else is named,
        few lower-case words outside posts (a representing phrase at the end is not counted)."""
        if not gap or len(gap) > MAX_APPOSITIVE:
            return False
        posts_after = any(t.start >= person.found.item.end for t in person.found.titles)
        opens = self.keys[gap[0]] in APPOSITIVE_MARKS or (posts_after and self.parse.tokens[gap[0]].is_cap)
        if not opens or any(self.keys[k] in CLAUSE_ENDS or k in self.starts for k in gap):
            return False
        keys = [self.keys[k] for k in gap]
        cut = next((j for j in range(len(keys) - 1) if tuple(keys[j : j + 2]) in REPRESENTING), len(keys))
        return (
            len(keys) - cut <= MAX_REPRESENTING
            and sum(1 for k in gap[:cut] if self._plain(k)) <= MAX_PLAIN_WORDS
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
        key = t.key
        return not (self.in_item[k] >= 0 or t.is_cap or t.kind != "word" or key in ADVERBS)

    def after(self, person: _Person, spans: list[tuple[int, int]]) -> bool:
        """The person (or the list they are in) is the object right after a cue: "tiếp A"."""
        head = self.members(person)[0]
        return any(e == head.first for _, e in spans)

    def opening(self, spans: list[tuple[int, int]]) -> bool:
        """A cue opens the sentence ("Phát biểu tại hội nghị, ...", "Thay mặt ...")."""
        return any(i <= 1 for i, _ in spans)

    def after_opening_comma(self) -> _Person | None:
        """The subject after an opening adverbial: the first person printed right after a comma,
        with nobody named before it."""
        if not self.people:
            return None
        head = self.people[0]
        return head if head.first > 0 and self.keys[head.first - 1] == "," else None

    def lead_subjects(self, lead_from: int) -> list[_Person]:
        """People in the subject of a lead sentence: after the opening adverbials ("Sáng 15-3,",
        "tại Hà Nội,"), with only posts, bodies, names and the words a delegation is described
        with before them ("đoàn công tác của ... do ...", "gồm các đồng chí:"); the list they head
        runs to the first other word, the predicate ("đã làm việc với ...")."""
        failed = set()
        for person in self.people:
            if person.group in failed or self.parse.tokens[person.first].start < lead_from:
                continue  # a list's later members are not the subject when its first is not
            start = person.first
            while start > 0 and self.keys[start - 1] != ",":
                start -= 1
            if all(self._in_subject(k) for k in range(start, person.first)):
                return self._subject_list(person)
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


def sentence_evidence(
    parse: SentenceParse, sentence_index: int, lead_from: int | None = None
) -> list[RoleEvidence]:
    """Role evidence from one sentence. ``lead_from`` is given for the lead sentence, the one that
    carries the event's date: the character offset after that date, where its subject may start
    ("Sáng 15-3, các đồng chí ... đã làm việc"). A subject before the date ("A nhấn mạnh ... trong
    ngày làm việc đầu tiên của năm") is no lead's subject."""
    s = _Sentence(parse)
    if not s.people:
        return []
    out: dict[int, set[str]] = {}

    def add(person: _Person, role: str) -> None:
        for member in s.members(person):
            out.setdefault(id(member), set()).add(role)

    _chairs(s, add)
    _attendance(s, add, lead_from)
    _speech(s, add)
    by_id = {id(p): p for p in s.people}
    return [
        RoleEvidence(by_id[key].found, role, sentence_index)
        for key, roles in out.items()
        for role in sorted(roles)
    ]


def _chairs(s: _Sentence, add) -> None:
    """ "A chủ trì", "A và B đồng chủ trì", "dưới sự chủ trì của A", "do ... chủ trì, gồm các
    đồng chí: A; B". Someone named before the cue but after an attendance cue ("Dự có ông A;
    đồng chí B chủ trì") is an attendee unless the cue frames them."""
    spans = s.cues(CHAIR_CUES)
    if not spans:
        return
    last = max(i for i, _ in spans)
    attend_at = min((i for i, _ in s.cues(ATTEND_CUES)), default=len(s.keys))
    for person in s.people:
        framed = s.framed_by(person, spans) or attend_at > person.first and person.first < last
        after_cue = [s.keys[e : person.first] for _, e in spans if 0 < person.first - e <= 6]
        if (
            (s.subject(person) and framed)
            or s.after(person, [(e, e + 1) for _, e in spans if s.keys[e : e + 1] == ["của"]])
            or any("gồm" in between for between in after_cue)
        ):
            add(person, "chair")


def _attendance(s: _Sentence, add, lead_from: int | None) -> None:
    if s.cues(ATTEND_CUES):
        for person in s.people:
            add(person, "attendee")
    if lead_from is not None:
        for person in s.lead_subjects(lead_from):
            add(person, "attendee")
    meet, give, elect = s.cues(MEET_CUES), s.cues(GIVE_CUES), s.cues(ELECT_OBJECT_CUES)
    elected, leads = s.cues(ELECTED_CUES), s.cues(LEAD_DELEGATION_CUES)
    opener = s.opening(s.cues(OPENER_CUES))
    has_co = [i for i, k in enumerate(s.keys) if k == "có"]
    first_give = min((i for i, _ in give), default=len(s.keys))
    for person in s.people:
        head = s.members(person)[0]
        before = s.keys[head.first - 1] if head.first else ""
        if (
            (s.subject(person) and (s.framed_by(person, meet) or s.framed_by(person, give)))
            or s.after(person, meet)
            or s.after(person, elect)
            or s.framed_by(person, elected)
            or (before == "cho" and first_give < head.first)  # "trao quyết định ... cho ông A"
            or (before == "do" and s.framed_by(person, leads))  # "Đoàn ... do ông A làm Trưởng đoàn"
            or (opener and any(i < head.first for i in has_co))  # "Đón tiếp đoàn có đồng chí A"
        ):
            add(person, "attendee")
    subject = s.after_opening_comma()
    if subject is not None and s.opening(s.cues(ON_BEHALF_CUES)):
        add(subject, "attendee")


def _speech(s: _Sentence, add) -> None:
    present, speech = s.cues(PRESENT_CUES), s.cues(EXPLICIT_SPEECH_CUES)
    reported = [sp for sp in s.cues(REPORTED_SPEECH_CUES) if s.keys[sp[0]] != "theo"]
    according = [sp for sp in s.cues(REPORTED_SPEECH_CUES) if s.keys[sp[0]] == "theo"]
    opening = s.after_opening_comma()
    for person in s.people:
        if not s.subject(person):
            if s.after(person, according):
                add(person, "reported")  # "Theo ông A, ..."
            continue
        fronted = person is opening
        for spans, role in ((present, "presenter"), (speech, "speaker"), (reported, "reported")):
            if s.framed_by(person, spans) or (fronted and s.opening(spans)):
                add(person, role)
                break
        else:
            if s.after(person, according):
                add(person, "reported")


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
