-- The lookup every model uses to key a printed body name: name key of the printed name ->
-- organization_key (after curated aliases). One row per distinct printed name key.
with

names as (

    select * from {{ ref('int_organization_names') }}

),

final as (

    select distinct
        printed_key,
        organization_key

    from names

)

select * from final
