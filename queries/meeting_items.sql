-- A report's agenda items with their topic counts.
SELECT a.idx, coalesce(a.kind, ''), a.text, a.start_pos, a.end_pos,
       coalesce((SELECT string_agg(t.topic || ':' || t.mentions::VARCHAR, ';' ORDER BY t.topic)
                 FROM item_topics t
                 WHERE t.report_id = a.report_id AND t.idx = a.idx AND t.mentions > 0), '')
FROM agenda_items a
WHERE a.report_id = $id::VARCHAR
ORDER BY a.idx
