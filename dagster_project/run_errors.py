"""What stopped a run, in a line per failed step or check, for operators and the run log.

The command line (from the events of the run it executed) and the failure sensor (from the
instance's log of a run it saw fail) read a run's failure the same way, here, and record it
the same way, through ``WarehouseRun.record_failure``.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from dagster import AssetCheckSeverity, DagsterEvent, DagsterEventType

from vnpolitics.warehouse.operator_errors import operator_error_names

# dbt's statuses (run_results.json) of a node that stopped the build: a model or seed that
# errored, a test that failed or could not run. "skipped" nodes only follow a failed one.
DBT_FAILED_STATUSES = frozenset({"error", "fail", "runtime error"})
# A run log line names this many failed dbt nodes, then counts the rest.
DBT_NODES_NAMED = 3
# The header dbt puts before a node's error ("Runtime Error in model x (models/x.sql)"): it names
# the node again, and the error itself is on the next line.
_DBT_ERROR_HEADER = re.compile(r"^\w+ Error in \w+ ")

# The events a failure is read from (what the sensor asks the instance for).
FAILURE_EVENT_TYPES = {
    DagsterEventType.STEP_FAILURE,
    DagsterEventType.RESOURCE_INIT_FAILURE,
    DagsterEventType.ASSET_CHECK_EVALUATION,
}


@dataclass(frozen=True)
class RunProblems:
    """The first error line of each failed step, and the blocking checks that failed."""

    step_errors: list[str]
    failed_checks: list[str]

    def summary(self) -> str:
        """One line for the run log's ``message``; empty when nothing failed."""
        lines = list(self.step_errors)
        if self.failed_checks:
            lines.append(f"failed checks: {', '.join(self.failed_checks)}")
        return "; ".join(lines)


def run_problems(events: Iterable[DagsterEvent]) -> RunProblems:
    events = list(events)
    return RunProblems(step_errors(events), failed_checks(events))


def step_errors(events: Iterable[DagsterEvent]) -> list[str]:
    """The first line of each error that stopped a step or the run's resources (e.g. the lock)."""
    errors = []
    for event in events:
        if event.event_type not in (DagsterEventType.STEP_FAILURE, DagsterEventType.RESOURCE_INIT_FAILURE):
            continue
        line = _first_error_line(event.event_specific_data)
        if line is not None:
            errors.append(f"{event.step_key or 'resources'}: {line}")
    return errors


def _first_error_line(data: Any) -> str | None:
    """What stopped a step, in one line: a ``Failure``'s description, an operator error's
    message (no class path: the message says it all), else the first line of the error the
    code raised, under Dagster's wrappers."""
    description = getattr(getattr(data, "user_failure_data", None), "description", None)
    if description and description.strip():
        return description.strip().splitlines()[0]
    error = getattr(data, "error", None)
    if error is None:
        return None
    message = operator_message(error)
    if message is not None:
        return message
    while error.cause is not None and "dagster" in (error.cls_name or "").lower():
        error = error.cause  # unwrap Dagster's wrappers down to the error the code raised
    return error.message.strip().splitlines()[0]


def operator_message(error: Any) -> str | None:
    """The one-line message of the ``OperatorError`` in a serialised error's chain, if any.

    ``error`` is Dagster's ``SerializableErrorInfo``; its ``message`` reads ``module.Class: text``.
    """
    names = operator_error_names()
    while error is not None:
        if error.cls_name in names:
            text = error.message.strip()
            _, sep, rest = text.partition(f"{error.cls_name}: ")
            return " ".join((rest if sep else text).split())
        error = error.cause or error.context
    return None


def failed_checks(events: Iterable[DagsterEvent]) -> list[str]:
    """The checks of severity ERROR that failed: each one stopped the publish."""
    return [
        e.asset_check_evaluation_data.check_name
        for e in events
        if e.event_type == DagsterEventType.ASSET_CHECK_EVALUATION
        and not e.asset_check_evaluation_data.passed
        and e.asset_check_evaluation_data.severity == AssetCheckSeverity.ERROR
    ]


def dbt_failure(run_results: Mapping[str, Any] | None, logged_error: str) -> str:
    """One line for a dbt build that failed: the nodes that failed, each with its first error line.

    ``run_results`` is dbt's ``run_results.json`` (None when dbt ended before writing it);
    ``logged_error`` is the first error dbt logged, for a build no node's result explains.
    The line reaches the run log, where "dbt failed, see the compute logs" would help nobody.
    """
    results = (run_results or {}).get("results") or []
    failed = [r for r in results if r.get("status") in DBT_FAILED_STATUSES]
    if not failed:
        return f"dbt build failed: {logged_error}"
    named = "; ".join(
        f"{dbt_node_name(r.get('unique_id', ''))}: {dbt_error_line(r.get('message'))}"
        for r in failed[:DBT_NODES_NAMED]
    )
    more = f" (and {len(failed) - DBT_NODES_NAMED} more)" if len(failed) > DBT_NODES_NAMED else ""
    return f"dbt build failed at {len(failed)} node(s): {named}{more}"


def dbt_node_name(unique_id: str) -> str:
    """``model fct_x`` for ``model.vn_politics.fct_x``, ``test unique_x`` for
    ``test.vn_politics.unique_x.3333c7415a``: the names dbt's own output and ``--select`` use."""
    parts = unique_id.split(".")
    return f"{parts[0]} {parts[2]}" if len(parts) >= 3 else unique_id


def dbt_error_line(message: str | None) -> str:
    """The first line of a node's error that says what went wrong, not which node it was."""
    lines = [line.strip() for line in (message or "").splitlines() if line.strip()]
    if len(lines) > 1 and _DBT_ERROR_HEADER.match(lines[0]):
        lines = lines[1:]
    return lines[0] if lines else "no message"


def first_logged_dbt_error(error: BaseException | None, exit_code: int | None) -> str:
    """The first error line dbt logged (dagster-dbt lists them after "Errors parsed from dbt logs:"),
    else dbt's exit code."""
    _, found, logged = str(error or "").partition("Errors parsed from dbt logs:")
    lines = [line.strip() for line in logged.splitlines() if line.strip()] if found else []
    return lines[0] if lines else f"dbt exited with code {exit_code}"
