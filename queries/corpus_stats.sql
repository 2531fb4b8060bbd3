SELECT
    (SELECT count(*) FROM reports)                                        AS reports,
    (SELECT count(DISTINCT district_code) FROM reports)                   AS districts,
    (SELECT min(meeting_date) FROM reports)                               AS first_meeting,
    (SELECT max(meeting_date) FROM reports)                               AS last_meeting,
    (SELECT count(*) FROM reports WHERE meeting_date IS NULL)             AS no_date,
    (SELECT count(*) FROM reports WHERE district_code IS NULL)            AS no_district,
    (SELECT count(*) FROM reports WHERE spam)                             AS spam,
    (SELECT count(*) FROM report_sources) - (SELECT count(*) FROM reports) AS duplicates,
    (SELECT count(*) FROM ingest_errors)                                  AS ingest_errors,
    (SELECT coalesce(sum(chars), 0) FROM reports)                         AS chars
