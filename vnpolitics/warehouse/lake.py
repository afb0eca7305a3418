"""The warehouse on DuckLake: a catalog in PostgreSQL, the tables as Parquet under a data path.

Set ``WAREHOUSE_CATALOG`` (a DuckLake catalog, e.g. ``postgres:dbname=ducklake host=db``) and
``WAREHOUSE_DATA_PATH`` (a folder every machine sees, or object storage) and each publish also
commits the build into the lake; unset, the warehouse is the single file alone, as before.

A run still builds its scratch DuckDB file with dbt (``vnpolitics.warehouse.publish``), and the
publish copies every table of it into the lake in one transaction: **one publish, one DuckLake
snapshot**. A reader attaching the lake, or holding it attached, sees the previous publish until
that commit and the whole new one after it; a run that fails before it leaves the lake as it
was. Why not dbt writing to the lake directly: every model would be its own commit, so readers
would see half a build, and DuckLake takes no PRIMARY KEY / UNIQUE constraints, which the marts'
enforced contracts declare.

The DuckDB extensions cannot be downloaded on these machines (``INSTALL`` fails), so they come
from PyPI packages (``duckdb-extension-ducklake``, ``duckdb-extension-postgres-scanner``) and are
loaded by path. They are built for one DuckDB release: writer and readers all run DuckDB
``1.5.5`` (pinned in pyproject.toml and bi/pyproject.toml).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

LAKE_ALIAS = "lake"
BUILD_ALIAS = "build"
CATALOG_ENV = "WAREHOUSE_CATALOG"
DATA_PATH_ENV = "WAREHOUSE_DATA_PATH"
# The extension packages on PyPI and the file each ships (under extensions/v<duckdb version>/).
EXTENSION_PACKAGES = {
    "duckdb_extension_postgres_scanner": "postgres_scanner.duckdb_extension",
    "duckdb_extension_ducklake": "ducklake.duckdb_extension",
}
# Schemas of a build that are not the warehouse's: DuckDB's own.
_SYSTEM_SCHEMAS = ("information_schema", "pg_catalog")


class LakeError(RuntimeError):
    """The lake is misconfigured or its extensions are missing; the message says what to do."""


@dataclass(frozen=True)
class LakeSettings:
    """Where the lake is: its catalog (``ducklake:<catalog>``) and the folder of its Parquet files."""

    catalog: str
    data_path: str = ""

    @property
    def attach_path(self) -> str:
        return self.catalog if self.catalog.startswith("ducklake:") else f"ducklake:{self.catalog}"


def lake_from_env() -> LakeSettings | None:
    """The lake the environment names (``WAREHOUSE_CATALOG``), or None: the single-file warehouse."""
    catalog = os.environ.get(CATALOG_ENV, "").strip()
    if not catalog:
        return None
    return LakeSettings(catalog, os.environ.get(DATA_PATH_ENV, "").strip())


def extension_files() -> list[Path]:
    """The extension files for the running DuckDB, from the PyPI packages, in load order."""
    import importlib

    files = []
    for package, name in EXTENSION_PACKAGES.items():
        try:
            module = importlib.import_module(package)
        except ImportError as error:
            raise LakeError(f"{package} is not installed (uv sync installs it)") from error
        path = Path(next(iter(module.__path__))) / "extensions" / f"v{duckdb.__version__}" / name
        if not path.exists():
            raise LakeError(
                f"{path} missing: {package} does not match DuckDB {duckdb.__version__}; "
                "writer and readers must all run the DuckDB version pinned in pyproject.toml"
            )
        files.append(path)
    return files


def load_extensions(con: duckdb.DuckDBPyConnection) -> None:
    for path in extension_files():
        con.execute(f"LOAD '{path}'")


def attach_sql(lake: LakeSettings, *, read_only: bool, alias: str = LAKE_ALIAS) -> str:
    """The ATTACH statement of the lake: read-only for readers, with its data path for the writer."""
    options = ["READ_ONLY"] if read_only else []
    if lake.data_path and not read_only:
        options.append(f"DATA_PATH {_quote(lake.data_path)}")
    suffix = f" ({', '.join(options)})" if options else ""
    return f"ATTACH {_quote(lake.attach_path)} AS {alias}{suffix}"


def attach(con: duckdb.DuckDBPyConnection, lake: LakeSettings, *, read_only: bool = True) -> None:
    """Load the extensions and attach the lake as ``lake`` (read-only unless asked)."""
    load_extensions(con)
    if lake.data_path and not read_only:
        Path(lake.data_path).mkdir(parents=True, exist_ok=True)
    con.execute(attach_sql(lake, read_only=read_only))


@contextmanager
def connect(lake: LakeSettings, *, read_only: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory DuckDB with the lake attached and in use (``select * from dim_people`` works)."""
    con = duckdb.connect()
    try:
        attach(con, lake, read_only=read_only)
        con.execute(f"USE {LAKE_ALIAS}")
        yield con
    finally:
        con.close()


@dataclass(frozen=True)
class Commit:
    """What one publish wrote: the snapshot it made and the tables it holds (``schema.table``)."""

    snapshot_id: int
    tables: list[str]


def commit_build(database: Path, lake: LakeSettings, message: str) -> Commit:
    """Copy every table of the built ``database`` into the lake in one transaction: one snapshot.

    Tables the build no longer has are dropped in the same transaction, so the lake holds what
    the build holds. Views (the staging layer) stay in the build file: their SQL names the
    build's own catalog. Table comments (dbt's persisted docs) come along.
    """
    con = duckdb.connect()
    try:
        attach(con, lake, read_only=False)
        con.execute(f"ATTACH {_quote(str(database))} AS {BUILD_ALIAS} (READ_ONLY)")
        tables = _tables(con, BUILD_ALIAS)
        existing = set(_tables(con, LAKE_ALIAS))
        con.execute("BEGIN")
        for schema in sorted({schema for schema, _ in tables}):
            con.execute(f"CREATE SCHEMA IF NOT EXISTS {LAKE_ALIAS}.{_ident(schema)}")
        for schema, table in tables:
            name = f"{_ident(schema)}.{_ident(table)}"
            con.execute(f"CREATE OR REPLACE TABLE {LAKE_ALIAS}.{name} AS SELECT * FROM {BUILD_ALIAS}.{name}")
        for schema, table in sorted(existing - set(tables)):
            con.execute(f"DROP TABLE {LAKE_ALIAS}.{_ident(schema)}.{_ident(table)}")
        for schema, table, comment in _table_comments(con, BUILD_ALIAS):
            con.execute(
                f"COMMENT ON TABLE {LAKE_ALIAS}.{_ident(schema)}.{_ident(table)} IS {_quote(comment)}"
            )
        con.execute(
            f"CALL ducklake_set_commit_message({_quote(LAKE_ALIAS)}, 'vnpolitics', {_quote(message)})"
        )
        con.execute("COMMIT")
        snapshot = con.execute(
            f"SELECT id FROM ducklake_last_committed_snapshot({_quote(LAKE_ALIAS)})"
        ).fetchone()
        snapshot_id = int(snapshot[0]) if snapshot and snapshot[0] is not None else current_snapshot(con)
        return Commit(snapshot_id, [f"{schema}.{table}" for schema, table in tables])
    finally:
        con.close()


def current_snapshot(con: duckdb.DuckDBPyConnection, alias: str = LAKE_ALIAS) -> int:
    """The newest snapshot of the lake attached as ``alias``, as the connection's transaction sees it."""
    row = con.execute(f"SELECT max(snapshot_id) FROM {alias}.snapshots()").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def _tables(con: duckdb.DuckDBPyConnection, database: str) -> list[tuple[str, str]]:
    rows = con.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = ? "
        "AND schema_name NOT IN (SELECT unnest(?::varchar[])) ORDER BY 1, 2",
        [database, list(_SYSTEM_SCHEMAS)],
    ).fetchall()
    return [(schema, table) for schema, table in rows]


def _table_comments(con: duckdb.DuckDBPyConnection, database: str) -> list[tuple[str, str, str]]:
    return con.execute(
        "SELECT schema_name, table_name, comment FROM duckdb_tables() "
        "WHERE database_name = ? AND comment IS NOT NULL ORDER BY 1, 2",
        [database],
    ).fetchall()


def _quote(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# Not a mart: each warehouse's own record of the runs that built it (run ids differ by nature).
RUN_LOG_TABLE = "run_log"


def mart_differences(database: Path, lake: LakeSettings, schema: str = "main") -> dict[str, int]:
    """Table -> rows in one but not the other (as multisets), for every table of ``schema`` in the
    DuckDB file ``database`` or the lake but the run log; a table only one side has counts all its
    rows. Empty: the lake's marts equal the file's, row for row, whatever the order."""
    con = duckdb.connect()
    try:
        attach(con, lake, read_only=True)
        con.execute(f"ATTACH {_quote(str(database))} AS {BUILD_ALIAS} (READ_ONLY)")
        ours = {t for s_, t in _tables(con, BUILD_ALIAS) if s_ == schema}
        theirs = {t for s_, t in _tables(con, LAKE_ALIAS) if s_ == schema}
        differences = {}
        for table in sorted((ours | theirs) - {RUN_LOG_TABLE}):
            name = f"{_ident(schema)}.{_ident(table)}"
            if table not in ours or table not in theirs:
                side = BUILD_ALIAS if table in ours else LAKE_ALIAS
                differences[table] = con.execute(f"SELECT count(*) FROM {side}.{name}").fetchone()[0]
                continue
            a, b = f"{BUILD_ALIAS}.{name}", f"{LAKE_ALIAS}.{name}"
            count = con.execute(
                f"SELECT (SELECT count(*) FROM (FROM {a} EXCEPT ALL FROM {b})) "
                f"+ (SELECT count(*) FROM (FROM {b} EXCEPT ALL FROM {a}))"
            ).fetchone()[0]
            if count:
                differences[table] = count
        return differences
    finally:
        con.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Read the published lake (``WAREHOUSE_CATALOG``): run a query, or compare its marts with a file."""
    parser = argparse.ArgumentParser(prog="python -m vnpolitics.warehouse.lake", description=main.__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    sql = commands.add_parser("sql", help="run SQL with the lake attached read-only and in use")
    sql.add_argument("query")
    compare = commands.add_parser("compare", help="compare the lake's marts with a warehouse file's")
    compare.add_argument("warehouse", type=Path)
    args = parser.parse_args(argv)
    lake = lake_from_env()
    if lake is None:
        print(f"error: {CATALOG_ENV} is not set (source .cluster/cluster.env)", file=sys.stderr)
        return 2
    if args.command == "sql":
        with connect(lake) as con:
            print(con.sql(args.query))
        return 0
    differences = mart_differences(args.warehouse, lake)
    for table, rows in differences.items():
        print(f"{table}: {rows} rows differ")
    print("marts equal" if not differences else f"{len(differences)} marts differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
