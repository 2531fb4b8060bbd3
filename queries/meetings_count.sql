-- The number of reports the meetings list would show over all pages.
WITH searched AS MATERIALIZED /*include searched.sql*/
SELECT count(*) FROM /*include mentioning.sql*/ m
