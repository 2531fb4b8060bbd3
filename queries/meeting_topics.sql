-- A report's topic counts, by rid (see meeting_documents.sql).
SELECT topic, mentions
FROM topic_mentions
WHERE rid = $rid::BIGINT AND mentions > 0
ORDER BY mentions DESC, topic
