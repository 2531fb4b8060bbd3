-- scope: the reports a query looks at, spliced at the scope marker (see
-- compose in sql.go): where.sql's filters plus the text search $q. Queries
-- that read topic_mentions use filter.sql instead, which selects the same
-- reports.
SELECT r.rid, r.id, r.meeting_day, r.meeting_month, r.chars,
       r.province_code, r.province, r.city_code, r.city, r.district_code, r.district
FROM reports r
WHERE /*include where.sql*/
  AND ($q::VARCHAR = '' OR contains(r.text, $q::VARCHAR))
