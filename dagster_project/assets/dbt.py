"""Staging, intermediate and mart models: the dbt project under ``dbt/``, built with ``dbt build``.

dagster-dbt maps the dbt source ``raw.<table>`` to asset key ``["raw", <table>]``, so every model
sits downstream of the raw tables in one asset graph, and dbt tests appear as asset checks.
"""

from collections.abc import Iterator
from typing import Any

from dagster import AssetExecutionContext, Failure, ResourceParam
from dagster_dbt import DbtCliInvocation, DbtCliResource, dbt_assets

from dagster_project.project import dbt_project, warehouse_env
from dagster_project.run_errors import dbt_failure, first_logged_dbt_error
from vnpolitics.warehouse.crash_points import pause_point
from vnpolitics.warehouse.run import WarehouseRun

# dbt's exit codes: 1 when the build ran to its end with failed models or tests, 2 when dbt
# itself broke off (killed, interrupted, a crash).
DBT_HANDLED_ERROR = 1


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, name="dbt_models")
def dbt_models(
    context: AssetExecutionContext, dbt: DbtCliResource, warehouse_run: ResourceParam[WarehouseRun]
) -> Iterator[Any]:
    """``dbt build`` (models, seeds and tests) against this run's scratch copy of the warehouse."""
    with warehouse_env(warehouse_run.scratch):  # dbt's profile reads WAREHOUSE_PATH when dbt starts
        invocation = dbt.cli(["build"], context=context, raise_on_error=False)
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


class DbtBrokeOff(RuntimeError):
    """dbt ended before finishing the build (killed, out of memory, crashed): worth a retry."""


def _run_results(invocation: DbtCliInvocation) -> dict[str, Any] | None:
    """dbt's ``run_results.json`` of this invocation, or None when dbt ended before writing it."""
    try:
        return invocation.get_artifact("run_results.json")
    except (OSError, ValueError):  # missing, or cut short (orjson's errors are ValueErrors)
        return None
