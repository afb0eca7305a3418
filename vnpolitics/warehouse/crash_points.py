"""Crash-test pause points, so a test can SIGKILL a run in the middle of a chosen phase.

Killing a run "during the load" by timing alone is a race: the load of the samples takes a
few milliseconds. With ``VNPOLITICS_PAUSE_AT=<phase>`` set, ``pause_point(phase)`` writes
``paused at <phase>`` to stderr and sleeps ``VNPOLITICS_PAUSE_SECONDS`` (default 300) in the
middle of that phase, with its files open and its transaction uncommitted, and the test kills
the run there. Unset, which is always the case outside the tests, it returns at once.
"""

from __future__ import annotations

import os
import sys
import time

PAUSE_AT = "VNPOLITICS_PAUSE_AT"
PAUSE_SECONDS = "VNPOLITICS_PAUSE_SECONDS"
PHASES = ("extraction", "load", "dbt", "publish")


def pause_point(phase: str) -> None:
    """Sleep here when the environment asks to pause at ``phase``; otherwise do nothing."""
    if phase not in PHASES:
        raise ValueError(f"unknown phase {phase!r}; phases are {', '.join(PHASES)}")
    if os.environ.get(PAUSE_AT) != phase:
        return
    print(f"paused at {phase}", file=sys.stderr, flush=True)
    time.sleep(float(os.environ.get(PAUSE_SECONDS, "300")))
