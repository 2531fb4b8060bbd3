package ingest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"runtime"
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
	id    string
	text  string
	idx   []int32
	spans []topics.Span
	tags  topics.Tags
}

// Retag recounts every report's topics with tg, from the stored text and
// agenda-item spans, without reading any source again. Reports stream
// through in chunks, so memory stays flat however large the database. The
// counts are replaced in one transaction: a failure leaves the old ones.
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
	if err != nil {
		return 0, fmt.Errorf("retag: %w", err)
	}
	return n, nil
}

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

	// The read runs on another connection, from the snapshot before this
	// transaction; it touches no table the transaction writes.
	rows, err := db.SQL.QueryContext(ctx, `
		SELECT r.id, r.text,
		       coalesce(list(i.idx ORDER BY i.idx) FILTER (WHERE i.idx IS NOT NULL), []),
		       coalesce(list(i.start_pos ORDER BY i.idx) FILTER (WHERE i.idx IS NOT NULL), []),
		       coalesce(list(i.end_pos ORDER BY i.idx) FILTER (WHERE i.idx IS NOT NULL), [])
		FROM reports r LEFT JOIN agenda_items i ON i.report_id = r.id
		GROUP BY r.id, r.text`)
	if err != nil {
		return fmt.Errorf("read reports: %w", err)
	}
	defer rows.Close()
	chunk := make([]*retagRow, 0, 2000)
	flush := func() error {
		tagAll(tg, chunk)
		for _, r := range chunk {
			for topic, c := range r.tags.Topics {
				if err := mentions.AppendRow(r.id, topic, int32(c)); err != nil {
					return err
				}
			}
			for i, span := range r.tags.Spans {
				for topic, c := range span {
					if err := items.AppendRow(r.id, r.idx[i], topic, int32(c)); err != nil {
						return err
					}
				}
			}
		}
		*n += len(chunk)
		chunk = chunk[:0]
		return nil
	}
	for rows.Next() {
		var r retagRow
		var idx, starts, ends duckdb.Composite[[]int32]
		if err := rows.Scan(&r.id, &r.text, &idx, &starts, &ends); err != nil {
			return fmt.Errorf("read report: %w", err)
		}
		r.idx = idx.Get()
		for i, s := range starts.Get() {
			r.spans = append(r.spans, topics.Span{Start: int(s), End: int(ends.Get()[i])})
		}
		chunk = append(chunk, &r)
		if len(chunk) == cap(chunk) {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read reports: %w", err)
	}
	if err := flush(); err != nil {
		return err
	}
	if err := mentions.Close(); err != nil {
		return err
	}
	if err := items.Close(); err != nil {
		return err
	}
	_, err = raw.(driver.ExecerContext).ExecContext(ctx, `INSERT OR REPLACE INTO meta (key, value) VALUES ('`+taxonomyKey+`', ?)`,
		[]driver.NamedValue{{Ordinal: 1, Value: tg.Taxonomy.Digest}})
	return err
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
