"""The cluster mode against real servers: PostgreSQL, Redis and Celery workers started here.

The module starts its own PostgreSQL and Redis (``vnpolitics.cluster.servers``, on free ports,
under ``.cluster/test-*`` in the repository) and Celery workers, and skips with the reason
where the servers cannot start (no packages and no apt-get). The faults of issue 19:

- a worker killed mid-part: its part is run again by another worker and every article of the
  samples ends up extracted;
- PostgreSQL restarted between two runs: the next run works;
- a reader holding the lake during a build sees the previous publish until the new publish,
  then the new one, never anything between; and the lake's marts equal the single-file build's.

Tasks are acknowledged late, so the killed worker's task goes back to another worker once the
broker's visibility timeout has passed: 10 s here (an hour by default). To keep to a couple of
minutes, the backfill here runs only the parts that hold sample files, and the second run
extracts one part on the workers (the cache is full by then) before its build.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from dagster_project.cluster import start_worker, stop_worker, worker_names
from vnpolitics.cluster.servers import REPO, Cluster, ServerError, remove, restart_postgres, up
from vnpolitics.extract.version import EXTRACTOR_VERSION
from vnpolitics.warehouse.batch_extraction import file_part
from vnpolitics.warehouse.cache import ExtractionCache
from vnpolitics.warehouse.lake import LakeSettings, commit_build, current_snapshot, mart_differences
from vnpolitics.warehouse.lake import attach as attach_lake
from vnpolitics.warehouse.scan import scan_folder

pytestmark = [pytest.mark.cluster, pytest.mark.warehouse]

RAW = REPO / "raw"
VISIBILITY_TIMEOUT = "10"


class ClusterUnderTest:
    """The servers' folder, their settings, and the folder a run builds in."""

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.root = root
        self.cluster = Cluster(root)
        self.env = {**env, "CELERY_VISIBILITY_TIMEOUT": VISIBILITY_TIMEOUT}
        self.build = root / "build"
        self.warehouse = self.build / "warehouse.duckdb"

    @property
    def lake(self) -> LakeSettings:
        return LakeSettings(self.env["WAREHOUSE_CATALOG"], self.env["WAREHOUSE_DATA_PATH"])

    def process_env(self, **extra: str) -> dict[str, str]:
        env = {**os.environ, **self.env, "RAW_DIR": str(RAW), "WAREHOUSE_PATH": str(self.warehouse), **extra}
        env.pop("VNPOLITICS_PAUSE_AT", None)
        env.update(extra)
        return env

    def start_worker(self, name: str, **extra: str) -> None:
        start_worker(self.root, name, extra_env={**self.env, **extra})

    def command(self, command: str, parts: list[str], **extra: str) -> subprocess.Popen:
        """``python -m dagster_project.cluster <command> --parts ...`` (backfill, run) here."""
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "dagster_project.cluster",
                "--root",
                str(self.root),
                command,
                "--parts",
                *parts,
            ],
            cwd=REPO,
            env=self.process_env(**extra),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def worker_log(self, name: str) -> str:
        return (self.root / "workers" / f"{name}.log").read_text(encoding="utf-8", errors="replace")


@pytest.fixture(scope="module")
def cluster() -> Iterator[ClusterUnderTest]:
    root = REPO / ".cluster" / f"test-{uuid.uuid4().hex[:8]}"
    try:
        env = up(Cluster(root))
    except (ServerError, OSError) as error:
        remove(Cluster(root))
        pytest.skip(f"the cluster's servers cannot start here: {error}")
    under_test = ClusterUnderTest(root, env)
    try:
        yield under_test
    finally:
        for name in worker_names(root):
            stop_worker(root, name, signal.SIGKILL)
        remove(Cluster(root))


def _wait_for_text(read, text: str, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while text not in read():
        if time.monotonic() > deadline:
            raise AssertionError(f"no {text!r} in {what} after {timeout:g} s:\n{read()[-3000:]}")
        time.sleep(0.5)


def _sample_parts() -> list[str]:
    _, loaded = scan_folder(RAW, keep_text=False)
    return sorted({file_part(f.source_file) for f in loaded})


def test_a_worker_killed_mid_part_has_its_part_run_by_another_worker(cluster: ClusterUnderTest) -> None:
    # "doomed" stops in the middle of the first part it takes, "survivor" takes the others
    cluster.start_worker("doomed", VNPOLITICS_PAUSE_AT="extraction", VNPOLITICS_PAUSE_SECONDS="600")
    cluster.start_worker("survivor")
    parts = _sample_parts()
    backfill = cluster.command("backfill", parts)
    try:
        doomed_log = lambda: cluster.worker_log("doomed")  # noqa: E731
        _wait_for_text(doomed_log, "paused at extraction", 240, "the doomed worker's log")
        stop_worker(cluster.root, "doomed", signal.SIGKILL)  # the machine is gone, mid-part
        output, _ = backfill.communicate(timeout=300)
    finally:
        if backfill.poll() is None:
            backfill.kill()
    assert backfill.returncode == 0, output[-3000:]
    assert f"extraction backfill: {len(parts)} parts" in output
    assert "Executing steps" in cluster.worker_log("survivor")
    # the same result as one uninterrupted extraction: every article of the samples is in the cache
    _, loaded = scan_folder(RAW, keep_text=False)
    cached = ExtractionCache(cluster.build / "cache", EXTRACTOR_VERSION).cached_keys()
    assert {f.article_key for f in loaded} == cached


def test_after_a_postgres_restart_a_run_publishes_and_readers_see_only_whole_publishes(
    cluster: ClusterUnderTest, sample_warehouse: Path, tmp_path: Path
) -> None:
    """Run after the kill test (same module, same cluster): the cache is already full."""
    # a previous publish readers can tell apart: the samples' warehouse less one article
    previous = tmp_path / "previous.duckdb"
    shutil.copyfile(sample_warehouse, previous)
    with duckdb.connect(str(previous)) as con:
        articles = con.execute("select count(*) from dim_articles").fetchone()[0]
        con.execute(
            "delete from dim_articles where article_key = (select min(article_key) from dim_articles)"
        )
    first = commit_build(previous, cluster.lake, "previous publish").snapshot_id

    restart_postgres(cluster.cluster)

    reader = duckdb.connect()
    attach_lake(reader, cluster.lake, read_only=True)

    def seen() -> tuple[int, int]:
        """What one reader transaction sees: the articles, and the mentions of articles it lacks.

        One query, so one transaction and one snapshot for both tables: the previous publish
        gives (articles - 1, some), the new one (articles, 0); a half-published lake would mix them.
        """
        row = reader.execute(
            "select (select count(*) from lake.main.dim_articles), (select count(*) "
            "from lake.main.fct_mentions where article_key not in "
            "(select article_key from lake.main.dim_articles))"
        ).fetchone()
        return int(row[0]), int(row[1])

    before_run = seen()
    assert before_run[0] == articles - 1 and before_run[1] > 0
    if not worker_names(cluster.root):
        cluster.start_worker("survivor")
    run = cluster.command(
        "run", _sample_parts()[:1], VNPOLITICS_PAUSE_AT="publish", VNPOLITICS_PAUSE_SECONDS="5"
    )
    lines: list[str] = []
    drain = threading.Thread(target=lambda: lines.extend(run.stdout or []), daemon=True)
    drain.start()
    observed = []
    try:
        while run.poll() is None:
            paused = any("paused at publish" in line for line in list(lines))
            observed.append((paused, seen()))
            time.sleep(0.5)
    finally:
        if run.poll() is None:
            run.kill()
    drain.join(timeout=30)
    output = "".join(lines)
    assert run.returncode == 0, output[-3000:]
    assert seen() == (articles, 0)
    assert current_snapshot(reader) > first
    # while the run built, up to its publish: the previous publish, whole; after it, the new one, whole
    assert any(paused for paused, _ in observed), "the run never paused before its publish"
    assert {state for _, state in observed} <= {before_run, (articles, 0)}
    until_paused = [state for paused, state in observed if not paused]
    assert until_paused and set(until_paused) == {before_run}
    states = [state for _, state in observed]
    assert states == sorted(states, key=lambda state: state == (articles, 0)), "went back to the old one"
    reader.close()
    # the lake's marts, built from extraction on the workers, are the single-file build's
    assert mart_differences(sample_warehouse, cluster.lake) == {}
