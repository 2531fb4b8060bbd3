package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"agendascope/queries"
)

func runStats(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("stats", stderr)
	dbPath := fs.String("db", "", "DuckDB database file")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *dbPath == "" {
		return usageError("stats: --db FILE is required")
	}
	db, err := queries.Open(ctx, *dbPath, true)
	if err != nil {
		return fmt.Errorf("stats: %w", err)
	}
	defer db.Close()
	s, err := queries.Stats(ctx, db)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(s)
}
