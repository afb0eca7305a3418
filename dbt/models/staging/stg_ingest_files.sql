with

source as (

    select * from {{ source('raw', 'ingest_files') }}

),

renamed as (

    select
        cast(source_file as varchar) as source_file,
        nullif(trim(cast(content_hash as varchar)), '') as content_hash,
        cast(size_bytes as bigint) as size_bytes,
        lower(trim(cast(status as varchar))) as status,
        nullif(trim(cast(reason as varchar)), '') as reason,
        nullif(trim(cast(article_key as varchar)), '') as article_key,
        nullif(trim(cast(encoding as varchar)), '') as encoding,
        nullif(trim(cast(flags as varchar)), '') as flags

    from source

),

final as (

    select * from renamed

)

select * from final
