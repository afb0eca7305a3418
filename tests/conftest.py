"""Shared fixtures: the repository's paths, parsed sentences and the sample warehouse.

Tests marked ``warehouse`` build a warehouse or run dbt (minutes in all); the rest are pure
Python (seconds). ``make test-fast`` runs the second kind, ``make test`` both.
"""

from __future__ import annotations

import importlib
import shutil
import sys
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


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """``--dist loadfile``, the files that build warehouses first (``HeaviestFilesFirst``)."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class HeaviestFilesFirst(LoadFileScheduling):
        """xdist hands out files by their number of tests, most first: the parametrised unit test
        files went first and the files that build several warehouses (one to three tests, minutes
        each) last, so the suite ended on one worker alone (measured: 15 min 22 s, 1.6 of 2 cores
        busy). Files whose ``pytestmark`` says ``heavy`` now go first, the longest first (by the
        ``seconds`` the mark gives), then the other ``warehouse`` files, then the rest, each group
        in xdist's order; the short tests fill the end.

        Both workers must also be busy from the start: in xdist's order (most tests first) the
        two files handed out first both needed the session's sample build, and one worker waited
        on its lock for the minute and a half the other spent building it. So when the first file
        needs the samples (``heavy(samples=True)``), the second is the longest heavy file that
        does not: one worker builds the samples while the other builds its own warehouses."""

        def _assign_work_unit(self, node) -> None:
            if not getattr(self, "_ranked", False):
                ranked = sorted(self.workqueue.items(), key=lambda unit: _file_rank(unit[0]))
                if ranked and _heavy_kwargs(ranked[0][0]).get("samples"):
                    apart = [i for i, (f, _) in enumerate(ranked) if _heavy_kwargs(f).get("samples") is False]
                    if apart:
                        ranked.insert(1, ranked.pop(apart[0]))
                self.workqueue.clear()
                self.workqueue.update(ranked)
                self._ranked = True
            super()._assign_work_unit(node)

    return HeaviestFilesFirst(config, log)


def _module_marks(test_file: str) -> dict[str, pytest.Mark]:
    module = sys.modules.get(Path(test_file).stem) or importlib.import_module(Path(test_file).stem)
    marks = getattr(module, "pytestmark", [])
    return {mark.name: mark for mark in (marks if isinstance(marks, list) else [marks])}


def _heavy_kwargs(test_file: str) -> dict[str, object]:
    """The ``heavy`` mark's ``seconds`` and ``samples`` of a file, {} for a file not marked heavy."""
    heavy = _module_marks(test_file).get("heavy")
    return dict(heavy.kwargs) if heavy else {}


def _file_rank(test_file: str) -> tuple[int, float]:
    """(0, minus its ``seconds``) for a file marked ``heavy``, (1, 0) for ``warehouse``, (2, 0) for
    the others (by module marks): sorted, the heavy files longest first."""
    by_name = _module_marks(test_file)
    if "heavy" in by_name:
        return 0, -float(by_name["heavy"].kwargs.get("seconds", 0))
    return (1 if "warehouse" in by_name else 2), 0.0


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
