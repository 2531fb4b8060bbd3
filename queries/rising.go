package queries

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

var (
	risingSQL        = compose("rising.sql")
	risingPeriodsSQL = compose("rising_periods.sql")
)

// RisingParams asks for the words that rose most into one period.
type RisingParams struct {
	Period  Period `json:"period"`
	Current string `json:"current,omitempty"` // YYYY-MM of the period's first month; "" = the latest
	// MinReports drops words used in fewer reports of the current period.
	MinReports int `json:"min_reports"`
	Limit      int `json:"limit"`
}

// RisingTerm is one word's change between two periods.
type RisingTerm struct {
	Term             string  `json:"term"`
	Mentions         int64   `json:"mentions"`
	PreviousMentions int64   `json:"previous_mentions"`
	Reports          int64   `json:"reports"`
	PreviousReports  int64   `json:"previous_reports"`
	Per10kWords      float64 `json:"per10k_words"`
	PreviousPer10k   float64 `json:"previous_per10k_words"`
	Z                float64 `json:"z"` // weighted log-odds ratio ÷ its standard error
}

// Rising is the answer: the two periods compared and the words.
type Rising struct {
	Period   Period       `json:"period"`
	Current  string       `json:"current"`  // period label, e.g. 2022-04, 2022-Q2, 2022
	Previous string       `json:"previous"` // the period before it
	Periods  []string     `json:"periods"`  // every period with term counts, newest first (labels)
	Terms    []RisingTerm `json:"terms"`
}

// risingPrior is the Dirichlet prior's total weight: large enough to calm
// rare words, small next to a period's word count.
const risingPrior = 1000.0

// GetRising compares a period with the one before it.
func GetRising(ctx context.Context, db *DB, p RisingParams) (*Rising, error) {
	if !p.Period.Valid() {
		return nil, fmt.Errorf("%w: period %q", ErrInvalid, p.Period)
	}
	if p.Current != "" && !MonthPattern.MatchString(p.Current) {
		return nil, fmt.Errorf("%w: current %q (want YYYY-MM)", ErrInvalid, p.Current)
	}
	if p.Limit <= 0 || p.Limit > 500 {
		p.Limit = 50
	}
	if p.MinReports <= 0 {
		p.MinReports = 2
	}
	out := &Rising{Period: p.Period, Periods: []string{}, Terms: []RisingTerm{}}
	rows, err := db.SQL.QueryContext(ctx, risingPeriodsSQL, sql.Named("period", string(p.Period)))
	if err != nil {
		return nil, fmt.Errorf("rising periods: %w", err)
	}
	var starts []time.Time
	for rows.Next() {
		var t time.Time
		var words int64
		if err := rows.Scan(&t, &words); err != nil {
			rows.Close()
			return nil, fmt.Errorf("rising periods: %w", err)
		}
		starts = append(starts, t)
		out.Periods = append(out.Periods, PeriodLabel(p.Period, t))
	}
	rows.Close()
	if len(starts) == 0 {
		return out, nil
	}
	current := starts[0]
	if p.Current != "" {
		t, _ := time.Parse("2006-01", p.Current)
		current = truncate(p.Period, t)
	}
	previous := current.AddDate(0, -p.Period.Months(), 0)
	out.Current, out.Previous = PeriodLabel(p.Period, current), PeriodLabel(p.Period, previous)
	rows, err = db.SQL.QueryContext(ctx, risingSQL,
		sql.Named("period", string(p.Period)), sql.Named("current", current), sql.Named("previous", previous),
		sql.Named("prior", risingPrior), sql.Named("min_reports", p.MinReports), sql.Named("limit", p.Limit))
	if err != nil {
		return nil, fmt.Errorf("rising terms: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t RisingTerm
		if err := rows.Scan(&t.Term, &t.Mentions, &t.PreviousMentions, &t.Reports, &t.PreviousReports,
			&t.Per10kWords, &t.PreviousPer10k, &t.Z); err != nil {
			return nil, fmt.Errorf("rising terms: %w", err)
		}
		out.Terms = append(out.Terms, t)
	}
	return out, rows.Err()
}

// truncate gives the first day of the period holding t.
func truncate(p Period, t time.Time) time.Time {
	m := int(t.Month()) - 1
	m -= m % p.Months()
	return time.Date(t.Year(), time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
}

// PeriodLabel names a period by its first day: 2022-04, 2022-Q2 or 2022.
func PeriodLabel(p Period, start time.Time) string {
	switch p {
	case Quarter:
		return fmt.Sprintf("%d-Q%d", start.Year(), (int(start.Month())-1)/3+1)
	case Year:
		return fmt.Sprintf("%d", start.Year())
	}
	return start.Format("2006-01")
}
