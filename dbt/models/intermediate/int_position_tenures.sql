-- What personnel events say of each position (dim_person_positions.position_key): the event that
-- started it (the earliest appointment, election, transfer to it or acting assignment) and the one
-- that ended it (the earliest relief, retirement, resignation, removal by discipline, or transfer
-- away from it, on or after the start). A position only events name (a post taken the articles
-- never state otherwise, a former post an obituary or a discipline names) has its row here too.
-- A death, or a retirement with no post printed, ends every position of the person: that is
-- int_person_exits.
with

events as (

    select * from {{ ref('int_personnel_events') }}

),

-- each event once for the post it is about and, for a transfer, once more for the post it leaves
-- (role `ended_by_transfer`), dated by its effective date, else its date
named as (

    select
        position_key,
        person_key,
        post,
        organization_key,
        canonical_title,
        coalesce(effective_date, event_on) as on_date,
        personnel_event_key,
        kind,
        discipline_level,
        article_key,
        false as ended_by_transfer

    from events
    where position_key is not null

    union all

    select
        previous_position_key as position_key,
        person_key,
        previous_post as post,
        previous_organization_key as organization_key,
        previous_canonical_title as canonical_title,
        coalesce(effective_date, event_on) as on_date,
        personnel_event_key,
        kind,
        discipline_level,
        article_key,
        true as ended_by_transfer

    from events
    where kind = 'assigned' and previous_position_key is not null

),

starts as (

    select * from named
    where not ended_by_transfer and kind in ('appointed', 'elected', 're_elected', 'assigned', 'acting')

),

ends as (

    select * from named
    where ended_by_transfer
        or kind in ('relieved', 'retired', 'resigned')
        or (kind = 'disciplined' and discipline_level in ('cách chức', 'khai trừ'))

),

first_starts as (

    select
        position_key,
        arg_min(on_date, (on_date, personnel_event_key)) as start_date,
        arg_min(personnel_event_key, (on_date, personnel_event_key)) as start_event_key

    from starts
    group by position_key

),

first_ends as (

    select
        ends.position_key,
        arg_min(ends.on_date, (ends.on_date, ends.personnel_event_key)) as end_date,
        arg_min(ends.personnel_event_key, (ends.on_date, ends.personnel_event_key)) as end_event_key,
        arg_min(ends.kind, (ends.on_date, ends.personnel_event_key)) as end_reason

    from ends
    left join first_starts on first_starts.position_key = ends.position_key
    where first_starts.start_date is null or ends.on_date >= first_starts.start_date
    group by ends.position_key

),

described as (

    select
        position_key,
        any_value(person_key) as person_key,
        min(post) as post,
        any_value(organization_key) as organization_key,
        min(canonical_title) as canonical_title,
        count(distinct personnel_event_key) as event_count,
        list(distinct article_key order by article_key) as article_keys

    from named
    group by position_key

),

final as (

    select
        described.position_key,
        described.person_key,
        described.post,
        described.organization_key,
        described.canonical_title,
        first_starts.start_date,
        first_starts.start_event_key,
        first_ends.end_date,
        first_ends.end_event_key,
        first_ends.end_reason,
        described.event_count,
        described.article_keys

    from described
    left join first_starts on first_starts.position_key = described.position_key
    left join first_ends on first_ends.position_key = described.position_key

)

select * from final
