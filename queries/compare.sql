-- Compare: one row per (place, topic), places rolled up by code to $level.
-- Undated reports count unless a date bound is set (the filter drops them
-- then). Places are ranked by the first topic's value (or, with
-- $by_reports, by their number of reports) among those with at least
-- $min_reports reports; the top $top places are returned. Only the ranking
-- needs every place: the other topics and the place names are read for the
-- top places alone.
WITH cells AS (
    SELECT /*include level.sql*/ AS code, count(*) AS total_reports, sum(chars) AS total_chars
    FROM reports
    WHERE /*filter*/
    GROUP BY code
    HAVING code IS NOT NULL AND code <> ''
),
first AS (
    SELECT /*include level.sql*/ AS code, sum(mentions) AS mentions, count(*) AS reports
    FROM topic_mentions
    WHERE topic = ($topics::VARCHAR[])[1] AND mentions > 0 AND /*filter*/
    GROUP BY code
),
candidates AS (
    SELECT c.code, c.total_reports, c.total_chars,
           coalesce(f.mentions, 0) AS mentions, coalesce(f.reports, 0) AS reports
    FROM cells c
    LEFT JOIN first f ON f.code = c.code
    WHERE c.total_reports >= $min_reports::BIGINT
),
ranked AS (
    SELECT code, total_reports, total_chars,
           row_number() OVER (ORDER BY CASE WHEN $by_reports::BOOLEAN THEN total_reports END DESC NULLS LAST,
                                       /*include value.sql*/ DESC NULLS LAST, total_reports DESC, code) AS rank
    FROM candidates
    QUALIFY rank <= $top::BIGINT
),
hits AS (
    SELECT code, topic, sum(mentions) AS mentions, count(*) AS reports
    FROM (SELECT /*include level.sql*/ AS code, topic, mentions
          FROM topic_mentions
          WHERE list_contains($topics::VARCHAR[], topic) AND mentions > 0 AND /*filter*/)
    WHERE code IN (SELECT code FROM ranked)
    GROUP BY code, topic
),
names AS (
    SELECT code, mode(name) AS name, mode(parent) AS parent
    FROM (SELECT /*include level.sql*/ AS code,
                 CASE $level::VARCHAR WHEN 'district' THEN district
                                      WHEN 'city' THEN city
                                      ELSE province END AS name,
                 CASE $level::VARCHAR WHEN 'district' THEN city
                                      WHEN 'city' THEN province END AS parent
          FROM reports
          WHERE /*filter*/)
    WHERE code IN (SELECT code FROM ranked)
    GROUP BY code
),
topics AS (
    SELECT unnest($topics::VARCHAR[]) AS topic,
           unnest($labels::VARCHAR[]) AS label,
           generate_subscripts($topics::VARCHAR[], 1) AS pos
),
cellrows AS (
    SELECT r.rank, r.code, n.name, n.parent, t.topic, t.label, t.pos,
           coalesce(h.mentions, 0)::BIGINT AS mentions,
           coalesce(h.reports, 0)::BIGINT AS reports,
           r.total_reports::BIGINT AS total_reports,
           r.total_chars::BIGINT AS total_chars
    FROM ranked r
    CROSS JOIN topics t
    LEFT JOIN hits h ON h.code = r.code AND h.topic = t.topic
    LEFT JOIN names n ON n.code = r.code
)
SELECT $level::VARCHAR AS level,
       rank,
       code,
       coalesce(name, '') AS name,
       coalesce(parent, '') AS parent,
       topic,
       label AS topic_label,
       mentions,
       reports,
       total_reports,
       total_chars,
       $measure::VARCHAR AS measure,
       /*include value.sql*/ AS value
FROM cellrows
ORDER BY rank, pos
