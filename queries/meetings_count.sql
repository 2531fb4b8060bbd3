-- The number of reports the meetings list would show over all pages.
WITH scope AS /*scope*/,
matched AS /*include matched.sql*/
SELECT count(*) FROM matched
