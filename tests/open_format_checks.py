"""Checks of the open-format export (vnpolitics.warehouse.open_formats) shared by the tests of the
sample warehouse and of the invented careers: each FollowTheMoney entity is valid for the
reference implementation of the model (the ``followthemoney`` package), and a Popolo document's
records point at one another."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from followthemoney import model

from vnpolitics.warehouse.open_formats import FTM_FILE, POPOLO_FILE


def read_ftm(folder: Path) -> list[dict[str, Any]]:
    lines = (folder / FTM_FILE).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def read_popolo(folder: Path) -> dict[str, list[dict[str, Any]]]:
    return json.loads((folder / POPOLO_FILE).read_text(encoding="utf-8"))


def assert_valid_ftm(entities: list[dict[str, Any]]) -> None:
    """Every entity: a schema of the model, only its properties, values valid for their types
    (``Schema.validate``), every required property present, and every entity it refers to in the
    file (provenance included: ``proof`` names Article entities)."""
    ids = [e["id"] for e in entities]
    assert len(ids) == len(set(ids)), "duplicate entity ids"
    known = set(ids)
    for entity in entities:
        schema = model.get(entity["schema"])
        assert schema is not None, entity["schema"]
        unknown = set(entity["properties"]) - set(schema.properties)
        assert not unknown, (entity["id"], unknown)
        assert schema.validate(entity) is None
        missing = {name for name in schema.required if not entity["properties"].get(name)}
        assert not missing, (entity["id"], missing)
        model.get_proxy(entity, cleaned=False)  # the model reads it back
        for name, values in entity["properties"].items():
            if schema.properties[name].type.name == "entity":
                assert set(values) <= known, (entity["id"], name, set(values) - known)


def assert_popolo_links(document: dict[str, list[dict[str, Any]]]) -> None:
    """Memberships, posts, events and parents name persons and organisations of the document."""
    persons = {p["id"] for p in document["persons"]}
    organizations = {o["id"] for o in document["organizations"]}
    posts = {p["id"] for p in document["posts"]}
    for o in document["organizations"]:
        assert o.get("parent_id", next(iter(organizations))) in organizations
    for m in document["memberships"]:
        assert m["person_id"] in persons and m["post_id"] in posts
        assert m.get("organization_id", next(iter(organizations))) in organizations
        assert m.get("start_date", "") <= m.get("end_date", "9999")
    for e in document["events"]:
        assert set(e.get("attendees", [])) <= persons
    for records in document.values():
        for record in records:
            if record.get("sources"):
                assert all("note" in s and s["note"].startswith("article ") for s in record["sources"])
