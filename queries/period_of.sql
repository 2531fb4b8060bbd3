-- period_of: the start of the $period a row of (meeting_month,
-- meeting_year) falls in, or NULL when its date is too coarse for the
-- period (a year-only date has no month, so no month or quarter).
CASE WHEN $period::VARCHAR = 'year' THEN meeting_year
     ELSE date_trunc($period::VARCHAR, meeting_month) END::DATE
