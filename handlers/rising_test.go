package handlers_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"agendascope/analytics/topics"
	"agendascope/handlers"
	"agendascope/queries/querytest"
)

// The fixture's term counts by hand (queries/querytest): 2023 holds 数字政府
// 1 and 碳达峰 1 of 2 words, 2022 holds 13 words, 碳达峰 5 of them. With the
// prior α = 1000·(y₂₀₂₃+y₂₀₂₂)/15, z(数字政府) = 0.16023 and z(碳达峰) = 0.02348
// (worked out in queries/rising_test.go); rates per 10k words: 5000 and 0,
// 5000 and 3846.15.
func TestRisingPage(t *testing.T) {
	e := newServer(t)
	terms := func(w string) string { return "/terms?period=year&amp;q=" + url.QueryEscape(w) }
	tests := []struct {
		target string
		want   []string
	}{
		{"/rising?period=year&min=1", []string{`id="rising"`, "上升最多的词语", "Monroe", "数字政府", "碳达峰",
			"2023 对比 2022", "本期最少报道数: 1", ">0.16<", ">0.02<", ">5000.00<", ">3846.15<", ">0.00<",
			`href="` + terms("数字政府") + `"`, `href="` + terms("碳达峰") + `"`,
			`/diffusion?term=` + url.QueryEscape("数字政府"), "/download/rising.csv?min=1&amp;period=year",
			`<option value="2023-01" selected>2023</option>`, `<option value="2022-01">2022</option>`, "data-drill"}},
		{"/rising?period=year&min=1&lang=en", []string{"Words that rose most", "2023 vs 2022", "Mentions now 2023", "Per 10k words before 2022"}},
		// Default: the latest month with a previous month to compare, 2022-02.
		{"/rising?period=month&min=1", []string{"2022-02 对比 2022-01", "数字经济", `<option value="2022-02" selected>2022-02</option>`,
			`<option value="2023-03">2023-03</option>`}},
		{"/rising?period=quarter&min=1&top=1", []string{"2022-Q2 对比 2022-Q1", "低碳"}},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := get(t, e, tt.target)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(rec.Body.String(), w) {
					t.Errorf("body lacks %q", w)
				}
			}
		})
	}
	// Ranked by z: 数字政府 before 碳达峰; top=1 keeps one word.
	body := get(t, e, "/rising?period=year&min=1").Body.String()
	if strings.Index(body, ">数字政府<") > strings.Index(body, ">碳达峰<") {
		t.Error("数字政府 (z 0.16) should come before 碳达峰 (z 0.02)")
	}
	if body := get(t, e, "/rising?period=quarter&min=1&top=1").Body.String(); strings.Contains(body, ">安全生产<") {
		t.Error("top=1 shows a second word")
	}
}

func TestRisingEmpty(t *testing.T) {
	e := newServer(t)
	for target, want := range map[string]string{
		"/rising":                                    "2022-Q2 中没有词语出现在至少 2 篇报道里",
		"/rising?period=quarter&current=2023-02":     "2022-Q4 没有词频统计",
		"/rising?period=month&current=2030-01":       "2030-01 没有词频统计",
		"/rising?period=year&current=2022-06":        "2021 没有词频统计",
		"/rising?period=year&min=2&lang=en":          "No word appears in at least 2 reports of 2023",
		"/rising?period=month&current=2022-04":       "2022-03 没有词频统计",
		"/rising?period=month&current=2022-02&min=9": "至少 9 篇报道",
	} {
		rec := get(t, e, target)
		body := rec.Body.String()
		if rec.Code != http.StatusOK || !strings.Contains(body, `class="empty"`) || !strings.Contains(body, want) || strings.Contains(body, `class="chart"`) {
			t.Errorf("%s: status %d, want the message %q and no chart", target, rec.Code, want)
		}
	}
	// A database without word counts says where they come from.
	tax, err := topics.Default()
	if err != nil {
		t.Fatal(err)
	}
	db := querytest.Open(t)
	if _, err := db.SQL.ExecContext(context.Background(), "DELETE FROM term_counts"); err != nil {
		t.Fatal(err)
	}
	e2, err := handlers.New(handlers.Deps{DB: db, Taxonomy: tax, AccessLog: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if body := get(t, e2, "/rising").Body.String(); !strings.Contains(body, "没有词频统计") {
		t.Errorf("no term counts: %s", body)
	}
	if rec := get(t, e2, "/download/rising.csv"); rec.Code != http.StatusOK || !strings.HasPrefix(rec.Body.String(), "\uFEFFperiod,previous_period,term") {
		t.Errorf("empty download: %d %q", rec.Code, rec.Body.String())
	}
}

func TestRisingAPIAndDownloads(t *testing.T) {
	e := newServer(t)
	var api struct {
		Current, Previous string
		Periods           []struct{ Label, Start string }
		Terms             []struct {
			Term     string
			Mentions int64
			Z        float64
		}
	}
	if err := json.Unmarshal(get(t, e, "/api/rising?period=year&min=1").Body.Bytes(), &api); err != nil {
		t.Fatal(err)
	}
	if api.Current != "2023" || api.Previous != "2022" || len(api.Periods) != 2 || api.Periods[0].Start != "2023-01" ||
		len(api.Terms) != 2 || api.Terms[0].Term != "数字政府" || math.Abs(api.Terms[0].Z-0.16023169356142938) > 1e-9 ||
		math.Abs(api.Terms[1].Z-0.023482722721009062) > 1e-9 {
		t.Errorf("api %+v", api)
	}

	rec := get(t, e, "/download/rising.csv?period=year&min=1")
	body := rec.Body.String()
	if !strings.HasPrefix(body, "\uFEFF") {
		t.Fatalf("no BOM: %q", body[:min(8, len(body))])
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 || strings.Join(recs[0], ",") != "period,previous_period,term,mentions,previous_mentions,reports,previous_reports,per10k_words,previous_per10k_words,z" {
		t.Fatalf("csv %v", recs)
	}
	if got := strings.Join(recs[1][:9], ","); got != "2023,2022,数字政府,1,0,1,0,5000,0" || !strings.HasPrefix(recs[1][9], "0.16023169356") {
		t.Errorf("first row %v", recs[1])
	}
	var rows []map[string]any
	if err := json.Unmarshal(get(t, e, "/download/rising.json?period=year&min=1").Body.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1]["term"] != "碳达峰" || rows[1]["previous_mentions"] != 5.0 {
		t.Errorf("json %v", rows)
	}
	// The download of the default page is the default page's table.
	recs, err = csv.NewReader(strings.NewReader(strings.TrimPrefix(get(t, e, "/download/rising.csv?period=month&min=1").Body.String(), "\uFEFF"))).ReadAll()
	if err != nil || len(recs) != 2 || recs[1][0] != "2022-02" || recs[1][2] != "数字经济" {
		t.Errorf("default month download %v (%v)", recs, err)
	}
}

func TestRisingBadParameters(t *testing.T) {
	e := newServer(t)
	tests := []struct{ target, param string }{
		{"/rising?period=week", "period"},
		{"/rising?current=2022-13", "current"},
		{"/rising?current=22-01", "current"},
		{"/rising?current=2022", "current"},
		{"/rising?top=0", "top"},
		{"/rising?top=501", "top"},
		{"/rising?top=x", "top"},
		{"/rising?min=0", "min"},
		{"/rising?min=-3", "min"},
		{"/rising?district=320206", "district"},
		{"/rising?city=3202", "city"},
		{"/rising?province=32", "province"},
		{"/rising?from=2022-01", "from"},
		{"/rising?to=2022-01", "to"},
		{"/rising?kind=executive", "kind"},
		{"/rising?q=碳达峰", "q"},
		{"/rising?topic=safety", "topic"},
		{"/api/rising?period=decade", "period"},
		{"/api/rising?current=x", "current"},
		{"/api/rising?district=320206", "district"},
		{"/download/rising.csv?top=1000", "top"},
		{"/download/rising.json?period=week", "period"},
		{"/download/rising.xlsx?min=x", "min"},
		{"/download/rising.parquet?current=2022-00", "current"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) { wantBadParam(t, get(t, e, tt.target), tt.target, tt.param) })
	}
}

func TestNavAndCrossLinks(t *testing.T) {
	e := newServer(t)
	for _, target := range []string{"/", "/trends", "/meetings", "/diffusion", "/rising"} {
		body := get(t, e, target).Body.String()
		if !strings.Contains(body, `href="/diffusion"`) || !strings.Contains(body, `href="/rising"`) {
			t.Errorf("%s: navigation lacks diffusion or rising", target)
		}
	}
	if body := get(t, e, "/?lang=en").Body.String(); !strings.Contains(body, `href="/diffusion?lang=en"`) ||
		!strings.Contains(body, `href="/diffusion?lang=en&amp;topic=safety"`) {
		t.Error("overview: no diffusion link per topic")
	}
	body := get(t, e, "/terms?q=碳达峰,碳中和&district=320206").Body.String()
	for _, w := range []string{"/diffusion?district=320206&amp;term=" + url.QueryEscape("碳达峰"), "碳中和 的扩散"} {
		if !strings.Contains(body, w) {
			t.Errorf("terms page lacks %q", w)
		}
	}
}
