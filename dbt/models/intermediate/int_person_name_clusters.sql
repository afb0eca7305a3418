-- Clustering, the first step of telling holders of one name apart: which candidate holder each
-- (article, name) occurrence with a distinctive current post is.
--
-- The spheres (int_organization_spheres) of the posts one article gives one person are that
-- person's, so they are linked; each connected group of one name's spheres (connected_components)
-- is one candidate holder, keyed by its smallest node, `name_key|smallest sphere`. Occurrences
-- without a distinctive post belong to no cluster and are not listed here (int_person_clusters_by_rule
-- places them). Whether a name's clusters are really several people is the split rule's question
-- (int_person_post_clashes).
with

occurrences as (

    select * from {{ ref('int_person_occurrences') }}

),

occurrence_spheres as (

    select article_key, name_key, unnest(post_spheres) as sphere
    from occurrences

),

sphere_nodes as (

    select distinct name_key, sphere, name_key || '|' || sphere as node
    from occurrence_spheres

),

sphere_edges as (

    -- two spheres one article gives one person: that person holds posts in both
    select first.name_key || '|' || first.sphere as node_a, second.name_key || '|' || second.sphere as node_b
    from occurrence_spheres as first
    inner join occurrence_spheres as second
        on second.article_key = first.article_key
        and second.name_key = first.name_key
        and second.sphere > first.sphere

    union all

    select node as node_a, node as node_b from sphere_nodes

),

components as (

    {{ connected_components('sphere_edges', 'node_a', 'node_b') }}

),

node_components as (

    select sphere_nodes.name_key, sphere_nodes.sphere, components.component
    from sphere_nodes
    inner join components on components.node = sphere_nodes.node

),

occurrence_components as (

    select occurrence_spheres.article_key, occurrence_spheres.name_key, min(node_components.component) as component
    from occurrence_spheres
    inner join node_components
        on node_components.name_key = occurrence_spheres.name_key
        and node_components.sphere = occurrence_spheres.sphere
    group by occurrence_spheres.article_key, occurrence_spheres.name_key

),

component_spheres as (

    select component, list(sphere order by sphere) as spheres
    from node_components
    group by component

),

final as (

    select
        occurrences.occurrence_key,
        occurrences.article_key,
        occurrences.name_key,
        occurrences.observed_on,
        occurrences.post_spheres,
        occurrences.post_levels,
        occurrence_components.component as cluster_key,
        component_spheres.spheres as cluster_spheres

    from occurrences
    inner join occurrence_components
        on occurrence_components.article_key = occurrences.article_key
        and occurrence_components.name_key = occurrences.name_key
    inner join component_spheres on component_spheres.component = occurrence_components.component

)

select * from final
