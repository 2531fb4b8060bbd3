package handlers

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"agendascope/queries"
	"agendascope/views"
)

// Places shown by default: a readable bar chart, a heat map that fits.
const (
	defaultCompareTop = 30
	defaultHeatmapTop = 40
	maxHeatmapTop     = 300
)

func (s *server) compareParams(c echo.Context) (queries.CompareParams, error) {
	q := c.QueryParams()
	var p queries.CompareParams
	var err error
	if p.Scope, err = s.scope(q, false); err != nil {
		return p, err
	}
	if p.Topics, err = s.topics(q, s.Taxonomy.IDs()[:1]); err != nil {
		return p, err
	}
	if p.Level, err = level(q); err != nil {
		return p, err
	}
	if p.Measure, err = measure(q); err != nil {
		return p, err
	}
	if p.Top, err = intParam(q, "top", defaultCompareTop, 1, queries.MaxTop); err != nil {
		return p, err
	}
	if p.MinReports, err = intParam(q, "min", 1, 0, 1_000_000); err != nil {
		return p, err
	}
	p.Labels = s.labels(langOf(c), p.Topics)
	return p, nil
}

func (s *server) compare(c echo.Context) error {
	lang := langOf(c)
	ctx := c.Request().Context()
	p, err := s.compareParams(c)
	if err != nil {
		return err
	}
	rows, err := queries.Compare(ctx, s.DB, p)
	if err != nil {
		return err
	}
	pg := s.page(c, lang, "compare", views.T(lang, "nav.compare"))
	pg.Form = s.form(lang, "/compare", p.Scope)
	pg.Form.Topics = s.topicOptions(lang, p.Topics)
	pg.Form.Levels = enumOptions(lang, "level.", queries.Levels, p.Level)
	pg.Form.Measures = enumOptions(lang, "measure.", queries.Measures, p.Measure)
	pg.Form.ShowTop, pg.Form.Top, pg.Form.Min = true, itoa(int64(p.Top)), itoa(int64(p.MinReports))
	if pg.Applied, err = s.applied(ctx, lang, p.Scope,
		views.Applied{Label: views.T(lang, "f.topics"), Value: joinLabels(p.Labels)},
		views.Applied{Label: views.T(lang, "f.level"), Value: views.T(lang, "level."+string(p.Level))},
		views.Applied{Label: views.T(lang, "f.measure"), Value: views.T(lang, "measure."+string(p.Measure))},
	); err != nil {
		return err
	}
	if len(rows) == 0 {
		pg.Empty = views.T(lang, "empty.scope")
		return s.ok(c, views.ChartPage, pg)
	}

	n := len(p.Topics)
	var cats, frags []string
	series := make([]views.Series, n)
	for i := range series {
		series[i].Name = p.Labels[i]
	}
	tbl := &views.Table{Columns: []views.Column{{Label: views.T(lang, "col.rank"), Num: true},
		{Label: views.T(lang, "col.place")}, {Label: views.T(lang, "col.parent")}, {Label: views.T(lang, "col.code")}}}
	for _, l := range p.Labels {
		tbl.Columns = append(tbl.Columns, views.Column{Label: l, Num: true})
	}
	tbl.Columns = append(tbl.Columns, views.Column{Label: views.T(lang, "col.total_reports"), Num: true})
	// The clicked place replaces the place filters: places are a union, so
	// keeping a province filter would list the whole province again.
	base := scopeQuery(p.Scope, lang, false)
	for i := 0; i+n <= len(rows); i += n {
		place := rows[i]
		name := placeLabel(place.Name, place.Code)
		frag := string(p.Level) + "=" + url.QueryEscape(place.Code)
		cats = append(cats, name)
		frags = append(frags, frag)
		line := []views.Cell{{Text: itoa(place.Rank), Num: true},
			{Text: name, Link: withQuery("/meetings", mergeQuery(base, frag))},
			{Text: place.Parent}, {Text: place.Code}}
		for j, r := range rows[i : i+n] {
			series[j].Values = append(series[j].Values, r.Value)
			cell := views.Cell{Text: formatValue(p.Measure, r.Value), Num: true}
			if r.Reports > 0 {
				cell.Link = withQuery("/meetings", mergeQuery(base, frag, "topic="+url.QueryEscape(r.Topic)))
			}
			line = append(line, cell)
		}
		line = append(line, views.Cell{Text: itoa(place.TotalReports), Num: true})
		tbl.Rows = append(tbl.Rows, line)
	}
	ch, err := views.BarChart("compare", views.T(lang, "measure."+string(p.Measure)), appliedSubtitle(pg.Applied),
		cats, series, chartFormat(p.Measure))
	if err != nil {
		return err
	}
	topicFrags := topicFragments(p.Topics)
	if ch, err = ch.WithDrill(views.Drill{Base: withQuery("/meetings", base), X: frags, Series: topicFrags}); err != nil {
		return err
	}
	pg.Charts = []views.Chart{ch}
	pg.Table = tbl
	pg.Note = views.T(lang, "note.compare") + " " + views.T(lang, "note.share")
	pg.Downloads = downloads("compare", c.QueryParams())
	return s.ok(c, views.ChartPage, pg)
}

func (s *server) apiCompare(c echo.Context) error {
	p, err := s.compareParams(c)
	if err != nil {
		return err
	}
	rows, err := queries.Compare(c.Request().Context(), s.DB, p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"query": p, "rows": nonNilRows(rows)})
}

// heatmapParams is a Compare over every topic (or those asked), places
// chosen by their number of reports rather than by one topic.
func (s *server) heatmapParams(c echo.Context) (queries.CompareParams, error) {
	q := c.QueryParams()
	var p queries.CompareParams
	var err error
	if p.Scope, err = s.scope(q, false); err != nil {
		return p, err
	}
	if p.Topics, err = s.topics(q, s.Taxonomy.IDs()); err != nil {
		return p, err
	}
	if p.Level, err = level(q); err != nil {
		return p, err
	}
	if p.Measure, err = measure(q); err != nil {
		return p, err
	}
	if p.Top, err = intParam(q, "top", defaultHeatmapTop, 1, maxHeatmapTop); err != nil {
		return p, err
	}
	if p.MinReports, err = intParam(q, "min", 1, 0, 1_000_000); err != nil {
		return p, err
	}
	p.RankByReports = true
	p.Labels = s.labels(langOf(c), p.Topics)
	return p, nil
}

func (s *server) heatmap(c echo.Context) error {
	lang := langOf(c)
	ctx := c.Request().Context()
	p, err := s.heatmapParams(c)
	if err != nil {
		return err
	}
	rows, err := queries.Compare(ctx, s.DB, p)
	if err != nil {
		return err
	}
	pg := s.page(c, lang, "heatmap", views.T(lang, "nav.heatmap"))
	pg.Form = s.form(lang, "/heatmap", p.Scope)
	pg.Form.Topics = s.topicOptions(lang, p.Topics)
	pg.Form.Levels = enumOptions(lang, "level.", queries.Levels, p.Level)
	pg.Form.Measures = enumOptions(lang, "measure.", queries.Measures, p.Measure)
	pg.Form.ShowTop, pg.Form.Top, pg.Form.Min = true, itoa(int64(p.Top)), itoa(int64(p.MinReports))
	if pg.Applied, err = s.applied(ctx, lang, p.Scope,
		views.Applied{Label: views.T(lang, "f.level"), Value: views.T(lang, "level."+string(p.Level))},
		views.Applied{Label: views.T(lang, "f.measure"), Value: views.T(lang, "measure."+string(p.Measure))},
	); err != nil {
		return err
	}
	if len(rows) == 0 {
		pg.Empty = views.T(lang, "empty.scope")
		return s.ok(c, views.ChartPage, pg)
	}
	n := len(p.Topics)
	var ys, yFrags []string
	var cells [][]*float64
	tbl := &views.Table{Columns: []views.Column{{Label: views.T(lang, "col.place")}}}
	for _, l := range p.Labels {
		tbl.Columns = append(tbl.Columns, views.Column{Label: l, Num: true})
	}
	tbl.Columns = append(tbl.Columns, views.Column{Label: views.T(lang, "col.total_reports"), Num: true})
	base := scopeQuery(p.Scope, lang, false)
	for i := 0; i+n <= len(rows); i += n {
		place := rows[i]
		name := placeLabel(place.Name, place.Code)
		frag := string(p.Level) + "=" + url.QueryEscape(place.Code)
		ys = append(ys, name)
		yFrags = append(yFrags, frag)
		row := make([]*float64, n)
		line := []views.Cell{{Text: name, Link: withQuery("/meetings", mergeQuery(base, frag))}}
		for j, r := range rows[i : i+n] {
			row[j] = r.Value
			cell := views.Cell{Text: formatValue(p.Measure, r.Value), Num: true}
			if r.Reports > 0 {
				cell.Link = withQuery("/meetings", mergeQuery(base, frag, "topic="+url.QueryEscape(r.Topic)))
			}
			line = append(line, cell)
		}
		cells = append(cells, row)
		line = append(line, views.Cell{Text: itoa(place.TotalReports), Num: true})
		tbl.Rows = append(tbl.Rows, line)
	}
	ch, err := views.HeatMap("heatmap", views.T(lang, "measure."+string(p.Measure)), appliedSubtitle(pg.Applied),
		p.Labels, ys, cells, chartFormat(p.Measure))
	if err != nil {
		return err
	}
	xFrags := topicFragments(p.Topics)
	if ch, err = ch.WithDrill(views.Drill{Base: withQuery("/meetings", base), X: xFrags, Y: yFrags}); err != nil {
		return err
	}
	pg.Charts = []views.Chart{ch}
	pg.Table = tbl
	pg.Note = views.T(lang, "note.heatmap") + " " + views.T(lang, "note.share")
	pg.Downloads = downloads("heatmap", c.QueryParams())
	return s.ok(c, views.ChartPage, pg)
}

func (s *server) apiHeatmap(c echo.Context) error {
	p, err := s.heatmapParams(c)
	if err != nil {
		return err
	}
	rows, err := queries.Compare(c.Request().Context(), s.DB, p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"query": p, "rows": nonNilRows(rows)})
}

// placeLabel is a place's name, or its code when no report names it.
func placeLabel(name, code string) string {
	if name == "" {
		return code
	}
	return name
}
