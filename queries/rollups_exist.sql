-- How many of the rollup tables (rollups.sql) the database has; a database
-- opened read-only is never given them.
SELECT count(*)
FROM duckdb_tables()
WHERE schema_name = 'main' AND table_name IN ('report_cells', 'topic_cells', 'label_counts', 'topic_firsts',
                                                'report_places', 'topic_places', 'report_months', 'topic_months')
