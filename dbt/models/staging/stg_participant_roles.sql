with

source as (

    select * from {{ current_versions('participant_roles') }}

),

renamed as (

    select
        cast(article_key as varchar) as article_key,
        cast(meeting_index as integer) as meeting_index,
        nullif(trim(cast(full_name as varchar)), '') as full_name,
        lower(trim(cast(role as varchar))) as role,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(sentence_index as integer) as sentence_index

    from source

),

final as (

    select * from renamed

)

select * from final
