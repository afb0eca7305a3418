"""Where things live: the repository root, the raw folder and warehouse defaults, the dbt project.

dagster-dbt needs ``dbt/target/manifest.json`` before the definitions load. ``make run``,
``make test`` and ``make dev`` write it first with ``python -m dagster_project.project``
(``prepare_dbt_manifest``: ``dbt deps`` when the project has packages, then ``dbt parse``);
the tests call the same function. Under ``dagster dev`` the manifest is also re-parsed on
every reload by ``prepare_if_dev``.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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
dbt_project.prepare_if_dev()


class VenvDbtCliResource(DbtCliResource):
    """The dbt CLI of this environment, whose version is that of the installed dbt-core package.

    dagster-dbt asks ``dbt --version`` in a subprocess before every invocation to learn the
    version, which costs a dbt start-up (about 3 s) per run. When the executable is the one
    installed beside this interpreter, the package metadata already says it.
    """

    @cached_property
    def _cli_version(self) -> version.Version:
        if Path(self.dbt_executable) == _VENV_DBT:
            return version.parse(importlib.metadata.version("dbt-core"))
        return super()._cli_version


def dbt_cli_resource() -> DbtCliResource:
    return VenvDbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE)


@contextmanager
def warehouse_env(warehouse_path: Path) -> Iterator[None]:
    """Set ``WAREHOUSE_PATH`` (read by dbt/profiles.yml) while dbt subprocesses are started."""
    previous = os.environ.get("WAREHOUSE_PATH")
    os.environ["WAREHOUSE_PATH"] = str(warehouse_path)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("WAREHOUSE_PATH", None)
        else:
            os.environ["WAREHOUSE_PATH"] = previous


def prepare_dbt_manifest() -> Path:
    """Write ``dbt/target/manifest.json`` (after ``dbt deps`` if the project has packages)."""
    dbt = dbt_cli_resource()
    # Parsing renders profiles.yml, which reads WAREHOUSE_PATH, but never opens the warehouse.
    # Runs point dbt at the scratch copy; parsing with that same path keeps the profile equal,
    # so each run's dbt reuses this parse (partial parsing) instead of parsing all over again.
    warehouse = configured_warehouse()
    with warehouse_env(scratch_path(warehouse)):
        if (DBT_DIR / "packages.yml").exists() or (DBT_DIR / "dependencies.yml").exists():
            dbt.cli(["deps", "--quiet"], target_path=dbt_project.target_path).wait()
        dbt.cli(["parse", "--quiet"], target_path=dbt_project.target_path).wait()
    return dbt_project.manifest_path


if __name__ == "__main__":
    print(f"dbt manifest: {prepare_dbt_manifest()}")
