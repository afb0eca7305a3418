-- Two people holding one single-seat post (seed single_seat_posts: a committee's secretary, a
-- people's committee's chair, a minister) at overlapping times: one row per pair, for curation to
-- resolve (a person_merges or person_splits row, an organisation alias, or a tenure the events
-- missed). A tenure runs from start_date to end_date, else to last_seen_on (else its start): the
-- last time it was known held. Tenures that meet on one day (one leaves, the next takes the post)
-- do not overlap.
with

positions as (

    select * from {{ ref('dim_person_positions') }}
    where organization_key is not null and start_date is not null

),

single_seat as (

    select
        *,
        coalesce(end_date, greatest(last_seen_on, start_date)) as held_until

    from positions
    where is_single_seat

),

final as (

    select
        {{ hash_key(['first.position_key', 'second.position_key']) }} as overlap_key,
        first.organization_key,
        first.organization_name,
        first.post,
        first.position_key as first_position_key,
        first.person_key as first_person_key,
        first.full_name as first_full_name,
        first.start_date as first_start_date,
        first.start_basis as first_start_basis,
        first.held_until as first_held_until,
        second.position_key as second_position_key,
        second.person_key as second_person_key,
        second.full_name as second_full_name,
        second.start_date as second_start_date,
        second.start_basis as second_start_basis,
        second.held_until as second_held_until,
        least(first.held_until, second.held_until) - greatest(first.start_date, second.start_date) + 1
            as overlap_days

    from single_seat as first
    inner join single_seat as second
        on second.organization_key = first.organization_key
        and second.post = first.post
        and second.person_key <> first.person_key
        and (first.start_date, first.position_key) < (second.start_date, second.position_key)
    where first.start_date < second.held_until and second.start_date < first.held_until

)

select * from final
