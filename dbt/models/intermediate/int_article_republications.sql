-- Pairs of articles that are one story printed twice: a republished or syndicated copy under
-- other page chrome or another outlet (an exact copy of the file is already a duplicate in
-- ingest_files). Sentences are compared in a folded form (NFC, lower case, punctuation and
-- spacing dropped), only those of 40 characters or more, so bylines, credits and captions that
-- every article of an outlet prints do not count. A pair qualifies when the shared sentences
-- reach var('republication_min_sentences') and var('republication_min_share') of the shorter
-- article's sentences.
with

sentences as (

    select distinct
        article_key,
        md5(trim(regexp_replace(lower(nfc_normalize(sentence_text)), '[\s[:punct:]“”‘’–—…]+', ' ', 'g')))
            as sentence_hash

    from {{ ref('stg_sentences') }}
    where length(sentence_text) >= 40

),

sizes as (

    select article_key, count(*) as sentence_count
    from sentences
    group by article_key

),

shared as (

    select
        first.article_key,
        second.article_key as other_article_key,
        count(*) as shared_sentence_count

    from sentences as first
    inner join sentences as second
        on second.sentence_hash = first.sentence_hash
        and second.article_key > first.article_key
    group by first.article_key, second.article_key

),

sized as (

    select
        shared.article_key,
        shared.other_article_key,
        shared.shared_sentence_count,
        least(first_size.sentence_count, second_size.sentence_count) as shorter_sentence_count

    from shared
    inner join sizes as first_size on first_size.article_key = shared.article_key
    inner join sizes as second_size on second_size.article_key = shared.other_article_key

),

final as (

    select
        article_key,
        other_article_key,
        shared_sentence_count,
        round(shared_sentence_count / shorter_sentence_count, 4) as shared_share

    from sized
    where shared_sentence_count >= {{ var('republication_min_sentences') }}
        and shared_sentence_count >= {{ var('republication_min_share') }} * shorter_sentence_count

)

select * from final
