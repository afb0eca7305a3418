-- One row per meeting as one article reports it (article_meeting_key), with the date an analyst
-- set in seed meeting_date_corrections (by source_file and meeting_index) taking precedence.
with

meetings as (

    select * from {{ ref('stg_meetings') }}

),

articles as (

    select article_key, published_at from {{ ref('int_article_metadata') }}

),

corrections as (

    select
        files.article_key,
        coalesce(corrections.meeting_index, 0) as meeting_index,
        max(corrections.meeting_date) as meeting_date

    from {{ ref('meeting_date_corrections') }} as corrections
    inner join {{ ref('stg_ingest_files') }} as files on files.source_file = trim(corrections.source_file)
    where files.article_key is not null
    group by all

),

final as (

    select
        {{ hash_key(['meetings.article_key', 'meetings.meeting_index']) }} as article_meeting_key,
        meetings.article_key,
        meetings.meeting_index,
        coalesce(corrections.meeting_date, meetings.meeting_date) as meeting_date,
        case when corrections.article_key is not null then false else meetings.date_is_inferred end
            as date_is_inferred,
        corrections.article_key is not null as date_is_corrected,
        case when corrections.article_key is not null then 'curated' else meetings.date_basis end as date_basis,
        meetings.meeting_date as extracted_meeting_date,
        meetings.time_of_day,
        meetings.meeting_kind,
        meetings.date_text,
        meetings.char_start,
        meetings.char_end,
        meetings.sentence_index,
        articles.published_at

    from meetings
    left join articles on articles.article_key = meetings.article_key
    left join corrections
        on corrections.article_key = meetings.article_key
        and corrections.meeting_index = meetings.meeting_index

)

select * from final
