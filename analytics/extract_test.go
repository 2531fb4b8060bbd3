package analytics

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"agendascope/analytics/topics"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

var (
	xOnce sync.Once
	xTest *Extractor
	xErr  error
)

func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	xOnce.Do(func() {
		tax, err := topics.Default()
		if err != nil {
			xErr = err
			return
		}
		tg, err := topics.NewTagger(tax)
		if err != nil {
			xErr = err
			return
		}
		xTest = New(tg)
	})
	if xErr != nil {
		t.Fatal(xErr)
	}
	return xTest
}

func extractFile(t *testing.T, path string) Record {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := testExtractor(t).Extract(Input{Source: filepath.Base(path), Raw: raw})
	if err != nil {
		t.Fatalf("extract %s: %v", path, err)
	}
	return r
}

// TestGolden pins the whole record of every real report in testdata, so any
// change in extraction shows up as a reviewed diff (go test -update).
func TestGolden(t *testing.T) {
	paths, _ := filepath.Glob("testdata/seeds/*.txt")
	more, _ := filepath.Glob("testdata/examples/e*.txt")
	paths = append(paths, more...)
	if len(paths) < 27 {
		t.Fatalf("found %d test reports, want 27", len(paths))
	}
	for _, p := range paths {
		r := extractFile(t, p)
		got, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		golden := filepath.Join("testdata/golden", strings.TrimSuffix(filepath.Base(p), ".txt")+".json")
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: record differs from %s; run go test ./analytics -update and review the diff", p, golden)
		}
	}
}

type goldDoc struct {
	File         string         `json:"file"`
	DistrictCode string         `json:"district_code"`
	MeetingDate  string         `json:"meeting_date"`
	Chair        string         `json:"chair"`
	Kinds        []string       `json:"meeting_kinds"`
	Documents    int            `json:"documents_reviewed"`
	Topics       map[string]any `json:"topics"`
}

// TestSeedsAgainstGold checks the seeds against their hand labels: district,
// date, chair and every core topic that is not labelled weak.
func TestSeedsAgainstGold(t *testing.T) {
	raw, err := os.ReadFile("testdata/seeds/gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold struct{ Documents []goldDoc }
	if err := json.Unmarshal(raw, &gold); err != nil {
		t.Fatal(err)
	}
	for _, g := range gold.Documents {
		r := extractFile(t, filepath.Join("testdata/seeds", g.File))
		if r.DistrictCode != g.DistrictCode {
			t.Errorf("%s: district %q, want %q", g.File, r.DistrictCode, g.DistrictCode)
		}
		if got := deref(r.MeetingDate); got != g.MeetingDate {
			t.Errorf("%s: meeting date %q, want %q", g.File, got, g.MeetingDate)
		}
		if r.Chair != g.Chair {
			t.Errorf("%s: chair %q, want %q", g.File, r.Chair, g.Chair)
		}
		for topic, v := range g.Topics {
			want, ok := v.(bool)
			if !ok {
				continue // weak: either answer is right
			}
			if got := r.Topics[topic] > 0; got != want {
				t.Errorf("%s: topic %s mentioned=%v, want %v (keywords %v)", g.File, topic, got, want, r.Keywords)
			}
		}
	}
}

// TestExamplesAgainstGold scores the 22 labelled examples. They teach the
// variety of real pages; a few misses are allowed, but the rate must not drop.
func TestExamplesAgainstGold(t *testing.T) {
	f, err := os.Open("testdata/examples/gold.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.Comma = '\t'
	cr.LazyQuotes = true
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	var district, date, chair, topicsOK, dn, dd, dc, tn int
	for _, row := range rows[1:] {
		r := extractFile(t, filepath.Join("testdata/examples", row[col["file"]]))
		if want := row[col["district_code"]]; want != "" {
			dn++
			if r.DistrictCode == want {
				district++
			} else {
				t.Logf("%s: district %q, want %q", row[0], r.DistrictCode, want)
			}
		}
		if want := row[col["meeting_date"]]; want != "" {
			got := deref(r.MeetingDate)
			if !(row[col["date_basis"]] == "knowledge" && got == "") {
				dd++
				if got == want || (len(want) == 7 && strings.HasPrefix(got, want)) {
					date++
				} else {
					t.Logf("%s: date %q, want %q", row[0], got, want)
				}
			}
		}
		if want := row[col["chair"]]; want != "" {
			dc++
			if r.Chair == want {
				chair++
			} else {
				t.Logf("%s: chair %q, want %q", row[0], r.Chair, want)
			}
		}
		for _, topic := range []string{"safety", "digital", "carbon"} {
			want := row[col[topic]]
			if want == "weak" {
				continue
			}
			tn++
			if (r.Topics[topic] > 0) == (want == "true") {
				topicsOK++
			} else {
				t.Logf("%s: %s mentioned=%v, want %s (keywords %v)", row[0], topic, r.Topics[topic] > 0, want, r.Keywords)
			}
		}
	}
	t.Logf("examples: district %d/%d, date %d/%d, chair %d/%d, core topics %d/%d", district, dn, date, dd, chair, dc, topicsOK, tn)
	// Floors set from the current rate: a drop fails the test.
	if district < dn-2 || date < dd-2 || chair < dc-2 || topicsOK < tn-3 {
		t.Errorf("extraction quality on the examples dropped below the floor")
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
