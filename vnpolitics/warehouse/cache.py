"""The extraction cache: every article's raw rows, kept by content hash and extractor version.

An article's extraction depends only on its text and on the extractor's code, so a nightly run
extracts only the articles it has not seen under this version, and the load reads the rest
from here. The cache is a folder per extractor version holding one Parquet file per raw table
per batch of articles (``v<version>/<table>/<batch>.parquet``). A batch's ``articles`` file is
written last, so a batch without one (a run killed while writing it) counts as not there; files
are written under a temporary name and renamed, so a reader never sees half a file; and several
processes (Dagster partitions, a run and a backfill) may add batches at once. An article cached
twice is read once, from the batch whose name sorts first.

Beside the batches, ``rejected/`` holds the contents whose decoding and extraction overran the
time budget per file, by content hash, with the budget they overran: a file that cost a run its
whole budget costs the next run nothing (``rejections``), until the extractor changes (a new
version folder) or the budget is raised above the one recorded. ``decoded/`` holds what the
scan's decoding gave each plain file, by the sha256 of its bytes (``scan.Decoded``), so a
nightly scan of the archive decodes only the files it has not seen (``decoded``).
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import polars as pl

from vnpolitics.warehouse.raw_schema import INGEST_TABLES, RAW_TABLE_NAMES
from vnpolitics.warehouse.scan import Decoded, Rejection

# Tables whose rows belong to one article (every raw table but the ingest tables), from the raw
# schema's one definition; "articles" comes last because its file marks a batch done.
ARTICLE_TABLES = (
    *(name for name in RAW_TABLE_NAMES if name not in (*INGEST_TABLES, "articles")),
    "articles",
)
REJECTED = "rejected"
DECODED = "decoded"
_DECODED_SCHEMA = {
    "file_hash": pl.String,
    "text_digest": pl.String,
    "encoding": pl.String,
    "flags": pl.List(pl.String),
    "reason": pl.String,
}
_REJECTED_SCHEMA = {
    "content_hash": pl.String,
    "reason": pl.String,
    "encoding": pl.String,
    "flags": pl.List(pl.String),
    "budget_seconds": pl.Float64,
}


def default_cache_dir(warehouse: Path) -> Path:
    """Where the cache lives unless ``CACHE_DIR`` says otherwise: ``cache/`` beside the warehouse."""
    return warehouse.parent / "cache"


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

    def write_rejections(self, rejections: dict[str, Rejection], budget_seconds: float) -> None:
        """Record contents (by content hash) rejected for overrunning ``budget_seconds``."""
        if not rejections:
            return
        frame = pl.DataFrame(
            {
                "content_hash": list(rejections),
                "reason": [r.reason for r in rejections.values()],
                "encoding": [r.encoding for r in rejections.values()],
                "flags": [list(r.flags) for r in rejections.values()],
                "budget_seconds": [float(budget_seconds)] * len(rejections),
            },
            schema=_REJECTED_SCHEMA,
        )
        self._add_file(REJECTED, frame)

    def rejections(self, budget_seconds: float) -> dict[str, Rejection]:
        """Contents that overran a budget at least ``budget_seconds`` long: they would overrun this one."""
        files = sorted(str(p) for p in (self.folder / REJECTED).glob("*.parquet"))
        if not files:
            return {}
        rows = (
            pl.scan_parquet(files)
            .filter(pl.col("budget_seconds") >= budget_seconds)
            .unique("content_hash", keep="first", maintain_order=True)
            .collect()
        )
        return {
            row["content_hash"]: Rejection(row["reason"], row["encoding"], tuple(row["flags"]))
            for row in rows.iter_rows(named=True)
        }

    def decoded(self) -> dict[str, Decoded]:
        """What earlier scans' decoding gave each plain file (file sha256 -> ``Decoded``)."""
        files = sorted(str(p) for p in (self.folder / DECODED).glob("*.parquet"))
        if not files:
            return {}
        rows = pl.scan_parquet(files).unique("file_hash", keep="first", maintain_order=True).collect()
        return {
            row["file_hash"]: Decoded(row["text_digest"], row["encoding"], tuple(row["flags"]), row["reason"])
            for row in rows.iter_rows(named=True)
        }

    def write_decoded(self, decoded: dict[str, Decoded]) -> None:
        """Add ``decoded`` entries (one file each write, so concurrent scans never clash)."""
        if not decoded:
            return
        frame = pl.DataFrame(
            {
                "file_hash": list(decoded),
                "text_digest": [d.text_digest for d in decoded.values()],
                "encoding": [d.encoding for d in decoded.values()],
                "flags": [list(d.flags) for d in decoded.values()],
                "reason": [d.reason for d in decoded.values()],
            },
            schema=_DECODED_SCHEMA,
        )
        self._add_file(DECODED, frame)

    def _add_file(self, folder: str, frame: pl.DataFrame) -> None:
        """Write ``frame`` as a new file of ``folder``, under a temporary name renamed into place."""
        target = self.folder / folder / f"{uuid.uuid4().hex}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        frame.write_parquet(partial)
        partial.replace(target)

    def files(self, table: str, batches: list[str] | None = None) -> list[str]:
        """The Parquet files of ``table`` in ``batches`` (default: the complete ones), in batch order."""
        batches = self.complete_batches() if batches is None else batches
        return [str(self.folder / table / f"{b}.parquet") for b in batches]


def _safe(version: str) -> str:
    return "".join(ch if ch.isalnum() or ch in ".-_+" else "_" for ch in version)
