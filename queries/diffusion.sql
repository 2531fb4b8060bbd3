-- Diffusion: for each district in scope, its first dated meeting that takes
-- up a topic (or mentions a term), the month by which it had certainly done
-- so, and how many meetings on it the district held in scope, undated ones
-- included (the meetings list that the page links to). $topic or $term
-- selects the subject; the other is ''. The meetings on it (hits) are read
-- by diffusion_hits.sql, or diffusion_hits_rows.sql where the rollups cannot
-- answer (see sql.go); the rest works on them alone and reads the reports
-- only for the few first meetings.
WITH searched AS MATERIALIZED /*include searched.sql*/,
hits AS MATERIALIZED /*include diffusion_hits.sql*/,
first AS (
    SELECT district_code,
           min(meeting_day) AS first_day,
           -- A meeting dated only to the year (meeting_month is NULL,
           -- meeting_day 1 January) proves adoption by December of that
           -- year, not by January.
           min(CASE WHEN meeting_month IS NULL THEN (meeting_day + INTERVAL 11 MONTH)::DATE
                    ELSE meeting_month END) AS adopted_by,
           count(*) AS meetings
    FROM hits
    GROUP BY district_code
    -- A district whose meetings on it are all undated cannot be placed.
    HAVING min(meeting_day) IS NOT NULL
),
-- The first meeting of each district: of several that day, the least id.
picked AS (
    SELECT f.district_code, f.first_day, f.adopted_by, f.meetings, min(h.id) AS report_id
    FROM first f
    JOIN hits h ON h.district_code = f.district_code AND h.meeting_day = f.first_day
    GROUP BY ALL
),
firsts AS (
    SELECT id, district, city, province, meeting_date, title, url
    FROM reports
    WHERE id IN (SELECT report_id FROM picked)
)
SELECT p.district_code,
       coalesce(r.district, '') AS district,
       coalesce(r.city, '') AS city,
       coalesce(r.province, '') AS province,
       coalesce(r.meeting_date, strftime(p.first_day, '%Y-%m-%d')) AS first_meeting_date,
       p.first_day,
       p.adopted_by,
       p.report_id,
       coalesce(r.title, '') AS title,
       coalesce(r.url, '') AS url,
       p.meetings,
       (SELECT count(DISTINCT district_code) FROM /*include cells.sql*/
        WHERE meeting_day IS NOT NULL AND district_code IS NOT NULL AND district_code <> '') AS districts_in_scope
FROM picked p
JOIN firsts r ON r.id = p.report_id
ORDER BY p.first_day, p.district_code
