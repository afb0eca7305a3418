-- A single-seat post (seed single_seat_posts) has one holder at a time: warn on every pair of
-- overlapping tenures, which qa_position_overlaps lists for curation. A warning, not an error:
-- the articles are right about who held a post far more often than the resolution of names and
-- bodies is, and a build must not stop on one confusion.
{{ config(severity='warn') }}

select overlap_key, organization_name, post, first_full_name, second_full_name, overlap_days
from {{ ref('qa_position_overlaps') }}
