"""The cluster mode: the extraction backfill on Celery workers, then the build published to DuckLake.

``make cluster-up`` starts PostgreSQL and Redis (``vnpolitics.cluster.servers``) and Celery
workers (``workers start``); ``make run-cluster`` (``python -m dagster_project.cluster run``):

1. runs the extraction backfill: one run of ``extraction_cluster_job`` per part of RAW_DIR
   (the 16 partitions of ``extracted_articles``), all submitted at once; each run's one step is a
   Celery task that any worker takes from Redis, extracting into the shared cache;
2. then the nightly ``build_warehouse_job`` as ``make run`` runs it, which finds every article
   in the cache, builds with dbt and publishes, committing the build to the DuckLake named by
   ``WAREHOUSE_CATALOG`` as one snapshot.

The Dagster instance (DAGSTER_HOME, ``cluster/dagster.yaml``) keeps runs and events in
PostgreSQL, where the workers on other machines write the events of the steps they run.

A worker is ``dagster-celery worker start`` with the solo pool: one process, one task at a time,
one core; add workers (on this machine or another) for more. It loads the extraction job alone
(``cluster_extraction_job``), and warms the process its parts extract in before it says it is ready
(``warm_extraction_process``), keeping it for every part it takes. Tasks are acknowledged late, so a
worker that dies mid-part leaves its task in Redis, and once ``CELERY_VISIBILITY_TIMEOUT``
(default an hour; longer than any part should take) has passed another worker runs it again.
The part writes the cache only in whole batches under temporary names, so a part cut short and
run again gives what one uninterrupted run gives.
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import yaml
from celery.signals import worker_ready
from dagster import (
    DagsterInstance,
    JobDefinition,
    build_reconstructable_job,
    execute_job,
)

from dagster_project.assets.extraction import CLUSTER_MODE, MODE_TAG
from vnpolitics.cluster.servers import DEFAULT_ROOT, REPO, read_env
from vnpolitics.warehouse.batch_extraction import warm_extraction_workers

BROKER_ENV = "CELERY_BROKER_URL"
BACKEND_ENV = "CELERY_RESULT_BACKEND"
VISIBILITY_ENV = "CELERY_VISIBILITY_TIMEOUT"
DEFAULT_VISIBILITY_TIMEOUT = 3600
IN_FLIGHT_ENV = "CLUSTER_IN_FLIGHT"
DEFAULT_IN_FLIGHT = int(os.environ.get(IN_FLIGHT_ENV) or 4)
WORKERS_DIR = "workers"
WORKER_READY_MARKER = "ready."
# Written to a worker's log before it starts: a log is appended to, so readiness is read after it.
WORKER_START_MARKER = "--- worker starting ---"


def celery_config(env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The Celery executor's settings, from ``env`` (default: the environment): the same for the
    runs, which submit tasks, and the workers, which take them."""
    env = os.environ if env is None else env
    visibility = int(env.get(VISIBILITY_ENV) or DEFAULT_VISIBILITY_TIMEOUT)
    return {
        "broker": env.get(BROKER_ENV) or None,
        "backend": env.get(BACKEND_ENV) or None,
        "include": ["dagster_project.cluster"],
        "config_source": {
            # acknowledged when done, not when received: a task whose worker dies stays in Redis
            "task_acks_late": True,
            "task_reject_on_worker_lost": True,
            "worker_prefetch_multiplier": 1,
            "broker_transport_options": {"visibility_timeout": visibility},
            "result_expires": 86400,
        },
    }


def cluster_extraction_job() -> JobDefinition:
    """``extraction_cluster_job`` resolved: what a Celery worker reconstructs to run a step.

    Resolved from a ``Definitions`` of its own asset and the ``warehouse`` resource, not from the
    code location's: the runs' orchestrating processes and every worker import this, and the whole
    location (dagster-dbt, the dbt manifest, the checks) costs about 5 s of CPU per process that
    the extraction never uses. The job, its asset and its partitions are the same objects the
    code location lists, so the runs and materialisations are the same in the UI.
    """
    from dagster import Definitions

    from dagster_project.assets.extraction import extracted_articles
    from dagster_project.jobs import extraction_cluster_job
    from dagster_project.resources import resources

    defs = Definitions(
        assets=[extracted_articles],
        jobs=[extraction_cluster_job],
        resources={"warehouse": resources["warehouse"]},
    )
    return defs.resolve_job_def("extraction_cluster_job")


def _reconstructable():
    return build_reconstructable_job("dagster_project.cluster", "cluster_extraction_job")


def _warehouse_run_config() -> dict[str, Any]:
    """This process's warehouse settings as run config: a worker elsewhere runs the step with them,
    not with whatever RAW_DIR its own environment had when it started."""
    from dagster_project.locations import configured_cache_dir, configured_raw_dir
    from vnpolitics.warehouse.file_budget import file_budget_seconds

    config: dict[str, Any] = {
        "raw_dir": str(configured_raw_dir()),
        "cache_dir": str(configured_cache_dir()),
        "file_budget_seconds": file_budget_seconds(),
    }
    if os.environ.get("MAX_FILE_BYTES"):
        config["max_file_bytes"] = int(os.environ["MAX_FILE_BYTES"])
    return {"resources": {"warehouse": {"config": config}}}


def run_backfill(
    parts: Sequence[str] | None = None, in_flight: int = DEFAULT_IN_FLIGHT, log=print
) -> list[tuple[str, str, bool]]:
    """One Celery-executed run per part (default: all 16), all at once; (part, run id, success) each.

    Each run's orchestration here is light (it submits one task and polls for its result); the
    work is on the workers. ``in_flight`` processes orchestrate the runs, each taking the next
    part when its run ends, so at most that many tasks are queued or running at once: at least
    the number of workers keeps them all busy. Processes, not threads: Dagster sets up logging
    per run with ``logging.config``, and runs doing that in threads of one process deadlock;
    not forked from this one: a fork of a process with the pool's threads deadlocked too (both
    tried). They are forked by a fork server, a single-threaded process that imports what
    orchestrating a run needs (``ORCHESTRATION_MODULES``) once: spawned one by one, each paid
    about 4 s of CPU for those imports, on the cores the workers of this machine extract on.
    """
    from vnpolitics.warehouse.batch_extraction import FILE_PARTS

    todo = list(parts or FILE_PARTS)
    run_config = _warehouse_run_config()
    with ProcessPoolExecutor(
        max_workers=min(in_flight, len(todo)), mp_context=_orchestration_context()
    ) as pool:
        futures = [pool.submit(_run_part, part, run_config) for part in todo]
        results = []
        for future in futures:
            part, run_id, success = future.result()
            log(f"part {part}: run {run_id} {'success' if success else 'FAILED'}")
            results.append((part, run_id, success))
        return results


# What orchestrating a run imports: the job (this module), Dagster's PostgreSQL storage, the Celery
# client and the Redis transport, Dagster's execution and CLI modules. A module missing here is
# only imported later, by each process.
ORCHESTRATION_MODULES = [
    "dagster_project.cluster",
    "dagster_project.jobs",
    "dagster._cli",
    "dagster_postgres",
    "dagster_celery.core_execution_loop",
    "celery.app.amqp",
    "celery.backends.redis",
    "kombu.transport.redis",
    "redis",
    "alembic.command",
    "psycopg2",
]


def _orchestration_context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(ORCHESTRATION_MODULES)
    return context


def _run_part(part: str, run_config: dict[str, Any]) -> tuple[str, str, bool]:
    """One part's run on the Celery executor; waits for the worker that takes it."""
    with DagsterInstance.get() as instance:
        result = execute_job(
            _reconstructable(),
            instance,
            run_config=run_config,
            tags={"dagster/partition": part, MODE_TAG: CLUSTER_MODE},
        )
        return part, result.run_id, result.success


# --- workers -------------------------------------------------------------------------------


@worker_ready.connect
def warm_extraction_process(**_kwargs: object) -> None:
    """On a Celery worker (which imports this module), before it says it is ready: start and warm
    the process its parts extract in (imports, gazetteers, pyvi's model; about 4 s), kept for
    every part it takes, so that a worker that says it is ready is ready to extract."""
    warm_extraction_workers(workers=1)  # the asset's: one process per part


def worker_config_file(root: Path, env: Mapping[str, str]) -> Path:
    """The YAML ``dagster-celery worker start -y`` reads: the executor block of the runs' config."""
    path = root / WORKERS_DIR / "celery.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump({"execution": {"config": celery_config(env)}}), encoding="utf-8")
    return path


def start_worker(root: Path, name: str, extra_env: dict[str, str] | None = None) -> subprocess.Popen:
    """``dagster-celery worker start`` in a session of its own (so it can be stopped whole), logging
    to ``<root>/workers/<name>.log``; its process group id goes to ``<name>.pid``."""
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, **(extra_env or {}), "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"}
    config = worker_config_file(root, env)
    folder = root / WORKERS_DIR
    log = (folder / f"{name}.log").open("ab")
    log.write(f"\n{WORKER_START_MARKER}\n".encode())
    log.flush()
    command = [
        str(bin_dir / "dagster-celery"), "worker", "start",
        "-A", "dagster_celery.app",
        "-y", str(config),
        "-n", name,
        "-i", "dagster_project.cluster",
        "--", "--pool=solo", "--without-gossip", "--without-mingle",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    (folder / f"{name}.pid").write_text(str(process.pid), encoding="utf-8")
    return process


def wait_for_workers(root: Path, names: Sequence[str], timeout: float = 120) -> None:
    """Until each worker's log says, since the worker's last start, that it is ready to take tasks."""
    deadline = time.monotonic() + timeout
    for name in names:
        log = root / WORKERS_DIR / f"{name}.log"
        while not (log.exists() and _ready_since_start(log.read_text(encoding="utf-8", errors="replace"))):
            if time.monotonic() > deadline:
                raise TimeoutError(f"worker {name} not ready after {timeout:g} s; see {log}")
            time.sleep(0.5)


def _ready_since_start(log_text: str) -> bool:
    return WORKER_READY_MARKER in log_text.rpartition(WORKER_START_MARKER)[2]


def stop_worker(root: Path, name: str, sig: int = signal.SIGTERM) -> None:
    """Signal the worker's whole process group (SIGKILL: a machine lost mid-part)."""
    pidfile = root / WORKERS_DIR / f"{name}.pid"
    if not pidfile.exists():
        return
    with contextlib.suppress(ProcessLookupError, ValueError):
        os.killpg(int(pidfile.read_text().strip()), sig)
    pidfile.unlink(missing_ok=True)


def worker_names(root: Path) -> list[str]:
    folder = root / WORKERS_DIR
    return sorted(p.stem for p in folder.glob("*.pid")) if folder.exists() else []


def load_cluster_env(root: Path) -> None:
    """The settings ``make cluster-up`` wrote, under whatever the environment already says."""
    env_file = root / "cluster.env"
    if env_file.exists():
        for key, value in read_env(env_file).items():
            os.environ.setdefault(key, value)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m dagster_project.cluster", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--root", type=Path, default=DEFAULT_ROOT, help="the cluster's folder (default .cluster/)"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("start-workers", help="start N local Celery workers")
    start.add_argument("--count", type=int, default=2)
    commands.add_parser("stop-workers", help="stop the local Celery workers")
    for name, help_text in (
        ("backfill", "the extraction backfill on the workers"),
        ("run", "the backfill, then the build, published to the lake"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--parts", nargs="+", help="only these parts (0-f; default: all 16)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    load_cluster_env(root)
    if args.command == "start-workers":
        names = [f"worker{i}" for i in range(1, args.count + 1)]
        for name in names:
            stop_worker(root, name)
            start_worker(root, name)
        wait_for_workers(root, names)
        print(f"{len(names)} worker(s) ready: {', '.join(names)} (logs in {root / WORKERS_DIR})")
        return 0
    if args.command == "stop-workers":
        for name in worker_names(root):
            stop_worker(root, name)
        return 0
    if not os.environ.get(BROKER_ENV):
        print(f"error: {BROKER_ENV} is not set: run `make cluster-up` first", file=sys.stderr)
        return 2
    started = time.monotonic()
    results = run_backfill(args.parts)
    failed = [part for part, _, ok in results if not ok]
    seconds = time.monotonic() - started
    print(f"extraction backfill: {len(results)} parts in {seconds:.1f} s", file=sys.stderr)
    if failed:
        print(f"error: parts failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    if args.command == "backfill":
        return 0
    from dagster_project.__main__ import main as run_main

    return run_main(["run"])


if __name__ == "__main__":
    sys.exit(main())
