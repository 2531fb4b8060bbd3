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

// Bounds and defaults of a rising-terms query.
const (
	MaxRisingTerms       = 500
	DefaultRisingTerms   = 50
	DefaultRisingReports = 2
)

// RisingParams asks for the words that rose most into one period.
type RisingParams struct {
	Period Period `json:"period"`
	// Current is any YYYY-MM in the period to compare; "" means the latest
	// period that has a previous one to compare with.
	Current string `json:"current,omitempty"`
	// MinReports drops words used in fewer reports of the current period;
	// 0 means DefaultRisingReports.
	MinReports int `json:"min_reports"`
	Limit      int `json:"limit"` // 0 means DefaultRisingTerms
}

// RisingTerm is one word's change between two periods. Its JSON names are
// the download's column names.
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

// RisingPeriod is a period that has term counts.
type RisingPeriod struct {
	Label string `json:"label"` // 2022-04, 2022-Q2 or 2022
	Start string `json:"start"` // YYYY-MM of its first month, the value of Current
	Words int64  `json:"words"` // content words counted in it
}

// Rising is the answer: the two periods compared and the words.
type Rising struct {
	Period   Period         `json:"period"`
	Current  string         `json:"current"`  // period label, e.g. 2022-04, 2022-Q2, 2022
	Previous string         `json:"previous"` // the period before it
	Periods  []RisingPeriod `json:"periods"`  // every period with term counts, newest first
	Terms    []RisingTerm   `json:"terms"`
}

// risingPrior is the Dirichlet prior's total weight: large enough to calm
// rare words, small next to a period's word count.
const risingPrior = 1000.0

func (p RisingParams) withDefaults() RisingParams {
	if p.Limit == 0 {
		p.Limit = DefaultRisingTerms
	}
	if p.MinReports == 0 {
		p.MinReports = DefaultRisingReports
	}
	return p
}

func (p RisingParams) validate() error {
	switch {
	case !p.Period.Valid():
		return fmt.Errorf("%w: period %q", ErrInvalid, p.Period)
	case p.Current != "" && !MonthPattern.MatchString(p.Current):
		return fmt.Errorf("%w: current %q (want YYYY-MM)", ErrInvalid, p.Current)
	case p.Limit < 0 || p.Limit > MaxRisingTerms:
		return fmt.Errorf("%w: limit %d (want 1..%d)", ErrInvalid, p.Limit, MaxRisingTerms)
	case p.MinReports < 0:
		return fmt.Errorf("%w: min reports %d", ErrInvalid, p.MinReports)
	}
	return nil
}

// statement is the rising-terms table; with no Current it compares the
// latest period, so a download matches the page it came from.
func (p RisingParams) statement() (string, []any, error) {
	if err := p.validate(); err != nil {
		return "", nil, err
	}
	p = p.withDefaults()
	var current any
	if p.Current != "" {
		t, _ := time.Parse("2006-01", p.Current)
		current = t
	}
	return risingSQL, []any{
		sql.Named("period", string(p.Period)), sql.Named("step", p.Period.Months()), sql.Named("current", current),
		sql.Named("prior", risingPrior), sql.Named("min_reports", p.MinReports), sql.Named("limit", p.Limit),
	}, nil
}

// GetRising compares a period with the one before it.
func GetRising(ctx context.Context, db *DB, p RisingParams) (*Rising, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	out := &Rising{Period: p.Period, Periods: []RisingPeriod{}, Terms: []RisingTerm{}}
	var starts []time.Time
	err := queryRows(ctx, db, "rising periods", risingPeriodsSQL, []any{sql.Named("period", string(p.Period))},
		func(rows *sql.Rows) error {
			var t time.Time
			var words int64
			if err := rows.Scan(&t, &words); err != nil {
				return err
			}
			starts = append(starts, t)
			out.Periods = append(out.Periods, RisingPeriod{Label: PeriodLabel(p.Period, t), Start: t.Format("2006-01"), Words: words})
			return nil
		})
	if err != nil {
		return nil, err
	}
	if len(starts) == 0 {
		return out, nil
	}
	current := defaultPeriod(p.Period, starts)
	if p.Current != "" {
		t, _ := time.Parse("2006-01", p.Current)
		current = truncate(p.Period, t)
	}
	previous := current.AddDate(0, -p.Period.Months(), 0)
	out.Current, out.Previous = PeriodLabel(p.Period, current), PeriodLabel(p.Period, previous)
	p.Current = current.Format("2006-01")
	query, args, err := p.statement()
	if err != nil {
		return nil, err
	}
	err = queryRows(ctx, db, "rising terms", query, args, func(rows *sql.Rows) error {
		var t RisingTerm
		var cur, prev string
		if err := rows.Scan(&cur, &prev, &t.Term, &t.Mentions, &t.PreviousMentions, &t.Reports, &t.PreviousReports,
			&t.Per10kWords, &t.PreviousPer10k, &t.Z); err != nil {
			return err
		}
		out.Terms = append(out.Terms, t)
		return nil
	})
	return out, err
}

// defaultPeriod is the latest period (starts, newest first) that can be
// compared, because the one before it has counts too; else the latest.
// rising.sql picks the same when no period is given.
func defaultPeriod(p Period, starts []time.Time) time.Time {
	known := map[time.Time]bool{}
	for _, t := range starts {
		known[t] = true
	}
	for _, t := range starts {
		if known[t.AddDate(0, -p.Months(), 0)] {
			return t
		}
	}
	return starts[0]
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
