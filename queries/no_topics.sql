-- no_topics: mentioning.sql's stand-in when $topics is empty; true then.
len($topics::VARCHAR[]) = 0
