-- compare_via_reports: compare.sql's hits read from the top places' reports
-- and their topic_counts ("topic:n;topic:n"), when $via_reports. Optional
-- (see sql.go): where the rollups answer, compare_no_via_reports.sql stands
-- in for it, so that the statement does not plan a branch it never runs.
SELECT code, topic, mentions, reports
FROM (SELECT code, pair[1] AS topic, sum(pair[2]::BIGINT) AS mentions, count(*) AS reports
      FROM (SELECT /*include level.sql*/ AS code, string_split(unnest(string_split(topic_counts, ';')), ':') AS pair
            FROM reports
            WHERE $via_reports::BOOLEAN AND /*filter*/ AND /*include level.sql*/ IN (SELECT code FROM ranked))
      GROUP BY 1, 2)
WHERE list_contains($topics::VARCHAR[], topic)
