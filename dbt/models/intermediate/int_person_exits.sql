-- A person's exit from every post at once: a death, or a retirement printed without the post
-- retired from ("ông A nghỉ hưu theo chế độ"). The earliest one per person.
with

events as (

    select * from {{ ref('int_personnel_events') }}
    where kind = 'died' or (kind = 'retired' and position_key is null)

),

final as (

    select
        person_key,
        arg_min(coalesce(effective_date, event_on), (coalesce(effective_date, event_on), personnel_event_key))
            as exit_date,
        arg_min(personnel_event_key, (coalesce(effective_date, event_on), personnel_event_key))
            as exit_event_key,
        arg_min(kind, (coalesce(effective_date, event_on), personnel_event_key)) as exit_reason

    from events
    group by person_key

)

select * from final
