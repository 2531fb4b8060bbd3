-- labels: reports per date source and per warning (label_counts, see
-- rollups.sql) over the whole corpus. Optional (see sql.go): label_rows.sql
-- stands in for it when there are no rollups.
SELECT what, label, reports FROM label_counts
