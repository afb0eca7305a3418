"""``make bench``: how fast a full build, a nightly increment and an idle run are, against pyvi alone.

One run of this script, on a copy of N articles (default 1,000 of the vietnews_politics corpus,
or the samples made distinct when the corpus is not beside the repository), measures:

- pyvi alone: segmenting and POS-tagging every non-empty line of the N articles, in this one
  process (the anchor: a pipeline that ran pyvi over everything would take at least this);
- the full build: ``python -m dagster_project`` on the N articles, with an empty warehouse
  and an empty extraction cache, with its peak memory (all its processes together);
- an incremental run after 20 new articles are added, and a run with nothing new;
- a run after one congress report naming 10,000 delegates is added (``--crowd``): the pairwise
  mart must stay bounded (issue 20), so its peak memory is compared with the full build's.

It prints a table and writes the figures to a JSON file. It is a benchmark, not a test: it
asserts nothing and takes minutes on the whole corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "vietnews_politics" / "articles"
NEW_ARTICLES = 20
CROWD = 10_000

# Invented name parts for the congress report: 20 x 20 x 25 = 10,000 distinct full names.
_SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Đoàn Lâm"
_MIDDLES = "Văn Thị Minh Quốc Hữu Đức Thanh Ngọc Xuân Hồng Công Đình Quang Thế Trọng Bảo Gia Kim Mạnh Phúc"
_GIVEN = (
    "An Bình Cường Dũng Giang Hải Khánh Long Nam Phong Quân Sơn Tâm Thắng Trung Tuấn Vinh Yên Hòa "
    "Hiếu Lộc Nghĩa Phát Thịnh Toàn"
)


def pick_articles(corpus: Path | None, count: int | None, into: Path) -> list[Path]:
    """Copy ``count`` articles (all when None) into ``into``; samples made distinct when no corpus."""
    into.mkdir(parents=True)
    if corpus is not None and corpus.is_dir():
        sources = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
        chosen = sources if count is None else sources[:count]
        for path in chosen:
            shutil.copyfile(path, into / path.name)
        return sorted(into.iterdir())
    samples = sorted((REPO / "raw").glob("*.txt"))
    for i in range(count or len(samples)):
        sample = samples[i % len(samples)]
        # A numbered copy: another article to the pipeline (other bytes), the same work for pyvi.
        text = sample.read_text(encoding="utf-8") + f"\n(Bản lưu số {i})\n"
        (into / f"{i:06d}_{sample.name}").write_text(text, encoding="utf-8")
    return sorted(into.iterdir())


def add_new_articles(raw: Path, count: int) -> None:
    """``count`` articles the pipeline has not seen: copies of some articles with an update line."""
    for i, path in enumerate(sorted(raw.iterdir())[:count]):
        text = path.read_text(encoding="utf-8", errors="replace")
        (raw / f"new-{i:03d}-{path.name}").write_text(text + f"\n(Cập nhật lần {i + 1})\n", encoding="utf-8")


def congress_report(delegates: int, per_sentence: int = 20) -> str:
    """An invented congress report naming ``delegates`` distinct people as attending, by lists."""
    names = [f"{s} {m} {g}" for s in _SURNAMES.split() for m in _MIDDLES.split() for g in _GIVEN.split()]
    if delegates > len(names):
        raise ValueError(f"at most {len(names)} invented delegates")
    lines = [
        "Đại hội đại biểu Đảng bộ tỉnh Yên Bái lần thứ XX",
        "",
        "Sáng 12/10/2020, Đại hội đại biểu Đảng bộ tỉnh Yên Bái khai mạc.",
        "",
    ]
    for start in range(0, delegates, per_sentence):
        lines.append("Dự đại hội có các đồng chí " + ", ".join(names[start : start + per_sentence]) + ".")
    return "\n".join(lines) + "\n"


def pyvi_alone(files: list[Path]) -> float:
    """Seconds pyvi takes to segment and tag every non-empty line of ``files`` in this process."""
    from pyvi import ViPosTagger, ViTokenizer

    lines = [
        line
        for path in files
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.strip()
    ]
    ViPosTagger.postagging(ViTokenizer.tokenize("Khởi động."))  # load the models before timing
    started = time.perf_counter()
    for line in lines:
        ViPosTagger.postagging(ViTokenizer.tokenize(line))
    return time.perf_counter() - started


class PeakMemory:
    """Samples the resident memory of a process group (the run, its dbt and its workers) summed."""

    def __init__(self, group: int, every: float = 0.1) -> None:
        self.group = group
        self.every = every
        self.peak_bytes = 0
        self.peak_processes: dict[str, int] = {}  # at the peak: "pid command" -> bytes
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stop.is_set():
            processes = self._group_rss()
            if sum(processes.values()) > self.peak_bytes:
                self.peak_bytes, self.peak_processes = sum(processes.values()), processes
            time.sleep(self.every)

    def _group_rss(self) -> dict[str, int]:
        sizes = {}
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                stat = (proc / "stat").read_text()
                group = int(stat.rsplit(")", 1)[1].split()[2])  # field 5: process group id
                if group != self.group:
                    continue
                command = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
                for line in (proc / "status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        sizes[f"{proc.name} {command[:80].strip()}"] = int(line.split()[1]) * 1024
            except (OSError, ValueError, IndexError):
                continue  # the process ended while we looked
        return sizes


def timed_run(raw: Path, warehouse: Path, home: Path, log: Path) -> tuple[float, int, dict[str, int]]:
    """Seconds, peak bytes and the processes at the peak of one ``python -m dagster_project`` run."""
    env = {**os.environ, "RAW_DIR": str(raw), "WAREHOUSE_PATH": str(warehouse), "DAGSTER_HOME": str(home)}
    started = time.perf_counter()
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "dagster_project"],
            cwd=REPO,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        with PeakMemory(process.pid) as memory:
            code = process.wait()
    seconds = time.perf_counter() - started
    if code != 0:
        sys.exit(f"run failed ({code}); its log: {log}")
    return seconds, memory.peak_bytes, memory.peak_processes


def _count(warehouse: Path, sql: str) -> int:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt articles")
    parser.add_argument("--articles", default="1000", help="how many articles, or 'all'")
    parser.add_argument("--out", type=Path, default=REPO / "warehouse" / "bench.json", help="JSON to write")
    parser.add_argument(
        "--crowd", type=int, default=CROWD, help="delegates named by the congress report (0: no such run)"
    )
    args = parser.parse_args(argv)
    count = None if args.articles == "all" else int(args.articles)

    from dagster_project.project import prepare_dbt_manifest

    prepare_dbt_manifest()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        raw = work / "raw"
        files = pick_articles(args.corpus, count, raw)
        home = work / "dagster_home"
        home.mkdir()
        (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
        warehouse = work / "warehouse" / "warehouse.duckdb"
        origin = args.corpus if args.corpus.is_dir() else "the samples"
        print(f"{len(files)} articles from {origin}", flush=True)

        anchor = pyvi_alone(files)
        print(f"pyvi alone: {anchor:.1f} s", flush=True)
        full, full_peak, full_processes = timed_run(raw, warehouse, home, work / "full.log")
        print(f"full build: {full:.1f} s", flush=True)
        add_new_articles(raw, NEW_ARTICLES)
        incremental, incremental_peak, _ = timed_run(raw, warehouse, home, work / "incremental.log")
        idle, _, _ = timed_run(raw, warehouse, home, work / "idle.log")
        crowd = crowd_peak = None
        if args.crowd:
            (raw / "congress.txt").write_text(congress_report(args.crowd), encoding="utf-8")
            crowd, crowd_peak, _ = timed_run(raw, warehouse, home, work / "crowd.log")
            crowd_people = _count(warehouse, "select max(attendee_count) from main.fct_meetings")
            print(f"congress of {crowd_people} attendees: {crowd:.1f} s", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    figures = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "corpus": str(args.corpus) if args.corpus.is_dir() else "samples",
        "articles": len(files),
        "pyvi_alone_seconds": round(anchor, 2),
        "full_build_seconds": round(full, 2),
        "full_to_pyvi_ratio": round(full / anchor, 3),
        "incremental_20_new_seconds": round(incremental, 2),
        "incremental_to_full_ratio": round(incremental / full, 3),
        "nothing_new_seconds": round(idle, 2),
        "full_build_peak_mb": round(full_peak / 2**20, 1),
        "incremental_peak_mb": round(incremental_peak / 2**20, 1),
        "articles_per_second": round(len(files) / full, 1),
        "crowd_attendees": args.crowd,
        "crowd_run_seconds": round(crowd, 2) if crowd is not None else None,
        "crowd_run_peak_mb": round(crowd_peak / 2**20, 1) if crowd_peak is not None else None,
        "crowd_to_full_peak_ratio": round(crowd_peak / full_peak, 3) if crowd_peak is not None else None,
        "full_build_peak_by_process_mb": {name: round(n / 2**20, 1) for name, n in full_processes.items()},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    width = max(map(len, figures))
    for name, value in figures.items():
        print(f"{name:<{width}}  {value}")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
