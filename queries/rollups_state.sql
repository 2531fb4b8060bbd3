-- What the rollups cover (see rollups.go): the format they were built in,
-- the last report number summed, whether the topic counts come from the
-- taxonomy they were summed from, the rows the rollups held after their
-- last compaction and hold now, and whether they sum the tables as they are
-- now: every report, every topic row and every mention once.
SELECT coalesce((SELECT value FROM meta WHERE key = 'rollups_version'), '') AS version,
       coalesce((SELECT value FROM meta WHERE key = 'rollups_rid')::BIGINT, -1) AS rid,
       coalesce((SELECT max(rid) FROM reports), 0) AS last_rid,
       -- A database first given a digest after its rollups were summed (as
       -- `agendascope ingest` does to one that bench or a test built)
       -- adopted it without recounting anything.
       coalesce((SELECT value FROM meta WHERE key = 'rollups_taxonomy'), '') IN
           ('', coalesce((SELECT value FROM meta WHERE key = 'taxonomy_digest'), '')) AS same_taxonomy,
       coalesce((SELECT value FROM meta WHERE key = 'rollups_compacted')::BIGINT, 0) AS compacted,
       (SELECT count(*) FROM report_cells) + (SELECT count(*) FROM topic_cells) + (SELECT count(*) FROM label_counts)
           + (SELECT count(*) FROM topic_firsts) + (SELECT count(*) FROM report_places)
           + (SELECT count(*) FROM topic_places) + (SELECT count(*) FROM report_months)
           + (SELECT count(*) FROM topic_months) AS held,
       (SELECT count(*) FROM reports) = (SELECT coalesce(sum(reports), 0) FROM report_cells)
       AND (SELECT count(*) FROM reports) = (SELECT coalesce(sum(reports), 0) FROM label_counts WHERE what = 'date_source')
       AND (SELECT count(*) FROM topic_mentions WHERE mentions > 0) = (SELECT coalesce(sum(reports), 0) FROM topic_cells)
       AND (SELECT coalesce(sum(mentions), 0) FROM topic_mentions WHERE mentions > 0)
           = (SELECT coalesce(sum(mentions), 0) FROM topic_cells)
       AND (SELECT count(*) FROM topic_mentions WHERE mentions > 0 AND district_code IS NOT NULL AND district_code <> '')
           = (SELECT coalesce(sum(meetings), 0) FROM topic_firsts)
       AND (SELECT count(*) FROM reports) = (SELECT coalesce(sum(reports), 0) FROM report_places)
       AND (SELECT coalesce(sum(chars), 0) FROM reports) = (SELECT coalesce(sum(chars), 0) FROM report_places)
       AND (SELECT count(*) FROM topic_mentions WHERE mentions > 0) = (SELECT coalesce(sum(reports), 0) FROM topic_places)
       AND (SELECT coalesce(sum(mentions), 0) FROM topic_mentions WHERE mentions > 0)
           = (SELECT coalesce(sum(mentions), 0) FROM topic_places)
       AND (SELECT count(*) FROM reports) = (SELECT coalesce(sum(reports), 0) FROM report_months)
       AND (SELECT coalesce(sum(chars), 0) FROM reports) = (SELECT coalesce(sum(chars), 0) FROM report_months)
       AND (SELECT count(*) FROM topic_mentions WHERE mentions > 0) = (SELECT coalesce(sum(reports), 0) FROM topic_months)
       AND (SELECT coalesce(sum(mentions), 0) FROM topic_mentions WHERE mentions > 0)
           = (SELECT coalesce(sum(mentions), 0) FROM topic_months) AS complete
