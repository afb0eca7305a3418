-- One row per mention of a person or an organisation in an article. meeting_key: the
-- article's meeting when it reports exactly one, else the last meeting whose evidence starts
-- at or before the mention (null when none does).
with

mentions as (

    select * from {{ ref('int_mentions_unioned') }}

),

meetings as (

    select article_key, meeting_key, meeting_index, char_start from {{ ref('int_meetings_keyed') }}

),

single_meeting as (

    select article_key, min(meeting_key) as meeting_key
    from meetings
    group by article_key
    having count(distinct meeting_key) = 1

),

preceding_meeting as (

    select
        mentions.mention_key,
        meetings.meeting_key

    from mentions
    inner join meetings
        on meetings.article_key = mentions.article_key
        and meetings.char_start <= mentions.char_start
    qualify
        row_number() over (
            partition by mentions.mention_key
            order by meetings.char_start desc, meetings.meeting_index desc
        ) = 1

),

final as (

    select
        mentions.mention_key,
        mentions.mention_kind,
        mentions.article_key,
        mentions.mention_index,
        coalesce(single_meeting.meeting_key, preceding_meeting.meeting_key) as meeting_key,
        mentions.person_key,
        mentions.organization_key,
        mentions.mentioned_name,
        mentions.surface_text,
        mentions.char_start,
        mentions.char_end,
        mentions.sentence_index,
        mentions.confidence,
        mentions.organization_kind

    from mentions
    left join single_meeting on single_meeting.article_key = mentions.article_key
    left join preceding_meeting on preceding_meeting.mention_key = mentions.mention_key

)

select * from final
