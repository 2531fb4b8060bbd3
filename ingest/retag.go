package ingest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"maps"
	"runtime"
	"slices"
	"sync"

	"github.com/duckdb/duckdb-go/v2"

	"agendascope/analytics/topics"
	"agendascope/queries"
)

// ErrTaxonomyChanged means the database was tagged with another taxonomy.
var ErrTaxonomyChanged = errors.New("the database was tagged with a different topic taxonomy")

const taxonomyKey = "taxonomy_digest"

// CheckTaxonomy makes sure new reports are counted with the taxonomy the
// database already holds counts for, so one table never mixes two
// definitions of a topic. An empty database adopts tax.
func CheckTaxonomy(ctx context.Context, db *queries.DB, tax *topics.Taxonomy) error {
	var stored string
	err := db.SQL.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, taxonomyKey).Scan(&stored)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return setMeta(ctx, db.SQL, taxonomyKey, tax.Digest)
	case err != nil:
		return fmt.Errorf("ingest: read taxonomy digest: %w", err)
	case stored != tax.Digest:
		return fmt.Errorf("ingest: %w (stored %s, given %s): run `agendascope retag` with the new taxonomy first, or pass the taxonomy the database was built with via --topics", ErrTaxonomyChanged, stored, tax.Digest)
	}
	return nil
}

type retagRow struct {
	rid   int64
	id    string
	text  string
	idx   []int32
	spans []topics.Span
	tags  topics.Tags
	// The report columns topic_mentions carries copies of.
	meetingDay, meetingMonth, province, city, district any
	kinds                                              []any
}

// retagChunk is how many reports are read, tagged and appended at a time.
const retagChunk = 2000

// Retag recounts every report's topics with tg, from the stored text and
// agenda-item spans, without reading any source again. Reports stream
// through in chunks of consecutive rids, so memory stays flat however large
// the database and the rows are appended in rid order. The counts are
// replaced in one transaction: a failure leaves the old ones. The new
// topic_mentions are then put back in (topic, rid) order.
func Retag(ctx context.Context, db *queries.DB, tg *topics.Tagger) (int, error) {
	n := 0
	err := db.Raw(ctx, func(_ *sql.Conn, raw driver.Conn) error {
		w := &writer{raw: raw}
		if err := w.exec(ctx, "BEGIN TRANSACTION"); err != nil {
			return err
		}
		err := retagIn(ctx, db, raw, w, tg, &n)
		if err != nil {
			_ = w.exec(context.Background(), "ROLLBACK")
			return err
		}
		return w.exec(ctx, "COMMIT")
	})
	if err == nil {
		err = queries.ClusterMentions(ctx, db, true)
	}
	if err == nil {
		err = queries.RefreshRollups(ctx, db, true)
	}
	if err != nil {
		return 0, fmt.Errorf("retag: %w", err)
	}
	return n, nil
}

// retagReadSQL reads the reports with rid in ($1, $2] and their agenda-item
// spans. Both tables are filtered on their sorted rid column, so each chunk
// reads a row group or two rather than the tables.
const retagReadSQL = `
	SELECT r.rid, r.id, r.text, r.meeting_day, r.meeting_month,
	       r.province_code, r.city_code, r.district_code, coalesce(r.meeting_kinds, []),
	       coalesce(i.idx, []), coalesce(i.starts, []), coalesce(i.ends, [])
	FROM reports r
	LEFT JOIN (SELECT rid, list(idx ORDER BY idx) AS idx,
	                  list(start_pos ORDER BY idx) AS starts, list(end_pos ORDER BY idx) AS ends
	           FROM agenda_items
	           WHERE rid > $1 AND rid <= $2
	           GROUP BY rid) i ON i.rid = r.rid
	WHERE r.rid > $1 AND r.rid <= $2
	ORDER BY r.rid`

func retagIn(ctx context.Context, db *queries.DB, raw driver.Conn, w *writer, tg *topics.Tagger, n *int) error {
	for _, q := range []string{"DELETE FROM topic_mentions", "DELETE FROM item_topics"} {
		if err := w.exec(ctx, q); err != nil {
			return err
		}
	}
	mentions, err := duckdb.NewAppenderFromConn(raw, "", "topic_mentions")
	if err != nil {
		return err
	}
	defer mentions.Close()
	items, err := duckdb.NewAppenderFromConn(raw, "", "item_topics")
	if err != nil {
		return err
	}
	defer items.Close()

	// The reads run on another connection, from the snapshot before this
	// transaction; they touch no table the transaction writes.
	var last int64
	if err := db.SQL.QueryRowContext(ctx, `SELECT coalesce(max(rid), 0) FROM reports`).Scan(&last); err != nil {
		return fmt.Errorf("read the last report number: %w", err)
	}
	for from := int64(0); from < last; from += retagChunk {
		chunk, err := readRetagChunk(ctx, db, from, from+retagChunk)
		if err != nil {
			return err
		}
		tagAll(tg, chunk)
		for _, r := range chunk {
			for _, topic := range slices.Sorted(maps.Keys(r.tags.Topics)) {
				if err := mentions.AppendRow(r.id, topic, int32(r.tags.Topics[topic]), r.rid, r.meetingDay, r.meetingMonth,
					r.province, r.city, r.district, r.kinds); err != nil {
					return err
				}
			}
			for i, span := range r.tags.Spans {
				for topic, c := range span {
					if err := items.AppendRow(r.id, r.idx[i], topic, int32(c), r.rid); err != nil {
						return err
					}
				}
			}
		}
		*n += len(chunk)
	}
	if err := mentions.Close(); err != nil {
		return err
	}
	if err := items.Close(); err != nil {
		return err
	}
	exec := func(ctx context.Context, q string, args ...any) error {
		named := make([]driver.NamedValue, len(args))
		for i, a := range args {
			named[i] = driver.NamedValue{Ordinal: i + 1, Value: a}
		}
		_, err := raw.(driver.ExecerContext).ExecContext(ctx, q, named)
		return err
	}
	if err := queries.SetTopicCounts(ctx, exec, last); err != nil {
		return err
	}
	_, err = raw.(driver.ExecerContext).ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES ('`+taxonomyKey+`', ?)`,
		[]driver.NamedValue{{Ordinal: 1, Value: tg.Taxonomy.Digest}})
	return err
}

func readRetagChunk(ctx context.Context, db *queries.DB, after, upto int64) ([]*retagRow, error) {
	rows, err := db.SQL.QueryContext(ctx, retagReadSQL, after, upto)
	if err != nil {
		return nil, fmt.Errorf("read reports: %w", err)
	}
	defer rows.Close()
	var out []*retagRow
	for rows.Next() {
		var r retagRow
		var day, month sql.NullTime
		var province, city, district sql.NullString
		var idx, starts, ends duckdb.Composite[[]int32]
		if err := rows.Scan(&r.rid, &r.id, &r.text, &day, &month, &province, &city, &district, &r.kinds,
			&idx, &starts, &ends); err != nil {
			return nil, fmt.Errorf("read report: %w", err)
		}
		if day.Valid {
			r.meetingDay = day.Time
		}
		if month.Valid {
			r.meetingMonth = month.Time
		}
		r.province, r.city, r.district = orNil(province), orNil(city), orNil(district)
		r.idx = idx.Get()
		for i, s := range starts.Get() {
			r.spans = append(r.spans, topics.Span{Start: int(s), End: int(ends.Get()[i])})
		}
		out = append(out, &r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read reports: %w", err)
	}
	return out, nil
}

// orNil copies a nullable column value as it was stored.
func orNil(s sql.NullString) any {
	if !s.Valid {
		return nil
	}
	return s.String
}

// tagAll tags a chunk of reports on every core.
func tagAll(tg *topics.Tagger, chunk []*retagRow) {
	var wg sync.WaitGroup
	next := make(chan *retagRow)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range next {
				r.tags = tg.Tag(r.text, r.spans)
				r.text = ""
			}
		}()
	}
	for _, r := range chunk {
		next <- r
	}
	close(next)
	wg.Wait()
}
