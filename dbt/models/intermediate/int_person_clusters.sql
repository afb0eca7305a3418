-- Which real person each (article, name) occurrence is.
--
-- Rule: the occurrences of one name key are one person, unless the name has holders in
-- unrelated spheres at overlapping times (a district secretary and a minister of one name in
-- the same year). Spheres that one article gives one person are linked (connected_components);
-- two components conflict when their observed dates come within var('person_overlap_days') of
-- each other (or a component has no date at all). A name with a conflict is split: each
-- component is one person. The component with most occurrences (then earliest, then smallest
-- sphere) keeps the plain key md5(name_key), the key of the unsplit name, so a second holder
-- appearing later never re-keys the first; the others get md5(name_key-smallest sphere).
-- An occurrence without a distinctive post goes to the holder whose spheres the article's own
-- bodies share most, else to the most frequent holder.
--
-- Curation: seed person_splits moves a name's occurrences in one file to a person of its own
-- (md5(name_key-curated-label)); seed person_merges then maps a person (key or full name) into
-- another. match_reason says which of these decided.
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

    select node, node from sphere_nodes

),

components as (

    {{ connected_components('sphere_edges', 'node_a', 'node_b') }}

),

node_components as (

    select sphere_nodes.name_key, sphere_nodes.sphere, components.component
    from sphere_nodes
    inner join components on components.node = sphere_nodes.node

),

anchored as (

    select occurrence_spheres.article_key, occurrence_spheres.name_key, min(node_components.component) as component
    from occurrence_spheres
    inner join node_components
        on node_components.name_key = occurrence_spheres.name_key
        and node_components.sphere = occurrence_spheres.sphere
    group by occurrence_spheres.article_key, occurrence_spheres.name_key

),

component_spheres as (

    select component, min(sphere) as label_sphere, list(sphere order by sphere) as spheres
    from node_components
    group by component

),

component_stats as (

    select
        anchored.name_key,
        anchored.component,
        count(*) as occurrence_count,
        min(occurrences.observed_on) as first_seen_on,
        max(occurrences.observed_on) as last_seen_on

    from anchored
    inner join occurrences
        on occurrences.article_key = anchored.article_key
        and occurrences.name_key = anchored.name_key
    group by anchored.name_key, anchored.component

),

split_names as (

    select first.name_key
    from component_stats as first
    inner join component_stats as second
        on second.name_key = first.name_key
        and second.component > first.component
    where first.first_seen_on is null
        or second.first_seen_on is null
        or (
            first.first_seen_on - {{ var('person_overlap_days') }} <= second.last_seen_on
            and second.first_seen_on - {{ var('person_overlap_days') }} <= first.last_seen_on
        )
    group by first.name_key

),

holders as (

    select
        component_stats.*,
        component_spheres.label_sphere,
        component_spheres.spheres,
        row_number() over (
            partition by component_stats.name_key
            order by component_stats.occurrence_count desc, component_stats.first_seen_on nulls last,
                component_spheres.label_sphere
        ) as holder_rank

    from component_stats
    inner join component_spheres on component_spheres.component = component_stats.component
    where component_stats.name_key in (select name_key from split_names)

),

context_choice as (

    select
        occurrences.article_key,
        occurrences.name_key,
        arg_min(
            holders.component,
            (-len(list_intersect(occurrences.context_spheres, holders.spheres)), holders.holder_rank)
        ) as component,
        max(len(list_intersect(occurrences.context_spheres, holders.spheres))) as shared_spheres

    from occurrences
    inner join holders on holders.name_key = occurrences.name_key
    where len(occurrences.post_spheres) = 0
    group by occurrences.article_key, occurrences.name_key

),

by_rule as (

    select
        occurrences.occurrence_key,
        occurrences.article_key,
        occurrences.name_key,
        occurrences.full_name,
        holders.label_sphere as holder_sphere,
        case
            when holders.holder_rank is null or holders.holder_rank = 1
                then {{ key_of_name_key('occurrences.name_key') }}
            else {{ hash_key(['occurrences.name_key', 'holders.label_sphere']) }}
        end as person_key,
        case
            when occurrences.name_key not in (select name_key from split_names) then 'one holder of the name'
            when anchored.component is not null then 'posts in the bodies of this holder'
            when context_choice.shared_spheres > 0 then 'article names the bodies of this holder'
            else 'most frequent holder of the name'
        end as match_reason

    from occurrences
    left join anchored
        on anchored.article_key = occurrences.article_key
        and anchored.name_key = occurrences.name_key
    left join context_choice
        on context_choice.article_key = occurrences.article_key
        and context_choice.name_key = occurrences.name_key
    left join holders on holders.component = coalesce(anchored.component, context_choice.component)

),

curated_splits as (

    select distinct
        {{ name_key('splits.full_name') }} as name_key,
        files.article_key,
        lower(trim(splits.person_label)) as person_label

    from {{ ref('person_splits') }} as splits
    inner join {{ ref('stg_ingest_files') }} as files on files.source_file = trim(splits.source_file)
    where files.article_key is not null

),

split_applied as (

    select
        by_rule.occurrence_key,
        by_rule.article_key,
        by_rule.name_key,
        by_rule.full_name,
        by_rule.holder_sphere,
        case
            when curated_splits.name_key is not null
                then {{ hash_key(['curated_splits.name_key', "'curated'", 'curated_splits.person_label']) }}
            else by_rule.person_key
        end as person_key,
        case when curated_splits.name_key is not null then 'curated split' else by_rule.match_reason end
            as match_reason

    from by_rule
    left join curated_splits
        on curated_splits.article_key = by_rule.article_key
        and curated_splits.name_key = by_rule.name_key

),

merges as (

    select distinct
        {{ person_reference('from_person') }} as from_key,
        {{ person_reference('into_person') }} as into_key

    from {{ ref('person_merges') }}

),

final as (

    select
        split_applied.occurrence_key,
        split_applied.article_key,
        split_applied.name_key,
        split_applied.full_name,
        coalesce(merges.into_key, split_applied.person_key) as person_key,
        case when merges.into_key is not null then 'curated merge' else split_applied.match_reason end
            as match_reason,
        split_applied.name_key in (select name_key from split_names) as name_has_several_holders,
        split_applied.holder_sphere

    from split_applied
    left join merges on merges.from_key = split_applied.person_key

)

select * from final
