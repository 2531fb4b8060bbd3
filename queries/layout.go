package queries

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// backfills fill the columns derived from others (see the top of
// schema.sql) in rows that lack them. Each runs only when its check finds
// such a row, so that a current database pays a scan of a few columns and
// no join. The ones that join are run per range of report numbers ($1 <
// rid <= $2), to stay within the writer's memory limit on a large
// database. Reports are numbered in insertion order (rowid), after any
// that already have a number.
var backfills = []struct {
	what, check, fill string
	byRange           bool
}{
	{
		what:  "number reports",
		check: `SELECT EXISTS (SELECT 1 FROM reports WHERE rid IS NULL)`,
		fill: `UPDATE reports SET rid = n.rid
		 FROM (SELECT id, (SELECT coalesce(max(rid), 0) FROM reports) + row_number() OVER (ORDER BY rowid) AS rid
		       FROM reports WHERE rid IS NULL) n
		 WHERE reports.id = n.id`,
	},
	{
		what:  "set meeting months",
		check: `SELECT EXISTS (SELECT 1 FROM reports WHERE meeting_month IS NULL AND meeting_day IS NOT NULL AND length(meeting_date) > 4)`,
		fill: `UPDATE reports SET meeting_month = date_trunc('month', meeting_day)
		 WHERE meeting_month IS NULL AND meeting_day IS NOT NULL AND length(meeting_date) > 4`,
	},
	{
		// Databases written before year-only dates were kept out of the
		// months (see ingest.MeetingMonth).
		what:  "clear the month of year-only dates",
		check: `SELECT EXISTS (SELECT 1 FROM reports WHERE meeting_month IS NOT NULL AND length(meeting_date) = 4)`,
		fill: `UPDATE topic_mentions SET meeting_month = NULL
		 WHERE meeting_month IS NOT NULL
		   AND report_id IN (SELECT id FROM reports WHERE length(meeting_date) = 4);
		 UPDATE reports SET meeting_month = NULL WHERE meeting_month IS NOT NULL AND length(meeting_date) = 4`,
	},
	{
		what:  "copy report columns into topic_mentions",
		check: `SELECT EXISTS (SELECT 1 FROM topic_mentions WHERE rid IS NULL)`,
		fill: `UPDATE topic_mentions SET rid = r.rid, meeting_day = r.meeting_day, meeting_month = r.meeting_month,
		       province_code = r.province_code, city_code = r.city_code, district_code = r.district_code,
		       meeting_kinds = r.meeting_kinds
		 FROM reports r
		 WHERE topic_mentions.rid IS NULL AND r.id = topic_mentions.report_id AND r.rid > $1 AND r.rid <= $2`,
		byRange: true,
	},
	{
		what:    "list topic counts in reports",
		check:   `SELECT EXISTS (SELECT 1 FROM reports WHERE topic_counts IS NULL)`,
		fill:    setTopicCountsSQL + ` AND reports.topic_counts IS NULL`,
		byRange: true,
	},
	{
		what:  "number agenda items",
		check: `SELECT EXISTS (SELECT 1 FROM agenda_items WHERE rid IS NULL)`,
		fill: `UPDATE agenda_items SET rid = r.rid FROM reports r
		 WHERE agenda_items.rid IS NULL AND r.id = agenda_items.report_id AND r.rid > $1 AND r.rid <= $2`,
		byRange: true,
	},
	{
		what:  "number item topics",
		check: `SELECT EXISTS (SELECT 1 FROM item_topics WHERE rid IS NULL)`,
		fill: `UPDATE item_topics SET rid = r.rid FROM reports r
		 WHERE item_topics.rid IS NULL AND r.id = item_topics.report_id AND r.rid > $1 AND r.rid <= $2`,
		byRange: true,
	},
	{
		what:  "number documents",
		check: `SELECT EXISTS (SELECT 1 FROM documents WHERE rid IS NULL)`,
		fill: `UPDATE documents SET rid = r.rid FROM reports r
		 WHERE documents.rid IS NULL AND r.id = documents.report_id AND r.rid > $1 AND r.rid <= $2`,
		byRange: true,
	},
}

// ridRange is how many reports one ranged statement covers: few enough
// that its hash tables fit the writer's memory limit at any corpus size.
const ridRange = 100_000

// setTopicCountsSQL sets reports.topic_counts from topic_mentions for the
// reports with $1 < rid <= $2. Both tables are filtered on rid, which
// topic_mentions holds in order until ClusterMentions sorts it by topic.
const setTopicCountsSQL = `UPDATE reports SET topic_counts = coalesce(t.counts, '')
	FROM (SELECT r.rid, m.counts
	      FROM reports r
	      LEFT JOIN (SELECT rid, string_agg(topic || ':' || mentions::VARCHAR, ';' ORDER BY topic) AS counts
	                 FROM topic_mentions
	                 WHERE mentions > 0 AND rid > $1 AND rid <= $2
	                 GROUP BY rid) m ON m.rid = r.rid
	      WHERE r.rid > $1 AND r.rid <= $2) t
	WHERE reports.rid = t.rid`

// Execer runs a statement with positional arguments; it lets SetTopicCounts
// run inside a caller's transaction, on whatever connection holds it.
type Execer func(ctx context.Context, query string, args ...any) error

// SetTopicCounts rewrites every report's topic_counts from its rows of
// topic_mentions, a range of reports at a time. Retag runs it in its
// transaction after writing the new counts.
func SetTopicCounts(ctx context.Context, exec Execer, lastRID int64) error {
	for from := int64(0); from < lastRID; from += ridRange {
		if err := exec(ctx, setTopicCountsSQL, from, from+ridRange); err != nil {
			return fmt.Errorf("list topic counts in reports: %w", err)
		}
	}
	return nil
}

// Backfill fills the derived columns (reports.rid, meeting_month and
// topic_counts, the report columns copied into topic_mentions, rid in the
// per-report tables) of rows that lack them: the rows of a database made
// before those columns existed, or rows inserted by hand, as tests do. Open
// runs it on every writable open; ingest and retag write the columns
// themselves.
func Backfill(ctx context.Context, db *DB) error {
	for _, b := range backfills {
		var needed bool
		if err := db.SQL.QueryRowContext(ctx, b.check).Scan(&needed); err != nil {
			return fmt.Errorf("backfill: %s: %w", b.what, err)
		}
		if !needed {
			continue
		}
		if !b.byRange {
			if _, err := db.SQL.ExecContext(ctx, b.fill); err != nil {
				return fmt.Errorf("backfill: %s: %w", b.what, err)
			}
			continue
		}
		var last int64
		if err := db.SQL.QueryRowContext(ctx, `SELECT coalesce(max(rid), 0) FROM reports`).Scan(&last); err != nil {
			return fmt.Errorf("backfill: %s: %w", b.what, err)
		}
		for from := int64(0); from < last; from += ridRange {
			if _, err := db.SQL.ExecContext(ctx, b.fill, from, from+ridRange); err != nil {
				return fmt.Errorf("backfill: %s: %w", b.what, err)
			}
		}
	}
	return nil
}

// Meta keys of topic_mentions' layout: how many rows were in sorted runs
// when ClusterMentions last ran, the last report number those runs hold
// (rows appended since, with higher numbers, form an unordered tail), and
// how many sorted runs the table is.
const (
	orderedKey    = "topic_mentions_ordered_rows"
	orderedRIDKey = "topic_mentions_ordered_rid"
	runsKey       = "topic_mentions_sorted_runs"
)

// unorderedShare is the largest share of topic_mentions left in an
// unordered tail: a query for a few topics reads their row groups plus the
// whole tail, so the tail is kept small, while appends much smaller than
// the table do not rewrite it.
const unorderedShare = 16

// maxRuns bounds the sorted runs: a query for a topic reads its rows in
// each run, so each run costs it a row group or two at most. A tail is
// sorted on its own into a new run, in time proportional to it; once there
// would be more than maxRuns, the whole table is sorted into one. At 1M
// reports (13M rows) the whole sort took 95 s on a busy machine, which with
// unorderedShare alone came every 6% of growth; now it comes every ≈45%,
// and each row appended is rewritten about three times in all.
const maxRuns = 8

// ClusterMentions keeps topic_mentions in sorted runs of (topic, rid): when
// the rows appended since it last ran are more than 1/unorderedShare of
// the table, it sorts them into a run of their own, or the whole table
// into one run when there would be more than maxRuns or all is set (retag
// replaces every row). Ingest appends batch by batch, so each row group
// holds every topic; in topic order a query for a few topics reads only
// their row groups, and DuckDB stores a run of one topic as a constant.
// The rewrite is one transaction and changes no value.
func ClusterMentions(ctx context.Context, db *DB, all bool) error {
	var total, lastRID int64
	if err := db.SQL.QueryRowContext(ctx, `SELECT count(*), coalesce(max(rid), 0) FROM topic_mentions`).Scan(&total, &lastRID); err != nil {
		return fmt.Errorf("order topic mentions: count rows: %w", err)
	}
	ordered, _, err := metaInt(ctx, db, orderedKey)
	if err != nil {
		return err
	}
	if total == 0 || (!all && ordered <= total && (total-ordered)*unorderedShare <= total) {
		return nil
	}
	orderedRID, haveRID, err := metaInt(ctx, db, orderedRIDKey)
	if err != nil {
		return err
	}
	runs, _, err := metaInt(ctx, db, runsKey)
	if err != nil {
		return err
	}
	whole := all || !haveRID || ordered > total || runs < 1 || runs+1 > maxRuns
	tx, err := db.SQL.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("order topic mentions: %w", err)
	}
	defer tx.Rollback()
	// INSERT ... SELECT keeps the order of its input (DuckDB preserves
	// insertion order by default), so the rows come out sorted.
	stmts := []string{
		`CREATE TEMP TABLE ordered_mentions AS SELECT * FROM topic_mentions ORDER BY topic, rid`,
		`DELETE FROM topic_mentions`,
		`INSERT INTO topic_mentions SELECT * FROM ordered_mentions`,
		`DROP TABLE ordered_mentions`,
	}
	var args []any
	if whole {
		runs = 1
	} else {
		stmts = []string{
			`CREATE TEMP TABLE ordered_mentions AS SELECT * FROM topic_mentions WHERE rid > ? ORDER BY topic, rid`,
			`DELETE FROM topic_mentions WHERE rid > ?`,
			`INSERT INTO topic_mentions SELECT * FROM ordered_mentions`,
			`DROP TABLE ordered_mentions`,
		}
		args = []any{orderedRID}
		runs++
	}
	for _, q := range stmts {
		var a []any
		if strings.Contains(q, "?") {
			a = args
		}
		if _, err := tx.ExecContext(ctx, q, a...); err != nil {
			return fmt.Errorf("order topic mentions: %w", err)
		}
	}
	for _, kv := range [][2]any{{orderedKey, total}, {orderedRIDKey, lastRID}, {runsKey, runs}} {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`, kv[0], fmt.Sprint(kv[1])); err != nil {
			return fmt.Errorf("order topic mentions: record %s: %w", kv[0], err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("order topic mentions: commit: %w", err)
	}
	return nil
}

// metaInt reads an integer from the meta table; ok is false when the key
// is missing.
func metaInt(ctx context.Context, db *DB, key string) (n int64, ok bool, err error) {
	var stored string
	err = db.SQL.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&stored)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("order topic mentions: read %s: %w", key, err)
	}
	n, err = strconv.ParseInt(stored, 10, 64)
	if err != nil {
		return 0, false, fmt.Errorf("order topic mentions: read %s: %w", key, err)
	}
	return n, true, nil
}
