"""Turn ingest records and article extractions into the polars frames of the ``raw`` schema.

``RAW_SCHEMAS`` is one polars schema per raw table, column order included, made from the raw
schema's one definition (``raw_schema.RAW_TABLES``). Every frame is built in bulk from columns
of plain values and cast to its schema, so an empty input still yields a typed, empty frame
that dbt can read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

import polars as pl

from vnpolitics.extract.records import ArticleExtraction, PersonnelEvent
from vnpolitics.warehouse.crawler_records import RecordMetadata
from vnpolitics.warehouse.raw_schema import INGEST_TABLES, RAW_TABLES

if TYPE_CHECKING:
    from vnpolitics.warehouse.scan import IngestRecord, LoadedFile

# The polars schema of each raw table, column order included, from the one definition.
RAW_SCHEMAS: dict[str, dict[str, pl.DataType]] = {
    table.name: {column.name: column.polars_type for column in table.columns} for table in RAW_TABLES
}


def _frame(table: str, rows: Iterable[tuple]) -> pl.DataFrame:
    """One frame from row tuples in schema column order, typed exactly as ``RAW_SCHEMAS[table]``."""
    schema = RAW_SCHEMAS[table]
    columns = list(zip(*rows, strict=True)) or [() for _ in schema]
    return pl.DataFrame(
        {
            name: pl.Series(name, list(values), dtype=dtype, strict=True)
            for (name, dtype), values in zip(schema.items(), columns, strict=True)
        },
    )


_VERSION = pl.col("status").is_in(["loaded", "updated"])


def _ingest_records(ingest: list[IngestRecord]) -> pl.DataFrame:
    """``ingest_records``: one row per record (sidecars have none), numbered as versions of their
    article: within a ``document_key``, in scan order, each version is replaced by the next."""
    rows = []
    for r in ingest:
        if r.kind != "article":
            continue
        meta = r.meta or RecordMetadata(None)
        rows.append(
            (
                r.source_file,
                r.record,
                r.status,
                r.reason,
                r.article_key,
                r.document_key if r.status != "rejected" else None,
                r.content_hash,
                r.file_hash,
                meta.url,
                meta.canonical_url,
                None,  # version_number, below
                None,  # replaced_by, below
                r.seen_at,
                meta.origin,
                meta.title,
                meta.published_at,
                meta.source_outlet,
                meta.author,
                meta.lang,
                meta.path_date,
                meta.extra,
                "; ".join(meta.problems) or None,
                r.encoding,
                ",".join(r.flags),
            )
        )
    frame = _frame("ingest_records", rows).with_row_index("_order")
    versions = frame.filter(_VERSION).select(
        "_order",
        version_number=(pl.int_range(pl.len()).over("document_key") + 1).cast(pl.Int32),
        replaced_by=pl.col("article_key").shift(-1).over("document_key"),
    )
    return (
        frame.drop("version_number", "replaced_by")
        .join(versions, on="_order", how="left", maintain_order="left")
        .select(RAW_SCHEMAS["ingest_records"].keys())
    )


def _ingest_files(ingest: list[IngestRecord]) -> pl.DataFrame:
    """``ingest_files``: one row per file. A one-article file (or a sidecar) is its one record (an
    ``updated`` one is ``loaded`` here, and its key is the article's ``document_key``); a file of
    records is loaded when any record loaded, a duplicate when its records all were, rejected when
    none loaded, and its reason counts its records (``ingest_records`` has each)."""
    records = pl.DataFrame(
        {
            "source_file": [r.source_file for r in ingest],
            "record": [r.record for r in ingest],
            "content_hash": [r.file_hash for r in ingest],
            "size_bytes": [r.size_bytes for r in ingest],
            "status": [r.status for r in ingest],
            "reason": [r.reason for r in ingest],
            "article_key": [r.document_key if r.status != "rejected" else None for r in ingest],
            "encoding": [r.encoding for r in ingest],
            "flags": [list(r.flags) for r in ingest],
        },
        schema_overrides={"record": pl.Int32, "flags": pl.List(pl.String)},
    )
    counts = {
        status: (pl.col("status") == status).sum()
        for status in ("loaded", "updated", "duplicate", "rejected")
    }
    files = records.group_by("source_file", maintain_order=True).agg(
        pl.col("content_hash", "size_bytes", "status", "reason", "article_key").first(),
        pl.col("encoding").drop_nulls().first(),
        pl.col("flags")
        .list.explode(keep_nulls=False, empty_as_null=False)
        .unique(maintain_order=True)
        .str.join(","),
        one=(pl.len() == 1) & pl.col("record").first().is_null(),
        total=pl.len(),
        **counts,
    )
    summary = pl.format(
        "records: {} ({} loaded, {} updated, {} duplicate, {} rejected)",
        "total",
        "loaded",
        "updated",
        "duplicate",
        "rejected",
    )
    many = ~pl.col("one")
    frame = files.with_columns(
        status=pl.when(pl.col("one"))
        .then(pl.col("status").replace("updated", "loaded"))
        .when(pl.col("loaded") + pl.col("updated") > 0)
        .then(pl.lit("loaded"))
        .when(pl.col("duplicate") > 0)
        .then(pl.lit("duplicate"))
        .otherwise(pl.lit("rejected")),
        reason=pl.when(pl.col("one")).then(pl.col("reason")).otherwise(summary),
        article_key=pl.when(many).then(None).otherwise(pl.col("article_key")),
    )
    return frame.select(RAW_SCHEMAS["ingest_files"].keys()).cast(RAW_SCHEMAS["ingest_files"])


def build_raw_frames(
    ingest: list[IngestRecord],
    extracted: list[tuple[LoadedFile, ArticleExtraction]],
    extractor_version: str,
) -> dict[str, pl.DataFrame]:
    """Every raw table as a polars frame; rows follow the order of ``ingest`` and ``extracted``."""
    rows: dict[str, list[tuple]] = {table: [] for table in RAW_SCHEMAS}
    for loaded, ex in extracted:
        key = loaded.article_key
        md = ex.metadata
        rows["articles"].append(
            (
                key,
                loaded.source_file,
                loaded.content_hash,
                md.title,
                md.published_at,
                md.source_outlet,
                md.author,
                ex.clean.text,
                loaded.decoded.encoding,
                extractor_version,
            )
        )
        rows["captions"].extend(
            (key, i, c.char_start, c.char_end, c.text, c.credit) for i, c in enumerate(ex.clean.captions)
        )
        rows["sentences"].extend((key, s.index, s.char_start, s.char_end, s.text) for s in ex.sentences)
        rows["person_mentions"].extend(
            (key, i, p.full_name, p.surface_text, p.char_start, p.char_end, p.sentence_index, p.confidence)
            for i, p in enumerate(ex.people)
        )
        rows["person_titles"].extend(
            (
                key,
                t.full_name,
                t.title,
                t.organization_name,
                t.char_start,
                t.char_end,
                t.sentence_index,
                t.post,
                t.canonical_title,
                t.body_name,
                t.is_former,
            )
            for t in ex.titles
        )
        rows["organization_mentions"].extend(
            (key, i, o.canonical_name, o.surface_text, o.char_start, o.char_end, o.sentence_index, o.kind)
            for i, o in enumerate(ex.organizations)
        )
        rows["organizations"].extend(
            (key, o.canonical_name, o.kind, o.level, o.place, o.parent_name) for o in ex.organization_profiles
        )
        rows["meetings"].extend(
            (
                key,
                m.meeting_index,
                m.meeting_date,
                m.date_is_inferred,
                m.time_of_day,
                m.meeting_kind,
                m.date_text,
                m.char_start,
                m.char_end,
                m.sentence_index,
                m.date_basis,
            )
            for m in ex.meetings
        )
        rows["meeting_organizers"].extend(
            (key, m.meeting_index, org) for m in ex.meetings for org in m.organizers
        )
        rows["participant_roles"].extend(
            (key, r.meeting_index, r.full_name, r.role, r.char_start, r.char_end, r.sentence_index)
            for r in ex.roles
        )
        rows["personnel_events"].extend(_event_row(key, e) for e in ex.personnel_events)
    frames = {
        table: _frame(table, table_rows) for table, table_rows in rows.items() if table not in INGEST_TABLES
    }
    return {"ingest_files": _ingest_files(ingest), "ingest_records": _ingest_records(ingest), **frames}


def _event_row(key: str, e: PersonnelEvent) -> tuple:
    """A ``personnel_events`` row: the event with its post and previous post flattened."""
    post, previous = e.post, e.previous_post
    return (
        key,
        e.event_index,
        e.full_name,
        e.kind,
        e.discipline_level,
        e.cue,
        post.title if post else None,
        post.post if post else None,
        post.canonical_title if post else None,
        post.body_name if post else None,
        post.organization_name if post else None,
        post.is_former if post else None,
        previous.canonical_title if previous else None,
        previous.post if previous else None,
        previous.organization_name if previous else None,
        e.deciding_body,
        e.decision_number,
        e.decision_date,
        e.effective_date,
        e.event_date,
        e.event_date_text,
        e.told_as_past,
        e.char_start,
        e.char_end,
        e.sentence_index,
    )


# DuckDB 1.5 scans an Arrow C stream through pyarrow's Acero engine whenever pyarrow is installed
# (dependencies bring it), and Acero finds polars' buffers not 64-byte aligned: by default it
# prints a warning per batch on stderr (60 lines in a run's log on the samples) and goes on with
# the unaligned buffers, which it says may crash. Reallocating them is its safe setting.
os.environ.setdefault("ACERO_ALIGNMENT_HANDLING", "reallocate")


class ArrowStream:
    """Exposes only ``__arrow_c_stream__`` so DuckDB scans the frame without converting via pyarrow."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self._frame = frame

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        return self._frame.__arrow_c_stream__(requested_schema)


def markdown_preview(frame: pl.DataFrame, rows: int = 5, width: int = 60) -> str:
    """The first ``rows`` rows as a markdown table, long cells cut to ``width`` characters."""

    def cell(value: object) -> str:
        text = "" if value is None else str(value).replace("\n", " ").replace("|", "\\|")
        return text if len(text) <= width else text[: width - 1] + "…"

    header = "| " + " | ".join(frame.columns) + " |"
    rule = "| " + " | ".join("---" for _ in frame.columns) + " |"
    body = ["| " + " | ".join(cell(v) for v in row) + " |" for row in frame.head(rows).iter_rows()]
    return "\n".join([header, rule, *body])
