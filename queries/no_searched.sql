-- no_searched: searched.sql's stand-in when $q is ''; nothing reads it then.
SELECT NULL::BIGINT AS rid WHERE false
