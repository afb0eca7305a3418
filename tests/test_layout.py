"""The extractor stands alone: nothing in ``vnpolitics/extract`` reaches the warehouse side or Dagster.

Scoring, the quality report and any reuse of the extractor load it without a warehouse, and the
extractor version digests exactly that folder; an import across the line would make a change
outside the folder alter extraction without changing the version.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXTRACT = REPO / "vnpolitics" / "extract"
FORBIDDEN = (
    "vnpolitics.warehouse",
    "vnpolitics.report",
    "dagster",
    "dagster_dbt",
    "dagster_project",
    "duckdb",
)


def _imports(source: str, package: str) -> set[str]:
    """Every module a file imports, at top level or inside a function, relative imports resolved."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                found.add(f"{base}.{node.module}" if node.module else base)
            else:
                found.add(node.module or "")
    return found


def _crossing(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == f or m.startswith(f + ".") for f in FORBIDDEN))


@pytest.mark.parametrize("path", sorted(EXTRACT.rglob("*.py")), ids=lambda p: p.name)
def test_no_extractor_module_imports_the_warehouse_side_or_dagster(path):
    package = ".".join(path.relative_to(REPO).parts[:-1])
    assert _crossing(_imports(path.read_text(encoding="utf-8"), package)) == []


def test_the_import_check_sees_a_crossing_import_inside_a_function_and_a_relative_one():
    source = (
        "def f():\n    from vnpolitics.warehouse.cache import ExtractionCache\nfrom ..report import page\n"
    )
    assert _crossing(_imports(source, "vnpolitics.extract")) == [
        "vnpolitics.report",
        "vnpolitics.warehouse.cache",
    ]


def test_loading_the_whole_extractor_loads_nothing_from_the_other_side():
    """At run time too, transitively: import every extractor module in a fresh interpreter."""
    modules = [
        ".".join(p.relative_to(REPO).with_suffix("").parts)
        for p in sorted(EXTRACT.rglob("*.py"))
        if p.name != "__init__.py"
    ]
    script = (
        "import importlib, json, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    assert len(modules) > 15
    assert _crossing(set(json.loads(out.stdout))) == []
