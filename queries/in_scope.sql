-- in_scope: every report in scope as rows (id, rid, meeting_day);
-- mentioning.sql's stand-in when $topics is empty.
SELECT id, rid, meeting_day
FROM reports
WHERE /*filter*/ AND len($topics::VARCHAR[]) = 0
