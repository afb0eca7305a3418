"""The wall-clock budget per file for decoding and extraction (``FILE_BUDGET_SECONDS``).

Its own small module, importable without the extractor, so the command line can check the
setting, and ``check-folder`` can read the cache's rejections under it, in a fraction of a
second. ``batch_extraction`` enforces the budget; ``cache`` remembers who overran it.
"""

from __future__ import annotations

import math
import os

from vnpolitics.warehouse.operator_errors import ConfigurationError

# A 1 MB article takes about 20 s of one core to extract and a 5 MB one (MAX_FILE_BYTES) about
# 100 s; on a machine shared with other work the wall clock runs two or three times that. Five
# minutes stops a runaway file without ever rejecting an article for being long.
DEFAULT_FILE_BUDGET_SECONDS = 300.0
FILE_BUDGET_ENV = "FILE_BUDGET_SECONDS"


def file_budget_seconds() -> float:
    """The budget per file: ``FILE_BUDGET_SECONDS`` from the environment, else the default."""
    raw = os.environ.get(FILE_BUDGET_ENV, "").strip()
    if not raw:
        return DEFAULT_FILE_BUDGET_SECONDS
    try:
        budget = float(raw)
    except ValueError:
        budget = math.nan
    if not (math.isfinite(budget) and budget > 0):
        raise ConfigurationError(f"{FILE_BUDGET_ENV} must be a positive number of seconds, not {raw!r}")
    return budget


def over_budget_reason(budget_seconds: float) -> str:
    """The ``ingest_files.reason`` of a file whose decoding and extraction overran the budget."""
    return (
        f"decoding and extraction took longer than the {budget_seconds:g} s budget per file "
        f"({FILE_BUDGET_ENV})"
    )
