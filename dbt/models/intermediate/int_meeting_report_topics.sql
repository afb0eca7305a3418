-- What each meeting report is about, as a set of word pairs: the lower-case word bigrams of the
-- article's title and of the sentence that tells of the meeting (letters only: numbers left out, so dates and
-- counts do not count as a topic). Two outlets' reports of one meeting share many of them ("phiên
-- tái chất vấn", "trung tâm hành chính"); two events of one city on one day attended by the same
-- officials share few (int_meeting_links).
with

reports as (

    select article_meeting_key, article_key, char_start, char_end from {{ ref('int_meeting_reports') }}

),

articles as (

    select article_key, clean_text from {{ ref('stg_articles') }}

),

metadata as (

    select article_key, title from {{ ref('int_article_metadata') }}

),

words as (

    select
        reports.article_meeting_key,
        regexp_extract_all(
            lower(
                coalesce(metadata.title, '')
                || ' '
                || coalesce(
                    substr(articles.clean_text, reports.char_start + 1, reports.char_end - reports.char_start), ''
                )
            ),
            '\p{L}+'
        ) as words

    from reports
    inner join articles on articles.article_key = reports.article_key
    left join metadata on metadata.article_key = reports.article_key

),

final as (

    select
        article_meeting_key,
        list_sort(list_distinct(list_transform(range(1, len(words)), lambda i: words[i] || ' ' || words[i + 1])))
            as topic_bigrams

    from words

)

select * from final
