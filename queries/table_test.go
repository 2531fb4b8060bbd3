package queries_test

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"agendascope/queries"
	"agendascope/queries/querytest"
)

type collect struct {
	cols []string
	rows []string
}

func (c *collect) Header(cols []string) error { c.cols = cols; return nil }
func (c *collect) Row(v []any) error          { c.rows = append(c.rows, fmt.Sprint(v...)); return nil }

func TestStreamMatchesChartRows(t *testing.T) {
	db := querytest.Open(t)
	p := queries.TrendParams{Topics: []string{"safety"}, Period: queries.Year, Measure: queries.Share}
	var c collect
	if err := queries.Stream(context.Background(), db, p, &c); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(c.cols, ","); got != "period,period_start,topic,topic_label,mentions,reports,total_reports,total_chars,measure,value" {
		t.Errorf("columns %s", got)
	}
	if len(c.rows) != 2 {
		t.Errorf("rows %q", c.rows)
	}
	var tc collect
	if err := queries.Stream(context.Background(), db, queries.TermParams{Terms: []string{"碳达峰"}, Period: queries.Year, Measure: queries.Share}, &tc); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(tc.cols[:4], ","); got != "period,term,mentions,reports" {
		t.Errorf("terms columns start %s", got)
	}
	var mc collect
	if err := queries.Stream(context.Background(), db, queries.MeetingsExport{Topics: []string{"carbon"}}, &mc); err != nil {
		t.Fatal(err)
	}
	if len(mc.rows) != 1 || !strings.Contains(mc.rows[0], "carbon:1;safety:2") {
		t.Errorf("meetings export %q", mc.rows)
	}
}

func TestWriteParquet(t *testing.T) {
	db := querytest.Open(t)
	var buf bytes.Buffer
	p := queries.CompareParams{Topics: []string{"safety"}, Level: queries.District, Measure: queries.Share}
	if err := queries.WriteParquet(context.Background(), db, p, &buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("PAR1")) {
		t.Fatalf("not parquet: %q", buf.Bytes()[:min(8, buf.Len())])
	}
	file := filepath.Join(t.TempDir(), "x.parquet")
	if err := os.WriteFile(file, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	var n int
	var top string
	err := db.SQL.QueryRowContext(context.Background(),
		"SELECT count(*), min(code) FILTER (WHERE rank = 1) FROM read_parquet($f::VARCHAR)", sql.Named("f", file)).Scan(&n, &top)
	if err != nil {
		t.Fatal(err)
	}
	if n != 4 || top != "320211" {
		t.Errorf("parquet holds %d rows, rank 1 %s", n, top)
	}
}
