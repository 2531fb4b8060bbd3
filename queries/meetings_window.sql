-- For the meetings list, from the cells in scope (cells.sql, or the asked
-- topics' topic_cells.sql): the number of reports over all pages, and the
-- first month a page ending at row $end needs. The list runs newest meeting
-- first, so the page's rows lie in that month or later (or, when fewer than
-- $end reports are dated, anywhere: NULL), and meetings.sql reads only
-- those. With topics, a month counts its reports mentioning the topic
-- mentioned most: exact for one topic (a report has one row per topic), and
-- never more than the reports mentioning any of several, so the month found
-- is never too late. The total is then exact only for one topic;
-- meetings_count.sql counts the reports mentioning any of several.
WITH searched AS MATERIALIZED /*include searched.sql*/,
months AS (
    SELECT meeting_day AS m, sum(reports) AS n
    FROM /*include month_cells.sql*/
    WHERE len($topics::VARCHAR[]) = 0
    GROUP BY 1
    UNION ALL
    SELECT m, max(n) AS n
    FROM (SELECT meeting_day AS m, topic, sum(reports) AS n
          FROM /*include topic_month_cells.sql*/
          WHERE len($topics::VARCHAR[]) > 0
          GROUP BY 1, 2)
    GROUP BY 1
),
running AS (
    SELECT m, sum(n) OVER (ORDER BY m DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS upto
    FROM months
    WHERE m IS NOT NULL
)
SELECT (SELECT coalesce(sum(n), 0) FROM months)::BIGINT AS total,
       (SELECT max(m) FROM running WHERE upto >= $end::BIGINT) AS first_month
