-- Personnel events keyed: the person (as int_person_clusters resolved the name in that article),
-- the body of the post and of the previous post (int_organization_keys), the position each post is
-- (position_key, as dim_person_positions keys it) and the date the event holds on: printed for
-- the event, else the date it takes effect, else the article's (int_article_dates.observed_on).
with

events as (

    select * from {{ ref('stg_personnel_events') }}
    where full_name is not null

),

person_keys as (

    select article_key, name_key, person_key from {{ ref('int_person_clusters') }}

),

org_keys as (

    select * from {{ ref('int_organization_keys') }}

),

dates as (

    select article_key, observed_on from {{ ref('int_article_dates') }}

),

keyed as (

    select
        events.*,
        person_keys.person_key,
        post_orgs.organization_key,
        previous_orgs.organization_key as previous_organization_key,
        dates.observed_on

    from events
    inner join person_keys
        on person_keys.article_key = events.article_key
        and person_keys.name_key = {{ name_key('events.full_name') }}
    left join org_keys as post_orgs on post_orgs.printed_key = {{ name_key('events.organization_name') }}
    left join org_keys as previous_orgs
        on previous_orgs.printed_key = {{ name_key('events.previous_organization_name') }}
    left join dates on dates.article_key = events.article_key

),

final as (

    select
        {{ hash_key(['article_key', 'event_index']) }} as personnel_event_key,
        article_key,
        event_index,
        person_key,
        kind,
        discipline_level,
        cue,
        title,
        coalesce(post, title) as post,
        coalesce(canonical_title, title) as canonical_title,
        organization_key,
        body_name,
        is_former,
        case when title is not null then {{ position_key(
            'person_key', 'coalesce(post, title)', 'organization_key', 'coalesce(canonical_title, title)'
        ) }} end as position_key,
        previous_canonical_title,
        previous_post,
        previous_organization_key,
        case when previous_canonical_title is not null then {{ position_key(
            'person_key',
            'coalesce(previous_post, previous_canonical_title)',
            'previous_organization_key',
            'previous_canonical_title'
        ) }} end as previous_position_key,
        deciding_body,
        decision_number,
        decision_date,
        effective_date,
        coalesce(event_date, effective_date, observed_on) as event_on,
        case
            when event_date is not null then 'printed'
            when effective_date is not null then 'effective'
            when observed_on is not null then 'article'
        end as event_on_basis,
        event_date_text,
        char_start,
        char_end,
        sentence_index

    from keyed

)

select * from final
