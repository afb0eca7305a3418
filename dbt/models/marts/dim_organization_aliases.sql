-- One row per (organisation, spelling it goes by): its canonical name, the curated aliases
-- (seed organization_aliases, whether or not printed yet), other spellings of its canonical
-- name, and the texts the articles print for it: abbreviations ("Ban Tổ chức T.Ư", "UBND
-- TP"), short forms completed from the article's place ("Thành ủy") and other printed forms.
with

organizations as (

    select organization_key, canonical_name, name_key from {{ ref('int_organizations_resolved') }}

),

names as (

    select * from {{ ref('int_organization_names') }}

),

org_keys as (

    select * from {{ ref('int_organization_keys') }}

),

canonical as (

    select organization_key, canonical_name as alias, 'canonical' as alias_type, 1 as priority, 0 as occurrences
    from organizations

),

curated as (

    select
        {{ key_of_name_key('aliases.canonical_key') }} as organization_key,
        aliases.alias,
        'curated' as alias_type,
        2 as priority,
        0 as occurrences

    from {{ ref('int_organization_aliases') }} as aliases
    -- only bodies the warehouse knows: an alias of a body no article names waits for one
    where {{ key_of_name_key('aliases.canonical_key') }} in (select organizations.organization_key from organizations)

),

spellings as (

    select
        organization_key,
        printed_name as alias,
        case when is_curated_alias then 'curated' else 'spelling' end as alias_type,
        case when is_curated_alias then 2 else 3 end as priority,
        1 as occurrences

    from names

),

printed as (

    select
        org_keys.organization_key,
        trim(mentions.surface_text) as alias,
        case
            when regexp_matches(mentions.surface_text, '\b[A-ZĐ]{2,}\b|T\.\s?Ư|\bTP\b|\bTp\.') then 'abbreviation'
            when starts_with(organizations.name_key, {{ name_key('mentions.surface_text') }} || ' ') then 'short form'
            else 'printed'
        end as alias_type,
        case
            when regexp_matches(mentions.surface_text, '\b[A-ZĐ]{2,}\b|T\.\s?Ư|\bTP\b|\bTp\.') then 4
            when starts_with(organizations.name_key, {{ name_key('mentions.surface_text') }} || ' ') then 6
            else 5
        end as priority,
        1 as occurrences

    from {{ ref('stg_organization_mentions') }} as mentions
    inner join org_keys on org_keys.printed_key = {{ name_key('mentions.canonical_name') }}
    inner join organizations on organizations.organization_key = org_keys.organization_key
    where nullif(trim(mentions.surface_text), '') is not null

),

unioned as (

    select * from canonical
    union all
    select * from curated
    union all
    select * from spellings
    union all
    select * from printed

),

final as (

    select
        {{ hash_key(['organization_key', 'alias']) }} as organization_alias_key,
        organization_key,
        alias,
        arg_min(alias_type, priority) as alias_type,
        sum(occurrences)::bigint as occurrence_count

    from unioned
    group by organization_key, alias

)

select * from final
