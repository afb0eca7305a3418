-- Every printed occurrence of a body's canonical name (mentions, titles, organisers, and the
-- names and parents the extractor describes), with the key of the body it resolves to: a name
-- listed in seed organization_aliases resolves to its canonical body, any other to itself.
-- Incremental by article (macros/incremental_articles.sql): each row is one article's own (an
-- edit of the seed changes the dbt project, and a changed project is built in full).
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_changed_articles() }}",
) }}
with

mentions as (

    select article_key, canonical_name as printed_name, organization_kind, 'mention' as origin
    from {{ ref('stg_organization_mentions') }}
    {{ where_changed_articles() }}

),

titles as (

    select article_key, organization_name as printed_name, null as organization_kind, 'title' as origin
    from {{ ref('stg_person_titles') }}
    {{ where_changed_articles() }}

),

organizers as (

    select article_key, organization_name as printed_name, null as organization_kind, 'organizer' as origin
    from {{ ref('stg_meeting_organizers') }}
    {{ where_changed_articles() }}

),

described as (

    select article_key, canonical_name as printed_name, organization_kind, 'described' as origin
    from {{ ref('stg_organizations') }}
    {{ where_changed_articles() }}

),

unioned as (

    select * from mentions
    union all
    select * from titles
    union all
    select * from organizers
    union all
    select * from described

),

printed as (

    select
        {{ name_key('printed_name') }} as printed_key,
        printed_name,
        cast(organization_kind as varchar) as organization_kind,
        article_key,
        origin

    from unioned

),

aliases as (

    select * from {{ ref('int_organization_aliases') }}

),

resolved as (

    select
        printed.printed_key,
        printed.printed_name,
        coalesce(aliases.canonical_name, printed.printed_name) as canonical_name,
        coalesce(aliases.canonical_key, printed.printed_key) as name_key,
        aliases.alias_key is not null as is_curated_alias,
        printed.organization_kind,
        printed.article_key,
        printed.origin

    from printed
    left join aliases on aliases.alias_key = printed.printed_key
    where printed.printed_key is not null

),

final as (

    select
        {{ key_of_name_key('name_key') }} as organization_key,
        *

    from resolved

)

select * from final
