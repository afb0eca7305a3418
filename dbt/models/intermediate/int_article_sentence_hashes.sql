-- Each article's distinctive sentences (40 characters or more) in a folded form (NFC, lower case,
-- punctuation and spacing dropped), hashed: what int_article_republications compares. Bylines,
-- credits and captions that every article of an outlet prints are shorter and do not count.
-- Incremental by article (macros/incremental_articles.sql): folding every sentence of the archive
-- again each night was the costliest step of finding republications.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_changed_articles() }}",
) }}

with

sentences as (

    select article_key, sentence_text
    from {{ ref('stg_sentences') }}
    where length(sentence_text) >= 40
        {{ where_changed_articles(keyword='and') }}

),

final as (

    select distinct
        article_key,
        md5(trim(regexp_replace(lower(nfc_normalize(sentence_text)), '[\s[:punct:]“”‘’–—…]+', ' ', 'g')))
            as sentence_hash

    from sentences

)

select * from final
