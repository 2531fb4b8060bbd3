-- Diffusion's population: the districts with at least one dated report in
-- scope (those that could have been seen adopting), and the last such day,
-- where the adoption curve ends.
WITH searched AS MATERIALIZED /*include searched.sql*/
SELECT count(DISTINCT district_code) AS districts,
       max(last_day) AS last_day
FROM /*include cells.sql*/
WHERE meeting_day IS NOT NULL AND district_code IS NOT NULL AND district_code <> ''
