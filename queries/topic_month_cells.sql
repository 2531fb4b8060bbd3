-- topic_month_cells: the asked topics' rollup by month and kinds alone
-- (topic_months, see rollups.sql) in scope; topic_cells.sql's counterpart as
-- month_cells.sql is cells.sql's, and optional in the same way.
SELECT *
FROM topic_months
WHERE (len($topics::VARCHAR[]) = 0 OR list_contains($topics::VARCHAR[], topic)) AND /*include when.sql*/
