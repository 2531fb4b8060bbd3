package e2e

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// pointJS finds where a person would click to hit one datum of a chart: the
// middle of a bar, a line's symbol, a heat-map cell; in window coordinates,
// after scrolling it into view. ECharts converts data to pixels itself
// (convertToPixel), so the test does not guess the layout.
const pointJS = `(id, series, index) => {
  const el = document.getElementById(id);
  const chart = echarts.getInstanceByDom(el);
  const opt = chart.getOption();
  const ser = opt.series[series];
  const item = ser.data[index];
  let v = item !== null && typeof item === "object" && !Array.isArray(item) ? item.value : item;
  let at;
  if (ser.type === "heatmap") {
    at = [v[0], v[1]];
  } else if (opt.yAxis[0].type === "category") {
    at = [v / 2, index]; // horizontal bars: inside the bar, not at its tip
  } else if (ser.type === "bar") {
    at = [index, v / 2];
  } else {
    at = [index, v];
  }
  const p = chart.convertToPixel({seriesIndex: series}, at);
  // A tall chart (many bars) may hold the datum off screen: bring the
  // datum itself, not the chart, to the middle of the window.
  let r = el.getBoundingClientRect();
  window.scrollBy(r.left + p[0] - innerWidth / 2, r.top + p[1] - innerHeight / 2);
  r = el.getBoundingClientRect();
  return {x: r.left + p[0], y: r.top + p[1]};
}`

type point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// click moves the mouse onto a datum of a chart, clicks it, and waits for
// the page that the click opens.
func (tb *tab) clickDatum(chartID string, series, index int) {
	tb.t.Helper()
	p := eval[point](tb, pointJS, chartID, series, index)
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil, chromedp.Steps(
		chromedp.MouseEvent(chromedp.MouseMoved, p.X, p.Y),
		chromedp.MouseClickXY(p.X, p.Y),
	)))
	if err != nil {
		tb.t.Fatalf("click #%s series %d item %d at (%.0f, %.0f): no page opened: %v", chartID, series, index, p.X, p.Y, err)
	}
	tb.waitCharts("page opened by the click")
}

// listedMeetings reads the meetings list: the total it states and the rows.
type listedMeetings struct {
	Total string     `json:"total"`
	Rows  [][]string `json:"rows"`
	Empty string     `json:"empty"`
	H1    string     `json:"h1"`
}

const listJS = `() => {
  const table = document.querySelector("main table");
  const rows = table ? [...table.querySelectorAll("tbody tr")].map(tr => [...tr.cells].map(td => td.innerText.trim())) : [];
  // The total is the plain paragraph above the list ("共 6 篇报道").
  const total = [...document.querySelectorAll("main > p:not([class])")].map(p => p.innerText).find(s => /\d/.test(s)) || "";
  const empty = document.querySelector("p.empty");
  return {total, rows, empty: empty ? empty.innerText : "", h1: document.querySelector("h1").innerText};
}`

// Columns of the meetings list.
const (
	colDate  = 0
	colPlace = 1
)

// TestDrillDown clicks a bar, a point and a cell the way an analyst would,
// and checks that the list it opens holds exactly the reports behind the
// clicked number, under the same filters as the chart.
func TestDrillDown(t *testing.T) {
	t.Parallel()
	browser(t) // first: without one, skip before loading the sample
	srv := server(t)
	tests := []struct {
		name  string
		page  string // the chart's page
		chart string
		api   string // the same query on the JSON API, for the expected numbers
		// place is the parameter of the clicked place ("" when the chart is
		// over time); its code replaces every place filter of the page.
		place string
	}{
		{"compare-district", "/compare?topic=safety&level=district", "compare", "/api/compare?topic=safety&level=district", "district"},
		// The date filter changes the numbers: a list that lost it would
		// hold the city's 2023 report too.
		{"compare-city-2022", "/compare?topic=safety&level=city&from=2022-01&to=2022-12", "compare", "/api/compare?topic=safety&level=city&from=2022-01&to=2022-12", "city"},
		{"compare-province-en", "/compare?topic=safety&level=province&measure=reports&lang=en", "compare", "/api/compare?topic=safety&level=province&measure=reports", "province"},
		{"trends-month", "/trends?topic=safety&period=month", "trends", "/api/trends?topic=safety&period=month", ""},
		{"trends-quarter-wuxi", "/trends?topic=digital&period=quarter&city=3202", "trends", "/api/trends?topic=digital&period=quarter&city=3202", ""},
		{"heatmap-city", "/heatmap?level=city", "heatmap", "/api/heatmap?level=city", "city"},
	}
	tb := newTab(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			defer tb.use(t)()
			var api struct {
				Query struct {
					Topics []string `json:"topics"`
				} `json:"query"`
				Rows []apiRow `json:"rows"`
			}
			srv.api(t, tc.api, &api)
			n := len(api.Query.Topics)
			if n == 0 || len(api.Rows) == 0 {
				t.Fatalf("%s: no topics or no rows", tc.api)
			}
			// The datum with the most reports: a list that drops a filter
			// is more likely to show a different number there.
			best := 0
			for i, r := range api.Rows {
				if r.Reports > api.Rows[best].Reports {
					best = i
				}
			}
			want := api.Rows[best]
			if want.Reports == 0 {
				t.Fatalf("%s: no datum has reports", tc.api)
			}
			group, series := best/n, best%n
			index := group
			if tc.chart == "heatmap" {
				// One series; items are cells place by place, topic by topic.
				series, index = 0, best
			}

			tb.open(tc.page)
			tb.clickDatum(tc.chart, series, index)
			got := tb.location()
			tb.screenshot("drill-" + tc.name)
			if got.Path != "/meetings" {
				t.Fatalf("click opened %s, want /meetings", got)
			}
			q := got.Query()
			pageURL, _ := url.Parse(tc.page)
			from := pageURL.Query()

			// Same filters: dates, kind, language, and every place filter
			// unless the click chose a place.
			for _, k := range []string{"from", "to", "kind", "lang", "district", "city", "province"} {
				if tc.place != "" && (k == "district" || k == "city" || k == "province") {
					continue
				}
				if tc.place == "" && (k == "from" || k == "to") {
					continue // the clicked period narrows them; checked below
				}
				if strings.Join(q[k], ",") != strings.Join(from[k], ",") {
					t.Errorf("%s=%q in the list's URL, want %q as on the chart", k, q[k], from[k])
				}
			}
			if topic := want.Topic; q.Get("topic") != topic {
				t.Errorf("topic=%q in the list's URL, want %q", q.Get("topic"), topic)
			}
			if tc.place != "" {
				if q.Get(tc.place) != want.Code {
					t.Errorf("%s=%q in the list's URL, want the clicked place %s (%s)", tc.place, q.Get(tc.place), want.Code, want.Name)
				}
				for _, k := range []string{"district", "city", "province"} {
					if k != tc.place && q.Has(k) {
						t.Errorf("list keeps %s=%q besides the clicked %s", k, q[k], tc.place)
					}
				}
			} else {
				lo, hi := periodMonths(t, want.Period)
				if q.Get("from") != maxString(lo, from.Get("from")) || q.Get("to") != minString(hi, from.Get("to")) {
					t.Errorf("list covers %s..%s, want the clicked period %s (%s..%s)", q.Get("from"), q.Get("to"), want.Period, lo, hi)
				}
			}

			list := eval[listedMeetings](tb, listJS)
			if list.Empty != "" {
				t.Fatalf("the list behind %d reports says %q", want.Reports, list.Empty)
			}
			if len(list.Rows) != int(want.Reports) {
				t.Errorf("list holds %d meetings, the clicked datum counts %d", len(list.Rows), want.Reports)
			}
			if !strings.Contains(list.Total, strconv.FormatInt(want.Reports, 10)) {
				t.Errorf("list states %q, want the total %d", list.Total, want.Reports)
			}
			if q.Get("lang") == "en" && han.MatchString(list.H1) {
				t.Errorf("English chart opened a list headed %q", list.H1)
			}
			for _, row := range list.Rows {
				date, place := row[colDate], row[colPlace]
				if tc.place == "" {
					if date < q.Get("from") || date[:7] > q.Get("to") {
						t.Errorf("meeting of %s listed for %s..%s", date, q.Get("from"), q.Get("to"))
					}
				} else if tc.place != "province" && !strings.Contains(place, want.Name) {
					t.Errorf("meeting in %q listed for %s", place, want.Name)
				}
			}
			tb.checkClean("drill from " + tc.page)
		})
	}
}

// periodMonths is the first and last month of a trends period label
// (2022-04, 2022-Q2 or 2022).
func periodMonths(t *testing.T, p string) (string, string) {
	t.Helper()
	switch {
	case len(p) == 7 && p[4] == '-' && p[5] != 'Q':
		return p, p
	case len(p) == 7 && p[5] == 'Q':
		q, err := strconv.Atoi(p[6:])
		if err != nil || q < 1 || q > 4 {
			break
		}
		return p[:4] + "-" + twoDigits(3*q-2), p[:4] + "-" + twoDigits(3*q)
	case len(p) == 4:
		return p + "-01", p + "-12"
	}
	t.Fatalf("unknown period label %q", p)
	return "", ""
}

func twoDigits(n int) string { return strconv.Itoa(100 + n)[1:] }

func maxString(a, b string) string { return max(a, b) }

// minString ignores an empty bound.
func minString(a, b string) string {
	if b == "" {
		return a
	}
	return min(a, b)
}

// TestMeetingFromList opens a report from a filtered list as a person would,
// and comes back with the browser's Back button to the same list.
func TestMeetingFromList(t *testing.T) {
	t.Parallel()
	browser(t) // first: without one, skip before loading the sample
	tb := newTab(t)
	const list = "/meetings?topic=digital&city=3202"
	tb.open(list)
	before := eval[listedMeetings](tb, listJS)
	if len(before.Rows) == 0 {
		t.Fatalf("%s lists nothing", list)
	}
	ctx, cancel := context.WithTimeout(tb.ctx, actionTimeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil,
		chromedp.Click(chromedp.CSS("main table tbody tr:first-child td:nth-child(3) a")))); err != nil {
		t.Fatalf("click the first report's title: %v", err)
	}
	loc := tb.location()
	if !strings.HasPrefix(loc.Path, "/meetings/") {
		t.Fatalf("the title opened %s, want /meetings/ID", loc)
	}
	detail := eval[struct {
		H1    string `json:"h1"`
		Text  string `json:"text"`
		Marks int    `json:"marks"`
		Terms int    `json:"terms"`
		Back  string `json:"back"`
	}](tb, `() => ({
		h1: document.querySelector("h1").innerText,
		text: (document.querySelector("div.text") || {innerText: ""}).innerText,
		marks: document.querySelectorAll("div.text mark").length,
		terms: document.querySelectorAll("dl.record dt").length,
		back: (document.querySelector("main p a") || {href: ""}).getAttribute("href"),
	})`)
	tb.screenshot("meeting-from-list")
	if detail.H1 != before.Rows[0][2] {
		t.Errorf("report headed %q, the list called it %q", detail.H1, before.Rows[0][2])
	}
	if len([]rune(detail.Text)) < 200 {
		t.Errorf("report text is %d characters, want the full text", len([]rune(detail.Text)))
	}
	if detail.Marks == 0 {
		t.Error("no topic words marked in the text: the count cannot be traced to the source")
	}
	if detail.Terms < 5 {
		t.Errorf("record shows %d fields", detail.Terms)
	}
	if detail.Back != list {
		t.Logf("the page's back link goes to %q, not to the list it came from (%s)", detail.Back, list)
	}
	// history.back(), not NavigateBack: the list may come back from the
	// back/forward cache, which fires no load event.
	tb.run("go back", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := chromedp.WaitEvent(page.FrameNavigated, nil, chromedp.Evaluate[chromedp.Void]("history.back()"))(ctx, t)
		return err
	}))
	tb.waitCharts("back")
	if got := tb.location(); got.RequestURI() != list {
		t.Errorf("Back returned to %s, want %s", got.RequestURI(), list)
	}
	after := eval[listedMeetings](tb, listJS)
	if len(after.Rows) != len(before.Rows) {
		t.Errorf("after Back the list holds %d rows, before %d", len(after.Rows), len(before.Rows))
	}
	tb.checkClean("open a report from the list")
}

// TestDiffusionPointListsAdopters clicks the adoption curve where most
// districts took a subject up, and expects the list of that period's
// meetings on it to include each of those first meetings.
func TestDiffusionPointListsAdopters(t *testing.T) {
	t.Parallel()
	browser(t) // first: without one, skip before loading the sample
	srv := server(t)
	const query = "topic=digital&period=month"
	var d struct {
		Curve []struct {
			Period string `json:"period"`
			New    int    `json:"new"`
		} `json:"curve"`
		Adopters []struct {
			District  string `json:"district"`
			FirstDate string `json:"first_meeting_date"`
			ReportID  string `json:"report_id"`
		} `json:"adopters"`
	}
	srv.api(t, "/api/diffusion?"+query, &d)
	best := -1
	for i, pt := range d.Curve {
		if best < 0 || pt.New > d.Curve[best].New {
			best = i
		}
	}
	if best < 0 || d.Curve[best].New == 0 {
		t.Fatal("the sample's diffusion curve has no adoption")
	}
	period := d.Curve[best].Period
	var firsts []string
	for _, a := range d.Adopters {
		if strings.HasPrefix(a.FirstDate, period) {
			firsts = append(firsts, a.District)
		}
	}
	if len(firsts) != d.Curve[best].New {
		t.Errorf("curve says %d districts adopted in %s, the adopters table %d (%v)", d.Curve[best].New, period, len(firsts), firsts)
	}

	tb := newTab(t)
	tb.open("/diffusion?" + query)
	tb.clickDatum("diffusion", 0, best)
	tb.screenshot("drill-diffusion")
	got := tb.location()
	q := got.Query()
	if got.Path != "/meetings" || q.Get("topic") != "digital" || q.Get("from") != period || q.Get("to") != period {
		t.Fatalf("click on %s opened %s, want /meetings?topic=digital&from=%[1]s&to=%[1]s", period, got)
	}
	list := eval[listedMeetings](tb, listJS)
	for _, district := range firsts {
		found := false
		for _, row := range list.Rows {
			found = found || strings.Contains(row[colPlace], district) && strings.HasPrefix(row[colDate], period)
		}
		if !found {
			t.Errorf("%s adopted in %s, but the list behind the point does not hold its meeting", district, period)
		}
	}
	tb.checkClean("drill from the diffusion curve")
}

// TestRisingTermOpensItsTrend clicks the top rising word and expects its
// trend on the terms page, by the same period.
func TestRisingTermOpensItsTrend(t *testing.T) {
	t.Parallel()
	browser(t) // first: without one, skip before loading the sample
	srv := server(t)
	const query = "period=year&current=2023-01&min=1"
	var r struct {
		Current string `json:"current"`
		Terms   []struct {
			Term     string `json:"term"`
			Mentions int64  `json:"mentions"`
		} `json:"terms"`
	}
	srv.api(t, "/api/rising?"+query, &r)
	if len(r.Terms) == 0 {
		t.Fatalf("/api/rising?%s lists no words", query)
	}
	top := r.Terms[0]

	tb := newTab(t)
	tb.open("/rising?" + query)
	tb.clickDatum("rising", 0, 0)
	tb.screenshot("drill-rising")
	got := tb.location()
	if got.Path != "/terms" || got.Query().Get("q") != top.Term || got.Query().Get("period") != "year" {
		t.Fatalf("click on %q opened %s, want /terms?q=%s&period=year", top.Term, got, top.Term)
	}
	st := probe(tb)
	if len(st.Charts) != 1 {
		t.Fatalf("terms page shows %d charts", len(st.Charts))
	}
	checkChart(t, st.Charts[0])
	var terms struct {
		Rows []struct {
			Period   string `json:"period"`
			Mentions int64  `json:"mentions"`
		} `json:"rows"`
	}
	srv.api(t, "/api/terms?q="+url.QueryEscape(top.Term)+"&period=year", &terms)
	for _, row := range terms.Rows {
		if row.Period == r.Current && row.Mentions != top.Mentions {
			// Rising counts segmented words, terms counts every
			// occurrence of the text: a reader sees both numbers.
			t.Logf("%q in %s: %d mentions on /rising, %d on /terms", top.Term, r.Current, top.Mentions, row.Mentions)
		}
	}
	tb.checkClean("drill from rising terms")
}
