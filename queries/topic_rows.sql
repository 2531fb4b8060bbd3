-- topic_rows: the asked topics' rows of topic_mentions in scope (every
-- topic when $topics is empty) with the columns of topic_cells, one report
-- each; topic_cells.sql's stand-in. topic_mentions carries the report
-- columns filter.sql reads, so no join is needed.
SELECT topic, meeting_day, meeting_month, province_code, city_code, district_code, meeting_kinds,
       1 AS reports,
       mentions
FROM topic_mentions
WHERE (len($topics::VARCHAR[]) = 0 OR list_contains($topics::VARCHAR[], topic)) AND mentions > 0 AND /*filter*/
