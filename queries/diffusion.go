package queries

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

var (
	diffusionSQL       = composeScoped("diffusion.sql")
	diffusionFirstsSQL = composeScoped("diffusion_firsts.sql")
	diffusionScopeSQL  = composeScoped("diffusion_scope.sql")
)

// DiffusionParams asks when each district first took up a topic or a term.
// Exactly one of Topic and Term is set.
type DiffusionParams struct {
	Scope
	Topic string `json:"topic,omitempty"`
	Term  string `json:"term,omitempty"` // already simplified
	// Period is the step of the adoption curve; "" means Month. The
	// adopters table does not depend on it.
	Period Period `json:"period"`
}

// Adopter is a district's first dated meeting on the subject. Its JSON
// names are the download's column names.
type Adopter struct {
	DistrictCode string `json:"district_code"`
	District     string `json:"district"`
	City         string `json:"city"`
	Province     string `json:"province"`
	// MeetingDate is the first meeting's date as extracted: YYYY-MM-DD,
	// YYYY-MM or YYYY.
	MeetingDate string    `json:"first_meeting_date"`
	FirstDay    time.Time `json:"first_day"`
	// AdoptedBy is the first month by which the district had certainly
	// taken the subject up: the first meeting's month, or December for a
	// meeting dated only to the year. The curve counts adopters from it.
	AdoptedBy time.Time `json:"adopted_by"`
	ReportID  string    `json:"report_id"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	// Meetings counts its meetings on the subject in scope, undated ones
	// included: what /meetings lists for the district and subject.
	Meetings  int64 `json:"meetings"`
	Districts int64 `json:"districts_in_scope"`
}

// AdoptionPoint is the cumulative adoption curve at one period.
type AdoptionPoint struct {
	Period      string    `json:"period"` // 2022-04, 2022-Q2 or 2022
	PeriodStart time.Time `json:"period_start"`
	New         int       `json:"new"` // districts taking it up in the period
	Adopted     int       `json:"adopted"`
	Share       float64   `json:"share"` // adopted ÷ districts with dated reports in scope
}

// Diffusion is the adoption table and curve behind a diffusion chart.
type Diffusion struct {
	Adopters []Adopter       `json:"adopters"`
	Curve    []AdoptionPoint `json:"curve"`
	// Districts counts districts with at least one dated report in scope:
	// the population that could have adopted.
	Districts int64 `json:"districts"`
	// YearOnly counts adopters whose first meeting is dated only to the year.
	YearOnly int `json:"year_only"`
}

// MaxCurvePoints bounds the adoption curve (a century of months).
const MaxCurvePoints = 1200

func (p DiffusionParams) validate() error {
	if err := p.Scope.validate(); err != nil {
		return err
	}
	switch {
	case (p.Topic == "") == (p.Term == ""):
		return fmt.Errorf("%w: give exactly one of topic and term", ErrInvalid)
	case p.Topic != "" && !TopicPattern.MatchString(p.Topic):
		return fmt.Errorf("%w: topic %q", ErrInvalid, p.Topic)
	case len([]rune(p.Term)) > MaxTermLength:
		return fmt.Errorf("%w: term longer than %d characters", ErrInvalid, MaxTermLength)
	case p.Period != "" && !p.Period.Valid():
		return fmt.Errorf("%w: period %q", ErrInvalid, p.Period)
	}
	return nil
}

// statement is the adopters table, so that the page and its downloads run
// the same query.
func (p DiffusionParams) statement() (string, []any, error) { return p.statementOn(nil) }

// statementOn is the statement for db, which reads the rollups when db can.
func (p DiffusionParams) statementOn(db *DB) (string, []any, error) {
	if err := p.validate(); err != nil {
		return "", nil, err
	}
	query := diffusionSQL.on(db, p.Scope, nil)
	if db.cellsFor(p.Scope) && p.Topic != "" && p.From == "" && p.To == "" && p.Kind == "" {
		query = diffusionFirstsSQL.on(db, p.Scope, nil)
	}
	return query, append(p.Scope.args(), sql.Named("topic", p.Topic), sql.Named("term", p.Term)), nil
}

// GetDiffusion lists each district's first meeting on the subject and the
// cumulative adoption curve, the plot policy-diffusion studies use.
func GetDiffusion(ctx context.Context, db *DB, p DiffusionParams) (*Diffusion, error) {
	query, args, err := p.statementOn(db)
	if err != nil {
		return nil, err
	}
	d := &Diffusion{Adopters: []Adopter{}, Curve: []AdoptionPoint{}}
	var last sql.NullTime
	if err := db.SQL.QueryRowContext(ctx, diffusionScopeSQL.on(db, p.Scope, nil), p.Scope.args()...).Scan(&d.Districts, &last); err != nil {
		return nil, fmt.Errorf("diffusion population: %w", err)
	}
	err = queryRows(ctx, db, "diffusion", query, args, func(rows *sql.Rows) error {
		var a Adopter
		if err := rows.Scan(&a.DistrictCode, &a.District, &a.City, &a.Province, &a.MeetingDate, &a.FirstDay,
			&a.AdoptedBy, &a.ReportID, &a.Title, &a.URL, &a.Meetings, &a.Districts); err != nil {
			return err
		}
		if len(a.MeetingDate) == 4 {
			d.YearOnly++
		}
		d.Adopters = append(d.Adopters, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	period := p.Period
	if period == "" {
		period = Month
	}
	d.Curve = adoptionCurve(d.Adopters, d.Districts, period, last.Time)
	return d, nil
}

// adoptionCurve runs period by period from the first adoption to the last
// dated report in scope, so that periods without a new adopter, and the
// plateau after the last one, still show on the curve.
func adoptionCurve(adopters []Adopter, population int64, period Period, last time.Time) []AdoptionPoint {
	curve := []AdoptionPoint{}
	if len(adopters) == 0 {
		return curve
	}
	first := adopters[0].AdoptedBy
	perPeriod := map[time.Time]int{}
	for _, a := range adopters {
		start := truncate(period, a.AdoptedBy)
		perPeriod[start]++
		if a.AdoptedBy.Before(first) {
			first = a.AdoptedBy
		}
		if a.AdoptedBy.After(last) {
			last = a.AdoptedBy
		}
	}
	adopted := 0
	for m := truncate(period, first); !m.After(last) && len(curve) < MaxCurvePoints; m = m.AddDate(0, period.Months(), 0) {
		adopted += perPeriod[m]
		pt := AdoptionPoint{Period: PeriodLabel(period, m), PeriodStart: m, New: perPeriod[m], Adopted: adopted}
		if population > 0 {
			pt.Share = float64(adopted) / float64(population)
		}
		curve = append(curve, pt)
	}
	return curve
}
