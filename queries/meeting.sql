-- One report, every field the detail page shows. The id is the primary key,
-- so DuckDB finds the row through its index.
SELECT rid, id, source, coalesce(url, ''), coalesce(title, ''), text,
       coalesce(province_code, ''), coalesce(province, ''),
       coalesce(city_code, ''), coalesce(city, ''),
       coalesce(district_code, ''), coalesce(district, ''),
       coalesce(meeting_date, ''), coalesce(strftime(published_date, '%Y-%m-%d'), ''),
       coalesce(date_source, ''), coalesce(chair, ''),
       coalesce(array_to_string(meeting_kinds, ';'), ''),
       coalesce(session, ''), coalesce(script, ''), coalesce(lang, ''), coalesce(encoding, ''),
       spam,
       coalesce(array_to_string(warnings, chr(10)), ''),
       coalesce(evidence, ''),
       chars,
       coalesce(topic_counts, '')
FROM reports
WHERE id = $id::VARCHAR
