-- Meetings: one page of the reports that match, newest meeting first,
-- undated reports last.
WITH scope AS /*scope*/,
matched AS /*include matched.sql*/
SELECT r.id, coalesce(r.meeting_date, '') AS meeting_date,
       coalesce(r.province, '') AS province, coalesce(r.city, '') AS city,
       coalesce(r.district, '') AS district, coalesce(r.district_code, '') AS district_code,
       coalesce(r.title, '') AS title, coalesce(r.chair, '') AS chair,
       coalesce(array_to_string(r.meeting_kinds, ';'), '') AS meeting_kinds,
       r.chars, coalesce(r.url, '') AS url, r.spam
FROM matched m
JOIN reports r ON r.id = m.id
ORDER BY m.meeting_day DESC NULLS LAST, r.id
LIMIT $limit::BIGINT OFFSET $offset::BIGINT
