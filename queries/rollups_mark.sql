-- Records what the rollups now cover (see rollups_state.sql).
INSERT OR REPLACE INTO meta (key, value) VALUES
    ('rollups_version', $version::VARCHAR),
    ('rollups_rid', (SELECT coalesce(max(rid), 0) FROM reports)::VARCHAR),
    ('rollups_taxonomy', coalesce((SELECT value FROM meta WHERE key = 'taxonomy_digest'), ''))
