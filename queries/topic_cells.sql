-- topic_cells: the rollup of the asked topics' rows in scope (topic_cells,
-- see rollups.sql; every topic when $topics is empty), for a FROM that sums
-- its reports and mentions columns. Optional (see sql.go): topic_rows.sql
-- stands in for it when the rollups cannot answer.
SELECT *
FROM topic_cells
WHERE (len($topics::VARCHAR[]) = 0 OR list_contains($topics::VARCHAR[], topic)) AND /*include where.sql*/
