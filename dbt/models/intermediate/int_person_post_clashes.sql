-- The split rule: the pairs of candidate holders of one name (int_person_name_clusters) whose
-- posts one person cannot hold at once, and whether the clash splits the name.
--
-- A candidate is a cluster observed on var('person_split_min_dates') distinct dates or more; it
-- holds a kind of post when it is seen in that kind on that many dates. Two candidates clash when
-- one holds a central post and the other a district or commune one, or both hold local posts (in
-- two places, as they are two clusters). A central post beside a provincial one, or two central
-- posts, is an ordinary career. The clash splits the name only when it is concurrent and repeated:
-- at least var('person_split_min_dates') of each candidate's dates fall within
-- var('person_overlap_days') of a date of the other. One stray title or a misdated article never
-- splits a name.
with

clusters as (

    select * from {{ ref('int_person_name_clusters') }}

),

post_kinds as (

    select
        name_key,
        cluster_key,
        observed_on,
        list_has_any(post_levels, ['district', 'commune']) as in_low_post,
        list_has_any(post_levels, ['province', 'central']) as in_high_post,
        len(list_filter(post_spheres, lambda sphere: sphere like 'central:%')) > 0 as in_central_post,
        len(list_filter(post_spheres, lambda sphere: sphere like 'place:%')) > 0 as in_local_post

    from clusters

),

candidate_dates as (

    -- each candidate, with on how many distinct dates it is seen in each kind of post
    select
        name_key,
        cluster_key,
        count(distinct observed_on) filter (where in_low_post) as low_dates,
        count(distinct observed_on) filter (where in_high_post) as high_dates,
        count(distinct observed_on) filter (where in_central_post) as central_dates,
        count(distinct observed_on) filter (where in_local_post) as local_dates

    from post_kinds
    group by name_key, cluster_key
    having count(distinct observed_on) >= {{ var('person_split_min_dates') }}

),

candidate_posts as (

    select
        name_key,
        cluster_key,
        central_dates >= {{ var('person_split_min_dates') }} as holds_central,
        -- a district or commune official, not a provincial one who also appears at district events
        low_dates >= {{ var('person_split_min_dates') }} and low_dates > high_dates as holds_local_low,
        local_dates >= {{ var('person_split_min_dates') }} as holds_local

    from candidate_dates

),

clashes as (

    select
        first.name_key,
        first.cluster_key,
        second.cluster_key as other_cluster_key,
        case
            when (first.holds_central and second.holds_local_low) or (second.holds_central and first.holds_local_low)
                then 'central beside district or commune'
            else 'local posts in two places'
        end as clash

    from candidate_posts as first
    inner join candidate_posts as second
        on second.name_key = first.name_key
        and second.cluster_key > first.cluster_key
    where (first.holds_central and second.holds_local_low)
        or (second.holds_central and first.holds_local_low)
        or (first.holds_local and second.holds_local)

),

dated as (

    select distinct cluster_key, observed_on
    from clusters
    where observed_on is not null

),

concurrent_dates as (

    -- the dates of either side of a clash that fall within the window of a date of the other side
    select clashes.cluster_key, clashes.other_cluster_key, mine.cluster_key as side, mine.observed_on
    from clashes
    inner join dated as mine on mine.cluster_key in (clashes.cluster_key, clashes.other_cluster_key)
    inner join dated as theirs
        on theirs.cluster_key in (clashes.cluster_key, clashes.other_cluster_key)
        and theirs.cluster_key <> mine.cluster_key
        and abs(datediff('day', mine.observed_on, theirs.observed_on)) <= {{ var('person_overlap_days') }}

),

concurrence as (

    select
        clashes.name_key,
        clashes.cluster_key,
        clashes.other_cluster_key,
        clashes.clash,
        count(distinct concurrent_dates.observed_on) filter (where concurrent_dates.side = clashes.cluster_key)
            as concurrent_dates,
        count(distinct concurrent_dates.observed_on) filter (where concurrent_dates.side = clashes.other_cluster_key)
            as other_concurrent_dates

    from clashes
    left join concurrent_dates
        on concurrent_dates.cluster_key = clashes.cluster_key
        and concurrent_dates.other_cluster_key = clashes.other_cluster_key
    group by clashes.name_key, clashes.cluster_key, clashes.other_cluster_key, clashes.clash

),

final as (

    select
        *,
        concurrent_dates >= {{ var('person_split_min_dates') }}
        and other_concurrent_dates >= {{ var('person_split_min_dates') }} as splits_name

    from concurrence

)

select * from final
