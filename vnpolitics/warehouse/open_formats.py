"""The warehouse in the open formats of the field: FollowTheMoney entities and Popolo JSON.

Written beside the Parquet export on every publish (``export/ftm.jsonl``, ``export/popolo.json``),
so the people, bodies, posts, tenures and meetings can be read by the tools that already read
OpenSanctions (FollowTheMoney: ``ftm``, ``nomenklatura``, Aleph) or parliamentary-monitoring
data (Popolo: EveryPolitician's tools, Pombola):

- FollowTheMoney: ``Person``; ``Organization`` for each body, with ``parent`` and
  ``classification`` (its kind); ``Position`` for each post in a body; ``Occupancy`` for each
  tenure (``holder``, ``post``, ``startDate``, ``endDate``, ``status`` current / ended / unknown,
  as OpenSanctions writes them); ``Event`` for each meeting (``involved``: its participants,
  ``organizer``); and ``Article`` for each article. Every other entity names its articles in
  ``proof`` (FollowTheMoney's provenance, pointing at those ``Article`` entities, whose
  ``notes`` and id give the article key) and carries their ``publisher`` (outlet) and ``sourceUrl``.
- Popolo: ``persons``, ``organizations`` (``classification``, ``parent_id``), ``posts``,
  ``memberships`` (``start_date``, ``end_date`` when known) and ``events`` with ``attendees``;
  each record's ``sources`` name its articles (``url`` when known, and a ``note`` with the
  article key and outlet).

A tenure's dates are only as sure as their basis, and the two formats have no field for it, so
each membership carries it in fields of its own (Popolo lets a record have more:
``start_date_basis``, ``end_date_basis``, ``end_reason``, ``status``, ``successor_id``) and in
words (``note``; an Occupancy's ``description``): a date an event states, or the first / last
day an article stated the post. A reader of end dates needs that most: "ended, last seen held on
this day, a successor seen in the seat after it" is what the articles know, not the day of the
hand-over.

The entity ids are the warehouse's keys with a prefix ("vnp-person-<person_key>"), so they are
stable across runs, as the keys are. Both files are written under a temporary name and renamed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

FTM_FILE = "ftm.jsonl"
POPOLO_FILE = "popolo.json"
ID_PREFIX = "vnp"

# Each query yields one row per exported record with ``articles``: a list of (key, outlet, url)
# structs, its provenance.
_ARTICLE_STRUCT = "{'key': a.article_key, 'outlet': a.source_outlet, 'url': coalesce(a.url, a.canonical_url)}"
QUERIES = {
    "articles": """
        select article_key, title, published_at, source_outlet, coalesce(url, canonical_url) as url
        from dim_articles order by article_key""",
    "people": f"""
        select p.person_key, p.full_name, p.spelling_variants,
            list_sort(list(distinct {_ARTICLE_STRUCT})) as articles
        from dim_people p
        join fct_mentions m on m.person_key = p.person_key
        join dim_articles a on a.article_key = m.article_key
        group by all order by p.person_key""",
    "organizations": f"""
        select o.organization_key, o.canonical_name, o.organization_kind, o.organization_level,
            o.parent_organization_key,
            list_sort(list(distinct {_ARTICLE_STRUCT}) filter (where a.article_key is not null)) as articles
        from dim_organizations o
        left join fct_mentions m on m.organization_key = o.organization_key
        left join dim_articles a on a.article_key = m.article_key
        group by all order by o.organization_key""",
    "positions": f"""
        select pp.position_key, pp.person_key, pp.title, pp.post, pp.organization_key,
            pp.start_date, pp.start_basis, pp.end_date, pp.end_basis, pp.end_reason, pp.status,
            pp.successor_position_key, successor.start_date as successor_start_date,
            list_sort(list(distinct {_ARTICLE_STRUCT}) filter (where a.article_key is not null)) as articles
        from dim_person_positions pp
        left join dim_person_positions successor on successor.position_key = pp.successor_position_key
        left join unnest(string_split(pp.article_keys, '; ')) as s(article_key) on true
        left join dim_articles a on a.article_key = s.article_key
        group by all order by pp.position_key""",
    "meetings": f"""
        select mt.meeting_key, mt.meeting_kind, mt.meeting_date,
            list(distinct mp.person_key order by mp.person_key)
                filter (where mp.role <> 'mentioned') as attendees,
            (select list(distinct bo.organization_key order by bo.organization_key)
                from bridge_meeting_organizers bo where bo.meeting_key = mt.meeting_key) as organizers,
            list_sort(list(distinct {_ARTICLE_STRUCT})) as articles
        from fct_meetings mt
        join bridge_meeting_articles b on b.meeting_key = mt.meeting_key
        join dim_articles a on a.article_key = b.article_key
        left join fct_meeting_participants mp on mp.meeting_key = mt.meeting_key
        group by all order by mt.meeting_key""",
}


@dataclass(frozen=True)
class WrittenFile:
    path: Path
    records: int


def export_open_formats(warehouse: Path, folder: Path) -> list[WrittenFile]:
    """Write ``ftm.jsonl`` and ``popolo.json`` of the published ``warehouse`` into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = {name: _records(con, sql) for name, sql in QUERIES.items()}
    entities = list(ftm_entities(rows))
    ftm = _write(folder / FTM_FILE, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entities))
    popolo = popolo_document(rows)
    text = json.dumps(popolo, ensure_ascii=False, indent=1) + "\n"
    written = _write(folder / POPOLO_FILE, text)
    return [WrittenFile(ftm, len(entities)), WrittenFile(written, sum(len(v) for v in popolo.values()))]


def _records(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    relation = con.sql(sql)
    return [dict(zip(relation.columns, row, strict=True)) for row in relation.fetchall()]


def _write(path: Path, text: str) -> Path:
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)
    return path


def _variants(person: dict[str, Any]) -> list[str]:
    """dim_people.spelling_variants: a list, or (where marts hold no lists) text joined by '; '."""
    variants = person["spelling_variants"] or []
    return [v for v in variants.split("; ") if v] if isinstance(variants, str) else list(variants)


def _id(kind: str, key: str) -> str:
    return f"{ID_PREFIX}-{kind}-{key}"


def _day(value: Any) -> str | None:
    return value.isoformat()[:10] if value is not None else None


# --------------------------------------------------------------------------- FollowTheMoney


def _entity(schema: str, entity_id: str, properties: dict[str, Iterable[Any]]) -> dict[str, Any]:
    """An entity in FollowTheMoney's JSON form: every value a string, empty properties left out."""
    props = {}
    for name, values in properties.items():
        kept = list(dict.fromkeys(str(v) for v in values if v is not None and str(v) != ""))
        if kept:
            props[name] = kept
    return {"id": entity_id, "schema": schema, "properties": props}


def _provenance(articles: list[dict[str, Any]] | None) -> dict[str, list[Any]]:
    """FollowTheMoney's provenance of a record: its Article entities, their outlets and URLs."""
    articles = articles or []
    return {
        "proof": [_id("article", a["key"]) for a in articles],
        "publisher": [a["outlet"] for a in articles],
        "sourceUrl": [a["url"] for a in articles],
    }


def ftm_entities(rows: dict[str, list[dict[str, Any]]]) -> Iterator[dict[str, Any]]:
    """Every FollowTheMoney entity of the warehouse: articles first, so ``proof`` resolves."""
    for a in rows["articles"]:
        yield _entity(
            "Article",
            _id("article", a["article_key"]),
            {
                "title": [a["title"] or a["article_key"]],
                "publishedAt": [_day(a["published_at"])],
                "publisher": [a["source_outlet"]],
                "sourceUrl": [a["url"]],
                "notes": [f"article_key {a['article_key']}"],
            },
        )
    for p in rows["people"]:
        yield _entity(
            "Person",
            _id("person", p["person_key"]),
            {"name": [p["full_name"]], "alias": _variants(p), **_provenance(p["articles"])},
        )
    for o in rows["organizations"]:
        parent = o["parent_organization_key"]
        yield _entity(
            "Organization",
            _id("org", o["organization_key"]),
            {
                "name": [o["canonical_name"]],
                "classification": [o["organization_kind"], o["organization_level"]],
                "parent": [_id("org", parent) if parent else None],
                **_provenance(o["articles"]),
            },
        )
    yield from _positions(rows["positions"])
    for m in rows["meetings"]:
        yield _entity(
            "Event",
            _id("meeting", m["meeting_key"]),
            {
                "name": [m["meeting_kind"] or "meeting"],
                "date": [_day(m["meeting_date"])],
                "involved": [_id("person", k) for k in m["attendees"] or []],
                "organizer": [_id("org", k) for k in m["organizers"] or []],
                **_provenance(m["articles"]),
            },
        )


def _post_id(position: dict[str, Any]) -> str:
    """One Position per post in a body (or per canonical title without one), whoever holds it."""
    body = position["organization_key"] or position["title"]
    digest = hashlib.md5(f"{position['post']}|{body}".encode(), usedforsecurity=False).hexdigest()[:16]
    return _id("post", digest)  # an id of letters, digits and dashes, as FollowTheMoney requires


def _positions(positions: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    posts: dict[str, dict[str, Any]] = {}
    for p in positions:
        post = posts.setdefault(
            _post_id(p), {"title": p["title"], "org": p["organization_key"], "articles": []}
        )
        post["articles"] += p["articles"] or []
    for post_id, post in posts.items():
        yield _entity(
            "Position",
            post_id,
            {
                "name": [post["title"]],
                "organization": [_id("org", post["org"]) if post["org"] else None],
                **_provenance(post["articles"]),
            },
        )
    for p in positions:
        yield _entity(
            "Occupancy",
            _id("occupancy", p["position_key"]),
            {
                "holder": [_id("person", p["person_key"])],
                "post": [_post_id(p)],
                "startDate": [_day(p["start_date"])],
                "endDate": [_day(p["end_date"])],
                "status": [p["status"]],
                "description": [tenure_note(p)],
                **_provenance(p["articles"]),
            },
        )


def tenure_note(position: dict[str, Any]) -> str | None:
    """In words, what a tenure's start and end dates rest on (dim_person_positions' bases)."""
    parts = []
    start = _day(position["start_date"])
    if position["start_basis"] == "event":
        parts.append(f"start_date {start}: a personnel event an article reports")
    elif position["start_basis"] == "first_seen":
        parts.append(
            f"start_date {start}: the first article stating the post held (it may have begun earlier)"
        )
    end, reason = _day(position["end_date"]), position["end_reason"]
    if position["end_basis"] == "event":
        parts.append(f"end_date {end}: a personnel event an article reports ({reason})")
    elif reason == "succeeded":
        successor = _day(position["successor_start_date"])
        parts.append(
            f"end_date {end}: the last article stating the post held; the post has one holder at a time"
            f" and the next (successor_id) is first known in it on {successor}, so it ended between the two"
        )
    elif position["end_basis"] == "last_seen":
        parts.append(f"end_date {end}: the last article stating the post held; a later one calls it former")
    return "; ".join(parts) or None


# --------------------------------------------------------------------------- Popolo


def _sources(articles: list[dict[str, Any]] | None) -> list[dict[str, str]]:
    """Popolo's provenance of a record: one source per article."""
    return [
        {
            key: value
            for key, value in (
                ("url", a["url"]),
                ("note", f"article {a['key']}" + (f", {a['outlet']}" if a["outlet"] else "")),
            )
            if value
        }
        for a in articles or []
    ]


def _without_nulls(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if v is not None and v != []}


def popolo_document(rows: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """The Popolo export: persons, organizations, posts, memberships and events."""
    posts = {}
    for p in rows["positions"]:
        posts.setdefault(
            _post_id(p),
            _without_nulls(
                {
                    "id": _post_id(p),
                    "label": p["title"],
                    "role": p["post"],
                    "organization_id": _id("org", p["organization_key"]) if p["organization_key"] else None,
                }
            ),
        )
    return {
        "persons": [
            _without_nulls(
                {
                    "id": _id("person", p["person_key"]),
                    "name": p["full_name"],
                    "other_names": [{"name": v} for v in _variants(p) if v != p["full_name"]],
                    "sources": _sources(p["articles"]),
                }
            )
            for p in rows["people"]
        ],
        "organizations": [
            _without_nulls(
                {
                    "id": _id("org", o["organization_key"]),
                    "name": o["canonical_name"],
                    "classification": o["organization_kind"],
                    "parent_id": _id("org", o["parent_organization_key"])
                    if o["parent_organization_key"]
                    else None,
                    "sources": _sources(o["articles"]),
                }
            )
            for o in rows["organizations"]
        ],
        "posts": list(posts.values()),
        "memberships": [
            _without_nulls(
                {
                    "id": _id("membership", p["position_key"]),
                    "person_id": _id("person", p["person_key"]),
                    "organization_id": _id("org", p["organization_key"]) if p["organization_key"] else None,
                    "post_id": _post_id(p),
                    "role": p["post"],
                    "label": p["title"],
                    "start_date": _day(p["start_date"]),
                    "end_date": _day(p["end_date"]),
                    "start_date_basis": p["start_basis"],
                    "end_date_basis": p["end_basis"],
                    "end_reason": p["end_reason"],
                    "status": p["status"],
                    "successor_id": _id("membership", p["successor_position_key"])
                    if p["successor_position_key"]
                    else None,
                    "note": tenure_note(p),
                    "sources": _sources(p["articles"]),
                }
            )
            for p in rows["positions"]
        ],
        "events": [
            _without_nulls(
                {
                    "id": _id("meeting", m["meeting_key"]),
                    "name": m["meeting_kind"] or "meeting",
                    "classification": "meeting",
                    "start_date": _day(m["meeting_date"]),
                    "organization_id": _id("org", m["organizers"][0]) if m["organizers"] else None,
                    "attendees": [_id("person", k) for k in m["attendees"] or []],
                    "sources": _sources(m["articles"]),
                }
            )
            for m in rows["meetings"]
        ],
    }
