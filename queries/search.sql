-- search: the reports whose text contains $q, read among those the other
-- filters leave. Optional (see sql.go): no_search.sql stands in for it
-- when $q is '', because DuckDB plans a subquery before it folds constants,
-- so "$q = '' OR rid IN (...)" would read every text anyway.
rid IN (SELECT rid FROM reports WHERE /*include where.sql*/ AND contains(text, $q::VARCHAR))
