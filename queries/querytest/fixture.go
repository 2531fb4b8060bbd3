// Package querytest builds a small in-memory agendascope database whose
// numbers are easy to compute by hand, for the tests of queries and handlers.
//
// Reports (district, meeting day, chars, kinds) and topic mentions:
//
//	r1 惠山区 320206  2022-01-10  1000  executive                safety 3, digital 1; 碳达峰 ×2, 碳中和 ×1
//	r2 滨湖区 320211  2022-01-20  2000  executive                safety 1;            碳达峰 ×3
//	r3 惠山区 320206  2022-02-05   500  party_committee          digital 2
//	r4 吴中区 320506  2022-04 (month only) 1500  executive       safety 2, carbon 1; one warning
//	r5 惠山区 320206  undated      800  executive                safety 5
//	r6 九龙坡区 500107 2023-03-03 1000  executive+party_group    digital 4;           碳达峰 ×1; spam
//
// r1 has two agenda items and one reviewed document.
//
// term_counts (month: term mentions/reports), the content words of those
// texts as ingest would count them:
//
//	2022-01  安全生产 1/1, 消防安全 1/1, 食品安全 1/1, 数字化转型 1/1, 碳达峰 5/2, 碳中和 1/1   (10 words)
//	2022-02  数字经济 1/1                                                                  (1 word)
//	2022-04  安全生产 1/1, 低碳 1/1                                                         (2 words)
//	2023-03  数字政府 1/1, 碳达峰 1/1                                                       (2 words)
package querytest

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"agendascope/queries"
)

// Open returns an in-memory database holding the fixture above.
func Open(t testing.TB) *queries.DB {
	t.Helper()
	ctx := context.Background()
	db, err := queries.Open(ctx, "", false)
	if err != nil {
		t.Fatalf("open in-memory database: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	for _, stmt := range fixture {
		if _, err := db.SQL.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("load fixture: %v\n%s", err, stmt)
		}
	}
	// The rows above leave the derived columns (rids, the report columns
	// copied into topic_mentions) to be filled as for an old database.
	if err := queries.Backfill(ctx, db); err != nil {
		t.Fatalf("load fixture: %v", err)
	}
	return db
}

// OpenReadOnly returns the fixture as the server sees a database: a file
// written as ingest leaves it (derived columns and rollups filled), opened
// read-only, so that queries read the rollups and the held text. extra
// statements run after the fixture's, before the derived columns are
// filled.
func OpenReadOnly(t testing.TB, extra ...string) *queries.DB {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "fixture.duckdb")
	db, err := queries.Open(ctx, path, false)
	if err != nil {
		t.Fatalf("create fixture database: %v", err)
	}
	for _, stmt := range append(append([]string(nil), fixture...), extra...) {
		if _, err := db.SQL.ExecContext(ctx, stmt); err != nil {
			db.Close()
			t.Fatalf("load fixture: %v\n%s", err, stmt)
		}
	}
	if err := queries.Backfill(ctx, db); err != nil {
		db.Close()
		t.Fatalf("load fixture: %v", err)
	}
	if err := queries.RefreshRollups(ctx, db, false); err != nil {
		db.Close()
		t.Fatalf("load fixture: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatalf("close fixture database: %v", err)
	}
	ro, err := queries.Open(ctx, path, true)
	if err != nil {
		t.Fatalf("reopen fixture database read-only: %v", err)
	}
	t.Cleanup(func() { ro.Close() })
	// As the server does: the text queries then count in the held text.
	ro.HoldText()
	if !ro.Rollups() {
		t.Fatalf("the read-only fixture database does not read its rollups")
	}
	return ro
}

// Text1 is r1's text; tests of keyword marking read it.
const Text1 = "区长主持召开常务会议。会议研究安全生产工作，要求抓好消防安全和食品安全。会议强调推进数字化转型，落实碳达峰碳中和，确保碳达峰目标。<script>"

func pad(s string, n int) string {
	if r := n - len([]rune(s)); r > 0 {
		return s + strings.Repeat("。", r)
	}
	return s
}

func q(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func report(id, district, dcode, city, ccode, province, pcode, date, day string, chars int, kinds, text string, spam bool, warnings string) string {
	d := "NULL"
	if day != "" {
		d = "DATE " + q(day)
	}
	md := "NULL"
	if date != "" {
		md = q(date)
	}
	sp := "false"
	if spam {
		sp = "true"
	}
	return "INSERT INTO reports (id, source, url, title, text, province_code, province, city_code, city, district_code, district, " +
		"meeting_date, meeting_day, date_source, chair, meeting_kinds, spam, warnings, evidence, chars, ingested_at) VALUES (" +
		strings.Join([]string{q(id), q("testdata/" + id + ".txt"), q("http://example.gov.cn/" + id), q(district + "常务会议 " + id), q(pad(text, chars)),
			q(pcode), q(province), q(ccode), q(city), q(dcode), q(district), md, d, q("text"), q("张三"), kinds, sp, warnings,
			q(`{"chair":{"rule":"x主持","text":"张三主持"}}`), strconv.Itoa(chars), "now()"}, ", ") + ")"
}

var fixture = []string{
	report("r1", "惠山区", "320206", "无锡市", "3202", "江苏省", "32", "2022-01-10", "2022-01-10", 1000, "['executive']", Text1, false, "[]"),
	report("r2", "滨湖区", "320211", "无锡市", "3202", "江苏省", "32", "2022-01-20", "2022-01-20", 2000, "['executive']", "会议要求实现碳达峰碳达峰碳达峰。", false, "[]"),
	report("r3", "惠山区", "320206", "无锡市", "3202", "江苏省", "32", "2022-02-05", "2022-02-05", 500, "['party_committee']", "区委常委会研究数字经济。", false, "[]"),
	report("r4", "吴中区", "320506", "苏州市", "3205", "江苏省", "32", "2022-04", "2022-04-01", 1500, "['executive']", "会议研究安全生产和低碳。", false, "['date_month_only']"),
	report("r5", "惠山区", "320206", "无锡市", "3202", "江苏省", "32", "", "", 800, "['executive']", "会议部署安全生产。", false, "[]"),
	report("r6", "九龙坡区", "500107", "重庆市", "5001", "重庆市", "50", "2023-03-03", "2023-03-03", 1000, "['executive','party_group']", "会议研究数字政府和碳达峰。", true, "[]"),
	`INSERT INTO topic_mentions (report_id, topic, mentions) VALUES ('r1','safety',3), ('r1','digital',1), ('r2','safety',1), ('r3','digital',2),
		('r4','safety',2), ('r4','carbon',1), ('r5','safety',5), ('r6','digital',4)`,
	`INSERT INTO agenda_items (report_id, idx, kind, start_pos, end_pos) VALUES ('r1', 0, 'study', 33, 63), ('r1', 1, 'deploy', 108, 141)`,
	`INSERT INTO item_topics (report_id, idx, topic, mentions) VALUES ('r1', 0, 'safety', 2), ('r1', 1, 'digital', 1)`,
	`INSERT INTO documents (report_id, idx, title, verb) VALUES ('r1', 0, '惠山区安全生产专项整治方案', '审议')`,
	`INSERT INTO term_counts (month, term, mentions, reports) VALUES
		(DATE '2022-01-01', '安全生产', 1, 1), (DATE '2022-01-01', '消防安全', 1, 1), (DATE '2022-01-01', '食品安全', 1, 1),
		(DATE '2022-01-01', '数字化转型', 1, 1), (DATE '2022-01-01', '碳达峰', 5, 2), (DATE '2022-01-01', '碳中和', 1, 1),
		(DATE '2022-02-01', '数字经济', 1, 1),
		(DATE '2022-04-01', '安全生产', 1, 1), (DATE '2022-04-01', '低碳', 1, 1),
		(DATE '2023-03-01', '数字政府', 1, 1), (DATE '2023-03-01', '碳达峰', 1, 1)`,
	`INSERT INTO ingest_errors VALUES ('bad.bin', NULL, 'binary file', now())`,
}
