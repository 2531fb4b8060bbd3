package handlers

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"agendascope/queries"
	"agendascope/views"
)

const defaultPageSize = 50

type meetingsRequest struct {
	queries.MeetingsParams
	Page int `json:"page"`
}

func (s *server) meetingsParams(c echo.Context) (meetingsRequest, error) {
	q := c.QueryParams()
	var r meetingsRequest
	var err error
	if r.Scope, err = s.scope(q, true); err != nil {
		return r, err
	}
	if r.Topics, err = s.topics(q, nil); err != nil {
		return r, err
	}
	if r.Limit, err = intParam(q, "per", defaultPageSize, 1, queries.MaxPageSize); err != nil {
		return r, err
	}
	if r.Page, err = intParam(q, "page", 1, 1, 1_000_000); err != nil {
		return r, err
	}
	r.Offset = (r.Page - 1) * r.Limit
	return r, nil
}

func (s *server) meetings(c echo.Context) error {
	lang := langOf(c)
	ctx := c.Request().Context()
	r, err := s.meetingsParams(c)
	if err != nil {
		return err
	}
	page, err := queries.Meetings(ctx, s.DB, r.MeetingsParams)
	if err != nil {
		return err
	}
	pg := s.page(c, lang, "meetings", views.T(lang, "nav.meetings"))
	pg.Form = s.form(lang, "/meetings", r.Scope)
	pg.Form.Topics = s.topicOptions(lang, r.Topics)
	pg.Form.ShowQ, pg.Form.Q = true, r.Scope.Q
	var extra []views.Applied
	if len(r.Topics) > 0 {
		extra = append(extra, views.Applied{Label: views.T(lang, "f.topics"), Value: joinLabels(s.labels(lang, r.Topics))})
	}
	if pg.Applied, err = s.applied(ctx, lang, r.Scope, extra...); err != nil {
		return err
	}
	if page.Total == 0 {
		pg.Empty = views.T(lang, "empty.scope")
		return s.ok(c, views.MeetingsPage, pg)
	}
	pages := int((page.Total + int64(r.Limit) - 1) / int64(r.Limit))
	d := &views.MeetingsData{
		Total:    fmt.Sprintf(views.T(lang, "m.total"), page.Total),
		PageInfo: fmt.Sprintf(views.T(lang, "m.page"), r.Page, pages),
	}
	q := c.QueryParams()
	pageURL := func(n int) string {
		qq := cloneValues(q)
		qq.Set("page", strconv.Itoa(n))
		return withQuery("/meetings", qq)
	}
	if r.Page > 1 {
		d.Prev = pageURL(min(r.Page-1, pages))
	}
	if r.Page < pages {
		d.Next = pageURL(r.Page + 1)
	}
	pg.Data = d
	// Each report links back to this very list (filters, page and all), so
	// that the report's "back" link does not drop them.
	dq := url.Values{}
	if raw := c.Request().URL.RawQuery; raw != "" && len(raw) <= maxBackLength {
		dq.Set("back", raw)
	}
	if lang == views.EN {
		dq.Set("lang", "en")
	}
	detail := ""
	if len(dq) > 0 {
		detail = "?" + dq.Encode()
	}
	tbl := &views.Table{Columns: []views.Column{{Label: views.T(lang, "col.date")}, {Label: views.T(lang, "col.district")},
		{Label: views.T(lang, "col.title")}, {Label: views.T(lang, "col.kinds")}, {Label: views.T(lang, "col.chair")},
		{Label: views.T(lang, "col.topics")}, {Label: views.T(lang, "col.chars"), Num: true}}}
	for _, m := range page.Rows {
		link := "/meetings/" + url.PathEscape(m.ID) + detail
		date := m.MeetingDate
		if date == "" {
			date = views.T(lang, "m.undated")
		}
		title := meetingTitle(lang, m.Title, m.District, m.MeetingDate, m.ID)
		tbl.Rows = append(tbl.Rows, []views.Cell{
			{Text: date, Link: link},
			{Text: strings.TrimSpace(m.City + " " + m.District), NoWrap: true},
			{Text: title, Link: link},
			{Text: s.kindLabels(lang, m.MeetingKinds)},
			{Text: m.Chair, NoWrap: true},
			{Text: s.topTopics(lang, m.Topics, listedTopics)},
			{Text: itoa(m.Chars), Num: true},
		})
	}
	pg.Table = tbl
	dl := cloneValues(q)
	dl.Del("page")
	dl.Del("per")
	pg.Downloads = downloads("meetings", dl)
	return s.ok(c, views.MeetingsPage, pg)
}

func (s *server) apiMeetings(c echo.Context) error {
	r, err := s.meetingsParams(c)
	if err != nil {
		return err
	}
	page, err := queries.Meetings(c.Request().Context(), s.DB, r.MeetingsParams)
	if err != nil {
		return err
	}
	page.Rows = nonNilRows(page.Rows)
	return c.JSON(http.StatusOK, map[string]any{"query": r, "total": page.Total, "rows": page.Rows})
}

func (s *server) kindLabels(lang views.Lang, kinds string) string {
	var out []string
	for _, k := range strings.Split(kinds, ";") {
		if k != "" {
			out = append(out, views.T(lang, "kind."+k))
		}
	}
	return strings.Join(out, "、")
}

// topicSummary writes a report's topic counts in taxonomy order.
func (s *server) topicSummary(lang views.Lang, counts map[string]int64) string {
	var parts []string
	seen := map[string]bool{}
	for _, t := range s.Taxonomy.Topics {
		if n, ok := counts[t.ID]; ok {
			parts = append(parts, fmt.Sprintf("%s %d", label(lang, t), n))
			seen[t.ID] = true
		}
	}
	var rest []string
	for id, n := range counts {
		if !seen[id] {
			rest = append(rest, fmt.Sprintf("%s %d", id, n))
		}
	}
	sort.Strings(rest)
	return strings.Join(append(parts, rest...), "、")
}

// listedTopics is how many topics a row of the meetings list names.
const listedTopics = 5

// topTopics names a report's most mentioned topics, most first.
func (s *server) topTopics(lang views.Lang, counts map[string]int64, n int) string {
	ids := make([]string, 0, len(counts))
	for id := range counts {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool {
		if counts[ids[i]] != counts[ids[j]] {
			return counts[ids[i]] > counts[ids[j]]
		}
		return ids[i] < ids[j]
	})
	var parts []string
	for i, id := range ids {
		if i == n {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, fmt.Sprintf("%s %d", s.topicLabel(lang, id), counts[id]))
	}
	return strings.Join(parts, "、")
}

// maxBackLength bounds the list query a report page carries for its back
// link; longer ones are dropped rather than echoed.
const maxBackLength = 2000

// backURL is the meetings list a report was opened from: back is that list's
// query string, accepted only if it parses, and always put under /meetings so
// that it cannot point anywhere else. The list is given in the report's
// language.
func backURL(lang views.Lang, back string) string {
	q, err := url.ParseQuery(back)
	if back == "" || len(back) > maxBackLength || err != nil {
		q = url.Values{}
		back = ""
	}
	if (q.Get("lang") == "en") != (lang == views.EN) {
		if lang == views.EN {
			q.Set("lang", "en")
		} else {
			q.Del("lang")
		}
		back = q.Encode()
	}
	// Re-encoded only when the language changed: as given, it keeps the
	// list's own parameter order, so the link is the list's own URL.
	if back == "" {
		return "/meetings"
	}
	return "/meetings?" + back
}

// meetingTitle is the report's title, or one made from what is known:
// "惠山区 2023-01-05 会议" / "惠山区 meeting of 2023-01-05".
func meetingTitle(lang views.Lang, title, district, date, id string) string {
	if title != "" {
		return title
	}
	if district == "" && date == "" {
		return id
	}
	if date == "" {
		return strings.TrimSpace(fmt.Sprintf(views.T(lang, "m.untitled_undated"), district))
	}
	return strings.TrimSpace(fmt.Sprintf(views.T(lang, "m.untitled"), district, date))
}
