-- filter: the whole scope (where.sql plus the text search $q) as one
-- condition on unqualified columns, for a FROM over reports or over
-- topic_mentions alone; queries include it through the filter marker (see
-- sql.go). Numerators over topic_mentions and denominators over reports use
-- this same text, so they cannot select different reports.
/*include where.sql*/
AND /*include search.sql*/
