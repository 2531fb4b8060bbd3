-- Meetings export: the rows of the meetings list (all pages, up to $limit,
-- in the same order) with each report's topic counts, for download.
WITH searched AS MATERIALIZED /*include searched.sql*/,
page AS (
    SELECT id
    FROM /*include mentioning.sql*/ m
    ORDER BY meeting_day DESC NULLS LAST, rid
    LIMIT $limit::BIGINT
)
SELECT r.id,
       r.meeting_date,
       r.province_code, r.province,
       r.city_code, r.city,
       r.district_code, r.district,
       r.title,
       r.chair,
       array_to_string(r.meeting_kinds, ';') AS meeting_kinds,
       r.session,
       r.date_source,
       r.chars,
       r.spam,
       coalesce(r.topic_counts, '') AS topics,
       r.url,
       r.source
FROM reports r
WHERE r.id IN (SELECT id FROM page)
ORDER BY r.meeting_day DESC NULLS LAST, r.rid
