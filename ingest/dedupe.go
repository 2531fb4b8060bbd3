package ingest

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"strings"
)

// known is what this run has queued: report ids and (id, source) pairs.
// The producer side of a run owns it. What earlier runs stored is not
// loaded: each batch asks the database about its own ids when it is full
// (settle), so that adding reports to a big database costs in proportion to
// what is added. Loading the million ids of a 1M-report database took 3 s
// and ≈80 MB before the first report was read; the per-batch question
// takes ≈17 ms at 1M reports.
type known struct {
	seen map[[10]byte]struct{} // ids queued by this run
	// sources holds a hash of each (id, source) pair this run queued, so
	// that a file given twice records its duplicates once.
	sources map[uint64]struct{}
}

func newKnown() *known {
	return &known{seen: map[[10]byte]struct{}{}, sources: map[uint64]struct{}{}}
}

func sourceKey(id, source string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	h.Write([]byte{0})
	h.Write([]byte(source))
	return h.Sum64()
}

// isNewSource reports whether a record's source is not yet queued for its
// id, and marks it queued.
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

// isNew reports whether a record's id is not yet queued by this run, and
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

// settle turns the batch's records whose id an earlier run stored into
// duplicates, and drops the duplicates whose source is stored already. It
// returns how many records it turned. It reads through db, a connection of
// its own: the writer's may be inside a transaction, and what that
// transaction writes is this run's, which known covers.
func settle(ctx context.Context, db *sql.DB, b *batch) (int, error) {
	if len(b.records) == 0 && len(b.duplicates) == 0 {
		return 0, nil
	}
	ids := make([]string, 0, len(b.records))
	for _, r := range b.records {
		ids = append(ids, r.ID)
	}
	stored, err := storedIDs(ctx, db, ids)
	if err != nil {
		return 0, err
	}
	turned := 0
	var dups []string
	if len(stored) > 0 {
		kept := b.records[:0]
		for _, r := range b.records {
			if _, ok := stored[r.ID]; ok {
				b.duplicates = append(b.duplicates, r)
				turned++
				continue
			}
			kept = append(kept, r)
		}
		clear(b.records[len(kept):]) // release the turned records' text
		b.records = kept
	}
	for _, r := range b.duplicates {
		dups = append(dups, r.ID)
	}
	if len(dups) == 0 {
		return turned, nil
	}
	pairs, err := storedSources(ctx, db, dups)
	if err != nil {
		return 0, err
	}
	if len(pairs) > 0 {
		kept := b.duplicates[:0]
		for _, r := range b.duplicates {
			if _, ok := pairs[sourceKey(r.ID, r.Source)]; !ok {
				kept = append(kept, r)
			}
		}
		clear(b.duplicates[len(kept):])
		b.duplicates = kept
	}
	return turned, nil
}

// storedIDs is the subset of ids (hex, so never holding a comma) that
// reports holds. A hash join of the few thousand ids with the id column:
// DuckDB's index on reports.id answered a list of 2,000 ids 2–3× slower.
func storedIDs(ctx context.Context, db *sql.DB, ids []string) (map[string]struct{}, error) {
	out := map[string]struct{}{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := db.QueryContext(ctx,
		`SELECT id FROM reports WHERE id IN (SELECT unnest(string_split(?, ',')))`, strings.Join(ids, ","))
	if err != nil {
		return nil, fmt.Errorf("ingest: look up stored report ids: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("ingest: look up stored report ids: %w", err)
		}
		out[id] = struct{}{}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("ingest: look up stored report ids: %w", err)
	}
	return out, nil
}

// storedSources is the (id, source) pairs report_sources holds for ids, as
// sourceKey hashes.
func storedSources(ctx context.Context, db *sql.DB, ids []string) (map[uint64]struct{}, error) {
	out := map[uint64]struct{}{}
	rows, err := db.QueryContext(ctx,
		`SELECT report_id, source FROM report_sources WHERE report_id IN (SELECT unnest(string_split(?, ',')))`, strings.Join(ids, ","))
	if err != nil {
		return nil, fmt.Errorf("ingest: look up stored report sources: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, source string
		if err := rows.Scan(&id, &source); err != nil {
			return nil, fmt.Errorf("ingest: look up stored report sources: %w", err)
		}
		out[sourceKey(id, source)] = struct{}{}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("ingest: look up stored report sources: %w", err)
	}
	return out, nil
}
