package ingest

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"agendascope/analytics"
	"agendascope/analytics/topics"
	"agendascope/data"
	"agendascope/queries"
)

var (
	extractorOnce sync.Once
	extractor     *analytics.Extractor
	extractorErr  error
)

func testExtractor(t testing.TB) *analytics.Extractor {
	t.Helper()
	extractorOnce.Do(func() {
		tax, err := topics.Default()
		if err != nil {
			extractorErr = err
			return
		}
		tg, err := topics.NewTagger(tax)
		if err != nil {
			extractorErr = err
			return
		}
		tg.CollectTerms = true
		extractor = analytics.New(tg)
	})
	if extractorErr != nil {
		t.Fatal(extractorErr)
	}
	return extractor
}

func openMem(t testing.TB) *queries.DB {
	t.Helper()
	db, err := queries.Open(context.Background(), "", false)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func count(t testing.TB, db *queries.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.SQL.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func sample(t testing.TB) fs.FS {
	t.Helper()
	s, err := fs.Sub(data.Sample, "sample")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestIngestSample(t *testing.T) {
	db := openMem(t)
	sum, err := RunFS(context.Background(), db, testExtractor(t), sample(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 5 || sum.Failed != 0 || sum.Duplicates != 0 {
		t.Fatalf("summary %+v, want 5 added", sum)
	}
	if n := count(t, db, `SELECT count(*) FROM reports`); n != 5 {
		t.Errorf("reports = %d, want 5", n)
	}
	// The hand labels of the seeds (gold.json): which core topics each
	// mentions. Weak labels are not checked.
	want := map[string]map[string]bool{
		"000_188f908f34be773a.txt": {"safety": true, "digital": true, "carbon": false},
		"001_40573cf00690dfd2.txt": {"safety": true, "digital": false, "carbon": true},
		"002_3cc53d521358732d.txt": {"digital": true, "carbon": false},
		"003_00bb53fbfbf842b2.txt": {"digital": true},
		"004_9a726ed6efeaa8a0.txt": {"safety": true, "digital": false, "carbon": false},
	}
	for src, tops := range want {
		for topic, mentioned := range tops {
			n := count(t, db, `SELECT coalesce(sum(m.mentions), 0) FROM topic_mentions m JOIN reports r ON r.id = m.report_id
				WHERE r.source = ? AND m.topic = ?`, src, topic)
			if (n > 0) != mentioned {
				t.Errorf("%s: %s mentions = %d, want mentioned=%v", src, topic, n, mentioned)
			}
		}
	}
	// 000 names 安全生产 nine times in its body.
	if n := count(t, db, `SELECT m.mentions FROM topic_mentions m JOIN reports r ON r.id = m.report_id
		WHERE r.source = '000_188f908f34be773a.txt' AND m.topic = 'safety'`); n < 9 {
		t.Errorf("000 safety mentions = %d, want at least 9", n)
	}
	if n := count(t, db, `SELECT count(*) FROM reports WHERE district_code IS NOT NULL AND meeting_day IS NOT NULL`); n != 5 {
		t.Errorf("%d of 5 sample reports have a district and a date", n)
	}
	// 000 (2022-04-16) writes 生活垃圾分类 four times and 垃圾分类 alone
	// twice; 002 (2022-04-14) neither.
	if n := count(t, db, `SELECT sum(mentions) FROM term_counts WHERE month = DATE '2022-04-01' AND term = '生活垃圾分类'`); n != 4 {
		t.Errorf("term_counts 生活垃圾分类 in 2022-04 = %d, want 4", n)
	}
	if n := count(t, db, `SELECT sum(mentions) FROM term_counts WHERE month = DATE '2022-04-01' AND term = '垃圾分类'`); n != 2 {
		t.Errorf("term_counts 垃圾分类 in 2022-04 = %d, want 2", n)
	}
	if n := count(t, db, `SELECT count(*) FROM (SELECT month, term FROM term_counts GROUP BY ALL HAVING count(*) > 1)`); n != 0 {
		t.Errorf("term_counts not folded: %d (month, term) pairs have several rows", n)
	}
	if n := count(t, db, `SELECT count(*) FROM report_sources`); n != 5 {
		t.Errorf("report_sources = %d, want 5", n)
	}
}

func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func seed(t *testing.T, name string) []byte {
	t.Helper()
	b, err := fs.ReadFile(data.Sample, "sample/"+name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestIngestRerunChangesNothing(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"a/000.txt": seed(t, "000_188f908f34be773a.txt"),
		"a/002.txt": seed(t, "002_3cc53d521358732d.txt"),
		"a/004.txt": seed(t, "004_9a726ed6efeaa8a0.txt"),
		// The same meeting republished on another site: identical body,
		// two batches after the first (found in the database, not in the
		// batches the run remembers).
		"b/mirror.txt": seed(t, "002_3cc53d521358732d.txt"),
	})
	dbPath := filepath.Join(dir, "x.duckdb")
	ctx := context.Background()
	x := testExtractor(t)
	tables := []string{"reports", "topic_mentions", "agenda_items", "item_topics", "documents", "report_sources", "ingest_errors"}
	var before []int
	var words int
	for i := range 3 {
		if i == 2 {
			// A third site republishes a stored meeting: only its source is new.
			writeFiles(t, dir, map[string][]byte{"c/mirror.txt": seed(t, "000_188f908f34be773a.txt")})
		}
		db, err := queries.Open(ctx, dbPath, false)
		if err != nil {
			t.Fatal(err)
		}
		// Batches of one: every duplicate is found in the database, none
		// in the batch that queued its original.
		sum, err := Run(ctx, db, x, []string{dir}, Options{BatchSize: 1})
		if err != nil {
			t.Fatal(err)
		}
		var counts []int
		for _, tb := range tables {
			counts = append(counts, count(t, db, `SELECT count(*) FROM `+tb))
		}
		n := count(t, db, `SELECT coalesce(sum(mentions), 0) FROM term_counts`)
		db.Close()
		switch i {
		case 0:
			if sum.Added != 3 || sum.Duplicates != 1 {
				t.Fatalf("first run %+v, want 3 added and 1 duplicate", sum)
			}
			if counts[0] != 3 || counts[5] != 4 {
				t.Fatalf("first run: %d reports and %d sources, want 3 and 4", counts[0], counts[5])
			}
			if n == 0 {
				t.Fatal("first run counted no words")
			}
			before, words = counts, n
			continue
		case 1:
			if sum.Added != 0 || sum.Duplicates != 4 {
				t.Errorf("second run %+v, want 0 added and 4 duplicates", sum)
			}
		case 2:
			if sum.Added != 0 || sum.Duplicates != 5 {
				t.Errorf("third run %+v, want 0 added and 5 duplicates", sum)
			}
			before[5]++ // c/mirror.txt
		}
		for j, tb := range tables {
			if counts[j] != before[j] {
				t.Errorf("run %d: %s has %d rows, want %d", i+1, tb, counts[j], before[j])
			}
		}
		if n != words {
			t.Errorf("run %d: term_counts sums %d words, want %d: a stored report counted again", i+1, n, words)
		}
	}
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := seed(t, "000_188f908f34be773a.txt")
	jsonl := strings.Join([]string{
		`{"id": "a", "text": "4月16日,区长方力主持召开区政府第6次常务会议,研究安全生产工作。", "district_code": "320206", "date": "2022-04-16"}`,
		`{"id": "b", "text": `, // malformed
		`{"id": "c"}`,          // no text
		``,                     // blank lines are skipped, not errors
		`{"id": "d", "html": "<html><body><p>会议研究了碳达峰工作。区长主持。</p><script>var x = '安全生产';</script></body></html>", "date": "2023"}`,
		`{"id": "e", "content": "会议研究了数字化转型和数字经济工作。", "year": "2021"}`, // content and year as scrapers name them
	}, "\n")
	writeFiles(t, dir, map[string][]byte{
		"good.txt":     good,
		"empty.txt":    nil,
		"binary.txt":   {0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d, 0xff, 0, 1, 2},
		"big.txt":      bytes.Repeat([]byte("会议"), 1400),
		"corpus.jsonl": []byte(jsonl),
	})
	db := openMem(t)
	var stderr bytes.Buffer
	sum, err := Run(context.Background(), db, testExtractor(t), []string{dir}, Options{MaxBytes: 6000, Errors: &stderr})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 4 || sum.Failed != 5 {
		t.Errorf("summary %+v, want 4 added and 5 failed\n%s", sum, stderr.String())
	}
	for _, name := range []string{"empty.txt", "binary.txt", "big.txt", "corpus.jsonl:2", "corpus.jsonl:3"} {
		if !strings.Contains(stderr.String(), name) {
			t.Errorf("stderr does not name %s:\n%s", name, stderr.String())
		}
		if n := count(t, db, `SELECT count(*) FROM ingest_errors WHERE source LIKE ?`, "%"+name+"%"); n != 1 {
			t.Errorf("ingest_errors holds %d rows for %s, want 1", n, name)
		}
	}
	if n := count(t, db, `SELECT count(*) FROM ingest_errors WHERE line = 2 AND reason LIKE '%malformed JSON%'`); n != 1 {
		t.Errorf("malformed line not recorded with its line number")
	}
	// Given fields override inference; script text in HTML is not counted.
	if n := count(t, db, `SELECT count(*) FROM reports WHERE source LIKE '%corpus.jsonl:1#a' AND district_code = '320206' AND meeting_date = '2022-04-16' AND date_source = 'given'`); n != 1 {
		t.Errorf("JSONL given fields not stored")
	}
	if n := count(t, db, `SELECT count(*) FROM reports WHERE source LIKE '%#e' AND meeting_date = '2021' AND meeting_month IS NULL`); n != 1 {
		t.Errorf("JSONL content/year not read as text and year-only date")
	}
	if n := count(t, db, `SELECT count(*) FROM term_counts WHERE month = DATE '2021-01-01' AND year_only`); n == 0 {
		t.Errorf("a year-only report's words are not in term_counts")
	}
	if n := count(t, db, `SELECT count(*) FROM topic_mentions m JOIN reports r ON r.id = m.report_id WHERE r.source LIKE '%#d' AND m.topic = 'safety'`); n != 0 {
		t.Errorf("words inside <script> were counted")
	}
}

func TestRetag(t *testing.T) {
	db := openMem(t)
	ctx := context.Background()
	if _, err := RunFS(ctx, db, testExtractor(t), sample(t), Options{}); err != nil {
		t.Fatal(err)
	}
	before := count(t, db, `SELECT coalesce(sum(mentions), 0) FROM topic_mentions WHERE topic = 'safety'`)
	tax, err := topics.Parse(strings.NewReader("topics:\n  - {id: meeting, zh: 会议, en: Meeting, keywords: [会议]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	tg, err := topics.NewTagger(tax)
	if err != nil {
		t.Fatal(err)
	}
	n, err := Retag(ctx, db, tg)
	if err != nil {
		t.Fatal(err)
	}
	if n != 5 {
		t.Errorf("retagged %d reports, want 5", n)
	}
	if c := count(t, db, `SELECT count(*) FROM topic_mentions WHERE topic <> 'meeting'`); c != 0 || before == 0 {
		t.Errorf("old topics left after retag: %d rows (safety before: %d)", c, before)
	}
	if c := count(t, db, `SELECT coalesce(sum(mentions), 0) FROM topic_mentions WHERE topic = 'meeting'`); c == 0 {
		t.Errorf("retag found no 会议 in the sample")
	}
	if err := CheckTaxonomy(ctx, db, tax); err != nil {
		t.Errorf("taxonomy digest not updated: %v", err)
	}
	def, _ := topics.Default()
	if err := CheckTaxonomy(ctx, db, def); err == nil {
		t.Errorf("CheckTaxonomy accepted a different taxonomy")
	}
}

// reports.original is NULL when the input was the normalized text already
// (but for a final newline), and kept when normalization changed it.
func TestIngestStoresOriginalOnlyWhenItDiffers(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{"c.jsonl": []byte(strings.Join([]string{
		`{"id": "clean", "text": "4月16日，区长方力主持召开区政府第6次常务会议，研究安全生产工作。\n", "date": "2022-04-16"}`,
		`{"id": "trad", "text": "4月18日，區長方力主持召開區政府第7次常務會議，研究安全生產工作。", "date": "2022-04-18"}`,
	}, "\n"))})
	db := openMem(t)
	if _, err := Run(context.Background(), db, testExtractor(t), []string{dir}, Options{}); err != nil {
		t.Fatal(err)
	}
	if n := count(t, db, `SELECT count(*) FROM reports WHERE source LIKE '%#clean' AND original IS NULL`); n != 1 {
		t.Errorf("clean input: original stored again")
	}
	if n := count(t, db, `SELECT count(*) FROM reports WHERE source LIKE '%#trad' AND original LIKE '%區長%' AND text LIKE '%区长%'`); n != 1 {
		t.Errorf("Traditional input: original not kept beside the simplified text")
	}
}
