package queries_test

import (
	"context"
	"fmt"
	"testing"

	"agendascope/queries"
)

// TestClusterMentionsSortedRuns: appends of more than 1/16 of the table are
// sorted into runs of their own, and once a ninth run would form, the whole
// table into one; no row is lost or changed.
func TestClusterMentionsSortedRuns(t *testing.T) {
	ctx := context.Background()
	db, err := queries.Open(ctx, "", false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	topics := []string{"safety", "digital", "carbon"}
	next := 1
	add := func(n int) {
		t.Helper()
		for range n {
			// Topics arrive interleaved, as ingest appends them.
			if _, err := db.SQL.ExecContext(ctx, `INSERT INTO topic_mentions (report_id, topic, mentions, rid) VALUES (?, ?, ?, ?)`,
				fmt.Sprintf("r%d", next), topics[next%len(topics)], next%5+1, next); err != nil {
				t.Fatal(err)
			}
			next++
		}
	}
	// runs counts the sorted runs of (topic, rid) in storage order, and
	// checks the rows are all there.
	runs := func() int {
		t.Helper()
		rows, err := db.SQL.QueryContext(ctx, `SELECT topic, rid, mentions FROM topic_mentions ORDER BY rowid`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		n, seen, sum := 0, 0, 0
		prevTopic, prevRID := "", int64(0)
		for rows.Next() {
			var topic string
			var rid int64
			var m int
			if err := rows.Scan(&topic, &rid, &m); err != nil {
				t.Fatal(err)
			}
			if seen == 0 || topic < prevTopic || (topic == prevTopic && rid < prevRID) {
				n++
			}
			prevTopic, prevRID = topic, rid
			seen++
			sum += m
		}
		want := 0
		for i := 1; i < next; i++ {
			want += i%5 + 1
		}
		if seen != next-1 || sum != want {
			t.Fatalf("%d rows summing %d mentions, want %d and %d", seen, sum, next-1, want)
		}
		return n
	}
	cluster := func(all bool) {
		t.Helper()
		if err := queries.ClusterMentions(ctx, db, all); err != nil {
			t.Fatal(err)
		}
	}
	add(160)
	cluster(false)
	if n := runs(); n != 1 {
		t.Fatalf("first ordering: %d runs, want 1", n)
	}
	add(5) // under 1/16: left as a tail
	cluster(false)
	if n := runs(); n < 2 {
		t.Fatalf("small tail: %d runs, want it left unordered after the sorted run", n)
	}
	for want := 2; want <= 8; want++ {
		add(next / 8) // over 1/16 with the tail before: sorted into a run
		cluster(false)
		if n := runs(); n != want {
			t.Fatalf("after tail %d: %d runs, want %d", want-1, n, want)
		}
	}
	add(next / 8) // a ninth run would form: everything is sorted as one
	cluster(false)
	if n := runs(); n != 1 {
		t.Fatalf("after the ninth tail: %d runs, want 1", n)
	}
	add(3)
	cluster(true) // retag: always the whole table
	if n := runs(); n != 1 {
		t.Fatalf("after ordering all: %d runs, want 1", n)
	}
}
