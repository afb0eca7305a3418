"""Staging, intermediate and mart models: the dbt project under ``dbt/``, built with ``dbt build``.

dagster-dbt maps the dbt source ``raw.<table>`` to asset key ``["raw", <table>]``, so every model
sits downstream of the raw tables in one asset graph, and dbt tests appear as asset checks.

Two kinds of build (``vnpolitics.warehouse.incremental`` decides which):

- **nightly** (the default once a warehouse exists): the per-article models are incremental
  (they take only the articles the raw load added, changed or removed), the data tests read
  only those articles' rows (``macros/get_where_subquery.sql``) except the key tests, which stay
  global, and dbt's unit tests (SQL logic, not data) are left out;
- **full** (``FULL_BUILD=1``, ``make run FULL=1``, the weekly schedule, a first build, or any
  change to the dbt project or the extractor since the last build): ``--full-refresh`` and
  every test, unit tests included.

Either way the build is published only once everything it ran has passed.
"""

import shutil
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from dagster import AssetExecutionContext, Failure, ResourceParam
from dagster_dbt import DbtCliInvocation, DbtCliResource, dbt_assets

from dagster_project.project import dbt_project, env_set, warehouse_env
from dagster_project.resources import WarehouseConfig
from dagster_project.run_errors import dbt_failure, first_logged_dbt_error
from vnpolitics.warehouse.crash_points import pause_point
from vnpolitics.warehouse.dbt_files import project_digest, prune_invocation_targets
from vnpolitics.warehouse.incremental import build_mode, record_build_state
from vnpolitics.warehouse.run import WarehouseRun

# dbt's exit codes: 1 when the build ran to its end with failed models or tests, 2 when dbt
# itself broke off (killed, interrupted, a crash).
DBT_HANDLED_ERROR = 1


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, name="dbt_models")
def dbt_models(
    context: AssetExecutionContext,
    dbt: DbtCliResource,
    warehouse: WarehouseConfig,
    warehouse_run: ResourceParam[WarehouseRun],
) -> Iterator[Any]:
    """``dbt build`` (models, seeds and tests) against this run's scratch copy of the warehouse."""
    mode = build_mode(warehouse_run.scratch, _dbt_digest(), warehouse.full_build)
    context.log.info(f"dbt build: {mode.kind} ({mode.reason})")
    args = ["build", "--full-refresh"] if mode.full else ["build", "--exclude", "test_type:unit"]
    target = _invocation_target(context)
    prune_invocation_targets(target.parent)
    _restore_parse_state(warehouse_run.warehouse, target)
    # dbt's profile reads WAREHOUSE_PATH when dbt starts; DBT_TEST_SCOPE the test filter
    with warehouse_env(warehouse_run.scratch), _test_scope("all" if mode.full else "changed"):
        invocation = dbt.cli(args, context=context, raise_on_error=False, target_path=target)
    # Not .stream().fetch_row_counts(): on DuckDB it counts through dbt's adapter in this process
    # and leaves the scratch copy open here (tried: every check's read-only connection then fails
    # with "different configuration"), and the process that renames the file at publish must not
    # hold it open for writing. The export reports each mart's rows from COPY instead.
    try:
        for done, event in enumerate(invocation.stream()):
            if done == 1:
                pause_point("dbt")  # dbt is still running in its own process, writing the scratch copy
            yield event
    finally:
        # A step that fails while dbt still runs (an error handling one of its events) must not
        # leave dbt behind: it would hold the scratch copy's lock and fail every retry.
        if invocation.process.poll() is None:
            invocation.process.terminate()
            invocation.process.wait(timeout=60)
    if not invocation.is_successful():
        error = invocation.get_error()
        code = invocation.process.returncode
        # which nodes failed and why, in the first line: that line is what the run log keeps
        summary = dbt_failure(_run_results(invocation), first_logged_dbt_error(error, code))
        if code == DBT_HANDLED_ERROR:
            # a model or test failed: the same input fails the same way, so no retry
            raise Failure(description=summary, allow_retries=False) from error
        raise DbtBrokeOff(summary) from error  # crashed or killed: the job's retry policy tries again
    _keep_parse_state(target, warehouse_run.warehouse)
    record_build_state(warehouse_run.scratch, _dbt_digest())


def _dbt_digest() -> str:
    """The digest of the dbt project's files: incremental models are valid only under the same one."""
    return project_digest(dbt_project.project_dir)


def _invocation_target(context: AssetExecutionContext) -> Path:
    """This invocation's own target folder (dagster-dbt's naming), chosen here so the parse state can
    be put into it before dbt starts."""
    return Path(dbt_project.project_dir) / dbt_project.target_path / f"dbt_models-{context.run.run_id[:8]}"


def parse_state_path(warehouse: Path) -> Path:
    """Where dbt's partial-parse state for builds of ``warehouse`` is kept between runs.

    dbt reuses its parse only under the same rendered profile, and the profile's path is the run's
    scratch copy, so the state dagster-dbt's preparer wrote (for the default warehouse) serves no
    other warehouse: a full parse (5-10 s of CPU) every run. Kept beside the warehouse, one per
    warehouse, it is reused by every later build of that warehouse; dbt itself re-parses any file
    that changed since.
    """
    return warehouse.with_name(warehouse.name + ".partial_parse.msgpack")


def _restore_parse_state(warehouse: Path, target: Path) -> None:
    saved = parse_state_path(warehouse)
    if saved.exists():
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(saved, target / "partial_parse.msgpack")


def _keep_parse_state(target: Path, warehouse: Path) -> None:
    state = target / "partial_parse.msgpack"
    if state.exists():
        shutil.copyfile(state, parse_state_path(warehouse))


def _test_scope(scope: str) -> AbstractContextManager[None]:
    """Set ``DBT_TEST_SCOPE`` (read by ``macros/get_where_subquery.sql``) while dbt starts.

    An environment variable, not a dbt ``--vars``: vars are part of dbt's parse state, and a
    changed value would throw the partial parse away.
    """
    return env_set("DBT_TEST_SCOPE", scope)


class DbtBrokeOff(RuntimeError):
    """dbt ended before finishing the build (killed, out of memory, crashed): worth a retry."""


def _run_results(invocation: DbtCliInvocation) -> dict[str, Any] | None:
    """dbt's ``run_results.json`` of this invocation, or None when dbt ended before writing it."""
    try:
        return invocation.get_artifact("run_results.json")
    except (OSError, ValueError):  # missing, or cut short (orjson's errors are ValueErrors)
        return None
