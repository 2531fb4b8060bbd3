package bench

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"agendascope/analytics/topics"
)

// Throughput is bytes of input files handled in a time.
type Throughput struct {
	Reports int
	Bytes   int64
	Elapsed time.Duration
	// CPU is the process's user+system time over the phase, on every
	// thread (DuckDB's included). CPU time per MB is steadier than MB/s
	// when other work competes for the cores.
	CPU time.Duration
}

// CPUPerMB is CPU seconds spent per megabyte of input.
func (t Throughput) CPUPerMB() float64 {
	if t.Bytes <= 0 {
		return 0
	}
	return t.CPU.Seconds() / (float64(t.Bytes) / 1e6)
}

// MBps is megabytes (10^6) of input per second.
func (t Throughput) MBps() float64 {
	if t.Elapsed <= 0 {
		return 0
	}
	return float64(t.Bytes) / 1e6 / t.Elapsed.Seconds()
}

// CutBaseline reads the same files ingest reads and runs bare gse Cut on
// every report text, on workers goroutines (0: one per CPU). It is the
// floor any ingest pays: reading, JSON decoding and one segmentation pass,
// with no normalization, extraction or database. Its figure is the
// denominator of the ingest ratio.
func CutBaseline(ctx context.Context, tg *topics.Tagger, files []string, workers int) (Throughput, error) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	start, cpu0 := time.Now(), CPUTime()
	texts := make(chan string, 4*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range texts {
				_ = tg.Cut(t)
			}
		}()
	}
	var out Throughput
	err := readTexts(ctx, files, func(text string, size int64) {
		out.Reports++
		out.Bytes += size
		texts <- text
	})
	close(texts)
	wg.Wait()
	out.Elapsed, out.CPU = time.Since(start), CPUTime()-cpu0
	if err != nil {
		return out, err
	}
	return out, ctx.Err()
}

// readTexts hands each report text of files to fn with the bytes it took
// in the file: JSONL lines (the "text" field) or whole text files.
func readTexts(ctx context.Context, files []string, fn func(text string, size int64)) error {
	for _, path := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		ext := strings.ToLower(filepath.Ext(path))
		if ext != ".jsonl" && ext != ".ndjson" {
			b, err := os.ReadFile(path)
			if err != nil {
				return fmt.Errorf("bench: baseline: %w", err)
			}
			fn(string(b), int64(len(b)))
			continue
		}
		if err := readJSONLTexts(path, fn); err != nil {
			return err
		}
	}
	return nil
}

func readJSONLTexts(path string, fn func(text string, size int64)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("bench: baseline: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
		}
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fmt.Errorf("bench: baseline: %s: %w", path, err)
		}
		fn(rec.Text, int64(len(sc.Bytes()))+1)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("bench: baseline: read %s: %w", path, err)
	}
	return nil
}

// cutProbe returns a fixed unit of CPU work, bare Cut of one generated
// report, to time between requests: route latencies divided by it stay
// comparable when other work on the machine slows everything down.
func cutProbe(tg *topics.Tagger) (func(), error) {
	g, err := NewGenerator()
	if err != nil {
		return nil, err
	}
	_, _, text := g.Report(0, 0)
	return func() { _ = tg.Cut(text) }, nil
}
