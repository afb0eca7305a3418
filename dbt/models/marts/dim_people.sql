-- One row per real person (int_person_clusters, int_people_resolved), with how the occurrences
-- were judged to be this person and activity counts.
with

people as (

    select * from {{ ref('int_people_resolved') }}

),

clusters as (

    select article_key, name_key, person_key from {{ ref('int_person_clusters') }}

),

names as (

    select
        clusters.person_key,
        person_names.article_key,
        person_names.origin

    from {{ ref('int_person_names') }} as person_names
    inner join clusters
        on clusters.article_key = person_names.article_key
        and clusters.name_key = person_names.name_key

),

dates as (

    select * from {{ ref('int_article_dates') }}

),

appearances as (

    select
        names.person_key,
        count(distinct names.article_key) as article_count,
        count(*) filter (where names.origin = 'mention') as mention_count,
        count(*) filter (where names.origin = 'title') as title_statement_count,
        min(dates.observed_on) as first_seen_on,
        max(dates.observed_on) as last_seen_on

    from names
    left join dates on dates.article_key = names.article_key
    group by names.person_key

),

meetings as (

    select person_key, count(distinct meeting_key) as meeting_count
    from {{ ref('fct_meeting_participants') }}
    group by person_key

),

final as (

    select
        people.person_key,
        people.full_name,
        people.name_key,
        {{ joined_text('people.spelling_variants') }} as spelling_variants,
        people.match_reason,
        people.match_score,
        people.name_holder_count,
        people.holder_sphere,
        coalesce(appearances.article_count, 0) as article_count,
        coalesce(appearances.mention_count, 0) as mention_count,
        coalesce(appearances.title_statement_count, 0) as title_statement_count,
        coalesce(meetings.meeting_count, 0) as meeting_count,
        appearances.first_seen_on,
        appearances.last_seen_on

    from people
    left join appearances on appearances.person_key = people.person_key
    left join meetings on meetings.person_key = people.person_key

)

select * from final
