-- Which real person each (article, name) occurrence is: the rules' answer
-- (int_person_clusters_by_rule, from int_person_name_clusters, int_person_post_clashes and
-- int_person_holders) with the analysts' curation applied last.
--
-- Seed person_splits moves a name's occurrences in one file to a person of its own
-- (md5(name_key-curated-label)); seed person_merges then maps a person (key or full name) into
-- another. match_reason says which of these decided.
with

by_rule as (

    select * from {{ ref('int_person_clusters_by_rule') }}

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

curated_merges as (

    select distinct
        {{ person_reference('from_person') }} as from_key,
        {{ person_reference('into_person') }} as into_key

    from {{ ref('person_merges') }}

),

split_applied as (

    select
        by_rule.occurrence_key,
        by_rule.article_key,
        by_rule.name_key,
        by_rule.full_name,
        case
            when curated_splits.name_key is not null
                then {{ hash_key(['curated_splits.name_key', "'curated'", 'curated_splits.person_label']) }}
            else by_rule.person_key
        end as person_key,
        case when curated_splits.name_key is not null then 'curated split' else by_rule.match_reason end
            as match_reason,
        by_rule.name_has_several_holders,
        by_rule.holder_sphere

    from by_rule
    left join curated_splits
        on curated_splits.article_key = by_rule.article_key
        and curated_splits.name_key = by_rule.name_key

),

final as (

    select
        split_applied.occurrence_key,
        split_applied.article_key,
        split_applied.name_key,
        split_applied.full_name,
        coalesce(curated_merges.into_key, split_applied.person_key) as person_key,
        case when curated_merges.into_key is not null then 'curated merge' else split_applied.match_reason end
            as match_reason,
        split_applied.name_has_several_holders,
        split_applied.holder_sphere

    from split_applied
    left join curated_merges on curated_merges.from_key = split_applied.person_key

)

select * from final
