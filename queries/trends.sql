-- Trends: one row per (period, topic) over dated reports in scope.
-- total_reports / total_chars count every report in the period, mentioning
-- or not, so share and per10k have the whole period as denominator.
-- Denominators are sums over the report cells in scope and numerators sums
-- over the topic cells: the rollups (rollups.sql) when they can answer,
-- else the reports and topic_mentions rows themselves, which carry the
-- report columns the filter reads: no join. Both group by (meeting_month,
-- year) first, a few hundred groups, and truncate those to the period. A
-- report dated only to the year has no meeting_month: it counts in its
-- year, and in no month or quarter.
WITH searched AS MATERIALIZED /*include searched.sql*/,
months AS (
    SELECT meeting_month, date_trunc('year', meeting_day) AS meeting_year,
           sum(reports) AS total_reports, sum(chars) AS total_chars
    FROM /*include month_cells.sql*/
    WHERE meeting_day IS NOT NULL
    GROUP BY ALL
),
cells AS (
    SELECT /*include period_of.sql*/ AS p,
           sum(total_reports) AS total_reports, sum(total_chars) AS total_chars
    FROM months
    WHERE p IS NOT NULL
    GROUP BY p
),
hits AS (
    SELECT /*include period_of.sql*/ AS p, topic,
           sum(mentions) AS mentions, sum(reports) AS reports
    FROM (SELECT meeting_month, date_trunc('year', meeting_day) AS meeting_year, topic,
                 sum(mentions) AS mentions, sum(reports) AS reports
          FROM /*include topic_month_cells.sql*/
          WHERE meeting_day IS NOT NULL
          GROUP BY ALL)
    WHERE p IS NOT NULL
    GROUP BY p, topic
),
axis AS /*include axis.sql*/,
topics AS (
    SELECT unnest($topics::VARCHAR[]) AS topic,
           unnest($labels::VARCHAR[]) AS label,
           generate_subscripts($topics::VARCHAR[], 1) AS pos
),
cellrows AS (
    SELECT a.p, t.topic, t.label, t.pos,
           coalesce(h.mentions, 0)::BIGINT AS mentions,
           coalesce(h.reports, 0)::BIGINT AS reports,
           coalesce(c.total_reports, 0)::BIGINT AS total_reports,
           coalesce(c.total_chars, 0)::BIGINT AS total_chars
    FROM axis a
    CROSS JOIN topics t
    LEFT JOIN cells c ON c.p = a.p
    LEFT JOIN hits h ON h.p = a.p AND h.topic = t.topic
)
SELECT /*include period_label.sql*/ AS period,
       p AS period_start,
       topic,
       label AS topic_label,
       mentions,
       reports,
       total_reports,
       total_chars,
       $measure::VARCHAR AS measure,
       /*include value.sql*/ AS value
FROM cellrows
ORDER BY p, pos
