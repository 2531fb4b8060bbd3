-- Reports per meeting year; year 0 collects undated reports.
SELECT coalesce(year(meeting_day), 0) AS y, count(*) AS reports
FROM reports
GROUP BY 1
ORDER BY 1
