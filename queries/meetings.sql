-- Meetings: one page of the matching reports, newest meeting first,
-- undated reports last, a day's meetings in the order they were ingested.
-- The page is chosen on the sort keys alone and only its rows are then read
-- in full, through the primary key's index: DuckDB fetches a few rows by
-- index cheaply, but would read every column whole to find them by rid.
-- $first_month, when set, is the month the page starts in or after (see
-- meetings_window.sql): the rows of earlier months are skipped as they are
-- read rather than sorted.
WITH searched AS MATERIALIZED /*include searched.sql*/,
page AS (
    SELECT id
    FROM /*include mentioning.sql*/ m
    WHERE $first_month::DATE IS NULL OR meeting_day >= $first_month::DATE
    ORDER BY meeting_day DESC NULLS LAST, rid
    LIMIT $limit::BIGINT OFFSET $offset::BIGINT
)
SELECT r.id, coalesce(r.meeting_date, '') AS meeting_date,
       coalesce(r.province, '') AS province, coalesce(r.city, '') AS city,
       coalesce(r.district, '') AS district, coalesce(r.district_code, '') AS district_code,
       coalesce(r.title, '') AS title, coalesce(r.chair, '') AS chair,
       coalesce(array_to_string(r.meeting_kinds, ';'), '') AS meeting_kinds,
       r.chars, coalesce(r.url, '') AS url, r.spam, coalesce(r.topic_counts, '') AS topic_counts,
       /*include meetings_total.sql*/ AS total
FROM reports r
WHERE r.id IN (SELECT id FROM page)
ORDER BY r.meeting_day DESC NULLS LAST, r.rid
