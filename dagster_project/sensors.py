"""Sensors: build when new files land in the raw folder; record every failed build in the run log."""

import json
from datetime import UTC, datetime

from dagster import (
    DefaultSensorStatus,
    RunFailureSensorContext,
    RunRequest,
    SensorEvaluationContext,
    SensorResult,
    SkipReason,
    run_failure_sensor,
    sensor,
)

from dagster_project.jobs import build_warehouse_job
from dagster_project.resources import WarehouseConfig
from dagster_project.run_errors import FAILURE_EVENT_TYPES, run_problems
from vnpolitics.warehouse.scan import folder_state

POLL_SECONDS = 60


@sensor(
    name="new_raw_files",
    job=build_warehouse_job,
    minimum_interval_seconds=POLL_SECONDS,
    default_status=DefaultSensorStatus.RUNNING,
    description="Starts a build once files under RAW_DIR were added, changed or removed, then settled.",
)
def new_raw_files(context: SensorEvaluationContext, warehouse: WarehouseConfig) -> SensorResult | SkipReason:
    """Request a build for a folder state once it has held for one whole poll.

    A scraper copying a night's articles writes for a while; building on the first new file
    would start one run per poll. The cursor keeps the state seen last and the state last
    built, so each settled state is requested once (its digest is the run key).
    """
    raw = warehouse.raw_path
    if not raw.is_dir():
        return SkipReason(f"{raw} is not a folder (RAW_DIR)")
    files, state = folder_state(raw)
    cursor = json.loads(context.cursor) if context.cursor else {}
    if state == cursor.get("requested"):
        return SkipReason(f"nothing new under {raw} ({files} files)")
    if state != cursor.get("seen"):
        return SensorResult(
            skip_reason=SkipReason(f"{raw} changed ({files} files); waiting a poll for copies to finish"),
            cursor=json.dumps({"seen": state, "requested": cursor.get("requested")}),
        )
    return SensorResult(
        run_requests=[RunRequest(run_key=state, tags={"vnpolitics/trigger": "new_raw_files"})],
        cursor=json.dumps({"seen": state, "requested": state}),
    )


@run_failure_sensor(
    name="record_failed_builds",
    monitored_jobs=[build_warehouse_job],
    default_status=DefaultSensorStatus.RUNNING,
    description="Writes a summary of each failed build to the log and the run log (warehouse.run_log.jsonl).",
)
def record_failed_builds(context: RunFailureSensorContext, warehouse: WarehouseConfig) -> None:
    """The run log is where operators look first, so a failed run must be in it too.

    ``WarehouseRun.record_failure`` writes it, as for a run the command line saw fail, once per
    run id. The line reaches table ``main.run_log`` with the next published run; the published
    warehouse itself is untouched by a failed run.
    """
    run = warehouse.warehouse_run(context.dagster_run.run_id, started_at=_run_start(context))
    message = failure_summary(context)
    if run.record_failure(message):
        context.log.error(f"build {run.run_id} failed ({message}); see {run.run_log}")


def failure_summary(context: RunFailureSensorContext) -> str:
    """The failed steps and checks with the first line of each error, else Dagster's own failure message."""
    records = context.instance.all_logs(context.dagster_run.run_id, of_type=FAILURE_EVENT_TYPES)
    problems = run_problems(r.dagster_event for r in records if r.dagster_event is not None)
    return problems.summary() or (context.failure_event.message or "run failed")


def _run_start(context: RunFailureSensorContext) -> datetime:
    record = context.instance.get_run_record_by_id(context.dagster_run.run_id)
    started = record.start_time if record is not None and record.start_time else None
    return datetime.fromtimestamp(started, UTC) if started else datetime.now(UTC)
