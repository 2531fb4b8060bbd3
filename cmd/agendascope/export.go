package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"agendascope/queries"
)

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", stderr)
	dbPath := fs.String("db", "", "DuckDB database file, opened read-only")
	out := fs.String("out", "", "new or empty folder to write the Parquet datasets into")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *dbPath == "" || *out == "" {
		return usageError("export: --db FILE and --out DIR are required")
	}
	if fs.NArg() > 0 {
		return usageError("export: unexpected argument %q", fs.Arg(0))
	}
	db, err := queries.Open(ctx, *dbPath, true)
	if err != nil {
		if errors.Is(err, queries.ErrLocked) {
			return fmt.Errorf("export: %s is open in another agendascope process (an ingest); wait for it to finish: %w", *dbPath, err)
		}
		return fmt.Errorf("export: %w", err)
	}
	defer db.Close()
	start := time.Now()
	sets, err := queries.ExportParquet(ctx, db, *out, queries.ExportOptions{MemoryLimit: "1GB"})
	if err != nil {
		if errors.Is(err, queries.ErrInvalid) {
			return exitError{code: 2, err: err}
		}
		return err
	}
	for _, s := range sets {
		fmt.Fprintf(stdout, "%-15s %9d rows  %4d files  %8.1f MB  %s\n", s.Name, s.Rows, s.Files, float64(s.Bytes)/1e6, s.Dir)
	}
	fmt.Fprintf(stdout, "exported in %s; read with read_parquet('%s/reports/**/*.parquet', hive_partitioning = true)\n",
		time.Since(start).Round(time.Millisecond), filepath.Dir(sets[0].Dir))
	return nil
}
