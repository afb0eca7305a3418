-- The date each article's statements are observed on: the date of its first meeting that has
-- a known date (lowest meeting_index), else the publication date.
with

articles as (

    select article_key, published_at from {{ ref('int_article_metadata') }}

),

meetings as (

    select article_key, meeting_index, meeting_date from {{ ref('int_meeting_reports') }}

),

first_dated_meeting as (

    select
        article_key,
        arg_min(meeting_date, meeting_index) as first_meeting_date

    from meetings
    where meeting_date is not null
    group by article_key

),

final as (

    select
        articles.article_key,
        cast(articles.published_at as date) as published_on,
        first_dated_meeting.first_meeting_date,
        coalesce(first_dated_meeting.first_meeting_date, cast(articles.published_at as date)) as observed_on

    from articles
    left join first_dated_meeting
        on first_dated_meeting.article_key = articles.article_key

)

select * from final
