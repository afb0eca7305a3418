-- Question: which appointments did a given body decide in a given year?
--
-- Choose the body and the year with DuckDB variables before running the file (same session):
--   SET VARIABLE body = 'Bộ Chính trị';   -- matched in the deciding body as printed, ignoring case
--   SET VARIABLE year = 2023;
-- Without `body` every deciding body is listed; without `year` the year with the most such
-- events is used, so the file runs as it is.
--
-- One row per event that starts a post (appointed, elected, re-elected, assigned, acting) in
-- fct_personnel_events, by date.
--
-- Columns:
--   event_on         the date the event holds on (printed, else effective, else the article's date)
--   event_on_basis   printed / effective / article
--   kind             appointed, elected, re_elected, assigned (a transfer) or acting
--   deciding_body    who decided, as printed ('Bộ Chính trị', 'Thủ tướng Chính phủ')
--   person_key       key of the person (dim_people)
--   full_name        displayed name
--   title            the post taken, in one spelling
--   previous_title   for a transfer, the post it ends
--   decision_number  the decision cited, e.g. '125-QĐ/TU'; null when none
--   decision_date    its date, when printed
--   effective_date   when the post is taken, when printed
--   article_key      the article reporting it (dim_articles)
--   source_outlet    its outlet
--   url              its URL, when known
--
-- Caveats:
--   * An event several articles report is one row per article.
--   * The deciding body is what the sentence prints: a decision announced by someone on a
--     body's behalf may name the announcer's body.
--
-- Run it:
--   duckdb -readonly -cmd "SET VARIABLE body = 'Bộ Chính trị'" warehouse/warehouse.duckdb < queries/appointments_by_body_in_year.sql
--   duckdb -readonly warehouse/warehouse.duckdb < queries/appointments_by_body_in_year.sql
--   python: con = duckdb.connect("warehouse/warehouse.duckdb", read_only=True)
--           con.execute("SET VARIABLE body = ?", ["Bộ Chính trị"])
--           con.sql(open("queries/appointments_by_body_in_year.sql").read())

with appointments as (
    select *
    from fct_personnel_events
    where kind in ('appointed', 'elected', 're_elected', 'assigned', 'acting')
        and (
            nullif(trim(getvariable('body')::varchar), '') is null
            or deciding_body ilike '%' || trim(nfc_normalize(getvariable('body')::varchar)) || '%'
        )
),

asked as (
    select coalesce(
        getvariable('year')::integer,
        (select year(event_on) from appointments group by 1 order by count(*) desc, 1 desc limit 1)
    ) as year
)

select
    appointments.event_on,
    appointments.event_on_basis,
    appointments.kind,
    appointments.deciding_body,
    appointments.person_key,
    people.full_name,
    appointments.canonical_title as title,
    appointments.previous_canonical_title as previous_title,
    appointments.decision_number,
    appointments.decision_date,
    appointments.effective_date,
    appointments.article_key,
    articles.source_outlet,
    articles.url
from appointments
cross join asked
join dim_people as people using (person_key)
join dim_articles as articles using (article_key)
where year(appointments.event_on) = asked.year
order by appointments.event_on, people.full_name, appointments.article_key;
