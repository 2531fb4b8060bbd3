package queries_test

import (
	"context"
	"encoding/json"
	"testing"

	"agendascope/queries"
	"agendascope/queries/querytest"
)

// heldExtra adds reports in Latin script and digits to the fixture, and one
// whose text starts and ends with a searched phrase.
var heldExtra = []string{
	`INSERT INTO reports (id, source, title, text, province_code, province, city_code, city, district_code, district,
		meeting_date, meeting_day, meeting_kinds, spam, chars, ingested_at, chair, date_source, warnings)
	 VALUES ('h1', 'h1.jsonl:1', '', 'COVID-19疫情防控会议：部署2022年COVID-19防控，推进5G基站建设。', '32', '江苏省', '3202', '无锡市', '320206', '惠山区',
		'2022-05-06', DATE '2022-05-06', ['executive'], false, 40, now(), '', 'text', []),
	        ('h2', 'h2.jsonl:1', '', '碳达峰行动方案审议通过，落实碳达峰', '32', '江苏省', '3202', '无锡市', '320211', '滨湖区',
		'2022-06-01', DATE '2022-06-01', ['executive'], false, 17, now(), '', 'text', [])`,
}

// TestHeldTextAnswersAsTextColumn: a read-only database counts phrases in
// the text it holds in memory, pruned by its bigram filters; every term
// query and text search gives what the text column gives on the same rows.
func TestHeldTextAnswersAsTextColumn(t *testing.T) {
	ctx := context.Background()
	raw := querytest.Open(t)
	for _, s := range heldExtra {
		if _, err := raw.SQL.ExecContext(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := queries.Backfill(ctx, raw); err != nil {
		t.Fatal(err)
	}
	held := querytest.OpenReadOnly(t, heldExtra...)
	if err := held.AwaitText(ctx); err != nil {
		t.Fatal(err)
	}
	if ok, err := held.TextHeld(); !ok || err != nil {
		t.Fatalf("read-only database holds its text: %v, %v", ok, err)
	}
	if ok, _ := raw.TextHeld(); ok {
		t.Fatal("a writable database holds its text")
	}
	phrases := []string{
		"碳", "峰", "5", // one character: counted in every report
		"碳达", "峰碳", "5G", // two
		"碳达峰", "碳中和", "碳达峰碳达峰", "碳达峰行动", "落实碳达峰", // at the start and at the end of h2
		"COVID-19", "ID-1", "2022年", "2022", "19疫", "。<script>", "<script>",
		"会议", "安全生产", "数字", "不存在的词", "，",
	}
	answer := func(db *queries.DB) map[string]string {
		out := map[string]string{}
		put := func(key string, v any, err error) {
			t.Helper()
			if err != nil {
				t.Fatalf("%s: %v", key, err)
			}
			b, _ := json.Marshal(v)
			out[key] = string(b)
		}
		for _, p := range phrases {
			rows, err := queries.Terms(ctx, db, queries.TermParams{Terms: []string{p}, Period: queries.Month, Measure: queries.Mentions})
			put("terms "+p, rows, err)
			page, err := queries.Meetings(ctx, db, queries.MeetingsParams{Scope: queries.Scope{Q: p}, Limit: 3})
			put("meetings "+p, page, err)
			trends, err := queries.Trends(ctx, db, queries.TrendParams{Scope: queries.Scope{Q: p, Districts: []string{"320206"}},
				Topics: []string{"safety"}, Period: queries.Year, Measure: queries.Reports})
			put("trends "+p, trends, err)
		}
		rows, err := queries.Terms(ctx, db, queries.TermParams{Terms: phrases[:queries.MaxTerms], Period: queries.Year, Measure: queries.Share,
			Scope: queries.Scope{Q: "会议"}})
		put("terms, several, searched", rows, err)
		return out
	}
	want := answer(raw)
	check := func(name string, got map[string]string) {
		t.Helper()
		for key, w := range want {
			if g := got[key]; g != w {
				t.Errorf("%s, %s:\nheld text %s\ncolumn    %s", name, key, g, w)
			}
		}
	}
	check("first asking", answer(held))
	// The counts each report gave are remembered now (phrasememo.go).
	check("asked again", answer(held))
	// Searches first: the memos then know only that a report holds a
	// phrase, not how often, when the term query asks.
	searched := querytest.OpenReadOnly(t, heldExtra...)
	for _, p := range phrases {
		if _, err := queries.Meetings(ctx, searched, queries.MeetingsParams{Scope: queries.Scope{Q: p}, Limit: 3}); err != nil {
			t.Fatal(err)
		}
	}
	check("after searches", answer(searched))
}
