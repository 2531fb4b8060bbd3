-- Trends: one row per (period, topic) over dated reports in scope.
-- total_reports / total_chars count every report in the period, mentioning
-- or not, so share and per10k have the whole period as denominator.
WITH scope AS /*scope*/,
dated AS (
    SELECT id, chars, date_trunc($period::VARCHAR, meeting_day)::DATE AS p
    FROM scope
    WHERE meeting_day IS NOT NULL
),
cells AS (
    SELECT p, count(*) AS total_reports, sum(chars) AS total_chars
    FROM dated
    GROUP BY p
),
hits AS (
    SELECT d.p, m.topic, sum(m.mentions) AS mentions, count(*) AS reports
    FROM dated d
    JOIN topic_mentions m ON m.report_id = d.id
    WHERE list_contains($topics::VARCHAR[], m.topic) AND m.mentions > 0
    GROUP BY d.p, m.topic
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
