-- held_found: the report holds $q, counted in the text held in memory
-- (report_phrase_count over the rid, heldtext.go) so that DuckDB does not
-- read the text column; text_found.sql stands in for it when the text is
-- not held (see sql.go).
report_phrase_count(rid, $q::VARCHAR, 1) IS NOT NULL
