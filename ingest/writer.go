package ingest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"agendascope/analytics"
)

// batch is what one transaction writes.
type batch struct {
	records    []analytics.Record
	duplicates []analytics.Record // already stored: only their source is recorded
	failures   []Failure
	// terms sums the records' content words by meeting month: [mentions,
	// reports]. Reports dated to the year only are keyed by that year.
	terms map[termMonth]map[string][2]int
}

// termMonth keys term counts: a meeting month, or a year (its 1 January)
// for reports dated only to the year, which only yearly periods may read.
type termMonth struct {
	month    time.Time
	yearOnly bool
}

// add queues a new record. Its content words are summed into the batch
// at once and dropped from the record, as is an original that equals the
// text (see original): a batch waiting for the writer then holds about a
// fifth of the memory.
func (b *batch) add(r analytics.Record) {
	if r.MeetingDate != nil && len(r.Terms) > 0 {
		if d, ok := MeetingDay(*r.MeetingDate); ok {
			key := termMonth{time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC), MeetingMonth(*r.MeetingDate, d) == nil}
			if b.terms == nil {
				b.terms = map[termMonth]map[string][2]int{}
			}
			m := b.terms[key]
			if m == nil {
				m = map[string][2]int{}
				b.terms[key] = m
			}
			for term, n := range r.Terms {
				c := m[term]
				m[term] = [2]int{c[0] + n, c[1] + 1}
			}
		}
	}
	r.Terms = nil
	if sameText(r.Original, r.Text) {
		r.Original = ""
	}
	b.records = append(b.records, r)
}

// writer appends batches to the database. Each batch is one transaction, so
// a crash leaves every earlier batch whole and nothing of the one it hit.
// It runs on a goroutine of its own (see store.go): only it touches the
// connection while a run stores.
type writer struct {
	raw driver.Conn
	// months lists the meeting months this run added terms to.
	months map[time.Time]struct{}
	// lastRID is the highest reports.rid committed; a batch numbers its
	// reports from lastRID+1 on.
	lastRID int64
	// uncheckpointed is the text committed since the last checkpoint (see
	// checkpoint.go).
	uncheckpointed int64
}

func newWriter(ctx context.Context, raw driver.Conn) (*writer, error) {
	w := &writer{raw: raw, months: map[time.Time]struct{}{}}
	var err error
	if w.lastRID, err = maxRID(ctx, raw); err != nil {
		return nil, err
	}
	return w, nil
}

// known is what is already stored or queued, for dedupe before a record
// is queued: the producer side of a run owns it.
type known struct {
	seen map[[10]byte]struct{} // ids already stored or queued
	// sources holds a hash of each (id, source) pair stored, so that a
	// rerun over the same files records no new duplicates.
	sources map[uint64]struct{}
}

func loadKnown(ctx context.Context, raw driver.Conn) (*known, error) {
	k := &known{seen: map[[10]byte]struct{}{}, sources: map[uint64]struct{}{}}
	// Loading the stored ids once is cheaper than asking per batch, and it
	// keeps an append to a large database proportional to what is added.
	rows, err := raw.(driver.QueryerContext).QueryContext(ctx, `SELECT id FROM reports`, nil)
	if err != nil {
		return nil, fmt.Errorf("ingest: read stored report ids: %w", err)
	}
	defer rows.Close()
	dest := make([]driver.Value, 1)
	for rows.Next(dest) == nil {
		if id, ok := idKey(fmt.Sprint(dest[0])); ok {
			k.seen[id] = struct{}{}
		}
	}
	srows, err := raw.(driver.QueryerContext).QueryContext(ctx, `SELECT report_id, source FROM report_sources`, nil)
	if err != nil {
		return nil, fmt.Errorf("ingest: read stored report sources: %w", err)
	}
	defer srows.Close()
	dest = make([]driver.Value, 2)
	for srows.Next(dest) == nil {
		k.sources[sourceKey(fmt.Sprint(dest[0]), fmt.Sprint(dest[1]))] = struct{}{}
	}
	return k, nil
}

func maxRID(ctx context.Context, raw driver.Conn) (int64, error) {
	rows, err := raw.(driver.QueryerContext).QueryContext(ctx, `SELECT coalesce(max(rid), 0) FROM reports`, nil)
	if err != nil {
		return 0, fmt.Errorf("ingest: read the last report number: %w", err)
	}
	defer rows.Close()
	dest := make([]driver.Value, 1)
	if err := rows.Next(dest); err != nil {
		return 0, fmt.Errorf("ingest: read the last report number: %w", err)
	}
	n, ok := dest[0].(int64)
	if !ok {
		return 0, fmt.Errorf("ingest: last report number is %T", dest[0])
	}
	return n, nil
}

func sourceKey(id, source string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	h.Write([]byte{0})
	h.Write([]byte(source))
	return h.Sum64()
}

// isNewSource reports whether a duplicate's source is not yet recorded, and
// marks it recorded.
func (k *known) isNewSource(id, source string) bool {
	h := sourceKey(id, source)
	if _, ok := k.sources[h]; ok {
		return false
	}
	k.sources[h] = struct{}{}
	return true
}

func idKey(id string) ([10]byte, bool) {
	var k [10]byte
	b, err := hex.DecodeString(id)
	if err != nil || len(b) != len(k) {
		return k, false
	}
	copy(k[:], b)
	return k, true
}

// isNew reports whether a record's id is not yet stored or queued, and
// marks it queued.
func (k *known) isNew(id string) bool {
	key, ok := idKey(id)
	if !ok {
		return true
	}
	if _, dup := k.seen[key]; dup {
		return false
	}
	k.seen[key] = struct{}{}
	return true
}

func (w *writer) exec(ctx context.Context, q string) error {
	_, err := w.raw.(driver.ExecerContext).ExecContext(ctx, q, nil)
	return err
}

// write commits one batch, then checkpoints if it is time to (see
// checkpoint.go).
func (w *writer) write(ctx context.Context, b batch) error {
	if len(b.records) == 0 && len(b.failures) == 0 && len(b.duplicates) == 0 {
		return nil
	}
	if err := w.commit(ctx, b); err != nil {
		return err
	}
	var bytes int64
	for _, r := range b.records {
		bytes += int64(len(r.Text))
		if !sameText(r.Original, r.Text) {
			bytes += int64(len(r.Original))
		}
	}
	return w.committed(ctx, len(b.records), bytes)
}

// commit appends a batch in one transaction.
func (w *writer) commit(ctx context.Context, b batch) (err error) {
	if err := w.exec(ctx, "BEGIN TRANSACTION"); err != nil {
		return fmt.Errorf("ingest: begin batch: %w", err)
	}
	defer func() {
		if err != nil {
			_ = w.exec(context.Background(), "ROLLBACK")
		}
	}()
	if err := w.appendAll(b, time.Now().UTC()); err != nil {
		return err
	}
	if err := w.exec(ctx, "COMMIT"); err != nil {
		return fmt.Errorf("ingest: commit batch: %w", err)
	}
	return nil
}

func (w *writer) appendAll(b batch, now time.Time) error {
	reports, err := duckdb.NewAppenderFromConn(w.raw, "", "reports")
	if err != nil {
		return fmt.Errorf("ingest: open appender: %w", err)
	}
	mentions, _ := duckdb.NewAppenderFromConn(w.raw, "", "topic_mentions")
	items, _ := duckdb.NewAppenderFromConn(w.raw, "", "agenda_items")
	itemTopics, _ := duckdb.NewAppenderFromConn(w.raw, "", "item_topics")
	docs, _ := duckdb.NewAppenderFromConn(w.raw, "", "documents")
	errs, _ := duckdb.NewAppenderFromConn(w.raw, "", "ingest_errors")
	sources, _ := duckdb.NewAppenderFromConn(w.raw, "", "report_sources")
	terms, _ := duckdb.NewAppenderFromConn(w.raw, "", "term_counts")
	apps := []*duckdb.Appender{reports, mentions, items, itemTopics, docs, errs, sources, terms}
	for _, a := range apps {
		if a == nil {
			return fmt.Errorf("ingest: open appenders: schema is missing a table")
		}
	}
	for i, r := range b.records {
		if err := appendRecord(reports, mentions, items, itemTopics, docs, r, w.lastRID+int64(i)+1, now); err != nil {
			closeAll(apps)
			return fmt.Errorf("ingest: append %s: %w", r.Source, err)
		}
	}
	for _, r := range append(b.records, b.duplicates...) {
		if err := sources.AppendRow(r.ID, r.Source, nullable(r.URL), now); err != nil {
			closeAll(apps)
			return fmt.Errorf("ingest: record source %s: %w", r.Source, err)
		}
	}
	for key, counts := range b.terms {
		w.months[key.month] = struct{}{}
		for term, c := range counts {
			if err := terms.AppendRow(key.month, term, int64(c[0]), int64(c[1]), key.yearOnly); err != nil {
				closeAll(apps)
				return fmt.Errorf("ingest: append term counts: %w", err)
			}
		}
	}
	for _, f := range b.failures {
		var line any
		if f.Line > 0 {
			line = int32(f.Line)
		}
		if err := errs.AppendRow(f.Source, line, f.Reason, now); err != nil {
			closeAll(apps)
			return fmt.Errorf("ingest: record failure of %s: %w", f.Source, err)
		}
	}
	for _, a := range apps {
		if err := a.Close(); err != nil {
			closeAll(apps)
			return fmt.Errorf("ingest: flush batch: %w", err)
		}
	}
	return nil
}

func closeAll(apps []*duckdb.Appender) {
	for _, a := range apps {
		_ = a.Close()
	}
}

// appendRecord appends a new report numbered rid and its rows in the other
// tables, with the report's filter columns copied into topic_mentions (see
// schema.sql).
func appendRecord(reports, mentions, items, itemTopics, docs *duckdb.Appender, r analytics.Record, rid int64, now time.Time) error {
	evidence, err := json.Marshal(r.Evidence)
	if err != nil {
		return fmt.Errorf("encode evidence: %w", err)
	}
	var meetingDate, meetingDay, meetingMonth, published any
	if r.MeetingDate != nil {
		meetingDate = *r.MeetingDate
		if d, ok := MeetingDay(*r.MeetingDate); ok {
			meetingDay = d
			meetingMonth = MeetingMonth(*r.MeetingDate, d)
		}
	}
	if r.PublishedDate != nil {
		if d, err := time.Parse("2006-01-02", *r.PublishedDate); err == nil {
			published = d
		}
	}
	kinds := toAny(r.MeetingKinds)
	topicIDs := slices.Sorted(maps.Keys(r.Topics))
	var counts strings.Builder // reports.topic_counts: "topic:n;topic:n"
	for _, t := range topicIDs {
		if n := r.Topics[t]; n > 0 {
			if counts.Len() > 0 {
				counts.WriteByte(';')
			}
			counts.WriteString(t + ":" + strconv.Itoa(n))
		}
	}
	if err := reports.AppendRow(r.ID, r.Source, nullable(r.URL), nullable(r.Title), r.Text, original(r),
		nullable(r.ProvinceCode), nullable(r.Province), nullable(r.CityCode), nullable(r.City),
		nullable(r.DistrictCode), nullable(r.District), meetingDate, meetingDay, published,
		nullable(r.DateSource), nullable(r.Chair), kinds, nullable(r.Session),
		nullable(r.Script), nullable(r.Lang), nullable(r.Encoding), r.Spam, toAny(r.Warnings),
		string(evidence), int32(r.Chars), now, rid, meetingMonth, counts.String()); err != nil {
		return err
	}
	province, city, district := nullable(r.ProvinceCode), nullable(r.CityCode), nullable(r.DistrictCode)
	for _, topic := range topicIDs {
		if err := mentions.AppendRow(r.ID, topic, int32(r.Topics[topic]), rid, meetingDay, meetingMonth, province, city, district, kinds); err != nil {
			return err
		}
	}
	for _, it := range r.AgendaItems {
		if err := items.AppendRow(r.ID, int32(it.Index), nullable(it.Kind), int32(it.Start), int32(it.End), rid); err != nil {
			return err
		}
		for topic, n := range it.Topics {
			if err := itemTopics.AppendRow(r.ID, int32(it.Index), topic, int32(n), rid); err != nil {
				return err
			}
		}
	}
	for i, d := range r.Documents {
		if err := docs.AppendRow(r.ID, int32(i), d.Title, nullable(d.Verb), rid); err != nil {
			return err
		}
	}
	return nil
}

// compactTerms folds the partial term sums of the months this run touched
// into one row per (month, term). Its cost follows the months touched, not
// the size of the database.
func (w *writer) compactTerms(ctx context.Context) error {
	if len(w.months) == 0 {
		return nil
	}
	list := make([]string, 0, len(w.months))
	for m := range w.months {
		list = append(list, m.Format("2006-01-02"))
	}
	stmts := []string{
		"BEGIN TRANSACTION",
		`CREATE TEMP TABLE folded AS
		   SELECT month, term, sum(mentions)::BIGINT AS mentions, sum(reports)::BIGINT AS reports, year_only
		   FROM term_counts WHERE month IN (SELECT unnest(string_split(?, ','))::DATE) GROUP BY month, term, year_only`,
		`DELETE FROM term_counts WHERE month IN (SELECT unnest(string_split(?, ','))::DATE)`,
		`INSERT INTO term_counts (month, term, mentions, reports, year_only) SELECT * FROM folded`,
		`DROP TABLE folded`,
		"COMMIT",
	}
	joined := strings.Join(list, ",")
	for _, q := range stmts {
		var params []driver.NamedValue
		if strings.Contains(q, "?") {
			params = []driver.NamedValue{{Ordinal: 1, Value: joined}}
		}
		if _, err := w.raw.(driver.ExecerContext).ExecContext(ctx, q, params); err != nil {
			_ = w.exec(context.Background(), "ROLLBACK")
			return fmt.Errorf("ingest: fold term counts: %w", err)
		}
	}
	w.months = map[time.Time]struct{}{}
	return nil
}

// MeetingDay turns a meeting date (YYYY-MM-DD, YYYY-MM or YYYY) into the day
// it is grouped under: the first of the month or year when only those are
// known.
func MeetingDay(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) == len(layout) {
			d, err := time.Parse(layout, s)
			return d, err == nil
		}
	}
	return time.Time{}, false
}

// MeetingMonth is the month a meeting is grouped under by month and
// quarter, or nil when its date names only the year: a year-only date's
// day is 1 January, and counting it there would pile every such report
// into January (year-only dates are common in work reports).
func MeetingMonth(date string, day time.Time) any {
	if len(date) == len("2006") {
		return nil
	}
	return time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
}

// original is the value of reports.original: NULL when the decoded input
// is the text itself but for surrounding whitespace (a final newline), as
// for input that was normalized before it came.
func original(r analytics.Record) any {
	if sameText(r.Original, r.Text) {
		return nil
	}
	return nullable(r.Original)
}

func sameText(original, text string) bool {
	return original == text || strings.TrimSpace(original) == text
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// toAny converts a list for the Appender; nil becomes an empty list, not NULL.
func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, v := range s {
		out[i] = v
	}
	return out
}

// setMeta records a key in the meta table, outside any batch.
func setMeta(ctx context.Context, db *sql.DB, key, value string) error {
	_, err := db.ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`, key, value)
	return err
}
