"""Whether two versions of the extractor give identical output, article by article.

A change to the extractor's machinery (tokenizing, look-ups, caching) must not change one field
of its output. ``dump`` runs the ``vnpolitics`` importable from this process (set PYTHONPATH to a
worktree of the reference commit to dump that one) over a list of files and writes every
article's serialized extraction; ``compare`` reports the articles whose dumps differ and the
first differing field of each. The dumps hold corpus text: keep them out of the repository.

    PYTHONPATH=/tmp/ref python bench/compare_extraction.py dump --out /tmp/ref.pkl FILES...
    python bench/compare_extraction.py dump --out /tmp/new.pkl FILES...
    python bench/compare_extraction.py compare /tmp/ref.pkl /tmp/new.pkl
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import sys
import time
from pathlib import Path
from typing import Any

FILE_YEAR = 2021  # every article told the same file year, so the dates' last resort is exercised


def serialize(value: Any) -> Any:
    """Plain, comparable data: dataclasses as (class name, fields), containers element-wise."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            tuple((f.name, serialize(getattr(value, f.name))) for f in dataclasses.fields(value)),
        )
    if isinstance(value, list | tuple):
        return tuple(serialize(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted((repr(k), serialize(v)) for k, v in value.items()))
    if isinstance(value, set | frozenset):
        return tuple(sorted(repr(v) for v in value))
    return value


def dump(files: list[Path], out: Path) -> None:
    """Extract every file with the importable extractor and pickle {path: serialized result}."""
    from vnpolitics.extract.article import extract_article
    from vnpolitics.extract.decoding import decode_bytes

    results: dict[str, Any] = {}
    started = time.process_time()
    for path in files:
        try:
            text = decode_bytes(path.read_bytes()).text
            results[str(path)] = serialize(extract_article(text, file_year=FILE_YEAR))
        except Exception as exc:  # a failure is an output too: it must fail alike
            results[str(path)] = ("error", type(exc).__name__, str(exc))
    out.write_bytes(pickle.dumps(results))
    print(f"{len(results)} articles, {time.process_time() - started:.1f} s CPU -> {out}")


def first_difference(a: Any, b: Any, where: str = "") -> str | None:
    """The path of the first place two serialized values differ, with both values there."""
    if type(a) is not type(b):
        return f"{where}: {a!r} != {b!r}"
    if isinstance(a, tuple):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            found = first_difference(x, y, f"{where}[{i}]")
            if found:
                return found
        if len(a) != len(b):
            return f"{where}: length {len(a)} != {len(b)}"
        return None
    return None if a == b else f"{where}: {a!r} != {b!r}"


def compare(left: Path, right: Path) -> int:
    """Print the articles whose extractions differ; the count of them is the exit status."""
    a, b = pickle.loads(left.read_bytes()), pickle.loads(right.read_bytes())
    differing = 0
    for key in sorted(a.keys() | b.keys()):
        if key not in a or key not in b:
            print(f"only in one dump: {key}")
            differing += 1
        elif a[key] != b[key]:
            differing += 1
            print(f"{key}\n    {first_difference(a[key], b[key])[:400]}")
    print(f"{len(a.keys() & b.keys())} articles compared, {differing} differ")
    return min(differing, 255)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--list", type=Path, help="a file listing the files to extract, one a line")
    d.add_argument("files", nargs="*", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("left", type=Path)
    c.add_argument("right", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        files = list(args.files)
        if args.list:
            files += [Path(line) for line in args.list.read_text().splitlines() if line.strip()]
        dump(files, args.out)
        return 0
    return compare(args.left, args.right)


if __name__ == "__main__":
    sys.exit(main())
