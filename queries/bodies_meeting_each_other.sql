-- Question: which bodies meet each other most, i.e. which pairs of organisations turn up at the same meetings?
--
-- A body is at a meeting when it organises it (bridge_meeting_organizers) or when the report of
-- the meeting names it (fct_mentions rows of kind 'organization' carrying the meeting_key).
-- One row per unordered pair of bodies present at one or more common meetings, the 100 pairs
-- with the most shared meetings first.
--
-- Columns:
--   organization_a_key     key of one body (dim_organizations), the smaller key of the two
--   organization_a         canonical name of that body
--   organization_b_key     key of the other body, the larger key
--   organization_b         canonical name of the other body
--   shared_meetings        number of distinct meetings both bodies are at (as organiser or named)
--   co_organized_meetings  of those, meetings both bodies organised together
--   is_parent_child        true when one body is the direct parent of the other
--                          (Ban Thường vụ Thành ủy Hà Nội -> Thành ủy Hà Nội)
--   first_met_on           date of the earliest shared meeting with a known date
--   last_met_on            date of the latest shared meeting with a known date
--
-- Caveats:
--   * "Named in the report" is broad: a body that only appears in an attendee's title
--     ("Bí thư Thành ủy Hà Nội") is counted as present. co_organized_meetings is the strict measure.
--   * An article reporting several meetings lends a mention to the meeting whose evidence
--     precedes it (see fct_mentions.meeting_key); mentions with no meeting are left out.
--   * Each pair appears once (organization_a_key < organization_b_key). Ties beyond the 100th
--     pair are cut by co_organized_meetings, then names.
--
-- Run it:
--   duckdb -readonly warehouse/warehouse.duckdb < queries/bodies_meeting_each_other.sql
--   python: duckdb.connect("warehouse/warehouse.duckdb", read_only=True).sql(open("queries/bodies_meeting_each_other.sql").read())

with presence as (
    select meeting_key, organization_key, true as is_organizer
    from bridge_meeting_organizers
    union all
    select meeting_key, organization_key, false as is_organizer
    from fct_mentions
    where mention_kind = 'organization'
      and meeting_key is not null
      and organization_key is not null
),

bodies_at_meetings as (
    select meeting_key, organization_key, bool_or(is_organizer) as is_organizer
    from presence
    group by meeting_key, organization_key
),

pairs as (
    select
        a.organization_key as organization_a_key,
        b.organization_key as organization_b_key,
        a.meeting_key,
        a.is_organizer and b.is_organizer as both_organized
    from bodies_at_meetings as a
    join bodies_at_meetings as b
      on a.meeting_key = b.meeting_key
     and a.organization_key < b.organization_key
),

pair_counts as (
    select
        pairs.organization_a_key,
        pairs.organization_b_key,
        count(distinct pairs.meeting_key) as shared_meetings,
        count(distinct pairs.meeting_key) filter (where pairs.both_organized) as co_organized_meetings,
        min(meetings.meeting_date) as first_met_on,
        max(meetings.meeting_date) as last_met_on
    from pairs
    join fct_meetings as meetings using (meeting_key)
    group by pairs.organization_a_key, pairs.organization_b_key
)

select
    pair_counts.organization_a_key,
    a.canonical_name as organization_a,
    pair_counts.organization_b_key,
    b.canonical_name as organization_b,
    pair_counts.shared_meetings,
    pair_counts.co_organized_meetings,
    coalesce(a.parent_organization_key = b.organization_key or b.parent_organization_key = a.organization_key,
             false) as is_parent_child,
    pair_counts.first_met_on,
    pair_counts.last_met_on
from pair_counts
join dim_organizations as a on a.organization_key = pair_counts.organization_a_key
join dim_organizations as b on b.organization_key = pair_counts.organization_b_key
order by
    pair_counts.shared_meetings desc,
    pair_counts.co_organized_meetings desc,
    organization_a,
    organization_b
limit 100;
