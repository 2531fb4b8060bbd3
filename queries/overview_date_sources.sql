-- How meeting dates were found (text, url, published, ...).
SELECT label AS source, sum(reports)::BIGINT AS reports
FROM /*include labels.sql*/
WHERE what = 'date_source'
GROUP BY 1
ORDER BY 2 DESC, 1
