-- One row per organisation: canonical names that differ only in case, spacing or tone-mark
-- placement share an organization_key. The displayed name is the most frequent spelling
-- (ties alphabetical); the kind is the most frequent non-null kind from the mentions.
with

names as (

    select * from {{ ref('int_organization_names') }}

),

spellings as (

    select
        organization_key,
        name_key,
        canonical_name,
        count(*) as occurrence_count

    from names
    group by organization_key, name_key, canonical_name

),

ranked_spellings as (

    select
        *,
        row_number() over (
            partition by organization_key
            order by occurrence_count desc, canonical_name
        ) as spelling_rank

    from spellings

),

kinds as (

    select
        organization_key,
        organization_kind,
        row_number() over (
            partition by organization_key
            order by count(*) desc, organization_kind
        ) as kind_rank

    from names
    where organization_kind is not null
    group by organization_key, organization_kind

),

resolved as (

    select
        organization_key,
        any_value(name_key) as name_key,
        max(canonical_name) filter (where spelling_rank = 1) as canonical_name,
        list(canonical_name order by spelling_rank) as spelling_variants,
        sum(occurrence_count)::bigint as occurrence_count

    from ranked_spellings
    group by organization_key

),

final as (

    select
        resolved.organization_key,
        resolved.name_key,
        resolved.canonical_name,
        kinds.organization_kind,
        resolved.spelling_variants,
        resolved.occurrence_count

    from resolved
    left join kinds
        on kinds.organization_key = resolved.organization_key
        and kinds.kind_rank = 1

)

select * from final
