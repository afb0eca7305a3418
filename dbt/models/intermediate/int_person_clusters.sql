-- Which real person each (article, name) occurrence is.
--
-- Rule: the occurrences of one name key are one person, unless the name has two holders at
-- once in posts no one person holds together: a district secretary and a minister of one name
-- in the same months. Spheres (int_organization_spheres) that one article gives one person are
-- linked (connected_components); each component is a candidate holder. Two candidates clash
-- when one holds a central post and the other a district or commune one, or both hold local
-- posts in different places (a central post beside a provincial one, or two central posts, is
-- an ordinary career). A clash splits the name only when it is concurrent and repeated: each
-- candidate is observed on var('person_split_min_dates') distinct dates or more, and at least
-- that many of each one's dates fall within var('person_overlap_days') of the other's. One
-- stray title or a misdated article never splits a name.
--
-- A split name gives one person per candidate observed on enough dates. The one with most
-- articles (then earliest, then smallest sphere) keeps the plain key md5(name_key), the key of
-- the unsplit name, so a second holder appearing later never re-keys the first; the others get
-- md5(name_key-smallest sphere). Every other occurrence of the name (no distinctive post, or a
-- candidate seen too rarely) goes to the holder whose spheres the article's own bodies share
-- most, else to the most frequent holder.
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

anchored_components as (

    select occurrence_spheres.article_key, occurrence_spheres.name_key, min(node_components.component) as component
    from occurrence_spheres
    inner join node_components
        on node_components.name_key = occurrence_spheres.name_key
        and node_components.sphere = occurrence_spheres.sphere
    group by occurrence_spheres.article_key, occurrence_spheres.name_key

),

anchored as (

    -- the occurrences with a distinctive post, each in the component of its spheres
    select occurrences.*, anchored_components.component
    from occurrences
    inner join anchored_components
        on anchored_components.article_key = occurrences.article_key
        and anchored_components.name_key = occurrences.name_key

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
        count(distinct anchored.observed_on) as date_count,
        min(anchored.observed_on) as first_seen_on

    from anchored
    group by anchored.name_key, anchored.component

),

candidates as (

    select * from component_stats
    where date_count >= {{ var('person_split_min_dates') }}

),

candidate_dates as (

    -- on how many distinct dates each candidate is seen in each kind of post
    select
        name_key,
        component,
        count(distinct observed_on) filter (where list_has_any(post_levels, ['district', 'commune'])) as low_dates,
        count(distinct observed_on) filter (where list_has_any(post_levels, ['province', 'central'])) as high_dates,
        count(distinct observed_on)
            filter (where len(list_filter(post_spheres, lambda sphere: sphere like 'central:%')) > 0) as central_dates,
        count(distinct observed_on)
            filter (where len(list_filter(post_spheres, lambda sphere: sphere like 'place:%')) > 0) as local_dates

    from anchored
    where component in (select component from candidates)
    group by name_key, component

),

candidate_posts as (

    select
        name_key,
        component,
        central_dates >= {{ var('person_split_min_dates') }} as holds_central,
        -- a district or commune official, not a provincial one who also appears at district events
        low_dates >= {{ var('person_split_min_dates') }} and low_dates > high_dates as holds_local_low,
        local_dates >= {{ var('person_split_min_dates') }} as holds_local

    from candidate_dates

),

clashing as (

    -- pairs of candidates whose posts one person cannot hold at once: a central post beside a
    -- district or commune one, or local posts in two places (the components' spheres differ)
    select first.name_key, first.component as first_component, second.component as second_component
    from candidate_posts as first
    inner join candidate_posts as second
        on second.name_key = first.name_key
        and second.component > first.component
    where (first.holds_central and second.holds_local_low)
        or (second.holds_central and first.holds_local_low)
        or (first.holds_local and second.holds_local)

),

dated as (

    select distinct component, observed_on
    from anchored
    where observed_on is not null

),

concurrent_dates as (

    -- dates of each side of a clashing pair observed near a date of the other side
    select clashing.name_key, clashing.first_component, clashing.second_component, mine.component, mine.observed_on
    from clashing
    inner join dated as mine on mine.component in (clashing.first_component, clashing.second_component)
    inner join dated as theirs
        on theirs.component in (clashing.first_component, clashing.second_component)
        and theirs.component <> mine.component
        and abs(datediff('day', mine.observed_on, theirs.observed_on)) <= {{ var('person_overlap_days') }}

),

split_names as (

    select distinct name_key
    from (
        select name_key, first_component, second_component
        from concurrent_dates
        group by name_key, first_component, second_component
        having count(distinct observed_on) filter (where component = first_component)
                >= {{ var('person_split_min_dates') }}
            and count(distinct observed_on) filter (where component = second_component)
                >= {{ var('person_split_min_dates') }}
    )

),

holders as (

    select
        candidates.*,
        component_spheres.label_sphere,
        component_spheres.spheres,
        row_number() over (
            partition by candidates.name_key
            order by candidates.occurrence_count desc, candidates.first_seen_on nulls last,
                component_spheres.label_sphere
        ) as holder_rank

    from candidates
    inner join component_spheres on component_spheres.component = candidates.component
    where candidates.name_key in (select name_key from split_names)

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
    left join anchored
        on anchored.article_key = occurrences.article_key
        and anchored.name_key = occurrences.name_key
    where anchored.component is null
        or anchored.component not in (select component from holders)
    group by occurrences.article_key, occurrences.name_key

),

own_holder as (

    select anchored.article_key, anchored.name_key, anchored.component
    from anchored
    where anchored.component in (select component from holders)

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
            when own_holder.component is not null then 'posts in the bodies of this holder'
            when context_choice.shared_spheres > 0 then 'article names the bodies of this holder'
            else 'most frequent holder of the name'
        end as match_reason

    from occurrences
    left join own_holder
        on own_holder.article_key = occurrences.article_key
        and own_holder.name_key = occurrences.name_key
    left join context_choice
        on context_choice.article_key = occurrences.article_key
        and context_choice.name_key = occurrences.name_key
    left join holders on holders.component = coalesce(own_holder.component, context_choice.component)

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
