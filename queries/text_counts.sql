-- text_counts: the report's counts of $phrases, counted in its text
-- column; held_counts.sql's stand-in.
phrase_counts(text, $phrases::VARCHAR)
