-- Question: what is a given person's career, as a timeline?
--
-- Choose the person with a DuckDB variable before running the file (same session):
--   SET VARIABLE person = 'Nguyễn Văn A';
-- The name is matched on dim_people.full_name and its spelling variants, ignoring case and tone
-- marks. Without the variable the person with the most personnel events (then the most
-- positions) is shown, so the file runs as it is.
--
-- One row per personnel event of the person and per tenure they held (its start), by date.
--
-- Columns:
--   person_key       key of the person (dim_people)
--   full_name        displayed name
--   on_date          the event's date, or the tenure's start
--   entry            'event' (fct_personnel_events) or 'tenure' (dim_person_positions)
--   kind             the event's kind (appointed ... died), or 'held' for a tenure
--   title            the post, in one spelling
--   detail           an event's deciding body, decision and level; a tenure's end and status
--   end_date         a tenure's end, when known
--   article_key      the event's article; null for a tenure (dim_person_positions.article_keys)
--
-- Caveats:
--   * A tenure's start is 'first_seen' when no event started it: the person held it by then.
--   * A name with several holders returns each: tell them apart by person_key.
--
-- Run it:
--   duckdb -readonly -cmd "SET VARIABLE person = 'Nguyễn Văn A'" warehouse/warehouse.duckdb < queries/career_timeline.sql
--   duckdb -readonly warehouse/warehouse.duckdb < queries/career_timeline.sql
--   python: con = duckdb.connect("warehouse/warehouse.duckdb", read_only=True)
--           con.execute("SET VARIABLE person = ?", ["Nguyễn Văn A"])
--           con.sql(open("queries/career_timeline.sql").read())

with requested as (
    select strip_accents(lower(nullif(trim(nfc_normalize(getvariable('person')::varchar)), ''))) as name
),

-- The variants are matched in their text form, whether the column is a list or text joined by '; '.
chosen as (
    select people.person_key
    from dim_people as people
    cross join requested
    where requested.name is not null
        and (
            strip_accents(lower(people.full_name)) = requested.name
            or list_contains(
                string_split(
                    regexp_replace(strip_accents(lower(people.spelling_variants::varchar)), '^\[|\]$|, ', '; ', 'g'),
                    '; '
                ),
                requested.name
            )
        )
    union
    select person_key
    from (
        select people.person_key
        from dim_people as people
        left join fct_personnel_events as events using (person_key)
        left join dim_person_positions as positions using (person_key)
        where (select name from requested) is null
        group by people.person_key
        order by count(distinct events.personnel_event_key) desc, count(distinct positions.position_key) desc,
            people.person_key
        limit 1
    )
),

timeline as (
    select
        events.person_key,
        events.event_on as on_date,
        'event' as entry,
        events.kind,
        events.canonical_title as title,
        concat_ws('; ', events.deciding_body, events.decision_number, events.discipline_level) as detail,
        null::date as end_date,
        events.article_key
    from fct_personnel_events as events
    join chosen using (person_key)
    union all
    select
        positions.person_key,
        positions.start_date as on_date,
        'tenure' as entry,
        'held' as kind,
        positions.title,
        concat_ws('; ', 'start ' || positions.start_basis, 'end ' || positions.end_reason, positions.status) as detail,
        positions.end_date,
        null as article_key
    from dim_person_positions as positions
    join chosen using (person_key)
)

select
    timeline.person_key,
    people.full_name,
    timeline.on_date,
    timeline.entry,
    timeline.kind,
    timeline.title,
    timeline.detail,
    timeline.end_date,
    timeline.article_key
from timeline
join dim_people as people using (person_key)
order by people.full_name, timeline.person_key, timeline.on_date nulls last, timeline.entry, timeline.title;
