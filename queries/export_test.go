package queries_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"agendascope/queries"
	"agendascope/queries/querytest"
)

// TestExportParquetRoundTrip writes the fixture as partitioned Parquet into
// a folder whose name needs quoting, reads it back with DuckDB's
// read_parquet and compares with the database.
func TestExportParquetRoundTrip(t *testing.T) {
	db := querytest.Open(t)
	ctx := context.Background()
	out := filepath.Join(t.TempDir(), "it's a folder; DROP TABLE reports; --")
	sets, err := queries.ExportParquet(ctx, db, out, queries.ExportOptions{MemoryLimit: "512MB"})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]queries.ExportDataset{}
	for _, s := range sets {
		names[s.Name] = s
	}
	for _, want := range []string{"reports", "topic_mentions", "documents"} {
		if _, ok := names[want]; !ok {
			t.Fatalf("no %s dataset in %+v", want, sets)
		}
	}
	// Hive folders: one per province, then one per meeting year.
	if _, err := os.Stat(filepath.Join(out, "reports", "province_code=32", "year=2022")); err != nil {
		t.Errorf("no province_code=32/year=2022 partition: %v", err)
	}

	read := func(dataset string) string {
		glob := strings.ReplaceAll(filepath.Join(out, dataset, "**", "*.parquet"), "'", "''")
		return "read_parquet('" + glob + "', hive_partitioning = true, hive_types = {'province_code': VARCHAR, 'year': INTEGER})"
	}
	tests := []struct {
		name     string
		exported string
		stored   string
	}{
		{"reports per province and year",
			"SELECT string_agg(k, ' ' ORDER BY k) FROM (SELECT coalesce(province_code, '-') || '/' || coalesce(year::VARCHAR, '-') || ':' || count(*) AS k FROM " + read("reports") + " GROUP BY province_code, year)",
			"SELECT string_agg(k, ' ' ORDER BY k) FROM (SELECT coalesce(province_code, '-') || '/' || coalesce(year(meeting_day)::VARCHAR, '-') || ':' || count(*) AS k FROM reports GROUP BY province_code, year(meeting_day))"},
		{"report ids and text",
			"SELECT string_agg(id || md5(text), ',' ORDER BY id) FROM " + read("reports"),
			"SELECT string_agg(id || md5(text), ',' ORDER BY id) FROM reports"},
		{"topic mentions",
			"SELECT string_agg(report_id || topic || mentions, ',' ORDER BY report_id, topic) FROM " + read("topic_mentions"),
			"SELECT string_agg(report_id || topic || mentions, ',' ORDER BY report_id, topic) FROM topic_mentions"},
		{"documents",
			"SELECT string_agg(report_id || idx || title, ',' ORDER BY report_id, idx) FROM " + read("documents"),
			"SELECT string_agg(report_id || idx || title, ',' ORDER BY report_id, idx) FROM documents"},
		{"mentions carry their report's partition",
			"SELECT count(*) FROM " + read("topic_mentions") + " m JOIN " + read("reports") + " r ON r.id = m.report_id AND r.province_code IS NOT DISTINCT FROM m.province_code AND r.year IS NOT DISTINCT FROM m.year",
			"SELECT count(*) FROM topic_mentions"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got, want string
			if err := db.SQL.QueryRowContext(ctx, tt.exported).Scan(&got); err != nil {
				t.Fatalf("read export: %v", err)
			}
			if err := db.SQL.QueryRowContext(ctx, tt.stored).Scan(&want); err != nil {
				t.Fatalf("read database: %v", err)
			}
			if got != want {
				t.Errorf("export has\n%s\ndatabase has\n%s", got, want)
			}
		})
	}

	var cols string
	if err := db.SQL.QueryRowContext(ctx, "SELECT string_agg(column_name, ',') FROM (DESCRIBE SELECT * FROM "+read("reports")+")").Scan(&cols); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(","+cols+",", ",original,") {
		t.Errorf("the export carries the original text: %s", cols)
	}
	if names["reports"].Rows != 6 || names["reports"].Files == 0 {
		t.Errorf("reports dataset: %+v, want 6 rows in at least one file", names["reports"])
	}
	var n int64
	if err := db.SQL.QueryRowContext(ctx, "SELECT count(*) FROM reports").Scan(&n); err != nil || n != 6 {
		t.Errorf("the database changed: %d reports, %v", n, err)
	}
}

func TestExportParquetRefusesBadFolders(t *testing.T) {
	db := querytest.Open(t)
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, dir string
	}{
		{"empty", ""},
		{"not empty", full},
		{"newline", filepath.Join(t.TempDir(), "a\nb")},
		{"NUL", filepath.Join(t.TempDir(), "a\x00b")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := queries.ExportParquet(context.Background(), db, tt.dir, queries.ExportOptions{})
			if !errors.Is(err, queries.ErrInvalid) {
				t.Errorf("ExportParquet(%q) = %v, want ErrInvalid", tt.dir, err)
			}
		})
	}
}
