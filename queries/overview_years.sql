-- Reports per meeting year; year 0 collects undated reports.
SELECT coalesce(year(meeting_day), 0) AS y, sum(reports)::BIGINT AS reports
FROM /*include cells.sql*/
GROUP BY 1
ORDER BY 1
