-- no_searched: searched.sql's stand-in when $q is ''; nothing reads it then.
SELECT NULL::BIGINT AS rid, NULL::VARCHAR AS id, NULL::DATE AS meeting_day WHERE false
