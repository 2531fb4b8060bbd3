package queries_test

import (
	"context"
	"errors"
	"testing"

	"agendascope/queries"
	"agendascope/queries/querytest"
)

func TestRising(t *testing.T) {
	db := querytest.Open(t)
	ctx := context.Background()
	// Two months of word counts: 疫情防控 falls, 碳达峰 rises from nothing,
	// 经济 stays level.
	stmts := []string{
		`INSERT INTO term_counts VALUES
			(DATE '2022-01-01', '疫情防控', 300, 30), (DATE '2022-01-01', '经济', 500, 40), (DATE '2022-01-01', '碳达峰', 0, 0),
			(DATE '2022-02-01', '疫情防控', 50, 10),  (DATE '2022-02-01', '经济', 500, 40), (DATE '2022-02-01', '碳达峰', 200, 25),
			(DATE '2022-02-01', '偶然', 1, 1)`,
	}
	for _, s := range stmts {
		if _, err := db.SQL.ExecContext(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	r, err := queries.GetRising(ctx, db, queries.RisingParams{Period: queries.Month})
	if err != nil {
		t.Fatal(err)
	}
	if r.Current != "2022-02" || r.Previous != "2022-01" || len(r.Periods) != 2 {
		t.Fatalf("compared %s with %s (periods %v)", r.Current, r.Previous, r.Periods)
	}
	if len(r.Terms) < 2 || r.Terms[0].Term != "碳达峰" || r.Terms[len(r.Terms)-1].Term != "疫情防控" {
		t.Errorf("rising order %+v, want 碳达峰 first and 疫情防控 last", r.Terms)
	}
	for _, tm := range r.Terms {
		if tm.Term == "偶然" {
			t.Errorf("a word in one report passed the two-report minimum")
		}
	}
	// Year: both months fall in 2022 and there is no 2021 to compare with.
	r, err = queries.GetRising(ctx, db, queries.RisingParams{Period: queries.Year})
	if err != nil {
		t.Fatal(err)
	}
	if r.Current != "2022" || len(r.Terms) != 0 {
		t.Errorf("year: current %s with %d terms, want 2022 with none", r.Current, len(r.Terms))
	}
	if _, err := queries.GetRising(ctx, db, queries.RisingParams{Period: "week"}); !errors.Is(err, queries.ErrInvalid) {
		t.Errorf("period week accepted")
	}
}
