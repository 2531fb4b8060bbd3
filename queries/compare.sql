-- Compare: one row per (place, topic), places rolled up by code to $level.
-- Undated reports count unless a date bound is set (scope drops them then).
-- Places are ranked by the first topic's value (or, with $by_reports, by
-- their number of reports) among those with at least $min_reports reports;
-- the top $top places are returned.
WITH scope AS /*scope*/,
units AS (
    SELECT id, chars,
           CASE $level::VARCHAR WHEN 'district' THEN district_code
                                WHEN 'city' THEN city_code
                                ELSE province_code END AS code,
           CASE $level::VARCHAR WHEN 'district' THEN district
                                WHEN 'city' THEN city
                                ELSE province END AS name,
           CASE $level::VARCHAR WHEN 'district' THEN city
                                WHEN 'city' THEN province END AS parent
    FROM scope
),
cells AS (
    SELECT code, mode(name) AS name, mode(parent) AS parent,
           count(*) AS total_reports, sum(chars) AS total_chars
    FROM units
    WHERE code IS NOT NULL AND code <> ''
    GROUP BY code
),
hits AS (
    SELECT u.code, m.topic, sum(m.mentions) AS mentions, count(*) AS reports
    FROM units u
    JOIN topic_mentions m ON m.report_id = u.id
    WHERE list_contains($topics::VARCHAR[], m.topic) AND m.mentions > 0
    GROUP BY u.code, m.topic
),
topics AS (
    SELECT unnest($topics::VARCHAR[]) AS topic,
           unnest($labels::VARCHAR[]) AS label,
           generate_subscripts($topics::VARCHAR[], 1) AS pos
),
cellrows AS (
    SELECT c.code, c.name, c.parent, t.topic, t.label, t.pos,
           coalesce(h.mentions, 0)::BIGINT AS mentions,
           coalesce(h.reports, 0)::BIGINT AS reports,
           c.total_reports::BIGINT AS total_reports,
           c.total_chars::BIGINT AS total_chars
    FROM cells c
    CROSS JOIN topics t
    LEFT JOIN hits h ON h.code = c.code AND h.topic = t.topic
),
valued AS (
    SELECT *, /*include value.sql*/ AS value FROM cellrows
),
ranked AS (
    SELECT code,
           row_number() OVER (ORDER BY CASE WHEN $by_reports::BOOLEAN THEN total_reports END DESC NULLS LAST,
                                       value DESC NULLS LAST, total_reports DESC, code) AS rank
    FROM valued
    WHERE pos = 1 AND total_reports >= $min_reports::BIGINT
)
SELECT $level::VARCHAR AS level,
       r.rank,
       v.code,
       coalesce(v.name, '') AS name,
       coalesce(v.parent, '') AS parent,
       v.topic,
       v.label AS topic_label,
       v.mentions,
       v.reports,
       v.total_reports,
       v.total_chars,
       $measure::VARCHAR AS measure,
       v.value
FROM valued v
JOIN ranked r ON r.code = v.code
WHERE r.rank <= $top::BIGINT
ORDER BY r.rank, v.pos
