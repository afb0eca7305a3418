"""Write the raw tables into schema ``raw`` of the DuckDB warehouse, all or nothing.

Each table is replaced from its frame with ``create or replace table raw.<t> as select * from
<frame>``, and the article tables then take the extraction cache's rows (DuckDB reads the
Parquet files itself, in bulk), inside one transaction, so dbt never sees half a load. Values
never go through SQL text: DuckDB reads the frames through the Arrow PyCapsule stream
interface (no pyarrow needed) and file lists as parameters.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import polars as pl

from vnpolitics.warehouse.cache import ARTICLE_TABLES, ExtractionCache
from vnpolitics.warehouse.crash_points import pause_point
from vnpolitics.warehouse.raw_frames import RAW_SCHEMAS, ArrowStream

RAW_SCHEMA = "raw"
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")
# The records whose article's extraction the raw tables hold: the first version and every later one.
_EXTRACTED = "status in ('loaded', 'updated')"


def load_raw_frames(
    warehouse_path: Path, frames: dict[str, pl.DataFrame], cache: ExtractionCache | None = None
) -> dict[str, int]:
    """Replace ``raw.<table>`` by each frame in one transaction; returns the row count of each table.

    With a ``cache``, the article tables then take, in the same transaction, the cached rows
    of every article ``ingest_records`` marks loaded or updated (see ``_insert_cached``).
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
            for done, (table, frame) in enumerate(frames.items()):
                view = f"_frame_{table}"
                con.register(view, ArrowStream(frame))
                _run(con, f"create or replace table {RAW_SCHEMA}.{table} as select * from {view}")
                con.unregister(view)
                if done == 0:
                    pause_point("load")  # some tables replaced, the transaction still open
            if cache is not None:
                _insert_cached(con, cache)
            counts = {t: int(_run(con, f"select count(*) from {RAW_SCHEMA}.{t}")[0][0]) for t in frames}
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return counts


def _insert_cached(con: duckdb.DuckDBPyConnection, cache: ExtractionCache) -> None:
    """Append to each article table the cached rows of the articles ``raw.ingest_records`` loads
    (every version of every article: the marts pick the newest).

    An article cached in two batches is read from the first batch (by name) only. The file's
    own columns of ``articles`` (name, encoding) come from this run's first record of it, since
    the cached article may have been extracted from a copy under another name.
    """
    batches = cache.complete_batches()  # one listing for every table, however the cache grows meanwhile
    if not batches:
        return
    con.execute(
        "create or replace temp table _cached_batch as "
        "select article_key, min(parse_filename(filename, true)) as batch "
        "from read_parquet(?, filename = true) "
        f"where article_key in (select article_key from {RAW_SCHEMA}.ingest_records where {_EXTRACTED}) "
        "group by article_key",
        [cache.files("articles", batches)],
    ).fetchall()
    con.execute(
        "create or replace temp table _first_record as select article_key, "
        "arg_min(source_file, (source_file, record_number)) as source_file, "
        "arg_min(encoding, (source_file, record_number)) as encoding "
        f"from {RAW_SCHEMA}.ingest_records where {_EXTRACTED} group by article_key"
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
