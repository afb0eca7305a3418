"""Shared fixtures: the repository's paths, parsed sentences and the sample warehouse.

Tests marked ``warehouse`` build a warehouse or run dbt (minutes in all); the rest are pure
Python (seconds). ``make test-fast`` runs the second kind, ``make test`` both.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vnpolitics.extract.people import SentenceParse, parse_sentence
from vnpolitics.extract.tokens import attach_pyvi_words, tokenize

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "raw"
SHARED = REPO.parent / "shared"


def parse(text: str) -> SentenceParse:
    tokens = tokenize(text)
    attach_pyvi_words(tokens)
    return parse_sentence(tokens)


def people_of(text: str) -> dict[str, list[str]]:
    """Name -> posts (abbreviations expanded) as the sentence parser reads them."""
    from vnpolitics.extract.names import name_text
    from vnpolitics.extract.textnorm import canonical_text
    from vnpolitics.extract.title_spans import title_text

    result = parse(text)
    out = {}
    for found in result.names:
        name = name_text(result.tokens, found.item.start, found.item.end)
        out[name] = [canonical_text(title_text(result.tokens, ti)) for ti in found.titles]
    return out


# A test that uses one of these fixtures reads a built warehouse, so it is a ``warehouse`` test.
WAREHOUSE_FIXTURES = frozenset({"sample_warehouse"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if WAREHOUSE_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.warehouse)
    items[:] = _heaviest_files_first(items)


def _heaviest_files_first(items: list[pytest.Item]) -> list[pytest.Item]:
    """The files marked ``heavy`` (several warehouse builds, minutes each) first, then those that
    build or read one, then the unit tests; each file's tests together and in their order.

    ``make test`` hands each file whole to one of two workers (``--dist loadfile``) in this order.
    In file-name order a four-minute file could start last and the suite end on one worker alone
    (measured: 15 min 22 s, 1.6 of 2 cores busy); the short unit tests now fill the gaps at the end.
    """
    rank: dict[str, int] = {}
    for item in items:
        weight = 0 if item.get_closest_marker("heavy") else 1 if item.get_closest_marker("warehouse") else 2
        rank[item.location[0]] = min(weight, rank.get(item.location[0], weight))
    order = {id(item): index for index, item in enumerate(items)}
    return sorted(items, key=lambda item: (rank[item.location[0]], order[id(item)]))


@pytest.fixture(scope="session")
def raw_dir() -> Path:
    return RAW


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory, worker_id: str) -> Path:
    """A warehouse built once from the samples through the whole asset graph, shared read-only.

    Tests that only read marts (queries, exports, the report) use it instead of building their own.
    Under pytest-xdist the workers share one build: the first to ask builds it under a file lock
    in their common temporary folder, the others wait and read it (a build is a minute of both
    cores; each worker building its own made the suite CPU-bound).
    """
    if worker_id == "master":
        return _build_samples(tmp_path_factory.mktemp("sample_warehouse"))
    from filelock import FileLock

    shared = tmp_path_factory.getbasetemp().parent / "sample_warehouse"
    done = shared / "built"
    with FileLock(str(shared) + ".lock"):
        if not done.exists():
            if shared.exists():
                shutil.rmtree(shared)  # a build that failed half-way for an earlier worker
            warehouse = _build_samples(shared)
            done.write_text(str(warehouse), encoding="utf-8")
    return Path(done.read_text(encoding="utf-8"))


def _build_samples(root: Path) -> Path:
    from dagster_support import build_warehouse, copy_raw

    warehouse = root / "warehouse" / "warehouse.duckdb"
    result = build_warehouse(copy_raw(root / "raw"), warehouse)
    assert result.success, "the sample build failed"
    return warehouse


@pytest.fixture(scope="module")
def baseline(tmp_path_factory, sample_warehouse):
    """The samples alone: a copy of the session's sample build, the warehouse the reliability
    runs start from (and must leave as it was when they die), per test module."""
    from dagster_support import copy_build, copy_raw

    root = tmp_path_factory.mktemp("reliability")
    raw = copy_raw(root / "raw")
    warehouse = copy_build(sample_warehouse, root / "warehouse")
    return root, raw, warehouse
