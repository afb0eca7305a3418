with

source as (

    select * from {{ current_versions('personnel_events') }}

),

renamed as (

    select
        cast(article_key as varchar) as article_key,
        cast(event_index as integer) as event_index,
        nullif(trim(cast(full_name as varchar)), '') as full_name,
        lower(trim(cast(kind as varchar))) as kind,
        nullif(lower(trim(cast(discipline_level as varchar))), '') as discipline_level,
        nullif(trim(cast(cue as varchar)), '') as cue,
        nullif(trim(cast(title as varchar)), '') as title,
        nullif(trim(cast(post as varchar)), '') as post,
        nullif(trim(cast(canonical_title as varchar)), '') as canonical_title,
        nullif(trim(cast(body_name as varchar)), '') as body_name,
        nullif(trim(cast(organization_name as varchar)), '') as organization_name,
        coalesce(cast(is_former as boolean), false) as is_former,
        nullif(trim(cast(previous_canonical_title as varchar)), '') as previous_canonical_title,
        nullif(trim(cast(previous_post as varchar)), '') as previous_post,
        nullif(trim(cast(previous_organization_name as varchar)), '') as previous_organization_name,
        nullif(trim(cast(deciding_body as varchar)), '') as deciding_body,
        nullif(trim(cast(decision_number as varchar)), '') as decision_number,
        cast(decision_date as date) as decision_date,
        cast(effective_date as date) as effective_date,
        cast(event_date as date) as event_date,
        nullif(trim(cast(event_date_text as varchar)), '') as event_date_text,
        coalesce(cast(told_as_past as boolean), false) as told_as_past,
        cast(char_start as integer) as char_start,
        cast(char_end as integer) as char_end,
        cast(sentence_index as integer) as sentence_index

    from source

),

final as (

    select * from renamed

)

select * from final
