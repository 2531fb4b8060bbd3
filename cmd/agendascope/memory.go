package main

import (
	"os"
	"runtime/debug"
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

// limitGoMemory applies ingestGoMemory unless the user set GOMEMLIMIT.
func limitGoMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(ingestGoMemory)
	}
}
