with

source as (

    select * from {{ current_versions('meeting_organizers') }}

),

renamed as (

    select
        cast(article_key as varchar) as article_key,
        cast(meeting_index as integer) as meeting_index,
        nullif(trim(cast(organization_name as varchar)), '') as organization_name

    from source

),

final as (

    select * from renamed

)

select * from final
