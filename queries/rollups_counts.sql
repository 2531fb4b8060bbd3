-- The rows each rollup holds now and held after its last compaction (see
-- rollups.go). A rollup compacted before these were recorded per table
-- counts as compacted as it is (recorded is false).
SELECT t.name, t.held, coalesce(m.value::BIGINT, t.held) AS compacted, m.value IS NOT NULL AS recorded
FROM (SELECT 'report_cells' AS name, count(*) AS held FROM report_cells
      UNION ALL SELECT 'topic_cells', count(*) FROM topic_cells
      UNION ALL SELECT 'label_counts', count(*) FROM label_counts
      UNION ALL SELECT 'topic_firsts', count(*) FROM topic_firsts
      UNION ALL SELECT 'report_places', count(*) FROM report_places
      UNION ALL SELECT 'topic_places', count(*) FROM topic_places
      UNION ALL SELECT 'report_months', count(*) FROM report_months
      UNION ALL SELECT 'topic_months', count(*) FROM topic_months) t
LEFT JOIN meta m ON m.key = 'rollups_compacted:' || t.name
