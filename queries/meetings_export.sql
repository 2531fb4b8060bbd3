-- Meetings export: the rows of the meetings list (all pages, up to $limit)
-- with each report's topic counts, for download.
WITH scope AS /*scope*/,
matched AS /*include matched.sql*/,
topics AS (
    SELECT report_id, string_agg(topic || ':' || mentions::VARCHAR, ';' ORDER BY topic) AS topics
    FROM topic_mentions
    WHERE report_id IN (SELECT id FROM matched) AND mentions > 0
    GROUP BY report_id
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
FROM matched m
JOIN reports r ON r.id = m.id
LEFT JOIN topics t ON t.report_id = r.id
ORDER BY m.meeting_day DESC NULLS LAST, r.id
LIMIT $limit::BIGINT
