-- The overview's lists of counts in one statement, as (section, key,
-- reports) rows, section by section: 1 reports per meeting year (year 0
-- collects undated reports), 2 per meeting month, 3 per date source (how
-- meeting dates were found), 4 per meeting kind (a report may have several)
-- and 5 the 20 most frequent extraction warnings. Sums over the cells and
-- label counts of every report (bound with an empty scope).
WITH cells AS MATERIALIZED (
    SELECT meeting_day, meeting_month, meeting_kinds, reports FROM /*include month_cells.sql*/
),
labels AS MATERIALIZED (
    SELECT what, label, reports FROM /*include labels.sql*/
),
counts AS (
    SELECT 1 AS section, y::VARCHAR AS key, reports, y AS n
    FROM (SELECT coalesce(year(meeting_day), 0) AS y, sum(reports)::BIGINT AS reports FROM cells GROUP BY 1)
    UNION ALL
    SELECT 2, strftime(meeting_month, '%Y-%m'), sum(reports)::BIGINT, NULL
    FROM cells
    WHERE meeting_month IS NOT NULL
    GROUP BY meeting_month
    UNION ALL
    SELECT 3, label, sum(reports)::BIGINT, NULL
    FROM labels
    WHERE what = 'date_source'
    GROUP BY label
    UNION ALL
    SELECT 4, kind, sum(reports)::BIGINT, NULL
    FROM (SELECT unnest(meeting_kinds) AS kind, reports FROM cells)
    GROUP BY kind
    UNION ALL
    SELECT 5, label, reports, NULL
    FROM (SELECT label, sum(reports)::BIGINT AS reports
          FROM labels
          WHERE what = 'warning'
          GROUP BY label
          ORDER BY reports DESC, label
          LIMIT 20)
)
SELECT section, key, reports
FROM counts
-- Years in order, months in order, the others most frequent first.
ORDER BY section, CASE WHEN section >= 3 THEN -reports END, n, key
