"""The extractor on the sample articles, judged by the human gold annotations in ../shared/eval.

These compare extract_article() directly with the gold (no warehouse), so a regression in
the grammar shows up here with the article and the item that changed.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import RAW, SHARED
from vnpolitics.extract.article import extract_article
from vnpolitics.extract.textnorm import expand_abbreviations, fold

GOLD = SHARED / "eval" / "gold"
pytestmark = pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/eval/gold is absent: no gold to compare")


def norm(text: str) -> str:
    return fold(expand_abbreviations(text))


def golds() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.gold.json"))]


@pytest.fixture(scope="module")
def extracted() -> dict[str, object]:
    return {g["file"]: extract_article((RAW / g["file"]).read_text(encoding="utf-8")) for g in golds()}


@pytest.mark.parametrize("gold", golds(), ids=lambda g: g["file"])
def test_every_gold_person_is_found_and_nothing_else(gold: dict, extracted) -> None:
    optional = {norm(n) for n in gold.get("optional_people", [])}
    found = {norm(p.full_name) for p in extracted[gold["file"]].people} - optional
    assert found == {norm(p["name"]) for p in gold["people"]}


@pytest.mark.parametrize("gold", golds(), ids=lambda g: g["file"])
def test_gold_posts_are_found(gold: dict, extracted) -> None:
    got = {(norm(t.full_name), norm(t.title)) for t in extracted[gold["file"]].titles}
    missed = [
        (p["name"], t)
        for p in gold["people"]
        for t in p["titles"]
        if not any(n == norm(p["name"]) and (s == norm(t) or s.startswith(norm(t) + " ")) for n, s in got)
    ]
    assert missed == []


@pytest.mark.parametrize("gold", golds(), ids=lambda g: g["file"])
def test_gold_roles_are_found(gold: dict, extracted) -> None:
    got = {(norm(r.full_name), r.role) for r in extracted[gold["file"]].roles}
    wanted = {(norm(p["name"]), r) for p in gold["people"] for r in p["roles"]}
    assert wanted - got == set()


def test_organisations_recall_over_the_samples(extracted) -> None:
    hits = total = 0
    for gold in golds():
        got = {norm(o.canonical_name) for o in extracted[gold["file"]].organizations}
        for entry in gold["organizations"]:
            names = entry if isinstance(entry, list) else [entry]
            total += 1
            hits += any(norm(n) in got for n in names)
    assert hits / total >= 0.9
