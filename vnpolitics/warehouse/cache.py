"""The extraction cache: every article's raw rows, kept by content hash and extractor version.

An article's extraction depends only on its text and on the extractor's code, so a nightly run
extracts only the articles it has not seen under this version, and the load reads the rest
from here. The cache is a folder per extractor version holding one Parquet file per raw table
per batch of articles (``v<version>/<table>/<batch>.parquet``). A batch's ``articles`` file is
written last, so a batch without one (a run killed while writing it) counts as not there; files
are written under a temporary name and renamed, so a reader never sees half a file; and several
processes (Dagster partitions, a run and a backfill) may add batches at once. An article cached
twice is read once, from the batch whose name sorts first.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import polars as pl

# Tables whose rows belong to one article (everything but ingest_files); "articles" marks a batch done.
ARTICLE_TABLES = (
    "captions",
    "sentences",
    "person_mentions",
    "person_titles",
    "organization_mentions",
    "organizations",
    "meetings",
    "meeting_organizers",
    "participant_roles",
    "articles",
)


class ExtractionCache:
    def __init__(self, root: Path, version: str) -> None:
        self.root = Path(root)
        self.version = version
        self.folder = self.root / f"v{_safe(version)}"

    def other_versions(self) -> list[str]:
        """Versions cached here before this one: their rows are stale for this extractor."""
        if not self.root.exists():
            return []
        return sorted(p.name[1:] for p in self.root.iterdir() if p.is_dir() and p != self.folder)

    def drop_other_versions(self) -> None:
        for name in self.other_versions():
            shutil.rmtree(self.root / f"v{name}", ignore_errors=True)

    def complete_batches(self) -> list[str]:
        folder = self.folder / "articles"
        return sorted(p.stem for p in folder.glob("*.parquet")) if folder.exists() else []

    def cached_keys(self) -> set[str]:
        """Article keys with a complete batch under this version."""
        files = self.files("articles")
        if not files:
            return set()
        return set(pl.scan_parquet(files).select("article_key").collect()["article_key"].to_list())

    def write_batch(self, frames: dict[str, pl.DataFrame]) -> str:
        """Store one batch's frames (one per table of ARTICLE_TABLES); returns the batch's name."""
        batch = uuid.uuid4().hex
        for table in ARTICLE_TABLES:  # "articles" last: its file is what makes the batch count
            target = self.folder / table / f"{batch}.parquet"
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".{batch}.parquet.partial")
            frames[table].write_parquet(partial)
            partial.replace(target)
        return batch

    def files(self, table: str, batches: list[str] | None = None) -> list[str]:
        """The Parquet files of ``table`` in ``batches`` (default: the complete ones), in batch order."""
        batches = self.complete_batches() if batches is None else batches
        return [str(self.folder / table / f"{b}.parquet") for b in batches]


def _safe(version: str) -> str:
    return "".join(ch if ch.isalnum() or ch in ".-_+" else "_" for ch in version)
