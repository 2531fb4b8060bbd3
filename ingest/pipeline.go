package ingest

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"runtime"
	"sync"
	"time"

	"agendascope/analytics"
	"agendascope/queries"
)

// Options configure one ingest run.
type Options struct {
	Workers   int   // extraction goroutines; 0 means one per CPU
	BatchSize int   // reports per transaction; 0 means 2000
	MaxBytes  int64 // size cap per file or JSONL line; 0 means 20 MB
	// Errors receives one line per failed input; Progress, when not nil,
	// a progress bar redrawn in place.
	Errors   io.Writer
	Progress io.Writer
	// Log, when not nil, receives a line for each committed batch.
	Log io.Writer
}

// Summary counts what a run did.
type Summary struct {
	Files      int
	Reports    int // records extracted
	Added      int
	Duplicates int
	Failed     int
	Bytes      int64
	Elapsed    time.Duration
}

func (s Summary) String() string {
	rate := 0.0
	if s.Elapsed > 0 {
		rate = float64(s.Bytes) / 1e6 / s.Elapsed.Seconds()
	}
	return fmt.Sprintf("%d files, %d reports: %d added, %d duplicates skipped, %d failed (%.1f MB in %s, %.1f MB/s)",
		s.Files, s.Reports+s.Failed, s.Added, s.Duplicates, s.Failed, float64(s.Bytes)/1e6, s.Elapsed.Round(time.Millisecond), rate)
}

// Outcome is what became of one input: a record, or the reason it failed.
type Outcome struct {
	Record analytics.Record
	Failed *Failure
	Size   int64 // bytes read
}

// Failure is an input that could not be read or extracted.
type Failure struct {
	Source string
	Line   int // JSONL line, 0 for whole files
	Reason string
}

// Stream extracts every report under paths on opt.Workers goroutines and
// hands the outcomes to fn in input order. It returns the files found and
// their total size; fn's error stops the stream.
func Stream(ctx context.Context, x *analytics.Extractor, paths []string, opt Options, fn func(Outcome) error) (nfiles int, total int64, err error) {
	opt = opt.withDefaults()
	files, err := walk(paths)
	if err != nil {
		return 0, 0, err
	}
	for _, f := range files {
		total += f.size
	}
	return len(files), total, stream(ctx, x, files, opt, fn)
}

func (opt Options) withDefaults() Options {
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.BatchSize <= 0 {
		opt.BatchSize = 2000
	}
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = 20 << 20
	}
	return opt
}

type numbered struct {
	seq int
	job job
	out Outcome
}

func stream(ctx context.Context, x *analytics.Extractor, files []file, opt Options, fn func(Outcome) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan numbered, 4*opt.Workers)
	results := make(chan numbered, 4*opt.Workers)
	go func() {
		defer close(jobs)
		seq := 0
		for _, f := range files {
			ok := read(f, opt.MaxBytes, func(j job) bool {
				select {
				case jobs <- numbered{seq: seq, job: j}:
					seq++
					return true
				case <-ctx.Done():
					return false
				}
			})
			if !ok {
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range opt.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range jobs {
				n.out = extractJob(x, n.job)
				n.job = job{}
				select {
				case results <- n:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Outcomes arrive out of order; hold the early ones until their turn.
	// The window is bounded by the channel capacities.
	pending := map[int]Outcome{}
	next := 0
	for n := range results {
		pending[n.seq] = n.out
		for {
			out, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := fn(out); err != nil {
				cancel()
				for range results {
				}
				return err
			}
		}
	}
	return ctx.Err()
}

// Run ingests every report under paths into db. Reports whose normalized
// text is already stored are skipped, so running the same ingest twice
// changes nothing. Failed inputs are reported and recorded; they do not stop
// the run. The error is for what stops the run (the database).
func Run(ctx context.Context, db *queries.DB, x *analytics.Extractor, paths []string, opt Options) (Summary, error) {
	files, err := walk(paths)
	if err != nil {
		return Summary{}, err
	}
	return run(ctx, db, x, files, opt)
}

// RunFS ingests every report in fsys, such as the embedded sample corpus.
func RunFS(ctx context.Context, db *queries.DB, x *analytics.Extractor, fsys fs.FS, opt Options) (Summary, error) {
	files, err := walkFS(fsys)
	if err != nil {
		return Summary{}, fmt.Errorf("ingest: %w", err)
	}
	return run(ctx, db, x, files, opt)
}

func run(ctx context.Context, db *queries.DB, x *analytics.Extractor, files []file, opt Options) (Summary, error) {
	opt = opt.withDefaults()
	var total int64
	for _, f := range files {
		total += f.size
	}
	return store(ctx, db, len(files), total, opt, func(add func(Outcome) error) error {
		return stream(ctx, x, files, opt, add)
	})
}

func extractJob(x *analytics.Extractor, j job) Outcome {
	if j.err != nil {
		return Outcome{Failed: &Failure{Source: j.in.Source, Line: j.line, Reason: j.err.Error()}, Size: j.size}
	}
	rec, err := x.Extract(j.in)
	if err != nil {
		return Outcome{Failed: &Failure{Source: j.in.Source, Line: j.line, Reason: err.Error()}, Size: j.size}
	}
	return Outcome{Record: rec, Size: j.size}
}
