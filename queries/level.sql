-- level: the place code of a row at $level, for a FROM over reports or
-- topic_mentions. $level is bound, so DuckDB folds this to one column.
CASE $level::VARCHAR WHEN 'district' THEN district_code
                     WHEN 'city' THEN city_code
                     ELSE province_code END
