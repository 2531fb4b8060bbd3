-- Reports mentioning and mentions per topic, over all reports. A report has
-- at most one row per topic, so counting rows counts reports.
SELECT topic, count(*) AS reports, sum(mentions)::BIGINT AS mentions
FROM topic_mentions
WHERE mentions > 0
GROUP BY topic
