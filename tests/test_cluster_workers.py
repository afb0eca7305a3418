"""The cluster mode's processes without its servers: what a worker and an orchestrating process load,
and when a worker counts as ready. (``test_cluster.py`` runs the real servers and workers.)"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from dagster_project.cluster import (
    ORCHESTRATION_MODULES,
    WORKER_START_MARKER,
    WORKERS_DIR,
    cluster_extraction_job,
    wait_for_workers,
)
from vnpolitics.cluster.servers import REPO


def test_the_job_a_worker_runs_loads_without_dbt() -> None:
    # a worker and each orchestrating process resolve the job; dagster-dbt costs seconds to import
    probe = (
        "import sys\n"
        "from dagster_project.cluster import cluster_extraction_job\n"
        "job = cluster_extraction_job()\n"
        "print(job.name, job.executor_def.name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dagster_dbt', 'dbt')))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True)
    name_and_executor, dbt_modules = done.stdout.strip().splitlines()[-2:]
    assert name_and_executor == "extraction_cluster_job celery_executor"
    assert dbt_modules == "[]"


def test_the_workers_job_is_the_code_locations_job() -> None:
    from dagster_project.definitions import defs

    light = cluster_extraction_job()
    full = defs.resolve_job_def("extraction_cluster_job")
    assert light.asset_layer.executable_asset_keys == full.asset_layer.executable_asset_keys
    assert light.partitions_def == full.partitions_def
    assert light.executor_def.name == full.executor_def.name


def test_every_module_the_fork_server_preloads_exists() -> None:
    # the fork server skips a module it cannot import without a word: a typo would cost seconds quietly
    for module in ORCHESTRATION_MODULES:
        importlib.import_module(module)


def test_a_worker_is_ready_only_once_its_latest_start_says_so(tmp_path: Path) -> None:
    log = tmp_path / WORKERS_DIR / "w1.log"
    log.parent.mkdir()
    # an earlier run of the same worker said it was ready: that does not count for this start
    log.write_text(f"{WORKER_START_MARKER}\n[...] w1@vm ready.\n{WORKER_START_MARKER}\n[...] Connected\n")
    with pytest.raises(TimeoutError, match="w1 not ready"):
        wait_for_workers(tmp_path, ["w1"], timeout=1)
    with log.open("a") as out:
        out.write("[...] w1@vm ready.\n")
    wait_for_workers(tmp_path, ["w1"], timeout=1)
