-- cells: the rollup of the reports in scope (report_cells, see rollups.sql),
-- for a FROM that sums its reports and chars columns. Optional (see sql.go):
-- report_rows.sql stands in for it when the rollups cannot answer (no
-- rollups, or a text search, which no rollup can hold).
SELECT * FROM report_cells WHERE /*include where.sql*/
