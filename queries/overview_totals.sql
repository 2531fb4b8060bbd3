-- Data-quality totals for the overview page, summed over the cells of every
-- report (cells.sql, bound with an empty scope).
SELECT coalesce(sum(reports), 0)::BIGINT AS reports,
       coalesce(sum(reports) FILTER (WHERE meeting_day IS NOT NULL), 0)::BIGINT AS dated,
       coalesce(sum(reports) FILTER (WHERE meeting_day IS NULL), 0)::BIGINT AS undated,
       coalesce(sum(month_only), 0)::BIGINT AS month_only,
       coalesce(sum(spam), 0)::BIGINT AS spam,
       coalesce(sum(reports) FILTER (WHERE district_code IS NULL OR district_code = ''), 0)::BIGINT AS no_district,
       coalesce(sum(no_chair), 0)::BIGINT AS no_chair,
       coalesce(sum(with_warnings), 0)::BIGINT AS with_warnings,
       count(DISTINCT district_code) AS districts,
       coalesce(strftime(min(first_day), '%Y-%m-%d'), '') AS first_day,
       coalesce(strftime(max(last_day), '%Y-%m-%d'), '') AS last_day,
       coalesce(sum(chars), 0)::BIGINT AS chars,
       (SELECT count(*) FROM ingest_errors) AS ingest_errors
FROM /*include cells.sql*/
