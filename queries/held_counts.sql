-- held_counts: the report's counts of $phrases (see terms.sql), counted in
-- the text held in memory (report_phrase_counts over the rid,
-- heldtext.go); text_counts.sql stands in for it when the text is not held.
report_phrase_counts(rid, $phrases::VARCHAR)
