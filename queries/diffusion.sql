-- Diffusion: for each district in scope, the first dated meeting that takes
-- up a topic (or mentions a term), and how many such meetings it held.
-- $topic or $term selects the subject; the other is ''.
WITH scope AS /*scope*/,
dated AS (
    SELECT s.id, s.meeting_day, s.district_code
    FROM scope s
    WHERE s.meeting_day IS NOT NULL AND s.district_code IS NOT NULL
),
hits AS (
    SELECT d.id, d.meeting_day, d.district_code
    FROM dated d
    WHERE ($topic::VARCHAR <> '' AND EXISTS (
              SELECT 1 FROM topic_mentions m
              WHERE m.report_id = d.id AND m.topic = $topic::VARCHAR AND m.mentions > 0))
       OR ($term::VARCHAR <> '' AND EXISTS (
              SELECT 1 FROM reports r WHERE r.id = d.id AND contains(r.text, $term::VARCHAR)))
),
first AS (
    SELECT district_code,
           min(meeting_day) AS first_day,
           arg_min(id, (meeting_day, id)) AS report_id,
           count(*) AS reports
    FROM hits
    GROUP BY district_code
)
SELECT f.district_code,
       coalesce(r.district, '') AS district,
       coalesce(r.city, '') AS city,
       coalesce(r.province, '') AS province,
       f.first_day,
       coalesce(r.meeting_date, '') AS meeting_date,
       f.report_id,
       coalesce(r.title, '') AS title,
       f.reports,
       (SELECT count(DISTINCT district_code) FROM dated) AS districts_in_scope
FROM first f
JOIN reports r ON r.id = f.report_id
ORDER BY f.first_day, f.district_code
