-- Data-quality totals for the overview page.
SELECT count(*) AS reports,
       count(meeting_day) AS dated,
       count(*) FILTER (WHERE meeting_day IS NULL) AS undated,
       count(*) FILTER (WHERE length(meeting_date) = 7) AS month_only,
       count(*) FILTER (WHERE spam) AS spam,
       count(*) FILTER (WHERE district_code IS NULL OR district_code = '') AS no_district,
       count(*) FILTER (WHERE chair IS NULL OR chair = '') AS no_chair,
       count(*) FILTER (WHERE len(warnings) > 0) AS with_warnings,
       count(DISTINCT district_code) AS districts,
       coalesce(strftime(min(meeting_day), '%Y-%m-%d'), '') AS first_day,
       coalesce(strftime(max(meeting_day), '%Y-%m-%d'), '') AS last_day,
       coalesce(sum(chars), 0)::BIGINT AS chars,
       (SELECT count(*) FROM ingest_errors) AS ingest_errors
FROM reports
