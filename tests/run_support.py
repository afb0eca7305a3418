"""Run the pipeline as operators do (``python -m dagster_project``) in a child process.

Crash and concurrency tests need a real process to kill or to race, so these helpers start one
with its own RAW_DIR, WAREHOUSE_PATH and DAGSTER_HOME, in its own process group (so a kill
reaches the dbt child too), with stderr in a file the test can watch.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from dagster_support import REPO, load_definitions


@dataclass
class Run:
    process: subprocess.Popen
    log: Path

    def wait_for(self, marker: str, timeout: float = 300) -> None:
        """Block until ``marker`` appears in the run's stderr; fail if the run ends first."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if marker in self.output():
                return
            if self.process.poll() is not None:
                raise AssertionError(
                    f"run ended ({self.process.returncode}) before {marker!r}:\n{self.tail()}"
                )
            time.sleep(0.2)
        raise AssertionError(f"no {marker!r} after {timeout} s:\n{self.tail()}")

    def kill(self) -> None:
        """SIGKILL the run and everything it started (the dbt process included)."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=60)

    def finish(self, timeout: float = 600) -> int:
        return self.process.wait(timeout=timeout)

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def tail(self, lines: int = 40) -> str:
        return "\n".join(self.output().splitlines()[-lines:])


# Shared memory, where a file's fsync costs nothing: see ``dagster_home``.
MEMORY_FOLDER = Path("/dev/shm")


def dagster_home(work: Path) -> Path:
    """The DAGSTER_HOME of the runs started with ``work``: ``work/dagster_home``, a link to a folder
    in shared memory (removed when this process exits) where there is one.

    Dagster keeps a run's events in SQLite files under DAGSTER_HOME and commits each event on its
    own: a run of the samples calls fdatasync about 10,000 times (counted with strace; the dbt
    build's DuckDB file about 100). Each call waits for the disk, which a busy or network disk makes
    long. The instance is the same (SQLite, same settings); only its files live in memory.
    """
    home = work / "dagster_home"
    if home.exists() or home.is_symlink():
        return home
    work.mkdir(parents=True, exist_ok=True)
    if MEMORY_FOLDER.is_dir() and os.access(MEMORY_FOLDER, os.W_OK):
        folder = Path(tempfile.mkdtemp(prefix="vnpolitics-dagster-home-", dir=MEMORY_FOLDER))
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        home.symlink_to(folder, target_is_directory=True)
    else:
        home.mkdir()
    return home


def start_run(raw: Path, warehouse: Path, work: Path, umask: int = 0o022, **env: str) -> Run:
    """Start ``python -m dagster_project`` on ``raw`` into ``warehouse``; ``env`` adds variables."""
    load_definitions()  # writes dbt/target/manifest.json, which the child needs
    home = dagster_home(work)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n")
    log = work / f"run-{time.monotonic_ns()}.log"
    child_env = {
        **os.environ,
        "RAW_DIR": str(raw),
        "WAREHOUSE_PATH": str(warehouse),
        "DAGSTER_HOME": str(home),
        **env,
    }
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "dagster_project"],
            cwd=REPO,
            env=child_env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            umask=umask,
        )
    return Run(process, log)


def run_to_end(raw: Path, warehouse: Path, work: Path, umask: int = 0o022, **env: str) -> Run:
    run = start_run(raw, warehouse, work, umask=umask, **env)
    code = run.finish()
    assert code == 0, f"run exited {code}:\n{run.tail()}"
    return run
