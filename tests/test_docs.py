"""``make docs``: the dbt docs as one page, built from a copy so the warehouse is never written."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from dagster_support import REPO

pytestmark = pytest.mark.warehouse  # builds a warehouse or runs dbt

MARTS_YMLS = sorted((REPO / "dbt" / "models" / "marts").glob("*.yml"))
DOCS_PAGE = REPO / "dbt" / "target" / "docs" / "static_index.html"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_make_docs_writes_one_page_with_every_mart_and_its_descriptions(sample_warehouse, tmp_path):
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copyfile(sample_warehouse, warehouse)
    before = _digest(warehouse)
    result = subprocess.run(
        ["make", "-s", "docs", f"WAREHOUSE_PATH={warehouse}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert f"open {DOCS_PAGE}" in result.stdout
    page = DOCS_PAGE.read_text(encoding="utf-8")
    models = [m for yml in MARTS_YMLS for m in yaml.safe_load(yml.read_text(encoding="utf-8"))["models"]]
    for model in models:
        assert f"model.vn_politics.{model['name']}" in page, model["name"]
    people = next(m for m in models if m["name"] == "dim_people")
    full_name = next(c for c in people["columns"] if c["name"] == "full_name")["description"]
    assert full_name.strip() in page
    catalog = json.loads((DOCS_PAGE.parent / "catalog.json").read_text(encoding="utf-8"))
    columns = catalog["nodes"]["model.vn_politics.dim_people"]["columns"]  # read from the copy
    assert columns["full_name"]["type"].upper() == "VARCHAR"
    assert _digest(warehouse) == before, "make docs wrote to the warehouse it documents"
    assert not list(tmp_path.glob("*.wal"))
