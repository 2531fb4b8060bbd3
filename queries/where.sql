-- where: the scope's date, place and kind filters as one condition on
-- unqualified columns, for a FROM over reports or over topic_mentions alone
-- (topic_mentions carries copies of the report columns under the same
-- names). Every filter is a bound parameter; an empty list or '' means "do
-- not filter", and since DuckDB plans with the values bound, it folds a
-- filter that is not set away. Places: see places.sql. Date bounds apply to
-- meeting_day, so any date filter drops undated reports.
($from::DATE IS NULL OR meeting_day >= $from::DATE)
AND ($to::DATE IS NULL OR meeting_day < $to::DATE)
AND /*include places.sql*/
AND ($kind::VARCHAR = '' OR list_contains(meeting_kinds, $kind::VARCHAR))
