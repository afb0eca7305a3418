-- One row per report with the key of the real meeting it tells of. Reports linked by
-- int_meeting_links (directly or through others) are one meeting; its key is the
-- article_meeting_key of its founding report, the first published (unknown times last), then
-- by article_key and meeting_index. A meeting reported once keeps the key of its report, and a
-- later copy or report of a meeting joins it without re-keying it.
with

reports as (

    select * from {{ ref('int_meeting_reports') }}

),

links as (

    select * from {{ ref('int_meeting_links') }}

),

edges as (

    select report_key, other_report_key from links
    union all
    select article_meeting_key as report_key, article_meeting_key as other_report_key from reports

),

components as (

    {{ connected_components('edges', 'report_key', 'other_report_key') }}

),

clustered as (

    select reports.*, components.component
    from reports
    inner join components on components.node = reports.article_meeting_key

),

founders as (

    select
        component,
        arg_min(
            article_meeting_key,
            (coalesce(published_at, timestamp '9999-12-31'), article_key, meeting_index)
        ) as meeting_key

    from clustered
    group by component

),

reasons as (

    select
        components.component,
        list(distinct links.link_reason order by links.link_reason) as link_reasons

    from links
    inner join components on components.node = links.report_key
    group by components.component

),

final as (

    select
        founders.meeting_key,
        clustered.article_meeting_key,
        clustered.article_key,
        clustered.meeting_index,
        clustered.meeting_date,
        clustered.date_is_inferred,
        clustered.date_is_corrected,
        clustered.date_basis,
        clustered.time_of_day,
        clustered.meeting_kind,
        clustered.date_text,
        clustered.char_start,
        clustered.char_end,
        clustered.sentence_index,
        clustered.published_at,
        coalesce(reasons.link_reasons, []::varchar[]) as link_reasons

    from clustered
    inner join founders on founders.component = clustered.component
    left join reasons on reasons.component = clustered.component

)

select * from final
