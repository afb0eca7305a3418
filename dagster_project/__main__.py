"""``python -m dagster_project``: the operators' command line (``run``, ``status``, ``check-folder``).

``make run`` calls ``run``; ``dagster dev`` (``make dev``) runs the same job from the UI.
Exit codes: 0 done, 1 the run failed or the folder has files that would be rejected or the
last run failed, 2 a usage or configuration error, 3 no run recorded yet.

Errors an operator fixes (a bad option or setting, a missing folder, the warehouse lock held
past the timeout) are one line on stderr, ``error: ...``, without a Python traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from dagster_project.locations import (
    DBT_DIR,
    check_settings,
    configured_cache_dir,
    configured_dagster_home,
    configured_raw_dir,
    configured_warehouse,
)
from vnpolitics.warehouse.operator_errors import OperatorError

if TYPE_CHECKING:
    from vnpolitics.warehouse.run_log import RunRecord
    from vnpolitics.warehouse.scan import Rejection

# Nothing heavy at import: the extraction's spawned worker processes import this module again
# as their ``__main__``, and loading Dagster and the definitions there cost each one 4 s.

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_NO_RUNS = 0, 1, 2, 3
WAREHOUSE_HELP = "warehouse file (default: WAREHOUSE_PATH, else warehouse/warehouse.duckdb)"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    for name, value in (("RAW_DIR", getattr(args, "raw_dir", None)), ("WAREHOUSE_PATH", args.warehouse)):
        if value:
            os.environ[name] = str(Path(value).expanduser().resolve())
    try:
        return args.command(args)
    except OperatorError as error:
        return _usage_error(str(error))


def _usage_error(message: str) -> int:
    """Print ``error: message`` as one line on stderr; the exit code of a usage error."""
    from vnpolitics.warehouse.scan import printable

    print(f"error: {printable(message)}", file=sys.stderr)
    return EXIT_USAGE


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line: the full usage is one ``--help`` away."""

    def error(self, message: str) -> NoReturn:
        from vnpolitics.warehouse.scan import printable

        self.exit(EXIT_USAGE, f"{self.prog}: error: {printable(message)} (see --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m dagster_project",
        description="Build the Vietnamese political-news warehouse and look after it.",
        epilog="RAW_DIR and WAREHOUSE_PATH are read from the environment unless given as options. "
        "Exit codes: 0 ok, 1 failed (run, files or last run), 2 usage or configuration error, "
        "3 no run recorded.",
    )
    parser.set_defaults(command=_run, warehouse=None, raw_dir=None, force=False, full=False)
    commands = parser.add_subparsers(title="commands", metavar="{run,status,check-folder}")

    run = commands.add_parser("run", help="build and publish the warehouse from RAW_DIR (the default)")
    run.add_argument("--raw-dir", help="folder of article files (default: RAW_DIR, else raw/)")
    run.add_argument("--warehouse", help=WAREHOUSE_HELP)
    run.add_argument("--force", action="store_true", help="rebuild even when nothing is new (FORCE_REBUILD)")
    run.add_argument(
        "--full",
        action="store_true",
        help="rebuild every dbt model from scratch and run every test (FULL_BUILD; implies --force)",
    )
    run.set_defaults(command=_run)

    status = commands.add_parser("status", help="the last run's summary, from the run log")
    status.add_argument("--warehouse", help=WAREHOUSE_HELP)
    status.add_argument("--json", action="store_true", help="print the last run as JSON")
    status.set_defaults(command=_status)

    # Not "validate": `make validate` checks the Dagster definitions; this checks input files.
    check = commands.add_parser("check-folder", help="check a raw folder without loading it")
    check.add_argument("folder", nargs="?", help="folder to check (default: RAW_DIR, else raw/)")
    check.add_argument(
        "--max-file-bytes", type=int, help="larger files are rejected (default: MAX_FILE_BYTES, else 5 MB)"
    )
    check.add_argument(
        "--warehouse",
        help="whose extraction cache (CACHE_DIR, else cache/ beside it) holds the files earlier runs "
        f"rejected for their time budget; {WAREHOUSE_HELP}",
    )
    check.set_defaults(command=_check_folder)
    return parser


def _run(args: argparse.Namespace) -> int:
    """Run ``build_warehouse_job`` once, recorded in ``$DAGSTER_HOME``; a failure goes to the run log.

    Settings and the raw folder are checked before Dagster starts, so a mistake in them is one
    line here rather than a configuration error with a traceback from inside Dagster.
    """
    raw = configured_raw_dir()
    if problem := _folder_problem(raw):
        return _usage_error(f"raw folder {raw} {problem} (set RAW_DIR or --raw-dir)")
    check_settings()
    if args.force or args.full:
        os.environ["FORCE_REBUILD"] = "1"
    if args.full:
        os.environ["FULL_BUILD"] = "1"
    if os.environ.get("FORCE_REBUILD", "") in ("", "0") and (record := _nothing_new(raw)) is not None:
        print(f"run {record.run_id}: {record.status} ({record.message})", file=sys.stderr)
        return EXIT_OK
    os.environ["DAGSTER_HOME"] = str(configured_dagster_home())
    from dagster import DagsterInstance

    from dagster_project.project import manifest_is_stale, prepare_dbt_manifest
    from vnpolitics.warehouse.scan import printable

    if manifest_is_stale():  # a fresh clone, or dbt files edited since the last parse
        prepare_dbt_manifest()
    from dagster_project.console import operator_console_logger
    from dagster_project.definitions import defs
    from dagster_project.resources import WarehouseConfig
    from dagster_project.run_errors import run_problems

    started = datetime.now(UTC)
    # the console leaves out the events of an operator's error (the lock): its line is printed below
    job = defs.resolve_job_def("build_warehouse_job").with_logger_defs({"console": operator_console_logger})
    with DagsterInstance.get() as instance:
        result = job.execute_in_process(
            run_config={"loggers": {"console": {"config": {"log_level": "INFO"}}}},
            instance=instance,
            raise_on_error=False,
        )
    problems = run_problems(result.all_events)
    succeeded = result.success and not problems.failed_checks
    print(f"run {result.run_id}: {'success' if succeeded else 'FAILED'}", file=sys.stderr)
    for error in problems.step_errors:
        print(f"error: {printable(error)}", file=sys.stderr)
    if problems.failed_checks:
        print(f"failed checks: {', '.join(problems.failed_checks)}", file=sys.stderr)
    if not succeeded:
        # plain values, not the EnvVar-backed resource (an EnvVar field holds the variable's name)
        warehouse = WarehouseConfig(raw_dir=str(raw), warehouse_path=str(configured_warehouse()))
        run = warehouse.warehouse_run(result.run_id, started_at=started)
        run.record_failure(problems.summary())
        print(f"recorded in {run.run_log}", file=sys.stderr)
    return EXIT_OK if succeeded else EXIT_FAILED


def _nothing_new(raw: Path) -> RunRecord | None:
    """The ``nothing new`` run recorded without starting Dagster, when the input is the published
    build's (``vnpolitics.warehouse.nothing_new``); None when a Dagster run has work to do."""
    from vnpolitics.warehouse.batch_extraction import DEFAULT_MAX_FILE_BYTES
    from vnpolitics.warehouse.file_budget import file_budget_seconds
    from vnpolitics.warehouse.nothing_new import record_if_nothing_new

    return record_if_nothing_new(
        raw,
        configured_warehouse(),
        DBT_DIR,
        configured_cache_dir(),
        max_bytes=int(os.environ.get("MAX_FILE_BYTES") or DEFAULT_MAX_FILE_BYTES),
        budget_seconds=file_budget_seconds(),
        lock_timeout_seconds=float(os.environ.get("RUN_LOCK_TIMEOUT_SECONDS") or 1800),
    )


def _status(args: argparse.Namespace) -> int:
    """The last run, the last published one if that is another, and any run building now."""
    from vnpolitics.warehouse.publish import lock_holder
    from vnpolitics.warehouse.run_log import last_success, read_runs, run_log_path

    warehouse = configured_warehouse()
    runs = read_runs(run_log_path(warehouse))
    building = lock_holder(warehouse)
    if args.json:
        last = vars(runs[-1]) if runs else None
        summary = {"warehouse": str(warehouse), "building": building, "last_run": last}
        print(json.dumps(summary, ensure_ascii=False))
    else:
        print(f"warehouse: {warehouse}{'' if warehouse.exists() else ' (not built yet)'}")
        if building:
            print(f"building now: {building}")
        if runs:
            print(f"last run, ended {runs[-1].finished_at}:\n{runs[-1].format()}")
            published = last_success(runs)
            if published is not None and published is not runs[-1]:
                print(f"last published: run {published.run_id}, ended {published.finished_at}")
    if not runs:
        print(f"no run recorded in {run_log_path(warehouse)}", file=sys.stderr)
        return EXIT_NO_RUNS
    return EXIT_FAILED if runs[-1].status == "failed" else EXIT_OK


def _check_folder(args: argparse.Namespace) -> int:
    """Scan and decode every file as a run would, and say what a run would do with each.

    A content the extraction cache already rejected for its time budget is reported as the run
    would report it, and not decoded again: checking a folder never pays a budget twice.
    """
    from collections import Counter

    from vnpolitics.warehouse.scan import DEFAULT_MAX_FILE_BYTES, printable, scan_folder

    folder = Path(args.folder).expanduser().resolve() if args.folder else configured_raw_dir()
    if problem := _folder_problem(folder):
        return _usage_error(f"{folder} {problem}")
    check_settings()
    max_bytes = args.max_file_bytes or int(os.environ.get("MAX_FILE_BYTES") or DEFAULT_MAX_FILE_BYTES)
    records, _ = scan_folder(
        folder, max_bytes=max_bytes, keep_text=False, known_rejections=_budget_rejections()
    )
    counts = Counter(r.status for r in records)
    # Every line through printable(): the folder comes from the command line and names and
    # reasons from the folder, and a terminal obeys the escape codes they may hold.
    print(
        printable(
            f"{folder}: {len(records)} files, {counts['loaded']} would load, "
            f"{counts['duplicate']} duplicate, {counts['rejected']} would be rejected"
        )
    )
    for record in records:
        if record.status == "rejected":
            print(printable(f"  rejected: {record.source_file}: {record.reason}"))
    if not records:
        print("error: no files to load", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if counts["rejected"] else EXIT_OK


def _budget_rejections() -> dict[str, Rejection]:
    """Content hash -> rejection, for contents a run rejected for overrunning this budget or less."""
    from vnpolitics.extract.version import EXTRACTOR_VERSION
    from vnpolitics.warehouse.cache import ExtractionCache
    from vnpolitics.warehouse.file_budget import file_budget_seconds

    return ExtractionCache(configured_cache_dir(), EXTRACTOR_VERSION).rejections(file_budget_seconds())


def _folder_problem(folder: Path) -> str | None:
    """Why ``folder`` cannot be read as a raw folder (``does not exist``, ...), or None."""
    if not folder.exists():
        return "does not exist"
    return None if folder.is_dir() else "is not a folder"


if __name__ == "__main__":
    sys.exit(main())
