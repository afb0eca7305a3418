"""The serving file: the marts alone, for BI tools, in ``marts.duckdb`` beside the warehouse.

The published ``warehouse.duckdb`` holds the whole build: the marts in ``main`` and the
plumbing in ``raw``, ``staging``, ``intermediate`` and ``curation``. It stays whole because it
is the pipeline's state: the next run starts from a copy of it, the checks compare against
it, dbt docs read its catalog and ``score.py`` reads it. A BI tool pointed at it lists all
five schemas, and an analyst cannot tell the serving tables from the plumbing. So after each
publish the tables of ``main`` (the marts and ``run_log``) are copied into a file of their own,
where ``main`` is the only schema: a BI tool's schema list shows one entry, and every table in
it is meant to be read.

Each table keeps its DDL (types, primary keys, not-null constraints, as dbt's contracts built
them) and its table and column comments (the dbt descriptions). The file is written in the
same storage format as the warehouse (readable by DuckDB 1.4 and later), under a temporary
name, then renamed over the previous one: a reader opens the old file or the new one, never
half of one, exactly as with the warehouse itself (README, "Reading the warehouse").
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import duckdb

from vnpolitics.warehouse.publish import FILE_MODE, STORAGE_VERSION

SERVING_FILE = "marts.duckdb"
_SOURCE = "published"  # the warehouse, attached read-only


def serving_path(warehouse: Path) -> Path:
    """Where the serving file of ``warehouse`` lives: beside it, so the rename stays on one file system."""
    return warehouse.with_name(SERVING_FILE)


def write_serving_file(warehouse: Path, target: Path | None = None) -> list[str]:
    """Copy every table of ``warehouse``'s schema ``main`` into ``target``; return the table names.

    Reads the published file read-only, so it can run beside BI readers and outside the run
    lock: it sees one whole build, the one that was published when it opened the file.
    """
    target = target or serving_path(warehouse)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")  # one per writer
    _remove(partial)
    config = {"storage_compatibility_version": STORAGE_VERSION}
    with duckdb.connect(str(partial), config=config) as con:
        con.execute(f"attach '{_literal(str(warehouse))}' as {_SOURCE} (read_only)").fetchall()
        tables = con.execute(
            "select table_name, sql, comment from duckdb_tables() "
            f"where database_name = '{_SOURCE}' and schema_name = 'main' order by table_name"
        ).fetchall()
        columns = con.execute(
            "select table_name, column_name, comment from duckdb_columns() "
            f"where database_name = '{_SOURCE}' and schema_name = 'main' and comment is not null"
        ).fetchall()
        for table, ddl, comment in tables:
            con.execute(ddl).fetchall()  # duckdb_tables().sql is unqualified: into the serving file
            name = f"main.{_identifier(table)}"
            con.execute(f"insert into {name} select * from {_SOURCE}.main.{_identifier(table)}").fetchall()
            if comment:
                con.execute(f"comment on table {name} is '{_literal(comment)}'").fetchall()
        for table, column, comment in columns:
            con.execute(
                f"comment on column main.{_identifier(table)}.{_identifier(column)} is '{_literal(comment)}'"
            ).fetchall()
        con.execute(f"detach {_SOURCE}").fetchall()
        con.execute("checkpoint").fetchall()
    os.chmod(partial, FILE_MODE)
    os.replace(partial, target)
    return [table for table, _, _ in tables]


def _remove(path: Path) -> None:
    for file in (path, path.with_name(path.name + ".wal")):
        file.unlink(missing_ok=True)


def _identifier(name: str) -> str:
    """A catalog name (table, column, database) quoted for SQL; names come from the catalog, not articles."""
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    """Text inside a SQL string literal (ATTACH and COMMENT ON take no parameters)."""
    return text.replace("'", "''")


def main() -> None:
    """``python -m vnpolitics.warehouse.serving [warehouse]``: write the serving file by hand."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouse", type=Path, nargs="?", default=Path("warehouse/warehouse.duckdb"))
    args = parser.parse_args()
    tables = write_serving_file(args.warehouse.resolve())
    print(f"{serving_path(args.warehouse)}: {len(tables)} tables")


if __name__ == "__main__":
    main()
