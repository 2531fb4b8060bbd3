-- no_meetings_total: meetings_total.sql's stand-in without a text search.
SELECT NULL::BIGINT
