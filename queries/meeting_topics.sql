-- A report's topic counts.
SELECT topic, mentions
FROM topic_mentions
WHERE report_id = $id::VARCHAR AND mentions > 0
ORDER BY mentions DESC, topic
