package ingest

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"strings"
)

// known is what the last two batches of this run queued: report ids and
// (id, source) pairs. The producer side of a run owns it. What is committed
// is not held: each batch asks the database about its own ids when it is
// full (settle), so that adding reports to a big database costs in
// proportion to what is added, and memory does not grow with the run.
// Loading the million ids of a 1M-report database took 3.1 s before the
// first report was read; the per-batch question takes ≈17 ms at 1M.
//
// Two batches, because the database cannot yet show the batch the writer
// is committing while the next one fills: the hand-over of batch k+1
// waits for the writer to finish batch k, so when batch k+2 is settled,
// batch k is committed and only k+1 may not be.
type known struct {
	cur, prev batchKeys
}

// batchKeys is what one batch queued.
type batchKeys struct {
	seen    map[[10]byte]struct{} // ids
	sources map[uint64]struct{}   // sourceKey hashes, so that a file given twice records its duplicates once
}

func newBatchKeys() batchKeys {
	return batchKeys{seen: map[[10]byte]struct{}{}, sources: map[uint64]struct{}{}}
}

func newKnown() *known {
	return &known{cur: newBatchKeys(), prev: newBatchKeys()}
}

// next starts a new batch: the one just handed over becomes the previous.
func (k *known) next() {
	k.prev, k.cur = k.cur, newBatchKeys()
}

func sourceKey(id, source string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(id))
	h.Write([]byte{0})
	h.Write([]byte(source))
	return h.Sum64()
}

// isNewSource reports whether a record's source is not yet queued for its
// id in the last two batches, and marks it queued.
func (k *known) isNewSource(id, source string) bool {
	h := sourceKey(id, source)
	_, inCur := k.cur.sources[h]
	_, inPrev := k.prev.sources[h]
	if inCur || inPrev {
		return false
	}
	k.cur.sources[h] = struct{}{}
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

// isNew reports whether a record's id is not yet queued in the last two
// batches, and marks it queued. Older batches are committed: settle finds
// their ids in the database.
func (k *known) isNew(id string) bool {
	key, ok := idKey(id)
	if !ok {
		return true
	}
	_, inCur := k.cur.seen[key]
	_, inPrev := k.prev.seen[key]
	if inCur || inPrev {
		return false
	}
	k.cur.seen[key] = struct{}{}
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
