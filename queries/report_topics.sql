-- Topic counts for a set of reports (one page of the meetings list).
SELECT report_id, topic, mentions
FROM topic_mentions
WHERE list_contains($ids::VARCHAR[], report_id) AND mentions > 0
ORDER BY report_id, topic
