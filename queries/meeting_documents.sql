-- Documents (titles in 《》) a report says the meeting reviewed. By rid: the
-- column is sorted, so DuckDB reads one row group.
SELECT idx, title, coalesce(verb, '')
FROM documents
WHERE rid = $rid::BIGINT
ORDER BY idx
