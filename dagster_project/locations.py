"""Where the repository keeps its project, input and output, importable without Dagster.

The operator command line reads these for ``status`` and ``validate``, which must answer at
once, without the seconds that importing Dagster costs.
"""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DBT_DIR = REPO_ROOT / "dbt"
DEFAULT_RAW_DIR = REPO_ROOT / "raw"
DEFAULT_WAREHOUSE_PATH = REPO_ROOT / "warehouse" / "warehouse.duckdb"


def configured_raw_dir() -> Path:
    """``RAW_DIR`` when set, else the repository's ``raw/``."""
    return Path(os.environ.get("RAW_DIR") or DEFAULT_RAW_DIR).expanduser().resolve()


def configured_warehouse() -> Path:
    """``WAREHOUSE_PATH`` when set, else ``warehouse/warehouse.duckdb`` of the repository."""
    return Path(os.environ.get("WAREHOUSE_PATH") or DEFAULT_WAREHOUSE_PATH).expanduser().resolve()
