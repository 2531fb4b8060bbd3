-- held_size: what holding the reports' text in memory takes (heldtext.go):
-- the last report number, the reports, how many are numbered, and their
-- characters. Reads no text.
SELECT coalesce(max(rid), 0), count(*), count(rid), coalesce(sum(chars), 0)::BIGINT
FROM reports
