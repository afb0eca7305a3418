"""A report on what the extractor finds in any folder of articles, for a human to judge.

    python -m vnpolitics.report.extraction_quality FOLDER [--sample 30] [--seed 7] [--out report.md]
        [--warehouse W --joins 20]

Counts people, posts, bodies and meetings; lists the most frequent names and bodies;
and draws a random sample of extracted people with their posts and the sentence they
came from, so precision can be judged by reading rather than assumed. Given the warehouse built
from the same folder, it also draws meetings joined across articles (``meeting_joins``).
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from vnpolitics.extract.article import extract_article
from vnpolitics.report.meeting_joins import joined_meetings_section
from vnpolitics.warehouse.scan import scan_folder


@dataclass
class ArticleSummary:
    source_file: str
    people: list[tuple[str, list[str], str]] = field(default_factory=list)  # name, posts, sentence
    organizations: list[str] = field(default_factory=list)
    titles: int = 0
    meetings: int = 0
    dated_meetings: int = 0


def summarise(item: tuple[str, str]) -> ArticleSummary:
    source_file, text = item
    ex = extract_article(text)
    sentences = {s.index: s.text for s in ex.sentences}
    posts: dict[str, list[str]] = {}
    for t in ex.titles:
        posts.setdefault(t.full_name, []).append(t.title)
    seen: dict[str, tuple[str, list[str], str]] = {}
    for p in ex.people:
        seen.setdefault(p.full_name, (p.full_name, posts.get(p.full_name, []), sentences[p.sentence_index]))
    return ArticleSummary(
        source_file,
        list(seen.values()),
        sorted({o.canonical_name for o in ex.organizations}),
        len(ex.titles),
        len(ex.meetings),
        sum(1 for m in ex.meetings if m.meeting_date),
    )


def build_report(folder: Path, sample: int, seed: int, workers: int) -> str:
    records, loaded = scan_folder(folder)
    items = [(f.source_file, f.decoded.text) for f in loaded]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        summaries = list(pool.map(summarise, items, chunksize=32))
    names = Counter(p[0] for s in summaries for p in s.people)
    orgs = Counter(o for s in summaries for o in s.organizations)
    everyone = [(s.source_file, *p) for s in summaries for p in s.people]
    drawn = random.Random(seed).sample(everyone, min(sample, len(everyone)))
    lines = [
        f"# Extraction quality report: {folder}",
        "",
        f"- files: {len(records)}, loaded articles: {len(loaded)}",
        f"- people (distinct per article): {len(everyone)}, distinct names: {len(names)}",
        f"- posts (person, title) per article: {sum(s.titles for s in summaries)}",
        f"- organisations (distinct per article): {sum(len(s.organizations) for s in summaries)},"
        f" distinct: {len(orgs)}",
        f"- meetings: {sum(s.meetings for s in summaries)},"
        f" with a date: {sum(s.dated_meetings for s in summaries)}",
        "",
        "## 30 most frequent names (articles)",
        "",
        *[f"{i}. {n} ({c})" for i, (n, c) in enumerate(names.most_common(30), 1)],
        "",
        "## 30 most frequent organisations (articles)",
        "",
        *[f"{i}. {n} ({c})" for i, (n, c) in enumerate(orgs.most_common(30), 1)],
        "",
        f"## Random sample of {len(drawn)} extracted people (seed {seed})",
        "",
    ]
    for i, (source, name, posts, sentence) in enumerate(drawn, 1):
        lines += [f"{i}. **{name}** — {'; '.join(posts) or '(no post)'}  ", f"   `{source}`: {sentence}", ""]
    return "\n".join(lines)


def report_arguments(description: str | None) -> argparse.ArgumentParser:
    """The arguments every report over a folder takes: the folder, the sample's size and seed,
    the workers, and where to write the markdown (this report's sibling reads them too)."""
    ap = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("folder", type=Path)
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--out", type=Path, help="write the markdown here as well as to standard output")
    return ap


def parsed_arguments(ap: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace:
    """``ap``'s arguments, the folder checked."""
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        ap.error(f"not a folder: {args.folder}")
    return args


def emit(report: str, out: Path | None) -> None:
    """The report to standard output, and to ``out`` when given."""
    print(report)
    if out:
        out.write_text(report, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = report_arguments(__doc__)
    ap.add_argument("--warehouse", type=Path, help="warehouse built from FOLDER (samples joins)")
    ap.add_argument("--joins", type=int, default=20, help="how many joined meetings to draw")
    args = parsed_arguments(ap, argv)
    report = build_report(args.folder, args.sample, args.seed, args.workers)
    if args.warehouse:
        if not args.warehouse.is_file():
            ap.error(f"no warehouse at {args.warehouse}")
        report += "\n" + "\n".join(joined_meetings_section(args.warehouse, args.joins, args.seed))
    emit(report, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
