"""Where a body sits: its kind, its level (central, province, district, commune, enterprise,
army) and its place, read from its canonical name alone.

The name alone is enough because Vietnamese body names print their level: "Ban Tổ chức
Huyện ủy Mỹ Đức" is district-level, "Văn phòng Ủy ban nhân dân thành phố Hà Nội" province-level,
"Ban Tổ chức Trung ương" central. Reading from the name (not from a sentence) also serves bodies
no sentence printed, such as the parents derived by rule. The rules are data: levels.tsv.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from vnpolitics.extract.gazetteer import BodyKind, LevelRule, body_kinds, level_rules, phrase_key, provinces
from vnpolitics.extract.textnorm import fold

_WORD_RE = re.compile(r"\w+|[^\w\s]")
MAX_KIND_WORDS = 12
LOCAL_LEVELS = frozenset({"province", "district", "commune"})  # the levels that have a place


@dataclass(frozen=True)
class _Word:
    text: str
    key: str
    start: int  # offsets in the name
    end: int

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


def _words(name: str) -> list[_Word]:
    return [_Word(m.group(), fold(m.group()), m.start(), m.end()) for m in _WORD_RE.finditer(name)]


def kind_of_name(name: str) -> BodyKind | None:
    """The kind whose phrase opens ``name`` (longest first), as body_kinds.tsv lists it."""
    keys = phrase_key(name)
    kinds = body_kinds()
    for n in range(min(len(keys), MAX_KIND_WORDS), 0, -1):
        kind = kinds.get(keys[:n])
        if kind:
            return kind
    return None


def province_type(place: str | None) -> str | None:
    """ "city" for a city directly under the centre, "province" for a province, else None."""
    found = provinces().get(phrase_key(place)) if place else None
    return found.type if found else None


@dataclass(frozen=True)
class Placement:
    kind: str | None
    level: str | None
    place: str | None  # only for local levels (province, district, commune)


@lru_cache(maxsize=8192)
def placement(name: str, kind: str | None = None) -> Placement:
    """Kind, level and place of the body ``name``; ``kind`` when the parser already knows it.
    Cached: the same bodies recur from article to article."""
    words = _words(name)
    keys = tuple(w.key for w in words)
    body_kind = kind_of_name(name)
    kind = kind or (body_kind.kind if body_kind else None)
    kind_len = len(body_kind.words) if body_kind else 0
    rules = level_rules()
    level = _first_step(rules, kind, keys)
    place = None
    if level is None:
        level, place = _markers(rules, name, words, kind_len)
    if level is None:
        level = _last_step(rules, name, words, kind, body_kind)
    if level not in LOCAL_LEVELS:
        return Placement(kind, level, None)
    return Placement(kind, level, place or _any_place(rules, name, words, kind_len))


def _contains(keys: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(keys[i : i + n] == phrase for i in range(len(keys) - n + 1))


def _first_step(rules: tuple[LevelRule, ...], kind: str | None, keys: tuple[str, ...]) -> str | None:
    for rule in rules:
        if (rule.test == "kind" and kind == rule.phrase) or (
            rule.test == "word" and _contains(keys, rule.words)
        ):
            return rule.level
    return None


def _last_step(
    rules: tuple[LevelRule, ...], name: str, words: list[_Word], kind: str | None, body_kind: BodyKind | None
) -> str | None:
    keys = tuple(w.key for w in words)
    kind_len = len(body_kind.words) if body_kind else 0
    for rule in rules:
        n = len(rule.words)
        if (
            (
                rule.test == "place_end"
                and kind not in rule.phrase.split(",")
                and _ending_province(name, words, kind_len) is not None
            )
            or (rule.test == "start" and keys[:n] == rule.words)
            or (rule.test == "unique" and body_kind is not None and body_kind.unique)
            or (rule.test == "end" and n <= len(keys) and keys[len(keys) - n :] == rule.words)
        ):
            return rule.level
    return None


@cache
def level_marker_phrases() -> frozenset[tuple[str, ...]]:
    """Folded markers and units of levels.tsv ("thành phố", "Huyện ủy"): a place name follows them."""
    return frozenset(r.words for r in level_rules() if r.test in ("marker", "unit"))


@cache
def _markers_by_first_word() -> dict[str, tuple[LevelRule, ...]]:
    out: dict[str, list[LevelRule]] = {}
    for rule in level_rules():
        if rule.test in ("marker", "unit"):
            out.setdefault(rule.words[0], []).append(rule)
    return {first: tuple(rules) for first, rules in out.items()}


def _marker_at(rules: tuple[LevelRule, ...], words: list[_Word], i: int, kind_len: int) -> LevelRule | None:
    """The marker or unit (longest) that reads at word i, if it counts there."""
    best = None
    for rule in _markers_by_first_word().get(words[i].key, ()):
        n = len(rule.words)
        if tuple(w.key for w in words[i : i + n]) != rule.words or _in_compound(rules, words, i):
            continue
        if rule.test == "unit":
            if i < kind_len:
                continue  # inside the kind phrase: "Thông tấn xã"
            after = words[i + n] if i + n < len(words) else None
            if after is None and rule.level == "city":
                continue
            if after is not None and not after.is_cap:
                continue  # "xã hội", "quận ủy viên"
        if best is None or n > len(best.words):
            best = rule
    return best


def _in_compound(rules: tuple[LevelRule, ...], words: list[_Word], i: int) -> bool:
    """Whether word i is part of a compound listed in levels.tsv ("Hợp tác xã")."""
    for rule in rules:
        if rule.test != "compound":
            continue
        for offset, key in enumerate(rule.words):
            start = i - offset
            if (
                key == words[i].key
                and start >= 0
                and tuple(w.key for w in words[start : start + len(rule.words)]) == rule.words
            ):
                return True
    return False


def _place_after(rules: tuple[LevelRule, ...], name: str, words: list[_Word], j: int) -> str | None:
    """The capitalised words from word j ("Hà Nội"), past a unit that opens them ("Thành phố Hồ Chí Minh")."""
    for rule in rules:
        n = len(rule.words)
        if rule.test == "unit" and tuple(w.key for w in words[j : j + n]) == rule.words:
            if j + n < len(words) and words[j + n].is_cap:
                j += n
            break
    end = j
    while end < len(words) and (
        words[end].is_cap
        or (words[end].text == "-" and end + 1 < len(words) and words[end + 1].is_cap and end > j)
    ):
        end += 1
    province = _province_prefix(words, j, end)
    end = province or end
    return name[words[j].start : words[end - 1].end] if end > j else None


def _province_prefix(words: list[_Word], j: int, end: int) -> int | None:
    """End of the longest province of provinces.tsv that opens words j..end, if one does."""
    known = provinces()
    for k in range(end, j, -1):
        if tuple(w.key for w in words[j:k]) in known:
            return k
    return None


def _markers(
    rules: tuple[LevelRule, ...], name: str, words: list[_Word], kind_len: int
) -> tuple[str | None, str | None]:
    """The first marker reading left to right that decides a level, and the place after it."""
    i = 0
    while i < len(words):
        rule = _marker_at(rules, words, i, kind_len)
        if rule is None:
            i += 1
            continue
        place = _place_after(rules, name, words, i + len(rule.words))
        level = rule.level
        if level == "city":
            level = None if place is None else "province" if province_type(place) == "city" else "district"
        if level is not None:
            return level, place
        i += len(rule.words)
    return None, None


def _any_place(rules: tuple[LevelRule, ...], name: str, words: list[_Word], kind_len: int) -> str | None:
    """A place for a local body whose level came without one ("Sở Nội vụ tỉnh Nghệ An", "Sở Nội vụ
    Hà Nội"): after any marker, else a province that ends the name."""
    for i in range(len(words)):
        rule = _marker_at(rules, words, i, kind_len)
        place = rule and _place_after(rules, name, words, i + len(rule.words))
        if place:
            return place
    return _ending_province(name, words, kind_len)


def _ending_province(name: str, words: list[_Word], kind_len: int) -> str | None:
    """A province or city of provinces.tsv that ends the name after its kind ("Sở Nội vụ Hà Nội")."""
    for i in range(max(kind_len, 1), len(words)):
        if words[i].is_cap and province_type(name[words[i].start :]):
            return name[words[i].start :]
    return None
