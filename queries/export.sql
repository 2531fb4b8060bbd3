-- Parquet export: one SELECT per dataset, each introduced by a
-- "-- dataset: NAME" line. Every dataset carries the partition keys
-- province_code and year (the year of meeting_day, the date the dashboard
-- groups by), so each can be read alone or joined on report_id within a
-- partition. Reports without a province or a meeting date land in Hive's
-- __HIVE_DEFAULT_PARTITION__. The decoded original text is left out: the
-- normalized text is what every count was made from. No ORDER BY: sorting
-- whole reports needs memory in proportion to the corpus, and row order
-- inside a partition file means nothing to Parquet readers.

-- dataset: reports
SELECT r.id, r.source, r.url, r.title, r.text,
       r.province, r.city_code, r.city, r.district_code, r.district,
       r.meeting_date, r.meeting_day, r.published_date, r.date_source,
       r.chair, r.meeting_kinds, r.session, r.script, r.lang, r.encoding,
       r.spam, r.warnings, r.evidence, r.chars, r.ingested_at,
       r.province_code, year(r.meeting_day)::INTEGER AS year
FROM reports r

-- dataset: topic_mentions
SELECT m.report_id, m.topic, m.mentions,
       r.province_code, year(r.meeting_day)::INTEGER AS year
FROM topic_mentions m
JOIN reports r ON r.id = m.report_id

-- dataset: documents
SELECT d.report_id, d.idx, d.title, d.verb,
       r.province_code, year(r.meeting_day)::INTEGER AS year
FROM documents d
JOIN reports r ON r.id = d.report_id
