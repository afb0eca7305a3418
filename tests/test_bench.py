"""The benchmark's own parts: the articles it copies and the memory it reports."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from dagster_support import REPO

sys.path.insert(0, str(REPO / "bench"))
from run_bench import (  # noqa: E402
    CROWD,
    PeakMemory,
    _table,
    add_new_articles,
    congress_report,
    done_when,
    extraction_alone,
    pick_articles,
    pyvi_alone,
    run_phases,
)


def _digests(folder: Path) -> set[str]:
    return {hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_without_a_corpus_the_samples_become_distinct_articles(tmp_path: Path) -> None:
    files = pick_articles(tmp_path / "missing", 12, tmp_path / "raw")
    assert len(files) == 12
    assert len(_digests(tmp_path / "raw")) == 12, "copies of a sample must be other articles"


def test_a_corpus_gives_its_first_articles_and_new_ones_are_new(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, sample in enumerate(sorted((REPO / "raw").glob("*.txt"))):
        (corpus / f"{i}.txt").write_bytes(sample.read_bytes())
    files = pick_articles(corpus, 3, tmp_path / "raw")
    assert [f.name for f in files] == ["0.txt", "1.txt", "2.txt"]
    before = _digests(tmp_path / "raw")
    add_new_articles(tmp_path / "raw", 2)
    after = _digests(tmp_path / "raw")
    assert len(after) == 5 and before < after


def test_the_anchors_time_pyvi_and_the_extractor_on_the_articles(tmp_path: Path) -> None:
    files = pick_articles(tmp_path / "missing", 3, tmp_path / "raw")
    assert pyvi_alone(files) > 0
    assert extraction_alone(files) > 0


def test_the_congress_report_names_distinct_delegates_the_extractor_reads() -> None:
    from vnpolitics.extract.article import extract_article

    cue = "Dự đại hội có các đồng chí "
    listed = [
        name
        for line in congress_report(CROWD).splitlines()
        if line.startswith(cue)
        for name in line.removeprefix(cue).rstrip(".").split(", ")
    ]
    assert len(set(listed)) == len(listed) == CROWD
    people = {mention.full_name for mention in extract_article(congress_report(60)).people}
    assert len(people) == 60


def test_peak_memory_adds_up_the_processes_of_the_group(tmp_path: Path) -> None:
    hold = "import time; block = bytearray(200 * 2**20); time.sleep(3)"
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import subprocess, sys; subprocess.Popen([sys.executable, '-c', {hold!r}]); {hold}",
        ],
        start_new_session=True,
    )
    with PeakMemory(child.pid) as memory:
        time.sleep(2.5)
    child.wait()
    assert memory.peak_bytes >= 400 * 2**20, memory.peak_processes
    assert len(memory.peak_processes) >= 2


def test_a_run_is_split_into_phases_by_its_log_lines() -> None:
    log = "\n".join(
        [
            "2026-01-01 00:00:06 +0000 - dagster - INFO - job - run - raw_tables - scanning /raw",
            "2026-01-01 00:00:09 +0000 - dagster - INFO - j - r - dbt_models - Running dbt command: `dbt`.",
            "2026-01-01 00:00:21 +0000 - dagster - INFO - j - r - dbt_models - Finished dbt command: `dbt`.",
        ]
    )
    started = datetime(2026, 1, 1, tzinfo=UTC)
    ended = datetime(2026, 1, 1, 0, 0, 25, tzinfo=UTC)
    assert run_phases(log, started, ended) == {
        "dagster_start": 6.0,
        "scan_and_load": 3.0,
        "dbt": 12.0,
        "publish_and_exports": 4.0,
    }
    # a run with nothing new never starts dbt: its scan runs to the end
    assert run_phases(log.splitlines()[0], started, ended) == {"dagster_start": 6.0, "scan_and_load": 19.0}


def _size(articles: int, new20: float, idle: float, peak: float, pyvi: float = 10.0) -> dict[str, object]:
    return {
        "size": str(articles),
        "articles": articles,
        "pyvi_alone_seconds": pyvi,
        "extraction_alone_seconds": pyvi / 2,
        "extraction_to_pyvi_ratio": 0.5,
        "full_build_extracted": True,
        "full_build_seconds": pyvi * 2,
        "full_to_pyvi_ratio": 2.0,
        "incremental_20_new_seconds": new20,
        "nothing_new_seconds": idle,
        "peak_mb": peak,
    }


def test_the_issue_ratios_are_judged_from_the_sizes_of_one_run() -> None:
    sizes = [_size(1000, 20.0, 8.0, 700.0), _size(6771, 23.0, 9.0, 800.0), _size(12731, 26.0, 11.0, 950.0)]
    checks = {name: (value, passed) for name, value, _, passed in done_when(sizes)}
    assert checks["new20_6771_to_1000"] == (1.15, True)
    assert checks["new20_12731_to_1000"] == (1.3, False)
    assert checks["nothing_new_seconds"] == (11.0, False)
    assert checks["full_to_pyvi_6771"] == (2.0, False)
    assert checks["peak_12731_mb"] == (950.0, True)
    assert "| 12,731 |" in _table(sizes)
    # only what the sizes measured is judged
    assert {name for name, *_ in done_when(sizes[:1])} == {"nothing_new_seconds"}
