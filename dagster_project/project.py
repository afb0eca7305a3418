"""Where things live: the repository root, the raw folder and warehouse defaults, the dbt project.

dagster-dbt needs ``dbt/target/manifest.json`` before the definitions load. dagster-dbt's own
preparer writes it (``DbtProject.preparer``: ``dbt deps`` when the project has packages, then
``dbt parse``, under a lock so two processes never parse at once): ``make prepare`` through
``python -m dagster_project.project``, the CLI's ``run`` on a fresh clone and the tests call it
through ``prepare_dbt_manifest``, and under ``dagster dev`` ``prepare_if_dev`` runs it on every
reload.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from functools import cached_property
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject
from packaging import version

from dagster_project.locations import (  # noqa: F401 (re-exported: where things live)
    DBT_DIR,
    DEFAULT_RAW_DIR,
    DEFAULT_WAREHOUSE_PATH,
    REPO_ROOT,
    configured_warehouse,
)
from vnpolitics.warehouse.publish import scratch_path

# The dbt installed beside this interpreter, so a bare ``.venv/bin/python`` finds it without PATH.
_VENV_DBT = Path(sys.executable).with_name("dbt")
DBT_EXECUTABLE = str(_VENV_DBT) if _VENV_DBT.exists() else (shutil.which("dbt") or "dbt")

dbt_project = DbtProject(project_dir=DBT_DIR, profiles_dir=DBT_DIR)


@contextmanager
def env_set(name: str, value: str) -> Iterator[None]:
    """Set the environment variable ``name`` while dbt subprocesses are started (they inherit it)."""
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


def warehouse_env(warehouse_path: Path) -> AbstractContextManager[None]:
    """Set ``WAREHOUSE_PATH`` (read by dbt/profiles.yml) while dbt subprocesses are started."""
    return env_set("WAREHOUSE_PATH", str(warehouse_path))


@contextmanager
def _parse_env() -> Iterator[None]:
    """What dagster-dbt's preparer needs from the environment here, set while it parses.

    - ``WAREHOUSE_PATH`` on the scratch copy: parsing renders profiles.yml, whose path is part
      of dbt's partial-parse state; runs point dbt at the scratch copy, so a parse with that
      same path is reused by each run's dbt (a full parse instead costs ~7 s of CPU per run).
      This is why ``dagster-dbt project prepare-and-package`` is not used: it parses with
      whatever WAREHOUSE_PATH is set.
    - this interpreter's folder on ``PATH``: the preparer runs ``dbt`` from ``PATH``, and a bare
      ``.venv/bin/python`` (or ``.venv/bin/pytest``) does not have the venv's dbt on it.
    """
    path = os.environ.get("PATH", "")
    os.environ["PATH"] = os.pathsep.join([str(_VENV_DBT.parent), path])
    try:
        with warehouse_env(scratch_path(configured_warehouse())):
            yield
    finally:
        os.environ["PATH"] = path


class VenvDbtCliResource(DbtCliResource):
    """The dbt CLI of this environment, whose version is that of the installed dbt-core package.

    Kept although it overrides a private attribute: dagster-dbt learns the version from a
    ``dbt --version`` subprocess once per resource, that is once per run and once per test
    build, and that costs a dbt start-up plus a PyPI query (measured here: 6-7 s of CPU, 10-18 s
    of wall time on the shared 2-core machine) against 5 ms for the package metadata. No public
    setting skips it. ``tests/test_definitions.py`` fails if dagster-dbt renames the attribute.
    """

    @cached_property
    def _cli_version(self) -> version.Version:
        if Path(self.dbt_executable) == _VENV_DBT:
            return version.parse(importlib.metadata.version("dbt-core"))
        return super()._cli_version


def dbt_cli_resource() -> DbtCliResource:
    return VenvDbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE)


def prepare_dbt_manifest() -> Path:
    """Write ``dbt/target/manifest.json`` with dagster-dbt's preparer (see ``_parse_env``).

    The preparer asks ``dbt --version`` of its own plain ``DbtCliResource`` first: one dbt
    start-up more per prepare (not per run) than the hand-made ``dbt parse`` this replaced.
    """
    with _parse_env():
        dbt_project.preparer.prepare(dbt_project)
    return dbt_project.manifest_path


def manifest_is_stale() -> bool:
    """True when the manifest is missing or older than a file of the dbt project.

    Definitions loaded from a stale manifest do not know the newest models and tests, and dbt
    then reports events the asset graph has no node for (a run fails mid-build).
    """
    manifest = dbt_project.manifest_path
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    sources = [DBT_DIR / "dbt_project.yml", DBT_DIR / "profiles.yml"]
    for folder in ("models", "macros", "tests", "seeds"):
        sources += [p for p in (DBT_DIR / folder).rglob("*") if p.is_file()]
    return any(p.stat().st_mtime > built for p in sources if p.exists())


# Under ``dagster dev`` (only), re-parse on every reload so model edits show up.
with _parse_env():
    dbt_project.prepare_if_dev()


if __name__ == "__main__":
    print(f"dbt manifest: {prepare_dbt_manifest()}")
