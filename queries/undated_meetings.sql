-- Question: which meetings have no date, and which articles report them, so each can be fixed or judged?
--
-- One row per (meeting with a null meeting_date, article reporting it), oldest article first.
-- A date found by reading the article goes into the dbt seed meeting_date_corrections.
--
-- Columns:
--   meeting_key      key of the meeting (fct_meetings)
--   meeting_kind     kind of event as printed (hội nghị, buổi làm việc, ...)
--   time_of_day      part of day or time printed (sáng, chiều, ...); null when none
--   date_text        the date expression the best report prints, if any (it could not be read as a date)
--   organizers       canonical names of the organising bodies, joined by '; '
--   article_count    number of articles reporting the meeting
--   article_key      key of this reporting article (dim_articles)
--   title            headline of the article
--   source_file      path of the article's file, relative to the raw folder
--   published_at     publication timestamp as printed; null when not printed
--   source_outlet    news outlet the article credits
--   meeting_index    position of the meeting among the article's meetings
--   date_text_here   the date expression as this article prints it
--   evidence         the article's text where it reports the meeting (up to 300 characters)
--
-- Caveats:
--   * A meeting reported by several articles gives several rows: count distinct meeting_key
--     for the number of undated meetings.
--   * When published_at is null too, nothing in the warehouse dates the meeting; read the file.
--
-- Run it:
--   duckdb -readonly warehouse/warehouse.duckdb < queries/undated_meetings.sql
--   python: duckdb.connect("warehouse/warehouse.duckdb", read_only=True).sql(open("queries/undated_meetings.sql").read())

with undated as (
    select meeting_key, meeting_kind, time_of_day, date_text, organizers, article_count, article_key, meeting_index
    from fct_meetings
    where meeting_date is null
),

-- The reports of each undated meeting: bridge_meeting_articles, and the best report in case the
-- bridge lacks it.
reports as (
    select
        bridge.meeting_key,
        bridge.article_key,
        bridge.meeting_index,
        bridge.date_text as date_text_here,
        bridge.char_start,
        bridge.char_end
    from bridge_meeting_articles as bridge
    semi join undated using (meeting_key)
    union all
    select
        undated.meeting_key,
        undated.article_key,
        undated.meeting_index,
        undated.date_text as date_text_here,
        null::integer as char_start,
        null::integer as char_end
    from undated
    anti join bridge_meeting_articles as bridge using (meeting_key, article_key)
)

select
    undated.meeting_key,
    undated.meeting_kind,
    undated.time_of_day,
    undated.date_text,
    undated.organizers,
    undated.article_count,
    reports.article_key,
    articles.title,
    articles.source_file,
    articles.published_at,
    articles.source_outlet,
    reports.meeting_index,
    reports.date_text_here,
    left(substring(articles.clean_text, reports.char_start + 1, reports.char_end - reports.char_start), 300) as evidence
from undated
join reports using (meeting_key)
join dim_articles as articles on articles.article_key = reports.article_key
order by articles.published_at nulls last, articles.source_file, reports.meeting_index, undated.meeting_key;
