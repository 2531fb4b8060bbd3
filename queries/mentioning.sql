-- mentioning: the reports in scope that mention any of $topics, as rows
-- (id, rid, meeting_day) read from topic_mentions alone, whose topic order
-- lets DuckDB read just those topics. A report has one row per topic: with
-- one topic its rows are the reports; with several they are grouped by the
-- integer rid. $topics is bound, so DuckDB drops the branch that does not
-- apply. Optional (see sql.go): in_scope.sql stands in for it when $topics
-- is empty.
SELECT report_id AS id, rid, meeting_day
FROM topic_mentions
WHERE len($topics::VARCHAR[]) = 1 AND topic = ($topics::VARCHAR[])[1] AND mentions > 0 AND /*filter*/
UNION ALL
SELECT any_value(report_id) AS id, rid, any_value(meeting_day) AS meeting_day
FROM topic_mentions
WHERE len($topics::VARCHAR[]) > 1 AND list_contains($topics::VARCHAR[], topic) AND mentions > 0 AND /*filter*/
GROUP BY rid
