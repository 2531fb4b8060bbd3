package ingest

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestCheckpointDue(t *testing.T) {
	tests := []struct {
		name                          string
		before, after, uncheckpointed int64
		want                          bool
	}{
		{"first batch", 0, 2000, 7 << 20, false},
		{"inside a row group", 118_000, 120_000, 400 << 20, false},
		{"fills a row group", 120_000, 122_000 + 880, 1 << 20, true},
		{"crosses a row group", 121_000, 123_000, 1 << 20, true},
		{"text budget", 2000, 4000, checkpointBytes, true},
		{"second row group", 2*rowGroupRows - 100, 2*rowGroupRows + 1900, 0, true},
		{"no reports, only failures", 5000, 5000, 0, false},
	}
	for _, tt := range tests {
		if got := checkpointDue(tt.before, tt.after, tt.uncheckpointed); got != tt.want {
			t.Errorf("%s: checkpointDue(%d, %d, %d) = %v, want %v", tt.name, tt.before, tt.after, tt.uncheckpointed, got, tt.want)
		}
	}
}

// A batch that cannot be written stops the run with the writer's error,
// without hanging the producer, and leaves DuckDB's settings as they were.
func TestStoreStopsOnWriteError(t *testing.T) {
	db := openMem(t)
	ctx := context.Background()
	files, err := walkFS(sample(t))
	if err != nil {
		t.Fatal(err)
	}
	var outcomes []Outcome
	if err := stream(ctx, testExtractor(t), files, Options{}.withDefaults(), func(o Outcome) error {
		outcomes = append(outcomes, o)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	settings := func() string {
		var threads, threshold string
		if err := db.SQL.QueryRow(`SELECT current_setting('threads')::VARCHAR, current_setting('checkpoint_threshold')::VARCHAR`).Scan(&threads, &threshold); err != nil {
			t.Fatal(err)
		}
		return threads + " " + threshold
	}
	before := settings()
	if _, err := db.SQL.Exec(`DROP TABLE documents`); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Store(ctx, db, outcomes, Options{BatchSize: 1})
		done <- err
	}()
	select {
	case err = <-done:
	case <-time.After(time.Minute):
		t.Fatal("Store did not return after a failed batch")
	}
	if err == nil || !strings.Contains(err.Error(), "schema is missing a table") {
		t.Errorf("Store error = %v, want the missing table", err)
	}
	if n := count(t, db, `SELECT count(*) FROM reports`); n != 0 {
		t.Errorf("%d reports stored from a batch that failed", n)
	}
	if after := settings(); after != before {
		t.Errorf("settings after the run: %s, before: %s", after, before)
	}
}
