-- One row per real organisation (names folded by name key and curated aliases), with its kind,
-- level, place, parent body and activity counts.
with

organizations as (

    select * from {{ ref('int_organizations_resolved') }}

),

spheres as (

    select organization_key, root_organization_key from {{ ref('int_organization_spheres') }}

),

names as (

    select * from {{ ref('int_organization_names') }}

),

appearances as (

    select
        organization_key,
        count(distinct article_key) filter (where origin <> 'described') as article_count,
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

aliases as (

    select organization_key, count(*) as alias_count
    from {{ ref('dim_organization_aliases') }}
    group by organization_key

),

final as (

    select
        organizations.organization_key,
        organizations.canonical_name,
        organizations.name_key,
        organizations.organization_kind,
        organizations.organization_level,
        organizations.place,
        organizations.parent_organization_key,
        parents.canonical_name as parent_name,
        spheres.root_organization_key,
        {{ joined_text('organizations.spelling_variants') }} as spelling_variants,
        coalesce(aliases.alias_count, 0) as alias_count,
        coalesce(appearances.article_count, 0) as article_count,
        coalesce(appearances.mention_count, 0) as mention_count,
        coalesce(appearances.title_statement_count, 0) as title_statement_count,
        coalesce(organized.meetings_organized_count, 0) as meetings_organized_count

    from organizations
    left join organizations as parents on parents.organization_key = organizations.parent_organization_key
    left join spheres on spheres.organization_key = organizations.organization_key
    left join appearances on appearances.organization_key = organizations.organization_key
    left join organized on organized.organization_key = organizations.organization_key
    left join aliases on aliases.organization_key = organizations.organization_key

)

select * from final
