"""What stopped a run, in a line per failed step, for operators and the run log."""

from collections.abc import Iterable

from dagster import DagsterEvent, DagsterEventType


def step_errors(events: Iterable[DagsterEvent]) -> list[str]:
    """The first line of each error that stopped a step or the run's resources (e.g. the lock)."""
    errors = []
    for event in events:
        if event.event_type not in (DagsterEventType.STEP_FAILURE, DagsterEventType.RESOURCE_INIT_FAILURE):
            continue
        error = getattr(event.event_specific_data, "error", None)
        while error is not None and error.cause is not None and "dagster" in error.cls_name.lower():
            error = error.cause  # unwrap Dagster's wrappers down to the error the code raised
        if error is not None:
            where = event.step_key or "resources"
            errors.append(f"{where}: {error.message.strip().splitlines()[0]}")
    return errors
