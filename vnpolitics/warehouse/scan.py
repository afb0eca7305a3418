"""Walk the raw folder: one ``IngestRecord`` per file, decoded text for every new article.

Nothing is skipped silently: hidden files, oversized files, unreadable files, symlinks and
duplicates all get a row, so ``ingest_files`` accounts for every file an operator sees.
The walk is sorted, so the same folder always yields the same originals and duplicates.

Every file gets its own ``source_file``, printable, even when its name is not valid UTF-8:
undecodable bytes are written ``\\xe0`` (``_unique_names``), so ``B\\xe0i.txt`` and ``B\\xe1i.txt``
stay two files, where replacing both bytes by U+FFFD made them one name and failed the build;
control characters are escaped too, so printing a name never drives a terminal. A long
scan reports how far it got (``ScanProgress``), and a content the extraction cache already
rejected (``known_rejections``: over its time budget) is not decoded again.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import time
import unicodedata
from collections.abc import Callable, Mapping
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
class Rejection:
    """Why a content was rejected, and what its decoding said (both None for a file never decoded)."""

    reason: str
    encoding: str | None = None
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScanProgress:
    """How far a scan got: files read of those found, and the time so far."""

    done: int
    total: int
    seconds: float

    def __str__(self) -> str:
        rate = self.done / self.seconds if self.seconds else 0.0
        return f"scanned {self.done}/{self.total} files ({rate:.1f}/s)"


# A scan reports its progress every this many files or seconds, whichever comes first.
SCAN_PROGRESS_FILES = 1000
SCAN_PROGRESS_SECONDS = 10.0

log = logging.getLogger(__name__)


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
    known_rejections: Mapping[str, Rejection] | None = None,
    progress: Callable[[ScanProgress], None] | None = None,
) -> tuple[list[IngestRecord], list[LoadedFile]]:
    """Read every file under ``raw_dir``; records are sorted by ``source_file``.

    Regular files are processed before symlinks so that a link to a file inside the folder
    is always the duplicate, never the original, whatever the names sort like. With
    ``keep_text`` False the decoded texts are dropped as the scan goes, so a folder of any
    size costs only its records; the extraction re-reads the files it needs. ``select`` keeps
    only the files whose relative name it accepts (one part of a partitioned backfill).
    A file whose content hash is in ``known_rejections`` is rejected as recorded there, without
    being decoded. ``progress`` (default: the log) hears how far a long scan got.
    """
    root = Path(raw_dir).resolve()
    entries = [e for e in _walk(root) if select is None or select(e.source_file)]
    regular = [e for e in entries if not e.path.is_symlink()]
    links = [e for e in entries if e.path.is_symlink()]
    scanner = _Scanner(root, max_bytes, keep_text, known_rejections or {})
    report = progress or (lambda p: log.info("%s", p))
    started = last = time.monotonic()
    for done, entry in enumerate(regular + links, start=1):
        scanner.scan(entry)
        now = time.monotonic()
        if done % SCAN_PROGRESS_FILES == 0 or now - last >= SCAN_PROGRESS_SECONDS:
            report(ScanProgress(done, len(entries), now - started))
            last = now
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
    paths = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        base = Path(dirpath)
        names = list(filenames) + [d for d in dirnames if (base / d).is_symlink()]
        paths += [base / name for name in names]
    names = _unique_names([path.relative_to(root).as_posix() for path in paths])
    entries = [_Entry(path, name) for path, name in zip(paths, names, strict=True)]
    return sorted(entries, key=lambda e: e.source_file)


def _unique_names(relative: list[str]) -> list[str]:
    """A distinct, storable and printable ``source_file`` for every relative path (as ``os.walk``
    spells it).

    A name is itself unless it holds what cannot be stored or shown (``printable``). Such
    a name, once escaped, could equal a real name that holds that very text, or another escaped
    name; then, in the order of the names' bytes, the later ones take the first eight hex digits
    of the SHA-256 of their bytes, and a counter if even that is taken. Plain names never change.
    """
    names = [printable(rel) for rel in relative]
    taken = {name for name, rel in zip(names, relative, strict=True) if name == rel}
    raw = [rel.encode("utf-8", "surrogateescape") for rel in relative]
    for i in sorted((i for i, rel in enumerate(relative) if names[i] != rel), key=lambda i: raw[i]):
        name = names[i]
        if name in taken:
            name = candidate = f"{names[i]}~{hashlib.sha256(raw[i]).hexdigest()[:8]}"
            count = 1
            while name in taken:
                count += 1
                name = f"{candidate}~{count}"
        taken.add(name)
        names[i] = name
    return names


def printable(text: str) -> str:
    """The text with bytes that are not UTF-8 written ``\\xe0`` (``os.walk`` and ``sys.argv`` hold
    them as lone surrogates, which no database stores and ``print`` refuses), and control and
    invisible format characters written ``\\x1b``, ``\\u202e`` (a terminal would obey them; a
    right-to-left override disguises an extension). The same on every run.

    For file names and for anything printed that may hold one (``check-folder``'s lines).
    """
    if text.isascii() and text.isprintable():
        return text
    out = []
    for ch in text:
        if "\udc80" <= ch <= "\udcff":
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs"):
            out.append(ch.encode("unicode_escape").decode("ascii"))
        else:
            out.append(ch)
    return "".join(out)


class _Scanner:
    """Holds the state of one scan: hashes seen and what each one decoded to."""

    def __init__(
        self, root: Path, max_bytes: int, keep_text: bool = True, known: Mapping[str, Rejection] | None = None
    ) -> None:
        self.root = root
        self.max_bytes = max_bytes
        self.keep_text = keep_text
        self.records: list[IngestRecord] = []
        self.loaded: list[LoadedFile] = []
        self.originals: dict[str, IngestRecord] = {}  # content hash -> record of the loaded original
        self.text_originals: dict[str, IngestRecord] = {}  # hash of the decoded text -> that record
        self.rejections: dict[str, Rejection] = dict(known or {})  # content hash -> why it was rejected

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
            known = self.rejections[digest]
            self._add(entry, digest, len(data), "rejected", known.reason, None, known.encoding, known.flags)
            return
        try:
            decoded = decode_bytes(data)
        except RejectedFile as exc:
            self.rejections[digest] = Rejection(exc.reason)
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
