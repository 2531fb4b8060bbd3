package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"agendascope/analytics"
	"agendascope/analytics/topics"
	"agendascope/ingest"
	"agendascope/queries"
)

// benchReports is the size of the corpus the go-test benchmarks share:
// small enough for `make bench` on two cores, large enough that ingest's
// per-run costs (opening appenders, folding term counts) do not dominate.
const benchReports = 400

var (
	fixtureOnce sync.Once
	fixtureDir  string
	fixture     Corpus
	fixtureX    *analytics.Extractor
	fixtureErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}

// shared returns the corpus and extractor every benchmark of the family
// uses, so that their MB/s figures divide into meaningful ratios.
func shared(tb testing.TB) (Corpus, *analytics.Extractor) {
	tb.Helper()
	fixtureOnce.Do(func() {
		fixtureDir, fixtureErr = os.MkdirTemp("", "agendascope-bench-test-")
		if fixtureErr != nil {
			return
		}
		if fixture, fixtureErr = Generate(fixtureDir, Spec{Reports: benchReports, Seed: 7, PerFile: 100}); fixtureErr != nil {
			return
		}
		fixtureX, fixtureErr = extractor()
	})
	if fixtureErr != nil {
		tb.Fatal(fixtureErr)
	}
	return fixture, fixtureX
}

func extractor() (*analytics.Extractor, error) {
	tax, err := topics.LoadFile("")
	if err != nil {
		return nil, err
	}
	tg, err := topics.NewTagger(tax)
	if err != nil {
		return nil, err
	}
	tg.CollectTerms = true
	return analytics.New(tg), nil
}

// BenchmarkCutBaseline is the denominator: bare gse Cut over the corpus
// files on every core. Compare its MB/s with BenchmarkIngest's (same
// bytes, same run): `go test -bench . ./bench/` prints both.
func BenchmarkCutBaseline(b *testing.B) {
	c, x := shared(b)
	b.SetBytes(c.Bytes)
	defer reportCPU(b, c.Bytes)()
	for b.Loop() {
		if _, err := CutBaseline(context.Background(), x.Tagger(), c.Files, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIngest is `agendascope ingest` end to end over the same files:
// read, extract on every core, append to a fresh in-memory database.
func BenchmarkIngest(b *testing.B) {
	c, x := shared(b)
	b.SetBytes(c.Bytes)
	defer reportCPU(b, c.Bytes)()
	for b.Loop() {
		db, err := queries.Open(context.Background(), "", false)
		if err != nil {
			b.Fatal(err)
		}
		sum, err := ingest.Run(context.Background(), db, x, c.Files, ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if sum.Added != benchReports {
			b.Fatalf("ingest added %d reports, want %d: %s", sum.Added, benchReports, sum)
		}
		db.Close()
	}
}

// BenchmarkExtract is ingest without the database (ingest.Stream), so that
// BenchmarkIngest minus this is the cost of writing.
func BenchmarkExtract(b *testing.B) {
	c, x := shared(b)
	b.SetBytes(c.Bytes)
	defer reportCPU(b, c.Bytes)()
	for b.Loop() {
		_, _, err := ingest.Stream(context.Background(), x, c.Files, ingest.Options{}, func(o ingest.Outcome) error {
			if o.Failed != nil {
				return fmt.Errorf("%s", o.Failed.Reason)
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerate times the synthetic corpus generator, which must stay
// far faster than ingest for a million-report run to be practical.
func BenchmarkGenerate(b *testing.B) {
	dir := b.TempDir()
	for i := 0; b.Loop(); i++ {
		c, err := Generate(dir, Spec{Reports: 200, Seed: uint64(i) + 100})
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(c.Bytes)
	}
}

// reportCPU adds the process's CPU seconds per MB of input as a metric:
// steadier than MB/s when other work shares the machine.
func reportCPU(b *testing.B, bytes int64) func() {
	cpu0 := CPUTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric((CPUTime()-cpu0).Seconds()/(float64(bytes)/1e6*float64(b.N)), "cpu-s/MB")
		}
	}
}

func TestGenerateIsDeterministicAndMarked(t *testing.T) {
	a, err := Generate(t.TempDir(), Spec{Reports: 25, Seed: 3, PerFile: 10})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(t.TempDir(), Spec{Reports: 25, Seed: 3, PerFile: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Files) != 3 || a.Reports != 25 {
		t.Fatalf("got %d files for %d reports, want 3 files for 25", len(a.Files), a.Reports)
	}
	if !strings.HasPrefix(filepath.Base(a.Dir), "synthetic-") {
		t.Errorf("corpus folder %s is not named synthetic-…", a.Dir)
	}
	notice, err := os.ReadFile(filepath.Join(a.Dir, "SYNTHETIC.md"))
	if err != nil || !bytes.Contains(notice, []byte(SyntheticMark)) {
		t.Errorf("corpus notice missing or unmarked: %v", err)
	}
	for i := range a.Files {
		x, _ := os.ReadFile(a.Files[i])
		y, _ := os.ReadFile(b.Files[i])
		if !bytes.Equal(x, y) {
			t.Fatalf("%s differs between two runs with the same seed", filepath.Base(a.Files[i]))
		}
		for n, line := range bytes.Split(bytes.TrimSpace(x), []byte("\n")) {
			if !bytes.Contains(line, []byte(`"synthetic":"`+SyntheticMark+`"`)) {
				t.Errorf("%s line %d has no synthetic marker", a.Files[i], n+1)
			}
		}
	}
}

func TestReportLengthAndShape(t *testing.T) {
	g, err := NewGenerator()
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		title, published, text := g.Report(1, i)
		if n := len(text); n < 2048 || n > 4096+512 {
			t.Errorf("report %d: %d bytes, want about 2–4 KB", i, n)
		}
		if !strings.Contains(title, "常务会议") || !strings.Contains(text, "主持召开") {
			t.Errorf("report %d does not open like a meeting report: %q", i, title)
		}
		if published < "2015-01-01" || published > "2026-01-03" {
			t.Errorf("report %d published %s, outside 2015–2025", i, published)
		}
	}
}

// An extension (First > 0) must not change the reports already written:
// the incremental-ingest step relies on it.
func TestSpecFirstExtendsCorpus(t *testing.T) {
	g, err := NewGenerator()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	c, err := Generate(dir, Spec{Reports: 3, First: 10, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(c.Files[0])
	_, _, want := g.Report(9, 11)
	if !bytes.Contains(got, []byte(`"id":"syn000000011"`)) || !strings.Contains(string(got), jsonText(want)) {
		t.Errorf("report 11 of an extension differs from report 11 of the seed")
	}
}

func jsonText(s string) string {
	return strings.ReplaceAll(s, "\n", `\n`)
}

func TestPercentile(t *testing.T) {
	ms := func(v ...int) []time.Duration {
		out := make([]time.Duration, len(v))
		for i, x := range v {
			out[i] = time.Duration(x)
		}
		return out
	}
	tests := []struct {
		in   []time.Duration
		p    int
		want time.Duration
	}{
		{nil, 95, 0},
		{ms(5), 50, 5},
		{ms(3, 1, 2), 50, 2},
		{ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 95, 10},
		{ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 90, 9},
		{ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), 100, 10},
	}
	for _, tt := range tests {
		if got := percentile(tt.in, tt.p); got != tt.want {
			t.Errorf("percentile(%v, %d) = %v, want %v", tt.in, tt.p, got, tt.want)
		}
	}
}

func TestLoadRefusesNonLoopback(t *testing.T) {
	tests := []struct {
		base string
		ok   bool
	}{
		{"http://127.0.0.1:8080", true},
		{"http://127.3.2.1:80", true},
		{"http://localhost:1", true},
		{"http://[::1]:8080", true},
		{"http://10.0.0.1:8080", false},
		{"http://192.168.1.5", false},
		{"http://example.com", false},
		{"http://127.example.com", false},
	}
	for _, tt := range tests {
		if err := checkLoopback(tt.base); (err == nil) != tt.ok {
			t.Errorf("checkLoopback(%s) = %v, want ok=%v", tt.base, err, tt.ok)
		}
	}
}

func TestRSS(t *testing.T) {
	now, peak, err := RSS()
	if err != nil {
		t.Fatal(err)
	}
	if peak <= 0 || (now > 0 && now > peak) {
		t.Errorf("RSS now %d, peak %d", now, peak)
	}
}

// TestRunSmall drives every phase on a tiny corpus: every route of the mix
// answers 200 and the load run has no errors.
func TestRunSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the server and a load run")
	}
	x, err := extractor()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), Config{
		Dir: t.TempDir(), Reports: 60, Seed: 5, PerFile: 25, Extractor: x,
		Reps: 1, Clients: 4, LoadRequests: 40, LoadTime: time.Minute,
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Summary.Added != 60 || rep.AddedSummary.Added != 1 {
		t.Errorf("ingested %d + %d reports, want 60 + 1", rep.Summary.Added, rep.AddedSummary.Added)
	}
	for _, s := range rep.Routes {
		if s.Errors > 0 {
			t.Errorf("route %s (%s): %d errors: %s", s.Name, s.Path, s.Errors, s.Err)
		}
	}
	if rep.Load.Errors > 0 || rep.Load.Requests == 0 {
		t.Errorf("load run: %d errors in %d requests: %s", rep.Load.Errors, rep.Load.Requests, rep.Load.FirstErr)
	}
	if rep.Download.Err != "" || rep.Download.Bytes == 0 {
		t.Errorf("download: %d bytes, error %q", rep.Download.Bytes, rep.Download.Err)
	}
	var md bytes.Buffer
	if err := rep.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"bare gse Cut", "ingest throughput", "term query", "load run"} {
		if !strings.Contains(md.String(), want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
