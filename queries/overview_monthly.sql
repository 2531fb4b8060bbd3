-- Reports per meeting month, for the volume chart.
SELECT strftime(meeting_month, '%Y-%m') AS month, reports
FROM (SELECT meeting_month, sum(reports)::BIGINT AS reports
      FROM /*include cells.sql*/
      WHERE meeting_month IS NOT NULL
      GROUP BY meeting_month)
ORDER BY 1
