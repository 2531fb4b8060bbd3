package queries

import (
	"container/list"
	"strings"
	"sync"
	"sync/atomic"
)

// A server asked the same phrase again and again: the meetings list's pages
// and filters, the terms page's periods and measures, a drill-down from a
// term's chart to the meetings that hold it. Each asking counted the phrase
// afresh in every report in scope, ≈0.4–0.6 s at a million reports for a
// phrase that a third of them hold. The held text does not change, so each
// report's count of a phrase is remembered the first time it is counted,
// whatever scope asked for it; a later request counts only the reports that
// no earlier one reached.
const (
	// memoBudget bounds the memory of all remembered counts: 4 bytes per
	// report and phrase, so 64 phrases at a million reports.
	memoBudget = 256 << 20
	// memoMaxPhrases bounds the phrases remembered in a small database.
	memoMaxPhrases = 4096
)

// Memo states: a count c is stored as c+memoCounted; memoUnknown and
// memoFound are the states before it is known.
const (
	memoUnknown = 0 // not counted yet
	memoFound   = 1 // a search found the phrase at least once; not counted
	memoCounted = 2
)

// phraseMemo is what is known of one phrase's count in each report, by rid.
type phraseMemo struct {
	phrase string
	states []atomic.Uint32
}

// count is the phrase's count in report rid, or at most most when most is
// not negative; ok is false when the memo cannot tell.
func (m *phraseMemo) count(rid int64, most int) (n int, ok bool) {
	switch s := m.states[rid].Load(); {
	case s >= memoCounted:
		n = int(s - memoCounted)
	case s == memoFound && most == 1:
		n = 1
	default:
		return 0, false
	}
	if most >= 0 && n > most {
		n = most
	}
	return n, true
}

// store records a count made with at most most (negative: all of them).
// DuckDB counts a chunk on whichever thread it likes, and two requests may
// count the same report at once: they store the same answer.
func (m *phraseMemo) store(rid int64, n, most int) {
	switch {
	case most < 0 || n < most:
		m.states[rid].Store(uint32(min(n, 1<<31)) + memoCounted)
	case most == 1 && n == 1:
		m.states[rid].CompareAndSwap(memoUnknown, memoFound)
	}
}

// phraseMemos keeps the memos of the phrases asked most recently.
type phraseMemos struct {
	reports int
	max     int

	mu     sync.Mutex
	recent *list.List // of *phraseMemo, the latest asked first
	by     map[string]*list.Element
}

// newPhraseMemos keeps memos over reports within budget bytes.
func newPhraseMemos(reports, budget int) *phraseMemos {
	m := &phraseMemos{reports: reports, max: memoMaxPhrases, recent: list.New(), by: map[string]*list.Element{}}
	if reports > 0 {
		m.max = max(1, min(memoMaxPhrases, budget/(4*reports)))
	}
	return m
}

// get is phrase's memo, made empty if the phrase is not remembered. A memo
// dropped to make room stays valid for whoever holds it.
func (m *phraseMemos) get(phrase string) *phraseMemo {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.by[phrase]; ok {
		m.recent.MoveToFront(e)
		return e.Value.(*phraseMemo)
	}
	for m.recent.Len() >= m.max {
		last := m.recent.Back()
		delete(m.by, last.Value.(*phraseMemo).phrase)
		m.recent.Remove(last)
	}
	// The phrase may be borrowed from a DuckDB vector, which does not
	// outlive the chunk.
	pm := &phraseMemo{phrase: strings.Clone(phrase), states: make([]atomic.Uint32, m.reports)}
	m.by[pm.phrase] = m.recent.PushFront(pm)
	return pm
}
