-- One row per article (a distinct text, or a URL's newest version), whether or not anything was
-- extracted from it, with where each metadata field came from (int_article_metadata).
with

all_articles as (

    select * from {{ ref('int_article_metadata') }}

),

versions as (

    select document_key as article_key, count(*) as version_count
    from {{ ref('stg_ingest_records') }}
    where status in ('loaded', 'updated')
    group by document_key

),

dates as (

    select * from {{ ref('int_article_dates') }}

),

duplicates as (

    select document_key as article_key, count(*) as duplicate_file_count
    from {{ ref('stg_ingest_records') }}
    where status = 'duplicate'
    group by document_key

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
        all_articles.source_record,
        all_articles.content_hash,
        all_articles.title,
        cast(all_articles.published_at as timestamp) as published_at,
        dates.published_on,
        dates.observed_on,
        all_articles.source_outlet,
        all_articles.author,
        all_articles.title_source,
        all_articles.published_at_source,
        all_articles.source_outlet_source,
        all_articles.author_source,
        all_articles.url,
        all_articles.canonical_url,
        all_articles.version_number,
        coalesce(versions.version_count, 1) as version_count,
        all_articles.seen_at,
        all_articles.extra_fields,
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
    left join versions on versions.article_key = all_articles.article_key

)

select * from final
