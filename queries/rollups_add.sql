-- Sums the reports with rid > $since (every report when $all) into the
-- rollups, appending rows; see rollups.sql. One statement per "-- statement:"
-- line.

-- statement: report cells
INSERT INTO report_cells
SELECT date_trunc('month', meeting_day)::DATE, meeting_month,
       province_code, province, city_code, city, district_code, district, meeting_kinds,
       count(*), sum(chars),
       count(*) FILTER (WHERE length(meeting_date) = 7),
       count(*) FILTER (WHERE spam),
       count(*) FILTER (WHERE chair IS NULL OR chair = ''),
       count(*) FILTER (WHERE len(warnings) > 0),
       min(meeting_day), max(meeting_day)
FROM reports
WHERE rid > $since::BIGINT OR $all::BOOLEAN
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
ORDER BY district_code, 1

-- statement: topic cells
INSERT INTO topic_cells
SELECT topic, date_trunc('month', meeting_day)::DATE, meeting_month,
       province_code, city_code, district_code, meeting_kinds,
       count(*), sum(mentions)
FROM topic_mentions
WHERE mentions > 0 AND (rid > $since::BIGINT OR $all::BOOLEAN)
GROUP BY 1, 2, 3, 4, 5, 6, 7
ORDER BY topic, district_code, 2

-- statement: label counts
INSERT INTO label_counts
SELECT 'date_source', coalesce(nullif(date_source, ''), '-'), count(*)
FROM reports
WHERE rid > $since::BIGINT OR $all::BOOLEAN
GROUP BY 2
UNION ALL
SELECT 'warning', w, count(*)
FROM (SELECT unnest(warnings) AS w FROM reports WHERE rid > $since::BIGINT OR $all::BOOLEAN)
GROUP BY 2
