package queries

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
)

// ExportPartitions are the Hive partition keys of every exported dataset.
var ExportPartitions = []string{"province_code", "year"}

// ExportDataset is one dataset written by ExportParquet.
type ExportDataset struct {
	Name  string `json:"name"`
	Dir   string `json:"dir"`
	Rows  int64  `json:"rows"`
	Files int    `json:"files"`
	Bytes int64  `json:"bytes"`
}

// exportDatasets are the statements of export.sql, in file order.
var exportDatasets = parseExportSQL()

var datasetHeader = regexp.MustCompile(`(?m)^-- dataset: ([a-z_]+)\s*$`)

func parseExportSQL() []struct{ name, query string } {
	b, err := sqlFiles.ReadFile("export.sql")
	if err != nil {
		panic(fmt.Sprintf("queries: embedded export.sql: %v", err))
	}
	text := string(b)
	locs := datasetHeader.FindAllStringSubmatchIndex(text, -1)
	var out []struct{ name, query string }
	for i, loc := range locs {
		end := len(text)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		out = append(out, struct{ name, query string }{text[loc[2]:loc[3]], strings.TrimSpace(text[loc[1]:end])})
	}
	if len(out) == 0 {
		panic("queries: export.sql has no datasets")
	}
	return out
}

// ExportParquet writes every dataset of export.sql under dir/NAME as
// Hive-partitioned Parquet (dir/reports/province_code=32/year=2022/…), which
// DuckDB, Spark, Trino or Polars read without agendascope:
//
//	SELECT * FROM read_parquet('dir/reports/**/*.parquet', hive_partitioning = true,
//	    hive_types = {'province_code': VARCHAR, 'year': INTEGER})
//
// dir must be new or empty, so that an export never mixes with old files.
// DuckDB's COPY takes no bound parameter for its target, so the path goes
// into the statement text: it is made absolute and clean (no URL scheme or
// ~ that DuckDB would interpret), refused if it holds a control character,
// and written as a SQL string literal with every ' doubled, the only escape
// a standard string literal has.
func ExportParquet(ctx context.Context, db *DB, dir string, opt ExportOptions) ([]ExportDataset, error) {
	root, err := exportRoot(dir)
	if err != nil {
		return nil, err
	}
	conn, err := db.SQL.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("export: get connection: %w", err)
	}
	defer conn.Close()
	if opt.MemoryLimit != "" {
		spill, err := limitMemory(ctx, conn, opt.MemoryLimit)
		if spill != "" {
			defer os.RemoveAll(spill)
		}
		if err != nil {
			return nil, err
		}
	}
	var out []ExportDataset
	for _, d := range exportDatasets {
		// A partitioned write buffers rows for every open partition and
		// writes one more file per partition each time this many rows are
		// waiting: high enough for few files, low enough that whole
		// reports (≈7 KB with text and evidence, buffered by each
		// thread) stay under a 1 GB memory limit. The default (half a
		// million rows) would hold most of a national corpus in memory.
		threshold := 2_000_000
		if d.name == "reports" {
			threshold = 20_000
		}
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("SET partitioned_write_flush_threshold = %d", threshold)); err != nil {
			return nil, fmt.Errorf("export: limit partition buffers: %w", err)
		}
		target := filepath.Join(root, d.name)
		stmt := "COPY (" + d.query + ") TO " + sqlString(target) +
			" (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (" + strings.Join(ExportPartitions, ", ") + "))"
		res, err := conn.ExecContext(ctx, stmt)
		if err != nil {
			return out, fmt.Errorf("export %s to %s: %w", d.name, target, err)
		}
		ds := ExportDataset{Name: d.name, Dir: target}
		ds.Rows, _ = res.RowsAffected()
		if ds.Files, ds.Bytes, err = parquetFiles(target); err != nil {
			return out, err
		}
		out = append(out, ds)
	}
	return out, nil
}

// ExportOptions tune an export.
type ExportOptions struct {
	// MemoryLimit, e.g. "1GB", caps DuckDB's memory for the whole database
	// instance (it is a global setting: give it only when the caller owns
	// the instance, as the export command does). DuckDB then spills to a
	// private temporary folder, which a read-only database lacks otherwise.
	MemoryLimit string
}

var memoryLimitPattern = regexp.MustCompile(`^[0-9]{1,6}(\.[0-9]+)?\s?(KB|MB|GB|KiB|MiB|GiB)$`)

// limitMemory sets the limit and a spill folder, which it returns for the
// caller to remove.
func limitMemory(ctx context.Context, conn *sql.Conn, limit string) (string, error) {
	if !memoryLimitPattern.MatchString(limit) {
		return "", fmt.Errorf("export: %w: memory limit %q", ErrInvalid, limit)
	}
	tmp, err := os.MkdirTemp("", "agendascope-export-spill-")
	if err != nil {
		return "", fmt.Errorf("export: make spill folder: %w", err)
	}
	for _, stmt := range []string{
		"SET temp_directory = " + sqlString(tmp),
		"SET memory_limit = " + sqlString(limit),
		// Row order within a partition file is not part of the format.
		"SET preserve_insertion_order = false",
	} {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			return tmp, fmt.Errorf("export: %s: %w", stmt, err)
		}
	}
	return tmp, nil
}

// exportRoot checks and prepares the export folder.
func exportRoot(dir string) (string, error) {
	if strings.TrimSpace(dir) == "" {
		return "", fmt.Errorf("export: %w: no output folder given", ErrInvalid)
	}
	for _, r := range dir {
		if unicode.IsControl(r) {
			return "", fmt.Errorf("export: %w: output folder %q holds a control character", ErrInvalid, dir)
		}
	}
	root, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("export: output folder %s: %w", dir, err)
	}
	entries, err := os.ReadDir(root)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if err := os.MkdirAll(root, 0o755); err != nil {
			return "", fmt.Errorf("export: make %s: %w", root, err)
		}
	case err != nil:
		return "", fmt.Errorf("export: output folder %s: %w", root, err)
	case len(entries) > 0:
		return "", fmt.Errorf("export: %w: output folder %s is not empty; give a new folder", ErrInvalid, root)
	}
	return root, nil
}

// sqlString quotes s as a SQL string literal.
func sqlString(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

func parquetFiles(dir string) (int, int64, error) {
	n, size := 0, int64(0)
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".parquet" {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		n++
		size += fi.Size()
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		// An empty dataset writes no folder at all.
		return 0, 0, nil
	}
	if err != nil {
		return n, size, fmt.Errorf("export: list %s: %w", dir, err)
	}
	return n, size, nil
}
