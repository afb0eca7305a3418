-- One row per meeting as one article reports it, with its keys.
-- article_meeting_key identifies the report (article, meeting_index); meeting_key identifies
-- the real meeting. For now every report is its own meeting (meeting_key = article_meeting_key);
-- merging reports of one meeting across articles will only change how meeting_key is derived here.
with

meetings as (

    select * from {{ ref('stg_meetings') }}

),

keyed as (

    select
        {{ hash_key(['article_key', 'meeting_index']) }} as article_meeting_key,
        *

    from meetings

),

final as (

    select
        article_meeting_key as meeting_key,
        article_meeting_key,
        article_key,
        meeting_index,
        meeting_date,
        date_is_inferred,
        time_of_day,
        meeting_kind,
        date_text,
        char_start,
        char_end,
        sentence_index

    from keyed

)

select * from final
