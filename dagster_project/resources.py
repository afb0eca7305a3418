"""Resources: where the run reads raw files and writes the warehouse, and the dbt CLI.

``RAW_DIR``, ``WAREHOUSE_PATH`` and ``MAX_FILE_BYTES`` come from the environment through
``EnvVar`` when set; when unset the defaults are ``raw/`` and ``warehouse/warehouse.duckdb`` of
the repository. Relative paths are resolved against the working directory of the run.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from dagster import ConfigurableResource, EnvVar
from pydantic import Field

from dagster_project.project import (
    DEFAULT_RAW_DIR,
    DEFAULT_WAREHOUSE_PATH,
    dbt_cli_resource,
    warehouse_env,
)
from vnpolitics.pipeline import DEFAULT_MAX_FILE_BYTES


class WarehouseConfig(ConfigurableResource):
    """The input folder and the DuckDB file one run works on."""

    raw_dir: str = Field(default=str(DEFAULT_RAW_DIR), description="Folder of raw article files (recursive).")
    warehouse_path: str = Field(default=str(DEFAULT_WAREHOUSE_PATH), description="DuckDB warehouse file.")
    max_file_bytes: int = Field(default=DEFAULT_MAX_FILE_BYTES, description="Larger files are rejected.")

    @property
    def raw_path(self) -> Path:
        return Path(self.raw_dir).expanduser().resolve()

    @property
    def database_path(self) -> Path:
        return Path(self.warehouse_path).expanduser().resolve()

    def dbt_env(self) -> AbstractContextManager[None]:
        """Point dbt's profile (``env_var('WAREHOUSE_PATH')``) at this warehouse while dbt starts."""
        return warehouse_env(self.database_path)


def _from_env(name: str, default: Any, env_var: Callable[[str], Any] = EnvVar) -> Any:
    """``EnvVar(name)`` when the variable is set (shown as such in the UI), else the default."""
    return env_var(name) if os.environ.get(name) else default


def warehouse_from_env() -> WarehouseConfig:
    return WarehouseConfig(
        raw_dir=_from_env("RAW_DIR", str(DEFAULT_RAW_DIR)),
        warehouse_path=_from_env("WAREHOUSE_PATH", str(DEFAULT_WAREHOUSE_PATH)),
        max_file_bytes=_from_env("MAX_FILE_BYTES", DEFAULT_MAX_FILE_BYTES, EnvVar.int),
    )


resources = {
    "warehouse": warehouse_from_env(),
    "dbt": dbt_cli_resource(),
}
