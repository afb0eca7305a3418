"""Write the raw polars frames into schema ``raw`` of the DuckDB warehouse, all or nothing.

Each table is replaced from its frame with ``create or replace table raw.<t> as select * from
<frame>`` inside one transaction, so dbt never sees half a load. Values never go through SQL
text: DuckDB reads the frames through the Arrow PyCapsule stream interface (no pyarrow needed).
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import polars as pl

from vnpolitics.faults import pause_point

RAW_SCHEMA = "raw"
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


class _ArrowStream:
    """Exposes only ``__arrow_c_stream__`` so DuckDB scans the frame without converting via pyarrow."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self._frame = frame

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        return self._frame.__arrow_c_stream__(requested_schema)


def load_raw_frames(warehouse_path: Path, frames: dict[str, pl.DataFrame]) -> dict[str, int]:
    """Replace ``raw.<table>`` by each frame in one transaction; returns the row count of each table."""
    for table in frames:
        if not _IDENTIFIER.match(table):
            raise ValueError(f"not a plain table name: {table!r}")
    warehouse_path = Path(warehouse_path)
    warehouse_path.parent.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with duckdb.connect(str(warehouse_path)) as con:
        con.begin()
        try:
            _run(con, f"create schema if not exists {RAW_SCHEMA}")
            for table, frame in frames.items():
                view = f"_frame_{table}"
                con.register(view, _ArrowStream(frame))
                _run(con, f"create or replace table {RAW_SCHEMA}.{table} as select * from {view}")
                con.unregister(view)
                counts[table] = int(_run(con, f"select count(*) from {RAW_SCHEMA}.{table}")[0][0])
                if len(counts) == 1:
                    pause_point("load")  # some tables replaced, the transaction still open
            con.commit()
        except BaseException:
            con.rollback()
            raise
    return counts


def _run(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple]:
    """Execute one statement and drain its result (DuckDB 2 refuses new work while one is pending)."""
    return con.execute(sql).fetchall()
