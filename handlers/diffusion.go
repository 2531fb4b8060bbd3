package handlers

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"agendascope/queries"
	"agendascope/views"
)

// diffusionParams reads /diffusion's query: the usual scope, one subject
// (topic=ID or term=TEXT) and the curve's period. A request without a
// subject is valid for the page, which then shows the form.
func (s *server) diffusionParams(c echo.Context) (queries.DiffusionParams, error) {
	q := c.QueryParams()
	var p queries.DiffusionParams
	var err error
	if p.Scope, err = s.scope(q, false); err != nil {
		return p, err
	}
	topics, err := s.topics(q, nil)
	if err != nil {
		return p, err
	}
	if len(topics) > 1 {
		return p, badParam("topic", "give one topic, not %d", len(topics))
	}
	if len(topics) == 1 {
		p.Topic = topics[0]
	}
	p.Term = strings.TrimSpace(s.Simplify(strings.TrimSpace(q.Get("term"))))
	if len([]rune(p.Term)) > queries.MaxTermLength {
		return p, badParam("term", "longer than %d characters", queries.MaxTermLength)
	}
	if p.Topic != "" && p.Term != "" {
		return p, badParam("term", "give a topic or a term, not both")
	}
	if p.Period, err = period(q, queries.Month); err != nil {
		return p, err
	}
	return p, nil
}

// needSubject refuses a diffusion query with neither topic nor term, for
// the API and downloads (the page shows its form instead).
func needSubject(p queries.DiffusionParams) error {
	if p.Topic == "" && p.Term == "" {
		return badParam("topic", "give a topic (topic=ID, see /api/topics) or a term (term=TEXT)")
	}
	return nil
}

// subject is what the diffusion is of, as a page names it, and the query
// fragment that selects its meetings in /meetings.
func (s *server) subject(lang views.Lang, p queries.DiffusionParams) (label, applied, frag string) {
	if p.Topic != "" {
		return s.topicLabel(lang, p.Topic), views.T(lang, "f.topic"), "topic=" + url.QueryEscape(p.Topic)
	}
	return p.Term, views.T(lang, "col.term"), "q=" + url.QueryEscape(p.Term)
}

func (s *server) diffusion(c echo.Context) error {
	lang := langOf(c)
	ctx := c.Request().Context()
	p, err := s.diffusionParams(c)
	if err != nil {
		return err
	}
	pg := s.page(c, lang, "diffusion", views.T(lang, "nav.diffusion"))
	pg.Intro = views.T(lang, "intro.diffusion")
	pg.Form = s.form(lang, "/diffusion", p.Scope)
	pg.Form.Topic = append([]views.Option{{Value: "", Label: views.T(lang, "f.none")}}, s.topicOptions(lang, []string{p.Topic})...)
	pg.Form.ShowTerm, pg.Form.Term = true, p.Term
	pg.Form.Periods = enumOptions(lang, "period.", queries.Periods, p.Period)
	if p.Topic == "" && p.Term == "" {
		pg.Empty = views.T(lang, "empty.subject")
		return s.ok(c, views.ChartPage, pg)
	}
	name, kind, frag := s.subject(lang, p)
	if pg.Applied, err = s.applied(ctx, lang, p.Scope,
		views.Applied{Label: kind, Value: name},
		views.Applied{Label: views.T(lang, "f.period"), Value: views.T(lang, "period."+string(p.Period))},
	); err != nil {
		return err
	}
	pg.Related = s.diffusionRelated(lang, p)
	d, err := queries.GetDiffusion(ctx, s.DB, p)
	if err != nil {
		return err
	}
	switch {
	case d.Districts == 0:
		pg.Empty = views.T(lang, "empty.districts")
		return s.ok(c, views.ChartPage, pg)
	case len(d.Adopters) == 0:
		pg.Empty = views.T(lang, "empty.adopters")
		return s.ok(c, views.ChartPage, pg)
	}

	x := make([]string, len(d.Curve))
	adopted := make([]int, len(d.Curve))
	frags := make([]string, len(d.Curve))
	for i, pt := range d.Curve {
		x[i], adopted[i] = pt.Period, pt.Adopted
		frags[i] = periodRange(pt.PeriodStart.Format("2006-01-02"), p.Period, p.Scope)
	}
	ch, err := views.AdoptionChart("diffusion", views.T(lang, "diffusion.title")+" · "+name, appliedSubtitle(pg.Applied),
		x, adopted, d.Districts, views.T(lang, "diffusion.count"), views.T(lang, "diffusion.share"))
	if err != nil {
		return err
	}
	base := scopeQuery(p.Scope, lang, true)
	if ch, err = ch.WithDrill(views.Drill{Base: withQuery("/meetings", mergeQuery(base, frag)), X: frags}); err != nil {
		return err
	}
	pg.Charts = []views.Chart{ch}
	pg.Table = s.adoptersTable(ctx, lang, p, d, frag)
	pg.Note = fmt.Sprintf(views.T(lang, "note.diffusion"), d.Districts)
	if d.YearOnly > 0 {
		pg.Note += " " + fmt.Sprintf(views.T(lang, "note.diffusion_year_only"), d.YearOnly)
	}
	if len(d.Adopters) > maxAdopterRows {
		pg.Note += " " + fmt.Sprintf(views.T(lang, "note.adopters_cut"), maxAdopterRows, len(d.Adopters))
	}
	pg.Downloads = downloads("diffusion", c.QueryParams())
	return s.ok(c, views.ChartPage, pg)
}

// maxAdopterRows bounds the adopters table on the page: a topic most
// districts took up has thousands, a megabyte of page that no one reads
// down to the end; the API and the downloads list them all.
const maxAdopterRows = 500

// adoptersTable lists the first adopters in order (up to maxAdopterRows);
// each row links to the first meeting and to all the district's meetings on
// the subject.
func (s *server) adoptersTable(ctx context.Context, lang views.Lang, p queries.DiffusionParams, d *queries.Diffusion, frag string) *views.Table {
	detail := ""
	if lang == views.EN {
		detail = "?lang=en"
	}
	tbl := &views.Table{Columns: []views.Column{
		{Label: views.T(lang, "col.rank"), Num: true}, {Label: views.T(lang, "col.district")},
		{Label: views.T(lang, "col.city")}, {Label: views.T(lang, "col.province")},
		{Label: views.T(lang, "col.first_date")}, {Label: views.T(lang, "col.title")},
		{Label: views.T(lang, "col.meetings_on"), Num: true},
	}}
	// The district's meetings keep the dates and kind but not the place
	// filters, which the district itself replaces.
	base := scopeQuery(p.Scope, lang, false)
	for i, a := range d.Adopters[:min(len(d.Adopters), maxAdopterRows)] {
		link := "/meetings/" + url.PathEscape(a.ReportID) + detail
		title := meetingTitle(lang, a.Title, a.District, a.MeetingDate, a.ReportID)
		q := mergeQuery(base, frag)
		q.Set("district", a.DistrictCode)
		tbl.Rows = append(tbl.Rows, []views.Cell{
			{Text: strconv.Itoa(i + 1), Num: true},
			{Text: fmt.Sprintf("%s (%s)", a.District, a.DistrictCode), NoWrap: true},
			{Text: a.City}, {Text: a.Province},
			{Text: a.MeetingDate, Link: link},
			{Text: title, Link: link},
			{Text: itoa(a.Meetings), Num: true, Link: withQuery("/meetings", q)},
		})
	}
	return tbl
}

// diffusionRelated links the subject's other views: its trend over time
// and the list of its meetings.
func (s *server) diffusionRelated(lang views.Lang, p queries.DiffusionParams) []views.Link {
	base := scopeQuery(p.Scope, lang, true)
	name, _, frag := s.subject(lang, p)
	var out []views.Link
	if p.Topic != "" {
		out = append(out, views.Link{Label: views.T(lang, "nav.trends") + " · " + name,
			URL: withQuery("/trends", mergeQuery(base, frag))})
	} else {
		out = append(out, views.Link{Label: views.T(lang, "nav.terms") + " · " + name,
			URL: withQuery("/terms", mergeQuery(base, "q="+url.QueryEscape(p.Term)))})
	}
	out = append(out, views.Link{Label: views.T(lang, "nav.meetings") + " · " + name,
		URL: withQuery("/meetings", mergeQuery(base, frag))})
	return out
}

func (s *server) apiDiffusion(c echo.Context) error {
	p, err := s.diffusionParams(c)
	if err != nil {
		return err
	}
	if err := needSubject(p); err != nil {
		return err
	}
	d, err := queries.GetDiffusion(c.Request().Context(), s.DB, p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"query": p, "districts": d.Districts, "year_only": d.YearOnly,
		"adopters": d.Adopters, "curve": d.Curve})
}

// downloadDiffusionJSON is diffusion.json: the adopters table with the
// columns and date format of the other downloads, and the adoption curve as
// a second field.
func (s *server) downloadDiffusionJSON(c echo.Context, p queries.DiffusionParams) error {
	d, err := queries.GetDiffusion(c.Request().Context(), s.DB, p)
	if err != nil {
		return err
	}
	const day = "2006-01-02"
	adopters := make([]orderedRow, len(d.Adopters))
	for i, a := range d.Adopters {
		adopters[i] = orderedRow{{"district_code", a.DistrictCode}, {"district", a.District}, {"city", a.City},
			{"province", a.Province}, {"first_meeting_date", a.MeetingDate}, {"first_day", a.FirstDay.Format(day)},
			{"adopted_by", a.AdoptedBy.Format(day)}, {"report_id", a.ReportID}, {"title", a.Title}, {"url", a.URL},
			{"meetings", a.Meetings}, {"districts_in_scope", a.Districts}}
	}
	curve := make([]orderedRow, len(d.Curve))
	for i, pt := range d.Curve {
		curve[i] = orderedRow{{"period", pt.Period}, {"period_start", pt.PeriodStart.Format(day)},
			{"new", pt.New}, {"adopted", pt.Adopted}, {"share", pt.Share}}
	}
	body, err := json.Marshal(orderedRow{{"districts_in_scope", d.Districts}, {"adopters", adopters}, {"curve", curve}})
	if err != nil {
		return fmt.Errorf("encode diffusion download: %w", err)
	}
	startDownload(c, "diffusion.json", "application/json; charset=utf-8")
	_, err = c.Response().Write(append(body, '\n'))
	return err
}
