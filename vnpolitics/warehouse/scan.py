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

Decoding is most of a scan's cost (about 8 ms a file: encodings, HTML, the Vietnamese check), and
a nightly run scans the whole archive to find what is new. ``decoded`` remembers, by the sha256
of a plain file's bytes, what its decoding gave (the text's digest, encoding and flags, or why it
was rejected), so a file already seen is only read and hashed; the extraction cache keeps it
between runs, under the extractor version (``decoding`` is part of the extractor).
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import time
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from vnpolitics.extract.decoding import decode_bytes
from vnpolitics.extract.records import DecodedText, RejectedFile
from vnpolitics.warehouse.crawler_records import (
    MAX_EXPANSION,
    VIETNAM,
    Candidate,
    Oversize,
    RecordMetadata,
    file_hash_with_metadata,
    gunzip,
    is_gzip_name,
    is_records_file,
    map_record,
    path_date,
    read_sidecar,
    record_candidates,
    sidecar_target,
)
from vnpolitics.warehouse.urls import document_key_for


@dataclass(frozen=True)
class IngestRecord:
    """One record of a raw file (a one-article file is one record) or one sidecar, and what became of it."""

    source_file: str  # posix path relative to raw_dir
    content_hash: str | None  # sha256 of what the extraction reads (a one-article file: its bytes)
    size_bytes: int
    status: str  # "loaded" | "duplicate" | "updated" (a new version of a known URL) | "rejected"
    reason: str | None  # None when loaded; "duplicate of <source_file>"; rejection reason
    article_key: str | None  # content_hash[:16]; for duplicates the key of the original; None if rejected
    encoding: str | None
    flags: tuple[str, ...]
    record: int | None = None  # 1-based line or position in a file of records; None: the whole file
    file_hash: str | None = None  # sha256 of the file's bytes (differs from content_hash for records)
    document_key: str | None = None  # the article in the marts: its canonical URL's key, else article_key
    meta: RecordMetadata | None = None  # what the record or sidecar says; None for a sidecar's own row
    seen_at: datetime | None = None  # the crawler's fetch time, else the file's mtime (Vietnamese time)
    kind: str = "article"  # "article" | "sidecar" (a sidecar file: ingest_files only)

    @property
    def place(self) -> str:
        """``file`` or ``file:record``, as reasons name a record."""
        return self.source_file if self.record is None else f"{self.source_file}:{self.record}"


@dataclass(frozen=True)
class LoadedFile:
    """A file to extract. Without ``decoded`` (a scan that keeps no text) it is re-read from ``path``.

    ``published_at`` (a record's or sidecar's) and ``path_date`` are the publication dates known
    from outside the text, for the meeting-year inference (``extract_article``); ``written_at``,
    the file's modification time the scan read (Vietnamese time), is its year of last resort.
    """

    source_file: str
    article_key: str
    content_hash: str
    decoded: DecodedText | None
    path: Path | None = None
    published_at: datetime | None = None
    path_date: date | None = None
    written_at: datetime | None = None


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
class Decoded:
    """What decoding a plain file (no sidecar, not a file of records) gave, without its text:
    ``text_digest`` (sha256 of the text and a NUL), ``encoding`` and ``flags``, or ``reason``
    when it was rejected."""

    text_digest: str | None
    encoding: str | None
    flags: tuple[str, ...]
    reason: str | None = None


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
    decoded: dict[str, Decoded] | None = None,
) -> tuple[list[IngestRecord], list[LoadedFile]]:
    """Read every file under ``raw_dir``; records are sorted by ``source_file``.

    Regular files are processed before symlinks so that a link to a file inside the folder
    is always the duplicate, never the original, whatever the names sort like. With
    ``keep_text`` False the decoded texts are dropped as the scan goes, so a folder of any
    size costs only its records; the extraction re-reads the files it needs. ``select`` keeps
    only the files whose relative name it accepts (one part of a partitioned backfill).
    A file whose content hash is in ``known_rejections`` is rejected as recorded there, without
    being decoded. ``progress`` (default: the log) hears how far a long scan got. With
    ``keep_text`` False, ``decoded`` (file sha256 -> ``Decoded``) spares decoding a plain file seen
    before, and gains an entry for each plain file this scan decodes.
    """
    root = Path(raw_dir).resolve()
    everything = _walk(root)
    sidecars = _sidecars(everything)
    entries = [
        e for e in everything if (select is None or select(e.source_file)) and e.source_file not in sidecars
    ]
    regular = [e for e in entries if not e.path.is_symlink()]
    links = [e for e in entries if e.path.is_symlink()]
    scanner = _Scanner(root, max_bytes, keep_text, known_rejections or {})
    if decoded is not None and not keep_text:
        scanner.decoded = decoded
    scanner.sidecar_of = {target: entry for entry, target in sidecars.values()}
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


def _sidecars(entries: list[_Entry]) -> dict[str, tuple[_Entry, str]]:
    """Sidecar name -> (its entry, the name of the file it describes): ``a.txt.json`` beside ``a.txt``."""
    names = {e.source_file for e in entries}
    found = ((e, sidecar_target(e.source_file, names)) for e in entries)
    return {e.source_file: (e, target) for e, target in found if target is not None}


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
    """Holds the state of one scan: hashes seen, what each one decoded to, and every URL's versions.

    Identity: a record with a URL is the article at its canonical URL (``document_key``); a new
    text under a URL already seen is a new version (``updated``), the same text again a
    duplicate; the same text under another URL is another article (a republication) that shares
    the first one's extraction (one ``article_key``). A record without a URL is its text, as a
    plain file always was: the same text again, in any bytes, is a duplicate. Versions follow
    the scan's order (sorted names, then lines): crawlers write later fetches into later-sorting
    files (dated folders, timestamped names) or later lines.
    """

    def __init__(
        self, root: Path, max_bytes: int, keep_text: bool = True, known: Mapping[str, Rejection] | None = None
    ) -> None:
        self.root = root
        self.max_bytes = max_bytes
        self.keep_text = keep_text
        self.records: list[IngestRecord] = []
        self.loaded: list[LoadedFile] = []
        self.originals: dict[str, IngestRecord] = {}  # file hash -> record of the loaded original
        self.text_originals: dict[str, IngestRecord] = {}  # hash of the text (and date) -> first record
        self.url_texts: dict[str, dict[str, IngestRecord]] = {}  # canonical URL -> text hash -> record
        self.url_latest: dict[str, IngestRecord] = {}  # canonical URL -> its latest version
        self.rejections: dict[str, Rejection] = dict(known or {})  # content hash -> why it was rejected
        self.sidecar_of: dict[str, _Entry] = {}  # file name -> its sidecar's entry
        self.decoded: dict[str, Decoded] | None = None  # plain file sha256 -> its decoding (no text)

    def scan(self, entry: _Entry) -> None:
        sidecar = self._sidecar(entry)
        problem, size, seen = self._check_path(entry.path)
        if problem:
            self._reject(entry, None, size, problem)
            return
        try:
            data = entry.path.read_bytes()
        except OSError as exc:
            self._reject(entry, None, size, f"unreadable file: {exc.strerror or exc}")
            return
        self._scan_bytes(entry, data, seen, sidecar)

    def _sidecar(self, entry: _Entry) -> RecordMetadata | None:
        """The metadata of ``entry``'s sidecar, if it has one; the sidecar's own row is added here."""
        side = self.sidecar_of.get(entry.source_file)
        if side is None:
            return None
        problem, size, _ = self._check_path(side.path)
        try:
            if problem:
                raise RejectedFile(problem)
            data = side.path.read_bytes()
            _, meta = map_record(read_sidecar(data), origin="sidecar", dated=path_date(entry.source_file))
        except (OSError, UnicodeDecodeError, RejectedFile) as exc:
            reason = exc.reason if isinstance(exc, RejectedFile) else f"unreadable sidecar: {exc}"
            self._add(
                side, None, size, "rejected", f"{reason} (sidecar of {entry.source_file})", None, None, ()
            )
            return None
        digest = hashlib.sha256(data).hexdigest()
        self.records.append(
            IngestRecord(
                side.source_file,
                digest,
                len(data),
                "loaded",
                None,
                None,
                "utf-8",
                ("sidecar",),
                file_hash=digest,
                kind="sidecar",
            )
        )
        return meta

    def _check_path(self, path: Path) -> tuple[str | None, int, datetime | None]:
        """Reasons to reject a path before reading it, the size it reports, and when it was written."""
        try:
            st = path.stat()  # follows symlinks
        except OSError as exc:
            if path.is_symlink():
                return "broken symlink", 0, None
            return f"unreadable file: {exc.strerror or exc}", 0, None
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(self.root):
                return "symlink outside raw folder", 0, None
            if stat.S_ISDIR(st.st_mode):
                return "symlink to a folder inside the raw folder (its files are read directly)", 0, None
        if not stat.S_ISREG(st.st_mode):
            return "not a regular file", 0, None
        if st.st_size > self.max_bytes:
            return f"file larger than the {self.max_bytes} byte limit (MAX_FILE_BYTES)", st.st_size, None
        seen = datetime.fromtimestamp(st.st_mtime, VIETNAM).replace(tzinfo=None)
        return None, st.st_size, seen

    def _scan_bytes(
        self, entry: _Entry, data: bytes, seen: datetime | None, sidecar: RecordMetadata | None
    ) -> None:
        digest = hashlib.sha256(data).hexdigest()
        name = entry.source_file
        plain_meta = RecordMetadata(None, path_date=path_date(name))
        if digest in self.originals and sidecar is None:
            original = self.originals[digest]
            reason = f"duplicate of {original.source_file}"
            self._add(
                entry,
                digest,
                len(data),
                "duplicate",
                reason,
                original.article_key,
                original.encoding,
                original.flags,
                document_key=original.document_key,
                meta=plain_meta,
                seen_at=seen,
            )
            return
        plain = sidecar is None and not is_records_file(name) and not is_gzip_name(name)
        if digest in self.rejections and plain:  # others are looked up by record, in ``_admit``
            known = self.rejections[digest]
            self._add(
                entry,
                digest,
                len(data),
                "rejected",
                known.reason,
                None,
                known.encoding,
                known.flags,
                meta=plain_meta,
                seen_at=seen,
            )
            return
        try:
            payload, broken = self._payload(name, data)
            if is_records_file(name):
                candidates = list(record_candidates(name, payload, source_file=name, break_note=broken))
                if not candidates:
                    raise RejectedFile("no record in the file")
            else:
                if broken:
                    raise RejectedFile(f"{broken}: the article is cut short")
                candidates = [self._one_article(name, payload, digest, sidecar, remember=plain)]
        except RejectedFile as exc:
            self.rejections[digest] = Rejection(exc.reason)
            self._reject(entry, digest, len(data), exc.reason)
            return
        file_flags = _file_flags(name, broken)
        for candidate in candidates:
            self._admit(entry, digest, len(data), candidate, file_flags, seen)

    def _payload(self, name: str, data: bytes) -> tuple[bytes, str | None]:
        """The file's bytes, decompressed when its name ends in ``.gz``, and where a stream broke."""
        if not is_gzip_name(name):
            return data, None
        try:
            return gunzip(data, MAX_EXPANSION * self.max_bytes)
        except Oversize as exc:
            raise RejectedFile(str(exc)) from exc

    def _one_article(
        self, name: str, payload: bytes, digest: str, sidecar: RecordMetadata | None, remember: bool = False
    ) -> Candidate:
        known = self.decoded.get(digest) if self.decoded is not None and remember else None
        if known is not None and known.reason is not None:
            raise RejectedFile(known.reason)
        if known is not None:  # its text is not needed: the extraction reads the file again
            decoded = DecodedText("", known.encoding or "", known.flags)
        else:
            try:
                decoded = decode_bytes(payload)
            except RejectedFile as exc:
                if self.decoded is not None and remember:
                    self.decoded[digest] = Decoded(None, None, (), exc.reason)
                raise
            if self.decoded is not None and remember:
                text_digest = hashlib.sha256(f"{decoded.text}\0".encode("utf-8", "surrogatepass")).hexdigest()
                self.decoded[digest] = Decoded(text_digest, decoded.encoding, decoded.flags)
        meta = (
            replace(sidecar, path_date=path_date(name))
            if sidecar
            else RecordMetadata(None, path_date=path_date(name))
        )
        return Candidate(None, file_hash_with_metadata(digest, meta), decoded, None, meta)

    def _admit(
        self,
        entry: _Entry,
        digest: str,
        size: int,
        candidate: Candidate,
        file_flags: tuple[str, ...],
        seen: datetime | None,
    ) -> None:
        """One candidate's row: rejected, duplicate, loaded or updated (see the class)."""
        meta = candidate.meta
        row = {"record": candidate.record, "file_hash": digest, "meta": meta, "seen_at": meta.seen_at or seen}
        if candidate.decoded is None or candidate.content_hash is None:
            self._add(entry, None, size, "rejected", candidate.reason, None, None, file_flags, **row)
            return
        if candidate.content_hash in self.rejections:
            known = self.rejections[candidate.content_hash]
            self._add(
                entry,
                candidate.content_hash,
                size,
                "rejected",
                known.reason,
                None,
                known.encoding,
                known.flags,
                **row,
            )
            return
        decoded = candidate.decoded
        flags = file_flags + decoded.flags
        published = meta.published_at.isoformat() if meta.published_at else ""
        known = self.decoded.get(digest) if self.decoded is not None and candidate.record is None else None
        if known is not None and known.text_digest is not None and not published:
            text_digest = known.text_digest  # the same digest, from an earlier scan's decoding
        else:
            text_digest = hashlib.sha256(
                f"{decoded.text}\0{published}".encode("utf-8", "surrogatepass")
            ).hexdigest()
        same_text = self.text_originals.get(text_digest)
        url = meta.canonical_url
        if url is None and same_text is not None:
            files = candidate.record is None and same_text.record is None
            reason = f"duplicate of {same_text.place} (same text{', other bytes' if files else ''})"
            self._add(
                entry,
                candidate.content_hash,
                size,
                "duplicate",
                reason,
                same_text.article_key,
                decoded.encoding,
                flags,
                document_key=same_text.document_key,
                **row,
            )
            if candidate.record is None:
                self.originals[digest] = same_text
            return
        status, reason = "loaded", None
        if url is not None:
            versions = self.url_texts.setdefault(url, {})
            if text_digest in versions:
                self._add(
                    entry,
                    candidate.content_hash,
                    size,
                    "duplicate",
                    f"duplicate of {versions[text_digest].place} (same URL, same text)",
                    versions[text_digest].article_key,
                    decoded.encoding,
                    flags,
                    document_key=versions[text_digest].document_key,
                    **row,
                )
                return
            if url in self.url_latest:
                status, reason = "updated", f"new version of {url} (replaces {self.url_latest[url].place})"
            if same_text is not None:
                flags += ("republished",)
        key = same_text.article_key if same_text else article_key_for(candidate.content_hash)
        document = document_key_for(url) if url else key
        record = self._add(
            entry,
            candidate.content_hash,
            size,
            status,
            reason,
            key,
            decoded.encoding,
            flags,
            document_key=document,
            **row,
        )
        if url is not None:
            self.url_texts[url][text_digest] = record
            self.url_latest[url] = record
        if candidate.record is None and meta.origin is None:
            self.originals[digest] = record
        if same_text is not None:
            return  # the extraction of that text serves this article too
        self.text_originals[text_digest] = record
        plain = candidate.content_hash == digest and not is_gzip_name(entry.source_file)
        kept = decoded if self.keep_text or not plain else None
        self.loaded.append(
            LoadedFile(
                entry.source_file,
                key,
                candidate.content_hash,
                kept,
                entry.path,
                meta.published_at,
                meta.path_date,
                seen,
            )
        )

    def _reject(self, entry: _Entry, digest: str | None, size: int, reason: str) -> None:
        self._add(entry, digest, size, "rejected", reason, None, None, (), file_hash=digest)

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
        **more: object,
    ) -> IngestRecord:
        more.setdefault("file_hash", digest)
        if status in ("loaded", "updated") and "document_key" not in more:
            more["document_key"] = key
        record = IngestRecord(entry.source_file, digest, size, status, reason, key, encoding, flags, **more)
        self.records.append(record)
        return record


def _file_flags(name: str, broken: str | None) -> tuple[str, ...]:
    """The kind of file a record came from: ``gzip``, ``truncated`` (its stream broke), ``jsonl``,
    ``json``."""
    lowered = name.lower().removesuffix(".gz")
    flags = ("gzip",) if is_gzip_name(name) else ()
    flags += ("truncated",) if broken else ()
    if lowered.endswith((".jsonl", ".ndjson")):
        flags += ("jsonl",)
    elif lowered.endswith(".json"):
        flags += ("json",)
    return flags
