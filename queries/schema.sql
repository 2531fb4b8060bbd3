-- agendascope database schema. Every statement is idempotent so that opening an
-- existing database re-applies it harmlessly.
--
-- The columns at the end of reports, topic_mentions, agenda_items,
-- item_topics and documents (from rid on) were added after the first
-- databases were made: such a database gains them through the ALTERs at the
-- end of this file and queries.Backfill fills them. They stay last, in the
-- order the ALTERs add them, so that an old database and a new one have the
-- same column order, which the ingest Appender relies on.

-- One row per distinct report. id is a hash of the normalized body, so the same
-- meeting scraped from two sites with the same text is stored once.
CREATE TABLE IF NOT EXISTS reports (
    id              VARCHAR PRIMARY KEY,
    source          VARCHAR NOT NULL,      -- path (and :line for JSONL) or URL as given
    url             VARCHAR,
    title           VARCHAR,
    -- Normalized body: simplified, spam removed, no site furniture. Stored
    -- uncompressed, which DuckDB chose anyway for report-sized Chinese text
    -- after trying FSST and a dictionary at every checkpoint.
    text            VARCHAR NOT NULL USING COMPRESSION uncompressed,
    -- Decoded text as found, before normalization; NULL when it is text
    -- but for surrounding whitespace, as for input normalized before it
    -- came (so the body is not stored twice).
    original        VARCHAR USING COMPRESSION uncompressed,
    province_code   VARCHAR,
    province        VARCHAR,
    city_code       VARCHAR,
    city            VARCHAR,
    district_code   VARCHAR,
    district        VARCHAR,
    meeting_date    VARCHAR,               -- YYYY-MM-DD, or YYYY-MM when only the month is knowable
    meeting_day     DATE,                  -- meeting_date as a DATE (first of month for YYYY-MM), for grouping
    published_date  DATE,
    date_source     VARCHAR,
    chair           VARCHAR,
    meeting_kinds   VARCHAR[],
    session         VARCHAR,
    script          VARCHAR,
    lang            VARCHAR,
    encoding        VARCHAR,
    spam            BOOLEAN NOT NULL DEFAULT false,
    warnings        VARCHAR[],
    evidence        VARCHAR,               -- JSON object: field -> {rule, text}
    chars           INTEGER NOT NULL,      -- characters (runes) in text
    ingested_at     TIMESTAMP NOT NULL,
    -- Row number assigned at ingest (1, 2, ... in insertion order). Queries
    -- join and look up by it rather than by the 20-character id: an integer
    -- key hashes and compares several times faster, and because rows are
    -- appended in rid order, the rid column of this and the per-report
    -- tables below is sorted, so a lookup by rid skips all but a row group.
    rid             BIGINT,
    meeting_month   DATE,                  -- first day of meeting_day's month, for grouping by period
    -- The report's rows of topic_mentions (mentions > 0) as "topic:n;topic:n"
    -- in topic order, '' for none: a list of reports reads its topics with
    -- its rows instead of scanning topic_mentions, whose order serves the
    -- other direction (a topic over all reports). Text rather than a list
    -- of structs because DuckDB updates a nested column by rewriting whole
    -- rows, text included, and retag rewrites this column.
    topic_counts    VARCHAR
);

-- Every source a report was read from: the first, and each duplicate (the
-- same meeting republished on another site) skipped after it.
CREATE TABLE IF NOT EXISTS report_sources (
    report_id VARCHAR NOT NULL,
    source    VARCHAR NOT NULL,
    url       VARCHAR,
    seen_at   TIMESTAMP NOT NULL
);

-- Topic counts per report; only topics mentioned at least once are stored.
-- The columns after mentions are copies of the report's, written by ingest
-- and retag together with the counts: the columns the dashboard filters and
-- groups by, under the same names as in reports, so that one filter text
-- (queries/filter.sql) applies to both tables and a trend or compare
-- numerator is a group-by over this table alone, not a join with a million
-- reports. Ingest keeps the table ordered by (topic, rid) up to a small
-- unsorted tail (see ingest/cluster.go), so a query for a few topics reads
-- only their row groups.
CREATE TABLE IF NOT EXISTS topic_mentions (
    report_id     VARCHAR NOT NULL,
    topic         VARCHAR NOT NULL,
    mentions      INTEGER NOT NULL,
    rid           BIGINT,
    meeting_day   DATE,
    meeting_month DATE,
    province_code VARCHAR,
    city_code     VARCHAR,
    district_code VARCHAR,
    meeting_kinds VARCHAR[]
);

-- The report split into agenda items, with byte spans into reports.text
-- [start_pos, end_pos): an item's text is that span of its report's text,
-- not stored again.
CREATE TABLE IF NOT EXISTS agenda_items (
    report_id  VARCHAR NOT NULL,
    idx        INTEGER NOT NULL,
    kind       VARCHAR,
    start_pos  INTEGER NOT NULL,
    end_pos    INTEGER NOT NULL,
    rid        BIGINT
);

CREATE TABLE IF NOT EXISTS item_topics (
    report_id VARCHAR NOT NULL,
    idx       INTEGER NOT NULL,
    topic     VARCHAR NOT NULL,
    mentions  INTEGER NOT NULL,
    rid       BIGINT
);

-- Titles in 《》 that the meeting reviewed (审议/研究/讨论/通过...).
CREATE TABLE IF NOT EXISTS documents (
    report_id VARCHAR NOT NULL,
    idx       INTEGER NOT NULL,
    title     VARCHAR NOT NULL,
    verb      VARCHAR,
    rid       BIGINT
);

-- Content-word counts by meeting month, for rising terms. Each ingest batch
-- appends its partial sums; the end of an ingest folds the months it touched
-- into one row per (month, term, year_only). Reports dated only to the year
-- count under 1 January with year_only set, which only yearly periods read.
CREATE TABLE IF NOT EXISTS term_counts (
    month     DATE NOT NULL,
    term      VARCHAR NOT NULL,
    mentions  BIGINT NOT NULL,
    reports   BIGINT NOT NULL,
    year_only BOOLEAN NOT NULL DEFAULT false
);

-- Inputs that could not be ingested, kept so the data-quality page can show them.
CREATE TABLE IF NOT EXISTS ingest_errors (
    source  VARCHAR NOT NULL,
    line    INTEGER,                       -- JSONL line number, NULL for whole files
    reason  VARCHAR NOT NULL,
    failed_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- Columns added since the first databases (see the top of this file); on a
-- new database each ALTER finds its column already there. DuckDB cannot add a
-- NOT NULL column, hence nullable columns that ingest always sets.
ALTER TABLE reports ADD COLUMN IF NOT EXISTS rid BIGINT;
ALTER TABLE reports ADD COLUMN IF NOT EXISTS meeting_month DATE;
ALTER TABLE reports ADD COLUMN IF NOT EXISTS topic_counts VARCHAR;
ALTER TABLE topic_mentions ADD COLUMN IF NOT EXISTS rid BIGINT;
ALTER TABLE topic_mentions ADD COLUMN IF NOT EXISTS meeting_day DATE;
ALTER TABLE topic_mentions ADD COLUMN IF NOT EXISTS meeting_month DATE;
ALTER TABLE topic_mentions ADD COLUMN IF NOT EXISTS province_code VARCHAR;
ALTER TABLE topic_mentions ADD COLUMN IF NOT EXISTS city_code VARCHAR;
ALTER TABLE topic_mentions ADD COLUMN IF NOT EXISTS district_code VARCHAR;
ALTER TABLE topic_mentions ADD COLUMN IF NOT EXISTS meeting_kinds VARCHAR[];
ALTER TABLE agenda_items ADD COLUMN IF NOT EXISTS rid BIGINT;
ALTER TABLE item_topics ADD COLUMN IF NOT EXISTS rid BIGINT;
ALTER TABLE documents ADD COLUMN IF NOT EXISTS rid BIGINT;
ALTER TABLE term_counts ADD COLUMN IF NOT EXISTS year_only BOOLEAN DEFAULT false;

-- Columns dropped since the first databases: agenda_items.text copied a
-- span of reports.text (see agenda_items).
ALTER TABLE agenda_items DROP COLUMN IF EXISTS text;
