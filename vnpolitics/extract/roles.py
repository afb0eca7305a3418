"""Roles of people at the meeting an article reports: chair, attendee, speaker, presenter, mentioned.

Evidence is read per sentence from cue words (gazetteer-like tables below) and the
person who is the sentence's subject. Presenters read papers ("tham luận", "trình bày
báo cáo"); at a conference with papers, a delegate who only "cho biết"/"nêu" is a
presenter too, unless the article shows them giving a speech ("phát biểu", "kết luận").
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
NOT_CUES = not_cue_compounds()
NOT_SUBJECT_BEFORE = frozenset({"của", "với", "cho", "tới", "đến", "về", "và"})


@dataclass
class RoleEvidence:
    name: NameInSentence
    role: str  # chair | attendee | speaker | presenter | reported (speech without an explicit cue)
    sentence_index: int


def _cue_positions(parse: SentenceParse, cues) -> list[int]:
    """Token positions where a cue stands as its own word ("dự" but not "dự án", "theo dõi")."""
    keys = [t.key for t in parse.tokens]
    found = []
    for cue in cues:
        n = len(cue)
        for i in range(len(keys) - n + 1):
            if tuple(keys[i : i + n]) != cue:
                continue
            if n == 1 and (
                tuple(keys[i : i + 2]) in NOT_CUES or tuple(keys[max(0, i - 1) : i + 1]) in NOT_CUES
            ):
                continue
            found.append(i)
    return found


def _eligible(parse: SentenceParse, person: NameInSentence) -> bool:
    """Not the object of "của"/"với"/... (the person named after them is not the subject)."""
    first = min([person.item.start] + [t.start for t in person.titles])
    k = first - 1
    while k >= 0 and parse.tokens[k].key in ("đồng", "chí", "ông", "bà", "các"):
        k -= 1
    return k < 0 or parse.tokens[k].key not in NOT_SUBJECT_BEFORE


def sentence_evidence(parse: SentenceParse, sentence_index: int) -> list[RoleEvidence]:
    out: list[RoleEvidence] = []
    people = [p for p in parse.names]
    if not people:
        return out
    chair_at = _cue_positions(parse, CHAIR_CUES)
    chairs = [p for p in people if chair_at and p.item.start < max(chair_at) and _eligible(parse, p)]
    out += [RoleEvidence(p, "chair", sentence_index) for p in chairs]
    if _cue_positions(parse, ATTEND_CUES):
        out += [RoleEvidence(p, "attendee", sentence_index) for p in people if p not in chairs]
    subject = next((p for p in people if _eligible(parse, p)), None)
    if subject is None:
        return out
    if _framing(parse, subject, PRESENT_CUES):
        out.append(RoleEvidence(subject, "presenter", sentence_index))
    elif _framing(parse, subject, EXPLICIT_SPEECH_CUES):
        out.append(RoleEvidence(subject, "speaker", sentence_index))
    elif any(i >= subject.item.start or i < 2 for i in _cue_positions(parse, REPORTED_SPEECH_CUES)):
        out.append(RoleEvidence(subject, "reported", sentence_index))
    return out


def _framing(parse: SentenceParse, subject: NameInSentence, cues) -> bool:
    """A cue frames the subject's act when it opens the sentence ("Phát biểu chỉ đạo tại ..., A")
    or follows the name ("A phát biểu ..."); elsewhere it is a noun ("tư tưởng chỉ đạo")."""
    end = subject.item.end
    return any(i < 3 or end <= i <= end + 3 for i in _cue_positions(parse, cues))


def resolve_roles(evidence: dict[str, set[str]], has_papers: bool) -> dict[str, set[str]]:
    """Per person, the final set of roles from all evidence in the article."""
    final: dict[str, set[str]] = {}
    for name, roles in evidence.items():
        out = roles - {"reported"}
        if "reported" in roles and not out & {"speaker", "presenter"}:
            out.add("presenter" if has_papers else "speaker")
        final[name] = out or {"mentioned"}
    return final
