-- in_scope: every report in scope as rows (id, rid, meeting_day);
-- mentioning.sql's stand-in when $topics is empty. With a text search they
-- are the rows of the searched CTE, which already holds them: no join of a
-- million reports with the reports found. Optional (see sql.go):
-- in_reports.sql stands in for it without a search.
SELECT id, rid, meeting_day
FROM searched
WHERE len($topics::VARCHAR[]) = 0
