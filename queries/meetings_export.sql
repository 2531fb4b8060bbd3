-- Meetings export: the rows of the meetings list (all pages, up to $limit)
-- with each report's topic counts, for download.
WITH page AS (
    SELECT rid, meeting_day, id
    FROM reports
    WHERE /*include matched.sql*/
    ORDER BY meeting_day DESC NULLS LAST, id
    LIMIT $limit::BIGINT
),
topics AS (
    SELECT rid, string_agg(topic || ':' || mentions::VARCHAR, ';' ORDER BY topic) AS topics
    FROM topic_mentions
    WHERE rid IN (SELECT rid FROM page) AND mentions > 0
    GROUP BY rid
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
       coalesce(t.topics, '') AS topics,
       r.url,
       r.source
FROM page p
JOIN reports r ON r.rid = p.rid
LEFT JOIN topics t ON t.rid = p.rid
ORDER BY p.meeting_day DESC NULLS LAST, p.id
