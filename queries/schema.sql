-- agendascope database schema. Every statement is idempotent so that opening an
-- existing database re-applies it harmlessly.

-- One row per distinct report. id is a hash of the normalized body, so the same
-- meeting scraped from two sites with the same text is stored once.
CREATE TABLE IF NOT EXISTS reports (
    id              VARCHAR PRIMARY KEY,
    source          VARCHAR NOT NULL,      -- path (and :line for JSONL) or URL as given
    url             VARCHAR,
    title           VARCHAR,
    text            VARCHAR NOT NULL,      -- normalized body: simplified, spam removed, no site furniture
    original        VARCHAR,               -- decoded text as found, before normalization
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
    ingested_at     TIMESTAMP NOT NULL
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
CREATE TABLE IF NOT EXISTS topic_mentions (
    report_id VARCHAR NOT NULL,
    topic     VARCHAR NOT NULL,
    mentions  INTEGER NOT NULL
);

-- The report split into agenda items, with byte spans into reports.text.
CREATE TABLE IF NOT EXISTS agenda_items (
    report_id  VARCHAR NOT NULL,
    idx        INTEGER NOT NULL,
    kind       VARCHAR,
    text       VARCHAR NOT NULL,
    start_pos  INTEGER NOT NULL,
    end_pos    INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS item_topics (
    report_id VARCHAR NOT NULL,
    idx       INTEGER NOT NULL,
    topic     VARCHAR NOT NULL,
    mentions  INTEGER NOT NULL
);

-- Titles in 《》 that the meeting reviewed (审议/研究/讨论/通过...).
CREATE TABLE IF NOT EXISTS documents (
    report_id VARCHAR NOT NULL,
    idx       INTEGER NOT NULL,
    title     VARCHAR NOT NULL,
    verb      VARCHAR
);

-- Content-word counts by meeting month, for rising terms. Each ingest batch
-- appends its partial sums; the end of an ingest folds the months it touched
-- into one row per (month, term).
CREATE TABLE IF NOT EXISTS term_counts (
    month    DATE NOT NULL,
    term     VARCHAR NOT NULL,
    mentions BIGINT NOT NULL,
    reports  BIGINT NOT NULL
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
