-- text_found: the report holds $q, counted in its text column;
-- held_found.sql's stand-in.
phrase_count(text, $q::VARCHAR, 1) IS NOT NULL
