"""The nightly schedule, the new-files sensor, the failure sensor and the retry policy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from dagster import (
    AssetKey,
    AssetSelection,
    DagsterEventType,
    DagsterInstance,
    Failure,
    RetryPolicy,
    RunRequest,
    SkipReason,
    build_run_status_sensor_context,
    build_schedule_context,
    build_sensor_context,
    job,
    materialize,
    op,
)
from dagster_support import REPO, load_definitions

from dagster_project.jobs import TRANSIENT_RETRIES
from dagster_project.retries import only_transient_retries
from vnpolitics.warehouse.run_log import read_runs, run_log_path
from vnpolitics.warehouse.transient_errors import is_transient


@pytest.fixture(scope="module")
def defs():
    return load_definitions()


def test_the_nightly_schedule_builds_everything_at_two_in_vietnam(defs):
    schedule = defs.resolve_schedule_def("nightly_build")
    assert schedule.cron_schedule == "0 2 * * *"
    assert schedule.execution_timezone == "Asia/Ho_Chi_Minh"
    assert schedule.job_name == "build_warehouse_job"
    assert schedule.default_status.value == "RUNNING"


def test_the_weekly_schedule_asks_for_a_full_build_the_job_accepts(defs):
    from dagster import validate_run_config

    schedule = defs.resolve_schedule_def("weekly_full_build")
    assert schedule.cron_schedule == "0 3 * * 0"
    assert schedule.execution_timezone == "Asia/Ho_Chi_Minh"
    assert schedule.default_status.value == "RUNNING"
    job = defs.resolve_job_def("build_warehouse_job")
    (request,) = schedule.evaluate_tick(build_schedule_context()).run_requests
    config = validate_run_config(job, request.run_config)
    assert config["resources"]["warehouse"]["config"]["full_build"] is True


def test_builds_carry_the_tag_the_run_queue_limits_to_one():
    from dagster_project.jobs import BUILD_TAG
    from dagster_project.locations import INSTANCE_SETTINGS

    # the committed instance settings, loaded as Dagster loads them
    with DagsterInstance.from_config(str(INSTANCE_SETTINGS.parent)) as instance:
        queue = instance.get_concurrency_config().run_queue_config
    ((key, _),) = BUILD_TAG.items()
    assert {"key": key, "limit": 1} in queue.tag_concurrency_limits
    assert queue.max_concurrent_runs == 2
    build = load_definitions().resolve_job_def("build_warehouse_job")
    assert build.tags.get(key) == BUILD_TAG[key]
    assert build.op_retry_policy is not None and build.op_retry_policy.max_retries == 2


def _tick(sensor, cursor: str | None, raw: Path):
    from dagster_project.resources import WarehouseConfig

    context = build_sensor_context(
        cursor=cursor,
        resources={"warehouse": WarehouseConfig(raw_dir=str(raw), warehouse_path=str(raw / "w"))},
    )
    result = sensor(context)
    if isinstance(result, SkipReason):
        return [], result.skip_message, cursor
    requests = [r for r in result.run_requests or [] if isinstance(r, RunRequest)]
    skip = result.skip_reason.skip_message if result.skip_reason else None
    return requests, skip, result.cursor


def test_the_sensor_requests_one_build_per_settled_folder_state(defs, tmp_path):
    sensor = defs.resolve_sensor_def("new_raw_files")
    assert sensor.job_name == "build_warehouse_job"
    raw = tmp_path / "raw"
    shutil.copytree(REPO / "raw", raw)

    requests, skip, cursor = _tick(sensor, None, raw)
    assert not requests and "changed" in skip  # first sight: wait for copies to finish
    requests, _, cursor = _tick(sensor, cursor, raw)
    assert len(requests) == 1
    first_key = requests[0].run_key
    requests, skip, cursor = _tick(sensor, cursor, raw)
    assert not requests and "nothing new" in skip

    (raw / "new article.txt").write_text("Chiều 3/2, Thủ tướng Chính phủ chủ trì họp.", encoding="utf-8")
    requests, skip, cursor = _tick(sensor, cursor, raw)
    assert not requests and "changed" in skip
    (raw / "second.txt").write_text("Sáng 4/2, Quốc hội họp phiên bế mạc.", encoding="utf-8")
    requests, skip, cursor = _tick(sensor, cursor, raw)
    assert not requests, "a folder still being written must not start a build"
    requests, _, cursor = _tick(sensor, cursor, raw)
    assert len(requests) == 1 and requests[0].run_key != first_key


def test_the_sensor_skips_a_missing_folder(defs, tmp_path):
    requests, skip, _ = _tick(defs.resolve_sensor_def("new_raw_files"), None, tmp_path / "absent")
    assert not requests and "not a folder" in skip


@op
def _op_that_breaks() -> None:
    raise ValueError("the pipeline broke: cannot parse 'Hội nghị'")


@job
def _job_that_breaks() -> None:
    _op_that_breaks()


def test_a_failed_build_is_written_to_the_run_log_once(defs, tmp_path):
    from dagster_project.resources import WarehouseConfig

    warehouse = WarehouseConfig(
        raw_dir=str(tmp_path), warehouse_path=str(tmp_path / "w" / "warehouse.duckdb")
    )
    with DagsterInstance.ephemeral() as instance:
        result = _job_that_breaks.execute_in_process(instance=instance, raise_on_error=False)
        assert not result.success
        run = instance.get_run_by_id(result.run_id)
        failure = next(e for e in result.all_events if e.event_type == DagsterEventType.RUN_FAILURE)
        sensor = defs.resolve_sensor_def("record_failed_builds")
        for _ in range(2):  # the daemon and the command line may both report it
            context = build_run_status_sensor_context(
                sensor_name="record_failed_builds",
                dagster_instance=instance,
                dagster_run=run,
                dagster_event=failure,
                resources={"warehouse": warehouse},
            ).for_run_failure()
            sensor(context)
    runs = read_runs(run_log_path(warehouse.database_path))
    assert [r.run_id for r in runs] == [result.run_id]
    assert runs[0].status == "failed"
    assert "_op_that_breaks" in runs[0].message and "cannot parse 'Hội nghị'" in runs[0].message


def test_machine_failures_are_transient_and_code_failures_are_not():
    from concurrent.futures.process import BrokenProcessPool

    assert is_transient(BrokenProcessPool("a worker died"))
    assert is_transient(duckdb.IOException("could not write"))
    assert is_transient(FileNotFoundError("vanished"))
    wrapped = RuntimeError("load failed")
    wrapped.__cause__ = OSError("disk")
    assert is_transient(wrapped)
    assert not is_transient(ValueError("bad date"))
    assert not is_transient(duckdb.ParserException("syntax error"))


def test_a_bug_in_a_step_skips_the_retry_policy():
    @only_transient_retries
    def broken() -> None:
        raise KeyError("article_key")

    @only_transient_retries
    def flaky() -> None:
        raise OSError("temporarily unavailable")

    with pytest.raises(Failure) as failure:
        broken()
    assert failure.value.allow_retries is False and "KeyError" in failure.value.description
    with pytest.raises(OSError):
        flaky()


def test_a_transient_failure_is_retried_by_the_build_job_policy(tmp_path):
    """The policy really runs a step again: a step failing once with an OSError then succeeds."""
    marker = tmp_path / "tried"

    @op
    @only_transient_retries
    def flaky_once() -> str:
        if not marker.exists():
            marker.write_text("1")
            raise OSError("the disk hiccuped")
        return "ok"

    @job(op_retry_policy=RetryPolicy(max_retries=TRANSIENT_RETRIES.max_retries, delay=0))
    def flaky_job() -> None:
        flaky_once()

    result = flaky_job.execute_in_process(raise_on_error=False)
    assert result.success
    restarts = [e for e in result.all_events if e.event_type == DagsterEventType.STEP_RESTARTED]
    assert len(restarts) == 1


def test_run_log_lines_keep_their_json(tmp_path):
    """A failed line written by hand-readable JSON keeps Vietnamese text as is (no \\u escapes)."""
    from vnpolitics.warehouse.run_log import RunRecord, append_failed_run

    path = tmp_path / "warehouse.run_log.jsonl"
    record = RunRecord(
        "r1", "2026-01-01T00:00:00+07:00", "2026-01-01T00:01:00+07:00", "failed", "raw", "w", "v"
    )
    record.message = "dbt_models: lỗi kiểm tra"
    assert append_failed_run(path, record)
    assert not append_failed_run(path, record)
    assert json.loads(path.read_text(encoding="utf-8"))["message"] == "dbt_models: lỗi kiểm tra"
    assert "lỗi" in path.read_text(encoding="utf-8")


@pytest.mark.warehouse
def test_a_mart_that_lost_most_of_its_rows_fails_the_collapse_check(sample_warehouse, tmp_path):
    """The check that keeps a collapsed build from being published fails when it should."""
    from dagster_project.checks import no_mart_collapsed_since_last_publish
    from dagster_project.locations import DBT_DIR
    from vnpolitics.warehouse.run import WarehouseRun

    published = tmp_path / "warehouse.duckdb"
    shutil.copyfile(sample_warehouse, published)
    run = WarehouseRun("test-collapse", tmp_path / "raw", published, DBT_DIR)
    shutil.copyfile(sample_warehouse, run.scratch)
    assert no_mart_collapsed_since_last_publish(warehouse_run=run).passed  # the same build
    with duckdb.connect(str(run.scratch)) as con:
        (people,) = con.execute("select count(*) from main.dim_people").fetchone()
        keep = people // 2 - 1
        con.execute(
            "delete from main.dim_people where person_key not in "
            "(select person_key from main.dim_people order by person_key limit ?)",
            [keep],
        )
    result = no_mart_collapsed_since_last_publish(warehouse_run=run)
    assert not result.passed
    assert f"dim_people: {people} -> {keep}" in result.metadata["collapsed"].text


def test_a_dbt_failure_is_one_line_naming_nodes_and_their_first_error_line():
    from dagster_project.run_errors import dbt_failure, first_logged_dbt_error

    out_of_memory = (
        "Runtime Error in model fct_co_attendance (models/marts/fct_co_attendance.sql)\n"
        "  Out of Memory Error: could not allocate block of size 256.0 KiB\n  more detail"
    )
    results = {
        "results": [
            {"unique_id": "model.vn_politics.stg_articles", "status": "success", "message": "OK"},
            {"unique_id": "model.vn_politics.fct_co_attendance", "status": "error", "message": out_of_memory},
            {"unique_id": "model.vn_politics.dim_people", "status": "skipped", "message": None},
        ]
        + [
            {
                "unique_id": f"test.vn_politics.not_null_x_{i}.0123456789",
                "status": "fail",
                "message": "Got 2 results",
            }
            for i in range(3)
        ]
    }
    line = dbt_failure(results, "ignored")
    assert line == (
        "dbt build failed at 4 node(s): model fct_co_attendance: Out of Memory Error: could not allocate "
        "block of size 256.0 KiB; test not_null_x_0: Got 2 results; test not_null_x_1: Got 2 results "
        "(and 1 more)"
    )
    logged = RuntimeError("dbt failed.\n\nErrors parsed from dbt logs:\n\nEncountered an error:\nkilled")
    assert dbt_failure(None, first_logged_dbt_error(logged, -9)) == "dbt build failed: Encountered an error:"
    assert dbt_failure({"results": []}, first_logged_dbt_error(None, -9)) == (
        "dbt build failed: dbt exited with code -9"
    )


@pytest.mark.warehouse
def test_a_failed_dbt_build_names_its_failed_nodes_and_first_error_line(defs, sample_warehouse, tmp_path):
    """Issue 20's build that failed on two files of one name: the run log says which dbt test
    failed and how, not that "the dbt CLI process failed".

    Only the model the duplicate breaks is selected (with its tests): dagster-dbt passes the
    subset to dbt as ``--select``, so the asset, the failed dbt invocation and the summary are
    the same as in a whole build, without the ~280 other models and tests (a minute of both
    cores) that this failure does not need."""
    from dagster_project.assets.dbt import dbt_models
    from dagster_project.project import dbt_cli_resource
    from dagster_project.resources import WarehouseConfig, WarehouseRunResource
    from dagster_project.run_errors import run_problems

    published = tmp_path / "warehouse.duckdb"
    shutil.copyfile(sample_warehouse, published)
    with duckdb.connect(str(published)) as con:  # a second row for one file name
        con.execute("insert into raw.ingest_files select * from raw.ingest_files limit 1")
    warehouse = WarehouseConfig(raw_dir=str(tmp_path / "raw"), warehouse_path=str(published))
    result = materialize(
        [dbt_models],
        resources={
            "warehouse": warehouse,
            "warehouse_run": WarehouseRunResource(warehouse=warehouse),
            "dbt": dbt_cli_resource(),
        },
        instance=DagsterInstance.ephemeral(),
        raise_on_error=False,
        selection=AssetSelection.assets(AssetKey(["staging", "stg_ingest_files"])),
    )
    assert not result.success
    message = run_problems(result.all_events).summary()
    assert message.startswith("dbt_models: dbt build failed at "), message
    assert "test unique_stg_ingest_files_source_file: Got 1 result, configured to fail if != 0" in message
    run = warehouse.warehouse_run(result.run_id)
    assert run.record_failure(message)
    assert read_runs(run_log_path(published))[-1].message == message
