-- Diffusion (see diffusion.sql) read from the rollups when the scope sets
-- no date, kind or text search: each district's first meeting on $topic
-- over all its reports is in topic_firsts, so a place filter only chooses
-- districts. Of a district's rows (several when appends left them), the
-- first meeting is the one with the least (first_day, report_id). The
-- columns are diffusion.sql's.
WITH districts AS (
    SELECT *
    FROM topic_firsts
    WHERE topic = $topic::VARCHAR AND /*include places.sql*/
),
first AS (
    SELECT district_code,
           min(first_day) AS first_day,
           arg_min(report_id, (first_day, report_id)) FILTER (WHERE first_day IS NOT NULL) AS report_id,
           min(adopted_by) AS adopted_by,
           sum(meetings) AS meetings
    FROM districts
    GROUP BY district_code
    HAVING min(first_day) IS NOT NULL
)
SELECT f.district_code,
       coalesce(d.district, '') AS district,
       coalesce(d.city, '') AS city,
       coalesce(d.province, '') AS province,
       coalesce(d.meeting_date, strftime(f.first_day, '%Y-%m-%d')) AS first_meeting_date,
       f.first_day,
       f.adopted_by,
       f.report_id,
       coalesce(d.title, '') AS title,
       coalesce(d.url, '') AS url,
       f.meetings,
       (SELECT count(DISTINCT district_code) FROM /*include cells.sql*/
        WHERE meeting_day IS NOT NULL AND district_code IS NOT NULL AND district_code <> '') AS districts_in_scope
FROM first f
JOIN districts d ON d.district_code = f.district_code AND d.report_id = f.report_id AND d.first_day = f.first_day
ORDER BY f.first_day, f.district_code
