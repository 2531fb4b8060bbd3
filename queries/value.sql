-- value: the chosen measure for a cell with columns mentions, reports,
-- total_reports, total_chars. A cell without reports has no value (NULL),
-- so charts show a gap rather than a zero that was never observed.
CASE WHEN total_reports = 0 THEN NULL
     WHEN $measure::VARCHAR = 'mentions' THEN mentions::DOUBLE
     WHEN $measure::VARCHAR = 'reports' THEN reports::DOUBLE
     WHEN $measure::VARCHAR = 'share' THEN reports::DOUBLE / total_reports
     WHEN $measure::VARCHAR = 'per10k' THEN
          CASE WHEN total_chars > 0 THEN mentions * 10000.0 / total_chars END
END
