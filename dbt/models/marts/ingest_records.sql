-- One row per record found in a raw file (a one-article file is one record) and what became of
-- it: loaded, a new version of an article seen before, a duplicate, or rejected and why.
with

records as (

    select * from {{ ref('stg_ingest_records') }}

),

final as (

    select
        source_file,
        record_number,
        status,
        reason,
        document_key as article_key,
        article_key as version_key,
        content_hash,
        url,
        canonical_url,
        version_number,
        replaced_by as replaced_by_version_key,
        is_current_version,
        seen_at,
        metadata_origin,
        title,
        published_at,
        source_outlet,
        author,
        lang,
        path_date,
        extra_fields,
        metadata_problems,
        encoding,
        flags

    from records

)

select * from final
