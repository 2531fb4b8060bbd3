-- Rewrites each rollup with one row per cell, in the order the full build
-- writes (place first, so that a filter on a place reads few row groups).
-- Nothing changes but the number of rows. One statement per "-- statement:"
-- line.

-- statement: report cells
CREATE OR REPLACE TEMP TABLE compacted AS
SELECT meeting_day, meeting_month, province_code, province, city_code, city, district_code, district, meeting_kinds,
       sum(reports), sum(chars), sum(month_only), sum(spam), sum(no_chair), sum(with_warnings),
       min(first_day), max(last_day)
FROM report_cells
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
ORDER BY district_code, meeting_day;
DELETE FROM report_cells;
INSERT INTO report_cells SELECT * FROM compacted;
DROP TABLE compacted

-- statement: topic cells
CREATE OR REPLACE TEMP TABLE compacted AS
SELECT topic, meeting_day, meeting_month, province_code, city_code, district_code, meeting_kinds,
       sum(reports), sum(mentions)
FROM topic_cells
GROUP BY 1, 2, 3, 4, 5, 6, 7
ORDER BY topic, district_code, meeting_day;
DELETE FROM topic_cells;
INSERT INTO topic_cells SELECT * FROM compacted;
DROP TABLE compacted

-- statement: label counts
CREATE OR REPLACE TEMP TABLE compacted AS
SELECT what, label, sum(reports) FROM label_counts GROUP BY 1, 2 ORDER BY 1, 2;
DELETE FROM label_counts;
INSERT INTO label_counts SELECT * FROM compacted;
DROP TABLE compacted

-- statement: topic firsts
CREATE OR REPLACE TEMP TABLE compacted AS
SELECT topic, province_code, city_code, district_code,
       sum(meetings) AS meetings,
       min(first_day) AS first_day,
       arg_min(report_id, (first_day, report_id)) FILTER (WHERE first_day IS NOT NULL) AS report_id,
       min(adopted_by) AS adopted_by,
       arg_min_null(district, (first_day, report_id)) FILTER (WHERE first_day IS NOT NULL) AS district,
       arg_min_null(city, (first_day, report_id)) FILTER (WHERE first_day IS NOT NULL) AS city,
       arg_min_null(province, (first_day, report_id)) FILTER (WHERE first_day IS NOT NULL) AS province,
       arg_min_null(meeting_date, (first_day, report_id)) FILTER (WHERE first_day IS NOT NULL) AS meeting_date,
       arg_min_null(title, (first_day, report_id)) FILTER (WHERE first_day IS NOT NULL) AS title,
       arg_min_null(url, (first_day, report_id)) FILTER (WHERE first_day IS NOT NULL) AS url
FROM topic_firsts
GROUP BY 1, 2, 3, 4
ORDER BY topic, district_code;
DELETE FROM topic_firsts;
INSERT INTO topic_firsts SELECT * FROM compacted;
DROP TABLE compacted

-- statement: report places
CREATE OR REPLACE TEMP TABLE compacted AS
SELECT province_code, province, city_code, city, district_code, district, sum(reports), sum(chars)
FROM report_places
GROUP BY 1, 2, 3, 4, 5, 6
ORDER BY district_code;
DELETE FROM report_places;
INSERT INTO report_places SELECT * FROM compacted;
DROP TABLE compacted

-- statement: topic places
CREATE OR REPLACE TEMP TABLE compacted AS
SELECT topic, province_code, city_code, district_code, sum(reports), sum(mentions)
FROM topic_places
GROUP BY 1, 2, 3, 4
ORDER BY topic, district_code;
DELETE FROM topic_places;
INSERT INTO topic_places SELECT * FROM compacted;
DROP TABLE compacted

-- statement: report months
CREATE OR REPLACE TEMP TABLE compacted AS
SELECT meeting_day, meeting_month, meeting_kinds,
       sum(reports), sum(chars), sum(month_only), sum(spam), sum(no_chair), sum(with_warnings),
       min(first_day), max(last_day)
FROM report_months
GROUP BY 1, 2, 3
ORDER BY meeting_day;
DELETE FROM report_months;
INSERT INTO report_months SELECT * FROM compacted;
DROP TABLE compacted

-- statement: topic months
CREATE OR REPLACE TEMP TABLE compacted AS
SELECT topic, meeting_day, meeting_month, meeting_kinds, sum(reports), sum(mentions)
FROM topic_months
GROUP BY 1, 2, 3, 4
ORDER BY topic, meeting_day;
DELETE FROM topic_months;
INSERT INTO topic_months SELECT * FROM compacted;
DROP TABLE compacted
