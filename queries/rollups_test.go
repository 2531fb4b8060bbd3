package queries_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"sync"
	"testing"

	"agendascope/analytics"
	"agendascope/analytics/topics"
	"agendascope/bench"
	"agendascope/ingest"
	"agendascope/queries"
	"agendascope/queries/querytest"
)

// yearOnly adds a report dated only to the year, and one dated to the
// month with a kind of its own, to the fixture: the cells must keep them
// apart from January and from the other kinds.
var yearOnly = []string{
	`INSERT INTO reports (id, source, title, text, province_code, province, city_code, city, district_code, district,
		meeting_date, meeting_day, meeting_kinds, spam, chars, ingested_at, chair, date_source, warnings)
	 VALUES ('y1', 'y1.jsonl:1', '锡山区政府工作报告', '抓好安全生产，推进碳达峰。', '32', '江苏省', '3202', '无锡市', '320205', '锡山区',
		'2022', DATE '2022-01-01', ['executive'], false, 1000, now(), '', 'url', ['date_year_only', 'date_year_only']),
	        ('y2', 'y2.jsonl:1', '', '安全生产。', '32', '江苏省', '3202', '无锡市', '', '',
		'2022-03', DATE '2022-03-01', ['plenary'], true, 300, now(), NULL, '', NULL)`,
	`INSERT INTO topic_mentions (report_id, topic, mentions) VALUES ('y1', 'safety', 1), ('y1', 'carbon', 2), ('y2', 'safety', 4)`,
}

// rollupScopes are scopes of every kind the rollups answer.
var rollupScopes = []queries.Scope{
	{},
	{From: "2022-02", To: "2022-04"},
	{From: "2022-01"},
	{To: "2022-01"},
	{Districts: []string{"320206"}},
	{Cities: []string{"3202"}},
	{Provinces: []string{"32", "50"}},
	{Districts: []string{"320206"}, Provinces: []string{"50"}},
	{Kind: "executive"},
	{Kind: "party_group", From: "2022-01"},
	{Kind: "plenary", Cities: []string{"3202"}},
}

// answers runs every read that the rollups serve with every scope and
// returns the results as JSON, one entry per call.
func answers(t *testing.T, db *queries.DB, scopes []queries.Scope, topicIDs []string) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	put := func(key string, v any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", key, err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out[key] = string(b)
	}
	o, err := queries.GetOverview(ctx, db)
	put("overview", o, err)
	k, err := queries.Kinds(ctx, db)
	put("kinds", k, err)
	topicSets := [][]string{topicIDs[:1], topicIDs}
	// The measure only divides the sums the rollups hold, so each period and
	// level is asked with one measure, a different one each time.
	measures := queries.Measures
	for i, sc := range scopes {
		key := func(what string, j int) string {
			b, _ := json.Marshal(sc)
			return what + " " + string(b) + " " + string(rune('a'+j))
		}
		for j, ts := range topicSets {
			for n, period := range queries.Periods {
				m := measures[(i+j+n)%len(measures)]
				rows, err := queries.Trends(ctx, db, queries.TrendParams{Scope: sc, Topics: ts, Period: period, Measure: m})
				put(key("trends "+string(period)+" "+string(m), j), rows, err)
			}
			for n, level := range queries.Levels {
				m := measures[(i+j+n+1)%len(measures)]
				byReports := (i+j+n)%2 == 0
				rows, err := queries.Compare(ctx, db, queries.CompareParams{Scope: sc, Topics: ts, Level: level,
					Measure: m, Top: 3, MinReports: i % 2, RankByReports: byReports})
				put(key("compare "+string(level)+" "+string(m), j)+" "+map[bool]string{true: "by reports"}[byReports], rows, err)
			}
			d, err := queries.GetDiffusion(ctx, db, queries.DiffusionParams{Scope: sc, Topic: ts[0], Period: queries.Quarter})
			put(key("diffusion", j), d, err)
		}
		for j, ts := range [][]string{nil, topicIDs[:1], topicIDs[1:2], topicIDs} {
			p, err := queries.Meetings(ctx, db, queries.MeetingsParams{Scope: sc, Topics: ts, Limit: 4, Offset: 1})
			put(key("meetings", j), p, err)
		}
	}
	return out
}

func compareAnswers(t *testing.T, rows, cells map[string]string) {
	t.Helper()
	if len(rows) != len(cells) {
		t.Fatalf("%d answers from the rows, %d from the rollups", len(rows), len(cells))
	}
	for key, want := range rows {
		if got := cells[key]; got != want {
			t.Errorf("%s:\nrollups %s\nrows    %s", key, got, want)
		}
	}
}

// TestRollupsAnswerAsRows: on the hand-computed fixture, every read gives
// the same answer from the rollups (a read-only database) as from the rows.
func TestRollupsAnswerAsRows(t *testing.T) {
	raw := querytest.Open(t)
	ctx := context.Background()
	for _, s := range yearOnly {
		if _, err := raw.SQL.ExecContext(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := queries.Backfill(ctx, raw); err != nil {
		t.Fatal(err)
	}
	if raw.Rollups() {
		t.Fatal("a writable database reads its rollups")
	}
	cells := querytest.OpenReadOnly(t, yearOnly...)
	topicIDs := []string{"safety", "digital", "carbon"}
	compareAnswers(t, answers(t, raw, rollupScopes, topicIDs), answers(t, cells, rollupScopes, topicIDs))

	// The text search cannot be read from the rollups: the same statement
	// reads the rows then.
	p := queries.TrendParams{Scope: queries.Scope{Q: "碳达峰"}, Topics: []string{"safety"}, Period: queries.Year, Measure: queries.Reports}
	want, err := queries.Trends(ctx, raw, p)
	if err != nil {
		t.Fatal(err)
	}
	got, err := queries.Trends(ctx, cells, p)
	if err != nil {
		t.Fatal(err)
	}
	if w, g := trendCells(want), trendCells(got); w != g {
		t.Errorf("search: rollup database %s, rows %s", g, w)
	}
}

func trendCells(rows []queries.TrendRow) string {
	b, _ := json.Marshal(rows)
	return string(b)
}

// TestRollupsFollowChanges: rollups refreshed after each of several
// ingests (appending), after topic counts are rewritten (retag) and after
// a change behind their back still answer as the rows do, and a read-only
// open ignores rollups that no longer add up.
func TestRollupsFollowChanges(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a synthetic corpus")
	}
	ctx := context.Background()
	dir := t.TempDir()
	c := syntheticCorpus(t, dir, bench.Spec{Reports: 240, Seed: 5, PerFile: 80})
	x := sharedExtractor(t)
	path := filepath.Join(dir, "db.duckdb")

	var scopes []queries.Scope
	check := func(step string, wantRollups bool, change ...string) {
		t.Helper()
		db, err := queries.Open(ctx, path, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range change {
			if _, err := db.SQL.ExecContext(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
		if scopes == nil {
			var d string
			if err := db.SQL.QueryRowContext(ctx, `SELECT district_code FROM reports WHERE district_code <> '' ORDER BY rid LIMIT 1`).Scan(&d); err != nil {
				t.Fatal(err)
			}
			scopes = []queries.Scope{{}, {From: "2018-01", To: "2021-06", Kind: "executive"}, {Provinces: []string{d[:2]}}}
		}
		topicIDs := []string{"safety", "digital", "carbon"}
		rows := answers(t, db, scopes, topicIDs)
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
		ro, err := queries.Open(ctx, path, true)
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		if ro.Rollups() != wantRollups {
			t.Fatalf("%s: read-only database reads rollups: %v, want %v", step, ro.Rollups(), wantRollups)
		}
		if wantRollups {
			compareAnswers(t, rows, answers(t, ro, scopes, topicIDs))
		}
	}
	ingestFiles := func(files ...string) {
		t.Helper()
		db, err := queries.Open(ctx, path, false)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := ingest.Run(ctx, db, x, files, ingest.Options{}); err != nil {
			t.Fatal(err)
		}
		if err := queries.RefreshRollups(ctx, db, false); err != nil {
			t.Fatal(err)
		}
	}
	ingestFiles(c.Files[0])
	check("first ingest", true)
	// Appends left uncompacted: a cell, a topic's cell or a district's
	// first meeting is then held in several rows, which queries must sum.
	restore := queries.SetCompactShare(0)
	ingestFiles(c.Files[1])
	check("second ingest, uncompacted", true)
	restore()
	ingestFiles(c.Files[2:]...)
	check("third ingest", true)

	// Counts rewritten as retag does, then the refresh retag asks for.
	db, err := queries.Open(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL.ExecContext(ctx, `UPDATE topic_mentions SET mentions = mentions + 1 WHERE topic = 'safety'`); err != nil {
		t.Fatal(err)
	}
	if err := queries.RefreshRollups(ctx, db, true); err != nil {
		t.Fatal(err)
	}
	db.Close()
	check("retag", true)

	// A taxonomy digest first recorded after the rollups were summed (as
	// `agendascope ingest` records it in a database that bench built)
	// changes no count; another digest later does (a retag by a version
	// without rollups), until a refresh sums the topics anew.
	usable := func(step string, want bool, s ...string) {
		t.Helper()
		db, err := queries.Open(ctx, path, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range s {
			if _, err := db.SQL.ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		db.Close()
		ro, err := queries.Open(ctx, path, true)
		if err != nil {
			t.Fatal(err)
		}
		defer ro.Close()
		if ro.Rollups() != want {
			t.Errorf("%s: read-only database reads rollups: %v, want %v", step, ro.Rollups(), want)
		}
	}
	usable("digest adopted", true, `DELETE FROM meta WHERE key IN ('taxonomy_digest', 'rollups_taxonomy')`,
		`INSERT INTO meta VALUES ('taxonomy_digest', 'a')`)
	usable("digest changed", false, `INSERT OR REPLACE INTO meta VALUES ('taxonomy_digest', 'b')`)
	check("digest changed, refreshed", true)

	// A change no refresh followed: the read-only open must not trust the
	// rollups; the next writable open rebuilds them.
	db, err = queries.Open(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL.ExecContext(ctx, `DELETE FROM topic_mentions WHERE topic = 'digital' AND rid % 3 = 0`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := queries.Open(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	if ro.Rollups() {
		t.Error("read-only open reads rollups that no longer add up")
	}
	ro.Close()
	check("changed behind", true)
}

// TestRollupsHeldInSeveralRows: reports appended to cells, topic cells and
// first meetings that earlier reports already hold leave those in several
// rows until a compaction; the answers must be those of the rows, among
// them a district's first meeting moving earlier and a tie of two first
// meetings on one day broken by the least id.
// twoSteps inserts reports of one district in two steps, the second
// adding to cells the first made and making new ones.
func twoSteps() [][]string {
	report := func(id, day, date, kinds string) string {
		d := "NULL"
		if day != "" {
			d = "DATE '" + day + "'"
		}
		md := "NULL"
		if date != "" {
			md = "'" + date + "'"
		}
		return `INSERT INTO reports (id, source, title, url, text, province_code, province, city_code, city, district_code, district,
			meeting_date, meeting_day, meeting_kinds, spam, chars, ingested_at, chair, date_source, warnings)
		 VALUES ('` + id + `', '` + id + `.txt', '标题` + id + `', 'u/` + id + `', '安全生产', '32', '江苏省', '3202', '无锡市', '320206', '惠山区', ` +
			md + `, ` + d + `, ` + kinds + `, false, 100, now(), '张三', 'text', [])`
	}
	steps := [][]string{{
		report("a5", "2022-01-10", "2022-01-10", "['executive']"),
		report("a6", "2022-01-20", "2022-01-20", "['executive']"),
		`INSERT INTO topic_mentions (report_id, topic, mentions) VALUES ('a5', 'safety', 1), ('a6', 'safety', 2), ('a6', 'digital', 1)`,
	}, {
		report("a3", "2022-01-05", "2022-01-05", "['executive']"),
		report("a2", "2022-01-05", "2022-01-05", "['party_group']"),
		report("a9", "", "", "['executive']"),
		report("a1", "2021-01-01", "2021", "['executive']"),
		`INSERT INTO topic_mentions (report_id, topic, mentions) VALUES ('a3', 'safety', 3), ('a2', 'safety', 1),
			('a9', 'safety', 1), ('a9', 'digital', 2), ('a1', 'digital', 1)`,
	}}
	return steps
}

func TestRollupsHeldInSeveralRows(t *testing.T) {
	defer queries.SetCompactShare(0)()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "db.duckdb")
	steps := twoSteps()
	db, err := queries.Open(ctx, path, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, step := range steps {
		applyStep(t, db, step)
	}
	for table, keys := range map[string]string{
		"report_cells":  "meeting_day, meeting_month, district_code, meeting_kinds",
		"topic_cells":   "topic, meeting_day, meeting_month, district_code, meeting_kinds",
		"topic_firsts":  "topic, district_code",
		"report_places": "district_code, district",
		"topic_places":  "topic, district_code",
		"report_months": "meeting_day, meeting_month, meeting_kinds",
		"topic_months":  "topic, meeting_day, meeting_month, meeting_kinds",
	} {
		var rows, cells int64
		// Table and column names are this test's constants.
		if err := db.SQL.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT (`+keys+`)) FROM `+table).Scan(&rows, &cells); err != nil {
			t.Fatal(err)
		}
		if rows <= cells {
			t.Errorf("%s holds %d rows for %d cells; the test wants cells in several rows", table, rows, cells)
		}
	}
	scopes := []queries.Scope{{}, {Districts: []string{"320206"}}, {Kind: "executive"}, {From: "2022-01"}}
	topicIDs := []string{"safety", "digital"}
	rows := answers(t, db, scopes, topicIDs)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := queries.Open(ctx, path, true)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !ro.Rollups() {
		t.Fatal("read-only database does not read its rollups")
	}
	cells := answers(t, ro, scopes, topicIDs)
	compareAnswers(t, rows, cells)
	d, err := queries.GetDiffusion(ctx, ro, queries.DiffusionParams{Topic: "safety"})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Adopters) != 1 || d.Adopters[0].ReportID != "a2" || d.Adopters[0].Meetings != 5 || d.Adopters[0].Title != "标题a2" {
		t.Errorf("first meeting on safety: %+v; want a2 (2022-01-05, least id of that day), 5 meetings", d.Adopters)
	}
}

// applyStep runs a step's statements, then what ingest runs after them.
func applyStep(t *testing.T, db *queries.DB, step []string) {
	t.Helper()
	ctx := context.Background()
	for _, s := range step {
		if _, err := db.SQL.ExecContext(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := queries.Backfill(ctx, db); err != nil {
		t.Fatal(err)
	}
	if err := queries.RefreshRollups(ctx, db, false); err != nil {
		t.Fatal(err)
	}
}

// TestRollupsCompactedByTable: each rollup is compacted when appends have
// doubled it, whatever the others do. In the second step report_months
// gains four rows on one (so is compacted into its four cells) while
// report_places gains one on one (so keeps its district in two rows).
func TestRollupsCompactedByTable(t *testing.T) {
	ctx := context.Background()
	db, err := queries.Open(ctx, "", false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	held := func(table, keys string) (rows, cells, compacted int64) {
		t.Helper()
		// Table and column names are this test's constants.
		if err := db.SQL.QueryRowContext(ctx, `SELECT count(*), count(DISTINCT (`+keys+`)),
			(SELECT value::BIGINT FROM meta WHERE key = 'rollups_compacted:`+table+`') FROM `+table).Scan(&rows, &cells, &compacted); err != nil {
			t.Fatal(err)
		}
		return rows, cells, compacted
	}
	steps := twoSteps()
	applyStep(t, db, steps[0])
	if rows, _, compacted := held("report_months", "meeting_day, meeting_month, meeting_kinds"); rows != 1 || compacted != 1 {
		t.Fatalf("after the first step report_months holds %d rows, %d recorded; want 1 and 1", rows, compacted)
	}
	applyStep(t, db, steps[1])
	if rows, cells, compacted := held("report_months", "meeting_day, meeting_month, meeting_kinds"); rows != cells || compacted != cells || cells != 4 {
		t.Errorf("report_months: %d rows for %d cells, %d recorded; want it compacted into 4 cells", rows, cells, compacted)
	}
	if rows, cells, compacted := held("report_places", "district_code, district"); rows != 2 || cells != 1 || compacted != 1 {
		t.Errorf("report_places: %d rows for %d cells, %d recorded; want 2 rows of 1 cell, 1 recorded (not compacted)", rows, cells, compacted)
	}
	// A database whose rollups were compacted before the rows were recorded
	// per rollup takes what they hold as the baseline.
	if _, err := db.SQL.ExecContext(ctx, `DELETE FROM meta WHERE key = 'rollups_compacted:report_places'`); err != nil {
		t.Fatal(err)
	}
	if err := queries.RefreshRollups(ctx, db, false); err != nil {
		t.Fatal(err)
	}
	if rows, _, compacted := held("report_places", "district_code, district"); rows != 2 || compacted != 2 {
		t.Errorf("report_places after its record was lost: %d rows, %d recorded; want 2 and 2", rows, compacted)
	}
}

// A new database's first ingest sums its reports into empty rollups as a
// rebuild would, one row per cell, so RefreshRollups leaves them as they
// are instead of compacting them; the next compaction is measured from
// there.
func TestRollupsFirstIngestOneRowPerCell(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests a synthetic corpus")
	}
	ctx := context.Background()
	c := syntheticCorpus(t, t.TempDir(), bench.Spec{Reports: 120, Seed: 7, PerFile: 120})
	db, err := queries.Open(ctx, "", false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := ingest.Run(ctx, db, sharedExtractor(t), c.Files, ingest.Options{BatchSize: 50}); err != nil {
		t.Fatal(err)
	}
	cells := map[string]string{
		"report_cells":  "meeting_day, meeting_month, province_code, province, city_code, city, district_code, district, meeting_kinds",
		"topic_cells":   "topic, meeting_day, meeting_month, province_code, city_code, district_code, meeting_kinds",
		"label_counts":  "what, label",
		"topic_firsts":  "topic, province_code, city_code, district_code",
		"report_places": "province_code, province, city_code, city, district_code, district",
		"topic_places":  "topic, province_code, city_code, district_code",
		"report_months": "meeting_day, meeting_month, meeting_kinds",
		"topic_months":  "topic, meeting_day, meeting_month, meeting_kinds",
	}
	for table, key := range cells {
		var rows, distinct int64
		q := `SELECT (SELECT count(*) FROM ` + table + `), (SELECT count(*) FROM (SELECT DISTINCT ` + key + ` FROM ` + table + `))`
		if err := db.SQL.QueryRowContext(ctx, q).Scan(&rows, &distinct); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		if rows == 0 || rows != distinct {
			t.Errorf("%s holds %d rows for %d cells, want one row per cell", table, rows, distinct)
		}
		var compacted int64
		if err := db.SQL.QueryRowContext(ctx, `SELECT value::BIGINT FROM meta WHERE key = 'rollups_compacted:`+table+`'`).Scan(&compacted); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		if compacted != rows {
			t.Errorf("%s: %d rows recorded as compacted, want the %d it holds", table, compacted, rows)
		}
	}
}

var (
	extractorOnce sync.Once
	extractor     *analytics.Extractor
	extractorErr  error
)

// sharedExtractor is one extractor for the tests that ingest: its
// segmenter takes a second and 300 MB to load.
func sharedExtractor(t *testing.T) *analytics.Extractor {
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
		extractor = analytics.New(tg)
	})
	if extractorErr != nil {
		t.Fatal(extractorErr)
	}
	return extractor
}

// syntheticCorpus generates the bench's synthetic reports under dir.
func syntheticCorpus(t *testing.T, dir string, spec bench.Spec) bench.Corpus {
	t.Helper()
	c, err := bench.Generate(dir, spec)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
