-- Diffusion: for each district in scope, its first dated meeting that takes
-- up a topic (or mentions a term), the month by which it had certainly done
-- so, and how many meetings on it the district held in scope, undated ones
-- included (the meetings list that the page links to). $topic or $term
-- selects the subject; the other is ''.
WITH scope AS /*scope*/,
placed AS (
    SELECT s.id, s.meeting_day, s.district_code
    FROM scope s
    WHERE s.district_code IS NOT NULL AND s.district_code <> ''
),
hits AS (
    SELECT p.id, p.meeting_day, p.district_code
    FROM placed p
    WHERE $topic::VARCHAR <> ''
      AND p.id IN (SELECT report_id FROM topic_mentions
                   WHERE topic = $topic::VARCHAR AND mentions > 0)
    UNION ALL
    SELECT p.id, p.meeting_day, p.district_code
    FROM placed p
    JOIN reports r ON r.id = p.id
    WHERE $term::VARCHAR <> '' AND contains(r.text, $term::VARCHAR)
),
first AS (
    SELECT h.district_code,
           min(h.meeting_day) AS first_day,
           arg_min(h.id, (h.meeting_day, h.id)) FILTER (WHERE h.meeting_day IS NOT NULL) AS report_id,
           -- A meeting dated only to the year (meeting_day is 1 January)
           -- proves adoption by December of that year, not by January.
           min(CASE WHEN length(r.meeting_date) = 4
                    THEN (h.meeting_day + INTERVAL 11 MONTH)::DATE
                    ELSE date_trunc('month', h.meeting_day)::DATE END) AS adopted_by,
           count(*) AS meetings
    FROM hits h
    JOIN reports r ON r.id = h.id
    GROUP BY h.district_code
    -- A district whose meetings on it are all undated cannot be placed.
    HAVING min(h.meeting_day) IS NOT NULL
)
SELECT f.district_code,
       coalesce(r.district, '') AS district,
       coalesce(r.city, '') AS city,
       coalesce(r.province, '') AS province,
       coalesce(r.meeting_date, strftime(f.first_day, '%Y-%m-%d')) AS first_meeting_date,
       f.first_day,
       f.adopted_by,
       f.report_id,
       coalesce(r.title, '') AS title,
       coalesce(r.url, '') AS url,
       f.meetings,
       (SELECT count(DISTINCT district_code) FROM placed WHERE meeting_day IS NOT NULL) AS districts_in_scope
FROM first f
JOIN reports r ON r.id = f.report_id
ORDER BY f.first_day, f.district_code
