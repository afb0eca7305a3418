with

source as (

    select * from {{ current_versions('meetings') }}

),

renamed as (

    select
        cast(article_key as varchar) as article_key,
        cast(meeting_index as integer) as meeting_index,
        cast(meeting_date as date) as meeting_date,
        cast(date_is_inferred as boolean) as date_is_inferred,
        nullif(trim(cast(time_of_day as varchar)), '') as time_of_day,
        nullif(trim(cast(meeting_kind as varchar)), '') as meeting_kind,
        nullif(trim(cast(date_text as varchar)), '') as date_text,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(sentence_index as integer) as sentence_index,
        nullif(trim(cast(date_basis as varchar)), '') as date_basis

    from source

),

final as (

    select * from renamed

)

select * from final
