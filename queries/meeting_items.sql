-- A report's agenda items with their topic counts, by rid (see
-- meeting_documents.sql). An item's text is its span of the report's text,
-- which GetMeeting cuts out.
WITH topics AS (
    SELECT idx, string_agg(topic || ':' || mentions::VARCHAR, ';' ORDER BY topic) AS topics
    FROM item_topics
    WHERE rid = $rid::BIGINT AND mentions > 0
    GROUP BY idx
)
SELECT a.idx, coalesce(a.kind, ''), a.start_pos, a.end_pos, coalesce(t.topics, '')
FROM agenda_items a
LEFT JOIN topics t ON t.idx = a.idx
WHERE a.rid = $rid::BIGINT
ORDER BY a.idx
