-- The most frequent extraction warnings.
SELECT label AS warning, sum(reports)::BIGINT AS reports
FROM /*include labels.sql*/
WHERE what = 'warning'
GROUP BY 1
ORDER BY 2 DESC, 1
LIMIT 20
