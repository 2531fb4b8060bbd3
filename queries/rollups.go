package queries

import (
	"context"
	"database/sql"
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"strings"
)

//go:embed rollups.sql
var rollupsSQL string

var (
	rollupsAddSQL     = statements("rollups_add.sql")
	rollupsCompactSQL = statements("rollups_compact.sql")
	rollupsStateSQL   = compose("rollups_state.sql")
	rollupsMarkSQL    = compose("rollups_mark.sql")
	rollupsExistSQL   = compose("rollups_exist.sql")
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

// compactShare: the rollups are compacted once appends have added more than
// 1/compactShare to the rows they held after the last compaction, so that
// each ingest appends in proportion to what it adds and the compactions,
// which cost in proportion to the rollups, come ever more rarely. A
// variable so that tests can leave appended rows uncompacted (0).
var compactShare int64 = 16

// rollupState is what rollups_state.sql reads.
type rollupState struct {
	version      string
	rid          int64 // the last report summed; -1 when never built
	lastRID      int64 // the last report stored
	sameTaxonomy bool  // the topic counts are those of the taxonomy summed
	compacted    int64 // rows held after the last compaction
	held         int64 // rows held now
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
	err := q.QueryRowContext(ctx, rollupsStateSQL).Scan(&s.version, &s.rid, &s.lastRID, &s.sameTaxonomy,
		&s.compacted, &s.held, &s.complete)
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
	// Rollups that held no rows (a new database's first ingest) are summed
	// as a rebuild sums them, one row per cell: compacting them would
	// rewrite every rollup for nothing.
	empty := st.held == 0
	rebuilt := false
	switch {
	case st.version != rollupsVersion || st.rid < 0 || st.rid > st.lastRID:
		err = rebuildRollups(ctx, tx, allRollups...)
		rebuilt = true
	default:
		if retagged || !st.sameTaxonomy {
			err = rebuildRollups(ctx, tx, topicCells, topicFirsts, topicPlaces, topicMonths)
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
	if !st.complete && !rebuilt {
		// Rows added or changed other than by appending reports with new
		// numbers (by hand, or by a version without rollups).
		if err := rebuildRollups(ctx, tx, allRollups...); err != nil {
			return fmt.Errorf("refresh rollups: %w", err)
		}
		rebuilt = true
		if st, err = readRollupState(ctx, tx); err != nil {
			return fmt.Errorf("refresh rollups: %w", err)
		}
	}
	if !st.complete {
		return errors.New("refresh rollups: the rebuilt rollups do not add up to the tables")
	}
	compacted := st.compacted
	switch {
	case rebuilt || empty:
		// A rebuild writes one row per cell.
		compacted = st.held
	case (st.held-st.compacted)*compactShare > st.compacted:
		for _, name := range allRollups {
			if _, err := tx.ExecContext(ctx, rollupsCompactSQL[name]); err != nil {
				return fmt.Errorf("refresh rollups: compact %s: %w", name, err)
			}
		}
		if st, err = readRollupState(ctx, tx); err != nil {
			return fmt.Errorf("refresh rollups: %w", err)
		}
		compacted = st.held
	}
	if _, err := tx.ExecContext(ctx, rollupsMarkSQL, sql.Named("version", rollupsVersion),
		sql.Named("compacted", compacted)); err != nil {
		return fmt.Errorf("refresh rollups: record their state: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("refresh rollups: commit: %w", err)
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
