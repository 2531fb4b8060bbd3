-- What the rollups cover (see rollups.go): the format they were built in,
-- the last report number summed, whether the topic counts come from the
-- taxonomy they were summed from, and whether they sum the tables as they
-- are now: every report, every topic row and every mention once.
SELECT coalesce((SELECT value FROM meta WHERE key = 'rollups_version'), '') AS version,
       coalesce((SELECT value FROM meta WHERE key = 'rollups_rid')::BIGINT, -1) AS rid,
       coalesce((SELECT max(rid) FROM reports), 0) AS last_rid,
       -- A database first given a digest after its rollups were summed (as
       -- `agendascope ingest` does to one that bench or a test built)
       -- adopted it without recounting anything.
       coalesce((SELECT value FROM meta WHERE key = 'rollups_taxonomy'), '') IN
           ('', coalesce((SELECT value FROM meta WHERE key = 'taxonomy_digest'), '')) AS same_taxonomy,
       -- The tables are checked against the small rollups (a few thousand
       -- rows each) that sum every report and every topic row: each ingest
       -- asks this twice, and summing the large ones too (report_cells and
       -- topic_cells, as many rows as the tables at 1M reports) made it
       -- cost 0.4 s warm and 3 s cold whatever the ingest added. All the
       -- rollups are filled by the same statements in one transaction.
       (SELECT count(*) FROM reports) = (SELECT coalesce(sum(reports), 0) FROM report_months)
       AND (SELECT count(*) FROM reports) = (SELECT coalesce(sum(reports), 0) FROM report_places)
       AND (SELECT count(*) FROM reports) = (SELECT coalesce(sum(reports), 0) FROM label_counts WHERE what = 'date_source')
       AND (SELECT coalesce(sum(chars), 0) FROM reports) = (SELECT coalesce(sum(chars), 0) FROM report_months)
       AND (SELECT coalesce(sum(chars), 0) FROM reports) = (SELECT coalesce(sum(chars), 0) FROM report_places)
       AND (SELECT count(*) FROM topic_mentions WHERE mentions > 0) = (SELECT coalesce(sum(reports), 0) FROM topic_months)
       AND (SELECT count(*) FROM topic_mentions WHERE mentions > 0) = (SELECT coalesce(sum(reports), 0) FROM topic_places)
       AND (SELECT coalesce(sum(mentions), 0) FROM topic_mentions WHERE mentions > 0)
           = (SELECT coalesce(sum(mentions), 0) FROM topic_months)
       AND (SELECT coalesce(sum(mentions), 0) FROM topic_mentions WHERE mentions > 0)
           = (SELECT coalesce(sum(mentions), 0) FROM topic_places) AS complete
