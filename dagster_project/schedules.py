"""The nightly build: every night at 02:00 Vietnam time, whatever landed during the day."""

from dagster import DefaultScheduleStatus, ScheduleDefinition

from dagster_project.jobs import build_warehouse_job

NIGHTLY_CRON = "0 2 * * *"
NIGHTLY_TIMEZONE = "Asia/Ho_Chi_Minh"

nightly_build = ScheduleDefinition(
    name="nightly_build",
    job=build_warehouse_job,
    cron_schedule=NIGHTLY_CRON,
    execution_timezone=NIGHTLY_TIMEZONE,
    # On as soon as a daemon runs (`make dev`, or `dagster-daemon run` in production): a nightly
    # pipeline that has to be switched on by hand is one that silently never ran.
    default_status=DefaultScheduleStatus.RUNNING,
    description="Build and publish the warehouse from RAW_DIR every night at 02:00 (Asia/Ho_Chi_Minh).",
)

schedules = [nightly_build]
