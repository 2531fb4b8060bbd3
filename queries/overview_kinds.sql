-- Reports per meeting kind; a report may have several kinds.
SELECT kind, count(*) AS reports
FROM (SELECT unnest(meeting_kinds) AS kind FROM reports)
GROUP BY kind
ORDER BY reports DESC, kind
