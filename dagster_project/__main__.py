"""``python -m dagster_project``: run ``build_warehouse_job`` once, recorded in ``$DAGSTER_HOME``.

This is what ``make run`` calls; ``dagster dev`` (``make dev``) runs the same job from the UI.
"""

import sys

from dagster import AssetCheckSeverity, DagsterEventType, DagsterInstance

from dagster_project.definitions import defs


def main() -> int:
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
    if failed_checks:
        print(f"failed checks: {', '.join(failed_checks)}", file=sys.stderr)
    return 0 if result.success and not failed_checks else 1


if __name__ == "__main__":
    sys.exit(main())
