-- in_reports: every report in scope as rows (id, rid, meeting_day), read
-- from reports; in_scope.sql's stand-in without a text search.
SELECT id, rid, meeting_day
FROM reports
WHERE /*filter*/ AND len($topics::VARCHAR[]) = 0
