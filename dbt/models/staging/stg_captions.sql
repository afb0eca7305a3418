with

source as (

    select * from {{ current_versions('captions') }}

),

renamed as (

    select
        cast(article_key as varchar) as article_key,
        cast(caption_index as integer) as caption_index,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(caption_text as varchar) as caption_text,
        nullif(trim(cast(credit as varchar)), '') as credit

    from source

),

final as (

    select * from renamed

)

select * from final
