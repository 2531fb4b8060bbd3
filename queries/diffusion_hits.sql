-- diffusion_hits: the placed meetings in scope on diffusion.sql's subject,
-- as (id, meeting_day, meeting_month, district_code): for a topic, its rows
-- of topic_mentions, which carry the report columns the filter reads (no
-- join with the reports); for a term, the reports whose text holds it.
-- Optional (see sql.go): read where the rollups answer, which assures that
-- the copied columns are filled; diffusion_hits_rows.sql stands in for it
-- elsewhere.
SELECT report_id AS id, meeting_day, meeting_month, district_code
FROM topic_mentions
WHERE $topic::VARCHAR <> '' AND topic = $topic::VARCHAR AND mentions > 0
  AND district_code IS NOT NULL AND district_code <> '' AND /*filter*/
UNION ALL
SELECT id, meeting_day, meeting_month, district_code
FROM reports
WHERE $term::VARCHAR <> '' AND contains(text, $term::VARCHAR)
  AND district_code IS NOT NULL AND district_code <> '' AND /*filter*/
