-- label_rows: labels.sql's stand-in, one row per report and date source and
-- per report and warning.
SELECT 'date_source' AS what, coalesce(nullif(date_source, ''), '-') AS label, 1 AS reports
FROM reports
UNION ALL
SELECT 'warning', unnest(warnings), 1
FROM reports
