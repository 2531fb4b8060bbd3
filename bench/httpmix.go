package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Route is one request of the query mix: a page, an API call or a small
// download, with typical parameters.
type Route struct {
	Name string
	Path string // with query string, relative to the server root
	// Fresh, when set, are the paths the mix asks in turn instead of Path:
	// each asks a phrase that no earlier request asked, so that the
	// server's remembered counts (queries/phrasememo.go) cannot answer it
	// and the route times a first search.
	Fresh []string
}

// path is the path of the route's i-th request.
func (r Route) path(i int) string {
	if len(r.Fresh) == 0 {
		return r.Path
	}
	return r.Fresh[i%len(r.Fresh)]
}

// freshPhrases are common words of the meeting reports, a different one for
// each request of the fresh-phrase routes (the mix cycles through them when
// it asks more).
var freshPhrases = strings.Fields(`
安全生产 数字化 疫情防控 乡村振兴 营商环境 生态环境 招商引资 项目建设 防汛 消防
食品安全 河长制 污染防治 科技创新 民生 就业 养老 教育 医疗 住房
城市更新 老旧小区 基层治理 文明城市 粮食安全 农业 旅游 交通 水利 人才
财政 审计 信访 社区 企业 产业 改革 服务 规划 环境`)

// fresh is one route per phrase of freshPhrases, built by path.
func fresh(path func(phrase string) string) []string {
	out := make([]string, len(freshPhrases))
	for i, p := range freshPhrases {
		out[i] = path(url.QueryEscape(p))
	}
	return out
}

// TermRoute names the route whose time is the "term query" target: exact
// phrase counts are a scan of every report's text.
const TermRoute = "api/terms"

// FreshTermRoute is the term query with a term no earlier request asked.
const FreshTermRoute = "api/terms, new term"

// Sample is what the mix needs from the database to build routes that hit
// real rows: one meeting and its place.
type Sample struct {
	MeetingID    string
	DistrictCode string
}

// Discover asks the server (over HTTP, like a user) for one meeting, so
// that the meeting and district routes ask for rows that exist.
func Discover(ctx context.Context, client *http.Client, base string) (Sample, error) {
	var page struct {
		Total int64 `json:"total"`
		Rows  []struct {
			ID           string `json:"id"`
			DistrictCode string `json:"district_code"`
		} `json:"rows"`
	}
	body, status, err := get(ctx, client, base+"/api/meetings?per=20")
	if err != nil {
		return Sample{}, err
	}
	if status != http.StatusOK {
		return Sample{}, fmt.Errorf("bench: /api/meetings answered %d", status)
	}
	if err := json.Unmarshal(body, &page); err != nil {
		return Sample{}, fmt.Errorf("bench: read /api/meetings: %w", err)
	}
	var s Sample
	for _, r := range page.Rows {
		if s.MeetingID == "" {
			s.MeetingID = r.ID
		}
		if r.DistrictCode != "" {
			s.MeetingID, s.DistrictCode = r.ID, r.DistrictCode
			break
		}
	}
	if s.MeetingID == "" {
		return Sample{}, fmt.Errorf("bench: the database has no meetings")
	}
	if s.DistrictCode == "" {
		s.DistrictCode = "110101"
	}
	return s, nil
}

// Mix is the fixed query mix: every page and API route with the
// parameters a researcher would use first.
func Mix(s Sample) []Route {
	d := s.DistrictCode
	prov, city := d[:2], d[:4]
	id := url.PathEscape(s.MeetingID)
	terms := url.QueryEscape("碳达峰,乡村振兴,营商环境")
	return []Route{
		{Name: "overview", Path: "/"},
		{Name: "trends", Path: "/trends?topic=safety&period=month"},
		{Name: "trends 3 topics", Path: "/trends?topic=safety&topic=digital&topic=carbon&period=quarter"},
		{Name: "trends province", Path: "/trends?topic=safety&period=month&province=" + prov},
		{Name: "compare district", Path: "/compare?topic=safety&level=district"},
		{Name: "compare province", Path: "/compare?topic=safety&level=province"},
		{Name: "heatmap", Path: "/heatmap"},
		{Name: "meetings", Path: "/meetings"},
		{Name: "meetings topic", Path: "/meetings?topic=carbon"},
		{Name: "meetings district", Path: "/meetings?district=" + d},
		{Name: "meetings page 50", Path: "/meetings?page=50"},
		{Name: "meetings search", Path: "/meetings?q=" + url.QueryEscape("垃圾分类")},
		{Name: "meeting", Path: "/meetings/" + id},
		{Name: "terms", Path: "/terms?q=" + terms + "&period=year"},
		{Name: "api/topics", Path: "/api/topics"},
		{Name: "api/overview", Path: "/api/overview"},
		{Name: "api/trends", Path: "/api/trends?topic=safety&period=month"},
		{Name: "api/compare", Path: "/api/compare?topic=safety&level=district"},
		{Name: "api/heatmap", Path: "/api/heatmap?level=province"},
		{Name: TermRoute, Path: "/api/terms?q=" + terms + "&period=year"},
		{Name: "api/meetings", Path: "/api/meetings?city=" + city},
		{Name: "api/meeting", Path: "/api/meetings/" + id},
		{Name: "download trends.csv", Path: "/download/trends.csv?topic=safety&period=month"},
		freshRoute("meetings search, new phrase", func(p string) string { return "/meetings?q=" + p }),
		freshRoute(FreshTermRoute, func(p string) string { return "/api/terms?q=" + p + "&period=year" }),
	}
}

func freshRoute(name string, path func(phrase string) string) Route {
	paths := fresh(path)
	return Route{Name: name, Path: paths[0], Fresh: paths}
}

// RouteStat is the latency of one route over repeated requests.
type RouteStat struct {
	Route
	N      int
	First  time.Duration // the first request, before DuckDB's caches are warm
	P50    time.Duration
	P95    time.Duration
	Max    time.Duration
	Bytes  int64 // body size of the last answer
	Errors int
	Err    string // the first error seen
	// Probe is the median time of a fixed unit of CPU work (bare Cut of
	// one sample report) measured between this route's requests: P95/Probe
	// is the route's cost in units of the machine as it was at that moment.
	Probe time.Duration
}

// ProbeRatio is P95 in probe units.
func (s RouteStat) ProbeRatio() float64 {
	if s.Probe <= 0 {
		return 0
	}
	return float64(s.P95) / float64(s.Probe)
}

// MinReps is the fewest timed requests a route gets, however slow it is.
const MinReps = 5

// RunMix requests every route reps times after one first request that is
// reported apart (cold caches), one request at a time, and returns the
// latencies. A route that has had MinReps requests and used up budget
// stops early, so that one slow route cannot stretch a run by hours.
// probe, when not nil, is timed before each request.
func RunMix(ctx context.Context, client *http.Client, base string, routes []Route, reps int, budget time.Duration, probe func()) []RouteStat {
	out := make([]RouteStat, 0, len(routes))
	for _, r := range routes {
		st := RouteStat{Route: r}
		var lat, probes []time.Duration
		began := time.Now()
		for i := 0; i <= reps && ctx.Err() == nil; i++ {
			if budget > 0 && i > MinReps && time.Since(began) > budget {
				break
			}
			if probe != nil {
				t0 := time.Now()
				probe()
				probes = append(probes, time.Since(t0))
			}
			t0 := time.Now()
			body, status, err := get(ctx, client, base+r.path(i))
			d := time.Since(t0)
			if err == nil && status != http.StatusOK {
				err = fmt.Errorf("status %d: %s", status, firstLine(body))
			}
			if err != nil {
				st.Errors++
				if st.Err == "" {
					st.Err = err.Error()
				}
			}
			st.Bytes = int64(len(body))
			if i == 0 {
				st.First = d
				continue
			}
			lat = append(lat, d)
		}
		st.N = len(lat)
		st.P50, st.P95, st.Max = percentile(lat, 50), percentile(lat, 95), percentile(lat, 100)
		st.Probe = percentile(probes, 50)
		out = append(out, st)
	}
	return out
}

func get(ctx context.Context, client *http.Client, u string) ([]byte, int, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, 0, fmt.Errorf("bench: request %s: %w", u, err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, 0, fmt.Errorf("bench: GET %s: %w", u, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return body, resp.StatusCode, fmt.Errorf("bench: read %s: %w", u, err)
	}
	return body, resp.StatusCode, nil
}

func firstLine(b []byte) string {
	s, _, _ := strings.Cut(string(b), "\n")
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}

// percentile is the nearest-rank percentile of lat (p in 1..100).
func percentile(lat []time.Duration, p int) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	s := slices.Clone(lat)
	slices.Sort(s)
	rank := (p*len(s) + 99) / 100
	return s[max(rank, 1)-1]
}

// NewClient is an HTTP client for loopback runs: enough idle connections
// for every load client, and a time limit so a stuck server cannot hang
// the run.
func NewClient(conns int) *http.Client {
	return &http.Client{
		Timeout: 2 * time.Minute,
		Transport: &http.Transport{
			Proxy:               nil,
			MaxIdleConns:        conns * 2,
			MaxIdleConnsPerHost: conns * 2,
			IdleConnTimeout:     time.Minute,
		},
	}
}
