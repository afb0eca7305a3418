-- One row per (article, person, title) as the article states it, dated by int_article_dates.
with

titles as (

    select * from {{ ref('stg_person_titles') }}

),

dates as (

    select article_key, observed_on from {{ ref('int_article_dates') }}

),

keyed as (

    select
        article_key,
        {{ entity_key('full_name') }} as person_key,
        title,
        {{ entity_key('organization_name') }} as organization_key,
        organization_name,
        char_start,
        char_end,
        sentence_index

    from titles
    where title is not null

),

statements as (

    select
        article_key,
        person_key,
        title,
        -- the body named with the first statement that names one
        arg_min(organization_key, (coalesce(char_start, 2147483647), organization_key))
            filter (where organization_key is not null) as organization_key,
        min(char_start) as char_start,
        arg_min(char_end, (coalesce(char_start, 2147483647), coalesce(char_end, 2147483647))) as char_end,
        arg_min(sentence_index, (coalesce(char_start, 2147483647), coalesce(sentence_index, 2147483647)))
            as sentence_index,
        count(*) as statement_count

    from keyed
    where person_key is not null
    group by article_key, person_key, title

),

final as (

    select
        {{ hash_key(['statements.article_key', 'statements.person_key', 'statements.title']) }}
            as person_title_key,
        statements.article_key,
        statements.person_key,
        statements.title,
        statements.organization_key,
        dates.observed_on,
        statements.char_start,
        statements.char_end,
        statements.sentence_index,
        statements.statement_count

    from statements
    left join dates on dates.article_key = statements.article_key

)

select * from final
