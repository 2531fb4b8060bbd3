package ingest

import (
	"context"
	"fmt"

	"agendascope/queries"
)

// rowGroupRows is the number of rows in a DuckDB row group (DuckDB's
// default, which agendascope keeps).
const rowGroupRows = 122_880

// checkpointBytes bounds the bytes of report text committed between two
// checkpoints. Until a checkpoint the committed rows live in DuckDB's
// buffer pool (and the WAL), so with the other columns this stays within
// the writer's memory limit (queries.writeMemoryLimit, beyond which DuckDB
// spills to a temporary file); it is above a row group of 3–4 KB reports
// (≈420 MB), so for those only row groups trigger checkpoints.
const checkpointBytes = 512 << 20

// The writer's settings while a run stores, and what they replace.
//
// DuckDB checkpoints on its own when the WAL passes 16 MB, which a batch of
// reports does: every commit checkpointed. A checkpoint rewrites each
// column of the last, partly filled row group in full, text included, so
// with 2,000-report batches in 122,880-row groups each report's text was
// recompressed and written ≈30 times on average. The writer checkpoints
// itself instead: when the reports table has just filled a row group, when
// checkpointBytes of text were committed since the last one, and once at
// the end of the run, after the clustering and the rollups (which rewrite
// topic_mentions: a checkpoint before them wrote it twice).
//
// With more than one DuckDB thread the connection's own thread waits for
// the others by polling a task queue under a mutex, which cost as much CPU
// as the appends it waited for; the writes themselves are serial and the
// extraction workers need the cores. The same holds for the end's
// clustering and rollups: on one thread they took ≈30% less CPU than on
// two (20k reports, BenchmarkStore).
var writeSettings = []struct{ set, reset string }{
	{"SET threads = 1", "RESET threads"},
	{"SET checkpoint_threshold = '1TB'", "RESET checkpoint_threshold"},
}

// beginWrite applies writeSettings for the whole run, the end's term
// folding, clustering and rollups included; the returned function restores
// the defaults (queries.Open sets neither). The settings are global, so any
// connection of the pool may set them.
func beginWrite(ctx context.Context, db *queries.DB) (func(), error) {
	restore := func() {
		for _, s := range writeSettings {
			_, _ = db.SQL.ExecContext(context.Background(), s.reset)
		}
	}
	for _, s := range writeSettings {
		if _, err := db.SQL.ExecContext(ctx, s.set); err != nil {
			restore()
			return nil, fmt.Errorf("ingest: configure the writer (%s): %w", s.set, err)
		}
	}
	return restore, nil
}

// committed accounts for a committed batch of n reports holding bytes of
// text and checkpoints when the policy above says so.
func (w *writer) committed(ctx context.Context, n int, bytes int64) error {
	before := w.lastRID
	w.lastRID += int64(n)
	w.uncheckpointed += bytes
	if !checkpointDue(before, w.lastRID, w.uncheckpointed) {
		return nil
	}
	return w.checkpoint(ctx)
}

// checkpointDue says whether a batch that took the last report number from
// before to after, leaving uncheckpointed bytes of text, filled a row group
// of reports or the text budget.
func checkpointDue(before, after, uncheckpointed int64) bool {
	return before/rowGroupRows != after/rowGroupRows || uncheckpointed >= checkpointBytes
}

func (w *writer) checkpoint(ctx context.Context) error {
	if err := w.exec(ctx, "CHECKPOINT"); err != nil {
		return fmt.Errorf("ingest: checkpoint: %w", err)
	}
	w.uncheckpointed = 0
	return nil
}
