package views

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/render"
)

func f(v float64) *float64 { return &v }

func TestChartsAreJSONWithOwnIDAndNoAnimation(t *testing.T) {
	line, err := LineChart("trends", "标题", "副标题", []string{"2022-01", "2022-02"},
		[]Series{{Name: "安全生产", Values: []*float64{f(0.5), nil}}}, Percent)
	if err != nil {
		t.Fatal(err)
	}
	bar, err := BarChart("compare", "t", "", []string{"惠山区", "滨湖区"}, []Series{{Name: "a", Values: []*float64{f(1), f(2)}}}, Integer)
	if err != nil {
		t.Fatal(err)
	}
	heat, err := HeatMap("heat", "t", "", []string{"a", "b"}, []string{"x"}, [][]*float64{{f(1), nil}}, Decimal)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []Chart{line, bar, heat} {
		var opt map[string]any
		if err := json.Unmarshal([]byte(c.Option), &opt); err != nil {
			t.Fatalf("%s: option is not JSON: %v", c.ID, err)
		}
		if opt["animation"] != false {
			t.Errorf("%s: animation = %v", c.ID, opt["animation"])
		}
		if !strings.Contains(c.Option, `"saveAsImage"`) {
			t.Errorf("%s: no PNG export", c.ID)
		}
		if regexp.MustCompile(`https?://`).MatchString(c.Option) {
			t.Errorf("%s: option names a host: %s", c.ID, c.Option)
		}
	}
	if !strings.Contains(line.Option, `"value":"-"`) {
		t.Errorf("a nil value should be a gap: %s", line.Option)
	}
	if !strings.Contains(bar.Option, `"inverse":true`) || !strings.Contains(bar.Option, `"惠山区"`) {
		t.Errorf("bar chart should list categories top-down: %s", bar.Option)
	}
	if _, err := LineChart("Bad ID!", "", "", nil, nil, Integer); err == nil {
		t.Error("bad chart id accepted")
	}
}

func TestRenderEscapesChartOption(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	ch, err := LineChart("trends", `</div><script>alert(1)</script>`, "", []string{"x"}, []Series{{Name: `"><img>`, Values: []*float64{f(1)}}}, Integer)
	if err != nil {
		t.Fatal(err)
	}
	ch, err = ch.WithDrill(Drill{Base: "/meetings?a=1&b=2", X: []string{"from=2022-01"}})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	p := &Page{Lang: ZH, Title: "t", Nav: "trends", Path: "/trends", Query: url.Values{"topic": {"safety"}}, Charts: []Chart{ch}}
	if err := v.Render(&buf, ChartPage, p); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.Contains(out, "<script>alert") || strings.Contains(out, `"><img>`) {
		t.Errorf("chart text reached the page unescaped")
	}
	m := regexp.MustCompile(`data-option="([^"]*)"`).FindStringSubmatch(out)
	if m == nil {
		t.Fatal("no data-option")
	}
	var opt map[string]any
	if err := json.Unmarshal([]byte(htmlUnescape(m[1])), &opt); err != nil {
		t.Errorf("data-option does not round-trip to JSON: %v", err)
	}
	if !strings.Contains(out, `href="/trends?lang=en&amp;topic=safety"`) {
		t.Errorf("language switch link missing")
	}
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&#34;", `"`, "&quot;", `"`, "&lt;", "<", "&gt;", ">", "&#39;", "'", "&amp;", "&", "&#43;", "+").Replace(s)
}

func TestAssetsHashedAndExplicit(t *testing.T) {
	a, err := LoadAssets()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"app.css", "app.js", "vendor/echarts.min.js"} {
		u := a.URL(name)
		if !regexp.MustCompile(`^/static/[a-z/.]+\.[0-9a-f]{12}\.(css|js)$`).MatchString(u) {
			t.Errorf("%s: URL %s", name, u)
		}
		if as, ok := a.Lookup(u); !ok || len(as.Body) == 0 {
			t.Errorf("%s: not served at %s", name, u)
		}
	}
	for _, bad := range []string{"/static/app.css", "/static/../assets.go", "/static/vendor/echarts.min.js", "/static/"} {
		if _, ok := a.Lookup(bad); ok {
			t.Errorf("%s served", bad)
		}
	}
}

// TestMessagesComplete checks every message has both languages and every
// key the templates use exists.
func TestMessagesComplete(t *testing.T) {
	for k, m := range messages {
		if m[0] == "" || m[1] == "" {
			t.Errorf("message %q lacks a language", k)
		}
	}
	files, _ := filepath.Glob("templates/*.html")
	used := regexp.MustCompile(`\.T "([a-z_.]+)"`)
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range used.FindAllStringSubmatch(string(b), -1) {
			if _, ok := messages[m[1]]; !ok {
				t.Errorf("%s uses unknown message %q", file, m[1])
			}
		}
	}
}

// TestAdoptionChartAxesAgree: the right axis is the left one divided by the
// population, so the one drawn line reads as a count and as a share.
func TestAdoptionChartAxesAgree(t *testing.T) {
	c, err := AdoptionChart("diffusion", "已采纳区县数", "", []string{"2022-01", "2022-02", "2022-03"}, []int{2, 2, 3}, 4, "区县数", "占比")
	if err != nil {
		t.Fatal(err)
	}
	var opt struct {
		YAxis []struct {
			Name     string
			Min, Max float64
		}
		Series []struct {
			YAxisIndex int
			Data       []struct{ Value float64 }
		}
	}
	if err := json.Unmarshal([]byte(c.Option), &opt); err != nil {
		t.Fatal(err)
	}
	if len(opt.YAxis) != 2 || opt.YAxis[0].Max != 3 || opt.YAxis[1].Max != 0.75 || opt.YAxis[0].Min != 0 || opt.YAxis[1].Name != "占比" {
		t.Errorf("axes %+v", opt.YAxis)
	}
	if len(opt.Series) != 2 || opt.Series[1].YAxisIndex != 1 || opt.Series[1].Data[2].Value != 0.75 || opt.Series[0].Data[2].Value != 3 {
		t.Errorf("series %+v", opt.Series)
	}
	if c.Formats != `["integer","percent"]` {
		t.Errorf("formats %s", c.Formats)
	}
	if _, err := AdoptionChart("diffusion", "", "", nil, nil, 0, "", ""); err == nil {
		t.Error("a population of 0 was accepted")
	}
	for n, want := range map[float64]float64{0: 1, 1: 1, 3: 3, 7: 8, 11: 12, 47: 50, 101: 120, 2800: 3000} {
		if got := niceCeil(n); got != want {
			t.Errorf("niceCeil(%v) = %v, want %v", n, got, want)
		}
	}
}

// TestOptionAsRenderSnippet: finish takes a chart's option as go-echarts'
// RenderSnippet would give it, HTML-special and non-ASCII text included.
func TestOptionAsRenderSnippet(t *testing.T) {
	text := `惠山区 <b>&amp; "x" 'y' + 1 </script>`
	line := charts.NewLine()
	line.SetGlobalOptions(charts.WithTitleOpts(opts.Title{Title: text, Subtitle: "&lt;"}))
	line.SetXAxis([]string{text, "2022-02"}).AddSeries(text, []opts.LineData{{Value: 1}, {Value: "-"}})
	bar := charts.NewBar()
	bar.SetXAxis([]string{"a&b"}).AddSeries("s", []opts.BarData{{Value: 0.5}})
	heat := charts.NewHeatMap()
	heat.SetGlobalOptions(charts.WithXAxisOpts(opts.XAxis{Data: []string{text}}))
	heat.AddSeries("h", []opts.HeatMapData{{Value: [3]any{0, 0, 1.5}}})
	for _, c := range []interface {
		optioner
		RenderSnippet() render.ChartSnippet
	}{line, bar, heat} {
		want := c.RenderSnippet().Option
		got, err := finish("x", c, Integer, 100)
		if err != nil {
			t.Fatal(err)
		}
		if got.Option != want {
			t.Errorf("option\n%q\nRenderSnippet\n%q", got.Option, want)
		}
	}
}
