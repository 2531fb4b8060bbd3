package main

import (
	"os"
	"runtime/debug"
)

// ingestGoMemory is the Go runtime's soft memory limit while ingesting (and
// benchmarking ingest), unless GOMEMLIMIT says otherwise. Ingest holds
// ≈300 MB live (the segmenter's dictionary is most of it), and with Go's
// default GOGC the heap grew to twice that between collections: 661 MB at
// most over 200k reports, beside DuckDB's buffer pool. The limit makes the
// collector run earlier instead, about 1.5× as often (it took 5% of
// ingest's CPU), which keeps ingest's peak RSS under its 2 GB budget at 1M
// reports. Should the live heap ever reach it, Go caps the collector's CPU
// rather than thrash.
const ingestGoMemory = 512 << 20

// limitGoMemory applies ingestGoMemory unless the user set GOMEMLIMIT.
func limitGoMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(ingestGoMemory)
	}
}
