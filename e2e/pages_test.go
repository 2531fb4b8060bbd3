package e2e

import (
	"net/url"
	"path"
	"strings"
	"testing"
)

// TestPages opens every page in Chinese and in English, checks that it loads
// cleanly and that its charts draw, and saves a screenshot of each.
func TestPages(t *testing.T) {
	t.Parallel()
	browser(t) // first: without one, skip before loading the sample
	srv := server(t)
	var list struct {
		Rows []apiMeeting `json:"rows"`
	}
	srv.api(t, "/api/meetings?per=1", &list)
	if len(list.Rows) == 0 {
		t.Fatal("the sample lists no meetings")
	}
	meeting := "/meetings/" + url.PathEscape(list.Rows[0].ID)

	tests := []struct {
		name     string // of the screenshot
		path     string
		charts   []string // ids of the charts that must draw
		download string   // the table the page offers for download; "" for none
		table    bool
		message  bool // the page answers with a message (a prompt), not data
	}{
		{"overview", "/", []string{"volume"}, "", true, false},
		{"trends", "/trends?topic=safety&period=month", []string{"trends"}, "trends", true, false},
		{"compare-district", "/compare?topic=safety&level=district", []string{"compare"}, "compare", true, false},
		{"compare-city", "/compare?topic=safety&level=city", []string{"compare"}, "compare", true, false},
		{"compare-province", "/compare?topic=safety&level=province", []string{"compare"}, "compare", true, false},
		{"heatmap", "/heatmap", []string{"heatmap"}, "heatmap", true, false},
		{"terms-form", "/terms", nil, "", false, false},
		{"terms", "/terms?q=" + url.QueryEscape("安全生产,数字化转型") + "&period=year", []string{"terms"}, "terms", true, false},
		{"diffusion-form", "/diffusion", nil, "", false, true},
		{"diffusion", "/diffusion?topic=digital", []string{"diffusion"}, "diffusion", true, false},
		{"diffusion-term", "/diffusion?term=" + url.QueryEscape("安全生产") + "&period=quarter", []string{"diffusion"}, "diffusion", true, false},
		// The default compares the latest quarter with the one before,
		// which the sample does not have: a message, not an error.
		{"rising-default", "/rising", nil, "", false, true},
		{"rising", "/rising?period=year&current=2023-01&min=1", []string{"rising"}, "rising", true, false},
		{"meetings", "/meetings", nil, "meetings", true, false},
		{"meeting", meeting, nil, "", false, false},
	}
	// One tab per language, side by side: the browser and the server
	// overlap their work.
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			tb := newTab(t)
			for _, tc := range tests {
				t.Run(tc.name, func(t *testing.T) {
					defer tb.use(t)()
					p := withLang(tc.path, lang)
					tb.open(p)
					st := probe(tb)
					tb.screenshot(tc.name + "." + lang)

					wantLang := map[string]string{"zh": "zh-CN", "en": "en"}[lang]
					if st.Lang != wantLang {
						t.Errorf("<html lang=%q>, want %q", st.Lang, wantLang)
					}
					if st.H1 == "" {
						t.Error("no heading")
					}
					if tc.message != (st.Empty != "") {
						t.Errorf("message %q; want one: %v", st.Empty, tc.message)
					}
					checkText(t, st, lang, p)
					var ids []string
					for _, c := range st.Charts {
						ids = append(ids, c.ID)
						checkChart(t, c)
					}
					if strings.Join(ids, ",") != strings.Join(tc.charts, ",") {
						t.Errorf("charts %v, want %v", ids, tc.charts)
					}
					if st.Canvases != len(tc.charts) {
						t.Errorf("%d canvases on the page, want %d", st.Canvases, len(tc.charts))
					}
					if tc.table && st.Rows == 0 {
						t.Error("no table rows")
					}
					if st.Overflow > 0 {
						t.Errorf("page is %d px wider than a %d px window", st.Overflow, viewportWidth)
					}
					checkDownloadLinks(t, st.Downloads, tc.download, p)
					tb.checkClean("open " + p)
				})
			}
		})
	}
}

// checkDownloadLinks wants one link per format, each for the table the page
// shows, with the page's own filters (less paging).
func checkDownloadLinks(t *testing.T, hrefs []string, name, pagePath string) {
	t.Helper()
	if name == "" {
		if len(hrefs) > 0 {
			t.Errorf("unexpected download links %q", hrefs)
		}
		return
	}
	pageURL, err := url.Parse(pagePath)
	if err != nil {
		t.Fatal(err)
	}
	want := pageURL.Query()
	want.Del("page")
	want.Del("per")
	var formats []string
	for _, h := range hrefs {
		u, err := url.Parse(h)
		if err != nil {
			t.Errorf("download link %q: %v", h, err)
			continue
		}
		dir, file := path.Split(u.Path)
		base, format, _ := strings.Cut(file, ".")
		if dir != "/download/" || base != name {
			t.Errorf("download link %q, want /download/%s.*", h, name)
		}
		if got := u.Query(); got.Encode() != want.Encode() {
			t.Errorf("download link %q carries %q, want the page's filters %q", h, got.Encode(), want.Encode())
		}
		formats = append(formats, format)
	}
	if strings.Join(formats, ",") != "csv,xlsx,parquet,json" {
		t.Errorf("download formats %v, want csv, xlsx, parquet, json", formats)
	}
}

// TestEmptySelection: filters that match no report must say so in words,
// not draw an empty chart frame or an empty table.
func TestEmptySelection(t *testing.T) {
	t.Parallel()
	browser(t) // first: without one, skip before loading the sample
	tests := []struct {
		name  string
		path  string
		shown string // the filter value the page must repeat, so the reader sees why
	}{
		{"trends-future", "/trends?topic=safety&from=2030-01", "2030-01"},
		{"trends-other-district", "/trends?topic=safety&district=110101", "110101"},
		{"compare-other-province", "/compare?topic=safety&level=district&province=11", "11"},
		{"heatmap-future", "/heatmap?from=2030-01", "2030-01"},
		{"terms-future", "/terms?q=" + url.QueryEscape("安全生产") + "&from=2030-01", "2030-01"},
		{"terms-unused-word", "/terms?q=" + url.QueryEscape("量子纠缠") + "&period=year", "量子纠缠"},
		{"meetings-unused-word", "/meetings?q=" + url.QueryEscape("量子纠缠"), "量子纠缠"},
		{"meetings-other-kind", "/meetings?kind=plenary&from=2030-01", "2030-01"},
	}
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			tb := newTab(t)
			for _, tc := range tests {
				t.Run(tc.name, func(t *testing.T) {
					defer tb.use(t)()
					p := withLang(tc.path, lang)
					tb.open(p)
					st := probe(tb)
					tb.screenshot("empty-" + tc.name + "." + lang)
					if st.Empty == "" || !st.EmptyVisible {
						t.Errorf("no visible message that nothing matched (message %q)", st.Empty)
					}
					if len(st.Charts) > 0 || st.Canvases > 0 {
						t.Errorf("%d charts and %d canvases drawn for an empty selection", len(st.Charts), st.Canvases)
					}
					if st.Tables > 0 {
						t.Errorf("%d tables shown for an empty selection", st.Tables)
					}
					if len(st.Downloads) > 0 {
						t.Errorf("download links offered for an empty selection: %q", st.Downloads)
					}
					if !strings.Contains(st.Text, tc.shown) {
						t.Errorf("page does not repeat the filter %q that matched nothing", tc.shown)
					}
					checkText(t, st, lang, p)
					tb.checkClean("open " + p)
				})
			}
		})
	}
}
