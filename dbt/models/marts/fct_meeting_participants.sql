-- One row per (meeting, person, role), with the first piece of evidence for it.
with

roles as (

    select * from {{ ref('stg_participant_roles') }}

),

meetings as (

    select article_key, meeting_index, meeting_key from {{ ref('int_meetings_keyed') }}

),

person_keys as (

    select article_key, name_key, person_key from {{ ref('int_person_clusters') }}

),

keyed as (

    select
        meetings.meeting_key,
        person_keys.person_key,
        roles.role,
        roles.article_key,
        roles.char_start,
        roles.char_end,
        roles.sentence_index

    from roles
    inner join meetings
        on meetings.article_key = roles.article_key
        and meetings.meeting_index = roles.meeting_index
    left join person_keys
        on person_keys.article_key = roles.article_key
        and person_keys.name_key = {{ name_key('roles.full_name') }}

),

first_evidence as (

    select *
    from keyed
    where person_key is not null and role is not null
    qualify
        row_number() over (
            partition by meeting_key, person_key, role
            order by article_key, char_start nulls last, char_end nulls last
        ) = 1

),

evidence_counts as (

    select meeting_key, person_key, role, count(*) as evidence_count
    from keyed
    group by meeting_key, person_key, role

),

final as (

    select
        {{ hash_key(['first_evidence.meeting_key', 'first_evidence.person_key', 'first_evidence.role']) }}
            as participant_key,
        first_evidence.meeting_key,
        first_evidence.person_key,
        first_evidence.role,
        first_evidence.article_key,
        first_evidence.char_start,
        first_evidence.char_end,
        first_evidence.sentence_index,
        evidence_counts.evidence_count

    from first_evidence
    inner join evidence_counts
        on evidence_counts.meeting_key = first_evidence.meeting_key
        and evidence_counts.person_key = first_evidence.person_key
        and evidence_counts.role = first_evidence.role

)

select * from final
