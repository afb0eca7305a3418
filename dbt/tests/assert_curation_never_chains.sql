-- Curation rows apply in one step: a canonical organisation name must not itself be an alias,
-- and a person merged into must not itself be merged away. Returns the offending rows.
select 'organization_aliases' as seed, aliases.canonical_name as value
from {{ ref('int_organization_aliases') }} as aliases
where
    aliases.canonical_key in (
        select other_aliases.alias_key from {{ ref('int_organization_aliases') }} as other_aliases
    )

union all

select 'person_merges' as seed, person_merges.into_person as value
from {{ ref('person_merges') }} as person_merges
where
    {{ person_reference('person_merges.into_person') }} in (
        select {{ person_reference('other_merges.from_person') }} from {{ ref('person_merges') }} as other_merges
    )
