-- Names for place codes as the reports spell them; the fallback when no
-- gazetteer is wired in. A code's level is its length (6, 4 or 2 digits).
SELECT district_code AS code, mode(district) AS name
FROM reports WHERE list_contains($codes::VARCHAR[], district_code) AND district IS NOT NULL GROUP BY 1
UNION ALL
SELECT city_code, mode(city)
FROM reports WHERE list_contains($codes::VARCHAR[], city_code) AND city IS NOT NULL GROUP BY 1
UNION ALL
SELECT province_code, mode(province)
FROM reports WHERE list_contains($codes::VARCHAR[], province_code) AND province IS NOT NULL GROUP BY 1
