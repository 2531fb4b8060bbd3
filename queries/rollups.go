package queries

import (
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

//go:embed rollups.sql
var rollupsSQL string

var (
	rollupsAddSQL       = statements("rollups_add.sql")
	rollupsCompactSQL   = statements("rollups_compact.sql")
	rollupsStateSQL     = compose("rollups_state.sql")
	rollupsMarkSQL      = compose("rollups_mark.sql")
	rollupsCountsSQL    = compose("rollups_counts.sql")
	rollupsCompactedSQL = compose("rollups_compacted.sql")
	rollupsExistSQL     = compose("rollups_exist.sql")
)

// rollupsVersion names the rollups' format (rollups.sql): rollups built in
// another are rebuilt on a writable open and ignored on a read-only one.
const rollupsVersion = "4"

// The rollups, each named as in rollups_add.sql and rollups_compact.sql.
const (
	reportCells  = "report cells"
	topicCells   = "topic cells"
	labelCounts  = "label counts"
	topicFirsts  = "topic firsts"
	reportPlaces = "report places"
	topicPlaces  = "topic places"
	reportMonths = "report months"
	topicMonths  = "topic months"
)

var rollupTables = map[string]string{reportCells: "report_cells", topicCells: "topic_cells", labelCounts: "label_counts",
	topicFirsts: "topic_firsts", reportPlaces: "report_places", topicPlaces: "topic_places",
	reportMonths: "report_months", topicMonths: "topic_months"}

// allRollups lists them in the order they are filled.
var allRollups = []string{reportCells, topicCells, labelCounts, topicFirsts, reportPlaces, topicPlaces,
	reportMonths, topicMonths}

// compactShare: a rollup is compacted once appends have added more than
// 1/compactShare to the rows it held after its last compaction, so that
// each ingest appends in proportion to what it adds and the compactions,
// which cost in proportion to the rollup, come ever more rarely: each row
// appended pays for rewriting at most 1+compactShare rows, and a reader
// sums at most 1+1/compactShare times the cells' rows. Per rollup, because
// they differ by four orders of magnitude (at 1M synthetic reports
// topic_cells held 10M rows, report_months 4,500); the one large rollup's
// compaction took 80–110 s at 1M, and with 16 here it ran every 6% of
// growth. A variable so that tests can leave appended rows uncompacted (0).
var compactShare int64 = 1

// rollupState is what rollups_state.sql reads.
type rollupState struct {
	version      string
	rid          int64 // the last report summed; -1 when never built
	lastRID      int64 // the last report stored
	sameTaxonomy bool  // the topic counts are those of the taxonomy summed
	complete     bool  // every report, topic row and mention summed once
}

// current says whether the rollups sum the tables as they are.
func (s rollupState) current() bool {
	return s.version == rollupsVersion && s.rid == s.lastRID && s.sameTaxonomy && s.complete
}

type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func readRollupState(ctx context.Context, q queryRower) (rollupState, error) {
	var s rollupState
	err := q.QueryRowContext(ctx, rollupsStateSQL).Scan(&s.version, &s.rid, &s.lastRID, &s.sameTaxonomy, &s.complete)
	if err != nil {
		return s, fmt.Errorf("read rollup state: %w", err)
	}
	return s, nil
}

// RefreshRollups brings the rollups (rollups.sql) up to date with the
// reports and topic_mentions tables: the reports added since the last
// refresh are summed and appended, in time proportional to them (plus a
// compaction now and then, see compactShare). retagged says that every
// report's topic counts were rewritten, so the topic rollup is summed anew.
// Rollups that do not add up to the tables afterwards (made by another
// version, or tables changed behind them) are rebuilt whole. Ingest calls it
// at the end of a run, retag after its new counts, Open on a writable
// database; it runs in one transaction.
func RefreshRollups(ctx context.Context, db *DB, retagged bool) error {
	tx, err := db.SQL.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("refresh rollups: %w", err)
	}
	defer tx.Rollback()
	st, err := readRollupState(ctx, tx)
	if err != nil {
		return fmt.Errorf("refresh rollups: %w", err)
	}
	// rebuilt lists the rollups summed anew, one row per cell.
	var rebuilt []string
	switch {
	case st.version != rollupsVersion || st.rid < 0 || st.rid > st.lastRID:
		rebuilt = allRollups
		err = rebuildRollups(ctx, tx, rebuilt...)
	default:
		if retagged || !st.sameTaxonomy {
			rebuilt = []string{topicCells, topicFirsts, topicPlaces, topicMonths}
			err = rebuildRollups(ctx, tx, rebuilt...)
		}
		if err == nil && st.lastRID > st.rid {
			add := []string{reportCells, labelCounts, reportPlaces, reportMonths}
			if !retagged && st.sameTaxonomy {
				add = append(add, topicCells, topicFirsts, topicPlaces, topicMonths)
			}
			err = addToRollups(ctx, tx, st.rid, false, add...)
		}
	}
	if err != nil {
		return fmt.Errorf("refresh rollups: %w", err)
	}
	if st, err = readRollupState(ctx, tx); err != nil {
		return fmt.Errorf("refresh rollups: %w", err)
	}
	if !st.complete && len(rebuilt) < len(allRollups) {
		// Rows added or changed other than by appending reports with new
		// numbers (by hand, or by a version without rollups).
		rebuilt = allRollups
		if err := rebuildRollups(ctx, tx, rebuilt...); err != nil {
			return fmt.Errorf("refresh rollups: %w", err)
		}
		if st, err = readRollupState(ctx, tx); err != nil {
			return fmt.Errorf("refresh rollups: %w", err)
		}
	}
	if !st.complete {
		return errors.New("refresh rollups: the rebuilt rollups do not add up to the tables")
	}
	if err := compactRollups(ctx, tx, rebuilt); err != nil {
		return fmt.Errorf("refresh rollups: %w", err)
	}
	if _, err := tx.ExecContext(ctx, rollupsMarkSQL, sql.Named("version", rollupsVersion)); err != nil {
		return fmt.Errorf("refresh rollups: record their state: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("refresh rollups: commit: %w", err)
	}
	return nil
}

// compactRollups compacts each rollup that appends have grown by more than
// compactShare allows, and records the rows each compacted one holds, as
// it does for the rebuilt ones, which hold one row per cell.
func compactRollups(ctx context.Context, tx *sql.Tx, rebuilt []string) error {
	type count struct {
		name            string
		held, compacted int64
		recorded        bool
	}
	rows, err := tx.QueryContext(ctx, rollupsCountsSQL)
	if err != nil {
		return fmt.Errorf("count rollup rows: %w", err)
	}
	var counts []count
	for rows.Next() {
		var c count
		if err := rows.Scan(&c.name, &c.held, &c.compacted, &c.recorded); err != nil {
			rows.Close()
			return fmt.Errorf("count rollup rows: %w", err)
		}
		counts = append(counts, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("count rollup rows: %w", err)
	}
	byTable := map[string]string{}
	for name, table := range rollupTables {
		byTable[table] = name
	}
	for _, c := range counts {
		held := c.held
		if !slices.Contains(rebuilt, byTable[c.name]) {
			switch {
			case c.compacted == 0:
				// Summed into an empty rollup (a new database's first
				// ingest): one statement wrote one row per cell, as a
				// rebuild does, and compacting would rewrite it for nothing.
			case (c.held-c.compacted)*compactShare <= c.compacted:
				if c.recorded {
					continue
				}
				// Not recorded yet (rollups built by a version that counted
				// all rollups together): what it holds is the baseline.
			default:
				if _, err := tx.ExecContext(ctx, rollupsCompactSQL[byTable[c.name]]); err != nil {
					return fmt.Errorf("compact %s: %w", c.name, err)
				}
				// Table names come from rollups_counts.sql, never input.
				if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM "+c.name).Scan(&held); err != nil {
					return fmt.Errorf("count %s: %w", c.name, err)
				}
			}
		}
		if _, err := tx.ExecContext(ctx, rollupsCompactedSQL, sql.Named("table", c.name), sql.Named("rows", held)); err != nil {
			return fmt.Errorf("record the rows of %s: %w", c.name, err)
		}
	}
	return nil
}

// rebuildRollups empties the named rollups and sums every report into them.
func rebuildRollups(ctx context.Context, tx *sql.Tx, names ...string) error {
	for _, name := range names {
		// Table names are constants of this file, never input.
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+rollupTables[name]); err != nil {
			return fmt.Errorf("empty %s: %w", name, err)
		}
	}
	return addToRollups(ctx, tx, 0, true, names...)
}

// addToRollups appends the sums of the reports with rid > since (all
// reports when all) to the named rollups.
func addToRollups(ctx context.Context, tx *sql.Tx, since int64, all bool, names ...string) error {
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, rollupsAddSQL[name], sql.Named("since", since), sql.Named("all", all)); err != nil {
			return fmt.Errorf("sum %s: %w", name, err)
		}
	}
	return nil
}

// rollupsUsable says whether a read-only database's rollups can answer for
// its tables: they exist and add up to the tables as they are. A read-only
// database cannot change while it is open, so this is asked once.
func rollupsUsable(ctx context.Context, db *DB) (bool, error) {
	var n int
	err := db.SQL.QueryRowContext(ctx, rollupsExistSQL).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look for rollups: %w", err)
	}
	if n < len(rollupTables) {
		return false, nil
	}
	st, err := readRollupState(ctx, db.SQL)
	if err != nil {
		return false, err
	}
	return st.current(), nil
}

// Rollups says whether queries on db read the rollups (rollups.sql) where
// they can: on a read-only database whose rollups add up to its tables.
func (db *DB) Rollups() bool { return db.cells }

// cellsFor says whether a query with scope s can read the rollups: they
// hold no text, so a text search reads the reports.
func (db *DB) cellsFor(s Scope) bool {
	return db != nil && db.cells && s.Q == ""
}

// statementPattern starts a statement in a file of several (see
// rollups_add.sql).
var statementPattern = regexp.MustCompile(`(?m)^-- statement: (.+)$`)

// statements splits an embedded file into its named statements.
func statements(file string) map[string]string {
	text := readSQL(file, file)
	out := map[string]string{}
	locs := statementPattern.FindAllStringSubmatchIndex(text, -1)
	for i, loc := range locs {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		out[text[loc[2]:loc[3]]] = strings.TrimSpace(text[loc[1]:end])
	}
	for name := range rollupTables {
		if out[name] == "" {
			panic(fmt.Sprintf("queries: %s has no statement %q", file, name))
		}
	}
	return out
}
