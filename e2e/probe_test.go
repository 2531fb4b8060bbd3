package e2e

import (
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// pageState is what a person takes in at a glance: the heading, the charts
// and whether they show anything, the table, the message when nothing
// matched, the download links.
type pageState struct {
	Lang         string       `json:"lang"`
	H1           string       `json:"h1"`
	Empty        string       `json:"empty"`
	EmptyVisible bool         `json:"emptyVisible"`
	Charts       []chartState `json:"charts"`
	Canvases     int          `json:"canvases"`
	Tables       int          `json:"tables"`
	Rows         int          `json:"rows"` // body rows of the first table
	Downloads    []string     `json:"downloads"`
	Overflow     int          `json:"overflow"` // px the page is wider than the window
	Text         string       `json:"text"`     // everything visible
	ChromeText   string       `json:"chrome"`   // the interface's own words: nav, headings, labels
}

type chartState struct {
	ID        string  `json:"id"`
	BoxWidth  int     `json:"boxWidth"`
	BoxHeight int     `json:"boxHeight"`
	Canvas    bool    `json:"canvas"`
	Width     int     `json:"width"`
	Height    int     `json:"height"`
	Colors    int     `json:"colors"` // distinct pixel values, capped at 4096
	Ink       float64 `json:"ink"`    // share of pixels unlike the first one
	Series    int     `json:"series"`
	Points    int     `json:"points"` // data values that are not gaps
	// The plotting area (ECharts' grid) and the categories down its side:
	// long axis labels can squeeze the data into a sliver.
	PlotWidth  float64 `json:"plotWidth"`
	PlotHeight float64 `json:"plotHeight"`
	Rows       int     `json:"rows"` // categories on the y axis; 0 when it holds values
}

// probeJS reads the page. The pixels come from the canvas itself
// (getImageData): a chart that failed to draw leaves it one flat colour.
const probeJS = `() => {
  const visible = el => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const charts = [...document.querySelectorAll("div.chart")].map(el => {
    const s = {id: el.id, boxWidth: el.clientWidth, boxHeight: el.clientHeight, canvas: false,
      width: 0, height: 0, colors: 0, ink: 0, series: 0, points: 0};
    const cv = el.querySelector("canvas");
    if (cv && cv.width > 0 && cv.height > 0) {
      s.canvas = true; s.width = cv.width; s.height = cv.height;
      const d = cv.getContext("2d").getImageData(0, 0, cv.width, cv.height).data;
      const px = i => ((d[i] << 24) | (d[i + 1] << 16) | (d[i + 2] << 8) | d[i + 3]) >>> 0;
      const bg = px(0), seen = new Set();
      let ink = 0;
      for (let i = 0; i < d.length; i += 4) {
        const v = px(i);
        if (v !== bg) ink++;
        if (seen.size < 4096) seen.add(v);
      }
      s.colors = seen.size;
      s.ink = ink / (d.length / 4);
    }
    const chart = window.echarts && echarts.getInstanceByDom(el);
    if (chart) {
      const series = chart.getOption().series || [];
      s.series = series.length;
      for (const ser of series) {
        for (const item of ser.data || []) {
          let v = item !== null && typeof item === "object" && !Array.isArray(item) ? item.value : item;
          if (Array.isArray(v)) v = v[v.length - 1];
          if (v !== null && v !== undefined && v !== "-") s.points++;
        }
      }
      try {
        const grid = chart.getModel().getComponent("grid", 0);
        const rect = grid && grid.coordinateSystem.getRect();
        if (rect) { s.plotWidth = rect.width; s.plotHeight = rect.height; }
      } catch (e) { /* no grid: nothing to measure */ }
      const y = [].concat(chart.getOption().yAxis || [])[0];
      if (y && y.type === "category") {
        s.rows = (y.data && y.data.length) || (series[0] && series[0].data ? series[0].data.length : 0);
      }
    }
    return s;
  });
  const empty = document.querySelector("p.empty");
  const table = document.querySelector("main table");
  // Not the language switch (named in the other language on purpose) nor
  // the h1 (a report's own title on its page).
  const words = [...document.querySelectorAll("header nav, h2, h3, th, legend, label, dt, .applied b, p.note, p.empty, .downloads, .pager, button, footer")]
    .map(el => el.innerText).join("\n");
  return {
    lang: document.documentElement.lang,
    h1: (document.querySelector("h1") || {innerText: ""}).innerText.trim(),
    empty: empty ? empty.innerText.trim() : "",
    emptyVisible: visible(empty),
    charts,
    canvases: document.querySelectorAll("canvas").length,
    tables: document.querySelectorAll("main table").length,
    rows: table ? table.querySelectorAll("tbody tr").length : 0,
    downloads: [...document.querySelectorAll("p.downloads a")].map(a => a.getAttribute("href")),
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    text: document.body.innerText,
    chrome: words,
  };
}`

func probe(tb *tab) pageState {
	tb.t.Helper()
	return eval[pageState](tb, probeJS)
}

// garbage is text that must never reach a reader: template holes, Go
// formatting errors, JavaScript values that leaked into labels.
var garbage = regexp.MustCompile(`<no value>|%!|\bNaN\b|\bundefined\b|\[object Object\]|\{\{|\}\}`)

var han = regexp.MustCompile(`\p{Han}+`)

// checkText fails on leaked placeholders and, in English, on Chinese in the
// interface's own words (data such as place names stay Chinese).
func checkText(t *testing.T, st pageState, lang, path string) {
	t.Helper()
	if m := garbage.FindAllString(st.Text, 5); m != nil {
		t.Errorf("page text holds %q", m)
	}
	if lang == "en" {
		// What the reader typed (terms) comes back as typed.
		asked, _ := url.QueryUnescape(path)
		var m []string
		for _, w := range han.FindAllString(st.ChromeText, -1) {
			if !strings.Contains(asked, w) {
				m = append(m, w)
			}
		}
		if m != nil {
			t.Errorf("English page has Chinese in its interface text: %q", m)
		}
	}
}

// checkChart fails unless the chart drew data on a canvas of real size.
func checkChart(t *testing.T, c chartState) {
	t.Helper()
	switch {
	case !c.Canvas:
		t.Errorf("chart #%s: no canvas with a size", c.ID)
	case c.BoxWidth < 300 || c.BoxHeight < 200:
		t.Errorf("chart #%s: box is %dx%d px, too small to read", c.ID, c.BoxWidth, c.BoxHeight)
	case c.Colors < 2:
		t.Errorf("chart #%s: canvas is blank (every pixel the same)", c.ID)
	case c.Ink < 0.005:
		t.Errorf("chart #%s: only %.2f%% of the canvas is drawn on", c.ID, c.Ink*100)
	case c.Series == 0 || c.Points == 0:
		t.Errorf("chart #%s: %d series with %d values: an empty frame", c.ID, c.Series, c.Points)
	case c.PlotHeight < 60 || c.PlotWidth < 200:
		t.Errorf("chart #%s: the data gets %.0fx%.0f px of a %dx%d chart; labels or legend take the rest", c.ID, c.PlotWidth, c.PlotHeight, c.BoxWidth, c.BoxHeight)
	case c.Rows > 0 && c.PlotHeight/float64(c.Rows) < 10:
		t.Errorf("chart #%s: %d rows in %.0f px, %.1f px each: unreadable", c.ID, c.Rows, c.PlotHeight, c.PlotHeight/float64(c.Rows))
	}
}

func withLang(path, lang string) string {
	if lang != "en" {
		return path
	}
	if strings.Contains(path, "?") {
		return path + "&lang=en"
	}
	return path + "?lang=en"
}
