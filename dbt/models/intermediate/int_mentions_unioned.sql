-- Person and organisation mentions in one shape, with their keys (meeting not yet assigned).
with

person_mentions as (

    select * from {{ ref('stg_person_mentions') }}

),

organization_mentions as (

    select * from {{ ref('stg_organization_mentions') }}

),

people as (

    select
        'person' as mention_kind,
        article_key,
        mention_index,
        {{ entity_key('full_name') }} as person_key,
        cast(null as varchar) as organization_key,
        full_name as mentioned_name,
        surface_text,
        char_start,
        char_end,
        sentence_index,
        confidence,
        cast(null as varchar) as organization_kind

    from person_mentions

),

organizations as (

    select
        'organization' as mention_kind,
        article_key,
        mention_index,
        cast(null as varchar) as person_key,
        {{ entity_key('canonical_name') }} as organization_key,
        canonical_name as mentioned_name,
        surface_text,
        char_start,
        char_end,
        sentence_index,
        cast(null as double) as confidence,
        organization_kind

    from organization_mentions

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
