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

// defaultTrendTopics is how many taxonomy topics /trends shows when the URL
// names none.
const defaultTrendTopics = 3

func (s *server) trendParams(c echo.Context) (queries.TrendParams, error) {
	q := c.QueryParams()
	var p queries.TrendParams
	var err error
	if p.Scope, err = s.scope(q, false); err != nil {
		return p, err
	}
	def := s.Taxonomy.IDs()
	if len(def) > defaultTrendTopics {
		def = def[:defaultTrendTopics]
	}
	if p.Topics, err = s.topics(q, def); err != nil {
		return p, err
	}
	if p.Period, err = period(q, queries.Quarter); err != nil {
		return p, err
	}
	if p.Measure, err = measure(q); err != nil {
		return p, err
	}
	p.Labels = s.labels(langOf(c), p.Topics)
	return p, nil
}

func (s *server) trends(c echo.Context) error {
	lang := langOf(c)
	ctx := c.Request().Context()
	p, err := s.trendParams(c)
	if err != nil {
		return err
	}
	rows, err := queries.Trends(ctx, s.DB, p)
	if err != nil {
		return err
	}
	pg := s.page(c, lang, "trends", views.T(lang, "nav.trends"))
	pg.Form = s.form(lang, "/trends", p.Scope)
	pg.Form.Topics = s.topicOptions(lang, p.Topics)
	pg.Form.Periods = enumOptions(lang, "period.", queries.Periods, p.Period)
	pg.Form.Measures = enumOptions(lang, "measure.", queries.Measures, p.Measure)
	if pg.Applied, err = s.applied(ctx, lang, p.Scope,
		views.Applied{Label: views.T(lang, "f.topics"), Value: joinLabels(p.Labels)},
		views.Applied{Label: views.T(lang, "f.period"), Value: views.T(lang, "period."+string(p.Period))},
		views.Applied{Label: views.T(lang, "f.measure"), Value: views.T(lang, "measure."+string(p.Measure))},
	); err != nil {
		return err
	}
	if len(rows) == 0 {
		pg.Empty = views.T(lang, emptyDated(p.Period))
		return s.ok(c, views.ChartPage, pg)
	}

	// Rows come period by period, topics in the order asked.
	n := len(p.Topics)
	var x, frags []string
	series := make([]views.Series, n)
	for i := range series {
		series[i].Name = p.Labels[i]
	}
	tbl := &views.Table{Columns: []views.Column{{Label: views.T(lang, "col.period")}}}
	for _, l := range p.Labels {
		tbl.Columns = append(tbl.Columns, views.Column{Label: l, Num: true})
	}
	tbl.Columns = append(tbl.Columns, views.Column{Label: views.T(lang, "col.total_reports"), Num: true})
	base := scopeQuery(p.Scope, lang, true)
	for i := 0; i+n <= len(rows); i += n {
		period := rows[i]
		frag := periodRange(period.PeriodStart.Format("2006-01-02"), p.Period, p.Scope)
		x = append(x, period.Period)
		frags = append(frags, frag)
		line := []views.Cell{{Text: period.Period}}
		for j, r := range rows[i : i+n] {
			series[j].Values = append(series[j].Values, r.Value)
			cell := views.Cell{Text: formatValue(p.Measure, r.Value), Num: true}
			if r.Reports > 0 {
				cell.Link = withQuery("/meetings", mergeQuery(base, frag, "topic="+url.QueryEscape(r.Topic)))
			}
			line = append(line, cell)
		}
		line = append(line, views.Cell{Text: itoa(period.TotalReports), Num: true})
		tbl.Rows = append(tbl.Rows, line)
	}
	subtitle := appliedSubtitle(pg.Applied)
	ch, err := views.LineChart("trends", views.T(lang, "measure."+string(p.Measure)), subtitle, x, series, chartFormat(p.Measure))
	if err != nil {
		return err
	}
	topicFrags := topicFragments(p.Topics)
	if ch, err = ch.WithDrill(views.Drill{Base: withQuery("/meetings", base), X: frags, Series: topicFrags}); err != nil {
		return err
	}
	pg.Charts = []views.Chart{ch}
	pg.Table = tbl
	pg.Note = views.T(lang, "note.trends") + " " + views.T(lang, "note.share")
	pg.Downloads = downloads("trends", c.QueryParams())
	return s.ok(c, views.ChartPage, pg)
}

func (s *server) apiTrends(c echo.Context) error {
	p, err := s.trendParams(c)
	if err != nil {
		return err
	}
	rows, err := queries.Trends(c.Request().Context(), s.DB, p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"query": p, "rows": nonNilRows(rows)})
}

// mergeQuery adds encoded fragments to a copy of q.
func mergeQuery(q url.Values, frags ...string) url.Values {
	out := cloneValues(q)
	for _, f := range frags {
		extra, err := url.ParseQuery(f)
		if err != nil {
			continue
		}
		for k, v := range extra {
			out[k] = v
		}
	}
	return out
}

func joinLabels(ls []string) string { return strings.Join(ls, "、") }

// appliedSubtitle puts the filters under the chart title, so a saved PNG
// still says what it shows.
func appliedSubtitle(a []views.Applied) string {
	parts := make([]string, len(a))
	for i, x := range a {
		parts[i] = fmt.Sprintf("%s: %s", x.Label, x.Value)
	}
	return strings.Join(parts, "  ")
}

func nonNilRows[T any](rows []T) []T {
	if rows == nil {
		return []T{}
	}
	return rows
}

// emptyDated is the message for a chart with no dated report: by month or
// quarter it says that reports dated only to the year show by year.
func emptyDated(period queries.Period) string {
	if period == queries.Year {
		return "empty.dated"
	}
	return "empty.dated_month"
}
