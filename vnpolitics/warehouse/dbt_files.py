"""The dbt project folder: its own files (what a build depends on) and what dbt writes into it.

Both matter to every run: the digest of the project's own files decides whether the last build's
incremental models and the published input fingerprint still hold, and each dbt invocation leaves
a folder of artefacts under ``target`` that nothing else would ever delete.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

# What dbt writes into its project folder (never part of the project's own files).
_DBT_OUTPUT_FOLDERS = frozenset({"target", "logs", "dbt_packages"})


def project_digest(dbt_project: Path) -> str:
    """A digest of the dbt project's own files (models, macros, tests, seeds, settings).

    dbt's output folders are pruned before they are walked, not filtered after: ``target`` holds
    every invocation's artefacts (tens of thousands of files on a long-lived clone), and reading
    its listing cost each run 10 s.
    """
    project = Path(dbt_project)
    digest = hashlib.sha256()
    files = []
    for folder, subfolders, names in os.walk(project):
        here = Path(folder)
        skip = _DBT_OUTPUT_FOLDERS if here == project else frozenset()
        subfolders[:] = [d for d in subfolders if not d.startswith(".") and d not in skip]
        files.extend(here / name for name in names if not name.startswith("."))
    for path in sorted(files):
        digest.update(path.relative_to(project).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


# Each invocation writes its artefacts (manifest, run results, compiled SQL: 17 MB on the samples)
# into a folder of its own under dbt/target. Kept for a look after a run: the newest few, and
# any younger than a day (another build may be running in one now).
KEEP_INVOCATION_TARGETS = 5
INVOCATION_TARGET_MIN_AGE_SECONDS = 24 * 3600


def prune_invocation_targets(root: Path, now: float | None = None) -> list[Path]:
    """Delete the invocation folders (``dbt_models-*``) under ``root`` that are neither among the
    newest ``KEEP_INVOCATION_TARGETS`` nor younger than a day; returns those deleted.

    Without this a nightly deployment's dbt/target grows by one folder a run, without end.
    """
    now = time.time() if now is None else now
    folders = sorted(
        (p for p in root.glob("dbt_models-*") if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True
    )
    cutoff = now - INVOCATION_TARGET_MIN_AGE_SECONDS
    old = [p for p in folders[KEEP_INVOCATION_TARGETS:] if p.stat().st_mtime < cutoff]
    for folder in old:
        shutil.rmtree(folder, ignore_errors=True)
    return old
