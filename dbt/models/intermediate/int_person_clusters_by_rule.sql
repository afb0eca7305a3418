-- Which person each (article, name) occurrence is by the rules alone, before curation.
--
-- A name the split rule does not split (no row in int_person_holders) is one person,
-- md5(name_key). An occurrence of a split name whose own posts fall in a holder's cluster is that
-- holder; every other occurrence of it (no distinctive post, or posts in a cluster seen too
-- rarely to be a holder) goes to the holder whose spheres the article's own bodies share most,
-- else to the holder ranked first (the most frequent). match_reason says which of these decided.
with

occurrences as (

    select * from {{ ref('int_person_occurrences') }}

),

clusters as (

    select article_key, name_key, cluster_key from {{ ref('int_person_name_clusters') }}

),

holders as (

    select * from {{ ref('int_person_holders') }}

),

split_names as (

    select distinct name_key from holders

),

own_holder as (

    select clusters.article_key, clusters.name_key, clusters.cluster_key
    from clusters
    where clusters.cluster_key in (select holders.cluster_key from holders)

),

context_choice as (

    select
        occurrences.article_key,
        occurrences.name_key,
        arg_min(
            holders.cluster_key,
            (-len(list_intersect(occurrences.context_spheres, holders.holder_spheres)), holders.holder_rank)
        ) as cluster_key,
        max(len(list_intersect(occurrences.context_spheres, holders.holder_spheres))) as shared_spheres

    from occurrences
    inner join holders on holders.name_key = occurrences.name_key
    left join own_holder
        on own_holder.article_key = occurrences.article_key
        and own_holder.name_key = occurrences.name_key
    where own_holder.cluster_key is null
    group by occurrences.article_key, occurrences.name_key

),

final as (

    select
        occurrences.occurrence_key,
        occurrences.article_key,
        occurrences.name_key,
        occurrences.full_name,
        coalesce(holders.person_key, {{ key_of_name_key('occurrences.name_key') }}) as person_key,
        case
            when split_names.name_key is null then 'one holder of the name'
            when own_holder.cluster_key is not null then 'posts in the bodies of this holder'
            when context_choice.shared_spheres > 0 then 'article names the bodies of this holder'
            else 'most frequent holder of the name'
        end as match_reason,
        split_names.name_key is not null as name_has_several_holders,
        holders.holder_sphere

    from occurrences
    left join split_names on split_names.name_key = occurrences.name_key
    left join own_holder
        on own_holder.article_key = occurrences.article_key
        and own_holder.name_key = occurrences.name_key
    left join context_choice
        on context_choice.article_key = occurrences.article_key
        and context_choice.name_key = occurrences.name_key
    left join holders on holders.cluster_key = coalesce(own_holder.cluster_key, context_choice.cluster_key)

)

select * from final
