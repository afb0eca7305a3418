-- One row per (article, person, title) as the article states it, dated by int_article_dates and
-- decomposed into its post and the body it belongs to (with the body's level).
with

titles as (

    select * from {{ ref('stg_person_titles') }}

),

person_keys as (

    select article_key, name_key, person_key from {{ ref('int_person_clusters') }}

),

org_keys as (

    select * from {{ ref('int_organization_keys') }}

),

organizations as (

    select organization_key, organization_level from {{ ref('int_organizations_resolved') }}

),

dates as (

    select article_key, observed_on from {{ ref('int_article_dates') }}

),

keyed as (

    select
        titles.article_key,
        person_keys.person_key,
        titles.title,
        titles.post,
        titles.canonical_title,
        titles.body_name,
        titles.is_former,
        org_keys.organization_key,
        titles.char_start,
        titles.char_end,
        titles.sentence_index

    from titles
    left join person_keys
        on person_keys.article_key = titles.article_key
        and person_keys.name_key = {{ name_key('titles.full_name') }}
    left join org_keys on org_keys.printed_key = {{ name_key('titles.organization_name') }}
    where titles.title is not null

),

statements as (

    select
        article_key,
        person_key,
        title,
        -- the first statement's reading of the post (the same printed title reads the same way)
        arg_min(post, (coalesce(char_start, 2147483647), post)) as post,
        arg_min(canonical_title, (coalesce(char_start, 2147483647), canonical_title)) as canonical_title,
        arg_min(body_name, (coalesce(char_start, 2147483647), body_name)) as body_name,
        bool_or(is_former) as is_former,
        -- the body named with the first statement that names one
        arg_min(
            organization_key, (coalesce(char_start, 2147483647), organization_key)
        ) filter (where organization_key is not null) as organization_key,
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
        coalesce(statements.post, statements.title) as post,
        coalesce(statements.canonical_title, statements.title) as canonical_title,
        statements.organization_key,
        organizations.organization_level,
        statements.body_name,
        statements.is_former,
        dates.observed_on,
        statements.char_start,
        statements.char_end,
        statements.sentence_index,
        statements.statement_count

    from statements
    left join organizations on organizations.organization_key = statements.organization_key
    left join dates on dates.article_key = statements.article_key

)

select * from final
