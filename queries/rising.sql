-- Rising terms: the content words whose share of all words grew most from
-- the period before $current to $current, by the weighted log-odds ratio
-- with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), the
-- prior being the two periods pooled. z is the ratio over its standard error,
-- so a word seen a few times cannot outrank a word seen hundreds of times on
-- noise alone. term_counts holds no geography, so the whole corpus counts.
WITH periods AS (
    SELECT date_trunc($period::VARCHAR, month)::DATE AS p, term,
           sum(mentions) AS n, sum(reports) AS docs
    FROM term_counts
    WHERE date_trunc($period::VARCHAR, month)::DATE IN ($current::DATE, $previous::DATE)
    GROUP BY ALL
),
pairs AS (
    SELECT term,
           coalesce(sum(n) FILTER (WHERE p = $current::DATE), 0)::DOUBLE AS ya,
           coalesce(sum(n) FILTER (WHERE p = $previous::DATE), 0)::DOUBLE AS yb,
           coalesce(sum(docs) FILTER (WHERE p = $current::DATE), 0)::BIGINT AS docs_a,
           coalesce(sum(docs) FILTER (WHERE p = $previous::DATE), 0)::BIGINT AS docs_b
    FROM periods
    GROUP BY term
),
totals AS (
    SELECT sum(ya) AS na, sum(yb) AS nb FROM pairs
),
scored AS (
    SELECT x.*, t.na, t.nb,
           $prior::DOUBLE * (x.ya + x.yb) / (t.na + t.nb) AS a
    FROM pairs x, totals t
    WHERE t.na > 0 AND t.nb > 0
)
SELECT term,
       ya::BIGINT AS mentions,
       yb::BIGINT AS previous_mentions,
       docs_a AS reports,
       docs_b AS previous_reports,
       1e4 * ya / na AS per10k_words,
       1e4 * yb / nb AS previous_per10k_words,
       (ln((ya + a) / (na + $prior::DOUBLE - ya - a)) - ln((yb + a) / (nb + $prior::DOUBLE - yb - a)))
         / sqrt(1.0 / (ya + a) + 1.0 / (yb + a)) AS z
FROM scored
WHERE docs_a >= $min_reports::BIGINT
ORDER BY z DESC, term
LIMIT $limit::BIGINT
