-- Meetings: one page of the reports that match, newest meeting first,
-- undated reports last. The page is chosen on the sort keys alone; only its
-- rows are then read in full, found by rid.
WITH page AS (
    SELECT rid, meeting_day, id
    FROM reports
    WHERE /*include matched.sql*/
    ORDER BY meeting_day DESC NULLS LAST, id
    LIMIT $limit::BIGINT OFFSET $offset::BIGINT
)
SELECT r.rid, r.id, coalesce(r.meeting_date, '') AS meeting_date,
       coalesce(r.province, '') AS province, coalesce(r.city, '') AS city,
       coalesce(r.district, '') AS district, coalesce(r.district_code, '') AS district_code,
       coalesce(r.title, '') AS title, coalesce(r.chair, '') AS chair,
       coalesce(array_to_string(r.meeting_kinds, ';'), '') AS meeting_kinds,
       r.chars, coalesce(r.url, '') AS url, r.spam
FROM page p
JOIN reports r ON r.rid = p.rid
ORDER BY p.meeting_day DESC NULLS LAST, p.id
