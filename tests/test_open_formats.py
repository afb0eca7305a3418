"""The open formats written beside the Parquet export by the sample build (every publish writes
them): FollowTheMoney entities that the ``followthemoney`` package validates, and a Popolo
document with people, bodies with their parents, tenures and meetings with attendees, each with
its provenance."""

from __future__ import annotations

from pathlib import Path

from dbt_support import query
from open_format_checks import assert_popolo_links, assert_valid_ftm, read_ftm, read_popolo

from vnpolitics.warehouse.export import export_path


def test_every_followthemoney_entity_of_the_samples_validates(sample_warehouse: Path):
    entities = read_ftm(export_path(sample_warehouse))
    assert_valid_ftm(entities)
    schemata = {e["schema"] for e in entities}
    assert schemata >= {"Article", "Person", "Organization", "Position", "Occupancy", "Event"}
    (people,) = query(sample_warehouse, "select count(*) from dim_people")[0]
    assert sum(e["schema"] == "Person" for e in entities) == people
    articles = {e["id"]: e["properties"] for e in entities if e["schema"] == "Article"}
    for entity in entities:
        if entity["schema"] in ("Person", "Occupancy", "Event"):
            proof = entity["properties"].get("proof", [])
            assert proof and set(proof) <= set(articles), entity["id"]  # provenance: the articles
            outlets = {o for a in proof for o in articles[a].get("publisher", [])}
            assert set(entity["properties"].get("publisher", [])) == outlets, entity["id"]


def test_the_popolo_export_of_the_samples(sample_warehouse: Path):
    document = read_popolo(export_path(sample_warehouse))
    assert_popolo_links(document)
    assert document["persons"] and all(p["sources"] for p in document["persons"])
    assert any("parent_id" in o for o in document["organizations"])
    assert document["memberships"] and all("start_date" in m for m in document["memberships"])
    assert all(m["start_date_basis"] in ("event", "first_seen") for m in document["memberships"])
    # a membership with a start and an end: the samples report no personnel event, so the end is
    # what the articles know of it: a single-seat post another person is seen holding later
    ended = [m for m in document["memberships"] if "start_date" in m and "end_date" in m]
    assert ended and all(m["end_date_basis"] and m["note"] for m in ended)
    memberships = {m["id"]: m for m in document["memberships"]}
    for m in ended:
        if m["end_reason"] == "succeeded":
            successor = memberships[m["successor_id"]]
            assert successor["post_id"] == m["post_id"] and successor["person_id"] != m["person_id"]
            assert successor["start_date"] > m["end_date"]
    assert any(m["end_reason"] == "succeeded" for m in ended)
    assert any(e.get("attendees") for e in document["events"])
    urls = {s.get("url") for p in document["persons"] for s in p["sources"]}
    assert any(url and url.startswith("https://") for url in urls)  # the crawler's records have URLs
