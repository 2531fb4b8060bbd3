-- Rollups: report and topic counts summed per cell of the dimensions the
-- dashboard filters and groups by, so that a chart over a million reports
-- sums a few thousand rows instead of scanning the reports and their ten-
-- odd million topic rows. queries.Open runs this file after schema.sql;
-- queries.RefreshRollups fills the tables (ingest and retag call it) and a
-- read-only open uses them only when they match the tables they sum (see
-- rollups.go). Every column is a sum (or a min or max), so a cell may be
-- held in several rows, as appends leave it, and a query sums them.
--
-- A cell's meeting_day is the first day of the month of its reports'
-- meeting_day (NULL when undated): the scope's date bounds are whole months,
-- so where.sql selects the same reports from a cell as from the reports
-- themselves. meeting_month is reports.meeting_month (NULL for a date known
-- only to the year), the other keys are the report columns of the same name.

CREATE TABLE IF NOT EXISTS report_cells (
    meeting_day   DATE,
    meeting_month DATE,
    province_code VARCHAR,
    province      VARCHAR,
    city_code     VARCHAR,
    city          VARCHAR,
    district_code VARCHAR,
    district      VARCHAR,
    meeting_kinds VARCHAR[],
    reports       BIGINT NOT NULL,
    chars         BIGINT NOT NULL,
    -- The overview's data-quality counts.
    month_only    BIGINT NOT NULL,   -- meeting_date is YYYY-MM
    spam          BIGINT NOT NULL,
    no_chair      BIGINT NOT NULL,
    with_warnings BIGINT NOT NULL,
    first_day     DATE,              -- the earliest and latest meeting_day itself
    last_day      DATE
);

-- topic_mentions (mentions > 0) summed per topic and cell: reports is the
-- number of reports mentioning the topic, since a report has one row per
-- topic.
CREATE TABLE IF NOT EXISTS topic_cells (
    topic         VARCHAR NOT NULL,
    meeting_day   DATE,
    meeting_month DATE,
    province_code VARCHAR,
    city_code     VARCHAR,
    district_code VARCHAR,
    meeting_kinds VARCHAR[],
    reports       BIGINT NOT NULL,
    mentions      BIGINT NOT NULL
);

-- Reports per date source ('date_source', one per report) and per
-- extraction warning ('warning', one per warning a report carries), for
-- the overview.
CREATE TABLE IF NOT EXISTS label_counts (
    what    VARCHAR NOT NULL,
    label   VARCHAR NOT NULL,
    reports BIGINT NOT NULL
);

-- Each district's first meeting on each topic, over all its reports (for
-- diffusion.sql's adopters when the scope sets no date or kind): the
-- reports on the topic (meetings, undated ones included), the earliest
-- meeting_day (NULL when all are undated), the least id of that day's
-- reports, the month by which adoption is certain (December for a date
-- known only to the year) and the first report's columns the adopters
-- table shows. A district may be held in several rows, as appends leave
-- it: the first report is then the one with the least (first_day,
-- report_id), the others are summed or their least taken.
CREATE TABLE IF NOT EXISTS topic_firsts (
    topic         VARCHAR NOT NULL,
    province_code VARCHAR,
    city_code     VARCHAR,
    district_code VARCHAR NOT NULL,
    meetings      BIGINT NOT NULL,
    first_day     DATE,
    report_id     VARCHAR,
    adopted_by    DATE,
    district      VARCHAR,
    city          VARCHAR,
    province      VARCHAR,
    meeting_date  VARCHAR,
    title         VARCHAR,
    url           VARCHAR
);

-- report_cells and topic_cells summed over months and kinds: one row per
-- place spelling (per topic), a few thousand rows whatever the number of
-- reports. compare.sql reads them when the scope sets no date or kind
-- (place_cells.sql, topic_place_cells.sql).
CREATE TABLE IF NOT EXISTS report_places (
    province_code VARCHAR,
    province      VARCHAR,
    city_code     VARCHAR,
    city          VARCHAR,
    district_code VARCHAR,
    district      VARCHAR,
    reports       BIGINT NOT NULL,
    chars         BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS topic_places (
    topic         VARCHAR NOT NULL,
    province_code VARCHAR,
    city_code     VARCHAR,
    district_code VARCHAR,
    reports       BIGINT NOT NULL,
    mentions      BIGINT NOT NULL
);

-- report_cells and topic_cells summed over places: one row per month and
-- kinds (per topic), a few thousand rows whatever the number of reports.
-- Statements read them when the scope names no place (month_cells.sql,
-- topic_month_cells.sql).
CREATE TABLE IF NOT EXISTS report_months (
    meeting_day   DATE,
    meeting_month DATE,
    meeting_kinds VARCHAR[],
    reports       BIGINT NOT NULL,
    chars         BIGINT NOT NULL,
    month_only    BIGINT NOT NULL,
    spam          BIGINT NOT NULL,
    no_chair      BIGINT NOT NULL,
    with_warnings BIGINT NOT NULL,
    first_day     DATE,
    last_day      DATE
);

CREATE TABLE IF NOT EXISTS topic_months (
    topic         VARCHAR NOT NULL,
    meeting_day   DATE,
    meeting_month DATE,
    meeting_kinds VARCHAR[],
    reports       BIGINT NOT NULL,
    mentions      BIGINT NOT NULL
);
