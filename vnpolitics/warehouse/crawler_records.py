"""What crawlers write, read as articles: JSON Lines, JSON, gzip, sidecar metadata, dated paths.

A raw file is one article (``.txt``, ``.html``: the text is the file) or a file of records
(``.jsonl``/``.ndjson``: one JSON object a line; ``.json``: one object or an array of them), any
of them optionally gzip-compressed (``<name>.gz``). A ``.txt`` or ``.html`` may have a sidecar,
``<file>.json`` beside it, holding its metadata as one record without text.

A record's fields are read through ``FIELD_NAMES``: for each field the pipeline knows, the record
keys crawlers commonly use for it, first one present wins (keys compared in lower case). It is
the one mapping; ``RECORD_FIELDS`` names a JSON file whose entries replace the defaults' entries
(``{"text": ["noi_dung", "content"]}``). Keys no field took are kept, as JSON, in
``RecordMetadata.extra``.

Everything here is the standard library: ``gzip`` framing read with ``zlib`` so a truncated
stream keeps what was read before the break, ``json``, and ``datetime``/``zoneinfo`` for the few
date forms crawlers write (``parse_timestamp`` says why no date-guessing package).
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import re
import unicodedata
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from vnpolitics.extract.decoding import decode_bytes
from vnpolitics.extract.records import DecodedText, RejectedFile
from vnpolitics.warehouse.urls import canonical_url

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

# field -> the record keys that give it, strongest first. README.md "Feeding the warehouse".
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "url": ("url", "link", "canonical_url", "href"),
    "title": ("title", "headline"),
    "published_at": ("published_at", "publish_date", "published", "pubdate", "date", "time", "datetime"),
    "text": ("content", "text", "body", "article"),
    "html": ("html", "raw_html", "content_html"),
    "author": ("author", "authors", "byline"),
    "source_outlet": ("source", "site", "domain", "outlet", "publisher"),
    "lang": ("lang", "language"),
    "seen_at": ("crawled_at", "fetched_at", "scraped_at", "crawl_time"),
}
RECORD_FIELDS_ENV = "RECORD_FIELDS"

# Extensions (after a ".gz" is taken off) of files that hold records rather than one article.
JSON_LINES = (".jsonl", ".ndjson")
JSON_DOCUMENT = ".json"
SIDECAR_SUFFIX = ".json"
# A gzip stream may expand to at most this many times MAX_FILE_BYTES: a "zip bomb" is rejected
# before it fills memory, and a real crawl file compresses by about 5-10x.
MAX_EXPANSION = 20


def field_names() -> dict[str, tuple[str, ...]]:
    """``FIELD_NAMES`` with the entries of the JSON file ``$RECORD_FIELDS`` (when set) in place of
    the defaults'. A key listed for two fields goes to the first in ``FIELD_NAMES`` order."""
    return _field_names_from(os.environ.get(RECORD_FIELDS_ENV) or None)


@cache
def _field_names_from(path: str | None) -> dict[str, tuple[str, ...]]:
    names = dict(FIELD_NAMES)
    if path:
        override = json.loads(Path(path).read_text(encoding="utf-8"))
        unknown = set(override) - set(FIELD_NAMES)
        if unknown:
            raise ValueError(
                f"{RECORD_FIELDS_ENV}: unknown fields {sorted(unknown)} (known: {list(FIELD_NAMES)})"
            )
        names.update({field: tuple(str(k).lower() for k in keys) for field, keys in override.items()})
    return names


@dataclass(frozen=True)
class RecordMetadata:
    """What a record or sidecar says of its article, and where the publication date came from."""

    origin: str | None  # "record" | "sidecar" | None (a file with neither)
    url: str | None = None
    canonical_url: str | None = None
    title: str | None = None
    published_at: datetime | None = None  # Asia/Ho_Chi_Minh wall time, naive
    author: str | None = None
    source_outlet: str | None = None
    lang: str | None = None
    seen_at: datetime | None = None  # the crawler's fetch time, when it says
    extra: str | None = None  # the record's other keys, as a JSON object
    path_date: date | None = None  # a date the file's path names (2024/04/09/, 2024-04-09, 20240409)
    problems: tuple[str, ...] = ()  # values that could not be read (an unparsable date)


@dataclass(frozen=True)
class Candidate:
    """One record of a raw file: its text to extract, or why it has none."""

    record: int | None  # 1-based line (JSON Lines) or position (JSON array); None: the file is the record
    content_hash: str | None  # sha256 of what the extraction depends on (text, and metadata's date)
    decoded: DecodedText | None
    reason: str | None  # why it is rejected; None when it has text
    meta: RecordMetadata


# --- dates -----------------------------------------------------------------------------------

_DMY = re.compile(
    r"^(?:(?P<h1>\d{1,2})[:h](?P<m1>\d{2})(?::(?P<s1>\d{2}))?\s*,?\s*)?"
    r"(?P<d>\d{1,2})[/.-](?P<mo>\d{1,2})[/.-](?P<y>\d{4})"
    r"(?:\s*,?\s*(?:lúc\s*)?(?P<h2>\d{1,2})[:h](?P<m2>\d{2})(?::(?P<s2>\d{2}))?)?"
    r"\s*(?:\(?(?:GMT|UTC)\s*(?P<tz>[+-]\d{1,2})\)?)?$",
    re.IGNORECASE,
)


def parse_timestamp(value: object) -> datetime | None:
    """A crawler's timestamp as Asia/Ho_Chi_Minh wall time (naive), None when it is none of the
    forms below. A time without zone is taken as Vietnamese time, the zone the sites print.

    ISO 8601 with or without zone (``2024-04-09T08:30:00+07:00``, ``2024-04-09 08:30``, ``...Z``),
    ``dd/mm/yyyy HH:MM`` (and ``HH:MM dd/mm/yyyy``, ``-`` or ``.`` between the numbers, a
    ``GMT+7``), epoch seconds (milliseconds when above 10^11) as a number or digits, and RFC 2822
    (RSS: ``Tue, 09 Apr 2024 08:30:00 +0700``). Home-made because the forms are few and each is
    unambiguous here; a guessing parser (dateutil, dateparser) reads ``09/04`` as either order
    and accepts prose, which would turn a wrong field into a wrong date rather than none.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"\d{9,13}(?:\.\d+)?", text):
        return _from_epoch(float(text))
    for parse in (_iso, _dmy, _rfc2822):
        found = parse(text)
        if found is not None:
            return _to_vietnam(found)
    return None


def _from_epoch(seconds: float) -> datetime | None:
    if seconds > 1e11:
        seconds /= 1000
    try:
        return _to_vietnam(datetime.fromtimestamp(seconds, tz=UTC))
    except (OverflowError, OSError, ValueError):
        return None


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _dmy(text: str) -> datetime | None:
    match = _DMY.match(text)
    if not match:
        return None
    hour = match["h1"] or match["h2"] or 0
    minute = match["m1"] or match["m2"] or 0
    second = match["s1"] or match["s2"] or 0
    zone = timezone(timedelta(hours=int(match["tz"]))) if match["tz"] else None
    try:
        return datetime(
            int(match["y"]),
            int(match["mo"]),
            int(match["d"]),
            int(hour),
            int(minute),
            int(second),
            tzinfo=zone,
        )
    except ValueError:
        return None


def _rfc2822(text: str) -> datetime | None:
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None


def _to_vietnam(moment: datetime) -> datetime:
    if moment.tzinfo is not None:
        moment = moment.astimezone(VIETNAM)
    return moment.replace(tzinfo=None)


# A date in a path: 2024/04/09/, 2024-04-09, 2024_04_09, 20240409; bounded by non-alphanumerics
# so the digits of a hash in a file name are not one.
_PATH_DATE = re.compile(r"(?<![0-9A-Za-z])((?:19|20)\d{2})([/_.-]?)(\d{2})\2(\d{2})(?![0-9A-Za-z])")


def path_date(source_file: str) -> date | None:
    """The last valid date the relative path names (the deepest folder or the file name), if any."""
    found = None
    for match in _PATH_DATE.finditer(source_file):
        try:
            found = date(int(match[1]), int(match[3]), int(match[4]))
        except ValueError:
            continue
    return found


# --- gzip --------------------------------------------------------------------------------------


class Oversize(Exception):
    """A gzip stream that expands past its limit."""


def gunzip(data: bytes, limit: int) -> tuple[bytes, str | None]:
    """The decompressed bytes of a gzip file (every member) and, when the stream breaks before its
    end, where: ``"gzip stream truncated after N bytes"``. Everything decompressed before a
    break is returned. Raises ``RejectedFile`` when ``data`` is no gzip stream, ``Oversize`` past
    ``limit`` bytes."""
    if not data.startswith(b"\x1f\x8b"):
        raise RejectedFile("not a gzip file (a .gz name without gzip data)")
    out = bytearray()
    rest = data
    while rest:
        stream = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        pending = rest
        try:
            while pending and not stream.eof:
                out += stream.decompress(pending, limit + 1 - len(out))
                if len(out) > limit:
                    raise Oversize(f"gzip data expands past {limit} bytes ({MAX_EXPANSION} x MAX_FILE_BYTES)")
                pending = stream.unconsumed_tail
            out += stream.flush()
        except zlib.error as exc:
            return bytes(out), f"gzip stream corrupt after {len(out)} bytes ({exc})"
        if not stream.eof:
            return bytes(out), f"gzip stream truncated after {len(out)} bytes"
        rest = stream.unused_data.lstrip(b"\0")
    return bytes(out), None


# --- files of records --------------------------------------------------------------------------


def is_records_file(name: str) -> bool:
    """A file of JSON records (``.jsonl``, ``.ndjson``, ``.json``, each maybe ``.gz``)."""
    base = name.lower().removesuffix(".gz")
    return base.endswith(JSON_LINES) or base.endswith(JSON_DOCUMENT)


def is_gzip_name(name: str) -> bool:
    return name.lower().endswith(".gz")


def sidecar_target(name: str, names: set[str]) -> str | None:
    """The file ``name`` is the sidecar of (``a.txt.json`` of ``a.txt``), when that file is present
    and is one article (not itself a file of records)."""
    if not name.lower().endswith(SIDECAR_SUFFIX):
        return None
    target = name[: -len(SIDECAR_SUFFIX)]
    return target if target in names and not is_records_file(target) else None


def read_sidecar(data: bytes) -> dict[str, object]:
    """A sidecar's record; ``RejectedFile`` when it is not one JSON object."""
    record = _json(data.decode("utf-8-sig", errors="strict"), "sidecar")
    if not isinstance(record, dict):
        raise RejectedFile("sidecar is not a JSON object")
    return record


def record_candidates(
    name: str, data: bytes, *, source_file: str, break_note: str | None = None
) -> Iterator[Candidate]:
    """Every record of a (decompressed) file of records, in order. A line that is no JSON object,
    has no text, or is in another language is a rejected candidate on its own; the rest load.
    ``break_note`` (from ``gunzip``) marks the stream cut short: its last, unfinished line is
    rejected with it."""
    dated = path_date(source_file)
    base = name.lower().removesuffix(".gz")
    if base.endswith(JSON_LINES):
        lines = data.split(b"\n")
        last = len(lines)
        for number, line in enumerate(lines, start=1):
            if break_note and number == last:
                if line.strip():
                    yield _rejected(number, f"line {number}: cut off where the {break_note}", dated)
                else:
                    yield _rejected(number, f"after line {number - 1}: {break_note}", dated)
                return
            if not line.strip():
                continue
            try:
                record = _json(line.decode("utf-8-sig"), f"line {number}")
            except (UnicodeDecodeError, RejectedFile) as exc:
                yield _rejected(number, _reason(exc, f"line {number}"), dated)
                continue
            yield record_candidate(record, number, dated, label=f"line {number}")
        return
    if break_note:
        raise RejectedFile(f"{break_note}: a JSON document cut short has no whole record")
    try:
        document = _json(data.decode("utf-8-sig"), "file")
    except UnicodeDecodeError as exc:
        raise RejectedFile(f"file is not UTF-8 JSON: {exc}") from exc
    if isinstance(document, dict):
        yield record_candidate(document, None, dated, label="record")
    elif isinstance(document, list):
        if not document:
            raise RejectedFile("empty JSON array: no record")
        for number, record in enumerate(document, start=1):
            yield record_candidate(record, number, dated, label=f"record {number}")
    else:
        raise RejectedFile("JSON file holds neither a record nor an array of records")


def record_candidate(record: object, number: int | None, dated: date | None, *, label: str) -> Candidate:
    """One record's text and metadata; rejected (with ``label``) when it has no usable text."""
    if not isinstance(record, dict):
        return _rejected(number, f"{label}: not a JSON object", dated)
    fields, meta = map_record(record, origin="record", dated=dated)
    if meta.lang and not meta.lang.lower().startswith("vi"):
        return _rejected(number, f"{label}: record language is {meta.lang!r}, not Vietnamese", dated, meta)
    body = fields.get("text") or fields.get("html")
    if not isinstance(body, str) or not body.strip():
        keys = ", ".join(field_names()["text"] + field_names()["html"])
        return _rejected(number, f"{label}: record has no text (none of {keys})", dated, meta)
    try:
        decoded = _with_title(decode_bytes(body.encode("utf-8", "surrogatepass")), meta.title)
    except (RejectedFile, UnicodeEncodeError) as exc:
        return _rejected(number, _reason(exc, label), dated, meta)
    digest = _record_hash(body, meta)
    return Candidate(number, digest, decoded, None, meta)


def map_record(
    record: Mapping[str, object], *, origin: str, dated: date | None
) -> tuple[dict[str, object], RecordMetadata]:
    """The record's values per field (``field_names``) and its metadata; the keys no field took go
    to ``extra``."""
    lowered = {str(k).lower(): k for k in record}
    fields: dict[str, object] = {}
    used: set[str] = set()
    for field, keys in field_names().items():
        for key in keys:
            if key in lowered and lowered[key] not in used and _present(record[lowered[key]]):
                fields[field] = record[lowered[key]]
                used.add(lowered[key])
                break
    extra = {str(k): v for k, v in record.items() if k not in used}
    problems = []
    published = parse_timestamp(fields.get("published_at"))
    if "published_at" in fields and published is None:
        problems.append(f"unreadable publication date {str(fields['published_at'])[:40]!r}")
    url = _text(fields.get("url"))
    meta = RecordMetadata(
        origin=origin,
        url=url,
        canonical_url=canonical_url(url) if url else None,
        title=_text(fields.get("title")),
        published_at=published,
        author=_text(fields.get("author")),
        source_outlet=_text(fields.get("source_outlet")),
        lang=_text(fields.get("lang")),
        seen_at=parse_timestamp(fields.get("seen_at")),
        extra=json.dumps(extra, ensure_ascii=False, sort_keys=True, default=str) if extra else None,
        path_date=dated,
        problems=tuple(problems),
    )
    return fields, meta


def _present(value: object) -> bool:
    return value is not None and value != "" and value != []


def _text(value: object) -> str | None:
    """A metadata value as one NFC line: a list is joined with ", ", an object's ``name`` taken."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v not in (None, ""))
    if value is None or isinstance(value, bool):
        return None
    text = " ".join(unicodedata.normalize("NFC", str(value)).split())
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf"))
    return text or None


def _with_title(decoded: DecodedText, title: str | None) -> DecodedText:
    """The record's text, its title the first line when the text does not already open with it
    (the extractor reads the headline and the people it names from there)."""
    if not title or decoded.text.lstrip().startswith(title):
        return decoded
    return DecodedText(f"{title}\n\n{decoded.text}", decoded.encoding, decoded.flags)


def _record_hash(body: str, meta: RecordMetadata) -> str:
    """What a record's extraction depends on: its text, its title line, its publication date."""
    published = meta.published_at.isoformat() if meta.published_at else None
    payload = json.dumps([body, meta.title, published], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def file_hash_with_metadata(file_digest: str, meta: RecordMetadata) -> str:
    """The content hash of a one-article file: its bytes' digest, unless its sidecar gives a
    publication date (which the extraction reads), then a digest of both."""
    if meta.published_at is None:
        return file_digest
    return hashlib.sha256(f"{file_digest} {meta.published_at.isoformat()}".encode()).hexdigest()


def _json(text: str, label: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise RejectedFile(f"{label}: bad JSON: {exc.msg} at column {exc.colno}") from exc
    except RecursionError as exc:
        raise RejectedFile(f"{label}: bad JSON: nested too deeply") from exc


def _reason(exc: Exception, label: str) -> str:
    if isinstance(exc, RejectedFile):
        return exc.reason if exc.reason.startswith(label) else f"{label}: {exc.reason}"
    return f"{label}: not UTF-8 ({exc})"


def _rejected(
    number: int | None, reason: str, dated: date | None, meta: RecordMetadata | None = None
) -> Candidate:
    return Candidate(number, None, None, reason, meta or RecordMetadata("record", path_date=dated))
