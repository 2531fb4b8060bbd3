-- compare_no_via_reports: compare_via_reports.sql's stand-in where the
-- rollups answer (viaReports is then false): no rows.
SELECT NULL::VARCHAR AS code, NULL::VARCHAR AS topic, NULL::HUGEINT AS mentions, NULL::BIGINT AS reports
WHERE false
