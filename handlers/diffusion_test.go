package handlers_test

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"agendascope/analytics/topics"
	"agendascope/handlers"
	"agendascope/queries"
	"agendascope/queries/querytest"
)

// The fixture's numbers by hand (queries/querytest): safety is taken up by
// 惠山 (r1, 2022-01-10), 滨湖 (r2, 2022-01-20) and 吴中 (r4, 2022-04, month
// only) among 4 districts with dated reports; r5 (惠山) is undated. The
// monthly curve runs 2022-01 … 2023-03 (r6, the last dated report): 2, 2, 2,
// 3, …, 3, i.e. 50%, 50%, 50%, 75%, …
func TestDiffusionPage(t *testing.T) {
	e := newServer(t)
	tests := []struct {
		target string
		want   []string
	}{
		{"/diffusion", []string{`class="empty"`, "请选择一个主题，或输入一个词语", `name="term"`, `name="topic"`, "政策扩散研究"}},
		{"/diffusion?topic=safety", []string{`id="diffusion"`, `data-formats="[&#34;integer&#34;,&#34;percent&#34;]"`,
			"已采纳区县数 · 安全生产", "惠山区 (320206)", "滨湖区 (320211)", "吴中区 (320506)",
			`<a href="/meetings/r1">2022-01-10</a>`, `<a href="/meetings/r4">2022-04</a>`, "惠山区常务会议 r1",
			"/meetings?district=320206&amp;topic=safety", "（4 个）", "/download/diffusion.csv?topic=safety",
			"/trends?topic=safety", "主题: 安全生产", "data-drill"}},
		{"/diffusion?topic=safety&lang=en", []string{"Districts that have taken it up · Work safety", "(4)", "First meeting",
			`<a href="/meetings/r1?lang=en">2022-01-10</a>`}},
		{"/diffusion?term=碳達峰&period=year", []string{"九龙坡区 (500107)", "/terms?q=", "词语: 碳达峰", "时间粒度: 年",
			"/meetings?district=500107&amp;q=%E7%A2%B3%E8%BE%BE%E5%B3%B0"}},
		{"/diffusion?topic=safety&city=3202&from=2022-01", []string{"无锡市 (3202)", "2022-01 – …", "（2 个）"}},
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
	// The adopters table holds the three districts in order of first meeting.
	body := get(t, e, "/diffusion?topic=safety").Body.String()
	if i, j, k := strings.Index(body, "惠山区 (320206)"), strings.Index(body, "滨湖区 (320211)"), strings.Index(body, "吴中区 (320506)"); !(i < j && j < k) {
		t.Errorf("adopters out of order: %d %d %d", i, j, k)
	}
	if strings.Contains(body, "九龙坡区 (500107)") {
		t.Error("九龙坡 never took up safety")
	}
	// Each district's count of meetings is the length of the list it links to.
	for _, m := range regexp.MustCompile(`<a href="(/meetings\?district=[^"]+)">(\d+)</a>`).FindAllStringSubmatch(body, -1) {
		list := get(t, e, strings.ReplaceAll(m[1], "&amp;", "&")).Body.String()
		if !strings.Contains(list, "共 "+m[2]+" 篇报道") {
			t.Errorf("%s: the table says %s meetings, the list disagrees", m[1], m[2])
		}
	}
}

func TestDiffusionEmpty(t *testing.T) {
	e := newServer(t)
	for target, want := range map[string]string{
		"/diffusion?term=不存在的词":                   "没有区县开过",
		"/diffusion?topic=safety&district=110101": "没有注明日期且识别出区县的报道",
		"/diffusion?topic=safety&kind=plenary":    "没有注明日期且识别出区县的报道",
	} {
		rec := get(t, e, target)
		body := rec.Body.String()
		if rec.Code != http.StatusOK || !strings.Contains(body, `class="empty"`) || !strings.Contains(body, want) || strings.Contains(body, `class="chart"`) {
			t.Errorf("%s: status %d, want the message %q and no chart", target, rec.Code, want)
		}
	}
}

func TestDiffusionAPI(t *testing.T) {
	e := newServer(t)
	var got struct {
		Districts int64
		Adopters  []struct {
			DistrictCode string `json:"district_code"`
			ReportID     string `json:"report_id"`
			Meetings     int64
		}
		Curve []struct {
			Period  string
			New     int
			Adopted int
			Share   float64
		}
	}
	rec := get(t, e, "/api/diffusion?topic=safety")
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatal(err, rec.Body.String())
	}
	if got.Districts != 4 || len(got.Adopters) != 3 || got.Adopters[2].ReportID != "r4" || len(got.Curve) != 15 {
		t.Fatalf("%+v", got)
	}
	for i, want := range []float64{0.5, 0.5, 0.5, 0.75} {
		if got.Curve[i].Share != want {
			t.Errorf("curve[%d] share %v, want %v", i, got.Curve[i].Share, want)
		}
	}
	if c := got.Curve[14]; c.Period != "2023-03" || c.Adopted != 3 || c.New != 0 {
		t.Errorf("last point %+v", c)
	}
}

func TestDiffusionDownloads(t *testing.T) {
	e := newServer(t)
	rec := get(t, e, "/download/diffusion.csv?topic=safety")
	body := rec.Body.String()
	if rec.Code != http.StatusOK || !strings.HasPrefix(body, "\uFEFF") {
		t.Fatalf("status %d, starts %q", rec.Code, body[:min(8, len(body))])
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	header := "district_code,district,city,province,first_meeting_date,first_day,adopted_by,report_id,title,url,meetings,districts_in_scope"
	if len(recs) != 4 || strings.Join(recs[0], ",") != header {
		t.Fatalf("csv %v", recs)
	}
	for i, want := range []string{
		"320206,惠山区,无锡市,江苏省,2022-01-10,2022-01-10,2022-01-01,r1,惠山区常务会议 r1,http://example.gov.cn/r1,2,4",
		"320506,吴中区,苏州市,江苏省,2022-04,2022-04-01,2022-04-01,r4,吴中区常务会议 r4,http://example.gov.cn/r4,1,4",
	} {
		if got := strings.Join(recs[[]int{1, 3}[i]], ","); got != want {
			t.Errorf("row %s, want %s", got, want)
		}
	}

	// JSON: the same table, same column names and dates, plus the curve.
	var js struct {
		Districts int64            `json:"districts_in_scope"`
		Adopters  []map[string]any `json:"adopters"`
		Curve     []map[string]any `json:"curve"`
	}
	rec = get(t, e, "/download/diffusion.json?topic=safety")
	if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename="diffusion.json"` {
		t.Errorf("disposition %q", cd)
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &js); err != nil {
		t.Fatal(err)
	}
	if js.Districts != 4 || len(js.Adopters) != 3 || len(js.Curve) != 15 {
		t.Fatalf("json %+v", js)
	}
	for i, col := range recs[0] {
		if got := jsonText(js.Adopters[0][col]); got != recs[1][i] {
			t.Errorf("json %s = %q, csv %q", col, got, recs[1][i])
		}
	}
	if js.Curve[3]["period"] != "2022-04" || js.Curve[3]["adopted"] != 3.0 || js.Curve[3]["share"] != 0.75 || js.Curve[3]["period_start"] != "2022-04-01" {
		t.Errorf("curve[3] %v", js.Curve[3])
	}
}

func jsonText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func TestDiffusionBadParameters(t *testing.T) {
	e := newServer(t)
	long := url.QueryEscape(strings.Repeat("长", 51))
	tests := []struct{ target, param string }{
		{"/diffusion?topic=nosuch", "topic"},
		{"/diffusion?topic=safety&topic=digital", "topic"},
		{"/diffusion?topic=safety&term=碳达峰", "term"},
		{"/diffusion?term=" + long, "term"},
		{"/diffusion?topic=safety&period=week", "period"},
		{"/diffusion?topic=safety&district=32020", "district"},
		{"/diffusion?topic=safety&city=abc", "city"},
		{"/diffusion?topic=safety&province=320", "province"},
		{"/diffusion?topic=safety&from=2022-13", "from"},
		{"/diffusion?topic=safety&to=2022", "to"},
		{"/diffusion?topic=safety&from=2023-01&to=2022-01", "to"},
		{"/diffusion?topic=safety&kind=banquet", "kind"},
		{"/api/diffusion", "topic"},
		{"/api/diffusion?term=x&topic=safety", "term"},
		{"/api/diffusion?topic=safety&period=day", "period"},
		{"/download/diffusion.csv", "topic"},
		{"/download/diffusion.json", "topic"},
		{"/download/diffusion.json?topic=safety&term=x", "term"},
		{"/download/diffusion.xlsx?topic=nosuch", "topic"},
		{"/download/diffusion.parquet?term=x&from=bad", "from"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) { wantBadParam(t, get(t, e, tt.target), tt.target, tt.param) })
	}
}

// TestDiffusionPageCutsLongTables: a topic taken up by more districts than
// the page lists shows the first ones and says so; the API lists them all.
func TestDiffusionPageCutsLongTables(t *testing.T) {
	db := querytest.Open(t)
	ctx := context.Background()
	for _, s := range []string{
		`INSERT INTO reports (id, source, text, province_code, province, city_code, city, district_code, district,
			meeting_date, meeting_day, meeting_kinds, spam, chars, ingested_at)
		 SELECT 'd' || i, 'd.jsonl', '安全生产', '41', '河南省', '4101', '郑州市', (410000 + i)::VARCHAR, '区' || i,
			strftime(DATE '2020-01-01' + i::INTEGER, '%Y-%m-%d'), DATE '2020-01-01' + i::INTEGER, ['executive'], false, 4, now()
		 FROM range(1, 602) t(i)`,
		`INSERT INTO topic_mentions (report_id, topic, mentions) SELECT 'd' || i, 'safety', 1 FROM range(1, 602) t(i)`,
	} {
		if _, err := db.SQL.ExecContext(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := queries.Backfill(ctx, db); err != nil {
		t.Fatal(err)
	}
	tax, err := topics.Default()
	if err != nil {
		t.Fatal(err)
	}
	e, err := handlers.New(handlers.Deps{DB: db, Taxonomy: tax, AccessLog: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	body := get(t, e, "/diffusion?topic=safety&province=41").Body.String()
	if !strings.Contains(body, "表中只列出最早的 500 个区县（共 601 个）") {
		t.Error("the page does not say that its table is cut")
	}
	if !strings.Contains(body, "区500 (410500)") || strings.Contains(body, "区501 (410501)") {
		t.Error("the table should list the first 500 districts and no more")
	}
	var d struct {
		Adopters []json.RawMessage `json:"adopters"`
	}
	if err := json.Unmarshal(get(t, e, "/api/diffusion?topic=safety&province=41").Body.Bytes(), &d); err != nil || len(d.Adopters) != 601 {
		t.Errorf("API: %d adopters (%v), want 601", len(d.Adopters), err)
	}
}
