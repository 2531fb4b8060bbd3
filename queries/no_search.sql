-- no_search: search.sql's stand-in when $q is '' (see there); true then.
$q::VARCHAR = ''
