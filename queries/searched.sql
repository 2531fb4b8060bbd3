-- searched: the reports in scope whose text contains $q, as a CTE that
-- every scoped statement defines first (WITH searched AS MATERIALIZED ...)
-- so that the text is read once however many times the statement filters.
-- phrase_count (queries/phrase.go) with at most 1 stops at the first
-- occurrence, as contains() would, and finds it faster; held_found.sql
-- counts in the text held in memory when there is (text_found.sql in the
-- text column otherwise).
-- Optional (see sql.go): no_searched.sql stands in for it when $q is ''.
-- It keeps id and meeting_day for in_scope.sql.
SELECT rid, id, meeting_day FROM reports WHERE /*include where.sql*/ AND /*include held_found.sql*/
