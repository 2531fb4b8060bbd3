-- diffusion_hits_rows: diffusion_hits.sql's stand-in, from the reports in
-- scope alone (a topic's reports found by id in topic_mentions), so that it
-- needs none of the columns ingest copies or derives; the month of a date
-- known only to the year is NULL, as in reports.meeting_month.
SELECT id, meeting_day,
       CASE WHEN length(meeting_date) = 4 THEN NULL ELSE date_trunc('month', meeting_day)::DATE END AS meeting_month,
       district_code
FROM reports
WHERE district_code IS NOT NULL AND district_code <> '' AND /*filter*/
  AND (($topic::VARCHAR <> '' AND id IN (SELECT report_id FROM topic_mentions WHERE topic = $topic::VARCHAR AND mentions > 0))
       OR ($term::VARCHAR <> '' AND contains(text, $term::VARCHAR)))
