-- mentioning: the reports that mention any of $topics. Optional like
-- search.sql: no_topics.sql stands in for it when $topics is empty.
rid IN (SELECT rid FROM topic_mentions
        WHERE list_contains($topics::VARCHAR[], topic) AND mentions > 0 AND /*include where.sql*/)
