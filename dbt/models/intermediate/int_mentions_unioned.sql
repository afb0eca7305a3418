-- Person and organisation mentions in one shape, with their keys (meeting not yet assigned).
with

person_mentions as (

    select * from {{ ref('stg_person_mentions') }}

),

organization_mentions as (

    select * from {{ ref('stg_organization_mentions') }}

),

person_keys as (

    select article_key, name_key, person_key from {{ ref('int_person_clusters') }}

),

org_keys as (

    select * from {{ ref('int_organization_keys') }}

),

people as (

    select
        'person' as mention_kind,
        person_mentions.article_key,
        person_mentions.mention_index,
        person_keys.person_key,
        cast(null as varchar) as organization_key,
        person_mentions.full_name as mentioned_name,
        person_mentions.surface_text,
        person_mentions.char_start,
        person_mentions.char_end,
        person_mentions.sentence_index,
        person_mentions.confidence,
        cast(null as varchar) as organization_kind

    from person_mentions
    left join person_keys
        on person_keys.article_key = person_mentions.article_key
        and person_keys.name_key = {{ name_key('person_mentions.full_name') }}

),

organizations as (

    select
        'organization' as mention_kind,
        organization_mentions.article_key,
        organization_mentions.mention_index,
        cast(null as varchar) as person_key,
        org_keys.organization_key,
        organization_mentions.canonical_name as mentioned_name,
        organization_mentions.surface_text,
        organization_mentions.char_start,
        organization_mentions.char_end,
        organization_mentions.sentence_index,
        cast(null as double) as confidence,
        organization_mentions.organization_kind

    from organization_mentions
    left join org_keys on org_keys.printed_key = {{ name_key('organization_mentions.canonical_name') }}

),

unioned as (

    select * from people
    union all
    select * from organizations

),

final as (

    select
        {{ hash_key(['article_key', 'mention_kind', 'mention_index']) }} as mention_key,
        *

    from unioned

)

select * from final
