"""Write the raw tables into schema ``raw`` of the DuckDB warehouse, all or nothing.

Each table is replaced from its frame with ``create or replace table raw.<t> as select * from
<frame>``, and the article tables then take the extraction cache's rows (DuckDB reads the
Parquet files itself, in bulk), inside one transaction, so dbt never sees half a load. Values
never go through SQL text: DuckDB reads the frames through the Arrow PyCapsule stream
interface (no pyarrow needed) and file lists as parameters.

An incremental load (a nightly run on a copy of the published warehouse whose raw tables this
extractor made: ``incremental.raw_reusable``) keeps the article tables' rows of the articles
still loaded, deletes those of articles gone and inserts the cached rows of the new ones only,
so its cost follows what is new rather than the archive. Either way it records which articles
(``document_key``) were added, given another version or removed in ``incremental.article_changes``,
for dbt's incremental models and nightly tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import polars as pl

from vnpolitics.warehouse.cache import ARTICLE_TABLES, ExtractionCache
from vnpolitics.warehouse.crash_points import pause_point
from vnpolitics.warehouse.incremental import CHANGES, SCHEMA, raw_reusable
from vnpolitics.warehouse.raw_frames import RAW_SCHEMAS, ArrowStream

RAW_SCHEMA = "raw"
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")
# The records whose article's extraction the raw tables hold: the first version and every later one.
_EXTRACTED = "status in ('loaded', 'updated')"
# ... and of those, the newest version of each article: what the marts show (macro current_versions).
_CURRENT = "status in ('loaded', 'updated') and replaced_by is null"


def load_raw_frames(
    warehouse_path: Path,
    frames: dict[str, pl.DataFrame],
    cache: ExtractionCache | None = None,
    *,
    incremental: bool = False,
) -> dict[str, int]:
    """Replace ``raw.<table>`` by each frame in one transaction; returns the row count of each table.

    With a ``cache``, the article tables then take, in the same transaction, the cached rows
    of every article ``ingest_records`` marks loaded or updated (see ``_insert_cached``); with
    ``incremental`` as well, and raw tables in the file this extractor made, only those of the
    articles the file lacks (the others' rows are kept, the rows of articles gone deleted).
    """
    for table in frames:
        if not _IDENTIFIER.match(table):
            raise ValueError(f"not a plain table name: {table!r}")
    warehouse_path = Path(warehouse_path)
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(warehouse_path)) as con:
        con.begin()
        try:
            _run(con, f"create schema if not exists {RAW_SCHEMA}")
            _run(con, f"create schema if not exists {SCHEMA}")
            article_columns = {t: list(RAW_SCHEMAS[t]) for t in ARTICLE_TABLES}
            reuse = incremental and cache is not None and raw_reusable(con, article_columns)
            _keep_versions(con)
            for done, (table, frame) in enumerate(frames.items()):
                if reuse and table in ARTICLE_TABLES:
                    continue  # kept; refreshed below
                view = f"_frame_{table}"
                con.register(view, ArrowStream(frame))
                _run(con, f"create or replace table {RAW_SCHEMA}.{table} as select * from {view}")
                con.unregister(view)
                if done == 0:
                    pause_point("load")  # some tables replaced, the transaction still open
            if cache is not None:
                if reuse:
                    _drop_gone(con)
                _insert_cached(con, cache, only_missing=reuse)
            _record_changes(con, "incremental" if reuse else "full")
            counts = {t: int(_run(con, f"select count(*) from {RAW_SCHEMA}.{t}")[0][0]) for t in frames}
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return counts


def _keep_versions(con: duckdb.DuckDBPyConnection) -> None:
    """Before ``ingest_records`` is replaced: which extraction each article's rows came from."""
    exists = con.execute(
        "select count(*) from duckdb_tables() where schema_name = ? and table_name = 'ingest_records'",
        [RAW_SCHEMA],
    ).fetchone()[0]
    source = (
        f"{RAW_SCHEMA}.ingest_records where {_CURRENT}"
        if exists
        else "(select null, null) t(a, b) where false"
    )
    columns = "document_key, article_key" if exists else "a as document_key, b as article_key"
    _run(con, f"create or replace temp table _old_versions as select distinct {columns} from {source}")


def _drop_gone(con: duckdb.DuckDBPyConnection) -> None:
    """Delete from each article table the rows of extractions no record loads any more."""
    _run(
        con,
        "create or replace temp table _wanted as "
        f"select distinct article_key from {RAW_SCHEMA}.ingest_records where {_EXTRACTED}",
    )
    for table in ARTICLE_TABLES:
        _run(
            con,
            f"delete from {RAW_SCHEMA}.{table} where article_key not in (select article_key from _wanted)",
        )
    _run(con, "drop table _wanted")


def _record_changes(con: duckdb.DuckDBPyConnection, kind: str) -> None:
    """``incremental.article_changes``: every article (``document_key``) whose current extraction
    differs from the file's last build (added, another version, removed), and the load's kind."""
    _run(
        con,
        f"create or replace table {CHANGES} as "
        "with new as (select distinct document_key, article_key "
        f"from {RAW_SCHEMA}.ingest_records where {_CURRENT}), "
        "differ as ((select * from new except select * from _old_versions) "
        "union all (select * from _old_versions except select * from new)) "
        "select distinct document_key from differ where document_key is not null order by all",
    )
    _run(con, f"create or replace table {SCHEMA}.raw_load as select '{kind}' as kind")
    _run(con, "drop table _old_versions")


def _insert_cached(
    con: duckdb.DuckDBPyConnection, cache: ExtractionCache, *, only_missing: bool = False
) -> None:
    """Append to each article table the cached rows of the articles ``raw.ingest_records`` loads
    (every version of every article: the marts pick the newest); with ``only_missing``, of those
    the tables lack only.

    An article cached in two batches is read from the first batch (by name) only. The file's
    own columns of ``articles`` (name, encoding) come from this run's first record of it, since
    the cached article may have been extracted from a copy under another name.
    """
    batches = cache.complete_batches()  # one listing for every table, however the cache grows meanwhile
    if not batches:
        return
    missing = (
        f"and article_key not in (select article_key from {RAW_SCHEMA}.articles)" if only_missing else ""
    )
    con.execute(
        "create or replace temp table _cached_batch as "
        "select article_key, min(parse_filename(filename, true)) as batch "
        "from read_parquet(?, filename = true) "
        f"where article_key in (select article_key from {RAW_SCHEMA}.ingest_records where {_EXTRACTED}) "
        f"{missing} group by article_key",
        [cache.files("articles", batches)],
    ).fetchall()
    con.execute(
        "create or replace temp table _first_record as select article_key, "
        "arg_min(source_file, (source_file, record_number)) as source_file, "
        "arg_min(encoding, (source_file, record_number)) as encoding "
        f"from {RAW_SCHEMA}.ingest_records where {_EXTRACTED} group by article_key"
    ).fetchall()
    if only_missing:  # a kept article's first record may be another file now (a copy renamed or removed)
        con.execute(
            f"update {RAW_SCHEMA}.articles as a set source_file = f.source_file, encoding = f.encoding "
            "from _first_record f where f.article_key = a.article_key "
            "and (a.source_file is distinct from f.source_file or a.encoding is distinct from f.encoding)"
        ).fetchall()
    for table in ARTICLE_TABLES:
        rows = (
            "select t.* exclude (filename) from read_parquet(?, filename = true) t "
            "semi join _cached_batch b on t.article_key = b.article_key "
            "and parse_filename(t.filename, true) = b.batch"
        )
        if table == "articles":
            rows = (
                f"select r.* replace (i.source_file as source_file, i.encoding as encoding) from ({rows}) r "
                "join _first_record i on i.article_key = r.article_key"
            )
        con.execute(
            f"insert into {RAW_SCHEMA}.{table} by name {rows} order by all", [cache.files(table, batches)]
        ).fetchall()
    con.execute("drop table _cached_batch").fetchall()
    con.execute("drop table _first_record").fetchall()


def _run(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    """Execute one statement and drain its result (DuckDB 2 refuses new work while one is pending)."""
    return con.execute(sql).fetchall()


def raw_previews(warehouse_path: Path, rows: int = 5) -> dict[str, pl.DataFrame]:
    """The first ``rows`` rows of every raw table, as frames (for the UI's previews)."""
    previews = {}
    with duckdb.connect(str(warehouse_path), read_only=True) as con:
        for table in RAW_SCHEMAS:
            result = con.execute(f"select * from {RAW_SCHEMA}.{table} limit ?", [rows])
            columns = [d[0] for d in result.description]
            previews[table] = pl.DataFrame(result.fetchall(), schema=columns, orient="row")
    return previews
