"""A raw folder in, the rows of every raw table out: scan, extract what is new, tabulate.

Two ways through:
- ``extract_folder`` extracts everything in this process and returns the frames (for tests
  and one-off use);
- ``extract_to_cache`` is the nightly path: it extracts only the articles the extraction
  cache lacks, one file at a time on each of several worker processes, and writes a batch to
  the cache every ``batch_size`` files, so memory holds the scan's records and a batch, never
  the whole folder.

An article whose extraction raises does not stop the run: its file (and any duplicate of it)
is recorded in ``ingest_files`` as rejected with reason ``extraction failed: <error>``, and it
is tried again on the next run (failures are not cached).

No file can hold the run for long either: on the nightly path each file is decoded and
extracted on a worker process within a wall-clock budget (``FILE_BUDGET_SECONDS``, default
300 s; ``file_budget``, ``budgeted_pool``). A file over budget is rejected with a reason that
names the budget, and that rejection is cached by content hash, so the next run neither decodes
nor extracts it again. Only the budget is cached: an exception or a worker killed by the system
may not happen again, so those files are tried again next run. ``extract_folder`` (tests,
one-off use) runs in this process and has no budget.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import logging
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from datetime import time as time_of_day
from pathlib import Path

import polars as pl

from vnpolitics.extract.article import extract_article
from vnpolitics.extract.decoding import decode_bytes
from vnpolitics.extract.records import ArticleExtraction, RejectedFile
from vnpolitics.extract.version import EXTRACTOR_VERSION
from vnpolitics.warehouse.budgeted_pool import OverBudget, WorkerDied, run_within_budget, warm_pool
from vnpolitics.warehouse.cache import ARTICLE_TABLES, ExtractionCache
from vnpolitics.warehouse.crash_points import pause_point
from vnpolitics.warehouse.file_budget import file_budget_seconds, over_budget_reason
from vnpolitics.warehouse.raw_frames import build_raw_frames
from vnpolitics.warehouse.scan import (
    DEFAULT_MAX_FILE_BYTES,
    IngestRecord,
    LoadedFile,
    Rejection,
    ScanProgress,
    scan_folder,
)

DEFAULT_BATCH_SIZE = 200
# A backfill splits the folder into 16 parts by file name, stable as files come and go.
FILE_PARTS = tuple(f"{i:x}" for i in range(16))

log = logging.getLogger(__name__)


def extract_loaded(
    loaded: list[LoadedFile],
) -> tuple[list[tuple[LoadedFile, ArticleExtraction]], dict[str, str]]:
    """Extract every loaded file; returns the extractions and, per failed article_key, the error."""
    extracted: list[tuple[LoadedFile, ArticleExtraction]] = []
    failures: dict[str, str] = {}
    for file in loaded:
        if len(extracted) == 1:
            pause_point("extraction")
        try:
            file = _with_text(file)
            extracted.append((file, extract_file(file)))
        except Exception as exc:  # one bad article must not stop the nightly run
            log.exception("extraction failed for %s", file.source_file)
            failures[file.article_key] = f"extraction failed: {type(exc).__name__}: {exc}"
    return extracted, failures


def extract_file(file: LoadedFile) -> ArticleExtraction:
    """The file's extraction, told the publication dates known from outside its text: a record's
    or sidecar's (which outranks the text's), a date in its path (which the text's outranks).
    The events report extracts with it too, so it judges what the warehouse publishes."""
    path_published_at = datetime.combine(file.path_date, time_of_day.min) if file.path_date else None
    return extract_article(
        file.decoded.text,
        file_year=file_year(file),
        published_at=file.published_at,
        fallback_published_at=path_published_at,
    )


def file_year(file: LoadedFile) -> int | None:
    """The year the raw file was last written, as the scan read it (Vietnamese time); None for
    a file the scan did not stat.

    A crawler writes an article the day it is published, so this dates a meeting whose article
    prints no year at all better than nothing does. The cache keeps the extraction under the
    article's key, so a later copy of the same text keeps the first year.
    """
    return file.written_at.year if file.written_at else None


def _with_text(file: LoadedFile) -> LoadedFile:
    """The file with its decoded text, re-read from disk when the scan did not keep it."""
    if file.decoded is not None:
        return file
    data = file.path.read_bytes()
    if hashlib.sha256(data).hexdigest() != file.content_hash:
        raise RejectedFile("file changed while the run was reading it")
    return dataclasses.replace(file, decoded=decode_bytes(data))


def file_part(source_file: str) -> str:
    """The part of ``FILE_PARTS`` a file belongs to: the first hex digit of md5 of its name."""
    return hashlib.md5(source_file.encode("utf-8")).hexdigest()[0]


def mark_failures(ingest: list[IngestRecord], failures: dict[str, str]) -> list[IngestRecord]:
    """Records whose article failed to extract (originals, versions and duplicates) become rejected rows."""
    if not failures:
        return ingest
    return [
        dataclasses.replace(
            r, status="rejected", reason=failures[r.article_key], article_key=None, document_key=None
        )
        if r.article_key in failures and r.status in ("loaded", "updated", "duplicate")
        else r
        for r in ingest
    ]


def extract_folder(raw_dir: Path, max_bytes: int = DEFAULT_MAX_FILE_BYTES) -> dict[str, pl.DataFrame]:
    """Every raw table, as polars frames, for the files under ``raw_dir`` (no cache, one process)."""
    ingest, loaded = scan_folder(Path(raw_dir), max_bytes)
    extracted, failures = extract_loaded(loaded)
    return build_raw_frames(mark_failures(ingest, failures), extracted, EXTRACTOR_VERSION)


@dataclass(frozen=True)
class Progress:
    """Where an extraction stands: articles done of those to extract, and the rate so far."""

    done: int
    total: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0

    def __str__(self) -> str:
        return f"extracted {self.done}/{self.total} articles ({self.rate:.1f}/s)"


@dataclass(frozen=True)
class ExtractionReport:
    ingest: list[IngestRecord]
    from_cache: int
    extracted: int
    failed: int  # not extracted: raised, worker died, or over budget
    seconds: float
    dropped_versions: tuple[str, ...]
    over_budget: int = 0  # of ``failed``: rejected for overrunning the budget per file (then cached)


def extract_to_cache(
    raw_dir: Path,
    cache: ExtractionCache,
    *,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[Progress | ScanProgress], None] | None = None,
    part: str | None = None,
    budget_seconds: float | None = None,
    keep_workers_warm: bool = False,
) -> ExtractionReport:
    """Scan ``raw_dir`` and extract into ``cache`` every loaded article it lacks; return the ingest rows.

    With ``part`` (one of ``FILE_PARTS``) only the files of that part are scanned and extracted.
    Each file gets ``budget_seconds`` (default: ``file_budget_seconds()``) on a worker process;
    with ``keep_workers_warm`` those processes stay up for this process's next call
    (``budgeted_pool.run_within_budget``'s ``keep_warm``).
    """
    started = time.monotonic()
    budget = file_budget_seconds() if budget_seconds is None else budget_seconds
    dropped = tuple(cache.other_versions())
    if dropped:
        log.warning(
            "extractor version is now %s (cache had %s): every article is extracted again",
            cache.version,
            ", ".join(dropped),
        )
        cache.drop_other_versions()
    select = None if part is None else (lambda source_file: file_part(source_file) == part)
    decoded = cache.decoded()
    seen = set(decoded)
    ingest, loaded = scan_folder(
        Path(raw_dir),
        max_bytes,
        keep_text=False,
        select=select,
        known_rejections=cache.rejections(budget),
        progress=progress,
        decoded=decoded,
    )
    cache.write_decoded({digest: d for digest, d in decoded.items() if digest not in seen})
    cached = cache.cached_keys()
    todo = [f for f in loaded if f.article_key not in cached]
    failures: dict[str, str] = {}
    over: dict[str, str] = {}
    done = 0
    batches = _extracted_batches(todo, workers, batch_size, budget, keep_workers_warm)
    for frames, batch_failures, batch_over, size in batches:
        cache.write_batch(frames)
        failures.update(batch_failures)
        over.update(batch_over)
        done += size
        if progress:
            progress(Progress(done, len(todo), time.monotonic() - started))
    cache.write_rejections(_rejections(ingest, over), budget)
    return ExtractionReport(
        ingest=mark_failures(ingest, {**failures, **over}),
        from_cache=len(loaded) - len(todo),
        extracted=len(todo) - len(failures) - len(over),
        failed=len(failures) + len(over),
        seconds=time.monotonic() - started,
        dropped_versions=dropped,
        over_budget=len(over),
    )


def _rejections(ingest: list[IngestRecord], over: dict[str, str]) -> dict[str, Rejection]:
    """Content hash -> the row a later scan gives it: every file of an article over budget, its
    copies included, rejected as this run's ``mark_failures`` rejects them."""
    return {
        r.content_hash: Rejection(over[r.article_key], r.encoding, r.flags)
        for r in ingest
        if r.article_key in over and r.status in ("loaded", "updated", "duplicate") and r.content_hash
    }


# (frames of one cache batch, failures by article_key, over-budget rejections by article_key, files)
_Batch = tuple[dict[str, pl.DataFrame], dict[str, str], dict[str, str], int]


def _extracted_batches(
    todo: list[LoadedFile], workers: int, batch_size: int, budget: float, keep_warm: bool = False
) -> Iterator[_Batch]:
    """Extract ``todo`` on ``workers`` processes, one file at a time each, within ``budget`` seconds
    per file; yield a cache batch every ``batch_size`` files done and one for the rest."""
    extracted: list[tuple[LoadedFile, ArticleExtraction]] = []
    failures: dict[str, str] = {}
    over: dict[str, str] = {}
    results = run_within_budget(
        _extract_one,
        todo,
        workers=workers,
        budget_seconds=budget,
        warm_up=warm_up_extractor,
        keep_warm=keep_warm,
    )
    for done, (index, result) in enumerate(results, start=1):
        if done == 1:  # an article extracted, others on their way: inside the phase
            pause_point("extraction")
        file = todo[index]
        if isinstance(result, OverBudget):
            over[file.article_key] = over_budget_reason(budget)
            log.warning("%s: %s", file.source_file, over[file.article_key])
        elif isinstance(result, WorkerDied):
            failures[file.article_key] = f"extraction failed: its worker died (exit code {result.exitcode})"
            log.warning("%s: %s", file.source_file, failures[file.article_key])
        elif isinstance(result, str):
            failures[file.article_key] = result
        else:
            extracted.append(result)
        if done % batch_size == 0 or done == len(todo):
            yield _batch_frames(extracted), failures, over, len(extracted) + len(failures) + len(over)
            extracted, failures, over = [], {}, {}


def _batch_frames(extracted: list[tuple[LoadedFile, ArticleExtraction]]) -> dict[str, pl.DataFrame]:
    """One batch's article tables: the frames a cache batch holds."""
    frames = build_raw_frames([], extracted, EXTRACTOR_VERSION)
    return {table: frames[table] for table in ARTICLE_TABLES}


def _extract_one(file: LoadedFile) -> tuple[LoadedFile, ArticleExtraction] | str:
    """On a worker: decode and extract one file; its extraction, or why it failed.

    The decoded text is dropped from the answer (the extraction holds the cleaned text), so
    what goes back through the pipe is about the size of the article once.
    """
    extracted, failures = extract_loaded([file])
    if failures:
        return failures[file.article_key]
    done, extraction = extracted[0]
    return dataclasses.replace(done, decoded=dataclasses.replace(done.decoded, text="")), extraction


def warm_extraction_workers(workers: int = 1) -> None:
    """Start and warm the processes a later ``extract_to_cache(..., keep_workers_warm=True)`` with
    as many ``workers`` takes, so that its first file does not wait for their warm-up."""
    warm_pool(_extract_one, warm_up_extractor, workers)


# Allocations between two young collections in a process that extracts (Python's default: 700).
EXTRACTION_GC_THRESHOLD = 10_000


def warm_up_extractor() -> None:
    """Load what the first article would (gazetteers, pyvi's model), so no file's budget pays it,
    and settle the cyclic collector for a process that extracts.

    An article allocates hundreds of thousands of short-lived objects (a token per syllable, an
    item per token), nearly all freed by reference counting; at Python's default pace the collector
    walked them every 700 allocations, and every few passes the gazetteers and models too: 5% of
    extraction on 1,000 corpus articles (timed with ``gc.callbacks``), under 0.2% after. What is
    loaded now lives as long as the process, so it is frozen out of the collector's passes."""
    extract_article("Sáng 1/1/2020, đồng chí Nguyễn Văn An, Bí thư Tỉnh ủy, phát biểu tại hội nghị.\n")
    gc.collect()
    gc.freeze()
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(EXTRACTION_GC_THRESHOLD, older, oldest)
