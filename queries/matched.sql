-- matched: reports in scope that mention any of $topics (all reports in
-- scope when $topics is empty). Used by the meetings list and its export.
SELECT s.*
FROM scope s
WHERE len($topics::VARCHAR[]) = 0
   OR s.id IN (SELECT report_id FROM topic_mentions
               WHERE list_contains($topics::VARCHAR[], topic) AND mentions > 0)
