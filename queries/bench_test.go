package queries_test

import (
	"context"
	"os"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"agendascope/analytics"
	"agendascope/analytics/topics"
	"agendascope/bench"
	"agendascope/ingest"
	"agendascope/queries"
)

// The query benchmarks share one in-memory database of synthetic reports,
// built through the real ingest the first time a benchmark asks for it
// (never for plain `go test`). AGENDASCOPE_BENCH_REPORTS sets its size.
// AGENDASCOPE_BENCH_DB names an existing database file to open read-only
// instead, as the server does, so that a million-report corpus is ingested
// once and timed many times.
const defaultBenchReports = 20_000

var (
	benchOnce sync.Once
	benchDB   *queries.DB
	benchTax  *topics.Taxonomy
	benchErr  error
)

func benchDatabase(b *testing.B) (*queries.DB, *topics.Taxonomy) {
	b.Helper()
	benchOnce.Do(func() {
		if benchTax, benchErr = topics.LoadFile(""); benchErr != nil {
			return
		}
		if path := os.Getenv("AGENDASCOPE_BENCH_DB"); path != "" {
			benchDB, benchErr = queries.Open(context.Background(), path, true)
			return
		}
		n := defaultBenchReports
		if v := os.Getenv("AGENDASCOPE_BENCH_REPORTS"); v != "" {
			if n, benchErr = strconv.Atoi(v); benchErr != nil {
				return
			}
		}
		dir, err := os.MkdirTemp("", "agendascope-queries-bench-")
		if err != nil {
			benchErr = err
			return
		}
		defer os.RemoveAll(dir)
		c, err := bench.Generate(dir, bench.Spec{Reports: n, Seed: 11})
		if err != nil {
			benchErr = err
			return
		}
		tg, err := topics.NewTagger(benchTax)
		if err != nil {
			benchErr = err
			return
		}
		tg.CollectTerms = true
		ctx := context.Background()
		if benchDB, benchErr = queries.Open(ctx, "", false); benchErr != nil {
			return
		}
		_, benchErr = ingest.Run(ctx, benchDB, analytics.New(tg), c.Files, ingest.Options{})
	})
	if benchErr != nil {
		b.Fatalf("build benchmark database: %v", benchErr)
	}
	return benchDB, benchTax
}

// discard is a RowWriter that keeps nothing, for timing downloads.
type discard struct{ rows int }

func (d *discard) Header([]string) error { return nil }
func (d *discard) Row([]any) error       { d.rows++; return nil }

// BenchmarkQueries times each read function on the shared database. The
// baseline sub-benchmarks, in the same run, are the floors: a count (the
// cost of asking DuckDB anything) and a scan of every report's text (what
// the terms and search queries cannot beat). Divide by them to compare runs
// on a busy machine.
func BenchmarkQueries(b *testing.B) {
	db, tax := benchDatabase(b)
	ctx := context.Background()
	var id string
	if err := db.SQL.QueryRowContext(ctx, `SELECT id FROM reports ORDER BY id LIMIT 1`).Scan(&id); err != nil {
		b.Fatal(err)
	}
	var district string
	if err := db.SQL.QueryRowContext(ctx, `SELECT district_code FROM reports WHERE district_code IS NOT NULL
		GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`).Scan(&district); err != nil {
		b.Fatal(err)
	}
	all := tax.IDs()
	terms := []string{"碳达峰", "乡村振兴", "营商环境"}
	month := queries.TrendParams{Topics: []string{"safety"}, Period: queries.Month, Measure: queries.Share}
	cases := []struct {
		name string
		run  func() error
	}{
		{"baseline_count", func() error {
			var n int64
			return db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM reports`).Scan(&n)
		}},
		{"baseline_text_scan", func() error {
			var n int64
			return db.SQL.QueryRowContext(ctx, `SELECT count(*) FROM reports WHERE contains(text, '碳达峰')`).Scan(&n)
		}},
		{"overview", func() error { _, err := queries.GetOverview(ctx, db); return err }},
		{"stats", func() error { _, err := queries.Stats(ctx, db); return err }},
		{"trends_month", func() error { _, err := queries.Trends(ctx, db, month); return err }},
		{"trends_3_quarter", func() error {
			_, err := queries.Trends(ctx, db, queries.TrendParams{Topics: []string{"safety", "digital", "carbon"}, Period: queries.Quarter, Measure: queries.Share})
			return err
		}},
		{"trends_3_month", func() error {
			_, err := queries.Trends(ctx, db, queries.TrendParams{Topics: []string{"safety", "digital", "carbon"}, Period: queries.Month, Measure: queries.Share})
			return err
		}},
		{"trends_kind_2020s", func() error {
			p := month
			p.Kind, p.From = "executive", "2020-01"
			_, err := queries.Trends(ctx, db, p)
			return err
		}},
		{"trends_search", func() error {
			p := month
			p.Q = "垃圾分类"
			_, err := queries.Trends(ctx, db, p)
			return err
		}},
		{"trends_province", func() error {
			p := month
			p.Provinces = []string{district[:2]}
			_, err := queries.Trends(ctx, db, p)
			return err
		}},
		{"compare_district", func() error {
			_, err := queries.Compare(ctx, db, queries.CompareParams{Topics: []string{"safety"}, Level: queries.District, Measure: queries.Share})
			return err
		}},
		{"compare_province", func() error {
			_, err := queries.Compare(ctx, db, queries.CompareParams{Topics: []string{"safety"}, Level: queries.Province, Measure: queries.Share})
			return err
		}},
		{"heatmap", func() error {
			_, err := queries.Compare(ctx, db, queries.CompareParams{Topics: all, Level: queries.District, Measure: queries.Share, Top: 30, MinReports: 1, RankByReports: true})
			return err
		}},
		{"compare_city_3", func() error {
			_, err := queries.Compare(ctx, db, queries.CompareParams{Topics: []string{"safety", "digital", "carbon"}, Level: queries.City, Measure: queries.Per10k})
			return err
		}},
		{"terms_1_month", func() error {
			_, err := queries.Terms(ctx, db, queries.TermParams{Terms: terms[:1], Period: queries.Month, Measure: queries.Share})
			return err
		}},
		{"terms_province_2y", func() error {
			_, err := queries.Terms(ctx, db, queries.TermParams{Terms: terms, Period: queries.Month, Measure: queries.Share,
				Scope: queries.Scope{Provinces: []string{district[:2]}, From: "2020-01", To: "2021-12"}})
			return err
		}},
		{"place_names", func() error {
			_, err := queries.PlaceNames(ctx, db, []string{district, district[:4], district[:2]})
			return err
		}},
		{"terms", func() error {
			_, err := queries.Terms(ctx, db, queries.TermParams{Terms: terms, Period: queries.Year, Measure: queries.Mentions})
			return err
		}},
		{"meetings", func() error {
			_, err := queries.Meetings(ctx, db, queries.MeetingsParams{Limit: 50})
			return err
		}},
		{"meetings_topic", func() error {
			_, err := queries.Meetings(ctx, db, queries.MeetingsParams{Topics: []string{"carbon"}, Limit: 50})
			return err
		}},
		{"meetings_district", func() error {
			_, err := queries.Meetings(ctx, db, queries.MeetingsParams{Scope: queries.Scope{Districts: []string{district}}, Limit: 50})
			return err
		}},
		{"meetings_page_50", func() error {
			_, err := queries.Meetings(ctx, db, queries.MeetingsParams{Limit: 50, Offset: 49 * 50})
			return err
		}},
		{"meetings_search", func() error {
			_, err := queries.Meetings(ctx, db, queries.MeetingsParams{Scope: queries.Scope{Q: "垃圾分类"}, Limit: 50})
			return err
		}},
		{"meeting", func() error { _, err := queries.GetMeeting(ctx, db, id); return err }},
		{"download_meetings", func() error {
			return queries.Stream(ctx, db, queries.MeetingsExport{}, &discard{})
		}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var times []time.Duration
			cpu0 := bench.CPUTime()
			for b.Loop() {
				t0 := time.Now()
				if err := c.run(); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(t0))
			}
			reportSpread(b, times, bench.CPUTime()-cpu0)
		})
	}
}

// reportSpread adds the median and 95th percentile wall time of the calls,
// and their CPU time (all threads) per call: on a shared machine the wall
// times wait for other processes, while the CPU time is the work itself.
func reportSpread(b *testing.B, times []time.Duration, cpu time.Duration) {
	if len(times) == 0 {
		return
	}
	slices.Sort(times)
	ms := func(d time.Duration) float64 { return float64(d) / 1e6 }
	b.ReportMetric(ms(times[len(times)/2]), "p50-ms")
	b.ReportMetric(ms(times[(len(times)*95+99)/100-1]), "p95-ms")
	b.ReportMetric(ms(cpu)/float64(len(times)), "cpu-ms/op")
}

// BenchmarkExportParquet writes the whole database as partitioned Parquet.
func BenchmarkExportParquet(b *testing.B) {
	db, _ := benchDatabase(b)
	for b.Loop() {
		dir := b.TempDir()
		if _, err := queries.ExportParquet(context.Background(), db, dir+"/out", queries.ExportOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
