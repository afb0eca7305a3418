"""When builds start on their own: nightly, and a full build once a week.

- ``nightly_build``, every night at 02:00 Vietnam time: whatever landed during the day, with the
  per-article dbt models taking only the changed articles and the data tests reading only their
  rows (plus the global key tests);
- ``weekly_full_build``, Sundays at 03:00: every dbt model rebuilt from scratch and every test run,
  unit tests included, so whatever the nightly scope cannot see (a rule that drifts on old rows)
  is caught within a week. Its run config sets ``full_build`` on the ``warehouse`` resource.
"""

from dagster import DefaultScheduleStatus, ScheduleDefinition

from dagster_project.jobs import build_warehouse_job

NIGHTLY_CRON = "0 2 * * *"
WEEKLY_CRON = "0 3 * * 0"
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

weekly_full_build = ScheduleDefinition(
    name="weekly_full_build",
    job=build_warehouse_job,
    cron_schedule=WEEKLY_CRON,
    execution_timezone=NIGHTLY_TIMEZONE,
    run_config={"resources": {"warehouse": {"config": {"full_build": True, "force_rebuild": True}}}},
    default_status=DefaultScheduleStatus.RUNNING,
    description="Every Sunday at 03:00: rebuild every dbt model from scratch and run every test.",
)

schedules = [nightly_build, weekly_full_build]
