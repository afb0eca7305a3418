"""What stopped a run, in a line per failed step or check, for operators and the run log.

The command line (from the events of the run it executed) and the failure sensor (from the
instance's log of a run it saw fail) read a run's failure the same way, here, and record it
the same way, through ``WarehouseRun.record_failure``.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dagster import AssetCheckSeverity, DagsterEvent, DagsterEventType

from vnpolitics.warehouse.operator_errors import operator_error_names

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
