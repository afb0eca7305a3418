-- Every mention, title and meeting-role offset must index into its article's clean_text:
-- 0 <= char_start <= char_end <= length(clean_text). Returns the offending rows.
with

articles as (

    select article_key, length(clean_text) as text_length
    from {{ ref('dim_articles') }}

),

spans as (

    select 'fct_mentions' as source_model, mention_key as row_key, article_key, char_start, char_end
    from {{ ref('fct_mentions') }}

    union all

    select 'fct_person_titles' as source_model, person_title_key as row_key, article_key, char_start, char_end
    from {{ ref('fct_person_titles') }}

    union all

    select 'fct_meeting_participants' as source_model, participant_key as row_key, article_key, char_start, char_end
    from {{ ref('fct_meeting_participants') }}

),

final as (

    select spans.*, articles.text_length
    from spans
    inner join articles on articles.article_key = spans.article_key
    where spans.char_start < 0
        or spans.char_end < spans.char_start
        or spans.char_end > articles.text_length

)

select * from final
