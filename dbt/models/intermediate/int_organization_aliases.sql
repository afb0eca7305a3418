-- The curated organisation aliases (seed organization_aliases), keyed: a printed name whose name
-- key equals alias_key is the body canonical_name. One level: an alias never points to an alias.
with

aliases as (

    select * from {{ ref('organization_aliases') }}

),

keyed as (

    select
        {{ name_key('alias') }} as alias_key,
        trim(alias) as alias,
        trim(canonical_name) as canonical_name,
        {{ name_key('canonical_name') }} as canonical_key,
        note

    from aliases

),

final as (

    select * from keyed
    where alias_key is not null
        and canonical_key is not null
        and alias_key <> canonical_key

)

select * from final
