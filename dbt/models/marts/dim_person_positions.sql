-- Position history: one row per (person, post in a body) over every article that states it,
-- with the first and last date it was observed on. A post without a known body is keyed by its
-- canonical title. Posts printed as former ("nguyên") say nothing of when they were held, so
-- they are left out here (they stay in fct_person_titles with is_former).
with

titles as (

    select * from {{ ref('fct_person_titles') }}
    where not is_former

),

people as (

    select person_key, full_name from {{ ref('dim_people') }}

),

organizations as (

    select organization_key, canonical_name, organization_level from {{ ref('dim_organizations') }}

),

keyed as (

    select
        {{ hash_key([
            'person_key', name_key('post'), "coalesce(organization_key, " ~ name_key('canonical_title') ~ ")"
        ]) }} as position_key,
        *

    from titles

),

titled as (

    select position_key, canonical_title, count(*) as statement_count
    from keyed
    group by position_key, canonical_title

),

positions as (

    select
        keyed.position_key,
        any_value(keyed.person_key) as person_key,
        any_value(keyed.organization_key) as organization_key,
        min(keyed.post) as post,
        min(keyed.observed_on) as first_seen_on,
        max(keyed.observed_on) as last_seen_on,
        count(distinct keyed.article_key) as article_count,
        sum(keyed.statement_count)::bigint as statement_count

    from keyed
    group by keyed.position_key

),

displayed as (

    select position_key, arg_min(canonical_title, (-statement_count, canonical_title)) as title
    from titled
    group by position_key

),

final as (

    select
        positions.position_key,
        positions.person_key,
        people.full_name,
        displayed.title,
        positions.post,
        positions.organization_key,
        organizations.canonical_name as organization_name,
        organizations.organization_level,
        positions.first_seen_on,
        positions.last_seen_on,
        positions.article_count,
        positions.statement_count

    from positions
    inner join displayed on displayed.position_key = positions.position_key
    inner join people on people.person_key = positions.person_key
    left join organizations on organizations.organization_key = positions.organization_key

)

select * from final
