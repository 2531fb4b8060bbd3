-- report_rows: the reports in scope (filter.sql) as cells of one report each,
-- with the columns of report_cells (rollups.sql); cells.sql's stand-in. A
-- statement reads either through the same sums, so the two cannot differ.
SELECT meeting_day, meeting_month, province_code, province, city_code, city, district_code, district,
       meeting_kinds,
       1 AS reports,
       chars,
       CASE WHEN length(meeting_date) = 7 THEN 1 ELSE 0 END AS month_only,
       CASE WHEN spam THEN 1 ELSE 0 END AS spam,
       CASE WHEN chair IS NULL OR chair = '' THEN 1 ELSE 0 END AS no_chair,
       CASE WHEN len(warnings) > 0 THEN 1 ELSE 0 END AS with_warnings,
       meeting_day AS first_day,
       meeting_day AS last_day
FROM reports
WHERE /*filter*/
