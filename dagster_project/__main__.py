"""``python -m dagster_project``: run ``build_warehouse_job`` once, recorded in ``$DAGSTER_HOME``.

This is what ``make run`` calls; ``dagster dev`` (``make dev``) runs the same job from the UI.
"""

import sys

# Nothing heavy at import: the extraction's spawned worker processes import this module again
# as their ``__main__``, and loading Dagster and the definitions there cost each one 4 s.


def main() -> int:
    from dagster import AssetCheckSeverity, DagsterEventType, DagsterInstance

    from dagster_project.definitions import defs

    job = defs.resolve_job_def("build_warehouse_job")
    with DagsterInstance.get() as instance:
        result = job.execute_in_process(
            run_config={"loggers": {"console": {"config": {"log_level": "INFO"}}}},
            instance=instance,
            raise_on_error=False,
        )
    failed_checks = [
        e.asset_check_evaluation_data.check_name
        for e in result.all_events
        if e.event_type == DagsterEventType.ASSET_CHECK_EVALUATION
        and not e.asset_check_evaluation_data.passed
        and e.asset_check_evaluation_data.severity == AssetCheckSeverity.ERROR
    ]
    print(f"run {result.run_id}: {'success' if result.success else 'FAILED'}", file=sys.stderr)
    for error in _step_errors(result.all_events):
        print(f"error: {error}", file=sys.stderr)
    if failed_checks:
        print(f"failed checks: {', '.join(failed_checks)}", file=sys.stderr)
    return 0 if result.success and not failed_checks else 1


def _step_errors(events: list) -> list[str]:
    """The first line of each error that stopped a step or the run's resources (e.g. the lock)."""
    from dagster import DagsterEventType

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


if __name__ == "__main__":
    sys.exit(main())
