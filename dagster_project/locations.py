"""Where the repository keeps its project, input and output, importable without Dagster.

The operator command line reads these for ``status`` and ``check-folder``, which must answer at
once, without the seconds that importing Dagster costs, and checks the numeric settings here
before ``run`` starts Dagster (``check_settings``).
"""

import os
import shutil
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DBT_DIR = REPO_ROOT / "dbt"
DEFAULT_RAW_DIR = REPO_ROOT / "raw"
DEFAULT_WAREHOUSE_PATH = REPO_ROOT / "warehouse" / "warehouse.duckdb"
DEFAULT_DAGSTER_HOME = REPO_ROOT / ".dagster_home"  # the instance make and the CLI use by default
# Its settings (telemetry off, one warehouse build at a time): the one file of it in git.
INSTANCE_SETTINGS = DEFAULT_DAGSTER_HOME / "dagster.yaml"
# The settings ``dagster_project.resources`` reads from the environment as whole numbers.
WHOLE_NUMBER_SETTINGS = (
    "MAX_FILE_BYTES",
    "RUN_LOCK_TIMEOUT_SECONDS",
    "MAX_REJECTED_PERCENT",
    "EXTRACT_WORKERS",
)


def configured_raw_dir() -> Path:
    """``RAW_DIR`` when set, else the repository's ``raw/``."""
    return Path(os.environ.get("RAW_DIR") or DEFAULT_RAW_DIR).expanduser().resolve()


def configured_warehouse() -> Path:
    """``WAREHOUSE_PATH`` when set, else ``warehouse/warehouse.duckdb`` of the repository."""
    return Path(os.environ.get("WAREHOUSE_PATH") or DEFAULT_WAREHOUSE_PATH).expanduser().resolve()


def configured_cache_dir() -> Path:
    """``CACHE_DIR`` when set, else ``cache/`` beside the configured warehouse (as runs use it)."""
    from vnpolitics.warehouse.cache import default_cache_dir

    if os.environ.get("CACHE_DIR"):
        return Path(os.environ["CACHE_DIR"]).expanduser().resolve()
    return default_cache_dir(configured_warehouse())


def configured_dagster_home() -> Path:
    """``DAGSTER_HOME`` when set, else the repository's ``.dagster_home/``, with instance settings.

    So ``python -m dagster_project run`` records its runs where ``make run`` and ``make dev``
    look, whether or not it was started through make. A home without a ``dagster.yaml`` gets
    a copy of the committed one, as ``make`` gives it; one that has its own keeps it.
    """
    home = Path(os.environ.get("DAGSTER_HOME") or DEFAULT_DAGSTER_HOME).expanduser().resolve()
    home.mkdir(parents=True, exist_ok=True)
    if not (home / "dagster.yaml").exists():
        shutil.copyfile(INSTANCE_SETTINGS, home / "dagster.yaml")
    return home


def check_settings() -> None:
    """Raise ``ConfigurationError`` for the first numeric setting a run could not use.

    Checked before Dagster starts: Dagster would stop on the same value with a configuration
    error and a page of traceback; here it is one line that names the variable.
    """
    from vnpolitics.warehouse.file_budget import file_budget_seconds
    from vnpolitics.warehouse.operator_errors import ConfigurationError

    for name in WHOLE_NUMBER_SETTINGS:
        value = os.environ.get(name, "")
        try:
            int(value or 0)  # as Dagster's EnvVar.int reads it
        except ValueError:
            raise ConfigurationError(f"{name} must be a whole number, not {value!r}") from None
    file_budget_seconds()
