package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBenchCommandWithoutServer(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "report.md")
	var out, errw bytes.Buffer
	err := run(context.Background(), []string{"bench", "--reports", "40", "--dir", filepath.Join(dir, "work"), "--no-serve", "--markdown", md}, &out, &errw)
	if err != nil {
		t.Fatalf("bench: %v\n%s", err, errw.String())
	}
	for _, want := range []string{"baseline: bare gse Cut", "ingest (fresh database)", "incremental ingest", "ingest throughput"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
	written, err := os.ReadFile(md)
	if err != nil || !bytes.Equal(written, out.Bytes()) {
		t.Errorf("--markdown file differs from the printed report (%v)", err)
	}
	// Without --keep nothing but the empty work folder is left.
	left, _ := filepath.Glob(filepath.Join(dir, "work", "*"))
	if len(left) != 0 {
		t.Errorf("bench left %v behind", left)
	}
}

func TestBenchCommandUsage(t *testing.T) {
	var out, errw bytes.Buffer
	err := run(context.Background(), []string{"bench", "--reports", "0"}, &out, &errw)
	if err == nil || !strings.Contains(err.Error(), "--reports") {
		t.Errorf("bench --reports 0: %v, want a usage error", err)
	}
}
