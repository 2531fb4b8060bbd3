-- meetings_total: the number of reports the meetings list holds over all
-- pages, as a column of the page, so that a text search finds its reports
-- once (the searched CTE) for the page and the count. Optional (see
-- sql.go): without a search no_meetings_total.sql stands in for it, and
-- the rollups (meetings_window.sql) or meetings_count.sql give the count.
SELECT count(*) FROM /*include mentioning.sql*/ m
