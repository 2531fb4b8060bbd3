package queries_test

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"agendascope/queries"
	"agendascope/queries/querytest"
)

func TestRising(t *testing.T) {
	db := querytest.Open(t)
	ctx := context.Background()
	// Two months of word counts in place of the fixture's: 疫情防控 falls,
	// 碳达峰 rises from nothing, 经济 stays level.
	stmts := []string{
		`DELETE FROM term_counts`,
		`INSERT INTO term_counts (month, term, mentions, reports) VALUES
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
	if r.Current != "2022-02" || r.Previous != "2022-01" || len(r.Periods) != 2 || r.Periods[0].Start != "2022-02" || r.Periods[0].Words != 751 {
		t.Fatalf("compared %s with %s (periods %+v)", r.Current, r.Previous, r.Periods)
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
	if r.Current != "2022" || r.Previous != "2021" || len(r.Terms) != 0 {
		t.Errorf("year: current %s with %d terms, want 2022 with none", r.Current, len(r.Terms))
	}
	for _, bad := range []queries.RisingParams{{Period: "week"}, {Period: queries.Month, Current: "2022-13"},
		{Period: queries.Month, Limit: queries.MaxRisingTerms + 1}, {Period: queries.Month, MinReports: -1}} {
		if _, err := queries.GetRising(ctx, db, bad); !errors.Is(err, queries.ErrInvalid) {
			t.Errorf("GetRising(%+v) = %v, want ErrInvalid", bad, err)
		}
	}
}

// weightedLogOdds is Monroe, Colaresi & Quinn (2008), eq. 16 and 18, with
// the prior α_w = 1000 × (y_a+y_b)/(n_a+n_b): written out here again so the
// test does not trust the SQL's arithmetic.
func weightedLogOdds(ya, yb, na, nb float64) float64 {
	const a0 = 1000.0
	a := a0 * (ya + yb) / (na + nb)
	delta := math.Log((ya+a)/(na+a0-ya-a)) - math.Log((yb+a)/(nb+a0-yb-a))
	return delta / math.Sqrt(1/(ya+a)+1/(yb+a))
}

// TestRisingOnFixture checks the fixture's numbers by hand: 2023 holds
// 数字政府 1 and 碳达峰 1 (2 words), 2022 holds 13 words, 碳达峰 5 of them.
func TestRisingOnFixture(t *testing.T) {
	db := querytest.Open(t)
	ctx := context.Background()
	r, err := queries.GetRising(ctx, db, queries.RisingParams{Period: queries.Year, MinReports: 1})
	if err != nil {
		t.Fatal(err)
	}
	if r.Current != "2023" || r.Previous != "2022" || len(r.Periods) != 2 || r.Periods[1].Words != 13 {
		t.Fatalf("compared %s with %s, periods %+v", r.Current, r.Previous, r.Periods)
	}
	if len(r.Terms) != 2 {
		t.Fatalf("terms %+v", r.Terms)
	}
	want := []struct {
		term            string
		ya, yb          int64
		per10k, prev    float64
		z, zFromFormula float64
	}{
		// By hand: α = 1000·1/15 = 66.667; δ = ln(67.667/934.333) − ln(66.667/946.333)
		// = −2.62524 + 2.65289 = 0.027650; σ = sqrt(1/67.667 + 1/66.667) = 0.172564;
		// z = δ/σ = 0.16023.
		{"数字政府", 1, 0, 5000, 0, 0.16023169356142938, weightedLogOdds(1, 0, 2, 13)},
		{"碳达峰", 1, 5, 5000, 1e4 * 5 / 13, 0.023482722721009062, weightedLogOdds(1, 5, 2, 13)},
	}
	for i, w := range want {
		got := r.Terms[i]
		if got.Term != w.term || got.Mentions != w.ya || got.PreviousMentions != w.yb || got.Reports != 1 ||
			math.Abs(got.Per10kWords-w.per10k) > 1e-9 || math.Abs(got.PreviousPer10k-w.prev) > 1e-9 {
			t.Errorf("term %d: %+v, want %s %d/%d", i, got, w.term, w.ya, w.yb)
		}
		if math.Abs(got.Z-w.z) > 1e-9 || math.Abs(w.z-w.zFromFormula) > 1e-12 {
			t.Errorf("%s: z %v, want %v", w.term, got.Z, w.z)
		}
	}
	// The default two-report minimum leaves nothing in 2023.
	if r, err = queries.GetRising(ctx, db, queries.RisingParams{Period: queries.Year}); err != nil || len(r.Terms) != 0 {
		t.Errorf("min 2: %+v, %v", r, err)
	}
	// A month inside the quarter names the quarter; 2022-Q1 follows 2021-Q4,
	// which has no counts, so nothing can be compared.
	r, err = queries.GetRising(ctx, db, queries.RisingParams{Period: queries.Quarter, Current: "2022-02", MinReports: 1})
	if err != nil || r.Current != "2022-Q1" || r.Previous != "2021-Q4" || len(r.Terms) != 0 {
		t.Errorf("2022-Q1: %+v, %v", r, err)
	}
	r, err = queries.GetRising(ctx, db, queries.RisingParams{Period: queries.Month, Current: "2022-02", MinReports: 1, Limit: 1})
	if err != nil || len(r.Terms) != 1 || r.Terms[0].Term != "数字经济" || math.Abs(r.Terms[0].Z-weightedLogOdds(1, 0, 1, 10)) > 1e-9 {
		t.Errorf("2022-02: %+v, %v", r, err)
	}
}

// TestRisingDefaultPeriod: with no period named, the latest one that has a
// previous one to compare with, in GetRising and in the download alike.
func TestRisingDefaultPeriod(t *testing.T) {
	db := querytest.Open(t)
	ctx := context.Background()
	for _, tt := range []struct {
		period  queries.Period
		current string
		rows    int
	}{
		{queries.Month, "2022-02", 1},   // 2023-03 and 2022-04 follow months without counts
		{queries.Quarter, "2022-Q2", 2}, // 2023-Q1 follows 2022-Q4, which has none
		{queries.Year, "2023", 2},
	} {
		r, err := queries.GetRising(ctx, db, queries.RisingParams{Period: tt.period, MinReports: 1})
		if err != nil || r.Current != tt.current || len(r.Terms) != tt.rows {
			t.Errorf("%s: current %s with %d terms (%v), want %s with %d", tt.period, r.Current, len(r.Terms), err, tt.current, tt.rows)
		}
		var c tableRows
		if err := queries.Stream(ctx, db, queries.RisingParams{Period: tt.period, MinReports: 1}, &c); err != nil {
			t.Fatal(err)
		}
		if len(c.rows) != tt.rows || (tt.rows > 0 && c.rows[0][0] != tt.current) {
			t.Errorf("%s download: %v, want %d rows of %s", tt.period, c.rows, tt.rows, tt.current)
		}
	}
}

func TestRisingTable(t *testing.T) {
	db := querytest.Open(t)
	var c tableRows
	// No current: the latest period, as the page shows by default.
	if err := queries.Stream(context.Background(), db, queries.RisingParams{Period: queries.Year, MinReports: 1}, &c); err != nil {
		t.Fatal(err)
	}
	want := "period previous_period term mentions previous_mentions reports previous_reports per10k_words previous_per10k_words z"
	if strings.Join(c.cols, " ") != want {
		t.Errorf("columns %v", c.cols)
	}
	if len(c.rows) != 2 || spaced(c.rows[0][:7]...) != "2023 2022 数字政府 1 0 1 0" {
		t.Errorf("rows %v", c.rows)
	}
}

// TestRisingYearOnly: word counts of reports dated only to the year (work
// reports, say) make yearly rising terms, and stay out of months.
func TestRisingYearOnly(t *testing.T) {
	db := querytest.Open(t)
	ctx := context.Background()
	stmts := []string{
		`DELETE FROM term_counts`,
		`INSERT INTO term_counts (month, term, mentions, reports, year_only) VALUES
			(DATE '2020-01-01', '疫情防控', 300, 30, true), (DATE '2020-01-01', '经济', 500, 40, true),
			(DATE '2021-01-01', '疫情防控', 50, 10, true),  (DATE '2021-01-01', '经济', 500, 40, true), (DATE '2021-01-01', '碳达峰', 200, 25, true)`,
	}
	for _, s := range stmts {
		if _, err := db.SQL.ExecContext(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	r, err := queries.GetRising(ctx, db, queries.RisingParams{Period: queries.Year})
	if err != nil {
		t.Fatal(err)
	}
	if r.Current != "2021" || r.Previous != "2020" || len(r.Terms) == 0 || r.Terms[0].Term != "碳达峰" {
		t.Fatalf("year: %s vs %s, terms %+v; want 碳达峰 rising in 2021", r.Current, r.Previous, r.Terms)
	}
	r, err = queries.GetRising(ctx, db, queries.RisingParams{Period: queries.Month})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Periods) != 0 || len(r.Terms) != 0 {
		t.Errorf("month: periods %+v terms %+v; want none from year-only counts", r.Periods, r.Terms)
	}
}
