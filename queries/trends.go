package queries

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// MaxTopics bounds how many topics one chart may ask for.
const MaxTopics = 30

// TrendParams asks for topic series over time.
type TrendParams struct {
	Scope
	Topics  []string `json:"topics"` // series, in order
	Labels  []string `json:"labels"` // display label per topic; empty means the ids
	Period  Period   `json:"period"`
	Measure Measure  `json:"measure"`
}

// TrendRow is one cell of the trend table: a topic in a period.
type TrendRow struct {
	Period       string    `json:"period"` // 2022-04, 2022-Q2 or 2022
	PeriodStart  time.Time `json:"period_start"`
	Topic        string    `json:"topic"`
	TopicLabel   string    `json:"topic_label"`
	Mentions     int64     `json:"mentions"`
	Reports      int64     `json:"reports"`       // reports mentioning the topic
	TotalReports int64     `json:"total_reports"` // all reports in the period
	TotalChars   int64     `json:"total_chars"`
	Measure      string    `json:"measure"`
	Value        *float64  `json:"value"` // nil when the period has no reports
}

func (p TrendParams) statement() (string, []any, error) { return p.statementOn(nil) }

// statementOn is the statement for db, which reads the rollups when db can.
func (p TrendParams) statementOn(db *DB) (string, []any, error) {
	if err := p.Scope.validate(); err != nil {
		return "", nil, err
	}
	if err := validTopics(p.Topics, 1); err != nil {
		return "", nil, err
	}
	if len(p.Topics) > MaxTopics {
		return "", nil, fmt.Errorf("%w: more than %d topics", ErrInvalid, MaxTopics)
	}
	if !p.Period.Valid() {
		return "", nil, fmt.Errorf("%w: period %q", ErrInvalid, p.Period)
	}
	if !p.Measure.Valid() {
		return "", nil, fmt.Errorf("%w: measure %q", ErrInvalid, p.Measure)
	}
	labels, err := labelsFor(p.Topics, p.Labels)
	if err != nil {
		return "", nil, err
	}
	args := append(p.Scope.args(),
		sql.Named("period", string(p.Period)),
		sql.Named("step", p.Period.Months()),
		sql.Named("topics", p.Topics),
		sql.Named("labels", labels),
		sql.Named("measure", string(p.Measure)),
	)
	return trendsSQL.on(db, p.Scope, nil), args, nil
}

// Trends returns one row per period and topic, periods in order, topics in
// the order asked. Every period between the first and the last is present;
// one without reports has TotalReports 0 and a nil Value. No rows means no
// dated report is in scope.
func Trends(ctx context.Context, db *DB, p TrendParams) ([]TrendRow, error) {
	query, args, err := p.statementOn(db)
	if err != nil {
		return nil, err
	}
	var out []TrendRow
	err = queryRows(ctx, db, "trends", query, args, func(rows *sql.Rows) error {
		var r TrendRow
		var v sql.NullFloat64
		if err := rows.Scan(&r.Period, &r.PeriodStart, &r.Topic, &r.TopicLabel, &r.Mentions, &r.Reports,
			&r.TotalReports, &r.TotalChars, &r.Measure, &v); err != nil {
			return err
		}
		r.Value = nullable(v)
		out = append(out, r)
		return nil
	})
	return out, err
}

func labelsFor(ids, labels []string) ([]string, error) {
	if len(labels) == 0 {
		return ids, nil
	}
	if len(labels) != len(ids) {
		return nil, fmt.Errorf("%w: %d labels for %d topics", ErrInvalid, len(labels), len(ids))
	}
	return labels, nil
}

func nullable(v sql.NullFloat64) *float64 {
	if !v.Valid {
		return nil
	}
	f := v.Float64
	return &f
}
