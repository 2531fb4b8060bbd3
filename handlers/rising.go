package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"agendascope/queries"
	"agendascope/views"
)

// scopeParams are the filters other pages take; rising terms are counted
// over the whole corpus (term_counts has no geography or meeting kind), so
// a request naming one is refused rather than answered for everything.
var scopeParams = []string{"district", "city", "province", "from", "to", "kind", "q", "topic", "term"}

func (s *server) risingParams(c echo.Context) (queries.RisingParams, error) {
	q := c.QueryParams()
	var p queries.RisingParams
	var err error
	for _, name := range scopeParams {
		if strings.TrimSpace(q.Get(name)) != "" {
			return p, badParam(name, "rising terms are counted over the whole corpus; this filter does not apply here")
		}
	}
	if p.Period, err = period(q, queries.Quarter); err != nil {
		return p, err
	}
	if v := strings.TrimSpace(q.Get("current")); v != "" {
		if !queries.MonthPattern.MatchString(v) {
			return p, badParam("current", "malformed month %q (want YYYY-MM, any month of the period)", v)
		}
		p.Current = v
	}
	if p.Limit, err = intParam(q, "top", queries.DefaultRisingTerms, 1, queries.MaxRisingTerms); err != nil {
		return p, err
	}
	if p.MinReports, err = intParam(q, "min", queries.DefaultRisingReports, 1, 1_000_000); err != nil {
		return p, err
	}
	return p, nil
}

func (s *server) rising(c echo.Context) error {
	lang := langOf(c)
	ctx := c.Request().Context()
	p, err := s.risingParams(c)
	if err != nil {
		return err
	}
	r, err := queries.GetRising(ctx, s.DB, p)
	if err != nil {
		return err
	}
	pg := s.page(c, lang, "rising", views.T(lang, "nav.rising"))
	pg.Intro = views.T(lang, "intro.rising")
	pg.Form = &views.Form{Action: "/rising", NoDates: true,
		Periods: enumOptions(lang, "period.", queries.Periods, p.Period),
		ShowTop: true, Top: strconv.Itoa(p.Limit), Min: strconv.Itoa(p.MinReports)}
	labels := make([]string, len(r.Periods))
	for i, per := range r.Periods {
		labels[i] = per.Label
		pg.Form.Current = append(pg.Form.Current, views.Option{Value: per.Start, Label: per.Label, Selected: per.Label == r.Current})
	}
	pg.Applied = []views.Applied{{Label: views.T(lang, "f.period"), Value: views.T(lang, "period."+string(p.Period))}}
	if r.Current != "" {
		pg.Applied = append(pg.Applied, views.Applied{Label: views.T(lang, "f.current"),
			Value: fmt.Sprintf(views.T(lang, "rising.vs"), r.Current, r.Previous)})
	}
	pg.Applied = append(pg.Applied, views.Applied{Label: views.T(lang, "f.min_reports"), Value: strconv.Itoa(p.MinReports)})
	switch {
	case len(r.Periods) == 0:
		pg.Empty = views.T(lang, "empty.term_counts")
	case !slices.Contains(labels, r.Current):
		pg.Empty = fmt.Sprintf(views.T(lang, "empty.rising_period"), r.Current)
	case !slices.Contains(labels, r.Previous):
		pg.Empty = fmt.Sprintf(views.T(lang, "empty.rising_period"), r.Previous)
	case len(r.Terms) == 0:
		pg.Empty = fmt.Sprintf(views.T(lang, "empty.rising_min"), r.Current, p.MinReports)
	}
	if pg.Empty != "" {
		return s.ok(c, views.ChartPage, pg)
	}

	terms := make([]string, len(r.Terms))
	z := make([]*float64, len(r.Terms))
	frags := make([]string, len(r.Terms))
	for i, t := range r.Terms {
		terms[i], z[i] = t.Term, &r.Terms[i].Z
		frags[i] = url.Values{"q": {t.Term}, "period": {string(p.Period)}}.Encode()
	}
	ch, err := views.BarChart("rising", views.T(lang, "rising.title"), appliedSubtitle(pg.Applied), terms,
		[]views.Series{{Name: "z", Values: z}}, views.Decimal)
	if err != nil {
		return err
	}
	nav := url.Values{}
	if lang == views.EN {
		nav.Set("lang", "en")
	}
	if ch, err = ch.WithDrill(views.Drill{Base: withQuery("/terms", nav), X: frags}); err != nil {
		return err
	}
	pg.Charts = []views.Chart{ch}
	pg.Table = risingTable(lang, r, frags, nav)
	pg.Note = views.T(lang, "note.rising")
	pg.Downloads = downloads("rising", c.QueryParams())
	return s.ok(c, views.ChartPage, pg)
}

// risingTable is the chart's numbers; each word links to its trend (the
// terms page at the same period) and to its diffusion.
func risingTable(lang views.Lang, r *queries.Rising, frags []string, nav url.Values) *views.Table {
	now := func(key string) views.Column {
		return views.Column{Label: views.T(lang, key) + " " + r.Current, Num: true}
	}
	before := func(key string) views.Column {
		return views.Column{Label: views.T(lang, key) + " " + r.Previous, Num: true}
	}
	tbl := &views.Table{Columns: []views.Column{
		{Label: views.T(lang, "col.rank"), Num: true}, {Label: views.T(lang, "col.term")},
		now("col.mentions_now"), before("col.mentions_before"), now("col.reports_now"), before("col.reports_before"),
		now("col.rate_now"), before("col.rate_before"), {Label: views.T(lang, "col.z"), Num: true},
		{Label: views.T(lang, "nav.diffusion")},
	}}
	rate := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
	for i, t := range r.Terms {
		diffusion := cloneValues(nav)
		diffusion.Set("term", t.Term)
		tbl.Rows = append(tbl.Rows, []views.Cell{
			{Text: strconv.Itoa(i + 1), Num: true},
			{Text: t.Term, Link: withQuery("/terms", mergeQuery(nav, frags[i]))},
			{Text: itoa(t.Mentions), Num: true}, {Text: itoa(t.PreviousMentions), Num: true},
			{Text: itoa(t.Reports), Num: true}, {Text: itoa(t.PreviousReports), Num: true},
			{Text: rate(t.Per10kWords), Num: true}, {Text: rate(t.PreviousPer10k), Num: true},
			{Text: strconv.FormatFloat(t.Z, 'f', 2, 64), Num: true},
			{Text: views.T(lang, "ov.diffusion"), Link: withQuery("/diffusion", diffusion)},
		})
	}
	return tbl
}

func (s *server) apiRising(c echo.Context) error {
	p, err := s.risingParams(c)
	if err != nil {
		return err
	}
	r, err := queries.GetRising(c.Request().Context(), s.DB, p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"query": p, "period": r.Period, "current": r.Current,
		"previous": r.Previous, "periods": r.Periods, "terms": r.Terms})
}
