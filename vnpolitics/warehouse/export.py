"""Parquet copies of the marts beside the warehouse, for tools without a DuckDB driver.

After each publish every table of schema ``main`` (the marts and ``run_log``) is written to
``<warehouse folder>/export/<table>.parquet``. Each file is written under a temporary name and
renamed, so a tool that reads the folder during a run sees the previous file or the new one,
never half of one. Files of tables that no longer exist are removed, so the folder mirrors the
published warehouse exactly.

Text that starts with ``=``, ``+``, ``-`` or ``@`` (a title such as ``=HYPERLINK(...)``) is
written as it is, on purpose. Formula injection is a property of CSV opened in a spreadsheet,
which guesses each cell's type and evaluates what looks like a formula; Parquet stores typed
strings, and every reader (Excel's and Power BI's Power Query, pandas, Spark, DuckDB) reads
them back as strings and evaluates nothing. Prefixing such values with ``'`` would only change
the data: a headline that opens with "-" would no longer equal its article. Should a CSV export
for spreadsheets be added, it is the one place to escape: a leading ``=``, ``+``, ``-``, ``@``,
tab or carriage return prefixed with ``'`` in every text cell (OWASP's rule for CSV injection).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

EXPORT_FOLDER = "export"
_PARTIAL_SUFFIX = ".partial"


@dataclass(frozen=True)
class ExportedTable:
    table: str
    path: Path
    rows: int


def export_path(warehouse: Path) -> Path:
    return warehouse.parent / EXPORT_FOLDER


def mart_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables analysts read: every base table of schema ``main``, by name."""
    rows = con.execute(
        "select table_name from duckdb_tables() "
        "where schema_name = 'main' and database_name = current_database() order by table_name"
    ).fetchall()
    return [name for (name,) in rows]


def export_marts(warehouse: Path, folder: Path | None = None) -> list[ExportedTable]:
    """Write every mart of the published ``warehouse`` to ``folder`` as Parquet (zstd)."""
    folder = folder or export_path(warehouse)
    folder.mkdir(parents=True, exist_ok=True)
    exported = []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for table in mart_tables(con):
            target = folder / f"{table}.parquet"
            partial = target.with_name(target.name + _PARTIAL_SUFFIX)
            quoted = '"' + table.replace('"', '""') + '"'  # a catalog name, never article text
            options = "format parquet, compression zstd"
            copy = f"copy (select * from main.{quoted}) to '{_sql_literal(partial)}' ({options})"
            (rows,) = con.execute(copy).fetchone()  # COPY answers with the rows it wrote
            os.replace(partial, target)
            exported.append(ExportedTable(table, target, int(rows)))
    current = {e.path.name for e in exported}
    for stale in folder.glob("*.parquet"):
        if stale.name not in current:
            stale.unlink()
    for leftover in folder.glob(f"*.parquet{_PARTIAL_SUFFIX}"):
        leftover.unlink()  # from a run killed mid-write
    return exported


def _sql_literal(path: Path) -> str:
    """A path inside a SQL string literal (COPY ... TO takes no parameters)."""
    return str(path).replace("'", "''")
