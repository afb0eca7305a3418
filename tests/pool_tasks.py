"""Tasks for the budgeted pool's tests: importable, so spawned workers can run them."""

from __future__ import annotations

import os
import re
import signal
import time


def run(task: tuple[str, float]) -> str:
    """``("sleep", s)``: done after s seconds; ``("spin", _)``: pure Python forever; ``("regex", _)``:
    a regular expression that backtracks for ages inside C; ``("die", _)``: SIGKILL itself;
    ``("pid", _)``: the worker's process id."""
    kind, seconds = task
    if kind == "sleep":
        time.sleep(seconds)
    elif kind == "spin":
        while True:
            pass
    elif kind == "regex":
        re.match(r"(a+)+$", "a" * 64 + "b")
    elif kind == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    elif kind == "pid":
        return str(os.getpid())
    return f"{kind} done"


def broken_warm_up() -> None:
    raise ImportError("a module the extractor needs is missing")


SLOW_WARM_UP_SECONDS = 3.0


def slow_warm_up() -> None:
    """A warm-up as long as the extractor's, to tell a warm worker from a fresh one by the clock."""
    time.sleep(SLOW_WARM_UP_SECONDS)
