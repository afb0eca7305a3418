"""The dbt project's own files (digested for every run) and dbt's invocation folders (pruned)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from dagster_support import REPO

from vnpolitics.warehouse.dbt_files import (
    INVOCATION_TARGET_MIN_AGE_SECONDS,
    KEEP_INVOCATION_TARGETS,
    project_digest,
    prune_invocation_targets,
)


def _project_copy(tmp_path: Path) -> Path:
    project = tmp_path / "dbt"
    shutil.copytree(REPO / "dbt", project, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    return project


def test_the_digest_follows_the_project_files_and_ignores_what_dbt_writes(tmp_path: Path) -> None:
    project = _project_copy(tmp_path)
    before = project_digest(project)
    # dbt's own output (artefacts of a run, its log) is no part of what a build depends on
    (project / "target" / "dbt_models-1234abcd").mkdir(parents=True)
    (project / "target" / "dbt_models-1234abcd" / "manifest.json").write_text("{}")
    (project / "logs").mkdir()
    (project / "logs" / "dbt.log").write_text("a run")
    assert project_digest(project) == before
    # ... but a model's folder of the same name below the top is
    (project / "models" / "logs").mkdir()
    (project / "models" / "logs" / "m.sql").write_text("select 1")
    assert project_digest(project) != before
    (project / "models" / "logs" / "m.sql").unlink()
    (project / "models" / "logs").rmdir()
    model = next((project / "models" / "marts").glob("*.sql"))
    model.write_text(model.read_text(encoding="utf-8") + "\n-- edited\n", encoding="utf-8")
    assert project_digest(project) != before


def test_old_invocation_folders_are_pruned_and_young_or_newest_ones_kept(tmp_path: Path) -> None:
    now = time.time()
    day = INVOCATION_TARGET_MIN_AGE_SECONDS
    ages = {f"dbt_models-old{i}": day * (2 + i) for i in range(KEEP_INVOCATION_TARGETS + 3)}
    ages.update({"dbt_models-young1": 60.0, "dbt_models-young2": day / 2})
    for name, age in ages.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "run_results.json").write_text("{}")
        os.utime(tmp_path / name, (now - age, now - age))
    (tmp_path / "partial_parse.msgpack").write_text("kept")

    deleted = prune_invocation_targets(tmp_path, now=now)

    left = sorted(p.name for p in tmp_path.iterdir())
    # the newest five are the two young ones and the three least old; the rest are over a day old
    kept_old = [f"dbt_models-old{i}" for i in range(KEEP_INVOCATION_TARGETS - 2)]
    assert left == sorted([*kept_old, "dbt_models-young1", "dbt_models-young2", "partial_parse.msgpack"])
    assert sorted(p.name for p in deleted) == sorted(set(ages) - set(left))
    # a second pass finds nothing more to delete
    assert prune_invocation_targets(tmp_path, now=now) == []


def test_young_invocation_folders_are_kept_however_many(tmp_path: Path) -> None:
    for i in range(KEEP_INVOCATION_TARGETS * 2):
        (tmp_path / f"dbt_models-{i:08x}").mkdir()
    assert prune_invocation_targets(tmp_path) == []
    assert len(list(tmp_path.iterdir())) == KEEP_INVOCATION_TARGETS * 2
