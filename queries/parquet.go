package queries

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// WriteParquet runs t through DuckDB's COPY ... (FORMAT parquet) into a
// private temporary file and copies that file to w. COPY needs a file name
// in the statement text; the name is one this function made in a directory
// of its own, never anything from a request.
func WriteParquet(ctx context.Context, db *DB, t Table, w io.Writer) error {
	query, args, err := statementFor(db, t)
	if err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "agendascope-export-")
	if err != nil {
		return fmt.Errorf("make export directory: %w", err)
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "export.parquet")
	if strings.ContainsRune(file, '\'') {
		return fmt.Errorf("export path %s contains a quote", file)
	}
	copySQL := "COPY (" + query + ") TO '" + file + "' (FORMAT parquet, COMPRESSION zstd)"
	if _, err := db.SQL.ExecContext(ctx, copySQL, args...); err != nil {
		return fmt.Errorf("write parquet export: %w", err)
	}
	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("open parquet export: %w", err)
	}
	defer f.Close()
	if _, err := io.Copy(w, f); err != nil {
		return fmt.Errorf("send parquet export: %w", err)
	}
	return nil
}
