"""The benchmark's own parts: the articles it copies and the memory it reports."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

from dagster_support import REPO

sys.path.insert(0, str(REPO / "bench"))
from run_bench import CROWD, PeakMemory, add_new_articles, congress_report, pick_articles  # noqa: E402


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
