-- scope: the reports a query looks at, spliced into the other queries where
-- they write /*scope*/ (see compose in sql.go). Every filter is a bound
-- parameter; an empty list or '' means "do not filter". Places are a union.
-- Date bounds apply to meeting_day, so any date filter drops undated reports.
SELECT r.id, r.meeting_day, r.chars,
       r.province_code, r.province, r.city_code, r.city, r.district_code, r.district
FROM reports r
WHERE ($from::DATE IS NULL OR r.meeting_day >= $from::DATE)
  AND ($to::DATE IS NULL OR r.meeting_day < $to::DATE)
  AND ((len($districts::VARCHAR[]) = 0 AND len($cities::VARCHAR[]) = 0 AND len($provinces::VARCHAR[]) = 0)
       OR list_contains($districts::VARCHAR[], r.district_code)
       OR list_contains($cities::VARCHAR[], r.city_code)
       OR list_contains($provinces::VARCHAR[], r.province_code))
  AND ($kind::VARCHAR = '' OR list_contains(r.meeting_kinds, $kind::VARCHAR))
  AND ($q::VARCHAR = '' OR contains(r.text, $q::VARCHAR))
