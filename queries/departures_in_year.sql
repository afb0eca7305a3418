-- Question: who left office in a given year, and why?
--
-- Choose the year with a DuckDB variable before running the file (same session):
--   SET VARIABLE year = 2023;
-- Without it the year with the most departures is used, so the file runs as it is.
--
-- One row per tenure (dim_person_positions) that ended that year, by date.
--
-- Columns:
--   end_date         when the tenure ended
--   end_reason       relieved, retired, resigned, disciplined, assigned (transferred away), died,
--                    stated_former (a later article calls the post former), or succeeded (a
--                    single-seat post another person is first seen in later)
--   end_basis        'event' (a reported event ended it) or 'last_seen' (the last sighting before
--                    the post was called former or a successor was seen: it ended after that)
--   discipline_level for a removal by discipline: cách chức or khai trừ
--   deciding_body    who decided, as the ending event prints it
--   person_key       key of the person (dim_people)
--   full_name        displayed name
--   title            the post left, in one spelling
--   organization     canonical name of its body
--   start_date       when the tenure started
--   next_title       for a transfer, the post taken instead
--   article_key      the article reporting the end (the ending event's); null for stated_former
--                    and succeeded
--
-- Caveats:
--   * A death or a retirement from every post ends each post the person was still seen in.
--   * Tenures whose end no article reports are not listed: their status stays current or unknown.
--
-- Run it:
--   duckdb -readonly -cmd "SET VARIABLE year = 2023" warehouse/warehouse.duckdb < queries/departures_in_year.sql
--   duckdb -readonly warehouse/warehouse.duckdb < queries/departures_in_year.sql
--   python: con = duckdb.connect("warehouse/warehouse.duckdb", read_only=True)
--           con.execute("SET VARIABLE year = ?", [2023])
--           con.sql(open("queries/departures_in_year.sql").read())

with ended as (
    select * from dim_person_positions
    where end_date is not null
),

asked as (
    select coalesce(
        getvariable('year')::integer,
        (select year(end_date) from ended group by 1 order by count(*) desc, 1 desc limit 1)
    ) as year
)

select
    ended.end_date,
    ended.end_reason,
    ended.end_basis,
    events.discipline_level,
    events.deciding_body,
    ended.person_key,
    ended.full_name,
    ended.title,
    ended.organization_name as organization,
    ended.start_date,
    case when events.kind = 'assigned' then events.canonical_title end as next_title,
    events.article_key
from ended
cross join asked
left join fct_personnel_events as events on events.personnel_event_key = ended.end_event_key
where year(ended.end_date) = asked.year
order by ended.end_date, ended.full_name, ended.title;
