"""A report on the personnel events the extractor finds in any folder, for a human to judge.

    python -m vnpolitics.report.personnel_events_quality FOLDER [--sample 30] [--seed 7] [--out report.md]

Counts the events by kind (and disciplinary level), and draws a random sample of events with what
a reader checks against the sentence: the kind, the person, the post (and a transfer's previous
post), who decided, the decision, and the date the warehouse would give the event (printed for
it, else the date it takes effect, else the article's: its meeting's date, else its publication).
Each file is extracted as the warehouse extracts it (``batch_extraction.extract_file``): told the
publication date a crawler's record, a sidecar or the file's path gives, and the year the file
was written, so "ngày 17-3" in a text that prints no year gets the year the warehouse gives it.
The sibling of ``extraction_quality`` (people and posts), seeded the same way.
"""

from __future__ import annotations

import random
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vnpolitics.extract.article import LEAD_SENTENCES, SURE_YEAR_BASES
from vnpolitics.extract.records import ArticleExtraction, PersonnelEvent
from vnpolitics.report.extraction_quality import emit, parsed_arguments, report_arguments
from vnpolitics.warehouse.batch_extraction import extract_file
from vnpolitics.warehouse.scan import LoadedFile, scan_folder


@dataclass(frozen=True)
class FoundEvent:
    source_file: str
    kind: str
    level: str | None
    person: str
    post: str | None
    previous_post: str | None
    deciding_body: str | None
    decision: str | None
    date: str
    sentence: str


def _date(event: PersonnelEvent, observed_on: date | None) -> str:
    """The date as fct_personnel_events.event_on gives it, and its basis."""
    if event.event_date:
        return f"{event.event_date} (printed: {event.event_date_text})"
    if event.effective_date:
        return f"{event.effective_date} (effective)"
    if event.told_as_past:
        return "unknown (told as past)"
    return f"{observed_on} (article)" if observed_on else "unknown"


def article_date(file: LoadedFile, ex: ArticleExtraction) -> date | None:
    """The date int_personnel_events observes the article on: its first meeting dated in its
    lead, when the year was printed or the publication's, else its publication as
    int_article_metadata takes it (a record's or sidecar's, else the text's, else the date in the
    file's path)."""
    dated = next((m for m in ex.meetings if m.meeting_date and m.sentence_index < LEAD_SENTENCES), None)
    if dated and dated.date_basis in SURE_YEAR_BASES:
        return dated.meeting_date
    published = file.published_at or ex.metadata.published_at
    return published.date() if published else file.path_date


def events_of(file: LoadedFile) -> list[FoundEvent]:
    source_file = file.source_file
    ex = extract_file(file)
    sentences = {s.index: s.text for s in ex.sentences}
    observed_on = article_date(file, ex)
    found = []
    for e in ex.personnel_events:
        decision = " ".join(
            x for x in (e.decision_number, f"ngày {e.decision_date}" if e.decision_date else None) if x
        )
        found.append(
            FoundEvent(
                source_file,
                e.kind,
                e.discipline_level,
                e.full_name,
                e.post.canonical_title if e.post else None,
                e.previous_post.canonical_title if e.previous_post else None,
                e.deciding_body,
                decision or None,
                _date(e, observed_on),
                sentences[e.sentence_index],
            )
        )
    return found


def build_report(folder: Path, sample: int, seed: int, workers: int) -> str:
    records, loaded = scan_folder(folder)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        found = [e for events in pool.map(events_of, loaded, chunksize=32) for e in events]
    kinds = Counter(e.kind for e in found)
    levels = Counter(e.level or "(none printed)" for e in found if e.kind == "disciplined")
    drawn = random.Random(seed).sample(found, min(sample, len(found)))
    lines = [
        f"# Personnel events report: {folder}",
        "",
        f"- files: {len(records)}, loaded articles: {len(loaded)}",
        f"- events: {len(found)} in {len({e.source_file for e in found})} articles,"
        f" with a post: {sum(1 for e in found if e.post)},"
        f" with a deciding body: {sum(1 for e in found if e.deciding_body)},"
        f" citing a decision: {sum(1 for e in found if e.decision)}",
        "",
        "## Events by kind",
        "",
        *[f"- {kind}: {count}" for kind, count in kinds.most_common()],
        "",
        "## Disciplinary levels",
        "",
        *[f"- {level}: {count}" for level, count in levels.most_common()],
        "",
        f"## Random sample of {len(drawn)} events (seed {seed})",
        "",
        "Judge each: kind, person, post, date.",
        "",
    ]
    for i, e in enumerate(drawn, 1):
        kind = f"{e.kind} ({e.level})" if e.level else e.kind
        details = [
            f"post: {e.post or '(none)'}",
            *([f"previous post: {e.previous_post}"] if e.previous_post else []),
            f"decided by: {e.deciding_body or '(not printed)'}",
            *([f"decision: {e.decision}"] if e.decision else []),
            f"date: {e.date}",
        ]
        lines += [
            f"{i}. **{kind}** — **{e.person}** — {'; '.join(details)}  ",
            f"   `{e.source_file}`: {e.sentence}",
            "",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parsed_arguments(report_arguments(__doc__), argv)
    emit(build_report(args.folder, args.sample, args.seed, args.workers), args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
