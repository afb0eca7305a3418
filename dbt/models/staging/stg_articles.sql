with

source as (

    select * from {{ current_versions('articles') }}

),

renamed as (

    select
        cast(article_key as varchar) as article_key,
        cast(source_file as varchar) as source_file,
        cast(content_hash as varchar) as content_hash,
        nullif(trim(cast(title as varchar)), '') as title,
        cast(published_at as timestamp) as published_at,
        nullif(trim(cast(source_outlet as varchar)), '') as source_outlet,
        nullif(trim(cast(author as varchar)), '') as author,
        -- not trimmed: every char offset of the raw schema indexes into this text
        cast(clean_text as varchar) as clean_text,
        nullif(trim(cast(encoding as varchar)), '') as encoding,
        nullif(trim(cast(extractor_version as varchar)), '') as extractor_version

    from source

),

final as (

    select * from renamed

)

select * from final
