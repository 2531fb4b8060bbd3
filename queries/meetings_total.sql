-- The number of reports the meetings list would show over all pages when no
-- more than one topic is asked: a sum over the report cells in scope, or
-- over the one topic's cells (a report has one row per topic, so they count
-- the reports mentioning it). With several topics a report mentioning two
-- would be counted twice: meetings_count.sql counts those.
WITH searched AS MATERIALIZED /*include searched.sql*/
SELECT (SELECT coalesce(sum(reports), 0) FROM /*include cells.sql*/ WHERE len($topics::VARCHAR[]) = 0)
     + (SELECT coalesce(sum(reports), 0) FROM /*include topic_cells.sql*/ WHERE len($topics::VARCHAR[]) = 1)
