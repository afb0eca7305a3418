-- One row per person: everything an analyst asks first about someone. Posts over time (from
-- dim_person_positions, oldest first), meetings attended, roles taken, and the people met most.
with

people as (

    select * from {{ ref('dim_people') }}

),

positions as (

    select * from {{ ref('dim_person_positions') }}

),

post_history as (

    select
        person_key,
        string_agg(
            title || ' (' || coalesce(strftime(first_seen_on, '%Y-%m-%d'), '?')
            || ' – ' || coalesce(strftime(last_seen_on, '%Y-%m-%d'), '?') || ')',
            '; '
            order by first_seen_on nulls last, title
        ) as posts,
        arg_max(title, (coalesce(last_seen_on, date '0001-01-01'), article_count, title)) as latest_title,
        count(*) as post_count

    from positions
    group by person_key

),

participation as (

    select
        participants.person_key,
        count(distinct participants.meeting_key) filter (where participants.role <> 'mentioned')
            as meetings_attended,
        count(distinct participants.meeting_key) filter (where participants.role = 'chair') as meetings_chaired,
        count(distinct participants.meeting_key) filter (where participants.role = 'speaker') as meetings_spoken_at,
        min(meetings.meeting_date) filter (where participants.role <> 'mentioned') as first_meeting_on,
        max(meetings.meeting_date) filter (where participants.role <> 'mentioned') as last_meeting_on

    from {{ ref('fct_meeting_participants') }} as participants
    inner join {{ ref('fct_meetings') }} as meetings on meetings.meeting_key = participants.meeting_key
    group by participants.person_key

),

edges as (

    select person_a as person_key, person_b_name as other_name, meetings_together from {{ ref('fct_co_attendance') }}
    union all
    select person_b, person_a_name, meetings_together from {{ ref('fct_co_attendance') }}

),

co_attendees as (

    select
        person_key,
        count(*) as co_attendee_count,
        list(other_name order by meetings_together desc, other_name asc)[1:5] as top_co_attendees

    from edges
    group by person_key

),

final as (

    select
        people.person_key,
        people.full_name,
        people.match_reason,
        post_history.latest_title,
        coalesce(post_history.post_count, 0) as post_count,
        coalesce(post_history.posts, '') as posts,
        coalesce(participation.meetings_attended, 0) as meetings_attended,
        coalesce(participation.meetings_chaired, 0) as meetings_chaired,
        coalesce(participation.meetings_spoken_at, 0) as meetings_spoken_at,
        participation.first_meeting_on,
        participation.last_meeting_on,
        coalesce(co_attendees.co_attendee_count, 0) as co_attendee_count,
        {{ joined_text('co_attendees.top_co_attendees') }} as top_co_attendees,
        people.article_count,
        people.first_seen_on,
        people.last_seen_on

    from people
    left join post_history on post_history.person_key = people.person_key
    left join participation on participation.person_key = people.person_key
    left join co_attendees on co_attendees.person_key = people.person_key

)

select * from final
