-- searched: the reports in scope whose text contains $q, as a CTE that
-- every scoped statement defines first (WITH searched AS MATERIALIZED ...)
-- so that the text is read once however many times the statement filters.
-- Optional (see sql.go): no_searched.sql stands in for it when $q is ''.
SELECT rid FROM reports WHERE /*include where.sql*/ AND contains(text, $q::VARCHAR)
