package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportCommand(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	writeCorpus(t, corpus, 12)
	dbPath := filepath.Join(dir, "a.duckdb")
	ctx := context.Background()
	var out, errw bytes.Buffer
	if err := run(ctx, []string{"ingest", "--db", dbPath, "--quiet", corpus}, &out, &errw); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errw.String())
	}
	target := filepath.Join(dir, "parquet out")
	out.Reset()
	if err := run(ctx, []string{"export", "--db", dbPath, "--out", target}, &out, &errw); err != nil {
		t.Fatalf("export: %v\n%s", err, errw.String())
	}
	if !strings.Contains(out.String(), "reports") || !strings.Contains(out.String(), "12 rows") {
		t.Errorf("export printed:\n%s", out.String())
	}
	files, _ := filepath.Glob(filepath.Join(target, "reports", "province_code=32", "year=2023", "*.parquet"))
	if len(files) == 0 {
		t.Errorf("no Parquet file under reports/province_code=32/year=2023")
	}

	// A second export into the same folder would mix datasets: refused as
	// a usage error, and nothing is written.
	err := run(ctx, []string{"export", "--db", dbPath, "--out", target}, &out, &errw)
	var ee exitError
	if !errors.As(err, &ee) || ee.code != 2 {
		t.Errorf("export into a non-empty folder: %v, want exit status 2", err)
	}
	if err := run(ctx, []string{"export", "--db", dbPath}, &out, &errw); !errors.As(err, &ee) || ee.code != 2 {
		t.Errorf("export without --out: %v, want exit status 2", err)
	}
	if _, err := os.Stat(dbPath); err != nil {
		t.Fatal(err)
	}
}
