package views

import (
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Chart is a chart ready for a page: the ECharts option that go-echarts
// rendered, and what app.js needs to draw it. Pages carry no inline script:
// the option travels in a data attribute (escaped by html/template) and the
// served app.js initialises every chart, so the CSP can forbid inline code.
type Chart struct {
	ID     string
	Option string // ECharts option, JSON
	Drill  string // JSON Drill, "" when clicks go nowhere
	Format Format
	// Formats, when set, is a JSON list of one Format per y axis, for a
	// chart whose axes show different things; Format is then the first.
	Formats string
	Height  int // pixels
}

// Format says how app.js writes values in tooltips and axes.
type Format string

const (
	Percent Format = "percent" // fractions shown as 12.3%
	Integer Format = "integer"
	Decimal Format = "decimal"
)

// Series is one named line or bar; a nil value is a gap (no reports).
type Series struct {
	Name   string
	Values []*float64
}

// Drill tells app.js where a click goes: Base plus the query fragments for
// the clicked category (X or Y index) and series.
type Drill struct {
	Base   string   `json:"base"`
	X      []string `json:"x,omitempty"`
	Y      []string `json:"y,omitempty"`
	Series []string `json:"series,omitempty"`
}

// WithDrill returns c with clicks navigating as d says.
func (c Chart) WithDrill(d Drill) (Chart, error) {
	b, err := json.Marshal(d)
	if err != nil {
		return c, fmt.Errorf("encode drill-down for chart %s: %w", c.ID, err)
	}
	c.Drill = string(b)
	return c, nil
}

var chartIDPattern = regexp.MustCompile(`^[a-z][a-z0-9_]{0,30}$`)

// The options every chart shares: its own id (two charts on a page must not
// share one), no animation, and a toolbox whose only tool saves a PNG.
func common(id, title, subtitle string, height int) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id, Height: fmt.Sprintf("%dpx", height)}),
		charts.WithAnimation(false),
		charts.WithTitleOpts(opts.Title{Title: title, Subtitle: subtitle, Left: "center"}),
		charts.WithToolboxOpts(opts.Toolbox{
			Show:  opts.Bool(true),
			Right: "20",
			Feature: &opts.ToolBoxFeature{SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{
				Show: opts.Bool(true), Type: "png", Name: id, Title: "PNG",
			}},
		}),
	}
}

// optioner is a go-echarts chart: Validate completes it (axis data from the
// series) and JSONNotEscaped writes its ECharts option.
type optioner interface {
	Validate()
	JSONNotEscaped() template.HTML
}

// funcMarkers are the marks go-echarts puts around JavaScript functions in
// an option; its renderer removes them, leftmost first.
var funcMarkers = strings.NewReplacer(`"__f__`, "", `__f__"`, "", "__f__", "")

// finish takes the option as go-echarts' RenderSnippet gives it, without
// RenderSnippet's cost per chart: it parses three templates, renders the
// element and script too, and scans each with a regular expression. Its
// option is JSONNotEscaped escaped as HTML and unescaped again, which
// changes nothing, less the function marks, plus the line end of its
// template file (TestOptionAsRenderSnippet).
func finish(id string, c optioner, format Format, height int) (Chart, error) {
	c.Validate()
	option := funcMarkers.Replace(string(c.JSONNotEscaped())) + "\n"
	if !json.Valid([]byte(option)) {
		return Chart{}, fmt.Errorf("chart %s: go-echarts produced an option that is not JSON", id)
	}
	return Chart{ID: id, Option: option, Format: format, Height: height}, nil
}

func checkID(id string) error {
	if !chartIDPattern.MatchString(id) {
		return fmt.Errorf("chart id %q: want lower-case letters, digits and _", id)
	}
	return nil
}

// LineChart draws one line per series over the categories x.
func LineChart(id, title, subtitle string, x []string, series []Series, format Format) (Chart, error) {
	if err := checkID(id); err != nil {
		return Chart{}, err
	}
	const height = 440
	line := charts.NewLine()
	line.SetGlobalOptions(append(common(id, title, subtitle, height),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0", Type: "scroll"}),
		charts.WithGridOpts(opts.Grid{Left: "60", Right: "30", Top: "70", Bottom: "70", ContainLabel: opts.Bool(true)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
	)...)
	line.SetXAxis(x)
	for _, s := range series {
		data := make([]opts.LineData, len(s.Values))
		for i, v := range s.Values {
			data[i] = opts.LineData{Value: value(v)}
		}
		// Gaps stay gaps (no report is not zero), so a sparse series is
		// mostly lone points: large enough symbols keep them visible.
		line.AddSeries(s.Name, data, charts.WithLineChartOpts(opts.LineChart{ConnectNulls: opts.Bool(false),
			ShowSymbol: opts.Bool(true), Symbol: "circle", SymbolSize: 8}))
	}
	return finish(id, line, format, height)
}

// AdoptionChart draws a cumulative adoption curve: the number of adopters
// by period on the left axis and, on the right, the same line read as a
// share of the population. The right axis is the left one divided by the
// population, so one line carries both numbers; the share series is drawn
// invisibly so that the tooltip shows it too.
func AdoptionChart(id, title, subtitle string, x []string, adopted []int, population int64, countName, shareName string) (Chart, error) {
	if err := checkID(id); err != nil {
		return Chart{}, err
	}
	if population <= 0 {
		return Chart{}, fmt.Errorf("chart %s: population %d", id, population)
	}
	hi := 0
	for _, n := range adopted {
		hi = max(hi, n)
	}
	top := niceCeil(float64(hi))
	const height = 440
	line := charts.NewLine()
	line.SetGlobalOptions(append(common(id, title, subtitle, height),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "60", Right: "60", Top: "80", Bottom: "40", ContainLabel: opts.Bool(true)}),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: countName, Min: 0, Max: top}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category"}),
	)...)
	line.ExtendYAxis(opts.YAxis{Type: "value", Name: shareName, Position: "right", Min: 0, Max: top / float64(population),
		SplitLine: &opts.SplitLine{Show: opts.Bool(false)}})
	line.SetXAxis(x)
	counts := make([]opts.LineData, len(adopted))
	shares := make([]opts.LineData, len(adopted))
	for i, n := range adopted {
		counts[i] = opts.LineData{Value: n}
		shares[i] = opts.LineData{Value: float64(n) / float64(population)}
	}
	line.AddSeries(countName, counts, charts.WithLineChartOpts(opts.LineChart{Step: "end", ShowSymbol: opts.Bool(true)}),
		charts.WithAreaStyleOpts(opts.AreaStyle{Opacity: opts.Float(0.15)}))
	line.AddSeries(shareName, shares, charts.WithLineChartOpts(opts.LineChart{YAxisIndex: 1, Step: "end", Symbol: "none"}),
		charts.WithLineStyleOpts(opts.LineStyle{Opacity: opts.Float(0)}))
	c, err := finish(id, line, Integer, height)
	if err != nil {
		return c, err
	}
	c.Formats = `["integer","percent"]`
	return c, nil
}

// niceCeil rounds n up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power
// of ten, so that a fixed axis maximum still reads well.
func niceCeil(n float64) float64 {
	if n <= 1 {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(n)))
	for _, m := range []float64{1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10} {
		if m*p >= n {
			return m * p
		}
	}
	return 10 * p
}

// BarChart draws horizontal bars, one group per category, the first
// category on top; its height grows with the number of categories.
func BarChart(id, title, subtitle string, categories []string, series []Series, format Format) (Chart, error) {
	if err := checkID(id); err != nil {
		return Chart{}, err
	}
	height := 120 + 24*len(categories)*max(1, len(series))
	height = min(max(height, 300), 6000)
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(common(id, title, subtitle, height),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(len(series) > 1), Top: "50"}),
		charts.WithGridOpts(opts.Grid{Left: "20", Right: "40", Top: "80", Bottom: "20", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Position: "top"}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true)}),
	)...)
	bar.SetXAxis(categories)
	for _, s := range series {
		data := make([]opts.BarData, len(s.Values))
		for i, v := range s.Values {
			data[i] = opts.BarData{Value: value(v)}
		}
		bar.AddSeries(s.Name, data)
	}
	bar.XYReversal()
	return finish(id, bar, format, height)
}

// HeatMap colours cells[y][x] over categories x (columns) and y (rows).
func HeatMap(id, title, subtitle string, x, y []string, cells [][]*float64, format Format) (Chart, error) {
	if err := checkID(id); err != nil {
		return Chart{}, err
	}
	// Column labels stand at 45° above the grid, which containLabel pushes
	// down by their extent: the chart grows by that extent and with its
	// rows, so that long (English) topic names cannot squeeze the cells
	// into a sliver.
	const top, bottom = 90, 30
	labelW := min(labelWidth(x), heatLabelMax)
	labelH := int(float64(labelW+heatFont)*math.Sqrt2/2) + 10
	height := min(top+labelH+max(26*len(y), 160)+bottom, 6000)
	var data []opts.HeatMapData
	hi := 0.0
	for yi, row := range cells {
		for xi, v := range row {
			data = append(data, opts.HeatMapData{Value: [3]any{xi, yi, value(v)}})
			if v != nil && *v > hi {
				hi = *v
			}
		}
	}
	if hi == 0 {
		hi = 1
	}
	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(append(common(id, title, subtitle, height),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}),
		charts.WithGridOpts(opts.Grid{Left: "20", Right: "30", Top: strconv.Itoa(top), Bottom: strconv.Itoa(bottom), ContainLabel: opts.Bool(true)}),
		// Names longer than heatLabelMax end in an ellipsis; the tooltip
		// and the table below carry them in full.
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: x, Position: "top", AxisLabel: &opts.AxisLabel{
			Interval: "0", Rotate: 45, FontSize: heatFont, Width: heatLabelMax, Overflow: "truncate"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: y, Inverse: opts.Bool(true)}),
		charts.WithVisualMapOpts(opts.VisualMap{
			Calculable: opts.Bool(true), Min: 0, Max: float32(hi), Orient: "horizontal", Left: "center", Top: "40",
			InRange: &opts.VisualMapInRange{Color: []string{"#f7fbff", "#6baed6", "#08306b"}},
		}),
	)...)
	hm.SetXAxis(x)
	hm.AddSeries("", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(false)}))
	return finish(id, hm, format, height)
}

// Heat map column labels: font size and widest label, in pixels.
const (
	heatFont     = 12
	heatLabelMax = 150
)

// labelWidth estimates the pixel width of the widest label at heatFont:
// wide (CJK) characters take a full em, others a little over half of one.
func labelWidth(labels []string) int {
	widest := 0.0
	for _, l := range labels {
		w := 0.0
		for _, r := range l {
			if r >= 0x2E80 {
				w += heatFont
			} else {
				w += heatFont * 0.6
			}
		}
		widest = max(widest, w)
	}
	return int(math.Ceil(widest))
}

// value is what ECharts reads for a missing point: "-" leaves a gap.
func value(v *float64) any {
	if v == nil {
		return "-"
	}
	return *v
}
