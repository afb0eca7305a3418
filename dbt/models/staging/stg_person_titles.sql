with

source as (

    select * from {{ current_versions('person_titles') }}

),

renamed as (

    select
        cast(article_key as varchar) as article_key,
        nullif(trim(cast(full_name as varchar)), '') as full_name,
        nullif(trim(cast(title as varchar)), '') as title,
        nullif(trim(cast(organization_name as varchar)), '') as organization_name,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(sentence_index as integer) as sentence_index,
        nullif(trim(cast(post as varchar)), '') as post,
        nullif(trim(cast(canonical_title as varchar)), '') as canonical_title,
        nullif(trim(cast(body_name as varchar)), '') as body_name,
        coalesce(cast(is_former as boolean), false) as is_former

    from source

),

final as (

    select * from renamed

)

select * from final
