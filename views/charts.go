package views

import (
	"encoding/json"
	"fmt"
	"regexp"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/render"
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
	Height int // pixels
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

func finish(id string, r render.Renderer, format Format, height int) (Chart, error) {
	snippet := r.RenderSnippet()
	if !json.Valid([]byte(snippet.Option)) {
		return Chart{}, fmt.Errorf("chart %s: go-echarts produced an option that is not JSON", id)
	}
	return Chart{ID: id, Option: snippet.Option, Format: format, Height: height}, nil
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
		line.AddSeries(s.Name, data, charts.WithLineChartOpts(opts.LineChart{ConnectNulls: opts.Bool(false), ShowSymbol: opts.Bool(true)}))
	}
	return finish(id, line, format, height)
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
	height := min(max(160+22*len(y), 320), 6000)
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
		charts.WithGridOpts(opts.Grid{Left: "20", Right: "30", Top: "130", Bottom: "20", ContainLabel: opts.Bool(true)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: x, Position: "top", AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: 45}}),
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

// value is what ECharts reads for a missing point: "-" leaves a gap.
func value(v *float64) any {
	if v == nil {
		return "-"
	}
	return *v
}
