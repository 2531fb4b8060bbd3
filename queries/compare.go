package queries

import (
	"context"
	"database/sql"
	"fmt"
)

// Bounds on how many places Compare returns.
const (
	DefaultTop = 50
	MaxTop     = 5000
)

// CompareParams asks for topics across places at one level.
type CompareParams struct {
	Scope
	Topics     []string `json:"topics"` // the first one ranks the places
	Labels     []string `json:"labels"`
	Level      Level    `json:"level"`
	Measure    Measure  `json:"measure"`
	Top        int      `json:"top"`         // places returned; 0 means DefaultTop
	MinReports int      `json:"min_reports"` // places with fewer reports are left out of the ranking
	// RankByReports ranks places by their number of reports instead of the
	// first topic's value (the heat map shows the best-covered places).
	RankByReports bool `json:"rank_by_reports"`
}

// CompareRow is one cell of the compare table: a topic in a place.
type CompareRow struct {
	Level        string   `json:"level"`
	Rank         int64    `json:"rank"`
	Code         string   `json:"code"`
	Name         string   `json:"name"`
	Parent       string   `json:"parent"` // city of a district, province of a city
	Topic        string   `json:"topic"`
	TopicLabel   string   `json:"topic_label"`
	Mentions     int64    `json:"mentions"`
	Reports      int64    `json:"reports"`
	TotalReports int64    `json:"total_reports"`
	TotalChars   int64    `json:"total_chars"`
	Measure      string   `json:"measure"`
	Value        *float64 `json:"value"`
}

func (p CompareParams) statement() (string, []any, error) { return p.statementOn(nil) }

// statementOn is the statement for db, which reads the rollups when db can.
func (p CompareParams) statementOn(db *DB) (string, []any, error) {
	if err := p.Scope.validate(); err != nil {
		return "", nil, err
	}
	if err := validTopics(p.Topics, 1); err != nil {
		return "", nil, err
	}
	if len(p.Topics) > MaxTopics {
		return "", nil, fmt.Errorf("%w: more than %d topics", ErrInvalid, MaxTopics)
	}
	if !p.Level.Valid() {
		return "", nil, fmt.Errorf("%w: level %q", ErrInvalid, p.Level)
	}
	if !p.Measure.Valid() {
		return "", nil, fmt.Errorf("%w: measure %q", ErrInvalid, p.Measure)
	}
	top := p.Top
	if top == 0 {
		top = DefaultTop
	}
	if top < 1 || top > MaxTop {
		return "", nil, fmt.Errorf("%w: top %d not in 1..%d", ErrInvalid, top, MaxTop)
	}
	if p.MinReports < 0 {
		return "", nil, fmt.Errorf("%w: min reports %d", ErrInvalid, p.MinReports)
	}
	labels, err := labelsFor(p.Topics, p.Labels)
	if err != nil {
		return "", nil, err
	}
	args := append(p.Scope.args(),
		sql.Named("level", string(p.Level)),
		sql.Named("topics", p.Topics),
		sql.Named("labels", labels),
		sql.Named("measure", string(p.Measure)),
		sql.Named("top", top),
		sql.Named("min_reports", p.MinReports),
		sql.Named("by_reports", p.RankByReports),
		sql.Named("via_reports", p.viaReports(db)),
	)
	return compareSQL.on(db, p.Scope, nil), args, nil
}

// Compare returns one row per place and topic, places by rank (first topic's
// value, highest first), topics in the order asked. Reports without a code
// at the level are not in any place.
func Compare(ctx context.Context, db *DB, p CompareParams) ([]CompareRow, error) {
	query, args, err := p.statementOn(db)
	if err != nil {
		return nil, err
	}
	var out []CompareRow
	err = queryRows(ctx, db, "compare", query, args, func(rows *sql.Rows) error {
		var r CompareRow
		var v sql.NullFloat64
		if err := rows.Scan(&r.Level, &r.Rank, &r.Code, &r.Name, &r.Parent, &r.Topic, &r.TopicLabel,
			&r.Mentions, &r.Reports, &r.TotalReports, &r.TotalChars, &r.Measure, &v); err != nil {
			return err
		}
		r.Value = nullable(v)
		out = append(out, r)
		return nil
	})
	return out, err
}

// viaReports says whether compare.sql reads the top places' topic counts
// from their reports' topic_counts rather than from their topic rows. The
// topic rows are read per asked topic, across all places, before the top
// places are known to the scan; the top places' reports are read once for
// every topic. So the reports win when many topics are asked (the heat
// map), unless the top places are most of the corpus, as the top provinces
// are. The topic rollup is smaller than either.
func (p CompareParams) viaReports(db *DB) bool {
	return len(p.Topics) > 3 && p.Level != Province && !db.cellsFor(p.Scope)
}
