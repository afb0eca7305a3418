-- Every printed occurrence of a person's name (mentions, titles, meeting roles), with its name key.
-- Which real person an occurrence is follows in int_person_clusters.
-- Incremental by article (macros/incremental_articles.sql): each row is one article's own.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_changed_articles() }}",
) }}
with

mentions as (

    select article_key, full_name, 'mention' as origin
    from {{ ref('stg_person_mentions') }}
    {{ where_changed_articles() }}

),

titles as (

    select article_key, full_name, 'title' as origin
    from {{ ref('stg_person_titles') }}
    {{ where_changed_articles() }}

),

roles as (

    select article_key, full_name, 'role' as origin
    from {{ ref('stg_participant_roles') }}
    {{ where_changed_articles() }}

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
