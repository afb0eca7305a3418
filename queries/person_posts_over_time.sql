-- Question: which posts has a given person held, in which bodies, and when were they seen in them?
--
-- Choose the person with a DuckDB variable before running the file (same session):
--   SET VARIABLE person = 'Nguyễn Văn A';
-- The name is matched on dim_people.full_name and its spelling variants, ignoring case; when no
-- name matches so, ignoring diacritics too ('Nguyen Van A', 'Nguyễn Văn Thuý' = 'Nguyễn Văn Thúy');
-- when none matches either, as a substring ('Văn A'). Only the best of these three levels is kept.
-- Without the variable (or with it set to '' or NULL) the file shows the person with the most
-- distinct titles, so it runs as a plain file too.
--
-- One row per (person, title, body, former or not), in the order the posts were first seen.
--
-- Columns:
--   person_key       key of the person (dim_people); several when a name has several holders
--   full_name        displayed full name
--   title            the title as a canonical post of a body, e.g. 'Bí thư Thành ủy Hà Nội'
--   post             the post alone, e.g. 'Bí thư'
--   body             the body the title belongs to (dim_organizations name, else the printed body); null when none
--   body_level       level of that body (central, province, district, commune, enterprise, army)
--   is_former        true when the articles print the title as former ('nguyên', 'cựu')
--   first_seen_on    earliest date the title is stated on (the meeting date, else the publication date)
--   last_seen_on     latest such date
--   article_count    number of distinct articles stating the title
--   statement_count  number of places stating it, over those articles
--
-- Caveats:
--   * first_seen_on / last_seen_on are when the articles state the title, not the term of office.
--   * A former title ('nguyên Bí thư') is its own row: its dates are when it was said to be past.
--   * A name with several holders (dim_people.name_holder_count > 1) returns each holder: tell
--     them apart by person_key.
--   * A variable set to a name that matches nobody returns no row (not the fallback person).
--
-- Run it:
--   duckdb -readonly -cmd "SET VARIABLE person = 'Nguyễn Văn A'" warehouse/warehouse.duckdb < queries/person_posts_over_time.sql
--   duckdb -readonly warehouse/warehouse.duckdb < queries/person_posts_over_time.sql     (the fallback person)
--   python: con = duckdb.connect("warehouse/warehouse.duckdb", read_only=True)
--           con.execute("SET VARIABLE person = ?", ["Nguyễn Văn A"])
--           con.sql(open("queries/person_posts_over_time.sql").read())

with requested as (
    select nullif(trim(nfc_normalize(getvariable('person')::varchar)), '') as name
),

-- Every name the person goes by, lowercased; match_level 1 = one of them ignoring case,
-- 2 = ignoring tone marks too, 3 = the displayed name contains the requested one.
person_names as (
    select
        person_key,
        full_name,
        [lower(v) for v in list_append(string_split(spelling_variants, '; '), full_name)] as names
    from dim_people
),

name_matches as (
    select
        person_names.person_key,
        case
            when list_contains(person_names.names, lower(requested.name)) then 1
            when list_contains([strip_accents(v) for v in person_names.names], strip_accents(lower(requested.name)))
                then 2
            when person_names.full_name ilike '%' || requested.name || '%' then 3
        end as match_level
    from person_names
    cross join requested
    where requested.name is not null
),

best_matches as (
    select person_key
    from name_matches
    where match_level is not null
    qualify match_level = min(match_level) over ()
),

-- The person with the most distinct titles, for when no name is given.
most_titled as (
    select person_key
    from fct_person_titles
    where (select name from requested) is null
    group by person_key
    order by count(distinct canonical_title) desc, count(distinct article_key) desc, person_key
    limit 1
),

chosen as (
    select person_key from best_matches
    union
    select person_key from most_titled
)

select
    titles.person_key,
    people.full_name,
    titles.canonical_title as title,
    titles.post,
    coalesce(bodies.canonical_name, titles.body_name) as body,
    coalesce(bodies.organization_level, titles.organization_level) as body_level,
    titles.is_former,
    min(titles.observed_on) as first_seen_on,
    max(titles.observed_on) as last_seen_on,
    count(distinct titles.article_key) as article_count,
    sum(titles.statement_count)::bigint as statement_count
from fct_person_titles as titles
join chosen using (person_key)
join dim_people as people using (person_key)
left join dim_organizations as bodies using (organization_key)
group by all
order by people.full_name, titles.person_key, first_seen_on nulls last, last_seen_on nulls last, title, body;
