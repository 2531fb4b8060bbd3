package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"agendascope/ingest"
	"agendascope/queries"
)

// storeCorpus is the extracted corpus BenchmarkStore writes, extracted once
// per process so that each iteration times the database side alone.
var (
	storeOnce     sync.Once
	storeOutcomes []ingest.Outcome
	storeBytes    int64
	storeCut      float64 // bare Cut, CPU s/MB, same files
	storeExtract  float64 // extraction, CPU s/MB
	storeErr      error
)

// BenchmarkStore is ingest's write side alone (ingest.Store) into a fresh
// database file, over AGENDASCOPE_BENCH_STORE_REPORTS synthetic reports
// (default 2,000) extracted beforehand. Besides cpu-s/MB it reports the
// CPU per MB of the first and last quarter of the batches, which differ
// when the cost of a commit grows with the database, and the bare-Cut and
// extraction costs of the same files, measured once: the ingest ratio the
// write side allows is cut ÷ (extract + store).
func BenchmarkStore(b *testing.B) {
	n := 2000
	if s := os.Getenv("AGENDASCOPE_BENCH_STORE_REPORTS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatalf("AGENDASCOPE_BENCH_STORE_REPORTS: %v", err)
		}
	}
	storeOnce.Do(func() { storeErr = prepareStore(b, n) })
	if storeErr != nil {
		b.Fatal(storeErr)
	}
	// AGENDASCOPE_BENCH_STORE_DSN="name=opts;name=opts" runs one
	// sub-benchmark per DuckDB option set (DSN query, e.g. threads=1), to
	// compare settings on the same extracted corpus in one process.
	// AGENDASCOPE_BENCH_STORE_BATCH="2000,8000" does the same for batch
	// sizes.
	variants := os.Getenv("AGENDASCOPE_BENCH_STORE_DSN")
	batches := os.Getenv("AGENDASCOPE_BENCH_STORE_BATCH")
	if variants == "" && batches == "" {
		benchmarkStore(b, n, "", 0)
		return
	}
	for _, v := range strings.Split(variants, ";") {
		name, dsn, _ := strings.Cut(v, "=")
		for _, bs := range strings.Split(batches, ",") {
			size, _ := strconv.Atoi(bs)
			b.Run(fmt.Sprintf("%s/batch=%d", name, size), func(b *testing.B) { benchmarkStore(b, n, dsn, size) })
		}
	}
}

func benchmarkStore(b *testing.B, n int, dsn string, batchSize int) {
	b.SetBytes(storeBytes)
	mb := float64(storeBytes) / 1e6
	var cpu, first, last time.Duration
	var share float64
	var dbBytes int64
	for b.Loop() {
		dir := b.TempDir()
		path := filepath.Join(dir, "store.duckdb")
		if dsn != "" {
			path += "?" + dsn
		}
		db, err := queries.Open(context.Background(), path, false)
		if err != nil {
			b.Fatal(err)
		}
		log := &commitLog{}
		cpu0 := CPUTime()
		log.marks = append(log.marks, cpu0)
		sum, err := ingest.Store(context.Background(), db, storeOutcomes, ingest.Options{Log: log, BatchSize: batchSize})
		if err != nil {
			b.Fatal(err)
		}
		if cerr := db.Close(); cerr != nil {
			b.Fatal(cerr)
		}
		cpu += CPUTime() - cpu0
		if sum.Added != n {
			b.Fatalf("stored %d reports, want %d", sum.Added, n)
		}
		f, l, sh := log.quarters()
		first += f
		last += l
		share = sh
		dbBytes = fileSize(filepath.Join(dir, "store.duckdb")) + fileSize(filepath.Join(dir, "store.duckdb.wal"))
		os.RemoveAll(dir)
	}
	iters := float64(b.N)
	b.ReportMetric(cpu.Seconds()/mb/iters, "cpu-s/MB")
	if share > 0 {
		b.ReportMetric(first.Seconds()/(mb*share)/iters, "firstq-cpu-s/MB")
		b.ReportMetric(last.Seconds()/(mb*share)/iters, "lastq-cpu-s/MB")
	}
	b.ReportMetric(storeCut, "cut-cpu-s/MB")
	b.ReportMetric(storeExtract, "extract-cpu-s/MB")
	b.ReportMetric(float64(dbBytes)/1e6, "db-MB")
}

func prepareStore(b *testing.B, n int) error {
	dir, err := os.MkdirTemp("", "agendascope-bench-store-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	c, err := Generate(dir, Spec{Reports: n, Seed: 11})
	if err != nil {
		return err
	}
	x, err := extractor()
	if err != nil {
		return err
	}
	warmUp(context.Background(), x, c.Files)
	mb := float64(c.Bytes) / 1e6
	cut, err := CutBaseline(context.Background(), x.Tagger(), c.Files, 0)
	if err != nil {
		return err
	}
	storeCut = cut.CPU.Seconds() / mb
	cpu0 := CPUTime()
	_, _, err = ingest.Stream(context.Background(), x, c.Files, ingest.Options{}, func(o ingest.Outcome) error {
		if o.Failed != nil {
			return fmt.Errorf("%s", o.Failed.Reason)
		}
		storeOutcomes = append(storeOutcomes, o)
		return nil
	})
	storeExtract = (CPUTime() - cpu0).Seconds() / mb
	storeBytes = c.Bytes
	return err
}

// commitLog records the process's CPU time at each committed batch.
type commitLog struct{ marks []time.Duration }

func (l *commitLog) Write(p []byte) (int, error) {
	l.marks = append(l.marks, CPUTime())
	return len(p), nil
}

// quarters is the CPU spent committing the first and the last quarter of
// the batches, and the share of all batches a quarter is.
func (l *commitLog) quarters() (first, last time.Duration, share float64) {
	k := len(l.marks) - 1 // batches
	if k < 4 {
		return 0, 0, 0
	}
	q := k / 4
	return l.marks[q] - l.marks[0], l.marks[k] - l.marks[k-q], float64(q) / float64(k)
}
