-- Topic counts for a set of reports (one page of the meetings list), by rid.
SELECT rid, topic, mentions
FROM topic_mentions
WHERE rid IN (SELECT unnest($rids::BIGINT[])) AND mentions > 0
ORDER BY rid, topic
