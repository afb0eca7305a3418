-- Question: how many meetings took place in each month, with the undated meetings counted apart?
--
-- One row per month that has at least one dated meeting, oldest first, then one row with a null
-- month for the meetings whose date is unknown (that row is absent when every meeting has a date).
--
-- Columns:
--   month                first day of the month (DATE); null on the row of the undated meetings
--   meeting_count        number of meetings (fct_meetings rows) dated in that month
--   inferred_date_count  how many of them have a date whose year or day was not printed beside the event
--   article_count        number of distinct articles reporting those meetings
--
-- Caveats:
--   * A meeting reported by several articles is one row of fct_meetings and is counted once.
--   * Months without any meeting are not listed (no zero rows): a misread year would otherwise
--     pad the result with decades of empty months.
--   * Inferred dates (date_is_inferred) may sit in the wrong month or year; inferred_date_count
--     says how many of the month's meetings are such. It is 0 on the null-month row.
--   * meeting_count summed over all rows, the null-month row included, equals count(*) of fct_meetings.
--   * An article reporting meetings of two months counts in both months' article_count.
--
-- Run it:
--   duckdb -readonly warehouse/warehouse.duckdb < queries/meetings_per_month.sql
--   python: duckdb.connect("warehouse/warehouse.duckdb", read_only=True).sql(open("queries/meetings_per_month.sql").read())

with meetings as (
    select
        meeting_key,
        date_trunc('month', meeting_date)::date as month,
        meeting_date is not null and date_is_inferred as has_inferred_date
    from fct_meetings
),

-- Every article reporting a meeting; fct_meetings.article_key is the best report and always one of them.
meeting_articles as (
    select meeting_key, article_key from bridge_meeting_articles
    union
    select meeting_key, article_key from fct_meetings
)

select
    meetings.month,
    count(distinct meetings.meeting_key) as meeting_count,
    count(distinct meetings.meeting_key) filter (where meetings.has_inferred_date) as inferred_date_count,
    count(distinct meeting_articles.article_key) as article_count
from meetings
left join meeting_articles using (meeting_key)
group by meetings.month
order by meetings.month nulls last;
