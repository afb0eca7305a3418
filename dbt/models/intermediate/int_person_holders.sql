-- The holders of every name the split rule splits (int_person_post_clashes): one person per
-- candidate cluster of the name observed on var('person_split_min_dates') dates or more.
--
-- The holder with most articles (then the earliest seen, then the smallest sphere) keeps the
-- plain key md5(name_key), the key of the unsplit name, so a second holder appearing later never
-- re-keys the first; every other holder gets md5(name_key-smallest sphere).
with

clusters as (

    select * from {{ ref('int_person_name_clusters') }}

),

split_names as (

    select distinct name_key
    from {{ ref('int_person_post_clashes') }}
    where splits_name

),

candidates as (

    -- as in the split rule, a cluster seen on too few dates is no holder
    select
        clusters.name_key,
        clusters.cluster_key,
        clusters.cluster_spheres,
        count(*) as occurrence_count,
        count(distinct clusters.observed_on) as date_count,
        min(clusters.observed_on) as first_seen_on

    from clusters
    inner join split_names on split_names.name_key = clusters.name_key
    group by clusters.name_key, clusters.cluster_key, clusters.cluster_spheres
    having count(distinct clusters.observed_on) >= {{ var('person_split_min_dates') }}

),

ranked as (

    select
        *,
        cluster_spheres[1] as holder_sphere,
        row_number() over (
            partition by name_key
            order by occurrence_count desc, first_seen_on asc nulls last, cluster_spheres[1] asc
        ) as holder_rank

    from candidates

),

final as (

    select
        case
            when holder_rank = 1 then {{ key_of_name_key('name_key') }}
            else {{ hash_key(['name_key', 'holder_sphere']) }}
        end as person_key,
        name_key,
        cluster_key,
        holder_sphere,
        cluster_spheres as holder_spheres,
        holder_rank,
        occurrence_count,
        date_count,
        first_seen_on

    from ranked

)

select * from final
