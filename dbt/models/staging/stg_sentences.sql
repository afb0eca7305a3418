with

source as (

    select * from {{ current_versions('sentences') }}

),

renamed as (

    select
        cast(article_key as varchar) as article_key,
        cast(sentence_index as integer) as sentence_index,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(sentence_text as varchar) as sentence_text

    from source

),

final as (

    select * from renamed

)

select * from final
