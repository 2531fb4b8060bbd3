package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"agendascope/analytics"
	"agendascope/handlers"
	"agendascope/ingest"
	"agendascope/queries"
)

// Config is one bench run.
type Config struct {
	// Dir holds the corpus and the database; it is created if missing.
	// Keep it outside the repository: a million reports is ≈3 GB of JSONL
	// and as much database.
	Dir     string
	Reports int    // synthetic reports to generate
	Seed    uint64 // the corpus is a function of Seed and Reports
	PerFile int    // reports per JSONL file; 0 means DefaultPerFile
	// Inputs, when set, are real files to ingest instead of a synthetic
	// corpus; the incremental step is skipped.
	Inputs []string
	// DB, when set, is an existing database to serve: only the query mix,
	// the load run and the download are measured.
	DB string
	// Keep leaves the corpus and database in Dir when the run ends.
	Keep bool
	// Extractor must collect terms, as ingest's does.
	Extractor *analytics.Extractor
	Simplify  func(string) string
	// AddShare is the share of Reports added to the full database to
	// measure incremental ingest; 0 means 1%.
	AddShare float64
	// Reps is how many timed requests each route of the mix gets, unless
	// it has had MinReps and used up RouteBudget (0: 30 s).
	Reps        int
	RouteBudget time.Duration
	// The load run: Clients concurrent clients until LoadRequests requests
	// or LoadTime passed.
	Clients      int
	LoadRequests int
	LoadTime     time.Duration
	// SkipServe stops after ingest (no query mix, load run or download).
	SkipServe bool
	// Serving, when set, is what the serve command does once it has asked
	// for the report text: it sets the process's Go memory limit for
	// serving (not ingest's) and returns when the text is loaded.
	Serving func(ctx context.Context, db *queries.DB)
	// Log receives one line per phase as it starts.
	Log io.Writer
}

func (c *Config) defaults() {
	if c.AddShare <= 0 {
		c.AddShare = 0.01
	}
	if c.Reps <= 0 {
		c.Reps = 20
	}
	if c.RouteBudget <= 0 {
		c.RouteBudget = 30 * time.Second
	}
	if c.Clients <= 0 {
		c.Clients = 16
	}
	if c.LoadRequests <= 0 {
		c.LoadRequests = 2000
	}
	if c.LoadTime <= 0 {
		c.LoadTime = time.Minute
	}
	if c.Log == nil {
		c.Log = io.Discard
	}
	if c.Simplify == nil {
		c.Simplify = func(s string) string { return s }
	}
}

// Report is everything one run measured.
type Report struct {
	Machine  Machine
	Command  string
	Corpus   Corpus
	Baseline []Throughput // before and after the full ingest
	Ingest   Throughput
	Summary  ingest.Summary
	// IngestPeakRSS is the process's peak resident set while ingesting,
	// the segmenter's dictionary and DuckDB's buffers included.
	IngestPeakRSS int64
	PeakReset     bool // false: the peak covers the whole process
	DBBytes       int64
	// Incremental ingest of AddShare more reports into the full database,
	// in a new connection as a separate `agendascope ingest` would.
	Added        Throughput
	AddedOpen    time.Duration
	AddedSummary ingest.Summary
	Routes       []RouteStat
	Load         LoadResult
	Download     Download
	// TextLoad is how long the server took to hold the report text in
	// memory before the query mix.
	TextLoad      time.Duration
	TotalDuration time.Duration
}

// Download is a large download read while watching the process's RSS.
type Download struct {
	Path      string
	Status    int
	Bytes     int64
	Elapsed   time.Duration
	RSSBefore int64
	RSSMax    int64
	Err       string
}

// BaselineMBps is the mean of the baseline runs, the denominator of the
// ingest ratio.
func (r Report) BaselineMBps() float64 {
	if len(r.Baseline) == 0 {
		return 0
	}
	sum := 0.0
	for _, b := range r.Baseline {
		sum += b.MBps()
	}
	return sum / float64(len(r.Baseline))
}

// IngestCPURatio is bare Cut's CPU time per MB ÷ ingest's: the ingest
// ratio as it would be on a machine with nothing else running, provided
// both phases keep every core busy.
func (r Report) IngestCPURatio() float64 {
	sum, n := 0.0, 0
	for _, b := range r.Baseline {
		if b.CPUPerMB() > 0 {
			sum += b.CPUPerMB()
			n++
		}
	}
	if n == 0 || r.Ingest.CPUPerMB() <= 0 {
		return 0
	}
	return sum / float64(n) / r.Ingest.CPUPerMB()
}

// IngestRatio is ingest throughput ÷ bare-Cut throughput of the same run.
func (r Report) IngestRatio() float64 {
	if b := r.BaselineMBps(); b > 0 {
		return r.Ingest.MBps() / b
	}
	return 0
}

// AddedCostRatio is the time per report of the incremental ingest ÷ that
// of the full ingest: 1 means adding costs exactly in proportion.
func (r Report) AddedCostRatio() float64 {
	if r.Added.Reports == 0 || r.Ingest.Reports == 0 {
		return 0
	}
	full := r.Ingest.Elapsed.Seconds() / float64(r.Ingest.Reports)
	add := (r.Added.Elapsed + r.AddedOpen).Seconds() / float64(r.Added.Reports)
	return add / full
}

// AddedCPURatio is AddedCostRatio in CPU time, which other work on the
// machine disturbs far less than wall-clock time.
func (r Report) AddedCPURatio() float64 {
	if r.Added.Reports == 0 || r.Ingest.Reports == 0 || r.Ingest.CPU <= 0 {
		return 0
	}
	full := r.Ingest.CPU.Seconds() / float64(r.Ingest.Reports)
	return r.Added.CPU.Seconds() / float64(r.Added.Reports) / full
}

// Run generates (or takes) the corpus and measures every phase.
func Run(ctx context.Context, cfg Config) (rep Report, err error) {
	start := time.Now()
	cfg.defaults()
	if cfg.Extractor == nil {
		return rep, errors.New("bench: Config.Extractor is required")
	}
	rep.Machine = ReadMachine()
	if cfg.DB != "" {
		rep.DBBytes = fileSize(cfg.DB) + fileSize(cfg.DB+".wal")
		err := serveAndMeasure(ctx, cfg, cfg.DB, &rep, logf(cfg.Log))
		rep.TotalDuration = time.Since(start)
		return rep, err
	}
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return rep, fmt.Errorf("bench: make %s: %w", cfg.Dir, err)
	}
	logf := logf(cfg.Log)
	var cleanup []string
	defer func() {
		if cfg.Keep {
			return
		}
		for _, p := range cleanup {
			if rerr := os.RemoveAll(p); rerr != nil && err == nil {
				err = fmt.Errorf("bench: remove %s: %w", p, rerr)
			}
		}
	}()

	files := cfg.Inputs
	if len(files) == 0 {
		logf("generating %d synthetic reports in %s", cfg.Reports, cfg.Dir)
		rep.Corpus, err = Generate(cfg.Dir, Spec{Reports: cfg.Reports, Seed: cfg.Seed, PerFile: cfg.PerFile})
		if err != nil {
			return rep, err
		}
		cleanup = append(cleanup, rep.Corpus.Dir)
		files = rep.Corpus.Files
	} else {
		if files, err = expandInputs(files); err != nil {
			return rep, err
		}
		rep.Corpus = Corpus{Files: files}
		if rep.Corpus.Bytes, err = totalSize(files); err != nil {
			return rep, err
		}
	}

	tg := cfg.Extractor.Tagger()
	logf("warm-up: segment and extract the first reports untimed")
	warmUp(ctx, cfg.Extractor, files)
	logf("baseline: bare gse Cut over %s on %d goroutines", mb(rep.Corpus.Bytes), runtime.GOMAXPROCS(0))
	b, err := CutBaseline(ctx, tg, files, 0)
	if err != nil {
		return rep, err
	}
	rep.Baseline = append(rep.Baseline, b)
	rep.Corpus.Reports = b.Reports

	dbPath := filepath.Join(cfg.Dir, fmt.Sprintf("bench-%d.duckdb", b.Reports))
	for _, p := range []string{dbPath, dbPath + ".wal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return rep, fmt.Errorf("bench: remove old database: %w", err)
		}
	}
	cleanup = append(cleanup, dbPath, dbPath+".wal")

	logf("ingest into a fresh database %s", dbPath)
	runtime.GC()
	rep.PeakReset = ResetPeak()
	db, err := queries.Open(ctx, dbPath, false)
	if err != nil {
		return rep, fmt.Errorf("bench: %w", err)
	}
	t0, cpu0 := time.Now(), CPUTime()
	rep.Summary, err = ingest.Run(ctx, db, cfg.Extractor, files, ingest.Options{})
	// Closing is timed too: DuckDB checkpoints what is left in the WAL
	// then, work the ingest caused.
	if cerr := db.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("bench: close database: %w", cerr)
	}
	rep.Ingest = Throughput{Reports: rep.Summary.Reports + rep.Summary.Failed, Bytes: rep.Summary.Bytes, Elapsed: time.Since(t0), CPU: CPUTime() - cpu0}
	_, rep.IngestPeakRSS, _ = RSS()
	if err != nil {
		return rep, fmt.Errorf("bench: ingest: %w", err)
	}
	rep.DBBytes = fileSize(dbPath) + fileSize(dbPath+".wal")

	logf("baseline again, to see how much the machine drifted")
	if b, err = CutBaseline(ctx, tg, files, 0); err != nil {
		return rep, err
	}
	rep.Baseline = append(rep.Baseline, b)

	if len(cfg.Inputs) == 0 {
		add := max(1, int(float64(cfg.Reports)*cfg.AddShare))
		logf("incremental: %d more reports into the %d-report database", add, rep.Summary.Added)
		extra, err := Generate(cfg.Dir, Spec{Reports: add, First: cfg.Reports, Seed: cfg.Seed, PerFile: cfg.PerFile})
		if err != nil {
			return rep, err
		}
		cleanup = append(cleanup, extra.Dir)
		t0 := time.Now()
		db, err := queries.Open(ctx, dbPath, false)
		if err != nil {
			return rep, fmt.Errorf("bench: reopen: %w", err)
		}
		rep.AddedOpen = time.Since(t0)
		t0, cpu0 = time.Now(), CPUTime()
		rep.AddedSummary, err = ingest.Run(ctx, db, cfg.Extractor, extra.Files, ingest.Options{})
		if cerr := db.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("bench: close database: %w", cerr)
		}
		rep.Added = Throughput{Reports: rep.AddedSummary.Reports + rep.AddedSummary.Failed, Bytes: rep.AddedSummary.Bytes, Elapsed: time.Since(t0), CPU: CPUTime() - cpu0}
		if err != nil {
			return rep, fmt.Errorf("bench: incremental ingest: %w", err)
		}
		rep.DBBytes = fileSize(dbPath) + fileSize(dbPath+".wal")
	}

	if !cfg.SkipServe {
		if err := serveAndMeasure(ctx, cfg, dbPath, &rep, logf); err != nil {
			return rep, err
		}
	}
	rep.TotalDuration = time.Since(start)
	return rep, nil
}

// expandInputs lists the report files under the given paths, as ingest
// would find them, so that the baseline reads the same files.
func expandInputs(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("bench: %w", err)
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".jsonl", ".ndjson", ".txt", ".text", ".html", ".htm", ".shtml":
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("bench: walk %s: %w", p, err)
		}
		sort.Strings(found)
		out = append(out, found...)
	}
	if len(out) == 0 {
		return nil, errors.New("bench: no report files under the given paths")
	}
	return out, nil
}

// warmUp segments and extracts the first reports of files untimed. The
// first pass over fresh dictionaries runs markedly slower (page faults,
// the garbage collector sizing its heap), and without it whichever phase
// comes first would pay for that.
func warmUp(ctx context.Context, x *analytics.Extractor, files []string) {
	const cuts, extracts = 1000, 300
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	n := 0
	_ = readTexts(ctx, files[:1], func(text string, _ int64) {
		if n < cuts {
			_ = x.Tagger().Cut(text)
		}
		n++
	})
	n = 0
	_, _, _ = ingest.Stream(ctx, x, files[:1], ingest.Options{}, func(ingest.Outcome) error {
		if n++; n >= extracts {
			cancel()
		}
		return nil
	})
}

func logf(w io.Writer) func(string, ...any) {
	return func(format string, args ...any) {
		fmt.Fprintf(w, "%s  "+format+"\n", append([]any{time.Now().Format("15:04:05")}, args...)...)
	}
}

// serveAndMeasure starts the real server on the database, read-only, on a
// loopback port of its own, and drives it over HTTP.
func serveAndMeasure(ctx context.Context, cfg Config, dbPath string, rep *Report, logf func(string, ...any)) error {
	db, err := queries.Open(ctx, dbPath, true)
	if err != nil {
		return fmt.Errorf("bench: open read-only: %w", err)
	}
	defer db.Close()
	// As serve does; the mix starts once the text is held, so that its
	// first searches time a search and not the load.
	db.HoldText()
	start := time.Now()
	if cfg.Serving != nil {
		cfg.Serving(ctx, db)
	}
	if err := db.AwaitText(ctx); err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	rep.TextLoad = time.Since(start)
	if held, err := db.TextHeld(); err != nil {
		logf("report text not held: %v", err)
	} else if held {
		logf("report text held after %s", round(rep.TextLoad))
	}
	e, err := handlers.New(handlers.Deps{DB: db, Taxonomy: cfg.Extractor.Tagger().Taxonomy, Simplify: cfg.Simplify, AccessLog: io.Discard})
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("bench: listen on loopback: %w", err)
	}
	srv := &http.Server{Handler: e, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer srv.Close()
	base := "http://" + ln.Addr().String()
	client := NewClient(cfg.Clients)

	s, err := Discover(ctx, client, base)
	if err != nil {
		return err
	}
	routes := Mix(s)
	logf("query mix: %d routes × %d requests on %s", len(routes), cfg.Reps, base)
	probe, err := cutProbe(cfg.Extractor.Tagger())
	if err != nil {
		return err
	}
	rep.Routes = RunMix(ctx, client, base, routes, cfg.Reps, cfg.RouteBudget, probe)

	logf("load: %d clients, at most %d requests or %s", cfg.Clients, cfg.LoadRequests, cfg.LoadTime)
	if rep.Load, err = Load(ctx, client, base, routes, cfg.Clients, cfg.LoadRequests, cfg.LoadTime); err != nil {
		return err
	}

	// The server refuses a meetings download over its row cap (400), so
	// the largest scope it accepts is taken: all, then the sample
	// meeting's province, city and district.
	d := s.DistrictCode
	for _, path := range []string{"/download/meetings.csv", "/download/meetings.csv?province=" + d[:2],
		"/download/meetings.csv?city=" + d[:4], "/download/meetings.csv?district=" + d} {
		logf("download: %s while watching RSS", path)
		rep.Download = StreamDownload(ctx, client, base, path)
		if rep.Download.Status != http.StatusBadRequest {
			break
		}
	}
	return nil
}

// StreamDownload reads one download to the end, discarding it, while a
// sampler watches the process's RSS (server and client share the process,
// so growth here is the server's buffering).
func StreamDownload(ctx context.Context, client *http.Client, base, path string) Download {
	d := Download{Path: path}
	runtime.GC()
	d.RSSBefore, _, _ = RSS()
	s := startSampler(10 * time.Millisecond)
	t0 := time.Now()
	err := func() error {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+path, nil)
		if err != nil {
			return err
		}
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		d.Status = resp.StatusCode
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("status %d", resp.StatusCode)
		}
		d.Bytes, err = io.Copy(io.Discard, resp.Body)
		return err
	}()
	d.Elapsed = time.Since(t0)
	d.RSSMax = s.Stop()
	if err != nil {
		d.Err = err.Error()
	}
	return d
}

func fileSize(p string) int64 {
	fi, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return fi.Size()
}

func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

// Machine notes what the figures were measured on.
type Machine struct {
	CPU        string
	CPUs       int
	GOMAXPROCS int
	MemTotal   int64
	LoadAvg    string // at the start of the run: other work on the machine
	Go         string
	OS         string
}

// ReadMachine reads the machine notes from /proc where it exists.
func ReadMachine() Machine {
	m := Machine{CPUs: runtime.NumCPU(), GOMAXPROCS: runtime.GOMAXPROCS(0), Go: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && k == "MemTotal" {
				m.MemTotal = kB(v)
			}
		}
	}
	if b, err := os.ReadFile("/proc/loadavg"); err == nil {
		f := strings.Fields(string(b))
		if len(f) >= 3 {
			m.LoadAvg = strings.Join(f[:3], " ")
		}
	}
	return m
}
