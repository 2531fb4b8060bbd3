package queries_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"

	"agendascope/queries"
)

// A database made before agenda_items.text was dropped loses the column on
// open and keeps its rows, whose text GetMeeting now cuts from the report.
func TestOpenDropsAgendaItemText(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.duckdb")
	old, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`CREATE TABLE agenda_items (report_id VARCHAR NOT NULL, idx INTEGER NOT NULL, kind VARCHAR,
		   text VARCHAR NOT NULL, start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL)`,
		`INSERT INTO agenda_items VALUES ('r1', 0, 'study', '会议', 0, 6)`,
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	old.Close()
	db, err := queries.Open(context.Background(), path, false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var cols string
	if err := db.SQL.QueryRow(`SELECT string_agg(column_name, ',' ORDER BY column_index) FROM duckdb_columns() WHERE table_name = 'agenda_items'`).Scan(&cols); err != nil {
		t.Fatal(err)
	}
	if cols != "report_id,idx,kind,start_pos,end_pos,rid" {
		t.Errorf("agenda_items columns after open: %s", cols)
	}
	var n int
	if err := db.SQL.QueryRow(`SELECT count(*) FROM agenda_items WHERE report_id = 'r1' AND end_pos = 6`).Scan(&n); err != nil || n != 1 {
		t.Errorf("agenda item rows after open: %d, %v", n, err)
	}
}
