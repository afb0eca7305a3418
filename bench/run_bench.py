"""``make bench``: what a full build, a nightly increment and an idle run cost as the archive grows.

One run of this script measures, at each archive size it is given (``--articles 5,1000,6771,both``:
``5`` is the samples, a number the first articles of the vietnews_politics corpus, ``all`` that
whole corpus, ``both`` both corpus folders together, 12,731 articles):

- pyvi alone: segmenting and POS-tagging every non-empty line of the articles, in this one
  process (the anchor: a pipeline that ran pyvi over everything would take at least this);
- extraction alone: ``extract_article`` on every article, in this one process, texts decoded
  beforehand (what the extractor itself costs against pyvi);
- the full build: ``python -m dagster_project`` on the articles, with an empty warehouse and an
  empty extraction cache, with its peak memory (all its processes together);
- a nightly run after 20 new articles are added, and a run with nothing new; each run's time is
  split into Dagster's start, the scan and raw load, dbt, and the publish and exports;
- once, at the first size of 1,000 or more, a run after one congress report naming 10,000
  delegates is added (``--crowd``): the pairwise mart must stay bounded (issue 20).

The floor is the nightly run at 5 articles: what any build costs whatever is new. The "done when"
ratios of issue 18 are computed from the sizes measured in this run and printed with pass or
fail. Figures go to a JSON file. It is a benchmark, not a test: it asserts nothing and takes
most of an hour at every size.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPORA = REPO.parent / "shared" / "corpus"
DEFAULT_CORPUS = CORPORA / "vietnews_politics" / "articles"
# ``both``: every article of every corpus folder (vietnews_politics and baochinhphu_politics).
BOTH_CORPORA = (DEFAULT_CORPUS, CORPORA / "baochinhphu_politics" / "articles")
NEW_ARTICLES = 20
CROWD = 10_000
# Issue 18's "done when", each from figures of one bench run.
TARGETS = {
    "extraction_to_pyvi_6771": 0.75,
    "full_to_pyvi_6771": 1.0,
    "new20_6771_to_1000": 1.2,
    "new20_12731_to_1000": 1.25,
    "new20_6771_seconds": 30.0,
    "nothing_new_seconds": 10.0,
    "peak_12731_mb": 2048.0,
    "peak_12731_to_1000": 1.3,
}

# Invented name parts for the congress report: 20 x 20 x 25 = 10,000 distinct full names.
_SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trịnh Đoàn Lâm"
_MIDDLES = "Văn Thị Minh Quốc Hữu Đức Thanh Ngọc Xuân Hồng Công Đình Quang Thế Trọng Bảo Gia Kim Mạnh Phúc"
_GIVEN = (
    "An Bình Cường Dũng Giang Hải Khánh Long Nam Phong Quân Sơn Tâm Thắng Trung Tuấn Vinh Yên Hòa "
    "Hiếu Lộc Nghĩa Phát Thịnh Toàn"
)


def pick_articles(
    corpus: Path | None, count: int | None, into: Path, more: tuple[Path, ...] = ()
) -> list[Path]:
    """Copy ``count`` articles (all when None) into ``into``; samples made distinct when no corpus.

    ``more`` corpus folders are copied whole after ``corpus`` (``both``); names must not clash.
    """
    into.mkdir(parents=True)
    if corpus is not None and corpus.is_dir():
        sources = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
        chosen = sources if count is None else sources[:count]
        for folder in more:
            chosen += sorted(p for p in folder.rglob("*.txt") if p.is_file())
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


def pick_size(size: str, corpus: Path, into: Path) -> list[Path]:
    """The articles of one bench size: ``5`` (the samples as they are), N, ``all`` or ``both``."""
    if size == "5":
        into.mkdir(parents=True)
        for sample in sorted((REPO / "raw").glob("*.txt")):
            shutil.copyfile(sample, into / sample.name)
        return sorted(into.iterdir())
    if size == "both":
        return pick_articles(BOTH_CORPORA[0], None, into, more=BOTH_CORPORA[1:])
    return pick_articles(corpus, None if size == "all" else int(size), into)


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


def extraction_alone(files: list[Path]) -> float:
    """Seconds ``extract_article`` takes on every article of ``files`` in this process.

    The texts are decoded first and not timed (the scan's part); each article is told the same
    outside dates a run tells it (``batch_extraction``).
    """
    from vnpolitics.warehouse.batch_extraction import extract_file, warm_up_extractor
    from vnpolitics.warehouse.scan import scan_folder

    folder = files[0].parent
    _, loaded = scan_folder(folder, keep_text=True)
    collector = gc.get_threshold()
    warm_up_extractor()  # as an extraction worker starts: models and gazetteers loaded, collector set
    started = time.perf_counter()
    for file in loaded:
        extract_file(file)
    seconds = time.perf_counter() - started
    gc.unfreeze()  # the figures after this one are taken as before
    gc.set_threshold(*collector)
    return seconds


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


@dataclass
class RunFigures:
    """One ``python -m dagster_project`` run: seconds, peak bytes, processes at the peak, phases."""

    seconds: float
    peak_bytes: int
    peak_processes: dict[str, int]
    phases: dict[str, float]


# Where a run's log says a phase ends (Dagster's console lines carry their time to the second).
_PHASE_MARKS = {
    "scan_and_load": "raw_tables - ",  # the first line of the raw step: Dagster has started
    "dbt": "dbt_models - Running dbt command",
    "publish_and_exports": "dbt_models - Finished dbt command",
}
_STAMP = re.compile(r"^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \+0000 - dagster - ")


def run_phases(log: str, started: datetime, ended: datetime) -> dict[str, float]:
    """Seconds of each phase of a run from its log: ``dagster_start`` (until the raw step logs),
    ``scan_and_load``, ``dbt`` (the dbt command), ``publish_and_exports`` (checks, publish, files)."""
    marks: dict[str, datetime] = {}
    for line in log.splitlines():
        stamp = _STAMP.match(line)
        if not stamp:
            continue
        for phase, text in _PHASE_MARKS.items():
            if phase not in marks and text in line:
                marks[phase] = datetime.strptime(stamp.group(1), "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    order = ["dagster_start", *_PHASE_MARKS]
    starts = {"dagster_start": started, **marks}
    phases = {}
    for i, phase in enumerate(order):
        if phase not in starts:
            continue
        following = [starts[p] for p in order[i + 1 :] if p in starts]
        end = following[0] if following else ended
        phases[phase] = round(max((end - starts[phase]).total_seconds(), 0.0), 1)
    return phases


def timed_run(raw: Path, warehouse: Path, home: Path, log: Path) -> RunFigures:
    """Time, peak memory (all processes of the run) and phases of one ``python -m dagster_project`` run."""
    env = {**os.environ, "RAW_DIR": str(raw), "WAREHOUSE_PATH": str(warehouse), "DAGSTER_HOME": str(home)}
    began = datetime.now(UTC)
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
    phases = run_phases(log.read_text(encoding="utf-8", errors="replace"), began, datetime.now(UTC))
    return RunFigures(seconds, memory.peak_bytes, memory.peak_processes, phases)


def _count(warehouse: Path, sql: str) -> int:
    import duckdb

    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def bench_size(
    size: str, corpus: Path, work: Path, crowd: int, anchors: bool = True, cache_from: Path | None = None
) -> dict[str, object]:
    """Every figure of one archive size, measured in ``work/<size>``.

    Without ``anchors`` pyvi and the extractor alone are not timed; with ``cache_from`` the
    warehouse starts with a copy of that extraction cache, so the "full build" extracts nothing
    (for the nightly figures of a large archive when there is no hour to extract it again).
    """
    root = work / size
    raw = root / "raw"
    files = pick_size(size, corpus, raw)
    home = root / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    warehouse = root / "warehouse" / "warehouse.duckdb"
    print(f"-- {len(files)} articles ({size})", flush=True)
    anchor = pyvi_alone(files) if anchors else None
    extraction = extraction_alone(files) if anchors else None
    if anchors:
        print(f"pyvi alone: {anchor:.1f} s; extraction alone, one process: {extraction:.1f} s", flush=True)
    if cache_from is not None:
        shutil.copytree(cache_from, warehouse.parent / "cache")
    full = timed_run(raw, warehouse, home, root / "full.log")
    print(f"full build: {full.seconds:.1f} s {full.phases}", flush=True)
    add_new_articles(raw, NEW_ARTICLES)
    incremental = timed_run(raw, warehouse, home, root / "incremental.log")
    print(f"+{NEW_ARTICLES} new: {incremental.seconds:.1f} s {incremental.phases}", flush=True)
    idle = timed_run(raw, warehouse, home, root / "idle.log")
    print(f"nothing new: {idle.seconds:.1f} s {idle.phases}", flush=True)
    figures: dict[str, object] = {
        "size": size,
        "articles": len(files),
        "pyvi_alone_seconds": round(anchor, 2) if anchor else None,
        "extraction_alone_seconds": round(extraction, 2) if extraction else None,
        "extraction_to_pyvi_ratio": round(extraction / anchor, 3) if anchor and extraction else None,
        "full_build_extracted": cache_from is None,
        "full_build_seconds": round(full.seconds, 2),
        "full_to_pyvi_ratio": round(full.seconds / anchor, 3) if anchor and cache_from is None else None,
        "incremental_20_new_seconds": round(incremental.seconds, 2),
        "nothing_new_seconds": round(idle.seconds, 2),
        "full_build_peak_mb": round(full.peak_bytes / 2**20, 1),
        "incremental_peak_mb": round(incremental.peak_bytes / 2**20, 1),
        "nothing_new_peak_mb": round(idle.peak_bytes / 2**20, 1),
        "peak_mb": round(max(full.peak_bytes, incremental.peak_bytes, idle.peak_bytes) / 2**20, 1),
        "full_build_phases": full.phases,
        "incremental_phases": incremental.phases,
        "nothing_new_phases": idle.phases,
        "full_build_peak_by_process_mb": {
            name: round(n / 2**20, 1) for name, n in full.peak_processes.items()
        },
    }
    if crowd:
        (raw / "congress.txt").write_text(congress_report(crowd), encoding="utf-8")
        try:
            crowded = timed_run(raw, warehouse, home, root / "crowd.log")
        except SystemExit as failed:  # keep the figures measured so far, and the log to read
            kept = work.parent / f"bench-crowd-{size}.log"
            shutil.copyfile(root / "crowd.log", kept)
            print(f"congress run: {failed} (kept as {kept})", flush=True)
            figures["crowd_run_failed"] = str(kept)
            shutil.rmtree(root, ignore_errors=True)
            return figures
        attendees = _count(warehouse, "select max(attendee_count) from main.fct_meetings")
        print(f"congress of {attendees} attendees: {crowded.seconds:.1f} s", flush=True)
        figures.update(
            crowd_attendees=crowd,
            crowd_run_seconds=round(crowded.seconds, 2),
            crowd_run_peak_mb=round(crowded.peak_bytes / 2**20, 1),
            crowd_to_full_peak_ratio=round(crowded.peak_bytes / full.peak_bytes, 3),
        )
    shutil.rmtree(root, ignore_errors=True)
    return figures


def done_when(sizes: list[dict[str, object]]) -> list[tuple[str, float, float, bool]]:
    """Issue 18's targets that this run's sizes allow: (name, value, target, passed)."""
    by_count = {int(s["articles"]): s for s in sizes}
    small, archive, both = by_count.get(1000), by_count.get(6771), by_count.get(12731)
    checks = []

    def check(name: str, value: float) -> None:
        checks.append((name, round(value, 3), TARGETS[name], value <= TARGETS[name]))

    if archive and archive["extraction_to_pyvi_ratio"] is not None:
        check("extraction_to_pyvi_6771", archive["extraction_to_pyvi_ratio"])
    if archive and archive["full_to_pyvi_ratio"] is not None:
        check("full_to_pyvi_6771", archive["full_to_pyvi_ratio"])
    if archive:
        check("new20_6771_seconds", archive["incremental_20_new_seconds"])
    if archive and small:
        check(
            "new20_6771_to_1000", archive["incremental_20_new_seconds"] / small["incremental_20_new_seconds"]
        )
    if both and small:
        check("new20_12731_to_1000", both["incremental_20_new_seconds"] / small["incremental_20_new_seconds"])
        check("peak_12731_to_1000", both["peak_mb"] / small["peak_mb"])
    if both:
        check("peak_12731_mb", both["peak_mb"])
    if sizes:
        check("nothing_new_seconds", max(s["nothing_new_seconds"] for s in sizes))
    return checks


def _seconds(value: object) -> str:
    return "-" if value is None else f"{value:.1f} s"


def _table(sizes: list[dict[str, object]]) -> str:
    """The README's table: one row per size (a full build marked * extracted nothing: cache given)."""
    lines = [
        "| articles | pyvi alone | extraction alone (1 process) | full build | full / pyvi "
        "| +20 new | nothing new | peak memory |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in sizes:
        label = f"{s['articles']:,}" + (" (floor)" if s["size"] == "5" else "")
        full = _seconds(s["full_build_seconds"]) + ("" if s["full_build_extracted"] else " *")
        ratio = "-" if s["full_to_pyvi_ratio"] is None else f"{s['full_to_pyvi_ratio']:.2f}"
        lines.append(
            f"| {label} | {_seconds(s['pyvi_alone_seconds'])} | {_seconds(s['extraction_alone_seconds'])} "
            f"| {full} | {ratio} | {_seconds(s['incremental_20_new_seconds'])} "
            f"| {_seconds(s['nothing_new_seconds'])} | {s['peak_mb']:.0f} MB |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt articles")
    parser.add_argument(
        "--articles",
        default="1000",
        help="sizes, comma-separated: 5 (the samples, the floor), a number, 'all' (the corpus), "
        "'both' (both corpus folders)",
    )
    parser.add_argument("--out", type=Path, default=REPO / "warehouse" / "bench.json", help="JSON to write")
    parser.add_argument(
        "--crowd", type=int, default=CROWD, help="delegates named by the congress report (0: no such run)"
    )
    parser.add_argument(
        "--skip-anchors", action="store_true", help="do not time pyvi and the extractor alone"
    )
    parser.add_argument(
        "--cache-from",
        type=Path,
        help="start each warehouse with a copy of this extraction cache (the full build extracts nothing)",
    )
    args = parser.parse_args(argv)
    wanted = [size.strip() for size in args.articles.split(",") if size.strip()]

    from dagster_project.project import prepare_dbt_manifest

    prepare_dbt_manifest()
    load_at_start = os.getloadavg()  # other work on the machine slows every figure
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    sizes = []
    crowd = args.crowd
    try:
        for size in wanted:
            large = size in ("all", "both") or (size.isdigit() and int(size) >= 1000)
            sizes.append(
                bench_size(
                    size, args.corpus, work, crowd if large else 0, not args.skip_anchors, args.cache_from
                )
            )
            crowd = crowd if not large else 0  # the congress run once, at the first large size
    finally:
        shutil.rmtree(work, ignore_errors=True)

    floor = next((s for s in sizes if s["size"] == "5"), None)
    checks = done_when(sizes)
    figures = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "load_average_at_start": load_at_start,
        "load_average_at_end": os.getloadavg(),
        "corpus": str(args.corpus) if args.corpus.is_dir() else "samples",
        "floor_seconds": floor["incremental_20_new_seconds"] if floor else None,
        "sizes": sizes,
        "done_when": [{"target": n, "value": v, "limit": t, "passed": ok} for n, v, t, ok in checks],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print()
    print(_table(sizes))
    if floor:
        print(
            "\nfloor (a nightly build of the 5 samples with new articles): "
            f"{floor['incremental_20_new_seconds']:.1f} s {floor['incremental_phases']}"
        )
    for name, value, limit, passed in checks:
        print(f"{'PASS' if passed else 'FAIL'}  {name}: {value} (target <= {limit})")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
