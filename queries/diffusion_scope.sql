-- Diffusion's population: the districts with at least one dated report in
-- scope (those that could have been seen adopting), and the last such day,
-- where the adoption curve ends.
WITH scope AS /*scope*/
SELECT count(DISTINCT district_code) AS districts,
       max(meeting_day) AS last_day
FROM scope
WHERE meeting_day IS NOT NULL AND district_code IS NOT NULL AND district_code <> ''
