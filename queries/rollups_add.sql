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

-- statement: topic firsts
INSERT INTO topic_firsts
WITH hits AS MATERIALIZED (
    SELECT topic, province_code, city_code, district_code, report_id, meeting_day, meeting_month
    FROM topic_mentions
    WHERE mentions > 0 AND district_code IS NOT NULL AND district_code <> ''
      AND (rid > $since::BIGINT OR $all::BOOLEAN)
),
districts AS (
    SELECT topic, province_code, city_code, district_code,
           count(*) AS meetings,
           min(meeting_day) AS first_day,
           min(CASE WHEN meeting_month IS NULL THEN (meeting_day + INTERVAL 11 MONTH)::DATE
                    ELSE meeting_month END) AS adopted_by
    FROM hits
    GROUP BY 1, 2, 3, 4
),
picked AS (
    SELECT d.topic, d.province_code, d.city_code, d.district_code, d.meetings, d.first_day, d.adopted_by,
           (SELECT min(h.report_id) FROM hits h
            WHERE h.topic = d.topic AND h.district_code = d.district_code AND h.meeting_day = d.first_day
              AND h.province_code IS NOT DISTINCT FROM d.province_code
              AND h.city_code IS NOT DISTINCT FROM d.city_code) AS report_id
    FROM districts d
)
SELECT p.topic, p.province_code, p.city_code, p.district_code, p.meetings, p.first_day, p.report_id, p.adopted_by,
       r.district, r.city, r.province, r.meeting_date, r.title, r.url
FROM picked p
LEFT JOIN reports r ON r.id = p.report_id
ORDER BY p.topic, p.district_code

-- statement: report places
INSERT INTO report_places
SELECT province_code, province, city_code, city, district_code, district, count(*), sum(chars)
FROM reports
WHERE rid > $since::BIGINT OR $all::BOOLEAN
GROUP BY 1, 2, 3, 4, 5, 6
ORDER BY district_code

-- statement: topic places
INSERT INTO topic_places
SELECT topic, province_code, city_code, district_code, count(*), sum(mentions)
FROM topic_mentions
WHERE mentions > 0 AND (rid > $since::BIGINT OR $all::BOOLEAN)
GROUP BY 1, 2, 3, 4
ORDER BY topic, district_code

-- statement: report months
INSERT INTO report_months
SELECT date_trunc('month', meeting_day)::DATE, meeting_month, meeting_kinds,
       count(*), sum(chars),
       count(*) FILTER (WHERE length(meeting_date) = 7),
       count(*) FILTER (WHERE spam),
       count(*) FILTER (WHERE chair IS NULL OR chair = ''),
       count(*) FILTER (WHERE len(warnings) > 0),
       min(meeting_day), max(meeting_day)
FROM reports
WHERE rid > $since::BIGINT OR $all::BOOLEAN
GROUP BY 1, 2, 3
ORDER BY 1

-- statement: topic months
INSERT INTO topic_months
SELECT topic, date_trunc('month', meeting_day)::DATE, meeting_month, meeting_kinds, count(*), sum(mentions)
FROM topic_mentions
WHERE mentions > 0 AND (rid > $since::BIGINT OR $all::BOOLEAN)
GROUP BY 1, 2, 3, 4
ORDER BY topic, 2
