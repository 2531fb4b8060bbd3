-- Compare: one row per (place, topic), places rolled up by code to $level.
-- Undated reports count unless a date bound is set (the filter drops them
-- then). Places are ranked by the first topic's value (or, with
-- $by_reports, by their number of reports) among those with at least
-- $min_reports reports; the top $top places are returned. A place's name
-- and parent are the ones most of its reports in scope give. Reports and
-- topic rows are read as cells (cells.sql, topic_cells.sql): the rollups
-- when they can answer (by place alone when the scope sets no date or kind:
-- place_cells.sql, topic_place_cells.sql), else the rows themselves.
WITH searched AS MATERIALIZED /*include searched.sql*/,
-- One group per spelling of a place, so that its name comes with the
-- denominators instead of from a second pass over the reports. Materialized,
-- as is ranked: each is read several times, and DuckDB would otherwise
-- compute it again for every reader.
spellings AS MATERIALIZED (
    SELECT /*include level.sql*/ AS code,
           CASE $level::VARCHAR WHEN 'district' THEN district
                                WHEN 'city' THEN city
                                ELSE province END AS name,
           CASE $level::VARCHAR WHEN 'district' THEN city
                                WHEN 'city' THEN province END AS parent,
           sum(reports) AS reports, sum(chars) AS chars
    FROM /*include place_cells.sql*/
    GROUP BY 1, 2, 3
    HAVING code IS NOT NULL AND code <> ''
),
cells AS (
    SELECT code, sum(reports) AS total_reports, sum(chars) AS total_chars
    FROM spellings
    GROUP BY code
),
-- The ranking topic per place.
first AS (
    SELECT /*include level.sql*/ AS code, sum(mentions) AS mentions, sum(reports) AS reports
    FROM /*include topic_place_cells.sql*/
    WHERE topic = ($topics::VARCHAR[])[1]
    GROUP BY 1
),
candidates AS (
    SELECT c.code, c.total_reports, c.total_chars,
           coalesce(f.mentions, 0) AS mentions, coalesce(f.reports, 0) AS reports
    FROM cells c
    LEFT JOIN first f ON f.code = c.code
    WHERE c.total_reports >= $min_reports::BIGINT
),
ranked AS MATERIALIZED (
    SELECT code, total_reports, total_chars,
           row_number() OVER (ORDER BY CASE WHEN $by_reports::BOOLEAN THEN total_reports END DESC NULLS LAST,
                                       /*include value.sql*/ DESC NULLS LAST, total_reports DESC, code) AS rank
    FROM candidates
    QUALIFY rank <= $top::BIGINT
),
-- The top places' names and parents, each the one most of the place's
-- reports in scope give.
names AS (
    SELECT code, arg_max(name, reports) AS name
    FROM (SELECT code, name, sum(reports) AS reports
          FROM spellings
          WHERE name IS NOT NULL AND code IN (SELECT code FROM ranked)
          GROUP BY ALL)
    GROUP BY code
),
parents AS (
    SELECT code, arg_max(parent, reports) AS parent
    FROM (SELECT code, parent, sum(reports) AS reports
          FROM spellings
          WHERE parent IS NOT NULL AND code IN (SELECT code FROM ranked)
          GROUP BY ALL)
    GROUP BY code
),
-- The asked topics in the top places, read one of two ways ($via_reports
-- is bound, so DuckDB drops the other; see viaReports in compare.go): the
-- top places' topic cells, or (compare_via_reports.sql, never with the
-- rollups; compare_no_via_reports.sql stands in) their reports' topic_counts.
hits AS (
    SELECT /*include level.sql*/ AS code, topic, sum(mentions) AS mentions, sum(reports) AS reports
    FROM /*include topic_place_cells.sql*/
    WHERE NOT $via_reports::BOOLEAN AND /*include level.sql*/ IN (SELECT code FROM ranked)
    GROUP BY 1, 2
    UNION ALL
    SELECT * FROM /*include compare_no_via_reports.sql*/
),
topics AS (
    SELECT unnest($topics::VARCHAR[]) AS topic,
           unnest($labels::VARCHAR[]) AS label,
           generate_subscripts($topics::VARCHAR[], 1) AS pos
),
cellrows AS (
    SELECT r.rank, r.code, n.name, pa.parent, t.topic, t.label, t.pos,
           coalesce(h.mentions, 0)::BIGINT AS mentions,
           coalesce(h.reports, 0)::BIGINT AS reports,
           r.total_reports::BIGINT AS total_reports,
           r.total_chars::BIGINT AS total_chars
    FROM ranked r
    CROSS JOIN topics t
    LEFT JOIN hits h ON h.code = r.code AND h.topic = t.topic
    LEFT JOIN names n ON n.code = r.code
    LEFT JOIN parents pa ON pa.code = r.code
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
