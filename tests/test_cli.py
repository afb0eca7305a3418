"""The operators' command line, ``python -m dagster_project run|status|check-folder``: messages, exits."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys

import pytest
from dagster_support import REPO
from run_support import dagster_home

from vnpolitics.warehouse.publish import run_lock
from vnpolitics.warehouse.run_log import RunRecord, append_failed_run, read_runs, run_log_path


def cli(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dagster_project", *args],
        cwd=REPO,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_help_lists_the_three_commands():
    result = cli("--help")
    assert result.returncode == 0
    for command in ("run", "status", "check-folder"):
        assert command in result.stdout
    assert "Exit codes" in result.stdout


def test_an_unknown_command_is_a_usage_error():
    result = cli("rebuild-everything")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def _one_line(stderr: str) -> str:
    """The single line a usage or lock error must be: no usage text, no traceback."""
    assert "Traceback" not in stderr and "Stack Trace" not in stderr, stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize(
    ("args", "env", "says"),
    [
        (["rebuild-everything"], {}, "invalid choice: 'rebuild-everything'"),
        (["check-folder", "--max-file-bytes", "lots"], {}, "invalid int value: 'lots'"),
        (["status", "--verbose"], {}, "unrecognized arguments: --verbose"),
        (["check-folder", "raw"], {"MAX_FILE_BYTES": "5MB"}, "MAX_FILE_BYTES must be a whole number"),
        (["run"], {"RUN_LOCK_TIMEOUT_SECONDS": "soon"}, "RUN_LOCK_TIMEOUT_SECONDS must be a whole number"),
        (["run"], {"FILE_BUDGET_SECONDS": "0"}, "FILE_BUDGET_SECONDS must be a positive number"),
        (["run", "--raw-dir", "README.md"], {}, "README.md is not a folder"),
    ],
)
def test_usage_and_setting_errors_are_one_line_without_a_traceback(args, env, says):
    result = cli(*args, **env)
    assert result.returncode == 2
    assert says in _one_line(result.stderr)


def test_check_folder_accepts_the_samples(raw_dir):
    result = cli("check-folder", str(raw_dir))
    assert result.returncode == 0, result.stdout + result.stderr
    assert ", 0 duplicate, 0 would be rejected" in result.stdout
    loaded = int(result.stdout.split(" would load")[0].rsplit(" ", 1)[1])
    assert loaded >= len(list(raw_dir.glob("*.txt"))) + 2  # the samples and crawler records


def test_check_folder_names_each_file_a_run_would_reject(tmp_path):
    folder = tmp_path / "incoming"
    shutil.copytree(REPO / "raw", folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "english.txt").write_text("The committee met on Monday to discuss the budget. " * 20)
    result = cli("check-folder", str(folder))
    assert result.returncode == 1
    assert "2 would be rejected" in result.stdout
    assert "rejected: empty.txt: empty file" in result.stdout
    assert "rejected: english.txt: not Vietnamese text" in result.stdout
    assert not list(tmp_path.glob("**/*.duckdb")), "check-folder must not build anything"


def test_check_folder_reports_what_the_cache_rejected_for_its_budget_without_paying_again(tmp_path):
    """A file a run rejected for overrunning its budget is reported so, from the cache beside the
    warehouse (by content hash), and not decoded again; a larger budget would try it again."""
    import hashlib

    from vnpolitics.extract.version import EXTRACTOR_VERSION
    from vnpolitics.warehouse.cache import ExtractionCache, default_cache_dir
    from vnpolitics.warehouse.file_budget import over_budget_reason
    from vnpolitics.warehouse.scan import Rejection

    folder = shutil.copytree(REPO / "raw", tmp_path / "incoming")
    slow = sorted(folder.iterdir())[0]
    warehouse = tmp_path / "w" / "warehouse.duckdb"
    content_hash = hashlib.sha256(slow.read_bytes()).hexdigest()
    cache = ExtractionCache(default_cache_dir(warehouse), EXTRACTOR_VERSION)
    cache.write_rejections({content_hash: Rejection(over_budget_reason(60), "utf-8", ())}, 60)

    result = cli("check-folder", str(folder), "--warehouse", str(warehouse), FILE_BUDGET_SECONDS="60")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 would be rejected" in result.stdout
    assert f"rejected: {slow.name}: decoding and extraction took longer than the 60 s budget" in result.stdout
    result = cli("check-folder", str(folder), CACHE_DIR=str(cache.root), FILE_BUDGET_SECONDS="30")
    assert "1 would be rejected" in result.stdout, "CACHE_DIR names the cache too"
    result = cli("check-folder", str(folder), "--warehouse", str(warehouse), FILE_BUDGET_SECONDS="120")
    assert result.returncode == 0 and "0 would be rejected" in result.stdout


def test_check_folder_prints_no_control_character_from_a_name_or_a_folder(tmp_path):
    """A terminal obeys escape codes: a folder or file name must not retitle it or recolour it,
    and a folder name that is not UTF-8 must not crash the print."""
    folder = tmp_path / "in\x1b]0;pwned\x07coming"
    folder.mkdir()
    (folder / "empty\x1b[2J.txt").write_bytes(b"")
    shutil.copy(REPO / "raw" / sorted(p.name for p in (REPO / "raw").iterdir())[0], folder)
    odd = os.fsencode(tmp_path) + b"/B\xe0i"
    os.mkdir(odd)
    shutil.copy(REPO / "raw" / sorted(p.name for p in (REPO / "raw").iterdir())[0], os.fsdecode(odd))
    for target, escaped in ((folder, "in\\x1b]0;pwned\\x07coming"), (os.fsdecode(odd), "B\\xe0i")):
        result = cli("check-folder", str(target))
        assert "Traceback" not in result.stderr, result.stderr
        output = result.stdout + result.stderr
        assert not [ch for ch in output if ch != "\n" and not ch.isprintable()], output
        assert escaped in result.stdout
    result = cli("check-folder", str(folder))
    assert result.returncode == 1
    assert "rejected: empty\\x1b[2J.txt: empty file" in result.stdout
    missing = cli("check-folder", str(tmp_path / "gone\x1b[31m"))
    assert missing.returncode == 2 and "gone\\x1b[31m does not exist" in _one_line(missing.stderr)


def test_check_folder_and_run_refuse_a_missing_folder(tmp_path):
    assert cli("check-folder", str(tmp_path / "absent")).returncode == 2
    result = cli("run", "--raw-dir", str(tmp_path / "absent"), "--warehouse", str(tmp_path / "w.duckdb"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr
    assert not (tmp_path / "w.duckdb").exists()


def test_status_without_any_run(tmp_path):
    result = cli("status", "--warehouse", str(tmp_path / "warehouse.duckdb"))
    assert result.returncode == 3
    assert "not built yet" in result.stdout and "no run recorded" in result.stderr


def test_status_summarises_the_last_run_and_fails_after_a_failed_one(sample_warehouse, tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copyfile(sample_warehouse, warehouse)
    shutil.copyfile(run_log_path(sample_warehouse), run_log_path(warehouse))
    published = read_runs(run_log_path(warehouse))[-1]

    result = cli("status", "--warehouse", str(warehouse))
    assert result.returncode == 0, result.stderr
    assert f"run {published.run_id} success" in result.stdout
    assert f"dim_people: {published.rows_per_table['dim_people']} rows" in result.stdout

    failed = RunRecord(
        "r-failed", published.finished_at, published.finished_at, "failed", "raw", str(warehouse), "v"
    )
    failed.message = "dbt_models: 1 of 216 tests failed"
    append_failed_run(run_log_path(warehouse), failed)
    result = cli("status", "--warehouse", str(warehouse))
    assert result.returncode == 1
    assert "r-failed failed" in result.stdout and "1 of 216 tests failed" in result.stdout
    assert f"last published: run {published.run_id}" in result.stdout

    as_json = json.loads(cli("status", "--warehouse", str(warehouse), "--json").stdout)
    assert as_json["last_run"]["run_id"] == "r-failed" and as_json["building"] is None


def test_status_shows_a_run_in_progress(tmp_path):
    warehouse = tmp_path / "warehouse.duckdb"
    with run_lock(warehouse, timeout_seconds=1):
        result = cli("status", "--warehouse", str(warehouse))
    assert f"building now: pid {os.getpid()}" in result.stdout


@pytest.mark.warehouse
def test_a_run_that_cannot_take_the_lock_says_whom_it_waited_for_and_why_it_gave_up(tmp_path):
    """It logs whom it waits for, gives up with one line and no traceback, exits 1, and leaves
    a line in the run log."""
    raw = shutil.copytree(REPO / "raw", tmp_path / "raw")
    warehouse = tmp_path / "warehouse" / "warehouse.duckdb"
    home = dagster_home(tmp_path)  # empty: the run must copy the repository's settings into it
    with run_lock(warehouse, timeout_seconds=1, run_id="the-first-run"):
        result = cli(
            "run",
            "--raw-dir",
            str(raw),
            "--warehouse",
            str(warehouse),
            RUN_LOCK_TIMEOUT_SECONDS="2",
            DAGSTER_HOME=str(home),
        )
    assert result.returncode == 1, result.stderr[-2000:]
    holder = f"pid {os.getpid()} on {socket.gethostname()}, run the-first-run, since "
    (waiting,) = [line for line in result.stderr.splitlines() if "waiting for the run lock" in line]
    assert holder in waiting and "giving up after 2 s" in waiting
    assert "Traceback" not in result.stderr and "Stack Trace" not in result.stderr, result.stderr
    (gave_up,) = [line for line in result.stderr.splitlines() if "another run is building" in line]
    assert gave_up.startswith("error: resources: another run is building") and holder in gave_up
    (failed,) = read_runs(run_log_path(warehouse))
    assert failed.status == "failed" and failed.message.startswith("resources: another run is building")
    assert not warehouse.exists()
    settings = (home / "dagster.yaml").read_text(encoding="utf-8")
    assert settings == (REPO / ".dagster_home" / "dagster.yaml").read_text(encoding="utf-8")


def test_run_reparses_dbt_when_the_manifest_is_missing_or_older_than_a_dbt_file(tmp_path, monkeypatch):
    """A manifest older than an edited model would give definitions that miss its new tests."""
    from types import SimpleNamespace

    from dagster_project import project

    dbt_dir = tmp_path / "dbt"
    (dbt_dir / "models").mkdir(parents=True)
    model = dbt_dir / "models" / "fct_x.sql"
    model.write_text("select 1 as x\n")
    manifest = dbt_dir / "target" / "manifest.json"
    monkeypatch.setattr(project, "DBT_DIR", dbt_dir)
    monkeypatch.setattr(project, "dbt_project", SimpleNamespace(manifest_path=manifest))
    assert project.manifest_is_stale()  # none yet
    manifest.parent.mkdir()
    manifest.write_text("{}")
    os.utime(model, (1_000_000, 1_000_000))
    assert not project.manifest_is_stale()
    os.utime(model, (2**31, 2**31))  # the model edited after the parse
    assert project.manifest_is_stale()
