-- Co-attendance edge list: one row per pair of people who took part in at least one meeting
-- together (attendee, chair, speaker or presenter; a person only mentioned did not attend).
-- person_a < person_b (keys), so each pair appears once; load it into a graph tool as an
-- undirected edge list with dim_people as the node table. Meetings too large to pair
-- (fct_meetings.in_co_attendance false, var co_attendance_max_attendees) are left out.
with

attendance as (

    select distinct participants.meeting_key, participants.person_key, meetings.meeting_date
    from {{ ref('fct_meeting_participants') }} as participants
    inner join {{ ref('fct_meetings') }} as meetings on meetings.meeting_key = participants.meeting_key
    where participants.role <> 'mentioned' and meetings.in_co_attendance

),

pairs as (

    select
        first.person_key as person_a,
        second.person_key as person_b,
        count(distinct first.meeting_key) as meetings_together,
        min(first.meeting_date) as first_met_on,
        max(first.meeting_date) as last_met_on

    from attendance as first
    inner join attendance as second
        on second.meeting_key = first.meeting_key
        and second.person_key > first.person_key
    group by first.person_key, second.person_key

),

people as (

    select person_key, full_name from {{ ref('dim_people') }}

),

final as (

    select
        {{ hash_key(['pairs.person_a', 'pairs.person_b']) }} as co_attendance_key,
        pairs.person_a,
        pairs.person_b,
        person_a_names.full_name as person_a_name,
        person_b_names.full_name as person_b_name,
        pairs.meetings_together,
        pairs.first_met_on,
        pairs.last_met_on

    from pairs
    inner join people as person_a_names on person_a_names.person_key = pairs.person_a
    inner join people as person_b_names on person_b_names.person_key = pairs.person_b

)

select * from final
