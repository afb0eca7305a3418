-- One row per organisation: printed names that share a name key (case, spacing, tone-mark
-- placement) or that a curated alias maps to one body share an organization_key. The displayed
-- name is the most frequent canonical spelling (a curated canonical name counts for each of its
-- aliases' occurrences), ties alphabetical. Kind, level, place and parent are the most frequent
-- non-null values the extractor gave the body's names; a parent never is the body itself.
with

names as (

    select * from {{ ref('int_organization_names') }}

),

keys as (

    select * from {{ ref('int_organization_keys') }}

),

described as (

    select
        keys.organization_key,
        organizations.organization_kind,
        organizations.organization_level,
        organizations.place,
        parent_keys.organization_key as parent_organization_key

    from {{ ref('stg_organizations') }} as organizations
    inner join keys on keys.printed_key = {{ name_key('organizations.canonical_name') }}
    left join keys as parent_keys on parent_keys.printed_key = {{ name_key('organizations.parent_name') }}

),

spellings as (

    select
        organization_key,
        canonical_name,
        count(*) as occurrence_count

    from names
    group by organization_key, canonical_name

),

displayed as (

    select
        organization_key,
        arg_min(canonical_name, (-occurrence_count, canonical_name)) as canonical_name,
        sum(occurrence_count)::bigint as occurrence_count

    from spellings
    group by organization_key

),

variants as (

    select
        organization_key,
        any_value(name_key) as name_key,
        list(distinct printed_name order by printed_name) as spelling_variants

    from names
    group by organization_key

),

attributes as (

    select
        described.organization_key,
        {{ most_frequent('described.organization_kind') }} as organization_kind,
        {{ most_frequent('described.organization_level') }} as organization_level,
        {{ most_frequent('described.place') }} as place,
        {{ most_frequent('described.parent_organization_key') }} as parent_organization_key

    from described
    group by described.organization_key

),

mention_kinds as (

    select
        names.organization_key,
        {{ most_frequent('names.organization_kind') }} as organization_kind

    from names
    group by names.organization_key

),

final as (

    select
        displayed.organization_key,
        variants.name_key,
        displayed.canonical_name,
        coalesce(attributes.organization_kind, mention_kinds.organization_kind) as organization_kind,
        attributes.organization_level,
        attributes.place,
        nullif(attributes.parent_organization_key, displayed.organization_key) as parent_organization_key,
        variants.spelling_variants,
        displayed.occurrence_count

    from displayed
    inner join variants on variants.organization_key = displayed.organization_key
    left join attributes on attributes.organization_key = displayed.organization_key
    left join mention_kinds on mention_kinds.organization_key = displayed.organization_key

)

select * from final
