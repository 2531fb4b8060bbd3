package queries

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

var diffusionSQL = compose("diffusion.sql")

// DiffusionParams asks when each district first took up a topic or a term.
// Exactly one of Topic and Term is set.
type DiffusionParams struct {
	Scope
	Topic string `json:"topic,omitempty"`
	Term  string `json:"term,omitempty"` // already simplified
}

// Adopter is a district's first dated meeting on the subject.
type Adopter struct {
	DistrictCode string    `json:"district_code"`
	District     string    `json:"district"`
	City         string    `json:"city"`
	Province     string    `json:"province"`
	FirstDay     time.Time `json:"first_day"`
	MeetingDate  string    `json:"meeting_date"` // as extracted: YYYY-MM-DD or YYYY-MM
	ReportID     string    `json:"report_id"`
	Title        string    `json:"title"`
	Reports      int64     `json:"reports"` // its meetings on the subject in scope
}

// AdoptionPoint is the cumulative adoption curve at one month.
type AdoptionPoint struct {
	Month   string  `json:"month"` // YYYY-MM
	New     int     `json:"new"`   // districts taking it up that month
	Adopted int     `json:"adopted"`
	Share   float64 `json:"share"` // adopted ÷ districts with dated reports in scope
}

// Diffusion is the adoption table and curve behind a diffusion chart.
type Diffusion struct {
	Adopters []Adopter       `json:"adopters"`
	Curve    []AdoptionPoint `json:"curve"`
	// Districts counts districts with at least one dated report in scope:
	// the population that could have adopted.
	Districts int64 `json:"districts"`
}

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
	}
	return nil
}

// GetDiffusion lists each district's first meeting on the subject and the
// cumulative adoption curve by month, the plot policy-diffusion studies use.
func GetDiffusion(ctx context.Context, db *DB, p DiffusionParams) (*Diffusion, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	args := append(p.Scope.args(), sql.Named("topic", p.Topic), sql.Named("term", p.Term))
	rows, err := db.SQL.QueryContext(ctx, diffusionSQL, args...)
	if err != nil {
		return nil, fmt.Errorf("diffusion query: %w", err)
	}
	defer rows.Close()
	d := &Diffusion{Adopters: []Adopter{}, Curve: []AdoptionPoint{}}
	for rows.Next() {
		var a Adopter
		if err := rows.Scan(&a.DistrictCode, &a.District, &a.City, &a.Province, &a.FirstDay, &a.MeetingDate,
			&a.ReportID, &a.Title, &a.Reports, &d.Districts); err != nil {
			return nil, fmt.Errorf("diffusion row: %w", err)
		}
		d.Adopters = append(d.Adopters, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("diffusion rows: %w", err)
	}
	d.Curve = adoptionCurve(d.Adopters, d.Districts)
	return d, nil
}

// adoptionCurve runs month by month from the first adoption to the last,
// so that months without a new adopter still show on the curve.
func adoptionCurve(adopters []Adopter, population int64) []AdoptionPoint {
	curve := []AdoptionPoint{}
	if len(adopters) == 0 {
		return curve
	}
	first, last := adopters[0].FirstDay, adopters[len(adopters)-1].FirstDay
	perMonth := map[string]int{}
	for _, a := range adopters {
		perMonth[a.FirstDay.Format("2006-01")]++
	}
	adopted := 0
	for m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(last); m = m.AddDate(0, 1, 0) {
		key := m.Format("2006-01")
		adopted += perMonth[key]
		pt := AdoptionPoint{Month: key, New: perMonth[key], Adopted: adopted}
		if population > 0 {
			pt.Share = float64(adopted) / float64(population)
		}
		curve = append(curve, pt)
	}
	return curve
}
