-- One row per article (its newest version) with its metadata by precedence, and where each
-- field came from: what the crawler's record or the file's sidecar says ('record', 'sidecar'),
-- else what the text prints ('text'), else, for the publication time, a date in the file's path
-- ('path'), else null. Every loaded article has a row, even one nothing was extracted from.
with

records as (

    select * from {{ ref('stg_ingest_records') }}
    where is_current_version
    qualify row_number() over (partition by document_key order by source_file, record_number) = 1

),

articles as (

    select * from {{ ref('stg_articles') }}

),

final as (

    select
        records.document_key as article_key,
        records.source_file,
        records.record_number as source_record,
        records.content_hash,
        records.url,
        records.canonical_url,
        records.version_number,
        records.seen_at,
        records.extra_fields,
        coalesce(records.title, articles.title) as title,
        case
            when records.title is not null then records.metadata_origin
            when articles.title is not null then 'text'
        end as title_source,
        coalesce(records.published_at, articles.published_at, cast(records.path_date as timestamp))
            as published_at,
        case
            when records.published_at is not null then records.metadata_origin
            when articles.published_at is not null then 'text'
            when records.path_date is not null then 'path'
        end as published_at_source,
        coalesce(records.source_outlet, articles.source_outlet) as source_outlet,
        case
            when records.source_outlet is not null then records.metadata_origin
            when articles.source_outlet is not null then 'text'
        end as source_outlet_source,
        coalesce(records.author, articles.author) as author,
        case
            when records.author is not null then records.metadata_origin
            when articles.author is not null then 'text'
        end as author_source,
        articles.clean_text,
        coalesce(articles.encoding, records.encoding) as encoding,
        articles.extractor_version

    from records
    left join articles on articles.article_key = records.document_key

)

select * from final
