-- Curation rows apply in one step: a canonical organisation name must not itself be an alias,
-- and a person merged into must not itself be merged away. Returns the offending rows.
select 'organization_aliases' as seed, canonical_name as value
from {{ ref('int_organization_aliases') }}
where canonical_key in (select alias_key from {{ ref('int_organization_aliases') }})

union all

select 'person_merges', into_person
from {{ ref('person_merges') }}
where {{ person_reference('into_person') }} in (
    select {{ person_reference('from_person') }} from {{ ref('person_merges') }}
)
