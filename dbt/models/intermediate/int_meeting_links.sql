-- Pairs of reports (of different articles) that tell of one real meeting:
--   'republished': the two articles are one story (int_article_republications) and the reports
--     stand at the same position in each (meeting_index);
--   'same meeting': the same date, no clash of time of day (sáng / chiều), and shared organising
--     bodies plus shared participants (attendees, chairs, speakers, presenters; resolved keys)
--     reaching var('same_meeting_min_overlap'), one person among them at least. A year that only
--     the crawl time gives (date_basis 'file_time') is no evidence: such reports are joined only
--     when republished. A press conference or a voters' meeting (var('report_only_kinds')) is its
--     own event, joined with no report of another kind. And the two must tell of one topic: at
--     least var('same_meeting_min_topic_share') of the smaller report's word pairs
--     (int_meeting_report_topics) stand in the other's.
with

reports as (

    select * from {{ ref('int_meeting_reports') }}

),

republished as (

    select
        first.article_meeting_key as report_key,
        second.article_meeting_key as other_report_key,
        'republished' as link_reason,
        pairs.shared_sentence_count as evidence_count

    from {{ ref('int_article_republications') }} as pairs
    inner join reports as first on first.article_key = pairs.article_key
    inner join reports as second
        on second.article_key = pairs.other_article_key
        and second.meeting_index = first.meeting_index

),

person_keys as (

    select article_key, name_key, person_key from {{ ref('int_person_clusters') }}

),

report_entities as (

    select reports.article_meeting_key, 'organization:' || org_keys.organization_key as entity
    from {{ ref('stg_meeting_organizers') }} as organizers
    inner join reports
        on reports.article_key = organizers.article_key
        and reports.meeting_index = organizers.meeting_index
    inner join {{ ref('int_organization_keys') }} as org_keys
        on org_keys.printed_key = {{ name_key('organizers.organization_name') }}

    union

    select reports.article_meeting_key, 'person:' || person_keys.person_key as entity
    from {{ ref('stg_participant_roles') }} as roles
    inner join reports
        on reports.article_key = roles.article_key
        and reports.meeting_index = roles.meeting_index
    inner join person_keys
        on person_keys.article_key = roles.article_key
        and person_keys.name_key = {{ name_key('roles.full_name') }}
    where roles.role <> 'mentioned'

),

same_day as (

    select first.article_meeting_key as report_key, second.article_meeting_key as other_report_key
    from reports as first
    inner join reports as second
        on second.meeting_date = first.meeting_date
        and second.article_key <> first.article_key
        and second.article_meeting_key > first.article_meeting_key
    where (first.time_of_day is null or second.time_of_day is null or first.time_of_day = second.time_of_day)
        and first.date_basis is distinct from 'file_time'
        and second.date_basis is distinct from 'file_time'
        and coalesce(list_contains({{ var('report_only_kinds') }}, first.meeting_kind), false)
        = coalesce(list_contains({{ var('report_only_kinds') }}, second.meeting_kind), false)

),

topics as (

    select * from {{ ref('int_meeting_report_topics') }}

),

same_topic as (

    select same_day.*
    from same_day
    inner join topics as first on first.article_meeting_key = same_day.report_key
    inner join topics as second on second.article_meeting_key = same_day.other_report_key
    where
        len(list_intersect(first.topic_bigrams, second.topic_bigrams))
        >= {{ var('same_meeting_min_topic_share') }}
        * greatest(1, least(len(first.topic_bigrams), len(second.topic_bigrams)))

),

same_meeting as (

    select
        same_day.report_key,
        same_day.other_report_key,
        'same meeting' as link_reason,
        count(*) as evidence_count

    from same_topic as same_day
    inner join report_entities as first_entities on first_entities.article_meeting_key = same_day.report_key
    inner join report_entities as second_entities
        on second_entities.article_meeting_key = same_day.other_report_key
        and second_entities.entity = first_entities.entity
    group by same_day.report_key, same_day.other_report_key
    having
        count(*) >= {{ var('same_meeting_min_overlap') }}
        and count(*) filter (where first_entities.entity like 'person:%') >= 1

),

final as (

    select * from republished
    union all
    select * from same_meeting

)

select * from final
