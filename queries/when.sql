-- when: the scope's date and kind filters as one condition on unqualified
-- columns meeting_day and meeting_kinds; where.sql adds the places. Bound
-- parameters, folded away when not set (see where.sql).
($from::DATE IS NULL OR meeting_day >= $from::DATE)
AND ($to::DATE IS NULL OR meeting_day < $to::DATE)
AND ($kind::VARCHAR = '' OR list_contains(meeting_kinds, $kind::VARCHAR))
