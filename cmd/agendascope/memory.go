package main

import (
	"context"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"

	"agendascope/queries"
)

// ingestGoMemory is the Go runtime's soft memory limit while ingesting (and
// benchmarking ingest), unless GOMEMLIMIT says otherwise. Ingest holds
// ≈300 MB live (the segmenter's dictionary is most of it), and with Go's
// default GOGC the heap grew to twice that between collections, beside
// DuckDB's buffer pool. Over the same 200k reports the limit took the heap's
// peak from 661 to 445 MB and ingest's peak RSS from 1.76 to 1.58 GB; the
// collector ran twice as often (5% → 10% of the CPU by its own count) while
// ingest's CPU time stayed within the machine's noise (446 s against 464 s).
// 1M reports had peaked at 2.08 GB against a 2 GB budget. Should the live
// heap ever reach the limit, Go caps the collector's CPU rather than thrash.
const ingestGoMemory = 512 << 20

// serveHeadroom is how far a server's heap may grow past what is live once
// it holds the report text. That text is gigabytes of live heap at a million
// reports, so Go's default (collect when the heap has doubled) would let a
// few downloads' garbage grow the process by as much again, while ingest's
// fixed limit, far below the live heap, would keep the collector running
// all the time.
const serveHeadroom = 512 << 20

// limitGoMemory applies ingestGoMemory unless the user set GOMEMLIMIT.
func limitGoMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(ingestGoMemory)
	}
}

// limitServeMemory sets the Go memory limit for serving db, unless the user
// set GOMEMLIMIT: no limit while the text loads, then the live heap plus
// serveHeadroom once it is held. It returns when the load has ended (or ctx
// is done).
func limitServeMemory(ctx context.Context, db *queries.DB) {
	own := os.Getenv("GOMEMLIMIT") == ""
	if own {
		debug.SetMemoryLimit(math.MaxInt64)
	}
	if err := db.AwaitText(ctx); err != nil || !own {
		return
	}
	if held, _ := db.TextHeld(); !held {
		return
	}
	// One collection so that the live figure is the held text and the
	// dictionary, not the load's garbage.
	runtime.GC()
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() == metrics.KindUint64 {
		debug.SetMemoryLimit(int64(sample[0].Value.Uint64()) + serveHeadroom)
	}
}
