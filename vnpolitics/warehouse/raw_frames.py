"""Turn ingest records and article extractions into the polars frames of the ``raw`` schema.

``RAW_SCHEMAS`` is one polars schema per raw table, column order included, made from the raw
schema's one definition (``raw_schema.RAW_TABLES``). Every frame is built in bulk from columns
of plain values and cast to its schema, so an empty input still yields a typed, empty frame
that dbt can read.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import polars as pl

from vnpolitics.extract.records import ArticleExtraction
from vnpolitics.warehouse.raw_schema import RAW_TABLES

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


def _ingest_rows(ingest: list[IngestRecord]) -> Iterable[tuple]:
    for r in ingest:
        yield (
            r.source_file,
            r.content_hash,
            r.size_bytes,
            r.status,
            r.reason,
            r.article_key,
            r.encoding,
            ",".join(r.flags),
        )


def build_raw_frames(
    ingest: list[IngestRecord],
    extracted: list[tuple[LoadedFile, ArticleExtraction]],
    extractor_version: str,
) -> dict[str, pl.DataFrame]:
    """Every raw table as a polars frame; rows follow the order of ``ingest`` and ``extracted``."""
    rows: dict[str, list[tuple]] = {table: [] for table in RAW_SCHEMAS}
    rows["ingest_files"] = list(_ingest_rows(ingest))
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
    return {table: _frame(table, table_rows) for table, table_rows in rows.items()}


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
