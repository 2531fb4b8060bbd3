package handlers

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"agendascope/queries"
	"agendascope/views"
)

func (s *server) overview(c echo.Context) error {
	lang := langOf(c)
	ctx := c.Request().Context()
	o, err := queries.GetOverview(ctx, s.DB)
	if err != nil {
		return err
	}
	p := s.page(c, lang, "overview", views.T(lang, "nav.overview"))
	if o.Reports == 0 {
		p.Empty = views.T(lang, "empty.db")
		return s.ok(c, views.OverviewPage, p)
	}
	nav := func(path string, q url.Values) string {
		if lang == views.EN {
			q.Set("lang", "en")
		}
		return withQuery(path, q)
	}
	pct := func(n int64) string {
		return strconv.FormatFloat(float64(n)*100/float64(o.Reports), 'f', 1, 64) + "%"
	}
	d := &views.OverviewData{}
	d.Stats = []views.Stat{
		{Label: views.T(lang, "ov.reports"), Value: itoa(o.Reports), Link: nav("/meetings", url.Values{})},
		{Label: views.T(lang, "ov.range"), Value: o.FirstDay + " – " + o.LastDay},
		{Label: views.T(lang, "ov.districts"), Value: itoa(o.Districts), Link: nav("/compare", url.Values{})},
		{Label: views.T(lang, "ov.chars"), Value: itoa(o.Chars)},
		{Label: views.T(lang, "ov.dated"), Value: itoa(o.Dated) + " (" + pct(o.Dated) + ")"},
		{Label: views.T(lang, "ov.undated"), Value: itoa(o.Undated), Warn: o.Undated > 0},
		{Label: views.T(lang, "ov.month_only"), Value: itoa(o.MonthOnly)},
		{Label: views.T(lang, "ov.no_district"), Value: itoa(o.NoDistrict), Warn: o.NoDistrict > 0},
		{Label: views.T(lang, "ov.no_chair"), Value: itoa(o.NoChair)},
		{Label: views.T(lang, "ov.spam"), Value: itoa(o.Spam)},
		{Label: views.T(lang, "ov.with_warnings"), Value: itoa(o.WithWarnings)},
		{Label: views.T(lang, "ov.ingest_errors"), Value: itoa(o.IngestErrors), Warn: o.IngestErrors > 0},
	}

	byTopic := map[string]queries.TopicTotal{}
	for _, t := range o.Topics {
		byTopic[t.Topic] = t
	}
	d.Topics = &views.Table{Columns: []views.Column{
		{Label: views.T(lang, "col.topic")}, {Label: views.T(lang, "col.reports"), Num: true},
		{Label: views.T(lang, "col.share"), Num: true}, {Label: views.T(lang, "col.mentions"), Num: true},
		{Label: views.T(lang, "nav.trends")}, {Label: views.T(lang, "nav.compare")}, {Label: views.T(lang, "nav.diffusion")},
	}}
	for _, t := range s.Taxonomy.Topics {
		tt := byTopic[t.ID]
		q := url.Values{"topic": {t.ID}}
		d.Topics.Rows = append(d.Topics.Rows, []views.Cell{
			{Text: label(lang, t), Link: nav("/meetings", url.Values{"topic": {t.ID}})},
			{Text: itoa(tt.Reports), Num: true}, {Text: pct(tt.Reports), Num: true}, {Text: itoa(tt.Mentions), Num: true},
			{Text: views.T(lang, "ov.trend"), Link: nav("/trends", cloneValues(q))},
			{Text: views.T(lang, "ov.compare"), Link: nav("/compare", cloneValues(q))},
			{Text: views.T(lang, "ov.diffusion"), Link: nav("/diffusion", cloneValues(q))},
		})
	}
	d.Years = countTable(lang, "col.period", o.Years, func(k string) (string, string) {
		if k == "0" {
			return views.T(lang, "ov.undated_year"), ""
		}
		return k, nav("/meetings", url.Values{"from": {k + "-01"}, "to": {k + "-12"}})
	})
	d.Sources = countTable(lang, "m.date_source", o.DateSources, nil)
	// Date sources are rule keys: named where known, shown as code where not.
	for i, ct := range o.DateSources {
		d.Sources.Rows[i][0] = ruleCell(lang, ct.Key)
	}
	d.Kinds = countTable(lang, "col.kind", o.Kinds, func(k string) (string, string) {
		return views.T(lang, "kind."+k), nav("/meetings", url.Values{"kind": {k}})
	})
	if len(o.Warnings) > 0 {
		d.Warnings = countTable(lang, "col.warning", o.Warnings, nil)
	}
	p.Data = d

	if len(o.Monthly) > 1 {
		x, y := fillMonths(o.Monthly)
		frags := make([]string, len(x))
		for i, m := range x {
			frags[i] = url.Values{"from": {m}, "to": {m}}.Encode()
		}
		ch, err := views.LineChart("volume", views.T(lang, "ov.volume"), "", x,
			[]views.Series{{Name: views.T(lang, "ov.reports"), Values: y}}, views.Integer)
		if err != nil {
			return err
		}
		if ch, err = ch.WithDrill(views.Drill{Base: nav("/meetings", url.Values{}), X: frags}); err != nil {
			return err
		}
		p.Charts = []views.Chart{ch}
	}
	return s.ok(c, views.OverviewPage, p)
}

func (s *server) apiOverview(c echo.Context) error {
	o, err := queries.GetOverview(c.Request().Context(), s.DB)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, o)
}

func countTable(lang views.Lang, keyLabel string, counts []queries.Count, name func(string) (string, string)) *views.Table {
	t := &views.Table{Columns: []views.Column{{Label: views.T(lang, keyLabel)}, {Label: views.T(lang, "col.count"), Num: true}}}
	for _, ct := range counts {
		text, link := ct.Key, ""
		if name != nil {
			text, link = name(ct.Key)
		}
		t.Rows = append(t.Rows, []views.Cell{{Text: text, Link: link}, {Text: itoa(ct.Reports), Num: true}})
	}
	return t
}

func cloneValues(q url.Values) url.Values {
	out := url.Values{}
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// maxVolumeMonths bounds the overview's volume chart (a century of months).
const maxVolumeMonths = 1200

// fillMonths spreads per-month counts (sorted YYYY-MM keys) over every month
// from the first to the last, so that months without reports show as zero
// instead of vanishing from the axis.
func fillMonths(counts []queries.Count) ([]string, []*float64) {
	first, err1 := time.Parse("2006-01", counts[0].Key)
	last, err2 := time.Parse("2006-01", counts[len(counts)-1].Key)
	byMonth := map[string]int64{}
	for _, c := range counts {
		byMonth[c.Key] = c.Reports
	}
	var x []string
	var y []*float64
	if err1 != nil || err2 != nil {
		for _, c := range counts {
			v := float64(c.Reports)
			x, y = append(x, c.Key), append(y, &v)
		}
		return x, y
	}
	for m := first; !m.After(last) && len(x) < maxVolumeMonths; m = m.AddDate(0, 1, 0) {
		key := m.Format("2006-01")
		v := float64(byMonth[key])
		x, y = append(x, key), append(y, &v)
	}
	return x, y
}
