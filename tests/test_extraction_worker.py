"""A process that extracts starts warm: models and gazetteers loaded and out of the collector's way."""

from __future__ import annotations

import subprocess
import sys

from dagster_support import REPO

from vnpolitics.warehouse.batch_extraction import EXTRACTION_GC_THRESHOLD

_PROBE = """
import gc, sys
from vnpolitics.warehouse.batch_extraction import warm_up_extractor
default = gc.get_threshold()[0]
assert "pyvi.ViTokenizer" not in sys.modules
warm_up_extractor()
print(default, gc.get_threshold()[0], gc.get_freeze_count(), "pyvi.ViTokenizer" in sys.modules)
"""


def test_the_warm_up_loads_the_models_and_freezes_them_out_of_the_collectors_passes() -> None:
    out = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    default, threshold, frozen, pyvi_loaded = int(out[0]), int(out[1]), int(out[2]), out[3]
    assert default < threshold == EXTRACTION_GC_THRESHOLD
    assert frozen > 100_000, "the gazetteers and pyvi's models are frozen"
    assert pyvi_loaded == "True"
