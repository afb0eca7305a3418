-- Question: who attended the most meetings, and in what roles?
--
-- The 20 people with a role at the most distinct meetings, most first. A person counts at a
-- meeting when they attended, chaired, spoke or presented at it (role 'mentioned' is not attendance).
--
-- Columns:
--   attendance_rank     rank by meeting_count (ties share a rank, as in rank())
--   person_key          key of the person (dim_people)
--   full_name           displayed full name
--   meeting_count       number of distinct meetings the person attended in any of the four roles
--   chaired_count       of those, meetings the person chaired
--   spoke_count         meetings the person spoke at
--   presented_count     meetings the person presented at
--   attended_count      meetings the person is listed at as a plain attendee
--   role_mix            the roles held, most meetings first, e.g. 'chair 3, speaker 2, attendee 1'
--   first_meeting_on    date of the person's earliest dated meeting (null when none is dated)
--   last_meeting_on     date of the person's latest dated meeting
--
-- Caveats:
--   * One person may hold several roles at one meeting (chair and speaker): the meeting counts
--     once in meeting_count and once in each role count, so the role counts can add up to more.
--   * Ties at the 20th place are cut by name, then person_key; attendance_rank shows the ties.
--   * People are as resolved in dim_people: one shared name can be several people (see match_reason).
--
-- Run it:
--   duckdb -readonly warehouse/warehouse.duckdb < queries/most_active_attendees.sql
--   python: duckdb.connect("warehouse/warehouse.duckdb", read_only=True).sql(open("queries/most_active_attendees.sql").read())

with attendance as (
    select distinct participants.meeting_key, participants.person_key, participants.role, meetings.meeting_date
    from fct_meeting_participants as participants
    join fct_meetings as meetings using (meeting_key)
    where participants.role in ('attendee', 'chair', 'speaker', 'presenter')
),

per_role as (
    select person_key, role, count(distinct meeting_key) as role_meetings
    from attendance
    group by person_key, role
),

role_mixes as (
    select
        person_key,
        string_agg(role || ' ' || role_meetings, ', ' order by role_meetings desc, role) as role_mix
    from per_role
    group by person_key
),

per_person as (
    select
        person_key,
        count(distinct meeting_key) as meeting_count,
        count(distinct meeting_key) filter (where role = 'chair') as chaired_count,
        count(distinct meeting_key) filter (where role = 'speaker') as spoke_count,
        count(distinct meeting_key) filter (where role = 'presenter') as presented_count,
        count(distinct meeting_key) filter (where role = 'attendee') as attended_count,
        min(meeting_date) as first_meeting_on,
        max(meeting_date) as last_meeting_on
    from attendance
    group by person_key
)

select
    rank() over (order by per_person.meeting_count desc) as attendance_rank,
    per_person.person_key,
    people.full_name,
    per_person.meeting_count,
    per_person.chaired_count,
    per_person.spoke_count,
    per_person.presented_count,
    per_person.attended_count,
    role_mixes.role_mix,
    per_person.first_meeting_on,
    per_person.last_meeting_on
from per_person
join dim_people as people using (person_key)
join role_mixes using (person_key)
order by per_person.meeting_count desc, people.full_name, per_person.person_key
limit 20;
