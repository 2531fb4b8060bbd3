package queries

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/duckdb/duckdb-go/v2"
)

// A read-only database holds its reports' text in Go memory, read once in
// the background when the server asks (HoldText), with each report's
// bigram filter (grams.go).
// The term query and the text search then pass DuckDB the report numbers
// only (report_phrase_count, report_phrase_counts), and count in the held
// text the reports whose filter admits the phrase. At a million reports
// DuckDB's scan of the text column was the cost of both queries: 3.4 GB
// read out of its buffer pool (or, the first time, from disk) at every
// request, for phrases that most reports do not contain. A writable
// database, whose text may change between queries, and a database whose
// text would not fit heldTextLimit are searched through the text column as
// before; the answers are the same either way. Commands that read a
// database once (export, stats) do not ask: the load would cost them more
// than it saves.
const (
	// heldTextLimit bounds the text held, estimated from the characters
	// stored (three bytes each, as for Chinese): 1M reports hold ≈3.4 GB.
	heldTextLimit = 8 << 30
	// heldMemoryLimit is DuckDB's buffer pool once the text is held: its
	// queries no longer read the text column, which readMemoryLimit is
	// sized to keep.
	heldMemoryLimit = "2GB"
)

var (
	heldSizeSQL = compose("held_size.sql")
	heldLoadSQL = compose("held_load.sql")
)

// Names of the SQL functions over held text (see phrase.go for the ones
// over a text column).
const (
	reportPhraseCountFunc  = "report_phrase_count"
	reportPhraseCountsFunc = "report_phrase_counts"
	holdTextFunc           = "hold_report_text"
)

// heldText is the text and bigram filter of every report, by rid.
type heldText struct {
	texts []string
	held  []bool   // the report's text was read (a text may be empty)
	grams []uint64 // gramWords per report
	// memos remembers phrases' counts per report (phrasememo.go).
	memos *phraseMemos
}

// report is the text and filter of report rid.
func (t *heldText) report(rid int64) (string, []uint64, error) {
	if rid < 0 || rid >= int64(len(t.texts)) || !t.held[rid] {
		return "", nil, fmt.Errorf("report %d: text not held", rid)
	}
	return t.texts[rid], t.grams[rid*gramWords : (rid+1)*gramWords], nil
}

// textHolder loads a database's text and hands it to the functions that
// read it.
type textHolder struct {
	mu      sync.Mutex
	loading *heldText // filled by hold_report_text while the load runs

	done chan struct{} // closed when the load has ended, well or not
	text *heldText     // after done: the held text, nil when not held
	err  error         // after done: why the text is not held

	started bool
	stop    context.CancelFunc
}

// errNotHeld marks the databases whose text is not held by design (a
// writable or in-memory database, one too large); not a failure.
var errNotHeld = errors.New("text not held")

// newTextHolder is a holder that holds nothing until start.
func newTextHolder() *textHolder {
	h := &textHolder{done: make(chan struct{}), err: errNotHeld, stop: func() {}}
	close(h.done)
	return h
}

// start loads db's text in the background; before any query runs, since
// it replaces done.
func (h *textHolder) start(db *DB) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	h.started, h.stop, h.done, h.err = true, cancel, done, nil
	go func() {
		defer close(done)
		h.text, h.err = h.load(ctx, db)
	}()
}

// close stops a load in progress and waits for it.
func (h *textHolder) close() {
	h.stop()
	<-h.done
}

// HoldText starts loading the reports' text into memory in the background,
// on a read-only database file (nothing otherwise, or when called again).
// The server calls it after Open and before it serves: queries that read
// text then wait for the load (AwaitText) and count in memory.
func (db *DB) HoldText() {
	if !db.ReadOnly || db.Path == "" || db.held.started {
		return
	}
	db.held.start(db)
}

// ready is the held text, or nil while loading or when not held.
func (h *textHolder) ready() *heldText {
	select {
	case <-h.done:
		return h.text
	default:
		return nil
	}
}

func (h *textHolder) load(ctx context.Context, db *DB) (*heldText, error) {
	var lastRID, reports, numbered, chars int64
	if err := db.SQL.QueryRowContext(ctx, heldSizeSQL).Scan(&lastRID, &reports, &numbered, &chars); err != nil {
		return nil, fmt.Errorf("hold report text: size: %w", err)
	}
	if numbered < reports || chars*3 > heldTextLimit {
		return nil, errNotHeld
	}
	n := lastRID + 1
	t := &heldText{texts: make([]string, n), held: make([]bool, n), grams: make([]uint64, n*gramWords), memos: newPhraseMemos(int(n), memoBudget)}
	h.mu.Lock()
	h.loading = t
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		h.loading = nil
		h.mu.Unlock()
	}()
	// Lowered before the load, so that DuckDB reuses a few buffers for the
	// text it passes through rather than filling fresh memory with a copy
	// that nothing reads again. A constant, never user input.
	if _, err := db.SQL.ExecContext(ctx, "SET memory_limit = '"+heldMemoryLimit+"'"); err != nil {
		return nil, fmt.Errorf("hold report text: lower the buffer pool: %w", err)
	}
	var loaded int64
	if err := db.SQL.QueryRowContext(ctx, heldLoadSQL).Scan(&loaded); err != nil {
		return nil, fmt.Errorf("hold report text: %w", err)
	}
	if loaded != reports {
		return nil, fmt.Errorf("hold report text: read %d reports of %d", loaded, reports)
	}
	return t, nil
}

// AwaitText waits until the reports' text is held, or will not be, so that
// a query that reads text does not compete with the load (or time out
// behind it); the server calls it before a request's time limit starts.
func (db *DB) AwaitText(ctx context.Context) error {
	if db == nil || db.held == nil {
		return nil
	}
	select {
	case <-db.held.done:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("wait for the report text: %w", ctx.Err())
	}
}

// TextSettled says whether the load has ended (AwaitText would not wait).
func (db *DB) TextSettled() bool {
	if db == nil || db.held == nil {
		return true
	}
	select {
	case <-db.held.done:
		return true
	default:
		return false
	}
}

// TextHeld says whether text queries read the held text; nil error when it
// is held or not held by design, the load's error otherwise.
func (db *DB) TextHeld() (bool, error) {
	if db == nil || db.held == nil {
		return false, nil
	}
	select {
	case <-db.held.done:
	default:
		return false, nil
	}
	if errors.Is(db.held.err, errNotHeld) {
		return false, nil
	}
	return db.held.text != nil, db.held.err
}

// holdsText says whether the statements should read the held text now.
func (db *DB) holdsText() bool {
	return db != nil && db.held != nil && db.held.ready() != nil
}

// holdText implements hold_report_text(rid, text): it copies each row's
// text into the load in progress and sets its filter, and returns ”
// (counted by the load's count()).
type holdText struct{ h *textHolder }

func (holdText) Config() duckdb.ScalarFuncConfig {
	return duckdb.ScalarFuncConfig{InputTypeInfos: []duckdb.TypeInfo{bigintType(), varcharType()},
		ResultTypeInfo: varcharType(), Volatile: true}
}

func (f holdText) Executor() duckdb.ScalarFuncExecutor {
	return duckdb.ScalarFuncExecutor{ChunkContextExecutor: func(_ context.Context, st *duckdb.ChunkIteratorState) error {
		f.h.mu.Lock()
		t := f.h.loading
		f.h.mu.Unlock()
		if t == nil {
			return errors.New("hold_report_text: no load in progress")
		}
		return holdChunk(st, t, &f.h.mu)
	}}
}

// holdChunk copies a chunk's texts into one string, so that a million
// reports make a few hundred allocations, and points each report at its
// part. The report entries are written under mu, which the load takes
// after its query: DuckDB runs this on its own threads, whose ordering
// with the load's goroutine Go cannot see otherwise.
func holdChunk(st *duckdb.ChunkIteratorState, t *heldText, mu *sync.Mutex) error {
	in := st.GetInputChunk()
	textVec, err := in.GetVector(1)
	if err != nil {
		return err
	}
	texts, err := duckdb.GetVectorView[string](textVec)
	if err != nil {
		return err
	}
	out, err := duckdb.GetVectorWriter[string](st.GetResultVector())
	if err != nil {
		return err
	}
	size := in.GetSize()
	total := 0
	for i := range size {
		text, _, err := texts.GetValueBorrowed(i)
		if err != nil {
			return err
		}
		total += len(text)
	}
	var b strings.Builder
	b.Grow(total)
	rids := make([]int64, size)
	ends := make([]int, size)
	for i := range size {
		v, err := in.GetValue(0, i)
		if err != nil {
			return err
		}
		rid, ok := v.(int64)
		if !ok || rid < 0 || rid >= int64(len(t.texts)) {
			return fmt.Errorf("hold_report_text: report number %v out of range", v)
		}
		text, _, err := texts.GetValueBorrowed(i)
		if err != nil {
			return err
		}
		b.WriteString(text)
		rids[i], ends[i] = rid, b.Len()
	}
	all := b.String()
	grams := make([]uint64, size*gramWords)
	for i := range rids {
		addGrams(grams[i*gramWords:(i+1)*gramWords], all[startOf(ends, i):ends[i]])
		if err := out.Set(i, ""); err != nil {
			return err
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for i, rid := range rids {
		t.texts[rid], t.held[rid] = all[startOf(ends, i):ends[i]], true
		copy(t.grams[rid*gramWords:(rid+1)*gramWords], grams[i*gramWords:(i+1)*gramWords])
	}
	return nil
}

// startOf is where part i of a string cut at ends starts.
func startOf(ends []int, i int) int {
	if i == 0 {
		return 0
	}
	return ends[i-1]
}

func varcharType() duckdb.TypeInfo { return mustType(duckdb.TYPE_VARCHAR) }
func bigintType() duckdb.TypeInfo  { return mustType(duckdb.TYPE_BIGINT) }

func mustType(t duckdb.Type) duckdb.TypeInfo {
	info, err := duckdb.NewTypeInfo(t)
	if err != nil {
		panic(err) // a type without parameters: cannot fail
	}
	return info
}
