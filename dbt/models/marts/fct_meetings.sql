-- One row per real meeting, however many articles report it (int_meetings_keyed). Date, kind and
-- time come from its best report: a curated date first, then a printed date, then an inferred
-- one, then the founding report.
with

meetings as (

    select * from {{ ref('int_meetings_keyed') }}

),

organizers as (

    select
        bridge.meeting_key,
        string_agg(distinct organizations.canonical_name, '; ' order by organizations.canonical_name) as organizers

    from {{ ref('bridge_meeting_organizers') }} as bridge
    inner join {{ ref('dim_organizations') }} as organizations
        on organizations.organization_key = bridge.organization_key
    group by bridge.meeting_key

),

participants as (

    select
        meeting_key,
        count(distinct person_key) as participant_count,
        count(distinct person_key) filter (where role <> 'mentioned') as attendee_count

    from {{ ref('fct_meeting_participants') }}
    group by meeting_key

),

reports as (

    select
        meeting_key,
        count(distinct article_key) as article_count,
        count(*) as report_count

    from meetings
    group by meeting_key

),

first_report as (

    select *
    from meetings
    qualify
        row_number() over (
            partition by meeting_key
            order by
                date_is_corrected desc,
                meeting_date is null asc,
                date_is_inferred asc nulls last,
                article_meeting_key = meeting_key desc,
                article_key asc,
                meeting_index asc
        ) = 1

),

final as (

    select
        first_report.meeting_key,
        first_report.meeting_date,
        coalesce(first_report.date_is_inferred, first_report.meeting_date is null) as date_is_inferred,
        first_report.date_is_corrected,
        first_report.date_basis,
        first_report.meeting_kind,
        first_report.time_of_day,
        first_report.date_text,
        first_report.article_key,
        first_report.meeting_index,
        coalesce(organizers.organizers, '') as organizers,
        reports.article_count,
        reports.report_count,
        {{ joined_text('first_report.link_reasons') }} as link_reasons,
        coalesce(participants.participant_count, 0) as participant_count,
        coalesce(participants.attendee_count, 0) as attendee_count,
        coalesce(participants.attendee_count, 0) <= {{ var('co_attendance_max_attendees') }} as in_co_attendance

    from first_report
    inner join reports on reports.meeting_key = first_report.meeting_key
    left join organizers on organizers.meeting_key = first_report.meeting_key
    left join participants on participants.meeting_key = first_report.meeting_key

)

select * from final
