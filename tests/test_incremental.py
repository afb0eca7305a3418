"""A nightly (incremental) build publishes the same marts as a full build of the same input.

Issue 18: per-article models take only the changed articles, the raw load keeps the rows of the
articles still there, and the nightly tests read only the changed rows; none of it may change
what is published. The first night is the session's sample build (a first, full build of the
samples through the same job); a copy of it is built from the next night's folder, with corpus
articles added, one sample removed and one given another version (nightly); another copy is
rebuilt from that folder with FULL_BUILD (raw tables loaded whole, --full-refresh, every test).
Every mart must hold the same rows.

The first night was once a build of its own (the samples and 12 corpus articles, the other 12
added the next night): a third run of the pipeline, a minute of both cores, for a first build
the session has already made.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from dagster_support import REPO, SHARED, copy_build, copy_raw
from run_support import run_to_end

pytestmark = [pytest.mark.warehouse, pytest.mark.heavy(seconds=200, samples=True)]  # two builds in a row

CORPUS = SHARED / "corpus" / "vietnews_politics" / "articles"


def _corpus_articles(count: int) -> list[Path]:
    """The first ``count`` corpus articles (none without the corpus: the samples still change)."""
    return sorted(CORPUS.glob("*.txt"))[:count] if CORPUS.is_dir() else []


def _marts(warehouse: Path) -> dict[str, list[tuple]]:
    """Every table of schema ``main`` but ``run_log``, its rows sorted."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = [
            name
            for (name,) in con.execute(
                "select table_name from duckdb_tables() where schema_name = 'main' "
                "and database_name = current_database() and table_name <> 'run_log' order by 1"
            ).fetchall()
        ]
        return {t: sorted(con.execute(f'select * from main."{t}"').fetchall(), key=repr) for t in tables}


def _mode(run_output: str) -> str:
    return "nightly" if "dbt build: nightly" in run_output else "full"


def test_a_nightly_build_publishes_what_a_full_build_does(tmp_path: Path, sample_warehouse: Path) -> None:
    # the first night: the samples, as the session's sample build published them
    first = copy_raw(tmp_path / "first")
    samples = sorted((REPO / "raw").glob("*.txt"))
    nightly = copy_build(sample_warehouse, tmp_path / "nightly")
    # the same published warehouse, to be rebuilt in full (FULL_BUILD) from the next night's folder
    full = copy_build(sample_warehouse, tmp_path / "full")

    # the next night: articles added, one removed, one edited (another version of its text)
    for path in _corpus_articles(24):
        shutil.copyfile(path, first / path.name)
    (first / samples[0].name).unlink()
    edited = first / samples[1].name
    edited.write_text(edited.read_text(encoding="utf-8") + "\n(Cập nhật lúc 10 giờ)\n", encoding="utf-8")
    (first / "republished.txt").write_text(
        samples[2].read_text(encoding="utf-8") + "\nNguồn: báo khác\n", encoding="utf-8"
    )
    nightly_run = run_to_end(first, nightly, tmp_path / "n2")
    assert _mode(nightly_run.output()) == "nightly", nightly_run.tail()

    # FULL_BUILD on a warehouse that has a build: raw tables loaded whole, every model rebuilt
    # (--full-refresh), every test run
    full_run = run_to_end(first, full, tmp_path / "f1", FULL_BUILD="1")
    assert "dbt build: full (a full build was asked for" in full_run.output()
    assert "--full-refresh" in full_run.output()

    got, want = _marts(nightly), _marts(full)
    assert got.keys() == want.keys()
    differ = [t for t in want if got[t] != want[t]]
    assert not differ, f"nightly and full builds differ in {differ}: {nightly_run.tail()}"
    with duckdb.connect(str(nightly), read_only=True) as con:
        changed = con.execute("select count(*) from incremental.article_changes").fetchone()[0]
    assert changed >= 3  # added, removed and edited articles, and only those
    assert changed < len(want["dim_articles"])
