-- place_cells: the report rollup by place alone (report_places, see
-- rollups.sql) in scope, for compare.sql when the scope sets no date, kind
-- or text search: the same sums as cells.sql then, from a table the size of
-- the gazetteer. Optional (see sql.go): cells.sql stands in for it
-- otherwise.
SELECT * FROM report_places WHERE /*include places.sql*/
