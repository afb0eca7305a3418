-- One row per (meeting, article that reports it), with where the article reports it.
with

meetings as (

    select * from {{ ref('int_meetings_keyed') }}

),

final as (

    select
        {{ hash_key(['meeting_key', 'article_key']) }} as meeting_article_key,
        meeting_key,
        article_key,
        min(meeting_index) as meeting_index,
        arg_min(char_start, meeting_index) as char_start,
        arg_min(char_end, meeting_index) as char_end,
        arg_min(sentence_index, meeting_index) as sentence_index,
        arg_min(date_text, meeting_index) as date_text

    from meetings
    group by meeting_key, article_key

)

select * from final
