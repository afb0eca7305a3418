with

source as (

    select * from {{ source('raw', 'person_titles') }}

),

renamed as (

    select
        cast(article_key as varchar) as article_key,
        nullif(trim(cast(full_name as varchar)), '') as full_name,
        nullif(trim(cast(title as varchar)), '') as title,
        nullif(trim(cast(organization_name as varchar)), '') as organization_name,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(sentence_index as integer) as sentence_index

    from source

),

final as (

    select * from renamed

)

select * from final
