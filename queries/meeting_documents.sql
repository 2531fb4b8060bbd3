-- Documents (titles in 《》) a report says the meeting reviewed.
SELECT idx, title, coalesce(verb, '')
FROM documents
WHERE report_id = $id::VARCHAR
ORDER BY idx
