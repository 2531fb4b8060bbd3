package handlers

import (
	"encoding/json"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"

	"agendascope/queries"
	"agendascope/views"
)

// maxIDLength bounds the id in /meetings/:id; ids are hashes.
const maxIDLength = 200

func meetingID(c echo.Context) (string, error) {
	id := c.Param("id")
	if id == "" || len(id) > maxIDLength || strings.ContainsAny(id, "\x00\n\r") {
		return "", badParam("id", "malformed meeting id")
	}
	return id, nil
}

func (s *server) meeting(c echo.Context) error {
	lang := langOf(c)
	id, err := meetingID(c)
	if err != nil {
		return err
	}
	m, err := queries.GetMeeting(c.Request().Context(), s.DB, id)
	if err != nil {
		return err
	}
	title := meetingTitle(lang, m.Title, m.District, m.MeetingDate, m.ID)
	pg := s.page(c, lang, "meetings", title)
	nav := func(path string, q url.Values) string {
		if lang == views.EN {
			q.Set("lang", "en")
		}
		return withQuery(path, q)
	}
	d := &views.MeetingData{Back: backURL(lang, c.QueryParam("back")), Spam: m.Spam, Warnings: m.Warnings}
	place := strings.TrimSpace(strings.Join([]string{m.Province, m.City, m.District}, " "))
	if m.DistrictCode != "" {
		place += " (" + m.DistrictCode + ")"
	}
	date := m.MeetingDate
	if date == "" {
		date = views.T(lang, "m.undated")
	}
	rec := []views.Stat{
		{Label: views.T(lang, "col.date"), Value: date},
		{Label: views.T(lang, "m.place"), Value: place},
		{Label: views.T(lang, "col.chair"), Value: m.Chair},
		{Label: views.T(lang, "col.kinds"), Value: s.kindLabels(lang, strings.Join(m.MeetingKinds, ";"))},
		{Label: views.T(lang, "m.session"), Value: m.Session},
		{Label: views.T(lang, "m.published"), Value: m.PublishedDate},
		{Label: views.T(lang, "m.date_source"), Value: ruleText(lang, m.DateSource)},
		{Label: views.T(lang, "col.chars"), Value: itoa(m.Chars)},
		{Label: views.T(lang, "m.script"), Value: strings.Trim(m.Script+" / "+m.Lang+" / "+m.Encoding, " /")},
		// The source address is shown, not linked: pages reference no
		// outside host, and the scheme is dropped so none is even written.
		{Label: views.T(lang, "m.source"), Value: withoutScheme(firstNonEmpty(m.URL, m.Source))},
		{Label: "ID", Value: m.ID},
	}
	if m.DistrictCode != "" {
		rec[1].Link = nav("/meetings", url.Values{"district": {m.DistrictCode}})
	}
	for _, r := range rec {
		if r.Value != "" {
			d.Record = append(d.Record, r)
		}
	}
	index := map[string]int{}
	for i, t := range s.Taxonomy.Topics {
		index[t.ID] = i
	}
	for _, t := range m.Topics {
		i, ok := index[t.Topic]
		class := ""
		if ok {
			class = "t" + itoa(int64(i%markClasses))
		}
		d.Topics = append(d.Topics, views.TopicChip{Label: s.topicLabel(lang, t.Topic), Mentions: t.Mentions, Class: class,
			Link: nav("/meetings", url.Values{"topic": {t.Topic}})})
	}
	if len(m.Items) > 0 {
		d.Items = &views.Table{Columns: []views.Column{{Label: "#", Num: true}, {Label: views.T(lang, "col.kind")},
			{Label: views.T(lang, "col.text")}, {Label: views.T(lang, "col.topics")}}}
		for _, it := range m.Items {
			counts := map[string]int64{}
			for _, t := range it.Topics {
				counts[t.Topic] = t.Mentions
			}
			d.Items.Rows = append(d.Items.Rows, []views.Cell{{Text: itoa(it.Index + 1), Num: true}, {Text: it.Kind},
				{Text: it.Text}, {Text: s.topicSummary(lang, counts)}})
		}
	}
	if len(m.Documents) > 0 {
		d.Documents = &views.Table{Columns: []views.Column{{Label: "#", Num: true}, {Label: views.T(lang, "col.verb")},
			{Label: views.T(lang, "col.title")}}}
		for _, doc := range m.Documents {
			d.Documents.Rows = append(d.Documents.Rows, []views.Cell{{Text: itoa(doc.Index + 1), Num: true},
				{Text: doc.Verb}, {Text: "《" + doc.Title + "》"}})
		}
	}
	d.Evidence = evidenceTable(lang, m.Evidence)
	d.Text = s.markers[lang].Mark(m.Text)
	pg.Data = d
	return s.ok(c, views.MeetingPage, pg)
}

func (s *server) apiMeeting(c echo.Context) error {
	id, err := meetingID(c)
	if err != nil {
		return err
	}
	m, err := queries.GetMeeting(c.Request().Context(), s.DB, id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, m)
}

// evidenceTable shows the extraction evidence (field -> {rule, text}).
func evidenceTable(lang views.Lang, raw string) *views.Table {
	if raw == "" {
		return nil
	}
	var ev map[string]json.RawMessage
	if err := json.Unmarshal([]byte(raw), &ev); err != nil || len(ev) == 0 {
		return nil
	}
	fields := make([]string, 0, len(ev))
	for f := range ev {
		fields = append(fields, f)
	}
	sort.Strings(fields)
	t := &views.Table{Columns: []views.Column{{Label: views.T(lang, "m.field")}, {Label: views.T(lang, "m.rule")}, {Label: views.T(lang, "col.text")}}}
	for _, f := range fields {
		var e struct {
			Rule string `json:"rule"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(ev[f], &e); err != nil {
			t.Rows = append(t.Rows, []views.Cell{{Text: views.FieldLabel(lang, f)}, {Text: ""}, {Text: withoutScheme(string(ev[f]))}})
			continue
		}
		t.Rows = append(t.Rows, []views.Cell{{Text: views.FieldLabel(lang, f)}, ruleCell(lang, e.Rule), {Text: withoutScheme(e.Text)}})
	}
	return t
}

// ruleCell names an extraction rule key; a key with no name is shown as
// code, so it reads as a key rather than as words.
func ruleCell(lang views.Lang, key string) views.Cell {
	l, ok := views.RuleLabel(lang, key)
	return views.Cell{Text: l, Code: !ok && key != ""}
}

// ruleText names a rule key, or keeps it as it is.
func ruleText(lang views.Lang, key string) string {
	l, _ := views.RuleLabel(lang, key)
	return l
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// withoutScheme drops http:// and https:// wherever they appear.
func withoutScheme(s string) string {
	r := strings.NewReplacer("https://", "", "http://", "", "HTTPS://", "", "HTTP://", "")
	return r.Replace(s)
}
