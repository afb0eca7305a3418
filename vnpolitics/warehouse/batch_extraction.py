"""A raw folder in, the rows of every raw table out: scan, extract what is new, tabulate.

Two ways through:
- ``extract_folder`` extracts everything in this process and returns the frames (for tests
  and one-off use);
- ``extract_to_cache`` is the nightly path: it extracts only the articles the extraction
  cache lacks, in batches, on several worker processes, and writes each batch to the cache as
  it comes, so memory holds the scan's records and a few batches, never the whole folder.

An article whose extraction raises does not stop the run: its file (and any duplicate of it)
is recorded in ``ingest_files`` as rejected with reason ``extraction failed: <error>``, and it
is tried again on the next run (failures are not cached).
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import multiprocessing
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from vnpolitics.extract.article import extract_article
from vnpolitics.extract.decoding import decode_bytes
from vnpolitics.extract.records import ArticleExtraction, RejectedFile
from vnpolitics.extract.version import EXTRACTOR_VERSION
from vnpolitics.warehouse.cache import ARTICLE_TABLES, ExtractionCache
from vnpolitics.warehouse.crash_points import pause_point
from vnpolitics.warehouse.raw_frames import build_raw_frames
from vnpolitics.warehouse.scan import DEFAULT_MAX_FILE_BYTES, IngestRecord, LoadedFile, scan_folder

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
            extracted.append((file, extract_article(file.decoded.text)))
        except Exception as exc:  # one bad article must not stop the nightly run
            log.exception("extraction failed for %s", file.source_file)
            failures[file.article_key] = f"extraction failed: {type(exc).__name__}: {exc}"
    return extracted, failures


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
    """Files whose article failed to extract (originals and duplicates) become rejected rows."""
    if not failures:
        return ingest
    return [
        dataclasses.replace(r, status="rejected", reason=failures[r.article_key], article_key=None)
        if r.article_key in failures and r.status in ("loaded", "duplicate")
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
    failed: int
    seconds: float
    dropped_versions: tuple[str, ...]


def extract_to_cache(
    raw_dir: Path,
    cache: ExtractionCache,
    *,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[Progress], None] | None = None,
    part: str | None = None,
) -> ExtractionReport:
    """Scan ``raw_dir`` and extract into ``cache`` every loaded article it lacks; return the ingest rows.

    With ``part`` (one of ``FILE_PARTS``) only the files of that part are scanned and extracted.
    """
    started = time.monotonic()
    dropped = tuple(cache.other_versions())
    if dropped:
        log.warning(
            "extractor version is now %s (cache had %s): every article is extracted again",
            cache.version,
            ", ".join(dropped),
        )
        cache.drop_other_versions()
    select = None if part is None else (lambda source_file: file_part(source_file) == part)
    ingest, loaded = scan_folder(Path(raw_dir), max_bytes, keep_text=False, select=select)
    cached = cache.cached_keys()
    todo = [f for f in loaded if f.article_key not in cached]
    failures: dict[str, str] = {}
    done = 0
    for frames, batch_failures, size in _extracted_batches(todo, workers, batch_size):
        cache.write_batch(frames)
        failures.update(batch_failures)
        done += size
        if progress:
            progress(Progress(done, len(todo), time.monotonic() - started))
    return ExtractionReport(
        ingest=mark_failures(ingest, failures),
        from_cache=len(loaded) - len(todo),
        extracted=len(todo) - len(failures),
        failed=len(failures),
        seconds=time.monotonic() - started,
        dropped_versions=dropped,
    )


def _extracted_batches(
    todo: list[LoadedFile], workers: int, batch_size: int
) -> Iterator[tuple[dict[str, pl.DataFrame], dict[str, str], int]]:
    """Extract ``todo`` batch by batch: here when one worker, else in a pool of processes.

    Processes, not threads: pyvi and the rules are pure Python and hold the GIL. The pool
    is spawned, not forked, so no lock held by a thread of the parent (Dagster, polars) is
    copied into a child.
    """
    batches = [todo[i : i + batch_size] for i in range(0, len(todo), batch_size)]
    if workers <= 1 or len(batches) <= 1:
        yield from (_extract_batch(batch) for batch in batches)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        yield from pool.map(_extract_batch, batches)


def _extract_batch(batch: list[LoadedFile]) -> tuple[dict[str, pl.DataFrame], dict[str, str], int]:
    """One batch's article tables (the frames a cache batch holds) and its failures."""
    extracted, failures = extract_loaded(batch)
    frames = build_raw_frames([], extracted, EXTRACTOR_VERSION)
    return {table: frames[table] for table in ARTICLE_TABLES}, failures, len(batch)
