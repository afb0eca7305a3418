-- Question: who held a given post on a given date?
--
-- Choose the post and the date with DuckDB variables before running the file (same session):
--   SET VARIABLE post = 'Bí thư Tỉnh ủy Hòa Bình';   -- matched in the title, ignoring case
--   SET VARIABLE on_date = DATE '2023-03-20';
-- Without `post` every post is listed; without `on_date` the date is the newest date the
-- warehouse knows a tenure by (its latest start, end or sighting), so the file runs as it is.
--
-- One row per tenure (dim_person_positions) held that day, by title then start.
--
-- Columns:
--   on_date          the date asked about
--   title            the post in one spelling, e.g. 'Bí thư Tỉnh ủy Hòa Bình'
--   organization     canonical name of the post's body; null when the warehouse knows none
--   person_key       key of the holder (dim_people)
--   full_name        displayed name of the holder
--   start_date       when the tenure started
--   start_basis      'event' (an appointment, election, transfer reported) or 'first_seen'
--   end_date         when it ended, if it did
--   end_reason       why it ended (relieved, retired, resigned, disciplined, assigned, died, stated_former,
--                    succeeded)
--   status           current / ended / unknown
--   last_seen_on     the last date an article stated the post as held
--   held_by          'tenure' (the date lies between start and end, or last seen) or
--                    'presumed' (after the last sighting of a tenure that is current)
--
-- Caveats:
--   * A tenure started 'first_seen' started no later than that; a holder before the first
--     article that names them is not listed.
--   * Two holders of a single-seat post on one date are listed both: qa_position_overlaps has them.
--
-- Run it:
--   duckdb -readonly -cmd "SET VARIABLE post = 'Bí thư Tỉnh ủy'" warehouse/warehouse.duckdb < queries/post_holders_on_date.sql
--   duckdb -readonly warehouse/warehouse.duckdb < queries/post_holders_on_date.sql
--   python: con = duckdb.connect("warehouse/warehouse.duckdb", read_only=True)
--           con.execute("SET VARIABLE post = ?", ["Bí thư Tỉnh ủy"])
--           con.sql(open("queries/post_holders_on_date.sql").read())

with asked as (
    select
        nullif(trim(nfc_normalize(getvariable('post')::varchar)), '') as post,
        coalesce(
            getvariable('on_date')::date,
            (select max(greatest(start_date, end_date, last_seen_on)) from dim_person_positions)
        ) as on_date
)

select
    asked.on_date,
    positions.title,
    positions.organization_name as organization,
    positions.person_key,
    positions.full_name,
    positions.start_date,
    positions.start_basis,
    positions.end_date,
    positions.end_reason,
    positions.status,
    positions.last_seen_on,
    case
        when asked.on_date <= coalesce(positions.end_date, positions.last_seen_on, positions.start_date) then 'tenure'
        else 'presumed'
    end as held_by
from dim_person_positions as positions
cross join asked
where positions.start_date <= asked.on_date
    and (asked.post is null or positions.title ilike '%' || asked.post || '%')
    and (
        asked.on_date < positions.end_date
        or (positions.end_date is null and asked.on_date <= coalesce(positions.last_seen_on, positions.start_date))
        or (positions.end_date is null and positions.status = 'current')
    )
order by positions.title, positions.start_date, positions.full_name;
