{#
    current_versions(table): the rows of raw.<table> that belong to the newest version of each
    article, keyed by the article (raw.ingest_records.document_key) instead of by the version's
    extraction (raw.<table>.article_key).

    Raw keeps the extraction of every version of an article (a crawler's later fetch of a URL with
    edited text is a new version); the marts show the newest one only, under a key that every
    version shares, so the meetings, titles and mentions an edit did not touch keep their keys.
    The same extraction can serve two articles (one text under two URLs: a republication); it
    then gives rows to each. Used as the `source` CTE of each staging model of an article table.
#}

{% macro current_versions(table) -%}
(
    select
        versions.document_key as article_key,
        version_rows.* exclude (article_key)
    from {{ source('raw', table) }} as version_rows
    inner join (
        select distinct article_key, document_key
        from {{ source('raw', 'ingest_records') }}
        where status in ('loaded', 'updated') and replaced_by is null
    ) as versions
        on versions.article_key = version_rows.article_key
) as current_rows
{%- endmacro %}
