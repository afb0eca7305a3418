"""A raw folder in, the frames of every raw table out: scan, extract each article, tabulate.

An article whose extraction raises does not stop the run: its file (and any duplicate of it)
is recorded in ``ingest_files`` as rejected with reason ``extraction failed: <error>``, so the
next run can be compared and nothing disappears silently.
"""

from __future__ import annotations

import dataclasses
import logging
from pathlib import Path

import polars as pl

from vnpolitics.article import extract_article
from vnpolitics.faults import pause_point
from vnpolitics.frames import build_raw_frames
from vnpolitics.ingest import DEFAULT_MAX_FILE_BYTES, IngestRecord, LoadedFile, scan_folder
from vnpolitics.records import ArticleExtraction

EXTRACTOR_VERSION = "0.1.0"

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
            extracted.append((file, extract_article(file.decoded.text)))
        except Exception as exc:  # one bad article must not stop the nightly run
            log.exception("extraction failed for %s", file.source_file)
            failures[file.article_key] = f"extraction failed: {type(exc).__name__}: {exc}"
    return extracted, failures


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
    """Every raw table, as polars frames, for the files under ``raw_dir``."""
    ingest, loaded = scan_folder(Path(raw_dir), max_bytes)
    extracted, failures = extract_loaded(loaded)
    return build_raw_frames(mark_failures(ingest, failures), extracted, EXTRACTOR_VERSION)
