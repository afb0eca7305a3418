-- One row per personnel event an article reports: who, what kind (and disciplinary level), the
-- post taken or left decomposed as in fct_person_titles, the position it starts or ends
-- (dim_person_positions), who decided, the decision cited, and the dates.
with

events as (

    select * from {{ ref('int_personnel_events') }}

),

organizations as (

    select organization_key, organization_level from {{ ref('int_organizations_resolved') }}

),

final as (

    select
        events.personnel_event_key,
        events.article_key,
        events.event_index,
        events.person_key,
        events.kind,
        events.discipline_level,
        events.cue,
        events.title,
        events.post,
        events.canonical_title,
        events.organization_key,
        organizations.organization_level,
        events.body_name,
        events.is_former,
        events.position_key,
        events.previous_canonical_title,
        events.previous_organization_key,
        events.previous_position_key,
        events.deciding_body,
        events.decision_number,
        events.decision_date,
        events.effective_date,
        events.event_on,
        events.event_on_basis,
        events.event_date_text,
        events.told_as_past,
        events.char_start,
        events.char_end,
        events.sentence_index

    from events
    left join organizations on organizations.organization_key = events.organization_key

)

select * from final
