-- places: the scope's places as one condition on unqualified columns
-- district_code, city_code and province_code (see where.sql). Places are a
-- union; each list is tested only when given, so that the unused ones fold
-- away and one list of places becomes a plain IN filter that DuckDB pushes
-- into the scan.
(len($districts::VARCHAR[]) = 0 AND len($cities::VARCHAR[]) = 0 AND len($provinces::VARCHAR[]) = 0)
OR (len($districts::VARCHAR[]) > 0 AND list_contains($districts::VARCHAR[], district_code))
OR (len($cities::VARCHAR[]) > 0 AND list_contains($cities::VARCHAR[], city_code))
OR (len($provinces::VARCHAR[]) > 0 AND list_contains($provinces::VARCHAR[], province_code))
