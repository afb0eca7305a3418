"""The extractor's version: its release plus a digest of every file of this package.

The extraction cache keeps an article's rows per version, so the version must change whenever
the output could: a release number alone relies on someone remembering to bump it. The
extractor is exactly this folder (code and gazetteers; it imports nothing from the warehouse
side, which a test checks), so the digest covers the folder and nothing else: editing the
cache, the load or the publish does not throw the cache away. The extractor also reads data from
installed packages (the administrative units of vietnam-provinces, Unicode's confusables in
confusable-homoglyphs), so their versions are part of the version as well.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

RELEASE = "0.3.0"  # 0.3.0: raw table personnel_events
_PACKAGE = Path(__file__).resolve().parent


def source_digest(package: Path = _PACKAGE) -> str:
    """First 10 hex digits of sha256 over every file of the package, by relative path."""
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


# Data packages the extractor reads at run time: a new release of one can change its output too.
DATA_PACKAGES = ("vietnam-provinces", "confusable-homoglyphs")


def data_digest(packages: tuple[str, ...] = DATA_PACKAGES) -> str:
    """First 6 hex digits of sha256 over the installed versions of the data packages."""
    from importlib.metadata import version

    return hashlib.sha256(" ".join(f"{p}=={version(p)}" for p in packages).encode()).hexdigest()[:6]


EXTRACTOR_VERSION = f"{RELEASE}+{source_digest()}.{data_digest()}"
