-- Trends: one row per (period, topic) over dated reports in scope.
-- total_reports / total_chars count every report in the period, mentioning
-- or not, so share and per10k have the whole period as denominator.
-- Denominators are a group-by over reports and numerators one over
-- topic_mentions, which carries the report columns the filter reads: no
-- join. Both group by meeting_month first (a small integer range DuckDB
-- aggregates into an array) and truncate those few groups to the period.
WITH searched AS MATERIALIZED /*include searched.sql*/,
months AS (
    SELECT meeting_month, count(*) AS total_reports, sum(chars) AS total_chars
    FROM reports
    WHERE meeting_month IS NOT NULL AND /*filter*/
    GROUP BY meeting_month
),
cells AS (
    SELECT date_trunc($period::VARCHAR, meeting_month)::DATE AS p,
           sum(total_reports) AS total_reports, sum(total_chars) AS total_chars
    FROM months
    GROUP BY p
),
hits AS (
    SELECT date_trunc($period::VARCHAR, meeting_month)::DATE AS p, topic,
           sum(mentions) AS mentions, sum(reports) AS reports
    FROM (SELECT meeting_month, topic, sum(mentions) AS mentions, count(*) AS reports
          FROM topic_mentions
          WHERE list_contains($topics::VARCHAR[], topic) AND mentions > 0
            AND meeting_month IS NOT NULL AND /*filter*/
          GROUP BY meeting_month, topic)
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
