-- Reports mentioning and mentions per topic, over all reports ($topics is
-- empty: every topic).
SELECT topic, sum(reports)::BIGINT AS reports, sum(mentions)::BIGINT AS mentions
FROM /*include topic_place_cells.sql*/
GROUP BY topic
ORDER BY topic
