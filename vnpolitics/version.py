"""The extractor's version: its release plus a digest of the code and gazetteers that decide its output.

The extraction cache keeps an article's rows per version, so the version must change whenever
the output could: a release number alone relies on someone remembering to bump it. Modules
that only move rows around (caching, loading, publishing, logging) are left out of the digest,
so editing them does not throw the cache away.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

RELEASE = "0.2.0"
_PACKAGE = Path(__file__).resolve().parent
_NOT_EXTRACTION = frozenset(
    {
        "__init__.py",
        "cache.py",
        "export.py",
        "faults.py",
        "loading.py",
        "pipeline.py",
        "transient.py",
        "publish.py",
        "quality_report.py",
        "run_log.py",
        "version.py",
    }
)


def source_digest(package: Path = _PACKAGE) -> str:
    """First 10 hex digits of sha256 over the extraction modules and gazetteers, by relative path."""
    files = [p for p in package.glob("*.py") if p.name not in _NOT_EXTRACTION]
    files += [p for p in (package / "gazetteers").rglob("*") if p.is_file()]
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


EXTRACTOR_VERSION = f"{RELEASE}+{source_digest()}"
