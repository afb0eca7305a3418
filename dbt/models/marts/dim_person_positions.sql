-- Position history: one row per (person, post in a body) over every article that states it, with
-- the first and last date it was observed on, and its tenure: when it started and ended, on what
-- basis, and whether it is current. A post without a known body is keyed by its canonical title.
-- Posts printed as former ("nguyên") say nothing of when they were held, so they are left out as
-- statements (they stay in fct_person_titles with is_former), but a former statement after the
-- last time the post was stated as held says it has ended.
--
-- Tenure (after OpenSanctions' Occupancy): start_date is the event that started the position
-- (int_position_tenures: an appointment, election, transfer) else first_seen_on; end_date the
-- event that ended it (a relief, retirement, resignation, removal, transfer away), else a death
-- or a retirement from every post (int_person_exits) when the position was still seen within
-- position_current_days of it, else last_seen_on when a later article calls the post former or
-- another person is seen in it later and it is a single-seat post of one body (seed
-- single_seat_posts: one holder at a time, so the earlier tenure had ended by the time the next
-- holder took the seat; the last day it was stated held is what the articles know of its end;
-- a body is one when central or placed: "Sở Tài chính" without its province is many).
-- status: ended when an end is known; current when last seen (or started) within
-- position_current_days of the newest article; unknown otherwise.
with

titles as (

    select
        {{ position_key('person_key', 'post', 'organization_key', 'canonical_title') }} as position_key,
        *
    from {{ ref('fct_person_titles') }}

),

stated as (

    select * from titles
    where not is_former

),

people as (

    select person_key, full_name from {{ ref('dim_people') }}

),

organizations as (

    select organization_key, canonical_name, organization_kind, organization_level, place
    from {{ ref('dim_organizations') }}

),

seats as (

    select * from {{ ref('single_seat_posts') }}

),

tenures as (

    select * from {{ ref('int_position_tenures') }}

),

exits as (

    select * from {{ ref('int_person_exits') }}

),

newest as (

    select max(observed_on) as newest_on from {{ ref('int_article_dates') }}

),

titled as (

    select position_key, canonical_title, count(*) as statement_count
    from stated
    group by position_key, canonical_title

),

observed as (

    select
        stated.position_key,
        any_value(stated.person_key) as person_key,
        any_value(stated.organization_key) as organization_key,
        min(stated.post) as post,
        min(stated.observed_on) as first_seen_on,
        max(stated.observed_on) as last_seen_on,
        count(distinct stated.article_key) as article_count,
        sum(stated.statement_count)::bigint as statement_count,
        list(distinct stated.article_key order by stated.article_key) as article_keys

    from stated
    group by stated.position_key

),

displayed as (

    select position_key, arg_min(canonical_title, (-statement_count, canonical_title)) as title
    from titled
    group by position_key

),

formerly as (

    select position_key, max(observed_on) as former_seen_on
    from titles
    where is_former
    group by position_key

),

positions as (

    select
        coalesce(observed.position_key, tenures.position_key) as position_key,
        coalesce(observed.person_key, tenures.person_key) as person_key,
        coalesce(displayed.title, tenures.canonical_title) as title,
        coalesce(observed.post, tenures.post) as post,
        coalesce(observed.organization_key, tenures.organization_key) as organization_key,
        observed.first_seen_on,
        observed.last_seen_on,
        coalesce(observed.article_count, 0) as article_count,
        coalesce(observed.statement_count, 0)::bigint as statement_count,
        tenures.start_date as event_start_date,
        tenures.end_date as event_end_date,
        tenures.end_reason as event_end_reason,
        tenures.start_event_key,
        tenures.end_event_key,
        -- text, not a list: BI tools read list columns as unknown types
        array_to_string(list_sort(list_distinct(list_concat(
            coalesce(observed.article_keys, []::varchar[]), coalesce(tenures.article_keys, []::varchar[])
        ))), '; ') as article_keys

    from observed
    left join displayed on displayed.position_key = observed.position_key
    full outer join tenures on tenures.position_key = observed.position_key

),

started as (

    select
        positions.*,
        coalesce(positions.event_start_date, positions.first_seen_on) as start_date,
        case
            when positions.event_start_date is not null then 'event'
            when positions.first_seen_on is not null then 'first_seen'
        end as start_basis

    from positions

),

-- an end is taken only on or after the start: dates that contradict each other end nothing
ended as (

    select
        started.*,
        coalesce(started.event_end_date >= coalesce(started.start_date, started.event_end_date), false)
            as ended_by_event,
        coalesce(
            started.event_end_date is null
            and exits.exit_date >= coalesce(started.start_date, exits.exit_date)
            and coalesce(started.last_seen_on, started.event_start_date)
            >= exits.exit_date - {{ var('position_current_days') }},
            false
        ) as ended_by_exit,
        exits.exit_date,
        exits.exit_reason,
        exits.exit_event_key,
        coalesce(formerly.former_seen_on > started.last_seen_on, false) as ended_by_former

    from started
    left join exits on exits.person_key = started.person_key
    left join formerly on formerly.position_key = started.position_key

),

-- which of them are single-seat posts, and whether anything but a successor ended them
seated as (

    select
        ended.*,
        organizations.organization_kind,
        exists(
            select 1 from seats
            where seats.post = ended.post
                and seats.organization_kind = organizations.organization_kind
                and coalesce(nullif(seats.organization_level, ''), organizations.organization_level)
                = organizations.organization_level
        ) as is_single_seat,
        ended.ended_by_event or ended.ended_by_exit or ended.ended_by_former as ended_otherwise,
        -- one body, not a kind of body printed without its place ("Sở Tài chính", "Ủy ban nhân
        -- dân xã"), which many provinces' or communes' posts share
        coalesce(organizations.organization_level = 'central' or organizations.place is not null, false)
            as names_one_body

    from ended
    left join organizations on organizations.organization_key = ended.organization_key

),

-- a single-seat tenure nothing else ended, with another person's tenure of the seat starting after
-- it was last known held: its first such successor
succeeded as (

    select
        earlier.position_key,
        arg_min(later.position_key, (later.start_date, later.position_key)) as successor_position_key

    from seated as earlier
    inner join seated as later
        on later.organization_key = earlier.organization_key
        and later.post = earlier.post
        and later.person_key <> earlier.person_key
        and later.is_single_seat
        and later.title is not null
        and later.start_date > greatest(earlier.last_seen_on, earlier.start_date)
    where earlier.is_single_seat and earlier.names_one_body and not earlier.ended_otherwise
    group by earlier.position_key

),

final as (

    select
        ended.position_key,
        ended.person_key,
        people.full_name,
        ended.title,
        ended.post,
        ended.organization_key,
        organizations.canonical_name as organization_name,
        organizations.organization_level,
        ended.first_seen_on,
        ended.last_seen_on,
        ended.article_count,
        ended.statement_count,
        ended.article_keys,
        ended.start_date,
        ended.start_basis,
        ended.start_event_key,
        case
            when ended.ended_by_event then ended.event_end_date
            when ended.ended_by_exit then ended.exit_date
            when ended.ended_by_former then ended.last_seen_on
            when succeeded.position_key is not null then greatest(ended.last_seen_on, ended.start_date)
        end as end_date,
        case
            when ended.ended_by_event or ended.ended_by_exit then 'event'
            when ended.ended_by_former or succeeded.position_key is not null then 'last_seen'
        end as end_basis,
        case
            when ended.ended_by_event then ended.event_end_reason
            when ended.ended_by_exit then ended.exit_reason
            when ended.ended_by_former then 'stated_former'
            when succeeded.position_key is not null then 'succeeded'
        end as end_reason,
        case
            when ended.ended_by_event then ended.end_event_key
            when ended.ended_by_exit then ended.exit_event_key
        end as end_event_key,
        succeeded.successor_position_key,
        ended.is_single_seat,
        case
            when ended.ended_otherwise or succeeded.position_key is not null then 'ended'
            when coalesce(ended.last_seen_on, ended.start_date)
                >= newest.newest_on - {{ var('position_current_days') }} then 'current'
            else 'unknown'
        end as status

    from seated as ended
    cross join newest
    inner join people on people.person_key = ended.person_key
    left join organizations on organizations.organization_key = ended.organization_key
    left join succeeded on succeeded.position_key = ended.position_key
    where ended.title is not null and ended.post is not null

)

select * from final
