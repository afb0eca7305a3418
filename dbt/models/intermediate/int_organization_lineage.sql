-- Every (organisation, ancestor) pair up its parent chain, the organisation itself at depth 0.
-- The walk stops after 12 levels, so a cycle in the extracted parents cannot loop forever.
with recursive

organizations as (

    select organization_key, parent_organization_key from {{ ref('int_organizations_resolved') }}

),

lineage (organization_key, ancestor_key, depth) as (

    select organization_key, organization_key as ancestor_key, 0 as depth
    from organizations

    union

    select lineage.organization_key, organizations.parent_organization_key, lineage.depth + 1
    from lineage
    inner join organizations on organizations.organization_key = lineage.ancestor_key
    where organizations.parent_organization_key is not null
        and lineage.depth < 12

),

final as (

    -- a cycle reaches an ancestor twice: keep its nearest depth
    select organization_key, ancestor_key, min(depth) as depth
    from lineage
    group by organization_key, ancestor_key

)

select * from final
