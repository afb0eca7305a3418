"""The raw schema: the tables the Python side loads into schema ``raw`` and dbt reads as source ``raw``.

This is the one definition of those tables (names, column order, types, descriptions). Everything
else that states them is made from it: the polars frames the extraction builds
(``raw_frames.RAW_SCHEMAS``), the DuckDB tables the load creates, the Dagster raw assets'
descriptions, ``dbt/models/staging/_sources.yml`` and ``docs/RAW_SCHEMA.md`` (both written by
``python -m vnpolitics.warehouse.raw_schema``; a test fails when either differs from this module).
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import polars as pl

REPO_ROOT = Path(__file__).resolve().parents[2]
SOURCES_YML = REPO_ROOT / "dbt" / "models" / "staging" / "_sources.yml"
DOCS_PAGE = REPO_ROOT / "docs" / "RAW_SCHEMA.md"

# (polars type, DuckDB type) pairs, so a column's two types are stated once.
TEXT = (pl.String(), "VARCHAR")
INT = (pl.Int32(), "INTEGER")
BIGINT = (pl.Int64(), "BIGINT")
DOUBLE = (pl.Float64(), "DOUBLE")
BOOL = (pl.Boolean(), "BOOLEAN")
DATE = (pl.Date(), "DATE")
TIMESTAMP = (pl.Datetime("us"), "TIMESTAMP")

SOURCE_DESCRIPTION = (
    "Tables that the Python side (package `vnpolitics`, run by the Dagster raw assets) loads into "
    "schema `raw` of the warehouse, replaced on every run. Text is Unicode NFC. `article_key` is the "
    "first 16 hex chars of the sha256 of what the extraction read (`content_hash`: a one-article "
    "file's raw bytes, a record's text): one key per version of an article, every version kept. "
    "`ingest_records` maps each to its article in the marts (`document_key`: the canonical URL's key "
    "when the record has a URL) and says which version replaced which. "
    "All char offsets index into `articles.clean_text`; `sentence_index` indexes `sentences`. "
    "Tables may be empty (e.g. a folder with only rejected files)."
)


@dataclass(frozen=True)
class RawColumn:
    name: str
    types: tuple[pl.DataType, str]
    description: str

    @property
    def polars_type(self) -> pl.DataType:
        return self.types[0]

    @property
    def duckdb_type(self) -> str:
        return self.types[1]


@dataclass(frozen=True)
class RawTable:
    name: str
    description: str
    columns: tuple[RawColumn, ...]


RAW_TABLES: tuple[RawTable, ...] = (
    RawTable(
        "ingest_files",
        "One row per file found under RAW_DIR (recursively), whatever became of it.",
        (
            RawColumn("source_file", TEXT, "Posix path of the file relative to RAW_DIR."),
            RawColumn(
                "content_hash",
                TEXT,
                "Full sha256 hex digest of the file's bytes; null if the file was unreadable.",
            ),
            RawColumn("size_bytes", BIGINT, "File size in bytes."),
            RawColumn("status", TEXT, "`loaded`, `duplicate` (same bytes as an earlier file) or `rejected`."),
            RawColumn(
                "reason", TEXT, "Null when loaded; `duplicate of <source_file>`; or the rejection reason."
            ),
            RawColumn(
                "article_key",
                TEXT,
                "Null when rejected; for duplicates the key of the article it duplicates.",
            ),
            RawColumn("encoding", TEXT, "Text encoding the file was decoded with."),
            RawColumn(
                "flags",
                TEXT,
                "Comma-separated decoding flags (e.g. repaired mojibake); `gzip`, `truncated`, `jsonl`, "
                "`json`, `sidecar` say what kind of file it is.",
            ),
        ),
    ),
    RawTable(
        "ingest_records",
        "One row per record found in a raw file (a one-article file is one record; a JSON Lines file "
        "has one per line, a JSON array one per element), whatever became of it, with the metadata the "
        "record or the file's sidecar gives. Sidecar files have rows in ingest_files only.",
        (
            RawColumn("source_file", TEXT, "Posix path of the file relative to RAW_DIR."),
            RawColumn(
                "record_number",
                INT,
                "1-based line (JSON Lines) or position (JSON array) of the record; null when the file is "
                "the record (a text or HTML page, a JSON file of one object).",
            ),
            RawColumn(
                "status",
                TEXT,
                "`loaded`, `updated` (a new text under a URL seen before: a new version), `duplicate` "
                "(the same text, or the same URL and text, as an earlier record) or `rejected`.",
            ),
            RawColumn(
                "reason",
                TEXT,
                "Null when loaded; `new version of <url> (replaces <file>[:<record>])`; `duplicate of ...`; "
                "or why it was rejected, naming its line (`line 3: bad JSON: ...`).",
            ),
            RawColumn(
                "article_key",
                TEXT,
                "Key of the extraction the record's text gave (the key of the raw article tables); null when "
                "rejected; for duplicates the key of the original.",
            ),
            RawColumn(
                "document_key",
                TEXT,
                "Key of the article in the marts: for a record with a URL, a hash of its canonical URL (the "
                "same for every version), else its article_key.",
            ),
            RawColumn(
                "content_hash",
                TEXT,
                "sha256 of what the extraction reads: a one-article file's bytes (with its sidecar's "
                "publication date, if any); a record's text, title and publication date.",
            ),
            RawColumn("file_hash", TEXT, "sha256 of the file's bytes."),
            RawColumn("url", TEXT, "URL as the record or sidecar gives it."),
            RawColumn(
                "canonical_url",
                TEXT,
                "The URL folded: https, no www./m./amp. host prefix, no AMP path, no tracking arguments "
                "(utm_*, fbclid, ...), sorted query, no fragment.",
            ),
            RawColumn(
                "version_number",
                INT,
                "1 for the first text seen under a canonical URL (or a record without URL), 2 for the "
                "next...; null unless loaded or updated.",
            ),
            RawColumn(
                "replaced_by",
                TEXT,
                "article_key of the version that replaced this one (null: the newest version, or not a "
                "version).",
            ),
            RawColumn(
                "seen_at",
                TIMESTAMP,
                "When the crawler fetched the record (its crawled_at/fetched_at field), else when its file "
                "was written; Asia/Ho_Chi_Minh time.",
            ),
            RawColumn(
                "metadata_origin",
                TEXT,
                "`record` or `sidecar`: where the metadata columns came from; null if none.",
            ),
            RawColumn("title", TEXT, "Title the record or sidecar gives."),
            RawColumn(
                "published_at",
                TIMESTAMP,
                "Publication time the record or sidecar gives, in Asia/Ho_Chi_Minh time (ISO 8601 with or "
                "without zone, dd/mm/yyyy HH:MM, epoch seconds, RFC 2822).",
            ),
            RawColumn("source_outlet", TEXT, "Outlet the record or sidecar gives (source, site, domain)."),
            RawColumn("author", TEXT, "Author the record or sidecar gives."),
            RawColumn("lang", TEXT, "Language the record declares."),
            RawColumn(
                "path_date", DATE, "Date the file's path names (2024/04/09/, 2024-04-09, 20240409), if any."
            ),
            RawColumn("extra_fields", TEXT, "The record's other fields, as a JSON object; null if none."),
            RawColumn(
                "metadata_problems",
                TEXT,
                "Metadata values that could not be read (an unparsable date); null if none.",
            ),
            RawColumn("encoding", TEXT, "Text encoding the record's text was decoded with."),
            RawColumn("flags", TEXT, "Comma-separated: the file's kind and the text's decoding flags."),
        ),
    ),
    RawTable(
        "articles",
        "One row per loaded article (distinct file content).",
        (
            RawColumn("article_key", TEXT, "First 16 hex chars of the sha256 of the file's raw bytes."),
            RawColumn(
                "source_file", TEXT, "Path relative to RAW_DIR of the file the article was loaded from."
            ),
            RawColumn("content_hash", TEXT, "Full sha256 hex digest of the file's bytes."),
            RawColumn("title", TEXT, "Article headline."),
            RawColumn("published_at", TIMESTAMP, "Publication timestamp as printed (null if not printed)."),
            RawColumn("source_outlet", TEXT, "News outlet the article credits."),
            RawColumn("author", TEXT, "Author byline, null if none."),
            RawColumn("clean_text", TEXT, "Cleaned article text (NFC); all char offsets index into it."),
            RawColumn("encoding", TEXT, "Text encoding the file was decoded with."),
            RawColumn("extractor_version", TEXT, "Version of the Python extractor that produced the rows."),
        ),
    ),
    RawTable(
        "captions",
        "One row per photo caption found in an article.",
        (
            RawColumn("article_key", TEXT, "Article the caption belongs to."),
            RawColumn("caption_index", INT, "0-based position of the caption in the article."),
            RawColumn("char_start", INT, "Start offset of the caption in clean_text."),
            RawColumn("char_end", INT, "End offset (exclusive) of the caption in clean_text."),
            RawColumn("caption_text", TEXT, "Caption text."),
            RawColumn("credit", TEXT, "Photo credit, if printed."),
        ),
    ),
    RawTable(
        "sentences",
        "One row per sentence of an article's clean text.",
        (
            RawColumn("article_key", TEXT, "Article the sentence belongs to."),
            RawColumn("sentence_index", INT, "0-based position of the sentence in the article."),
            RawColumn("char_start", INT, "Start offset of the sentence in clean_text."),
            RawColumn("char_end", INT, "End offset (exclusive) of the sentence in clean_text."),
            RawColumn("sentence_text", TEXT, "Sentence text."),
        ),
    ),
    RawTable(
        "person_mentions",
        "One row per mention of a person in an article.",
        (
            RawColumn("article_key", TEXT, "Article of the mention."),
            RawColumn(
                "mention_index", INT, "0-based position of the mention among the article's person mentions."
            ),
            RawColumn("full_name", TEXT, "The person's full name as resolved by the extractor (NFC)."),
            RawColumn("surface_text", TEXT, "Text of the mention as printed (may be a short form)."),
            RawColumn("char_start", INT, "Start offset of the mention in clean_text."),
            RawColumn("char_end", INT, "End offset (exclusive) of the mention in clean_text."),
            RawColumn("sentence_index", INT, "Sentence the mention is in."),
            RawColumn("confidence", DOUBLE, "Extractor confidence between 0 and 1."),
        ),
    ),
    RawTable(
        "person_titles",
        "One row per (person, title) as stated at one place of an article.",
        (
            RawColumn("article_key", TEXT, "Article that states the title."),
            RawColumn("full_name", TEXT, "Full name of the person holding the title."),
            RawColumn("title", TEXT, "Title as printed, with abbreviations expanded."),
            RawColumn(
                "organization_name", TEXT, "Canonical name of the body the title belongs to (nullable)."
            ),
            RawColumn("char_start", INT, "Start offset of the title in clean_text."),
            RawColumn("char_end", INT, "End offset (exclusive) of the title in clean_text."),
            RawColumn("sentence_index", INT, "Sentence the title is stated in."),
            RawColumn(
                "post",
                TEXT,
                "The post without its body, conventional form "
                '("Trưởng ban", "Phó Bí thư Thường trực", "Ủy viên", "Thiếu tướng").',
            ),
            RawColumn(
                "canonical_title",
                TEXT,
                "The title in one spelling across articles: the gazetteer's head (no nguyên, tân, cựu, "
                "quyền) and the canonical body, else the printed body or field "
                '("Trưởng Ban Tổ chức Trung ương").',
            ),
            RawColumn(
                "body_name",
                TEXT,
                "Canonical text of the body the title names, even a generic one "
                '("Ban Tổ chức"); null when it names none.',
            ),
            RawColumn("is_former", BOOL, 'True when the title is printed as former ("nguyên", "cựu").'),
        ),
    ),
    RawTable(
        "organization_mentions",
        "One row per mention of an organisation (body) in an article.",
        (
            RawColumn("article_key", TEXT, "Article of the mention."),
            RawColumn(
                "mention_index",
                INT,
                "0-based position of the mention among the article's organisation mentions.",
            ),
            RawColumn("canonical_name", TEXT, "Full canonical name of the body (abbreviations expanded)."),
            RawColumn("surface_text", TEXT, "Text of the mention as printed."),
            RawColumn("char_start", INT, "Start offset of the mention in clean_text."),
            RawColumn("char_end", INT, "End offset (exclusive) of the mention in clean_text."),
            RawColumn("sentence_index", INT, "Sentence the mention is in."),
            RawColumn(
                "kind", TEXT, "Kind of body (e.g. ministry, party body, people's committee); nullable."
            ),
        ),
    ),
    RawTable(
        "organizations",
        "One row per (article, distinct body name the article names or that is an ancestor of one), "
        "with what the name itself says of the body: kind, level, place and parent.",
        (
            RawColumn("article_key", TEXT, "First 16 hex chars of the sha256 of the file's raw bytes."),
            RawColumn("canonical_name", TEXT, "Canonical full name of the body."),
            RawColumn(
                "kind",
                TEXT,
                "Kind of body (party_committee, standing_committee, party_commission, ministry, ...).",
            ),
            RawColumn(
                "level",
                TEXT,
                "`central`, `province`, `district`, `commune`, `enterprise`, `army`; null when unknown.",
            ),
            RawColumn(
                "place",
                TEXT,
                "The province, city or district the body belongs to, as printed; null for central bodies.",
            ),
            RawColumn(
                "parent_name",
                TEXT,
                "Canonical name of the body this one belongs to (nested name, rule or article context); "
                "nullable; every non-null parent has its own row in the same article.",
            ),
        ),
    ),
    RawTable(
        "meetings",
        "One row per event (meeting) an article reports.",
        (
            RawColumn("article_key", TEXT, "Article reporting the meeting."),
            RawColumn("meeting_index", INT, "0-based position of the meeting in the article."),
            RawColumn("meeting_date", DATE, "Date of the meeting, null when unknown."),
            RawColumn(
                "date_is_inferred", BOOL, "True when the year or day was not printed beside the event."
            ),
            RawColumn(
                "time_of_day", TEXT, "Part of day or clock time printed (e.g. `sáng`, `chiều`), nullable."
            ),
            RawColumn("meeting_kind", TEXT, "Kind of event (e.g. meeting, conference, session)."),
            RawColumn("date_text", TEXT, "The date expression as printed."),
            RawColumn("char_start", INT, "Start offset of the meeting's evidence in clean_text."),
            RawColumn("char_end", INT, "End offset (exclusive) of the meeting's evidence in clean_text."),
            RawColumn("sentence_index", INT, "Sentence the meeting is reported in."),
            RawColumn(
                "date_basis",
                TEXT,
                "Which clue gave the date's year, strongest first: `printed`, `publication`, "
                "`term_of_office`, `article_dates`, `year_vote`, `lower_bound`, `file_time`; "
                "null when there is no date (vnpolitics/extract/dates.py, DATE_BASES).",
            ),
        ),
    ),
    RawTable(
        "meeting_organizers",
        "One row per (meeting, organising body).",
        (
            RawColumn("article_key", TEXT, "Article reporting the meeting."),
            RawColumn("meeting_index", INT, "Meeting within the article (raw.meetings.meeting_index)."),
            RawColumn("organization_name", TEXT, "Canonical name of the organising body."),
        ),
    ),
    RawTable(
        "participant_roles",
        "One row per (meeting, person, role) with its evidence.",
        (
            RawColumn("article_key", TEXT, "Article reporting the meeting."),
            RawColumn("meeting_index", INT, "Meeting within the article (raw.meetings.meeting_index)."),
            RawColumn("full_name", TEXT, "Full name of the participant."),
            RawColumn("role", TEXT, "`attendee`, `chair`, `speaker`, `presenter` or `mentioned`."),
            RawColumn("char_start", INT, "Start offset of the evidence in clean_text."),
            RawColumn("char_end", INT, "End offset (exclusive) of the evidence in clean_text."),
            RawColumn("sentence_index", INT, "Sentence of the evidence."),
        ),
    ),
    RawTable(
        "personnel_events",
        "One row per personnel event an article reports (vnpolitics/extract/personnel_events.py): a "
        "person appointed, elected, re-elected, assigned (transferred), made acting, relieved, retired, "
        "resigned, disciplined or deceased, with the post the event is about, read as person_titles "
        "reads posts.",
        (
            RawColumn("article_key", TEXT, "Article reporting the event."),
            RawColumn("event_index", INT, "0-based position of the event among the article's events."),
            RawColumn("full_name", TEXT, "Full name of the person, as in person_mentions."),
            RawColumn(
                "kind",
                TEXT,
                "`appointed`, `elected`, `re_elected`, `assigned`, `acting`, `relieved`, `retired`, "
                "`resigned`, `disciplined` or `died`.",
            ),
            RawColumn(
                "discipline_level",
                TEXT,
                "For `disciplined`: `khiển trách`, `cảnh cáo`, `cách chức` or `khai trừ` when printed.",
            ),
            RawColumn("cue", TEXT, 'The cue phrase as printed ("bổ nhiệm", "thôi giữ chức").'),
            RawColumn(
                "title",
                TEXT,
                "The post taken, left, or held when disciplined or deceased, as printed (abbreviations "
                "expanded); null when none is printed.",
            ),
            RawColumn("post", TEXT, "That post without its body, as person_titles.post."),
            RawColumn(
                "canonical_title", TEXT, "That post in one spelling, as person_titles.canonical_title."
            ),
            RawColumn("body_name", TEXT, "The body that post names, as person_titles.body_name."),
            RawColumn(
                "organization_name", TEXT, "Canonical name of that body, as person_titles.organization_name."
            ),
            RawColumn("is_former", BOOL, 'True when that post is printed as former ("nguyên").'),
            RawColumn(
                "previous_canonical_title",
                TEXT,
                "For `assigned`: the post held before the transfer (its appositive); the transfer ends it.",
            ),
            RawColumn("previous_post", TEXT, "That previous post without its body."),
            RawColumn("previous_organization_name", TEXT, "Canonical name of the previous post's body."),
            RawColumn(
                "deciding_body",
                TEXT,
                'Who decided, as printed and expanded ("Bộ Chính trị", "Thủ tướng Chính phủ"); nullable.',
            ),
            RawColumn("decision_number", TEXT, 'Number of the decision cited ("125-QĐ/TU"); nullable.'),
            RawColumn("decision_date", DATE, "Date of that decision when printed after its number."),
            RawColumn("effective_date", DATE, 'Date the event takes effect ("có hiệu lực từ ngày ...").'),
            RawColumn(
                "event_date",
                DATE,
                "Date printed in the sentence for the event itself (opening it, just before or after "
                "it); null when none.",
            ),
            RawColumn("event_date_text", TEXT, "That date as printed."),
            RawColumn(
                "told_as_past",
                BOOL,
                'True when the sentence tells the event as past ("Năm 2011, ...", "sau khi ... qua '
                "đời\"): the article's own date is not the event's.",
            ),
            RawColumn("char_start", INT, "Start offset of the evidence (cue and person) in clean_text."),
            RawColumn("char_end", INT, "End offset (exclusive) of the evidence in clean_text."),
            RawColumn("sentence_index", INT, "Sentence of the event."),
        ),
    ),
)
RAW_TABLE_NAMES = tuple(table.name for table in RAW_TABLES)
# Tables of files and records, written by the scan; every other raw table holds articles' rows.
INGEST_TABLES = ("ingest_files", "ingest_records")


def duckdb_ddl(table: RawTable) -> str:
    """The column list of ``create table raw.<table> (...)``."""
    return ", ".join(f"{c.name} {c.duckdb_type}" for c in table.columns)


def sources_yml() -> str:
    """``dbt/models/staging/_sources.yml``: source ``raw``, every table, column, type and description."""
    lines = [
        "# Written by `python -m vnpolitics.warehouse.raw_schema` from vnpolitics/warehouse/raw_schema.py;",
        "# edit that module, not this file (tests/test_raw_schema.py fails when the two differ).",
        "version: 2",
        "",
        "sources:",
        "  - name: raw",
        f"    description: {_yaml_text(SOURCE_DESCRIPTION)}",
        "    schema: raw",
        "    tables:",
    ]
    for table in RAW_TABLES:
        lines += [f"      - name: {table.name}", f"        description: {_yaml_text(table.description)}"]
        lines.append("        columns:")
        for column in table.columns:
            lines += [
                f"          - name: {column.name}",
                f"            data_type: {column.duckdb_type.lower()}",
                f"            description: {_yaml_text(column.description)}",
            ]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def docs_page() -> str:
    """``docs/RAW_SCHEMA.md``: one section per table, a row per column."""
    lines = [
        "# Raw schema (Python -> DuckDB `raw` schema -> dbt sources)",
        "",
        "<!-- Written by `python -m vnpolitics.warehouse.raw_schema` from "
        "vnpolitics/warehouse/raw_schema.py. -->",
        "",
        SOURCE_DESCRIPTION,
        "",
        "dbt reads these tables as the source `raw` (`dbt/models/staging/_sources.yml`) and builds the",
        "marts of CONTRACT.md from them. Person identity: `full_name` as extracted (NFC); dbt builds",
        "`person_key` from the folded name. Organisation identity: `canonical_name`.",
    ]
    for table in RAW_TABLES:
        lines += [
            "",
            f"## `{table.name}`",
            "",
            table.description,
            "",
            "| column | type | meaning |",
            "|---|---|---|",
        ]
        lines += [f"| `{c.name}` | {c.duckdb_type} | {c.description} |" for c in table.columns]
    return "\n".join(lines) + "\n"


def _yaml_text(text: str) -> str:
    """A one-line YAML scalar: double-quoted with escapes (descriptions hold colons and backticks)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def stale_files() -> list[Path]:
    """The generated files whose committed text is not what this module makes of them now."""
    wanted = ((SOURCES_YML, sources_yml()), (DOCS_PAGE, docs_page()))
    return [path for path, text in wanted if path.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write the dbt sources file and the docs page from this module."
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if either file differs, write nothing")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for path in stale:
            print(f"{path} differs from vnpolitics/warehouse/raw_schema.py: run python -m {__spec__.name}")
        return 1 if stale else 0
    SOURCES_YML.write_text(sources_yml(), encoding="utf-8")
    DOCS_PAGE.write_text(docs_page(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
