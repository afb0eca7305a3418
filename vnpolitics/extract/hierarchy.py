"""Which body each body belongs to, so the warehouse can roll a post or a mention up the tree
("Ban Tổ chức Thành ủy Hà Nội" -> "Thành ủy Hà Nội" -> "Ban Chấp hành Trung ương Đảng").

A parent is found, in this order:
(a) printed inside the name: the longest proper suffix of the body's tokens that is itself a
    specific body. This is read on the sentence's tokens, already segmented by pyvi, so no
    sentence is parsed twice;
(b) by rule, from implied_parents.tsv ("Bộ X" -> "Chính phủ", "Ban ... Trung ương" ->
    "Ban Chấp hành Trung ương Đảng");
(c) from the article (rows of implied_parents.tsv with {home_...}): a district's party committee
    (or people's committee) belongs to the one of the province or city the article is about
    (``places_context.places_by_level``), when the article fixes one.
Every parent gets a profile of its own, so each ``parent_name`` has its row too; a body whose
name prints no level takes its parent's.
"""

from __future__ import annotations

import dataclasses

from vnpolitics.extract.bodies import PLACE_TYPE_WORDS, BodySpan, canonical_body, commission_without_parent
from vnpolitics.extract.gazetteer import ParentRule, body_kinds, parent_rules
from vnpolitics.extract.levels import Placement, level_marker_phrases, placement, province_type
from vnpolitics.extract.names import preceded_by, starts_body_kind
from vnpolitics.extract.places_context import specific_name, typed_place
from vnpolitics.extract.records import OrganizationProfile
from vnpolitics.extract.tokens import Token

# The party committee of a province-level unit, by the unit's type in provinces.tsv.
COMMITTEE_OF_TYPE = {"city": "Thành ủy", "province": "Tỉnh ủy"}
# Company names run over descriptive words that may open another kind ("Công ty Cổ phần Tập đoàn
# X" is the group itself): no parent is read inside them.
NO_NESTED_PARENT_KINDS = frozenset({"enterprise"})


def nested_parent(tokens: list[Token], span: BodySpan, places: dict[str, str]) -> tuple[str, BodySpan] | None:
    """The longest proper suffix of ``span`` that names a specific body, with its span.

    The suffix starts after the body's own kind phrase ("Ban Chấp hành Trung ương Đảng" is one
    kind, not a committee of "Trung ương Đảng"), at a capitalised word that is not a place after
    a level marker ("Thành ủy Hội An" is no committee of a "Hội"); a kind that names one body on
    its own ("Quốc hội") counts only when it ends the name: "Đoàn đại biểu Quốc hội thành phố
    Hà Nội" is not part of a "Quốc hội thành phố Hà Nội". A body in brackets after the name is
    its parent: "Tổng cục X (Bộ Quốc phòng)".
    """
    if span.kind in NO_NESTED_PARENT_KINDS:
        return None
    own = starts_body_kind(tokens, span.start)
    markers = level_marker_phrases()
    for p in range(span.start + max(own, 1), span.end):
        if not tokens[p].is_cap or preceded_by(tokens, p, markers):
            continue
        end = _gloss_close(tokens, p, span.end)
        if end < span.end and tokens[p - 1].text != "(":
            continue  # inside a bracket not opened by this body: "Quốc hội (do Ban X tổng hợp)"
        n = starts_body_kind(tokens, p)
        if not n or p + n > end:
            continue
        kind = body_kinds()[tuple(t.key for t in tokens[p : p + n])]
        if kind.unique and p + n != end:
            continue
        bare = p + n == end or commission_without_parent(tokens, p, end)
        sub = BodySpan(p, end, kind.kind, kind.unique, bare, kind.placed, kind.of_place, kind.level)
        name = specific_name(canonical_body(tokens, sub), sub, places)
        if name:
            return name, sub
    return None


def _gloss_close(tokens: list[Token], p: int, end: int) -> int:
    """Index of the ")" that closes a bracket opened before token p (``end`` when none does)."""
    for k in range(p, end):
        if tokens[k].text == ")":
            return k
    return end


def home_of(places: dict[str, str]) -> dict[str, str]:
    """The province or city the article is about, as parents name it: {"home_committee":
    "Thành ủy Hà Nội", "home_typed": "thành phố Hà Nội"}; empty when the article fixes none, or
    fixes both a city under the centre and a province (then a district could be in either)."""
    city, province = places.get("city"), places.get("province")
    central = city if city and province_type(city) == "city" else None
    if central and province:
        return {}
    place, kind = (central, "city") if central else (province, "province")
    if not place:
        return {}
    return {
        "home_committee": f"{COMMITTEE_OF_TYPE[kind]} {typed_place(COMMITTEE_OF_TYPE[kind].lower(), place)}",
        "home_typed": f"{PLACE_TYPE_WORDS[kind]} {place}",
    }


def _applies(rule: ParentRule, name: str, where: Placement) -> bool:
    return (
        (rule.kind is None or rule.kind == where.kind)
        and (rule.level is None or rule.level == where.level)
        and rule.pattern.search(name) is not None
    )


def is_top(name: str, where: Placement) -> bool:
    """Whether implied_parents.tsv puts ``name`` at the top ("Quốc hội", "Chính phủ"): such a body
    has no parent, whatever an odd sentence seems to print inside or after its name."""
    first = next((rule for rule in parent_rules() if _applies(rule, name, where)), None)
    return first is not None and first.parent is None


def rule_parent(name: str, where: Placement, home: dict[str, str]) -> str | None:
    """The parent implied_parents.tsv gives ``name`` (rules b and c), or None."""
    values = dict(home)
    place_kind = province_type(where.place)
    if place_kind:
        values["place_typed"] = f"{PLACE_TYPE_WORDS[place_kind]} {where.place}"
    for rule in parent_rules():
        if not _applies(rule, name, where):
            continue
        if rule.parent is None:
            return None  # a body at the top
        try:
            parent = rule.parent.format_map(values)
        except KeyError:
            continue  # the article does not fix the place this rule needs
        if parent != name:
            return parent
    return None


class OrganizationTree:
    """The bodies one article names, each with its kind, level, place and parent."""

    def __init__(self, places: dict[str, str]) -> None:
        self._places = places
        self._home = home_of(places)
        self._seen: dict[str, tuple[str | None, str | None]] = {}  # name -> (kind, printed parent)

    def add(self, tokens: list[Token], span: BodySpan, name: str) -> None:
        """A body named in a sentence (``name``: its specific canonical name), and the bodies
        printed inside its name."""
        seen: set[str] = set()
        while name not in seen:
            seen.add(name)
            nested = nested_parent(tokens, span, self._places)
            parent = nested[0] if nested else None
            kind, known = self._seen.get(name, (span.kind, None))
            self._seen[name] = (kind, known or parent)
            if nested is None:
                return
            name, span = nested

    def profiles(self) -> list[OrganizationProfile]:
        """Every body added and every ancestor on its chain, first seen first; no cycles."""
        queue = list(self._seen)
        queued = set(queue)
        out: dict[str, OrganizationProfile] = {}
        for name in queue:  # grows as parents are found
            kind, printed = self._seen.get(name, (None, None))
            where = placement(name, kind)
            parent = None if is_top(name, where) else printed or rule_parent(name, where, self._home)
            if parent == name:
                parent = None
            out[name] = OrganizationProfile(name, where.kind, where.level, where.place, parent)
            if parent and parent not in queued:
                queued.add(parent)
                queue.append(parent)
        _cut_cycles(out)
        _inherit_levels(out)
        return list(out.values())


def _cut_cycles(profiles: dict[str, OrganizationProfile]) -> None:
    """Follow each chain up; a parent already on it closes a loop, and that link is dropped."""
    for name in profiles:
        chain, current = {name}, name
        while (parent := profiles[current].parent_name) is not None:
            if parent in chain:
                profiles[current] = dataclasses.replace(profiles[current], parent_name=None)
                break
            chain.add(parent)
            current = parent


def _inherit_levels(profiles: dict[str, OrganizationProfile]) -> None:
    """A body whose name prints no level sits at its parent's: "Thường trực Ban Bí thư" is central,
    "Đảng ủy Sở Xây dựng" province-level (and in the parent's place)."""
    for name, profile in profiles.items():
        if profile.level is not None:
            continue
        current, seen = profile, {name}
        while current.level is None and current.parent_name and current.parent_name not in seen:
            seen.add(current.parent_name)
            current = profiles[current.parent_name]
        if current.level is not None:
            profiles[name] = dataclasses.replace(profile, level=current.level, place=current.place)
