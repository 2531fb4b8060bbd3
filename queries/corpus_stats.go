package queries

import (
	"context"
	"database/sql"
	_ "embed"
	"fmt"
)

//go:embed corpus_stats.sql
var corpusStatsSQL string

// CorpusStats summarises a database: its size and data-quality counts.
type CorpusStats struct {
	Reports      int64     `json:"reports"`
	Districts    int64     `json:"districts"`
	DateRange    [2]string `json:"date_range"` // first and last meeting date; "" when none
	NoDate       int64     `json:"reports_without_date"`
	NoDistrict   int64     `json:"reports_without_district"`
	Spam         int64     `json:"spam_flagged"`
	Duplicates   int64     `json:"duplicates"` // sources skipped because their text was already stored
	IngestErrors int64     `json:"ingest_errors"`
	Chars        int64     `json:"chars"`
}

// Stats computes CorpusStats.
func Stats(ctx context.Context, db *DB) (CorpusStats, error) {
	var s CorpusStats
	var first, last sql.NullString
	err := db.SQL.QueryRowContext(ctx, corpusStatsSQL).Scan(&s.Reports, &s.Districts, &first, &last,
		&s.NoDate, &s.NoDistrict, &s.Spam, &s.Duplicates, &s.IngestErrors, &s.Chars)
	if err != nil {
		return s, fmt.Errorf("corpus stats: %w", err)
	}
	s.DateRange = [2]string{first.String, last.String}
	return s, nil
}
