-- matched: the reports in scope that mention any of $topics (all reports in
-- scope when $topics is empty), as a condition on the columns of reports.
-- Used by the meetings list, its count and its export.
/*filter*/
AND /*include mentioning.sql*/
