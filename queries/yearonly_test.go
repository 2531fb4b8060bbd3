package queries_test

import (
	"context"
	"strings"
	"testing"

	"agendascope/queries"
	"agendascope/queries/querytest"
)

// TestYearOnlyDates: a report dated only to the year counts in its year and
// in no month or quarter — not in January, where its meeting_day falls.
func TestYearOnlyDates(t *testing.T) {
	db := querytest.Open(t)
	ctx := context.Background()
	for _, s := range []string{
		`INSERT INTO reports (id, source, title, text, province_code, province, city_code, city, district_code, district,
			meeting_date, meeting_day, meeting_month, meeting_kinds, spam, chars, ingested_at)
		 VALUES ('y1', 'y1.jsonl:1', '锡山区政府工作报告', '抓好安全生产，推进碳达峰。', '32', '江苏省', '3202', '无锡市', '320205', '锡山区',
			'2022', DATE '2022-01-01', DATE '2022-01-01', ['executive'], false, 1000, now())`,
		`INSERT INTO topic_mentions (report_id, topic, mentions) VALUES ('y1', 'safety', 1)`,
	} {
		if _, err := db.SQL.ExecContext(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	// As an older database would hold it: a month set from 1 January.
	if err := queries.Backfill(ctx, db); err != nil {
		t.Fatal(err)
	}
	trends := func(p queries.TrendParams) []string {
		t.Helper()
		rows, err := queries.Trends(ctx, db, p)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows {
			out = append(out, trendCell(r))
		}
		return out
	}
	if got := trends(queries.TrendParams{Topics: []string{"safety"}, Period: queries.Quarter, Measure: queries.Mentions}); got[0] != "2022-Q1 safety 4/2/3 4" {
		t.Errorf("quarters: %v; want 2022-Q1 without the year-only report", got)
	}
	if got := trends(queries.TrendParams{Topics: []string{"safety"}, Period: queries.Month, Measure: queries.Mentions}); got[0] != "2022-01 safety 4/2/2 4" {
		t.Errorf("months: %v; want 2022-01 without the year-only report", got)
	}
	if got := trends(queries.TrendParams{Topics: []string{"safety"}, Period: queries.Year, Measure: queries.Mentions}); strings.Join(got, "|") != "2022 safety 7/4/5 7|2023 safety 0/0/1 0" {
		t.Errorf("years: %v; want the year-only report in 2022", got)
	}
	terms := func(p queries.TermParams) []string {
		t.Helper()
		rows, err := queries.Terms(ctx, db, p)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, r := range rows {
			out = append(out, termCell(r))
		}
		return out
	}
	if got := terms(queries.TermParams{Terms: []string{"碳达峰"}, Period: queries.Month, Measure: queries.Mentions}); got[0] != "2022-01 碳达峰 5/2/2 5" {
		t.Errorf("term by month: %v", got)
	}
	if got := terms(queries.TermParams{Terms: []string{"碳达峰"}, Period: queries.Year, Measure: queries.Mentions}); got[0] != "2022 碳达峰 6/3/5 6" {
		t.Errorf("term by year: %v", got)
	}
}
