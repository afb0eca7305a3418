-- One row per organisation (canonical names folded by name key), with activity counts.
with

organizations as (

    select * from {{ ref('int_organizations_resolved') }}

),

names as (

    select * from {{ ref('int_organization_names') }}

),

appearances as (

    select
        organization_key,
        count(distinct article_key) as article_count,
        count(*) filter (where origin = 'mention') as mention_count,
        count(*) filter (where origin = 'title') as title_statement_count

    from names
    group by organization_key

),

organized as (

    select organization_key, count(distinct meeting_key) as meetings_organized_count
    from {{ ref('bridge_meeting_organizers') }}
    group by organization_key

),

final as (

    select
        organizations.organization_key,
        organizations.canonical_name,
        organizations.name_key,
        organizations.organization_kind,
        organizations.spelling_variants,
        coalesce(appearances.article_count, 0) as article_count,
        coalesce(appearances.mention_count, 0) as mention_count,
        coalesce(appearances.title_statement_count, 0) as title_statement_count,
        coalesce(organized.meetings_organized_count, 0) as meetings_organized_count

    from organizations
    left join appearances on appearances.organization_key = organizations.organization_key
    left join organized on organized.organization_key = organizations.organization_key

)

select * from final
