with

source as (

    select * from {{ source('raw', 'ingest_records') }}

),

renamed as (

    select
        cast(source_file as varchar) as source_file,
        cast(record_number as integer) as record_number,
        lower(trim(cast(status as varchar))) as status,
        nullif(trim(cast(reason as varchar)), '') as reason,
        nullif(trim(cast(article_key as varchar)), '') as article_key,
        nullif(trim(cast(document_key as varchar)), '') as document_key,
        nullif(trim(cast(content_hash as varchar)), '') as content_hash,
        nullif(trim(cast(file_hash as varchar)), '') as file_hash,
        nullif(trim(cast(url as varchar)), '') as url,
        nullif(trim(cast(canonical_url as varchar)), '') as canonical_url,
        cast(version_number as integer) as version_number,
        nullif(trim(cast(replaced_by as varchar)), '') as replaced_by,
        cast(seen_at as timestamp) as seen_at,
        nullif(trim(cast(metadata_origin as varchar)), '') as metadata_origin,
        nullif(trim(cast(title as varchar)), '') as title,
        cast(published_at as timestamp) as published_at,
        nullif(trim(cast(source_outlet as varchar)), '') as source_outlet,
        nullif(trim(cast(author as varchar)), '') as author,
        nullif(trim(cast(lang as varchar)), '') as lang,
        cast(path_date as date) as path_date,
        nullif(trim(cast(extra_fields as varchar)), '') as extra_fields,
        nullif(trim(cast(metadata_problems as varchar)), '') as metadata_problems,
        nullif(trim(cast(encoding as varchar)), '') as encoding,
        nullif(trim(cast(flags as varchar)), '') as flags,
        status in ('loaded', 'updated') and replaced_by is null as is_current_version

    from source

),

final as (

    select * from renamed

)

select * from final
