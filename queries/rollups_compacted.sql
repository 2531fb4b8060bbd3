-- Records the rows a rollup holds after a compaction or a rebuild (see
-- rollups_counts.sql).
INSERT OR REPLACE INTO meta (key, value)
SELECT 'rollups_compacted:' || $table::VARCHAR, $rows::BIGINT::VARCHAR
