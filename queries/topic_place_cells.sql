-- topic_place_cells: the asked topics' rollup by place alone (topic_places,
-- see rollups.sql) in scope; topic_cells.sql's counterpart as place_cells.sql
-- is cells.sql's, and optional in the same way.
SELECT *
FROM topic_places
WHERE (len($topics::VARCHAR[]) = 0 OR list_contains($topics::VARCHAR[], topic)) AND /*include places.sql*/
