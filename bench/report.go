package bench

import (
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
)

// Targets of the "national scale on one laptop" issue.
const (
	TargetIngestRatio  = 0.6
	StretchIngestRatio = 0.8
	TargetPeakRSS      = 2 << 30
	TargetRouteP95     = 100 * time.Millisecond
	StretchRouteP95    = 50 * time.Millisecond
	TargetTermQuery    = 2 * time.Second
	StretchTermQuery   = 500 * time.Millisecond
	// An addition may cost up to this much more per report than the full
	// ingest did and still count as proportional: it pays a fixed cost
	// (open, loading the stored ids) that a small addition cannot spread.
	TargetAddedCostRatio = 1.5
	// A download "streams in constant memory" when the process grows by
	// less than this while sending it, whatever its size.
	TargetDownloadGrowth = 64 << 20
)

// WriteMarkdown writes the report as markdown tables, which read as well
// in a terminal as in docs/BENCHMARKS.md.
func (r Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	m := r.Machine
	fmt.Fprintf(&b, "### Run: %s\n\n", r.Command)
	fmt.Fprintf(&b, "Machine: %s, %d CPUs (GOMAXPROCS %d), %.1f GB RAM, %s, %s; load average at start %s.\n\n",
		m.CPU, m.CPUs, m.GOMAXPROCS, float64(m.MemTotal)/(1<<30), m.OS, m.Go, m.LoadAvg)
	if r.Ingest.Bytes > 0 {
		r.writeThroughput(&b)
	} else {
		fmt.Fprintf(&b, "Existing database, %s.\n", mb(r.DBBytes))
	}
	r.writeRoutes(&b)

	b.WriteString("\n| target | goal | measured | verdict |\n|---|---|---|---|\n")
	for _, t := range r.Targets() {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", t.Name, t.Goal, t.Measured, t.Verdict)
	}
	fmt.Fprintf(&b, "\nTotal run time %s.\n", round(r.TotalDuration))
	_, err := io.WriteString(w, b.String())
	return err
}

func (r Report) writeThroughput(b *strings.Builder) {
	c := r.Corpus
	fmt.Fprintf(b, "Corpus: %d reports, %d files, %s", c.Reports, len(c.Files), mb(c.Bytes))
	if c.Dir != "" {
		fmt.Fprintf(b, " (synthetic, generated in %s)", round(c.Elapsed))
	}
	fmt.Fprintf(b, "; database %s.\n\n", mb(r.DBBytes))

	b.WriteString("Throughput is MB of input files per second of wall-clock time; \"× baseline\" divides by the mean of the baseline runs. CPU s/MB counts every thread of the process (DuckDB's too); \"× baseline CPU\" is the baseline's CPU s/MB ÷ the phase's, the ratio a quiet machine would show.\n\n")
	b.WriteString("| phase | reports | MB | time | MB/s | × baseline | CPU s/MB | × baseline CPU |\n|---|---:|---:|---:|---:|---:|---:|---:|\n")
	base := r.BaselineMBps()
	baseCPU := 0.0
	for _, t := range r.Baseline {
		baseCPU += t.CPUPerMB() / float64(len(r.Baseline))
	}
	row := func(name string, t Throughput) {
		ratio, cpuRatio := "–", "–"
		if base > 0 {
			ratio = fmt.Sprintf("%.2f", t.MBps()/base)
		}
		if baseCPU > 0 && t.CPUPerMB() > 0 {
			cpuRatio = fmt.Sprintf("%.2f", baseCPU/t.CPUPerMB())
		}
		fmt.Fprintf(b, "| %s | %d | %.1f | %s | %.2f | %s | %.2f | %s |\n", name, t.Reports, float64(t.Bytes)/1e6, round(t.Elapsed), t.MBps(), ratio, t.CPUPerMB(), cpuRatio)
	}
	for i, t := range r.Baseline {
		row(fmt.Sprintf("baseline: bare gse Cut, run %d", i+1), t)
	}
	row("ingest (fresh database)", r.Ingest)
	if r.Added.Reports > 0 {
		row(fmt.Sprintf("incremental ingest (+ open %s)", round(r.AddedOpen)), r.Added)
	}
	fmt.Fprintf(b, "\nIngest: %s. Peak RSS while ingesting: %s%s.\n", r.Summary, gb(r.IngestPeakRSS),
		map[bool]string{true: "", false: " (whole process: peak could not be reset)"}[r.PeakReset])
	if r.Added.Reports > 0 {
		fmt.Fprintf(b, "Incremental: %s.\n", r.AddedSummary)
	}

}

func (r Report) writeRoutes(b *strings.Builder) {
	if len(r.Routes) > 0 {
		b.WriteString("\nRoute latencies over loopback HTTP, one request at a time; \"p95 ÷ probe\" divides p95 by the median time of bare Cut of one 3 KB report timed between the requests, a figure that stays comparable when other work slows the machine.")
		if r.TextLoad > 0 {
			fmt.Fprintf(b, " The mix started once the server held the report text in memory, %s after it opened the database.", round(r.TextLoad))
		}
		b.WriteString("\n\n")
		b.WriteString("| route | first | p50 | p95 | max | probe | p95 ÷ probe | n | errors | bytes |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
		for _, s := range r.Routes {
			path := s.Path
			if p, err := url.QueryUnescape(path); err == nil {
				path = p
			}
			fmt.Fprintf(b, "| %s `%s` | %s | %s | %s | %s | %s | %.1f | %d | %d | %d |\n", s.Name, path, ms(s.First), ms(s.P50), ms(s.P95), ms(s.Max),
				ms(s.Probe), s.ProbeRatio(), s.N, s.Errors, s.Bytes)
		}
		for _, s := range r.Routes {
			if s.Err != "" {
				fmt.Fprintf(b, "\n%s: %s", s.Name, s.Err)
			}
		}
		l := r.Load
		fmt.Fprintf(b, "\nLoad run: %d clients, %d requests in %s (%.1f req/s), %d errors; p50 %s, p95 %s, p99 %s, max %s.\n",
			l.Clients, l.Requests, round(l.Elapsed), l.RequestsPerSecond(), l.Errors, ms(l.P50), ms(l.P95), ms(l.P99), ms(l.Max))
		if l.FirstErr != "" {
			fmt.Fprintf(b, "First load error: %s\n", l.FirstErr)
		}
		d := r.Download
		fmt.Fprintf(b, "Download %s: %s in %s; RSS %s before, %s at most while streaming (%+.1f MB).\n",
			d.Path, mb(d.Bytes), round(d.Elapsed), gb(d.RSSBefore), gb(d.RSSMax), float64(d.RSSMax-d.RSSBefore)/1e6)
		if d.Err != "" {
			fmt.Fprintf(b, "Download error: %s\n", d.Err)
		}
	}
}

// Verdict is one target checked.
type Verdict struct{ Name, Goal, Measured, Verdict string }

// Targets checks the targets against what the run measured.
func (r Report) Targets() []Verdict {
	verdict := func(ok, stretch bool) string {
		switch {
		case stretch:
			return "meets stretch"
		case ok:
			return "meets"
		}
		return "MISSES"
	}
	ratio := r.IngestRatio()
	cpuRatio := r.IngestCPURatio()
	var out []Verdict
	if r.Ingest.Bytes > 0 {
		out = append(out, Verdict{"ingest throughput", fmt.Sprintf("≥ %.1f× bare Cut (stretch %.1f×)", TargetIngestRatio, StretchIngestRatio),
			fmt.Sprintf("%.2f× wall clock, %.2f× CPU time", ratio, cpuRatio), verdict(ratio >= TargetIngestRatio, ratio >= StretchIngestRatio)},
			Verdict{"peak RSS while ingesting", "≤ 2 GB at 1M reports", gb(r.IngestPeakRSS), verdict(r.IngestPeakRSS <= TargetPeakRSS, false)})
	}
	if r.Added.Reports > 0 {
		a, c := r.AddedCostRatio(), r.AddedCPURatio()
		out = append(out, Verdict{"incremental ingest", fmt.Sprintf("time per added report ≤ %.1f× the full ingest's (judged on CPU time)", TargetAddedCostRatio),
			fmt.Sprintf("%.2f× wall clock, %.2f× CPU time", a, c), verdict(c > 0 && c <= TargetAddedCostRatio, false)})
	}
	if len(r.Routes) == 0 {
		return out
	}
	var worst RouteStat
	errs := 0
	for _, s := range r.Routes {
		errs += s.Errors
		if s.P95 > worst.P95 {
			worst = s
		}
	}
	out = append(out, Verdict{"every route p95", "≤ 100 ms (stretch 50 ms)", fmt.Sprintf("worst %s: %s", worst.Name, ms(worst.P95)),
		verdict(worst.P95 <= TargetRouteP95 && errs == 0, worst.P95 <= StretchRouteP95 && errs == 0)})
	for _, s := range r.Routes {
		if s.Name == TermRoute || s.Name == FreshTermRoute {
			out = append(out, Verdict{"term query (" + s.Name + ")", "≤ 2 s (stretch 0.5 s)", "p95 " + ms(s.P95),
				verdict(s.P95 <= TargetTermQuery, s.P95 <= StretchTermQuery)})
		}
	}
	out = append(out, Verdict{"load run", "0 errors", fmt.Sprintf("%d errors in %d requests, p99 %s", r.Load.Errors, r.Load.Requests, ms(r.Load.P99)),
		verdict(r.Load.Errors == 0 && r.Load.Requests > 0, false)})
	growth := r.Download.RSSMax - r.Download.RSSBefore
	out = append(out, Verdict{"download in constant memory", fmt.Sprintf("RSS growth < %s whatever the size", mb(TargetDownloadGrowth)),
		fmt.Sprintf("%+.1f MB for %s", float64(growth)/1e6, mb(r.Download.Bytes)), verdict(growth < TargetDownloadGrowth && r.Download.Err == "", false)})
	return out
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
}

func gb(n int64) string { return fmt.Sprintf("%.2f GB", float64(n)/(1<<30)) }

func round(d time.Duration) time.Duration {
	switch {
	case d > time.Minute:
		return d.Round(time.Second)
	case d > time.Second:
		return d.Round(10 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}
