package queries_test

import (
	"context"
	"testing"

	"agendascope/queries/querytest"
)

func TestFixtureLoads(t *testing.T) {
	db := querytest.Open(t)
	var n int
	if err := db.SQL.QueryRowContext(context.Background(), "SELECT count(*) FROM reports WHERE chars = length(text)").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 6 {
		t.Fatalf("reports whose chars match their text: %d, want 6", n)
	}
}
