-- One row per real person (int_person_clusters decides which occurrences are whose), with how
-- that was decided. The displayed name is the most frequent printed spelling, ties alphabetical.
--   match_reason: 'curated merge' / 'curated split' (a seed decided), 'name shared by several
--     people' (the rules split the name by bodies), 'spellings folded' (case, spacing or tone
--     placement differ), 'exact name'.
--   match_score: the share of the person's articles placed by evidence (curation, a single
--     holder of the name, the person's own posts or the article's bodies) rather than by the
--     fallback to the most frequent holder of a shared name.
with

clusters as (

    select * from {{ ref('int_person_clusters') }}

),

names as (

    select * from {{ ref('int_person_names') }}

),

printed as (

    select clusters.person_key, names.full_name, count(*) as printed_count
    from names
    inner join clusters
        on clusters.article_key = names.article_key
        and clusters.name_key = names.name_key
    group by clusters.person_key, names.full_name

),

spellings as (

    select
        person_key,
        arg_min(full_name, (-printed_count, full_name)) as full_name,
        list(full_name order by printed_count desc, full_name asc) as spelling_variants,
        sum(printed_count)::bigint as occurrence_count

    from printed
    group by person_key

),

decisions as (

    select
        person_key,
        min(name_key) as name_key,
        count(distinct name_key) as name_key_count,
        bool_or(match_reason = 'curated merge') as curated_merge,
        bool_or(match_reason = 'curated split') as curated_split,
        bool_or(name_has_several_holders) as name_has_several_holders,
        min(holder_sphere) as holder_sphere,
        count(*) as article_count,
        count(*) filter (where match_reason <> 'most frequent holder of the name') as placed_by_evidence

    from clusters
    group by person_key

),

holders as (

    select name_key, count(distinct person_key) as holder_count
    from clusters
    group by name_key

),

final as (

    select
        spellings.person_key,
        decisions.name_key,
        spellings.full_name,
        spellings.spelling_variants,
        spellings.occurrence_count,
        case
            when decisions.curated_merge then 'curated merge'
            when decisions.curated_split then 'curated split'
            when decisions.name_has_several_holders then 'name shared by several people'
            when len(spellings.spelling_variants) > 1 then 'spellings folded'
            else 'exact name'
        end as match_reason,
        round(decisions.placed_by_evidence / decisions.article_count, 4) as match_score,
        holders.holder_count as name_holder_count,
        decisions.holder_sphere

    from spellings
    inner join decisions on decisions.person_key = spellings.person_key
    inner join holders on holders.name_key = decisions.name_key

)

select * from final
