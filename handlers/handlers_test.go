package handlers_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/xuri/excelize/v2"

	"agendascope/analytics/topics"
	"agendascope/handlers"
	"agendascope/queries/querytest"
)

func newServer(t *testing.T) *echo.Echo {
	t.Helper()
	tax, err := topics.Default()
	if err != nil {
		t.Fatal(err)
	}
	e, err := handlers.New(handlers.Deps{
		DB:        querytest.Open(t),
		Taxonomy:  tax,
		Simplify:  strings.NewReplacer("達", "达", "碳中和", "碳中和").Replace,
		AccessLog: io.Discard,
	})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func get(t *testing.T, e *echo.Echo, target string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
	return rec
}

func TestRoutes(t *testing.T) {
	e := newServer(t)
	tests := []struct {
		target string
		ctype  string
		want   []string
	}{
		{"/", "text/html", []string{"概览", "报道", "安全生产", "数据质量", `id="volume"`}},
		{"/?lang=en", "text/html", []string{"Overview", "Work safety", "Data quality"}},
		{"/trends?topic=safety&topic=digital&period=quarter", "text/html", []string{`id="trends"`, "2022-Q1", "66.7%", "data-drill", "/download/trends.csv?"}},
		{"/trends?topic=safety&period=year&measure=mentions&lang=en", "text/html", []string{"Mentions", "2022", ">6<"}},
		{"/trends?topic=safety&district=320206", "text/html", []string{"惠山区 (320206)"}},
		{"/compare?topic=safety&level=district", "text/html", []string{`id="compare"`, "滨湖区", "九龙坡区", "district=320211"}},
		{"/compare?topic=safety&level=province", "text/html", []string{"江苏省", "80.0%"}},
		{"/heatmap", "text/html", []string{`id="heatmap"`, "惠山区", "数字化转型"}},
		{"/terms", "text/html", []string{`name="q"`}},
		{"/terms?q=碳達峰,碳中和&period=year", "text/html", []string{`id="terms"`, "碳达峰", "/download/terms.csv?"}},
		{"/meetings", "text/html", []string{"共 6 篇报道", "惠山区", "/meetings/r1"}},
		{"/meetings?topic=carbon", "text/html", []string{"共 1 篇报道", "吴中区"}},
		{"/meetings?q=碳達峰", "text/html", []string{"共 3 篇报道"}},
		{"/meetings?per=2&page=2", "text/html", []string{"第 2 / 3 页", "page=1", "page=3"}},
		{"/meetings/r1", "text/html", []string{"<mark", "惠山区安全生产专项整治方案", "张三", "&lt;script&gt;"}},
		{"/api/topics", "application/json", []string{`"id":"safety"`, `"keywords"`, `"cap"`}},
		{"/api/overview", "application/json", []string{`"reports":6`}},
		{"/api/trends?topic=safety&period=year", "application/json", []string{`"period":"2022"`, `"value":0.75`}},
		{"/api/compare?topic=safety&level=city", "application/json", []string{`"code":"3205"`}},
		{"/api/heatmap?level=province", "application/json", []string{`"code":"32"`}},
		{"/api/terms?q=碳达峰", "application/json", []string{`"term":"碳达峰"`, `"mentions":5`}},
		{"/api/meetings?district=320206", "application/json", []string{`"total":3`}},
		{"/api/meetings/r1", "application/json", []string{`"district":"惠山区"`, `"items"`}},
		{"/download/trends.csv?topic=safety&period=year", "text/csv", []string{"\uFEFFperiod,period_start,topic"}},
		{"/download/compare.csv?topic=safety", "text/csv", []string{"level,rank,code,name"}},
		{"/download/terms.csv?q=碳达峰", "text/csv", []string{"\uFEFFperiod,term,mentions,reports"}},
		{"/download/meetings.csv?topic=safety", "text/csv", []string{"r4", "safety:2"}},
		{"/download/heatmap.csv", "text/csv", []string{"320206"}},
		{"/download/trends.json?topic=safety&period=year", "application/json", []string{`"period":"2022"`}},
		{"/download/trends.xlsx?topic=safety", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", []string{"PK"}},
		{"/download/compare.parquet?topic=safety", "application/vnd.apache.parquet", []string{"PAR1"}},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) {
			rec := get(t, e, tt.target)
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
			}
			if ct := rec.Header().Get("Content-Type"); !strings.HasPrefix(ct, tt.ctype) {
				t.Errorf("content type %q, want %q", ct, tt.ctype)
			}
			for _, w := range tt.want {
				if !strings.Contains(rec.Body.String(), w) {
					t.Errorf("body lacks %q", w)
				}
			}
		})
	}
}

func TestCSVIsTheChartTable(t *testing.T) {
	e := newServer(t)
	rec := get(t, e, "/download/trends.csv?topic=safety&topic=digital&period=quarter")
	body := rec.Body.String()
	if !strings.HasPrefix(body, "\uFEFF") {
		t.Fatalf("no BOM: %q", body[:min(10, len(body))])
	}
	if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, `filename="trends.csv"`) {
		t.Errorf("content disposition %q", cd)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// 5 quarters × 2 topics, plus the header.
	if len(recs) != 11 {
		t.Fatalf("%d records", len(recs))
	}
	if got := strings.Join(recs[1], ","); got != "2022-Q1,2022-01-01,safety,安全生产,4,2,3,3500,share,0.6666666666666666" {
		t.Errorf("first row %s", got)
	}
	if got := strings.Join(recs[5], ","); got != "2022-Q3,2022-07-01,safety,安全生产,0,0,0,0,share," {
		t.Errorf("empty quarter %s", got)
	}
	var api struct {
		Rows []struct {
			Period string
			Value  *float64
		}
	}
	if err := json.Unmarshal(get(t, e, "/api/trends?topic=safety&topic=digital&period=quarter").Body.Bytes(), &api); err != nil {
		t.Fatal(err)
	}
	if len(api.Rows) != len(recs)-1 {
		t.Errorf("API has %d rows, CSV %d", len(api.Rows), len(recs)-1)
	}
}

func TestBadParameters(t *testing.T) {
	e := newServer(t)
	tests := []struct{ target, param string }{
		{"/trends?topic=nosuch", "topic"},
		{"/trends?period=week", "period"},
		{"/trends?measure=sum", "measure"},
		{"/trends?district=32020", "district"},
		{"/trends?district=abcdef", "district"},
		{"/trends?city=320", "city"},
		{"/trends?province=3", "province"},
		{"/trends?from=2022-13", "from"},
		{"/trends?to=22-01", "to"},
		{"/trends?from=2023-01&to=2022-01", "to"},
		{"/trends?kind=banquet", "kind"},
		{"/compare?level=county", "level"},
		{"/compare?top=0", "top"},
		{"/compare?min=-1", "min"},
		{"/heatmap?top=100000", "top"},
		{"/terms?q=" + strings.Repeat("长", 60), "q"},
		{"/terms?q=a,b,c,d,e,f,g,h,i,j,k", "q"},
		{"/meetings?page=0", "page"},
		{"/meetings?per=1000", "per"},
		{"/meetings?q=" + strings.Repeat("长", 101), "q"},
		{"/api/trends?period=week", "period"},
		{"/api/compare?level=county", "level"},
		{"/api/terms", "q"},
		{"/download/trends.csv?topic=nosuch", "topic"},
		{"/download/compare.parquet?level=x", "level"},
	}
	for _, tt := range tests {
		t.Run(tt.target, func(t *testing.T) { wantBadParam(t, get(t, e, tt.target), tt.target, tt.param) })
	}
}

// wantBadParam checks a 400 that names param: in the page, or in the JSON
// error of an API call or download.
func wantBadParam(t *testing.T, rec *httptest.ResponseRecorder, target, param string) {
	t.Helper()
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("status %d, want 400: %s", rec.Code, rec.Body.String())
	}
	if !strings.Contains(rec.Body.String(), "parameter "+param) {
		t.Errorf("message does not name %s: %s", param, rec.Body.String())
	}
	if strings.HasPrefix(target, "/api/") || strings.HasPrefix(target, "/download/") {
		var body map[string]any
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body["param"] != param {
			t.Errorf("JSON error %s (%v)", rec.Body.String(), err)
		}
	}
}

func TestNotFound(t *testing.T) {
	e := newServer(t)
	for _, target := range []string{"/meetings/nope", "/api/meetings/nope", "/download/nothing.csv", "/download/trends.exe",
		"/static/app.css", "/static/../handlers.go", "/static/vendor/echarts.min.js", "/nowhere"} {
		if rec := get(t, e, target); rec.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", target, rec.Code)
		}
	}
}

func TestEmptyFilterSaysSo(t *testing.T) {
	e := newServer(t)
	for _, target := range []string{"/trends?district=110101", "/compare?kind=plenary", "/heatmap?from=2030-01",
		"/terms?q=不存在的词&district=110101", "/meetings?q=不存在的词"} {
		rec := get(t, e, target)
		body := rec.Body.String()
		if rec.Code != http.StatusOK || !strings.Contains(body, `class="empty"`) || strings.Contains(body, `class="chart"`) {
			t.Errorf("%s: status %d, want the empty message and no chart", target, rec.Code)
		}
	}
	// A code no report has is still named, by the gazetteer.
	if body := get(t, e, "/trends?district=110101").Body.String(); !strings.Contains(body, "东城区 (110101)") {
		t.Errorf("district 110101 not named")
	}
}

func TestSecurityHeadersAndNoInlineScript(t *testing.T) {
	e := newServer(t)
	scriptTag := regexp.MustCompile(`<script[^>]*>`)
	for _, target := range []string{"/", "/trends", "/compare", "/heatmap", "/terms?q=碳达峰", "/meetings", "/meetings/r1", "/trends?topic=bad",
		"/diffusion?topic=safety", "/diffusion", "/rising?period=year&min=1", "/rising?current=bad"} {
		rec := get(t, e, target)
		csp := rec.Header().Get("Content-Security-Policy")
		if !strings.Contains(csp, "default-src 'self'") || !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe") {
			t.Errorf("%s: CSP %q", target, csp)
		}
		if rec.Header().Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: no nosniff", target)
		}
		for _, tag := range scriptTag.FindAllString(rec.Body.String(), -1) {
			if !strings.Contains(tag, `src="/static/`) {
				t.Errorf("%s: inline or foreign script %s", target, tag)
			}
		}
		if strings.Contains(rec.Body.String(), ` style="`) {
			t.Errorf("%s: inline style attribute (CSP forbids it)", target)
		}
	}
}

// TestNoExternalHosts follows every link and asset a page references and
// fails on any http(s):// host other than the server's own.
func TestNoExternalHosts(t *testing.T) {
	e := newServer(t)
	hostRef := regexp.MustCompile(`(?i)(?:https?:)?//([a-z0-9.-]+\.[a-z]{2,}|localhost|\d+\.\d+\.\d+\.\d+)(?::\d+)?`)
	localRef := regexp.MustCompile(`(?:href|src|action)="(/[^"]*)"`)
	seen := map[string]bool{}
	queue := []string{"/", "/?lang=en", "/trends", "/trends?topic=safety&topic=digital&period=month", "/compare",
		"/compare?level=city", "/heatmap", "/terms", "/terms?q=碳达峰,碳中和", "/meetings", "/meetings/r1", "/meetings/r4",
		"/trends?topic=bad", "/meetings/nope", "/diffusion", "/diffusion?topic=safety", "/diffusion?term=碳达峰&lang=en",
		"/rising", "/rising?period=year&min=1", "/rising?period=month&min=1&lang=en", "/rising?period=week"}
	for len(queue) > 0 && len(seen) < 400 {
		target := queue[0]
		queue = queue[1:]
		if seen[target] {
			continue
		}
		seen[target] = true
		rec := get(t, e, target)
		body := rec.Body.String()
		ct := rec.Header().Get("Content-Type")
		if strings.Contains(target, "/vendor/") {
			continue // the ECharts build names XML namespaces, which are not fetched
		}
		if strings.HasPrefix(ct, "text/") || strings.Contains(ct, "javascript") {
			for _, m := range hostRef.FindAllStringSubmatch(body, -1) {
				if m[1] != "example.com" {
					t.Errorf("%s references external host %s", target, m[0])
				}
			}
		}
		if strings.HasPrefix(ct, "text/html") {
			for _, m := range localRef.FindAllStringSubmatch(body, -1) {
				u := strings.ReplaceAll(m[1], "&amp;", "&")
				if !strings.HasPrefix(u, "/download/") && !seen[u] && (strings.HasPrefix(u, "/static/") || len(seen) < 120) {
					queue = append(queue, u)
				}
			}
		}
	}
	if len(seen) < 30 {
		t.Errorf("crawled only %d pages", len(seen))
	}
}

func TestStaticAssets(t *testing.T) {
	e := newServer(t)
	body := get(t, e, "/trends").Body.String()
	m := regexp.MustCompile(`src="(/static/vendor/echarts\.min\.[0-9a-f]{12}\.js)"`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("trends page does not load the vendored ECharts")
	}
	rec := get(t, e, m[1])
	if rec.Code != http.StatusOK || !strings.Contains(rec.Header().Get("Cache-Control"), "immutable") {
		t.Fatalf("%s: status %d, cache %q", m[1], rec.Code, rec.Header().Get("Cache-Control"))
	}
	if !bytes.Contains(rec.Body.Bytes(), []byte("5.6.0")) {
		t.Errorf("served ECharts is not 5.6.0")
	}
}

func TestMarkEscapesFirst(t *testing.T) {
	e := newServer(t)
	body := get(t, e, "/meetings/r1").Body.String()
	for _, want := range []string{
		`<mark class="t0" title="安全生产">安全生产</mark>`,
		`<mark class="t0" title="安全生产">消防安全</mark>`, // the longer keyword wins
		`title="食品药品安全">食品安全</mark>`,                // another topic's keyword, not work safety
		`title="数字化转型">数字化转型</mark>`,
		`title="碳达峰碳中和">碳达峰</mark>`,
		"&lt;script&gt;",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("meeting page lacks %q", want)
		}
	}
	if strings.Contains(body, "<script>") {
		t.Error("report text reached the page unescaped")
	}
}

func TestTimeoutIs503(t *testing.T) {
	tax, err := topics.Default()
	if err != nil {
		t.Fatal(err)
	}
	e, err := handlers.New(handlers.Deps{DB: querytest.Open(t), Taxonomy: tax, AccessLog: io.Discard, Timeout: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"/trends", "/api/compare"} {
		if rec := get(t, e, target); rec.Code != http.StatusServiceUnavailable {
			t.Errorf("%s: status %d, want 503", target, rec.Code)
		}
	}
}

func TestAccessLog(t *testing.T) {
	tax, err := topics.Default()
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	e, err := handlers.New(handlers.Deps{DB: querytest.Open(t), Taxonomy: tax, AccessLog: &log})
	if err != nil {
		t.Fatal(err)
	}
	get(t, e, "/trends?period=week")
	if !strings.Contains(log.String(), " 400 GET /trends?period=week ") || !strings.Contains(log.String(), "parameter period") {
		t.Errorf("access log: %q", log.String())
	}
}

func TestDownloadFormatsHoldTheSameTable(t *testing.T) {
	e := newServer(t)
	q := "?topic=safety&topic=digital&level=city"
	var rows []map[string]any
	if err := json.Unmarshal(get(t, e, "/download/compare.json"+q).Body.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	csvRecs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(get(t, e, "/download/compare.csv"+q).Body.String(), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(get(t, e, "/download/compare.xlsx"+q).Body.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	xrows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 || len(csvRecs) != 7 || len(xrows) != 7 {
		t.Fatalf("json %d rows, csv %d records, xlsx %d rows; want 6 rows + header", len(rows), len(csvRecs), len(xrows))
	}
	if strings.Join(xrows[0], ",") != strings.Join(csvRecs[0], ",") || rows[0]["code"] != csvRecs[1][2] || xrows[1][2] != csvRecs[1][2] {
		t.Errorf("formats disagree: xlsx %v, csv %v, json %v", xrows[:2], csvRecs[:2], rows[0])
	}
	style, err := f.GetCellStyle(sheet, "A1")
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(style)
	if err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header is not bold (%v)", err)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header row is not frozen: %+v (%v)", panes, err)
	}
}

func TestEveryDownload(t *testing.T) {
	e := newServer(t)
	types := map[string]string{
		"csv":     "text/csv; charset=utf-8",
		"json":    "application/json; charset=utf-8",
		"xlsx":    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		"parquet": "application/vnd.apache.parquet",
	}
	magic := map[string]string{"csv": "\uFEFF", "json": "[", "xlsx": "PK", "parquet": "PAR1"}
	params := map[string]string{"trends": "?q=碳达峰", "compare": "?q=碳达峰", "heatmap": "?q=碳达峰", "terms": "?q=碳达峰",
		"meetings": "?q=碳达峰", "diffusion": "?term=碳达峰", "rising": "?period=year&min=1"}
	for name, query := range params {
		for format, ctype := range types {
			target := "/download/" + name + "." + format + query
			rec := get(t, e, target)
			if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != ctype {
				t.Errorf("%s: status %d, type %q", target, rec.Code, rec.Header().Get("Content-Type"))
				continue
			}
			want := magic[format]
			if name == "diffusion" && format == "json" {
				want = `{"districts_in_scope":` // the adopters, and the curve beside them
			}
			if !strings.HasPrefix(rec.Body.String(), want) {
				t.Errorf("%s: starts %q", target, rec.Body.String()[:min(8, rec.Body.Len())])
			}
			if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename="`+name+"."+format+`"` {
				t.Errorf("%s: disposition %q", target, cd)
			}
		}
	}
}

func TestDrillDownKeepsTheCellsBounds(t *testing.T) {
	e := newServer(t)
	body := get(t, e, "/trends?topic=digital&period=quarter&from=2022-02&to=2022-04").Body.String()
	// Q1 is cut to February–March, Q2 to April.
	for _, want := range []string{"from=2022-02\\u0026to=2022-03", "from=2022-04\\u0026to=2022-04", "/meetings?from=2022-02&amp;to=2022-03&amp;topic=digital"} {
		if !strings.Contains(strings.ReplaceAll(body, "&#34;", `"`), want) && !strings.Contains(body, want) {
			t.Errorf("trends page lacks drill-down %s", want)
		}
	}
}
