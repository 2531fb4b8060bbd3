package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"agendascope/ingest"
	"agendascope/queries"
)

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("ingest", stderr)
	dbPath := fs.String("db", "", "DuckDB database file (created if missing)")
	topicsFile := fs.String("topics", "", "topic taxonomy YAML (default: the bundled one)")
	workers := fs.Int("workers", 0, "extraction goroutines (default: one per CPU)")
	maxBytes := fs.Int64("max-bytes", 20<<20, "reject inputs (files or JSONL lines) larger than this many bytes")
	batch := fs.Int("batch", 2000, "reports per transaction")
	quiet := fs.Bool("quiet", false, "no progress bar")
	verbose := fs.Bool("verbose", false, "print a line to stderr for each committed batch and the time of each step after them")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *dbPath == "" {
		return usageError("ingest: --db FILE is required")
	}
	if fs.NArg() == 0 {
		return usageError("ingest: no PATH given")
	}
	// Open the database before loading the segmenter, so that a database
	// another process holds is reported at once.
	db, err := queries.Open(ctx, *dbPath, false)
	if err != nil {
		if errors.Is(err, queries.ErrLocked) {
			return fmt.Errorf("ingest: %s is open in another agendascope process (an ingest or serve); wait for it to finish: %w", *dbPath, err)
		}
		return fmt.Errorf("ingest: %w", err)
	}
	defer db.Close()
	limitGoMemory()
	x, err := newExtractor(*topicsFile, true)
	if err != nil {
		return err
	}
	if err := ingest.CheckTaxonomy(ctx, db, x.Tagger().Taxonomy); err != nil {
		return err
	}
	opt := ingest.Options{Workers: *workers, BatchSize: *batch, MaxBytes: *maxBytes, Errors: stderr}
	if *verbose {
		opt.Log = stderr
	}
	if !*quiet && isTerminal(os.Stderr) {
		opt.Progress = stderr
	}
	sum, err := ingest.Run(ctx, db, x, fs.Args(), opt)
	if err != nil {
		return fmt.Errorf("ingest into %s: %w (batches committed before this are kept; rerun to add the rest)", *dbPath, err)
	}
	fmt.Fprintf(stdout, "ingested into %s: %s\n", *dbPath, sum)
	if sum.Failed > 0 {
		return exitError{code: 1}
	}
	return nil
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
