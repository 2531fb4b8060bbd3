package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"agendascope/analytics/topics"
	"agendascope/ingest"
	"agendascope/queries"
)

func runRetag(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("retag", stderr)
	dbPath := fs.String("db", "", "DuckDB database file")
	topicsFile := fs.String("topics", "", "topic taxonomy YAML (default: the bundled one)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *dbPath == "" {
		return usageError("retag: --db FILE is required")
	}
	tax, err := topics.LoadFile(*topicsFile)
	if err != nil {
		return err
	}
	limitGoMemory()
	tg, err := topics.NewTagger(tax)
	if err != nil {
		return err
	}
	db, err := queries.Open(ctx, *dbPath, false)
	if err != nil {
		return fmt.Errorf("retag: %w", err)
	}
	defer db.Close()
	start := time.Now()
	n, err := ingest.Retag(ctx, db, tg)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "retagged %d reports in %s with taxonomy %s (%d topics)\n", n, time.Since(start).Round(time.Millisecond), tax.Digest, len(tax.Topics))
	return nil
}
