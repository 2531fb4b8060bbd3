-- The most frequent extraction warnings.
SELECT w AS warning, count(*) AS reports
FROM (SELECT unnest(warnings) AS w FROM reports)
GROUP BY w
ORDER BY reports DESC, w
LIMIT 20
