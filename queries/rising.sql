-- Rising terms: the content words whose share of all words grew most from
-- the period before $current to $current, by the weighted log-odds ratio
-- with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), the
-- prior being the two periods pooled and scaled to $prior words. z is the
-- ratio over its standard error, so a word seen a few times cannot outrank a
-- word seen hundreds of times on noise alone. term_counts holds no
-- geography: the whole corpus counts. Counts of reports dated only to the
-- year (year_only) take part in yearly periods alone.
--
-- With $current NULL the period is GetRising's default: the latest one that
-- can be compared (the one before it has counts too), else the latest.
WITH known AS (
    SELECT DISTINCT date_trunc($period::VARCHAR, month)::DATE AS p
    FROM term_counts
    WHERE $current::DATE IS NULL AND (NOT year_only OR $period::VARCHAR = 'year')
),
bounds AS (
    SELECT c AS cur, (c - to_months($step::INTEGER))::DATE AS prev
    FROM (SELECT coalesce(date_trunc($period::VARCHAR, $current::DATE)::DATE,
                          (SELECT max(p) FROM known
                           WHERE (p - to_months($step::INTEGER))::DATE IN (SELECT p FROM known)),
                          (SELECT max(p) FROM known)) AS c)
),
-- The two periods' counts. When $current is given its bounds are constants
-- too, which DuckDB applies as the table is read.
periods AS (
    SELECT date_trunc($period::VARCHAR, t.month)::DATE AS p, t.term,
           sum(t.mentions) AS n, sum(t.reports) AS docs
    FROM term_counts t, bounds b
    WHERE (NOT t.year_only OR $period::VARCHAR = 'year')
      AND t.month >= b.prev AND t.month < b.cur + to_months($step::INTEGER)
      AND ($current::DATE IS NULL
           OR (t.month >= (date_trunc($period::VARCHAR, $current::DATE) - to_months($step::INTEGER))::DATE
               AND t.month < (date_trunc($period::VARCHAR, $current::DATE) + to_months($step::INTEGER))::DATE))
    GROUP BY ALL
),
pairs AS (
    SELECT x.term,
           coalesce(sum(x.n) FILTER (WHERE x.p = b.cur), 0)::DOUBLE AS ya,
           coalesce(sum(x.n) FILTER (WHERE x.p = b.prev), 0)::DOUBLE AS yb,
           coalesce(sum(x.docs) FILTER (WHERE x.p = b.cur), 0)::BIGINT AS docs_a,
           coalesce(sum(x.docs) FILTER (WHERE x.p = b.prev), 0)::BIGINT AS docs_b
    FROM periods x, bounds b
    GROUP BY x.term
),
totals AS (
    SELECT sum(ya) AS na, sum(yb) AS nb FROM pairs
),
scored AS (
    SELECT x.*, t.na, t.nb,
           $prior::DOUBLE * (x.ya + x.yb) / (t.na + t.nb) AS a
    FROM pairs x, totals t
    WHERE t.na > 0 AND t.nb > 0
),
cur_label AS (
    SELECT /*include period_label.sql*/ AS label FROM (SELECT cur AS p FROM bounds)
),
prev_label AS (
    SELECT /*include period_label.sql*/ AS label FROM (SELECT prev AS p FROM bounds)
)
SELECT c.label AS period,
       pl.label AS previous_period,
       s.term,
       s.ya::BIGINT AS mentions,
       s.yb::BIGINT AS previous_mentions,
       s.docs_a AS reports,
       s.docs_b AS previous_reports,
       1e4 * s.ya / s.na AS per10k_words,
       1e4 * s.yb / s.nb AS previous_per10k_words,
       (ln((s.ya + s.a) / (s.na + $prior::DOUBLE - s.ya - s.a)) - ln((s.yb + s.a) / (s.nb + $prior::DOUBLE - s.yb - s.a)))
         / sqrt(1.0 / (s.ya + s.a) + 1.0 / (s.yb + s.a)) AS z
FROM scored s, cur_label c, prev_label pl
WHERE s.docs_a >= $min_reports::BIGINT
ORDER BY z DESC, s.term
LIMIT $limit::BIGINT
