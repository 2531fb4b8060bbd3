package queries

import (
	"context"
	"database/sql"
	"fmt"
)

// Overview is the corpus at a glance plus its data-quality numbers.
type Overview struct {
	Reports      int64  `json:"reports"`
	Dated        int64  `json:"dated"`
	Undated      int64  `json:"undated"`    // no meeting_day: left out of every trend
	MonthOnly    int64  `json:"month_only"` // only the month is known
	Spam         int64  `json:"spam"`
	NoDistrict   int64  `json:"no_district"`
	NoChair      int64  `json:"no_chair"`
	WithWarnings int64  `json:"with_warnings"`
	Districts    int64  `json:"districts"`
	FirstDay     string `json:"first_day"`
	LastDay      string `json:"last_day"`
	Chars        int64  `json:"chars"`
	IngestErrors int64  `json:"ingest_errors"`

	Topics      []TopicTotal `json:"topics"` // topics with at least one mention
	Years       []Count      `json:"years"`  // key "0" collects undated reports
	Monthly     []Count      `json:"monthly"`
	DateSources []Count      `json:"date_sources"`
	Kinds       []Count      `json:"kinds"`
	Warnings    []Count      `json:"warnings"` // the 20 most frequent
}

// TopicTotal is a topic over the whole corpus.
type TopicTotal struct {
	Topic    string `json:"topic"`
	Reports  int64  `json:"reports"`
	Mentions int64  `json:"mentions"`
}

// Count is a number of reports under a key.
type Count struct {
	Key     string `json:"key"`
	Reports int64  `json:"reports"`
}

// GetOverview reads the overview numbers over all reports.
func GetOverview(ctx context.Context, db *DB) (*Overview, error) {
	return readOverview(ctx, db)
}

func readOverview(ctx context.Context, db *DB) (*Overview, error) {
	var o Overview
	// Every statement sums cells over the whole corpus: an empty scope, and
	// no topic list (every topic).
	all := Scope{}
	args := append(all.args(), sql.Named("topics", []string{}))
	err := db.SQL.QueryRowContext(ctx, overviewTotalsSQL.on(db, all, nil), args...).Scan(&o.Reports, &o.Dated, &o.Undated, &o.MonthOnly,
		&o.Spam, &o.NoDistrict, &o.NoChair, &o.WithWarnings, &o.Districts, &o.FirstDay, &o.LastDay, &o.Chars,
		&o.IngestErrors)
	if err != nil {
		return nil, fmt.Errorf("read overview totals: %w", err)
	}
	err = queryRows(ctx, db, "overview topics", overviewTopicsSQL.on(db, all, nil), args, func(rows *sql.Rows) error {
		var t TopicTotal
		if err := rows.Scan(&t.Topic, &t.Reports, &t.Mentions); err != nil {
			return err
		}
		o.Topics = append(o.Topics, t)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sections := map[int]*[]Count{1: &o.Years, 2: &o.Monthly, 3: &o.DateSources, 4: &o.Kinds, 5: &o.Warnings}
	err = queryRows(ctx, db, "overview counts", overviewCountsSQL.on(db, all, nil), args, func(rows *sql.Rows) error {
		var section int
		var c Count
		if err := rows.Scan(&section, &c.Key, &c.Reports); err != nil {
			return err
		}
		if dst := sections[section]; dst != nil {
			*dst = append(*dst, c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &o, nil
}

// Kinds lists the meeting kinds in the data, most frequent first.
func Kinds(ctx context.Context, db *DB) ([]Count, error) {
	all := Scope{}
	return readCounts(ctx, db, "meeting kinds", overviewKindsSQL.on(db, all, nil), all.args())
}

func readCounts(ctx context.Context, db *DB, what, query string, args []any) ([]Count, error) {
	var out []Count
	err := queryRows(ctx, db, what, query, args, func(rows *sql.Rows) error {
		var key any
		var c Count
		if err := rows.Scan(&key, &c.Reports); err != nil {
			return err
		}
		c.Key = fmt.Sprint(key)
		out = append(out, c)
		return nil
	})
	return out, err
}

// PlaceNames returns the names the reports give the codes (6-digit district,
// 4-digit city, 2-digit province codes); codes nobody names are absent.
func PlaceNames(ctx context.Context, db *DB, codes []string) (map[string]string, error) {
	out := map[string]string{}
	if len(codes) == 0 {
		return out, nil
	}
	err := queryRows(ctx, db, "place names", placeNamesSQL, []any{sql.Named("codes", codes)}, func(rows *sql.Rows) error {
		var code, name string
		if err := rows.Scan(&code, &name); err != nil {
			return err
		}
		out[code] = name
		return nil
	})
	return out, err
}
