"""Which failures are worth trying again: the machine's, not the code's or the data's.

A worker killed for memory, a file that vanished or could not be read for a moment, DuckDB out
of memory or unable to write: the same run a minute later may well succeed. A parser error, a
type error or a failed data test fails the same way every time, and retrying it only delays
the alert.
"""

from __future__ import annotations

from concurrent.futures.process import BrokenProcessPool

import duckdb

TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    OSError,  # includes TimeoutError and files removed or unreadable mid-run
    MemoryError,
    BrokenProcessPool,  # an extraction worker was killed (usually by the OOM killer)
    duckdb.IOException,
    duckdb.OutOfMemoryException,
)


def is_transient(error: BaseException) -> bool:
    """True when ``error``, or an error it was raised from, is one a retry can cure."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, TRANSIENT_ERRORS):
            return True
        seen = seen.__cause__
    return False
