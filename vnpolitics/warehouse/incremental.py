"""What a build may reuse from the warehouse it starts from: the nightly (incremental) or full build.

A run builds in a copy of the published warehouse (``publish.start_scratch``), so the copy holds
the raw tables and the dbt models of the last published build. A nightly build reuses them:

- the raw load (``load.load_raw_frames``) keeps the article tables' rows of the articles still
  there, adds the cached rows of the new ones only, and writes which articles changed into
  ``incremental.article_changes`` (one row per ``document_key`` added, given another version, or
  removed);
- dbt's per-article incremental models delete those articles' rows and insert their new ones,
  and the nightly data tests read only those articles' rows (``dbt/macros/get_where_subquery.sql``).

That is only sound when the rows kept were made by the same extractor and the same dbt project;
``incremental.build_state`` records both for the build in the file, and ``build_mode`` calls for a
full build whenever either differs (or the file has no build yet, or a full build is asked for).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from vnpolitics.extract.version import EXTRACTOR_VERSION

SCHEMA = "incremental"
CHANGES = f"{SCHEMA}.article_changes"
STATE = f"{SCHEMA}.build_state"


@dataclass(frozen=True)
class BuildMode:
    """``kind`` is ``full`` or ``nightly``; ``reason`` says why, for the run's log."""

    kind: str
    reason: str

    @property
    def full(self) -> bool:
        return self.kind == "full"


def build_state(con: duckdb.DuckDBPyConnection) -> tuple[str, str] | None:
    """(dbt project digest, extractor version) of the build in this file, or None when it has none."""
    if not _exists(con, STATE):
        return None
    row = con.execute(f"select dbt_digest, extractor_version from {STATE}").fetchone()
    return (row[0], row[1]) if row else None


def build_mode(scratch: Path, dbt_digest: str, full_requested: bool) -> BuildMode:
    """Whether this run's dbt build may be incremental, reading the scratch copy's state."""
    if full_requested:
        return BuildMode("full", "a full build was asked for (FULL_BUILD)")
    with duckdb.connect(str(scratch), read_only=True) as con:
        state = build_state(con)
        raw_load = _raw_load_kind(con)
    if state is None:
        return BuildMode("full", "no earlier build in the warehouse")
    if state[1] != EXTRACTOR_VERSION:
        return BuildMode("full", f"the extractor changed ({state[1]} -> {EXTRACTOR_VERSION})")
    if state[0] != dbt_digest:
        return BuildMode("full", "the dbt project changed since the last build")
    if raw_load == "full":
        return BuildMode("full", "the raw tables were loaded whole")
    return BuildMode("nightly", "only the changed articles' rows are rebuilt and tested")


def record_build_state(scratch: Path, dbt_digest: str) -> None:
    """After a dbt build that passed: the project and extractor the file's models were made by."""
    with duckdb.connect(str(scratch)) as con:
        con.execute(f"create schema if not exists {SCHEMA}")
        con.execute(
            f"create or replace table {STATE} as "
            "select ? as dbt_digest, ? as extractor_version, ? as built_at",
            [dbt_digest, EXTRACTOR_VERSION, datetime.now(UTC).replace(tzinfo=None)],
        )


def raw_reusable(con: duckdb.DuckDBPyConnection, tables: dict[str, list[str]]) -> bool:
    """Whether the raw article tables in this file can be kept: each exists with the same columns,
    and the build there was made by this extractor."""
    state = build_state(con)
    if state is None or state[1] != EXTRACTOR_VERSION:
        return False
    for table, columns in tables.items():
        found = con.execute(
            "select column_name from duckdb_columns() where schema_name = 'raw' and table_name = ? "
            "order by column_index",
            [table],
        ).fetchall()
        if [c for (c,) in found] != columns:
            return False
    return True


def _raw_load_kind(con: duckdb.DuckDBPyConnection) -> str:
    if not _exists(con, f"{SCHEMA}.raw_load"):
        return "full"
    row = con.execute(f"select kind from {SCHEMA}.raw_load").fetchone()
    return row[0] if row else "full"


def _exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    schema, name = table.split(".")
    return bool(
        con.execute(
            "select count(*) from duckdb_tables() where schema_name = ? and table_name = ?", [schema, name]
        ).fetchone()[0]
    )
