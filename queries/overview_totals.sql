-- Data-quality totals for the overview page, summed over the cells of every
-- report (bound with an empty scope): by month and kinds (month_cells.sql),
-- the districts by place (place_cells.sql).
SELECT coalesce(sum(reports), 0)::BIGINT AS reports,
       coalesce(sum(reports) FILTER (WHERE meeting_day IS NOT NULL), 0)::BIGINT AS dated,
       coalesce(sum(reports) FILTER (WHERE meeting_day IS NULL), 0)::BIGINT AS undated,
       coalesce(sum(month_only), 0)::BIGINT AS month_only,
       coalesce(sum(spam), 0)::BIGINT AS spam,
       (SELECT coalesce(sum(reports), 0) FROM /*include place_cells.sql*/
        WHERE district_code IS NULL OR district_code = '')::BIGINT AS no_district,
       coalesce(sum(no_chair), 0)::BIGINT AS no_chair,
       coalesce(sum(with_warnings), 0)::BIGINT AS with_warnings,
       (SELECT count(DISTINCT district_code) FROM /*include place_cells.sql*/) AS districts,
       coalesce(strftime(min(first_day), '%Y-%m-%d'), '') AS first_day,
       coalesce(strftime(max(last_day), '%Y-%m-%d'), '') AS last_day,
       coalesce(sum(chars), 0)::BIGINT AS chars,
       (SELECT count(*) FROM ingest_errors) AS ingest_errors
FROM /*include month_cells.sql*/
