"""Walk the raw folder: one ``IngestRecord`` per file, decoded text for every new article.

Nothing is skipped silently: hidden files, oversized files, unreadable files, symlinks and
duplicates all get a row, so ``ingest_files`` accounts for every file an operator sees.
The walk is sorted, so the same folder always yields the same originals and duplicates.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vnpolitics.extract.decoding import decode_bytes
from vnpolitics.extract.records import DecodedText, RejectedFile


@dataclass(frozen=True)
class IngestRecord:
    source_file: str  # posix path relative to raw_dir
    content_hash: str | None  # sha256 hex of raw bytes
    size_bytes: int
    status: str  # "loaded" | "duplicate" | "rejected"
    reason: str | None  # None when loaded; "duplicate of <source_file>"; rejection reason
    article_key: str | None  # content_hash[:16]; for duplicates the key of the original; None if rejected
    encoding: str | None
    flags: tuple[str, ...]


@dataclass(frozen=True)
class LoadedFile:
    """A file to extract. Without ``decoded`` (a scan that keeps no text) it is re-read from ``path``."""

    source_file: str
    article_key: str
    content_hash: str
    decoded: DecodedText | None
    path: Path | None = None


def article_key_for(content_hash: str) -> str:
    """Article key = first 16 hex digits of the content hash (RAW_SCHEMA.md): stable across re-runs."""
    return content_hash[:16]


@dataclass(frozen=True)
class _Entry:
    path: Path
    source_file: str


# A long article is about 100 KB; 5 MB is a dump, a scrape gone wrong or a misplaced file, and
# extracting it would hold up the nightly run. ``MAX_FILE_BYTES`` raises it.
DEFAULT_MAX_FILE_BYTES = 5_000_000


def scan_folder(
    raw_dir: Path,
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    keep_text: bool = True,
    select: Callable[[str], bool] | None = None,
) -> tuple[list[IngestRecord], list[LoadedFile]]:
    """Read every file under ``raw_dir``; records are sorted by ``source_file``.

    Regular files are processed before symlinks so that a link to a file inside the folder
    is always the duplicate, never the original, whatever the names sort like. With
    ``keep_text`` False the decoded texts are dropped as the scan goes, so a folder of any
    size costs only its records; the extraction re-reads the files it needs. ``select`` keeps
    only the files whose relative name it accepts (one part of a partitioned backfill).
    """
    root = Path(raw_dir).resolve()
    entries = [e for e in _walk(root) if select is None or select(e.source_file)]
    regular = [e for e in entries if not e.path.is_symlink()]
    links = [e for e in entries if e.path.is_symlink()]
    scanner = _Scanner(root, max_bytes, keep_text)
    for entry in regular + links:
        scanner.scan(entry)
    records = sorted(scanner.records, key=lambda r: r.source_file)
    loaded = sorted(scanner.loaded, key=lambda f: f.source_file)
    return records, loaded


def folder_state(raw_dir: Path) -> tuple[int, str]:
    """How many files are under ``raw_dir`` and a digest of their names, sizes and mtimes.

    Reads no file, only directory entries, so a sensor can poll a large archive every minute:
    the digest changes when a file is added, removed, renamed or rewritten.
    """
    digest = hashlib.sha256()
    entries = _walk(Path(raw_dir).resolve())
    for entry in entries:
        info = entry.path.lstat()
        digest.update(f"{entry.source_file}\0{info.st_size}\0{info.st_mtime_ns}\n".encode("utf-8", "replace"))
    return len(entries), digest.hexdigest()


def _walk(root: Path) -> list[_Entry]:
    """All non-directory entries (and symlinks to directories) under root, sorted by relative path."""
    entries = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        base = Path(dirpath)
        names = list(filenames) + [d for d in dirnames if (base / d).is_symlink()]
        for name in names:
            path = base / name
            entries.append(_Entry(path, _relative_name(path, root)))
    return sorted(entries, key=lambda e: e.source_file)


def _relative_name(path: Path, root: Path) -> str:
    """Posix relative path; undecodable bytes in a name become U+FFFD so the name can be stored."""
    rel = path.relative_to(root).as_posix()
    return rel.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


class _Scanner:
    """Holds the state of one scan: hashes seen and what each one decoded to."""

    def __init__(self, root: Path, max_bytes: int, keep_text: bool = True) -> None:
        self.root = root
        self.max_bytes = max_bytes
        self.keep_text = keep_text
        self.records: list[IngestRecord] = []
        self.loaded: list[LoadedFile] = []
        self.originals: dict[str, IngestRecord] = {}  # content hash -> record of the loaded original
        self.text_originals: dict[str, IngestRecord] = {}  # hash of the decoded text -> that record
        self.rejections: dict[str, str] = {}  # content hash -> why that content was rejected

    def scan(self, entry: _Entry) -> None:
        problem, size = self._check_path(entry.path)
        if problem:
            self._reject(entry, None, size, problem)
            return
        try:
            data = entry.path.read_bytes()
        except OSError as exc:
            self._reject(entry, None, size, f"unreadable file: {exc.strerror or exc}")
            return
        self._scan_bytes(entry, data)

    def _check_path(self, path: Path) -> tuple[str | None, int]:
        """Reasons to reject a path before reading it, and the size it reports."""
        try:
            st = path.stat()  # follows symlinks
        except OSError as exc:
            if path.is_symlink():
                return "broken symlink", 0
            return f"unreadable file: {exc.strerror or exc}", 0
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(self.root):
                return "symlink outside raw folder", 0
            if stat.S_ISDIR(st.st_mode):
                return "symlink to a folder inside the raw folder (its files are read directly)", 0
        if not stat.S_ISREG(st.st_mode):
            return "not a regular file", 0
        if st.st_size > self.max_bytes:
            return f"file larger than the {self.max_bytes} byte limit (MAX_FILE_BYTES)", st.st_size
        return None, st.st_size

    def _scan_bytes(self, entry: _Entry, data: bytes) -> None:
        digest = hashlib.sha256(data).hexdigest()
        if digest in self.originals:
            original = self.originals[digest]
            self._add(
                entry,
                digest,
                len(data),
                "duplicate",
                f"duplicate of {original.source_file}",
                original.article_key,
                original.encoding,
                original.flags,
            )
            return
        if digest in self.rejections:
            self._reject(entry, digest, len(data), self.rejections[digest])
            return
        try:
            decoded = decode_bytes(data)
        except RejectedFile as exc:
            self.rejections[digest] = exc.reason
            self._reject(entry, digest, len(data), exc.reason)
            return
        text_digest = hashlib.sha256(decoded.text.encode("utf-8")).hexdigest()
        if text_digest in self.text_originals:
            # The same article saved in another encoding or with other line ends: one article.
            original = self.text_originals[text_digest]
            reason = f"duplicate of {original.source_file} (same text, other bytes)"
            self._add(
                entry,
                digest,
                len(data),
                "duplicate",
                reason,
                original.article_key,
                decoded.encoding,
                decoded.flags,
            )
            self.originals[digest] = original
            return
        key = article_key_for(digest)
        record = self._add(entry, digest, len(data), "loaded", None, key, decoded.encoding, decoded.flags)
        self.originals[digest] = record
        self.text_originals[text_digest] = record
        kept = decoded if self.keep_text else None
        self.loaded.append(LoadedFile(entry.source_file, key, digest, kept, entry.path))

    def _reject(self, entry: _Entry, digest: str | None, size: int, reason: str) -> None:
        self._add(entry, digest, size, "rejected", reason, None, None, ())

    def _add(
        self,
        entry: _Entry,
        digest: str | None,
        size: int,
        status: str,
        reason: str | None,
        key: str | None,
        encoding: str | None,
        flags: tuple[str, ...],
    ) -> IngestRecord:
        record = IngestRecord(entry.source_file, digest, size, status, reason, key, encoding, flags)
        self.records.append(record)
        return record
