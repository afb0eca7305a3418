-- Pairs of articles that are one story printed twice: a republished or syndicated copy under
-- other page chrome or another outlet (an exact copy of the file is already a duplicate in
-- ingest_files). Sentences are compared folded and hashed (int_article_sentence_hashes). A pair
-- qualifies when the shared sentences reach var('republication_min_sentences') and
-- var('republication_min_share') of the shorter article's sentences.
--
-- Incremental: whether two articles are one story depends on those two articles only, so a
-- nightly build deletes the pairs of the changed articles (pre-hook) and looks for pairs of the
-- changed articles against every article, through the sentence hashes they print; every other
-- pair stays as it was. The full build pairs every article with every other.
{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_changed_articles() }} {{ 'or other_article_key in (select document_key from incremental.article_changes)' if is_incremental() }}",
) }}

with

sentences as (

    select article_key, sentence_hash
    from {{ ref('int_article_sentence_hashes') }}

),

probes as (

    select article_key, sentence_hash
    from sentences
    {{ where_changed_articles() }}

),

-- (article, other article, shared hash), each pair once with the smaller key first, whichever
-- of the two is the probe (both are when both changed)
matches as (

    select distinct
        least(probes.article_key, sentences.article_key) as article_key,
        greatest(probes.article_key, sentences.article_key) as other_article_key,
        probes.sentence_hash

    from probes
    inner join sentences
        on sentences.sentence_hash = probes.sentence_hash
        and sentences.article_key <> probes.article_key

),

shared as (

    select article_key, other_article_key, count(*) as shared_sentence_count
    from matches
    group by article_key, other_article_key

),

paired as (

    select article_key from shared
    union
    select other_article_key as article_key from shared

),

sizes as (

    select sentences.article_key, count(*) as sentence_count
    from sentences
    semi join paired on paired.article_key = sentences.article_key
    group by sentences.article_key

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
