"""The run log: what each run saw and built, kept in a JSON-lines file and a ``run_log`` table.

The file beside the warehouse (``<warehouse>.run_log.jsonl``) is the record: one line is
appended per run once it has ended, published or failed, and it survives runs that never
publish. At publish the whole file, plus the run being published, becomes table
``main.run_log`` of the new warehouse, so analysts query the history beside the data it
describes. A line cut short by a crash is skipped when the table is built.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb
import polars as pl

from vnpolitics.warehouse.dbt_files import project_digest
from vnpolitics.warehouse.raw_frames import ArrowStream

# Column types of main.run_log; also what read_json is told, so a short file still types right.
RUN_LOG_COLUMNS: dict[str, str] = {
    "run_id": "varchar",
    "started_at": "timestamptz",
    "finished_at": "timestamptz",
    "status": "varchar",
    "raw_dir": "varchar",
    "warehouse": "varchar",
    "extractor_version": "varchar",
    "files_seen": "bigint",
    "files_loaded": "bigint",
    "files_duplicate": "bigint",
    "files_rejected": "bigint",
    "rejected_by_reason": "json",
    "rows_per_table": "json",
    "message": "varchar",
    "fingerprint": "varchar",
}

# What each column means, stored as column comments as dbt's persist_docs does for the marts.
RUN_LOG_DESCRIPTIONS: dict[str, str] = {
    "run_id": "Dagster run id (or the id the command line gave a run that never reached Dagster).",
    "started_at": "When the run started (ISO 8601 with offset).",
    "finished_at": "When the run ended.",
    "status": "success (published), nothing new (input unchanged, nothing built) or failed.",
    "raw_dir": "The folder the run read (RAW_DIR).",
    "warehouse": "The warehouse file the run built (WAREHOUSE_PATH).",
    "extractor_version": "Extractor release and digest of its code and gazetteers.",
    "files_seen": "Files found under raw_dir.",
    "files_loaded": "Files loaded as articles.",
    "files_duplicate": "Files whose bytes or text repeat an earlier file.",
    "files_rejected": "Files that could not be read as a Vietnamese article.",
    "rejected_by_reason": "Rejected files per reason, as JSON.",
    "rows_per_table": "Rows per mart after the run, as JSON (empty when nothing was built).",
    "message": "What went wrong for a failed run (step and first error line), or a note.",
    "fingerprint": "Digest of the input files, extractor version and dbt project the run built.",
}
assert RUN_LOG_DESCRIPTIONS.keys() == RUN_LOG_COLUMNS.keys()


@dataclass
class RunRecord:
    """One run: its identity, how it ended, the files it saw and the rows it left."""

    run_id: str
    started_at: str  # ISO 8601 with offset
    finished_at: str
    status: str  # "success" | "failed"
    raw_dir: str
    warehouse: str
    extractor_version: str
    files_seen: int = 0
    files_loaded: int = 0
    files_duplicate: int = 0
    files_rejected: int = 0
    rejected_by_reason: dict[str, int] = field(default_factory=dict)
    rows_per_table: dict[str, int] = field(default_factory=dict)
    message: str | None = None
    fingerprint: str | None = None  # of the run's input (see input_fingerprint)

    def format(self) -> str:
        """A few lines for the run's log: files by status and reason, rows per table."""
        lines = [
            f"run {self.run_id} {self.status}: {self.files_seen} files seen, {self.files_loaded} loaded, "
            f"{self.files_duplicate} duplicate, {self.files_rejected} rejected"
        ]
        lines += [f"  rejected, {reason}: {n}" for reason, n in self.rejected_by_reason.items()]
        lines += [f"  {table}: {n} rows" for table, n in self.rows_per_table.items()]
        if self.message:
            lines.append(f"  {self.message}")
        return "\n".join(lines)


# The ingest_files columns that say what a run read; sorted by source_file they fix its input.
FINGERPRINT_COLUMNS = ("source_file", "content_hash", "status", "reason")


def input_fingerprint(ingest_rows: Iterable[tuple], extractor_version: str, dbt_project: Path) -> str:
    """A digest of everything a build's result depends on: files, extractor and dbt project.

    ``ingest_rows`` are ``FINGERPRINT_COLUMNS`` tuples sorted by source file. Two runs with
    the same fingerprint build the same warehouse, so the second has nothing to do.
    """
    digest = hashlib.sha256(f"{extractor_version}\0{project_digest(dbt_project)}\n".encode())
    for row in sorted(ingest_rows, key=lambda r: r[0]):
        digest.update(json.dumps(row, ensure_ascii=False).encode() + b"\n")
    return digest.hexdigest()


def read_runs(path: Path) -> list[RunRecord]:
    """Every readable run of the file, oldest first; a line cut short by a crash is skipped."""
    if not path.exists():
        return []
    runs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict) and row.get("run_id"):
            runs.append(RunRecord(**{k: v for k, v in row.items() if k in RUN_LOG_COLUMNS}))
    return runs


def last_published(path: Path) -> RunRecord | None:
    """The last run the file records as published, or None."""
    return last_success(read_runs(path))


def last_success(runs: list[RunRecord]) -> RunRecord | None:
    """The last published run of ``runs`` (oldest first), or None."""
    return next((run for run in reversed(runs) if run.status == "success"), None)


def append_failed_run(path: Path, record: RunRecord) -> bool:
    """Append a failed run unless the file already has that run id; True when appended.

    A failure can be reported twice, by the command line that ran the job and by the failure
    sensor of a Dagster daemon watching the same instance: the run log keeps one line per run.
    """
    if any(run.run_id == record.run_id for run in read_runs(path)):
        return False
    append_run(path, record)
    return True


def run_log_path(warehouse: Path) -> Path:
    return warehouse.with_name(f"{warehouse.stem}.run_log.jsonl")


def count_build(con: duckdb.DuckDBPyConnection, record: RunRecord) -> RunRecord:
    """Fill the record's file and row counts from a built warehouse (``raw.ingest_files`` and ``main``)."""
    _count_files(con, record)
    record.rows_per_table = mart_row_counts(con)
    return record


def ingest_summary(ingest_files: pl.DataFrame, record: RunRecord) -> RunRecord:
    """Fill the record's file counts from an ``ingest_files`` frame (a run that built nothing)."""
    with duckdb.connect() as con:
        con.execute("create schema raw").fetchall()
        con.register("_ingest_files", ArrowStream(ingest_files))
        con.execute("create table raw.ingest_files as select * from _ingest_files").fetchall()
        return _count_files(con, record)


def _count_files(con: duckdb.DuckDBPyConnection, record: RunRecord) -> RunRecord:
    by_status = dict(con.execute("select status, count(*) from raw.ingest_files group by status").fetchall())
    record.files_loaded = int(by_status.get("loaded", 0))
    record.files_duplicate = int(by_status.get("duplicate", 0))
    record.files_rejected = int(by_status.get("rejected", 0))
    record.files_seen = sum(int(n) for n in by_status.values())
    # "binary file (PNG)" stays whole; "not Vietnamese text: 0.0% ..." groups under its head.
    record.rejected_by_reason = {
        reason: int(n)
        for reason, n in con.execute(
            "select split_part(reason, ':', 1) as reason, count(*) as n from raw.ingest_files "
            "where status = 'rejected' group by 1 order by n desc, reason"
        ).fetchall()
    }
    return record


def mart_row_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Rows of every table in schema ``main`` (the marts), by name; ``run_log`` itself aside.

    Counted here rather than taken from dagster-dbt's row counts: the run log is written outside
    Dagster and covers every mart of the file, also those a subset run did not rebuild.
    """
    names = con.execute(
        "select table_name from duckdb_tables() where schema_name = 'main' and table_name <> 'run_log' "
        "order by table_name"
    ).fetchall()
    return {name: _row_count(con, name) for (name,) in names}


def _row_count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    quoted = '"' + table.replace('"', '""') + '"'  # a catalog name, never text from an article
    return int(con.execute(f"select count(*) from main.{quoted}").fetchone()[0])


def append_run(path: Path, record: RunRecord) -> None:
    """Append one line and flush it to disk before the run goes on."""
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(asdict(record), ensure_ascii=False) + "\n"
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def store_run_log(con: duckdb.DuckDBPyConnection, path: Path, pending: RunRecord) -> int:
    """Replace ``main.run_log`` by every readable line of the file plus ``pending``; returns its rows.

    ``pending`` is the run being published: it goes into the file only once the publish has
    happened, so the file never claims a success that a crash undid.
    """
    columns = ", ".join(f"{name} {kind}" for name, kind in RUN_LOG_COLUMNS.items())
    con.execute(f"create or replace table main.run_log ({columns})").fetchall()
    con.execute(
        "comment on table main.run_log is 'One row per pipeline run: files seen, loaded, duplicate, "
        "rejected by reason, rows per mart. Written by the publish step, not by dbt.'"
    ).fetchall()
    for name, description in RUN_LOG_DESCRIPTIONS.items():  # the marts' comments come from dbt
        literal = description.replace("'", "''")  # COMMENT ON takes no parameters; constant text
        con.execute(f"comment on column main.run_log.{name} is '{literal}'").fetchall()
    if path.exists():
        types = ", ".join(f"'{name}': '{kind}'" for name, kind in RUN_LOG_COLUMNS.items())
        con.execute(
            "insert into main.run_log select * from read_json(?, format = 'newline_delimited', "
            f"columns = {{{types}}}, ignore_errors = true) where run_id is not null",
            [str(path)],
        ).fetchall()
    values = [
        json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v for v in asdict(pending).values()
    ]
    placeholders = ", ".join("?" for _ in values)
    con.execute(f"insert into main.run_log values ({placeholders})", values).fetchall()
    return int(con.execute("select count(*) from main.run_log").fetchone()[0])
