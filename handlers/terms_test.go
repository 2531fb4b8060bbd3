package handlers_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestAPITermsCountsExactly checks the term API's counts against the
// fixture's hand counts (queries/querytest), for Traditional input too: the
// handler simplifies terms before they are counted.
func TestAPITermsCountsExactly(t *testing.T) {
	e := newServer(t)
	tests := []struct {
		q    string
		want []string // period term mentions/reports
	}{
		{"碳达峰,碳中和", []string{"2022 碳达峰 5/2", "2022 碳中和 1/1", "2023 碳达峰 1/1", "2023 碳中和 0/0"}},
		{"碳達峰", []string{"2022 碳达峰 5/2", "2023 碳达峰 1/1"}},
		// r1 "碳达峰碳中和" once, r2 "碳达峰碳达峰碳达峰" twice (not overlapping)
		{"峰碳", []string{"2022 峰碳 3/2", "2023 峰碳 0/0"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			rec := get(t, e, "/api/terms?period=year&q="+url.QueryEscape(tt.q))
			if rec.Code != http.StatusOK {
				t.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
			var body struct {
				Rows []struct {
					Period   string `json:"period"`
					Term     string `json:"term"`
					Mentions int64  `json:"mentions"`
					Reports  int64  `json:"reports"`
				} `json:"rows"`
			}
			if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range body.Rows {
				got = append(got, fmt.Sprintf("%s %s %d/%d", r.Period, r.Term, r.Mentions, r.Reports))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestAPIMeetingsSearch checks the full-text search's report count, with
// Traditional input.
func TestAPIMeetingsSearch(t *testing.T) {
	e := newServer(t)
	tests := []struct {
		q    string
		want int64
	}{
		{"碳達峰", 3}, // r1, r2, r6
		{"碳中和", 1}, // r1
		{"碳达峰碳达峰碳达峰", 1},
		{"碳汇", 0},
	}
	for _, tt := range tests {
		rec := get(t, e, "/api/meetings?q="+url.QueryEscape(tt.q))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", tt.q, rec.Code, rec.Body)
		}
		var body struct {
			Total int64 `json:"total"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
			t.Fatal(err)
		}
		if body.Total != tt.want {
			t.Errorf("q=%s: total %d, want %d", tt.q, body.Total, tt.want)
		}
	}
}
