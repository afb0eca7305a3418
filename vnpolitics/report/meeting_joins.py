"""A random sample of meetings the warehouse joined from several articles, for a human to judge.

Joining reports of different outlets into one meeting (``int_meeting_links``, reason "same
meeting": same date, shared bodies and people) is a guess the scorers never see: their gold is
per article. So the quality report draws meetings joined this way and prints, per report, the
article, the date as printed and the sentence that tells of the meeting, with the people they
share; a reader marks each meeting right or wrong.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

# Meetings joined for the "same meeting" reason, drawn by a seeded hash (stable for a seed), with
# each report's sentence and the people the meeting's reports name as taking part.
_SAMPLE_SQL = """
with joined as (
    select meeting_key, meeting_date
    from main.fct_meetings
    where list_contains(string_split(link_reasons, '; '), 'same meeting')
    order by hash(meeting_key || ?), meeting_key
    limit ?
),

reports as (
    select
        joined.meeting_key,
        joined.meeting_date,
        articles.source_file,
        coalesce(articles.title, '') as title,
        coalesce(bridge.date_text, '') as date_text,
        substr(articles.clean_text, bridge.char_start + 1, bridge.char_end - bridge.char_start) as sentence
    from joined
    inner join main.bridge_meeting_articles as bridge on bridge.meeting_key = joined.meeting_key
    inner join main.dim_articles as articles on articles.article_key = bridge.article_key
),

people as (
    select participants.meeting_key, string_agg(distinct dim_people.full_name, ', ') as names
    from main.fct_meeting_participants as participants
    inner join joined on joined.meeting_key = participants.meeting_key
    inner join main.dim_people on dim_people.person_key = participants.person_key
    where participants.role <> 'mentioned'
    group by participants.meeting_key
)

select reports.*, coalesce(people.names, '') as names
from reports
left join people on people.meeting_key = reports.meeting_key
order by hash(reports.meeting_key || ?), reports.meeting_key, reports.source_file
"""


def joined_meetings_section(warehouse: Path, sample: int, seed: int) -> list[str]:
    """Markdown lines: ``sample`` meetings joined from several articles, each report's sentence."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(_SAMPLE_SQL, [str(seed), sample, str(seed)]).fetchall()
    finally:
        con.close()
    lines = [f"## Random sample of meetings joined across articles (seed {seed})", ""]
    current = None
    number = 0
    for meeting_key, meeting_date, source, title, date_text, sentence, names in rows:
        if meeting_key != current:
            current, number = meeting_key, number + 1
            heading = f"{number}. **{meeting_date or 'no date'}** `{meeting_key}`"
            lines += ["", f"{heading} — taking part: {names or '-'}"]
        lines.append(f"   - `{source}` ({title[:80]}) *{date_text}*: {' '.join(sentence.split())[:400]}")
    if number == 0:
        lines.append("(no meeting was joined from several articles)")
    return lines + [""]
