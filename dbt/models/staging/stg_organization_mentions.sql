with

source as (

    select * from {{ current_versions('organization_mentions') }}

),

renamed as (

    select
        cast(article_key as varchar) as article_key,
        cast(mention_index as integer) as mention_index,
        nullif(trim(cast(canonical_name as varchar)), '') as canonical_name,
        cast(surface_text as varchar) as surface_text,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(sentence_index as integer) as sentence_index,
        nullif(trim(cast(kind as varchar)), '') as organization_kind

    from source

),

final as (

    select * from renamed

)

select * from final
