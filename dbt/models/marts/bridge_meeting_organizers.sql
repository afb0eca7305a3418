-- One row per (meeting, organising body).
with

organizers as (

    select * from {{ ref('stg_meeting_organizers') }}

),

meetings as (

    select article_key, meeting_index, meeting_key from {{ ref('int_meetings_keyed') }}

),

keyed as (

    select
        meetings.meeting_key,
        org_keys.organization_key,
        organizers.article_key

    from organizers
    inner join meetings
        on meetings.article_key = organizers.article_key
        and meetings.meeting_index = organizers.meeting_index
    left join {{ ref('int_organization_keys') }} as org_keys
        on org_keys.printed_key = {{ name_key('organizers.organization_name') }}

),

final as (

    select
        {{ hash_key(['meeting_key', 'organization_key']) }} as meeting_organizer_key,
        meeting_key,
        organization_key,
        count(distinct article_key) as article_count

    from keyed
    where organization_key is not null
    group by meeting_key, organization_key

)

select * from final
