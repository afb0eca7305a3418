-- One row per (article, name): a person as one article shows them, with what tells holders of
-- one name apart: the spheres and levels of the bodies of their distinctive posts
-- (int_organization_spheres), the spheres of every body the article names (its context) and the
-- date the article is observed on.
with

names as (

    select * from {{ ref('int_person_names') }}

),

dates as (

    select article_key, observed_on from {{ ref('int_article_dates') }}

),

spheres as (

    select * from {{ ref('int_organization_spheres') }}

),

org_keys as (

    select * from {{ ref('int_organization_keys') }}

),

post_spheres as (

    select
        titles.article_key,
        {{ name_key('titles.full_name') }} as name_key,
        list(distinct spheres.sphere order by spheres.sphere) as post_spheres,
        list(distinct organizations.organization_level order by organizations.organization_level) as post_levels

    from {{ ref('stg_person_titles') }} as titles
    inner join org_keys on org_keys.printed_key = {{ name_key('titles.organization_name') }}
    inner join spheres on spheres.organization_key = org_keys.organization_key
    inner join {{ ref('int_organizations_resolved') }} as organizations
        on organizations.organization_key = org_keys.organization_key
    where spheres.is_distinctive and not titles.is_former
    group by all

),

article_spheres as (

    select
        organization_names.article_key,
        list(distinct spheres.sphere order by spheres.sphere) as context_spheres

    from {{ ref('int_organization_names') }} as organization_names
    inner join spheres on spheres.organization_key = organization_names.organization_key
    where spheres.is_distinctive and organization_names.origin <> 'described'
    group by organization_names.article_key

),

occurrences as (

    select
        article_key,
        name_key,
        arg_min(full_name, (-printed_count, full_name)) as full_name,
        sum(printed_count)::bigint as printed_count

    from (
        select article_key, name_key, full_name, count(*) as printed_count
        from names
        group by all
    ) as printed
    group by article_key, name_key

),

final as (

    select
        {{ hash_key(['occurrences.article_key', 'occurrences.name_key']) }} as occurrence_key,
        occurrences.article_key,
        occurrences.name_key,
        occurrences.full_name,
        occurrences.printed_count,
        dates.observed_on,
        coalesce(post_spheres.post_spheres, []::varchar[]) as post_spheres,
        coalesce(post_spheres.post_levels, []::varchar[]) as post_levels,
        coalesce(article_spheres.context_spheres, []::varchar[]) as context_spheres

    from occurrences
    left join dates on dates.article_key = occurrences.article_key
    left join post_spheres
        on post_spheres.article_key = occurrences.article_key
        and post_spheres.name_key = occurrences.name_key
    left join article_spheres on article_spheres.article_key = occurrences.article_key

)

select * from final
