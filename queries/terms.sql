-- Terms: exact occurrence counts of phrases in report text, per period.
-- phrase_counts(text, $phrases) (queries/phrase.go) counts every term in
-- one pass over a report's text, non-overlapping occurrences from the left
-- (strings.Count's number), and gives them comma-separated in the order of
-- $terms, or NULL when the report holds none of them. The text of the
-- reports in scope is read once, whatever the number of terms; that scan
-- is the whole cost, so every other filter is applied first. When the text
-- is held in memory, held_counts.sql counts there by rid and DuckDB reads
-- no text (the text column selected below is then unused and not read).
WITH searched AS MATERIALIZED /*include searched.sql*/,
months AS (
    SELECT meeting_month, date_trunc('year', meeting_day) AS meeting_year,
           count(*) AS total_reports, sum(chars) AS total_chars
    FROM reports
    WHERE meeting_day IS NOT NULL AND /*filter*/
    GROUP BY ALL
),
cells AS (
    SELECT /*include period_of.sql*/ AS p,
           sum(total_reports) AS total_reports, sum(total_chars) AS total_chars
    FROM months
    WHERE p IS NOT NULL
    GROUP BY p
),
terms AS (
    SELECT unnest($terms::VARCHAR[]) AS term,
           generate_subscripts($terms::VARCHAR[], 1) AS pos
),
hits AS (
    SELECT r.p, t.term, sum(r.counts[t.pos]::BIGINT) AS mentions, count(*) AS reports
    FROM (SELECT p, string_split(/*include held_counts.sql*/, ',') AS counts
          FROM (SELECT /*include period_of.sql*/ AS p, rid, text
                FROM (SELECT meeting_month, date_trunc('year', meeting_day) AS meeting_year, rid, text
                      FROM reports
                      WHERE meeting_day IS NOT NULL AND /*filter*/)
                WHERE p IS NOT NULL)) r
    JOIN terms t ON r.counts[t.pos] <> '0'
    GROUP BY r.p, t.term
),
axis AS /*include axis.sql*/,
cellrows AS (
    SELECT a.p, t.term, t.pos,
           coalesce(h.mentions, 0)::BIGINT AS mentions,
           coalesce(h.reports, 0)::BIGINT AS reports,
           coalesce(c.total_reports, 0)::BIGINT AS total_reports,
           coalesce(c.total_chars, 0)::BIGINT AS total_chars
    FROM axis a
    CROSS JOIN terms t
    LEFT JOIN cells c ON c.p = a.p
    LEFT JOIN hits h ON h.p = a.p AND h.term = t.term
)
SELECT /*include period_label.sql*/ AS period,
       term,
       mentions,
       reports,
       total_reports,
       total_chars,
       p AS period_start,
       $measure::VARCHAR AS measure,
       /*include value.sql*/ AS value
FROM cellrows
ORDER BY p, pos
