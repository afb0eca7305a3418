"""Gazetteers read once from ``gazetteers/``: data, not code, so a new title head,
body kind or surname is a one-line change in one file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from vnpolitics.extract.regex_prefix import compile_with_opening
from vnpolitics.extract.textnorm import fold

DATA_DIR = Path(__file__).parent / "gazetteers"


def _lines(name: str) -> list[str]:
    """Non-empty, non-comment lines of a gazetteer file."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


class PhraseSet:
    """Phrases of folded syllables, indexed by first syllable so matching at a token is cheap."""

    def __init__(self, phrases) -> None:
        self.phrases = frozenset(phrases)
        lengths: dict[str, set[int]] = {}
        for phrase in self.phrases:
            lengths.setdefault(phrase[0], set()).add(len(phrase))
        self._lengths = {first: sorted(ns, reverse=True) for first, ns in lengths.items()}
        # The syllables a phrase opens with: no phrase starts at a token whose key is none of them.
        self.first_words = frozenset(self._lengths)

    def __contains__(self, phrase: tuple[str, ...]) -> bool:
        return phrase in self.phrases

    def longest_at(self, tokens, k: int) -> int:
        """Length of the longest phrase starting at token k (anything with a folded ``key``), else 0."""
        if k >= len(tokens):
            return 0
        lengths = self._lengths.get(tokens[k].key)
        if not lengths:
            return 0  # nearly every call: one look-up
        for n in lengths:
            if n == 1 or (k + n <= len(tokens) and tuple([t.key for t in tokens[k : k + n]]) in self.phrases):
                return n
        return 0


@dataclass(frozen=True)
class TitleHead:
    words: tuple[str, ...]  # folded lower-case syllables
    needs_body: bool
    takes_field: bool = False  # "Bộ trưởng Ngoại giao": a field of government without "Bộ"
    display: str = ""  # the head as title_heads.txt spells it ("Bí thư" even when printed "bí thư")
    is_rank: bool = False  # a military or police rank: a title of its own, never with a body
    collegial: bool = False  # an office of a collegial body: may share the next post's body
    posted: bool = False  # held in a place abroad, part of the post: "Đại sứ Mỹ tại Việt Nam"


@dataclass(frozen=True)
class BodyKind:
    words: tuple[str, ...]  # folded lower-case syllables
    kind: str
    unique: bool  # names one body on its own ("Bộ Chính trị") rather than a kind of body ("Ban")
    placed: bool = True  # completed with the article's place when printed without one
    of_place: bool = False  # names the one body of the article's place even when left bare ("Tỉnh ủy")
    level: str | None = None  # the level of that place when the name prints none ("Sở X": province)
    named: bool = False  # a body only when its own name follows ("Đảng Lao động Triều Tiên")


def _key(phrase: str) -> tuple[str, ...]:
    """Folded syllables and punctuation, as the tokenizer cuts them ("Văn hóa, Thể thao")."""
    return tuple(re.findall(r"\w+|[^\w\s]", fold(phrase)))


def phrase_key(phrase: str) -> tuple[str, ...]:
    """The key gazetteer entries are stored under, for looking up a name read elsewhere."""
    return _key(phrase)


@cache
def surname_rank() -> dict[str, int]:
    """Folded surname -> rank (0 = most frequent); a two-syllable surname is keyed by its first."""
    ranks: dict[str, int] = {}
    for rank, line in enumerate(_lines("surnames.txt")):
        ranks.setdefault(fold(line.split("\t")[0].split()[0]), rank)
    return ranks


@cache
def shared_surnames() -> frozenset[str]:
    """Folded family names other naming traditions share ("Kim"), flagged "shared" in surnames.txt."""
    rows = (line.split("\t") for line in _lines("surnames.txt"))
    return frozenset(fold(row[0]) for row in rows if row[1:] == ["shared"])


@cache
def title_heads() -> dict[tuple[str, ...], TitleHead]:
    """Folded head -> head; the first line of a folded key gives its display spelling."""
    heads: dict[tuple[str, ...], TitleHead] = {}
    for line in _lines("title_heads.txt"):
        head, *flags = line.split("\t")
        display = head.rstrip("*+ ")
        words = _key(display)
        if words not in heads:
            heads[words] = TitleHead(
                words,
                head.endswith("*"),
                head.endswith("+"),
                display,
                "rank" in flags,
                "collegial" in flags,
                "posted" in flags,
            )
    return heads


def _prefix_rows() -> list[list[str]]:
    return [line.split("\t") for line in _lines("title_prefixes.txt")]


@cache
def title_prefixes() -> frozenset[str]:
    return frozenset(fold(row[0]) for row in _prefix_rows())


@cache
def former_prefixes() -> frozenset[str]:
    """Prefixes that mark a post no longer held ("nguyên", "cựu")."""
    return frozenset(fold(row[0]) for row in _prefix_rows() if row[1:] == ["former"])


@cache
def dropped_prefixes() -> frozenset[str]:
    """Prefixes read with a post but not printed in its title ("tân": newly elected to it)."""
    return frozenset(fold(row[0]) for row in _prefix_rows() if row[1:] == ["new"])


@dataclass(frozen=True)
class PostName:
    post: str  # "Phó Trưởng ban"
    title_head: str  # the head as it stands before the body in a canonical title: "Phó Trưởng"


@cache
def post_names() -> dict[tuple[tuple[str, ...], tuple[str, ...]], PostName]:
    """(folded head, folded first word of the body's kind) -> the post they make (post_names.tsv)."""
    names = {}
    for line in _lines("post_names.tsv"):
        head, body_word, post, title_head = line.split("\t")
        names[_key(head), _key(body_word)] = PostName(post, title_head)
    return names


@cache
def body_kinds() -> dict[tuple[str, ...], BodyKind]:
    kinds = {}
    for line in _lines("body_kinds.tsv"):
        phrase, kind, standalone = line.split("\t")
        words = _key(phrase)
        how, *level = standalone.split()
        kinds[words] = BodyKind(
            words,
            kind,
            how == "unique",
            how != "unplaced",
            how == "of_place",
            level[0] if level else None,
            named=how == "named",
        )
    return kinds


@cache
def title_head_phrases() -> PhraseSet:
    return PhraseSet(title_heads())


@cache
def body_kind_phrases() -> PhraseSet:
    return PhraseSet(body_kinds())


@cache
def places() -> PhraseSet:
    """places.txt, each also after the forms of a state ("Cộng hòa Liên bang Đức", "Vương quốc
    Campuchia"), which are printed before a country's name in full titles and decisions."""
    names = [_key(x.replace("-", " ")) for x in _lines("places.txt")]
    return PhraseSet(names + [form + name for form in STATE_FORMS for name in names])


STATE_FORMS = tuple(
    tuple(form.split())
    for form in (
        "cộng hòa",
        "cộng hòa liên bang",
        "cộng hòa nhân dân",
        "cộng hòa dân chủ nhân dân",
        "cộng hòa xã hội chủ nghĩa",
        "cộng hòa hồi giáo",
        "cộng hòa ả rập",
        "vương quốc",
        "liên bang",
        "nhà nước",
    )
)


@dataclass(frozen=True)
class Province:
    name: str  # as listed: "Hà Nội", "Nghệ An"
    type: str  # "city" (directly under the centre) | "province"
    always_typed: bool = False  # never printed bare in a body's name: "Thành ủy thành phố Hồ Chí Minh"
    merged_before_2025: bool = False  # gone before the 2025 reform (Hà Tây, 2008)


@cache
def provinces() -> dict[tuple[str, ...], Province]:
    """Folded name -> province or city directly under the centre (provinces.tsv)."""
    out = {}
    for line in _lines("provinces.tsv"):
        name, kind, *flags = line.split("\t")
        out[_key(name)] = Province(name, kind, "always_typed" in flags, "merged_before_2025" in flags)
    return out


@cache
def province_phrases() -> PhraseSet:
    return PhraseSet(provinces())


@cache
def place_typed_kinds() -> PhraseSet:
    """Kinds whose full name types the place after them ("Ủy ban nhân dân [thành phố] Hà Nội")."""
    return PhraseSet(_key(x) for x in _lines("place_typed_kinds.txt"))


@dataclass(frozen=True)
class LevelRule:
    test: str  # kind | word | marker | unit | start | unique | end (see levels.tsv)
    phrase: str
    words: tuple[str, ...]  # folded syllables of phrase
    level: str


@cache
def level_rules() -> tuple[LevelRule, ...]:
    rules = []
    for line in _lines("levels.tsv"):
        test, phrase, level = line.split("\t")
        rules.append(LevelRule(test, phrase, _key(phrase), level))
    return tuple(rules)


@dataclass(frozen=True)
class ParentRule:
    pattern: re.Pattern[str]
    kind: str | None  # None: any kind
    level: str | None  # None: any level
    parent: str | None  # None: the body has no parent; may hold {placeholders}


@cache
def parent_rules() -> tuple[ParentRule, ...]:
    rules = []
    for line in _lines("implied_parents.tsv"):
        pattern, kind, level, parent = line.split("\t")
        rules.append(
            ParentRule(
                re.compile(pattern),
                None if kind == "*" else kind,
                None if level == "*" else level,
                None if parent == "-" else parent,
            )
        )
    return tuple(rules)


@cache
def predicate_phrases() -> PhraseSet:
    return PhraseSet(_key(x) for x in _lines("predicate_verbs.txt"))


@cache
def post_verb_phrases() -> frozenset[tuple[str, ...]]:
    """Verbs that give the person before them the post after them (post_verbs.txt)."""
    return frozenset(_key(x.split("\t")[0]) for x in _lines("post_verbs.txt"))


@cache
def sentence_post_verb_phrases() -> frozenset[tuple[str, ...]]:
    """Post verbs whose subject may be the sentence's only person however far before (post_verbs.txt
    "sentence")."""
    rows = (x.split("\t") for x in _lines("post_verbs.txt"))
    return frozenset(_key(row[0]) for row in rows if row[1:] == ["sentence"])


@cache
def post_object_phrases() -> frozenset[tuple[str, ...]]:
    """Words that make a post the object of a decision about the person after "đối với" (post_objects.txt)."""
    return frozenset(_key(x) for x in _lines("post_objects.txt"))


@cache
def body_end_phrases() -> PhraseSet:
    """Lower-case words that end a body's name whatever pyvi glued them to (body_ends.txt)."""
    return PhraseSet(_key(x) for x in _lines("body_ends.txt"))


@cache
def lowercase_body_phrases() -> PhraseSet:
    return PhraseSet(_key(x) for x in _lines("lowercase_body_words.txt"))


@cache
def role_cues(role: str) -> tuple[tuple[str, ...], ...]:
    """Cue phrases of one role (see role_cues.tsv), longest first."""
    cues = [_key(phrase) for r, phrase in (line.split("\t") for line in _lines("role_cues.tsv")) if r == role]
    return tuple(sorted(cues, key=len, reverse=True))


@cache
def not_cue_compounds() -> frozenset[tuple[str, ...]]:
    """Compounds in which a one-syllable cue is not a cue ("dự án" is a project, not attendance)."""
    return frozenset(_key(x) for x in _lines("not_cue_compounds.txt"))


@cache
def abbreviations() -> tuple[tuple[re.Pattern[str], str], ...]:
    pairs = []
    for line in _lines("abbreviations.tsv"):
        pattern, expansion = line.split("\t")
        pairs.append((re.compile(pattern), expansion))
    return tuple(pairs)


@cache
def abbreviations_pattern() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """Every abbreviation in one alternation, in file order, and the expansions by group.

    One scan of a text instead of one per abbreviation: canonical text is made for every sentence.
    The leftmost match wins and, at one position, the earlier line, as the file's order says.
    Every abbreviation opens with a capital (abbreviations.tsv says so, a test holds it) and a
    capital or a mark after it, so a look-ahead for the two (regex_prefix) skips the lower-case
    positions and the capitalised words of names and places at once.
    """
    pairs = abbreviations()
    combined = "|".join(f"(?P<a{i}>{pattern.pattern})" for i, (pattern, _) in enumerate(pairs))
    return compile_with_opening(combined), tuple(full for _, full in pairs)


PERSONAL_CUE_KINDS = frozenset({"address", "kin", "court"})


def _person_cue_rows() -> list[tuple[str, str]]:
    return [tuple(line.split("\t")) for line in _lines("person_cues.txt")]


@cache
def person_cue_phrases() -> PhraseSet:
    """Words that announce a person's name (person_cues.txt)."""
    return PhraseSet(_key(phrase) for phrase, kind in _person_cue_rows() if kind != "not")


@cache
def not_person_cue_phrases() -> PhraseSet:
    """Compounds a cue opens without announcing anyone ("tên gọi", "đại sứ quán")."""
    return PhraseSet(_key(phrase) for phrase, kind in _person_cue_rows() if kind == "not")


@cache
def personal_cue_phrases() -> PhraseSet:
    """The cues that name a person whatever follows: forms of address, kinship, trial parties."""
    return PhraseSet(_key(phrase) for phrase, kind in _person_cue_rows() if kind in PERSONAL_CUE_KINDS)


@cache
def kin_cue_phrases() -> PhraseSet:
    """Kinship words ("vợ", "bố chồng"): "bố chồng A làm chủ tịch" says the post of A's kin."""
    return PhraseSet(_key(phrase) for phrase, kind in _person_cue_rows() if kind == "kin")


@cache
def address_cue_phrases() -> PhraseSet:
    """Forms of address ("ông", "bà", "đồng chí", "anh"): what may stand between a name and a post
    printed before it ("Bí thư Tỉnh ủy Hà Giang, ông A")."""
    return PhraseSet(_key(phrase) for phrase, kind in _person_cue_rows() if kind == "address")


@cache
def country_short_forms() -> frozenset[str]:
    """Folded one-syllable short forms of countries ("Nhật", "Hàn"): country_short_forms.txt."""
    return frozenset(fold(x) for x in _lines("country_short_forms.txt"))
