-- How meeting dates were found (text, url, published, ...).
SELECT coalesce(nullif(date_source, ''), '-') AS source, count(*) AS reports
FROM reports
GROUP BY 1
ORDER BY 2 DESC, 1
