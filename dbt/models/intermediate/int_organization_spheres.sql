-- The sphere of each organisation: what two posts must share for one person to hold both at
-- once. Local bodies belong to the place of their highest local ancestor ('place:hà nội' for
-- Thành ủy Hà Nội, its commissions, Ủy ban nhân dân thành phố Hà Nội and, through its parent,
-- a district party committee of the city); central bodies to their root ('central:<key>'); a
-- body without place or level to its highest ancestor ('body:<key>').
-- Posts in the national membership organs (Bộ Chính trị, Ban Chấp hành Trung ương, Quốc hội)
-- are held beside any other post, so they never tell two people apart (is_distinctive false),
-- nor do posts in enterprises, the army or bodies whose level or place the name does not give.
with

organizations as (

    select * from {{ ref('int_organizations_resolved') }}

),

lineage as (

    select
        lineage.organization_key,
        lineage.depth,
        ancestors.organization_key as ancestor_key,
        ancestors.organization_level as ancestor_level,
        ancestors.place as ancestor_place

    from {{ ref('int_organization_lineage') }} as lineage
    inner join organizations as ancestors on ancestors.organization_key = lineage.ancestor_key

),

highest_local as (

    select
        organization_key,
        arg_max(
            coalesce('place:' || {{ name_key('ancestor_place') }}, 'body:' || ancestor_key),
            (depth, ancestor_key)
        ) as sphere

    from lineage
    where ancestor_level is distinct from 'central'
    group by organization_key

),

root as (

    select organization_key, arg_max(ancestor_key, (depth, ancestor_key)) as root_organization_key
    from lineage
    group by organization_key

),

final as (

    select
        organizations.organization_key,
        root.root_organization_key,
        case
            when organizations.organization_level = 'central' then 'central:' || root.root_organization_key
            else highest_local.sphere
        end as sphere,
        -- only the levels of government and party tell holders apart; the national membership
        -- organs, and bodies whose level or place is unknown, never do
        coalesce(
            organizations.organization_level in ('central', 'province', 'district', 'commune')
            and (organizations.organization_level = 'central' or highest_local.sphere like 'place:%')
            and not (
                organizations.organization_level = 'central'
                and organizations.organization_kind in ('party_committee', 'national_assembly')
            ),
            false
        ) as is_distinctive

    from organizations
    inner join root on root.organization_key = organizations.organization_key
    left join highest_local on highest_local.organization_key = organizations.organization_key

)

select * from final
