-- The number of reports the meetings list would show over all pages.
SELECT count(*) FROM reports WHERE /*include matched.sql*/
