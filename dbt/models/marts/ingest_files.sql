-- One row per file found under the raw folder and what became of it.
with

files as (

    select * from {{ ref('stg_ingest_files') }}

),

final as (

    select
        source_file,
        content_hash,
        size_bytes,
        status,
        reason,
        article_key,
        encoding,
        flags

    from files

)

select * from final
