-- month_cells: the report rollup by month and kinds alone (report_months,
-- see rollups.sql) in scope, when the scope names no place and sets no text
-- search: the same sums as cells.sql then, from a table of a few thousand
-- rows. It has no place columns. Optional (see sql.go): cells.sql stands in
-- for it otherwise.
SELECT * FROM report_months WHERE /*include when.sql*/
