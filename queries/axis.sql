-- axis: every period from the first to the last one asked for (or seen, when
-- no bound is given), so a period without reports is a visible gap rather
-- than a silently skipped point. Reads the cells CTE (p, total_reports).
SELECT unnest(generate_series(
           coalesce(date_trunc($period::VARCHAR, $from::DATE)::DATE, (SELECT min(p) FROM cells)),
           coalesce(date_trunc($period::VARCHAR, ($to::DATE - INTERVAL 1 DAY)::DATE)::DATE, (SELECT max(p) FROM cells)),
           to_months($step::INTEGER)))::DATE AS p
WHERE EXISTS (SELECT 1 FROM cells)
