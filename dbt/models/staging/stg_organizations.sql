with

source as (

    select * from {{ current_versions('organizations') }}

),

renamed as (

    select
        cast(article_key as varchar) as article_key,
        nullif(trim(cast(canonical_name as varchar)), '') as canonical_name,
        nullif(trim(cast(kind as varchar)), '') as organization_kind,
        nullif(trim(cast(level as varchar)), '') as organization_level,
        nullif(trim(cast(place as varchar)), '') as place,
        nullif(trim(cast(parent_name as varchar)), '') as parent_name

    from source

),

final as (

    select * from renamed
    where canonical_name is not null

)

select * from final
