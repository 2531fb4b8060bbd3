-- search: the reports whose text contains $q (the searched CTE). Optional
-- (see sql.go): no_search.sql stands in for it when $q is '', because
-- DuckDB plans a subquery before it folds constants, so "$q = '' OR rid IN
-- (...)" would read every text anyway.
rid IN (SELECT rid FROM searched)
