-- The periods that have term counts, newest first, with their word totals.
SELECT date_trunc($period::VARCHAR, month)::DATE AS p, sum(mentions)::BIGINT AS words
FROM term_counts
WHERE NOT year_only OR $period::VARCHAR = 'year'
GROUP BY 1
ORDER BY 1 DESC
