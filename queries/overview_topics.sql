-- Reports mentioning and mentions per topic, over all reports.
SELECT topic, count(DISTINCT report_id) AS reports, sum(mentions)::BIGINT AS mentions
FROM topic_mentions
WHERE mentions > 0
GROUP BY topic
