package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/labstack/echo/v4"

	"agendascope/queries"
	"agendascope/views"
)

func (s *server) termParams(c echo.Context) (queries.TermParams, error) {
	q := c.QueryParams()
	var p queries.TermParams
	var err error
	if p.Scope, err = s.scope(q, false); err != nil {
		return p, err
	}
	if p.Terms, err = s.termList(q); err != nil {
		return p, err
	}
	if p.Period, err = period(q, queries.Year); err != nil {
		return p, err
	}
	if p.Measure, err = measure(q); err != nil {
		return p, err
	}
	return p, nil
}

func (s *server) terms(c echo.Context) error {
	lang := langOf(c)
	ctx := c.Request().Context()
	p, err := s.termParams(c)
	if err != nil {
		return err
	}
	pg := s.page(c, lang, "terms", views.T(lang, "nav.terms"))
	pg.Form = s.form(lang, "/terms", p.Scope)
	pg.Form.ShowTerms, pg.Form.Terms = true, strings.Join(p.Terms, ",")
	pg.Form.Periods = enumOptions(lang, "period.", queries.Periods, p.Period)
	pg.Form.Measures = enumOptions(lang, "measure.", queries.Measures, p.Measure)
	pg.Note = views.T(lang, "note.terms")
	if len(p.Terms) == 0 {
		// The bare page is the search form.
		return s.ok(c, views.ChartPage, pg)
	}
	if pg.Applied, err = s.applied(ctx, lang, p.Scope,
		views.Applied{Label: views.T(lang, "col.term"), Value: strings.Join(p.Terms, "、")},
		views.Applied{Label: views.T(lang, "f.period"), Value: views.T(lang, "period."+string(p.Period))},
		views.Applied{Label: views.T(lang, "f.measure"), Value: views.T(lang, "measure."+string(p.Measure))},
	); err != nil {
		return err
	}
	rows, err := queries.Terms(ctx, s.DB, p)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		pg.Empty = views.T(lang, emptyDated(p.Period))
		return s.ok(c, views.ChartPage, pg)
	}
	n := len(p.Terms)
	// A term no report in scope contains would draw a flat zero line that
	// reads like a finding: name it instead, and chart only the others.
	found := make([]bool, n)
	for i, r := range rows {
		if r.Reports > 0 {
			found[i%n] = true
		}
	}
	var keep []int
	var missing []string
	for j, ok := range found {
		if ok {
			keep = append(keep, j)
		} else {
			missing = append(missing, p.Terms[j])
		}
	}
	if len(keep) == 0 {
		pg.Empty = fmt.Sprintf(views.T(lang, "empty.terms"), quoteTerms(lang, missing))
		return s.ok(c, views.ChartPage, pg)
	}
	if len(missing) > 0 {
		pg.Note = fmt.Sprintf(views.T(lang, "note.terms_missing"), quoteTerms(lang, missing)) + " " + pg.Note
	}
	var x, frags []string
	series := make([]views.Series, len(keep))
	for i, j := range keep {
		series[i].Name = p.Terms[j]
	}
	tbl := &views.Table{Columns: []views.Column{{Label: views.T(lang, "col.period")}}}
	for _, j := range keep {
		tbl.Columns = append(tbl.Columns, views.Column{Label: p.Terms[j], Num: true})
	}
	tbl.Columns = append(tbl.Columns, views.Column{Label: views.T(lang, "col.total_reports"), Num: true})
	base := scopeQuery(p.Scope, lang, true)
	for i := 0; i+n <= len(rows); i += n {
		period := rows[i]
		frag := periodRange(period.PeriodStart.Format("2006-01-02"), p.Period, p.Scope)
		x = append(x, period.Period)
		frags = append(frags, frag)
		line := []views.Cell{{Text: period.Period}}
		for k, j := range keep {
			r := rows[i+j]
			series[k].Values = append(series[k].Values, r.Value)
			cell := views.Cell{Text: formatValue(p.Measure, r.Value), Num: true}
			if r.Reports > 0 {
				cell.Link = withQuery("/meetings", mergeQuery(base, frag, "q="+url.QueryEscape(r.Term)))
			}
			line = append(line, cell)
		}
		line = append(line, views.Cell{Text: itoa(period.TotalReports), Num: true})
		tbl.Rows = append(tbl.Rows, line)
	}
	ch, err := views.LineChart("terms", views.T(lang, "measure."+string(p.Measure)), appliedSubtitle(pg.Applied), x, series, chartFormat(p.Measure))
	if err != nil {
		return err
	}
	termFrags := make([]string, len(keep))
	for i, j := range keep {
		termFrags[i] = "q=" + url.QueryEscape(p.Terms[j])
	}
	if ch, err = ch.WithDrill(views.Drill{Base: withQuery("/meetings", base), X: frags, Series: termFrags}); err != nil {
		return err
	}
	pg.Charts = []views.Chart{ch}
	pg.Table = tbl
	pg.Related = termDiffusionLinks(lang, p)
	pg.Downloads = downloads("terms", c.QueryParams())
	return s.ok(c, views.ChartPage, pg)
}

// quoteTerms lists terms as the reader typed them, quoted.
func quoteTerms(lang views.Lang, terms []string) string {
	if lang == views.EN {
		return "\u201c" + strings.Join(terms, "\u201d, \u201c") + "\u201d"
	}
	return "“" + strings.Join(terms, "”、“") + "”"
}

// termDiffusionLinks links each term to its diffusion across districts,
// in the same scope.
func termDiffusionLinks(lang views.Lang, p queries.TermParams) []views.Link {
	var out []views.Link
	for _, t := range p.Terms {
		q := scopeQuery(p.Scope, lang, true)
		q.Set("term", t)
		out = append(out, views.Link{Label: fmt.Sprintf(views.T(lang, "t.diffusion"), t), URL: withQuery("/diffusion", q)})
	}
	return out
}

func (s *server) apiTerms(c echo.Context) error {
	p, err := s.termParams(c)
	if err != nil {
		return err
	}
	if len(p.Terms) == 0 {
		return badParam("q", "give one or more terms, separated by commas")
	}
	rows, err := queries.Terms(c.Request().Context(), s.DB, p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"query": p, "rows": nonNilRows(rows)})
}
