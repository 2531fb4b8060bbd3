// Package bench measures agendascope at national scale on one machine: it
// generates a synthetic corpus (for timing only, never for analysis),
// measures bare gse segmentation over it as the baseline, then ingest,
// incremental ingest, the dashboard's routes over loopback HTTP, a bounded
// concurrent load run and a streamed download, and reports every figure as
// a ratio against the baseline measured in the same run, because the
// machine is shared and absolute numbers drift.
package bench
