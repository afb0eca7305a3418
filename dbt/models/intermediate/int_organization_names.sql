-- Every printed occurrence of an organisation's canonical name (mentions, titles, organisers), keyed.
with

mentions as (

    select article_key, canonical_name, organization_kind, 'mention' as origin
    from {{ ref('stg_organization_mentions') }}

),

titles as (

    select article_key, organization_name as canonical_name, null as organization_kind, 'title' as origin
    from {{ ref('stg_person_titles') }}

),

organizers as (

    select article_key, organization_name as canonical_name, null as organization_kind, 'organizer' as origin
    from {{ ref('stg_meeting_organizers') }}

),

unioned as (

    select * from mentions
    union all
    select * from titles
    union all
    select * from organizers

),

keyed as (

    select
        {{ entity_key('canonical_name') }} as organization_key,
        {{ name_key('canonical_name') }} as name_key,
        canonical_name,
        cast(organization_kind as varchar) as organization_kind,
        article_key,
        origin

    from unioned

),

final as (

    select * from keyed
    where organization_key is not null

)

select * from final
