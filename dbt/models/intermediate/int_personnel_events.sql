-- Personnel events keyed: the person (as int_person_clusters resolved the name in that article),
-- the body of the post and of the previous post (int_organization_keys), the position each post is
-- (position_key, as dim_person_positions keys it) and the date the event holds on: printed for
-- the event, else the date it takes effect, else the article's, when that is known for sure (its
-- publication, or a meeting date whose year is printed or the publication's, printed in the
-- article's lead: var article_lead_sentences) and the sentence does not tell the event as past
-- ("Năm 2011, ông A được bổ nhiệm"). A wrong date is worse than none: a tenure started
-- "first_seen" still has a date.
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

first_meetings as (

    select
        article_key,
        arg_min(meeting_date, meeting_index) as meeting_date,
        arg_min(date_basis, meeting_index) as date_basis

    from {{ ref('int_meeting_reports') }}
    where meeting_date is not null and sentence_index < {{ var('article_lead_sentences') }}
    group by article_key

),

dates as (

    select
        article_dates.article_key,
        coalesce(
            case
                when first_meetings.date_basis in ('printed', 'publication', 'curated')
                    then first_meetings.meeting_date
            end,
            article_dates.published_on
        ) as observed_on

    from {{ ref('int_article_dates') }} as article_dates
    left join first_meetings on first_meetings.article_key = article_dates.article_key

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
        coalesce(event_date, effective_date, case when not told_as_past then observed_on end) as event_on,
        case
            when event_date is not null then 'printed'
            when effective_date is not null then 'effective'
            when observed_on is not null and not told_as_past then 'article'
        end as event_on_basis,
        event_date_text,
        told_as_past,
        char_start,
        char_end,
        sentence_index

    from keyed

)

select * from final
