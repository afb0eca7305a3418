-- One row per person: spellings that differ only in case, spacing or old/new tone-mark
-- placement ('Thuý' / 'Thúy') share a name_key and so a person_key. The displayed name is
-- the most frequent printed spelling, ties broken alphabetically.
with

names as (

    select * from {{ ref('int_person_names') }}

),

spellings as (

    select
        person_key,
        name_key,
        full_name,
        count(*) as occurrence_count

    from names
    group by person_key, name_key, full_name

),

ranked as (

    select
        *,
        row_number() over (
            partition by person_key
            order by occurrence_count desc, full_name
        ) as spelling_rank

    from spellings

),

final as (

    select
        person_key,
        any_value(name_key) as name_key,
        max(full_name) filter (where spelling_rank = 1) as full_name,
        list(full_name order by spelling_rank) as spelling_variants,
        sum(occurrence_count)::bigint as occurrence_count

    from ranked
    group by person_key

)

select * from final
