-- Reports per meeting kind; a report may have several kinds.
SELECT kind, sum(reports)::BIGINT AS reports
FROM (SELECT unnest(meeting_kinds) AS kind, reports FROM /*include month_cells.sql*/)
GROUP BY kind
ORDER BY reports DESC, kind
