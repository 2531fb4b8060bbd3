-- Reports per meeting month, for the volume chart.
SELECT strftime(date_trunc('month', meeting_day), '%Y-%m') AS month, count(*) AS reports
FROM reports
WHERE meeting_day IS NOT NULL
GROUP BY 1
ORDER BY 1
