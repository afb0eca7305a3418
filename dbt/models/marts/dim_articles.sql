-- One row per loaded article (distinct file content), whether or not anything was extracted from it.
with

articles as (

    select * from {{ ref('stg_articles') }}

),

ingest_files as (

    select * from {{ ref('stg_ingest_files') }}

),

-- a loaded file whose article row is missing still gets a (mostly empty) row
loaded_without_article as (

    select
        ingest_files.article_key,
        min(ingest_files.source_file) as source_file,
        min(ingest_files.content_hash) as content_hash

    from ingest_files
    where ingest_files.status = 'loaded'
        and ingest_files.article_key is not null
        and ingest_files.article_key not in (
            select articles.article_key from articles
            where articles.article_key is not null
        )
    group by ingest_files.article_key

),

all_articles as (

    select
        article_key, source_file, content_hash, title, published_at, source_outlet, author,
        clean_text, encoding, extractor_version
    from articles

    union all

    select
        article_key, source_file, content_hash, null as title, null as published_at, null as source_outlet,
        null as author, null as clean_text, null as encoding, null as extractor_version
    from loaded_without_article

),

dates as (

    select * from {{ ref('int_article_dates') }}

),

duplicates as (

    select article_key, count(*) as duplicate_file_count
    from ingest_files
    where status = 'duplicate'
    group by article_key

),

sentences as (

    select article_key, count(*) as sentence_count
    from {{ ref('stg_sentences') }}
    group by article_key

),

captions as (

    select article_key, count(*) as caption_count
    from {{ ref('stg_captions') }}
    group by article_key

),

mentions as (

    select
        article_key,
        count(*) filter (where mention_kind = 'person') as person_mention_count,
        count(*) filter (where mention_kind = 'organization') as organization_mention_count

    from {{ ref('int_mentions_unioned') }}
    group by article_key

),

meetings as (

    select article_key, count(*) as meeting_count
    from {{ ref('int_meetings_keyed') }}
    group by article_key

),

final as (

    select
        all_articles.article_key,
        all_articles.source_file,
        all_articles.content_hash,
        all_articles.title,
        cast(all_articles.published_at as timestamp) as published_at,
        dates.published_on,
        dates.observed_on,
        all_articles.source_outlet,
        all_articles.author,
        all_articles.encoding,
        all_articles.extractor_version,
        cast(all_articles.clean_text as varchar) as clean_text,
        coalesce(length(all_articles.clean_text), 0) as char_count,
        coalesce(sentences.sentence_count, 0) as sentence_count,
        coalesce(captions.caption_count, 0) as caption_count,
        coalesce(mentions.person_mention_count, 0) as person_mention_count,
        coalesce(mentions.organization_mention_count, 0) as organization_mention_count,
        coalesce(meetings.meeting_count, 0) as meeting_count,
        coalesce(duplicates.duplicate_file_count, 0) as duplicate_file_count

    from all_articles
    left join dates on dates.article_key = all_articles.article_key
    left join sentences on sentences.article_key = all_articles.article_key
    left join captions on captions.article_key = all_articles.article_key
    left join mentions on mentions.article_key = all_articles.article_key
    left join meetings on meetings.article_key = all_articles.article_key
    left join duplicates on duplicates.article_key = all_articles.article_key

)

select * from final
