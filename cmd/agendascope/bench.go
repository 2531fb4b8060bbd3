package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"agendascope/analytics/textnorm"
	"agendascope/bench"
)

func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("bench", stderr)
	reports := fs.Int("reports", 20_000, "synthetic reports to generate")
	dir := fs.String("dir", filepath.Join(os.TempDir(), "agendascope-bench"), "folder for the corpus and the database (keep it outside the repository)")
	keep := fs.Bool("keep", false, "keep the corpus and the database when done")
	seed := fs.Uint64("seed", 1, "seed of the synthetic corpus")
	topicsFile := fs.String("topics", "", "topic taxonomy YAML (default: the bundled one)")
	reps := fs.Int("reps", 20, "timed requests per route of the query mix")
	clients := fs.Int("clients", 16, "concurrent clients of the load run")
	loadRequests := fs.Int("load-requests", 2000, "requests of the load run, at most")
	loadTime := fs.Duration("load-time", time.Minute, "length of the load run, at most")
	noServe := fs.Bool("no-serve", false, "stop after ingest: no query mix, load run or download")
	dbPath := fs.String("db", "", "measure only the query mix, load run and download, on this existing database")
	markdown := fs.String("markdown", "", "also write the report as markdown to this file")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *reports <= 0 && fs.NArg() == 0 {
		return usageError("bench: --reports must be positive")
	}
	limitGoMemory()
	x, err := newExtractor(*topicsFile, true)
	if err != nil {
		return err
	}
	cfg := bench.Config{
		Dir: *dir, Reports: *reports, Seed: *seed, Keep: *keep, Inputs: fs.Args(),
		Extractor: x, Simplify: textnorm.Simplify,
		Reps: *reps, Clients: *clients, LoadRequests: *loadRequests, LoadTime: *loadTime,
		SkipServe: *noServe, DB: *dbPath, Log: stderr, Serving: limitServeMemory,
	}
	rep, err := bench.Run(ctx, cfg)
	rep.Command = "agendascope bench " + strings.Join(args, " ")
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	if err := rep.WriteMarkdown(stdout); err != nil {
		return fmt.Errorf("bench: print report: %w", err)
	}
	if *markdown != "" {
		f, err := os.Create(*markdown)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		if err := rep.WriteMarkdown(f); err != nil {
			f.Close()
			return fmt.Errorf("bench: write %s: %w", *markdown, err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("bench: write %s: %w", *markdown, err)
		}
	}
	return nil
}
