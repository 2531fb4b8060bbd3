package handlers

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"agendascope/analytics/topics"
	"agendascope/queries"
	"agendascope/views"
)

// placeNames names codes with the gazetteer, then the reports for the rest.
func (s *server) placeNames(ctx context.Context, codes []string) (map[string]string, error) {
	names := map[string]string{}
	var missing []string
	for _, c := range codes {
		if n, ok := s.PlaceName(c); ok {
			names[c] = n
		} else {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		fromDB, err := queries.PlaceNames(ctx, s.DB, missing)
		if err != nil {
			return nil, err
		}
		for c, n := range fromDB {
			names[c] = n
		}
	}
	return names, nil
}

func (s *server) page(c echo.Context, lang views.Lang, nav, title string) *views.Page {
	return &views.Page{Lang: lang, Title: title, Nav: nav, Path: c.Request().URL.Path, Query: c.QueryParams()}
}

// render sends page name with status code. The page is rendered in full
// before anything is sent, so a template error still gets an error page.
func (s *server) render(c echo.Context, code int, name string, p *views.Page) error {
	var buf bytes.Buffer
	if err := s.views.Render(&buf, name, p); err != nil {
		return err
	}
	return c.HTMLBlob(code, buf.Bytes())
}

func (s *server) ok(c echo.Context, name string, p *views.Page) error {
	return s.render(c, http.StatusOK, name, p)
}

// topicLabel is a topic's name in lang.
func (s *server) topicLabel(lang views.Lang, id string) string {
	t, ok := s.Taxonomy.Get(id)
	if !ok {
		return id
	}
	return label(lang, t)
}

func label(lang views.Lang, t topics.Topic) string {
	if lang == views.EN {
		return t.EN
	}
	return t.ZH
}

func (s *server) labels(lang views.Lang, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = s.topicLabel(lang, id)
	}
	return out
}

// applied lists the filters in force by name, so a page says what it shows.
func (s *server) applied(ctx context.Context, lang views.Lang, sc queries.Scope, extra ...views.Applied) ([]views.Applied, error) {
	out := append([]views.Applied(nil), extra...)
	codes := append(append(append([]string(nil), sc.Districts...), sc.Cities...), sc.Provinces...)
	names, err := s.placeNames(ctx, codes)
	if err != nil {
		return nil, err
	}
	named := func(cs []string) string {
		parts := make([]string, len(cs))
		for i, c := range cs {
			if n, ok := names[c]; ok {
				parts[i] = fmt.Sprintf("%s (%s)", n, c)
			} else {
				parts[i] = c
			}
		}
		return strings.Join(parts, "、")
	}
	if len(sc.Districts) > 0 {
		out = append(out, views.Applied{Label: views.T(lang, "level.district"), Value: named(sc.Districts)})
	}
	if len(sc.Cities) > 0 {
		out = append(out, views.Applied{Label: views.T(lang, "level.city"), Value: named(sc.Cities)})
	}
	if len(sc.Provinces) > 0 {
		out = append(out, views.Applied{Label: views.T(lang, "level.province"), Value: named(sc.Provinces)})
	}
	if sc.From != "" || sc.To != "" {
		out = append(out, views.Applied{Label: views.T(lang, "col.period"), Value: orDots(sc.From) + " – " + orDots(sc.To)})
	}
	if sc.Kind != "" {
		out = append(out, views.Applied{Label: views.T(lang, "f.kind"), Value: views.T(lang, "kind."+sc.Kind)})
	}
	if sc.Q != "" {
		out = append(out, views.Applied{Label: views.T(lang, "f.q"), Value: sc.Q})
	}
	return out, nil
}

func orDots(s string) string {
	if s == "" {
		return "…"
	}
	return s
}

// form prefills the filter form with the scope.
func (s *server) form(lang views.Lang, action string, sc queries.Scope) *views.Form {
	f := &views.Form{Action: action, From: sc.From, To: sc.To, ShowPlaces: true,
		District: strings.Join(sc.Districts, ","), City: strings.Join(sc.Cities, ","), Province: strings.Join(sc.Provinces, ",")}
	f.Kinds = []views.Option{{Value: "", Label: views.T(lang, "f.any")}}
	for _, k := range knownKinds {
		f.Kinds = append(f.Kinds, views.Option{Value: k, Label: views.T(lang, "kind."+k), Selected: k == sc.Kind})
	}
	return f
}

func (s *server) topicOptions(lang views.Lang, selected []string) []views.Option {
	var out []views.Option
	for _, t := range s.Taxonomy.Topics {
		out = append(out, views.Option{Value: t.ID, Label: label(lang, t), Selected: slices.Contains(selected, t.ID)})
	}
	return out
}

func enumOptions[T ~string](lang views.Lang, prefix string, all []T, selected T) []views.Option {
	var out []views.Option
	for _, v := range all {
		out = append(out, views.Option{Value: string(v), Label: views.T(lang, prefix+string(v)), Selected: v == selected})
	}
	return out
}

// scopeQuery writes the scope back as URL parameters; places are left out
// when a drill-down is about to name the place itself.
func scopeQuery(sc queries.Scope, lang views.Lang, withPlaces bool) url.Values {
	q := url.Values{}
	if withPlaces {
		for _, c := range sc.Districts {
			q.Add("district", c)
		}
		for _, c := range sc.Cities {
			q.Add("city", c)
		}
		for _, c := range sc.Provinces {
			q.Add("province", c)
		}
	}
	if sc.From != "" {
		q.Set("from", sc.From)
	}
	if sc.To != "" {
		q.Set("to", sc.To)
	}
	if sc.Kind != "" {
		q.Set("kind", sc.Kind)
	}
	if lang == views.EN {
		q.Set("lang", "en")
	}
	return q
}

func withQuery(path string, q url.Values) string {
	if len(q) == 0 {
		return path
	}
	return path + "?" + q.Encode()
}

// periodRange is the from/to months a period covers, clamped to the
// scope's own bounds so that a drill-down lists exactly the reports the
// clicked cell counted (a quarter cut by from=2022-02 starts in February).
func periodRange(start string, p queries.Period, sc queries.Scope) string {
	from := start[:7]
	y, _ := strconv.Atoi(start[:4])
	m, _ := strconv.Atoi(start[5:7])
	m += p.Months() - 1
	y += (m - 1) / 12
	m = (m-1)%12 + 1
	to := fmt.Sprintf("%04d-%02d", y, m)
	if sc.From != "" && sc.From > from {
		from = sc.From
	}
	if sc.To != "" && sc.To < to {
		to = sc.To
	}
	return url.Values{"from": {from}, "to": {to}}.Encode()
}

// downloads links the table behind a chart in every format.
func downloads(name string, q url.Values) []views.Link {
	var out []views.Link
	for _, f := range []string{"csv", "xlsx", "parquet", "json"} {
		out = append(out, views.Link{Label: strings.ToUpper(f), URL: withQuery("/download/"+name+"."+f, q)})
	}
	return out
}

// formatValue writes a measure's value for a table cell.
func formatValue(m queries.Measure, v *float64) string {
	if v == nil {
		return "–"
	}
	switch m {
	case queries.Share:
		return strconv.FormatFloat(*v*100, 'f', 1, 64) + "%"
	case queries.Per10k:
		return strconv.FormatFloat(*v, 'f', 2, 64)
	}
	return strconv.FormatFloat(*v, 'f', 0, 64)
}

func chartFormat(m queries.Measure) views.Format {
	switch m {
	case queries.Share:
		return views.Percent
	case queries.Per10k:
		return views.Decimal
	}
	return views.Integer
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// topicFragments gives the query fragment that selects each topic, for the
// drill-down links of a chart's series or axis.
func topicFragments(topics []string) []string {
	frags := make([]string, len(topics))
	for i, t := range topics {
		frags[i] = "topic=" + url.QueryEscape(t)
	}
	return frags
}
