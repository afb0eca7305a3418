-- Every printed occurrence of a person's name (mentions, titles, meeting roles), with its name key.
-- Which real person an occurrence is follows in int_person_clusters.
with

mentions as (

    select article_key, full_name, 'mention' as origin
    from {{ ref('stg_person_mentions') }}

),

titles as (

    select article_key, full_name, 'title' as origin
    from {{ ref('stg_person_titles') }}

),

roles as (

    select article_key, full_name, 'role' as origin
    from {{ ref('stg_participant_roles') }}

),

unioned as (

    select * from mentions
    union all
    select * from titles
    union all
    select * from roles

),

keyed as (

    select
        {{ name_key('full_name') }} as name_key,
        full_name,
        article_key,
        origin

    from unioned

),

final as (

    select * from keyed
    where name_key is not null

)

select * from final
