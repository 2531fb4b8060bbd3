package ingest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"time"

	"agendascope/queries"
)

// Store writes outcomes extracted elsewhere, in input order, into db as Run
// does after extraction: dedupe, batches, ingest_errors, term folding. It
// lets the write side be measured without extraction.
func Store(ctx context.Context, db *queries.DB, outcomes []Outcome, opt Options) (Summary, error) {
	var total int64
	for _, o := range outcomes {
		total += o.Size
	}
	return store(ctx, db, 0, total, opt, func(add func(Outcome) error) error {
		for _, o := range outcomes {
			if err := add(o); err != nil {
				return err
			}
		}
		return nil
	})
}

// store runs produce, which hands outcomes to add in input order, and
// commits them in batches on a writer goroutine, so that extraction goes on
// while DuckDB writes a batch instead of waiting for it. The hand-over is
// unbuffered: at most two batches are in memory, the one being written and
// the one being filled.
func store(ctx context.Context, db *queries.DB, nfiles int, total int64, opt Options, produce func(add func(Outcome) error) error) (Summary, error) {
	start := time.Now()
	opt = opt.withDefaults()
	sum := Summary{Files: nfiles}
	bar := newProgress(opt.Progress, total)
	// phase logs how long each step outside the batches took, so that a
	// slow run (or a slow small addition to a big database) shows where.
	phase := func(what string, t0 time.Time) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, "%s: %s\n", what, time.Since(t0).Round(time.Millisecond))
		}
	}
	restore, err := beginWrite(ctx, db)
	if err != nil {
		return sum, err
	}
	defer restore()
	err = db.Raw(ctx, func(_ *sql.Conn, raw driver.Conn) error {
		t0 := time.Now()
		k := newKnown()
		w, err := newWriter(ctx, raw)
		if err != nil {
			return err
		}
		// A failed commit cancels ctx, which stops the producer at its next
		// outcome.
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		batches := make(chan batch)
		done := make(chan error, 1)
		go func() {
			var werr error
			for b := range batches {
				if werr != nil {
					continue
				}
				if werr = w.write(ctx, b); werr != nil {
					cancel()
					continue
				}
				if opt.Log != nil {
					fmt.Fprintf(opt.Log, "committed batch: %d reports, %d duplicates, %d failures\n", len(b.records), len(b.duplicates), len(b.failures))
				}
			}
			done <- werr
		}()
		var b batch
		flush := func() error {
			turned, err := settle(ctx, db.SQL, &b)
			if err != nil {
				return err
			}
			sum.Added -= turned
			sum.Duplicates += turned
			b.seal()
			select {
			case batches <- b:
				b = batch{}
				k.next()
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		perr := produce(func(o Outcome) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			sum.Bytes += o.Size
			if o.Failed != nil {
				sum.Failed++
				if opt.Errors != nil {
					fmt.Fprintf(opt.Errors, "error: %s\n", o.Failed.Reason)
				}
				b.failures = append(b.failures, *o.Failed)
			} else {
				sum.Reports++
				if k.isNew(o.Record.ID) {
					sum.Added++
					k.isNewSource(o.Record.ID, o.Record.Source)
					b.add(o.Record)
				} else {
					sum.Duplicates++
					if k.isNewSource(o.Record.ID, o.Record.Source) {
						b.duplicates = append(b.duplicates, o.Record)
					}
				}
			}
			bar.update(sum)
			if len(b.records)+len(b.failures)+len(b.duplicates) < opt.BatchSize {
				return nil
			}
			return flush()
		})
		if perr == nil {
			perr = flush()
		}
		close(batches)
		// The writer's error is the cause when both failed: the producer
		// then only saw ctx cancelled.
		if werr := <-done; werr != nil {
			return werr
		}
		if perr != nil {
			return perr
		}
		phase("extract and write batches", t0)
		t0 = time.Now()
		err = w.compactTerms(ctx)
		phase("fold term counts", t0)
		return err
	})
	if err == nil {
		t0 := time.Now()
		err = queries.ClusterMentions(ctx, db, false)
		phase("order topic mentions", t0)
	}
	if err == nil {
		// The dashboard reads the rollups only while they add up to the
		// tables, so they are brought up to date before the run ends.
		t0 := time.Now()
		err = queries.RefreshRollups(ctx, db, false)
		phase("refresh rollups", t0)
	}
	if err == nil {
		// One checkpoint for the run's last rows, the rewritten
		// topic_mentions and the rollups: checkpointing before the
		// clustering wrote topic_mentions twice.
		t0 := time.Now()
		if _, err = db.SQL.ExecContext(ctx, "CHECKPOINT"); err != nil {
			err = fmt.Errorf("ingest: checkpoint: %w", err)
		}
		phase("checkpoint", t0)
	}
	sum.Elapsed = time.Since(start)
	bar.done(sum)
	return sum, err
}
