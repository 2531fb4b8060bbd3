package queries

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"
)

// Bounds on a terms query: every term is a full scan of the text column.
const (
	MaxTerms      = 10
	MaxTermLength = 50
)

// TermParams asks for exact phrase counts over time.
type TermParams struct {
	Scope
	Terms   []string `json:"terms"` // already simplified; compared as exact substrings
	Period  Period   `json:"period"`
	Measure Measure  `json:"measure"`
}

// TermRow is one cell of the terms table: a phrase in a period.
type TermRow struct {
	Period       string    `json:"period"`
	Term         string    `json:"term"`
	Mentions     int64     `json:"mentions"` // occurrences (non-overlapping)
	Reports      int64     `json:"reports"`  // reports containing the term
	TotalReports int64     `json:"total_reports"`
	TotalChars   int64     `json:"total_chars"`
	PeriodStart  time.Time `json:"period_start"`
	Measure      string    `json:"measure"`
	Value        *float64  `json:"value"`
}

func (p TermParams) statement() (string, []any, error) { return p.statementOn(nil) }

// statementOn is the statement for db, which counts in the held text when
// db holds it.
func (p TermParams) statementOn(db *DB) (string, []any, error) {
	if err := p.Scope.validate(); err != nil {
		return "", nil, err
	}
	if len(p.Terms) == 0 || len(p.Terms) > MaxTerms {
		return "", nil, fmt.Errorf("%w: %d terms (want 1..%d)", ErrInvalid, len(p.Terms), MaxTerms)
	}
	seen := map[string]bool{}
	for _, t := range p.Terms {
		if t == "" || len([]rune(t)) > MaxTermLength {
			return "", nil, fmt.Errorf("%w: term %q must have 1..%d characters", ErrInvalid, t, MaxTermLength)
		}
		if strings.Contains(t, PhraseSeparator) {
			return "", nil, fmt.Errorf("%w: term %q spans lines", ErrInvalid, t)
		}
		if seen[t] {
			return "", nil, fmt.Errorf("%w: term %q given twice", ErrInvalid, t)
		}
		seen[t] = true
	}
	if !p.Period.Valid() {
		return "", nil, fmt.Errorf("%w: period %q", ErrInvalid, p.Period)
	}
	if !p.Measure.Valid() {
		return "", nil, fmt.Errorf("%w: measure %q", ErrInvalid, p.Measure)
	}
	args := append(p.Scope.args(),
		sql.Named("period", string(p.Period)),
		sql.Named("step", p.Period.Months()),
		sql.Named("terms", p.Terms),
		sql.Named("phrases", strings.Join(p.Terms, PhraseSeparator)),
		sql.Named("measure", string(p.Measure)),
	)
	return termsSQL.text(db, p.Scope, nil), args, nil
}

// Terms returns one row per period and term, like Trends.
func Terms(ctx context.Context, db *DB, p TermParams) ([]TermRow, error) {
	if err := db.AwaitText(ctx); err != nil {
		return nil, err
	}
	query, args, err := p.statementOn(db)
	if err != nil {
		return nil, err
	}
	var out []TermRow
	err = queryRows(ctx, db, "terms", query, args, func(rows *sql.Rows) error {
		var r TermRow
		var v sql.NullFloat64
		if err := rows.Scan(&r.Period, &r.Term, &r.Mentions, &r.Reports, &r.TotalReports, &r.TotalChars,
			&r.PeriodStart, &r.Measure, &v); err != nil {
			return err
		}
		r.Value = nullable(v)
		out = append(out, r)
		return nil
	})
	return out, err
}
