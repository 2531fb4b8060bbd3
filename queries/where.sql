-- where: the scope's date, place and kind filters as one condition on
-- unqualified columns, for a FROM over reports or over topic_mentions alone
-- (topic_mentions carries copies of the report columns under the same
-- names). Every filter is a bound parameter; an empty list or '' means "do
-- not filter", and since DuckDB plans with the values bound, it folds a
-- filter that is not set away. Dates and kind: when.sql; places:
-- places.sql. Date bounds apply to meeting_day, so any date filter drops
-- undated reports.
/*include when.sql*/ AND /*include places.sql*/
