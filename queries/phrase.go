package queries

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
)

// phraseCountFunc is the SQL function the term query and the text search
// call: phrase_count(text, phrase) is the number of non-overlapping
// occurrences of phrase in text, counted from the left (strings.Count's and
// string_split's number), or NULL when there are none;
// phrase_count(text, phrase, most) stops counting at most, so that a search
// (most = 1) stops at the first occurrence.
//
// It exists because reading every report's text is the whole cost of both
// queries, and DuckDB's contains() finds a phrase of Chinese at about half
// the speed of finder: DuckDB looks for the phrase's first byte, and a
// UTF-8 lead byte such as 0xE5 is every tenth byte of Chinese text.
// string_split, which the term query counted with before, also builds a
// list per report.
//
// The result is the count as text because duckdb-go (v2.10506) reads and
// writes vectors without copying only as strings; a numeric result would
// go through its row iterator, which copies every text it passes. NULL for
// zero lets count() give the number of reports and sum() the occurrences.
const phraseCountFunc = "phrase_count"

// registerFunctions adds agendascope's own SQL functions to the database
// behind db. DuckDB keeps them in its in-memory system catalog, so one
// registration serves every connection and nothing is written to the file.
// held serves the functions over report numbers (heldtext.go).
func registerFunctions(ctx context.Context, db *sql.DB, held *textHolder) error {
	conn, err := db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("get connection: %w", err)
	}
	defer conn.Close()
	if err := duckdb.RegisterScalarUDFSet(conn, phraseCountFunc, phraseCount{}, phraseCount{capped: true}); err != nil {
		return fmt.Errorf("register %s: %w", phraseCountFunc, err)
	}
	if err := duckdb.RegisterScalarUDF(conn, phraseCountsFunc, phraseCounts{}); err != nil {
		return fmt.Errorf("register %s: %w", phraseCountsFunc, err)
	}
	if err := duckdb.RegisterScalarUDFSet(conn, reportPhraseCountFunc, phraseCount{held: held}, phraseCount{capped: true, held: held}); err != nil {
		return fmt.Errorf("register %s: %w", reportPhraseCountFunc, err)
	}
	if err := duckdb.RegisterScalarUDF(conn, reportPhraseCountsFunc, phraseCounts{held: held}); err != nil {
		return fmt.Errorf("register %s: %w", reportPhraseCountsFunc, err)
	}
	if err := duckdb.RegisterScalarUDF(conn, holdTextFunc, holdText{held}); err != nil {
		return fmt.Errorf("register %s: %w", holdTextFunc, err)
	}
	return nil
}

// phraseCount implements duckdb.ScalarFunc for phrase_count, with the third
// argument (most) when capped, and for report_phrase_count when held is
// set: then the first argument is a report's rid, whose text is held.
type phraseCount struct {
	capped bool
	held   *textHolder
}

func (f phraseCount) Config() duckdb.ScalarFuncConfig {
	in := []duckdb.TypeInfo{varcharType(), varcharType()}
	if f.held != nil {
		in[0] = bigintType()
	}
	if f.capped {
		in = append(in, bigintType())
	}
	return duckdb.ScalarFuncConfig{InputTypeInfos: in, ResultTypeInfo: varcharType()}
}

func (f phraseCount) Executor() duckdb.ScalarFuncExecutor {
	return duckdb.ScalarFuncExecutor{ChunkContextExecutor: func(_ context.Context, st *duckdb.ChunkIteratorState) error {
		texts, err := chunkTextsOf(st, f.held)
		if err != nil {
			return err
		}
		return countChunk(st, texts, f.capped)
	}}
}

// chunkTexts gives the text of each row of a chunk from its first column:
// the text itself, borrowed from DuckDB's vector, or the rid of a report
// whose text is held, with the report's bigram filter.
type chunkTexts struct {
	in   *duckdb.DataChunk
	view duckdb.VectorView[string]
	held *heldText
}

func chunkTextsOf(st *duckdb.ChunkIteratorState, h *textHolder) (chunkTexts, error) {
	in := st.GetInputChunk()
	c := chunkTexts{in: in}
	if h != nil {
		if c.held = h.ready(); c.held == nil {
			return c, errors.New("report text is not held")
		}
		return c, nil
	}
	vec, err := in.GetVector(0)
	if err != nil {
		return c, err
	}
	c.view, err = duckdb.GetVectorView[string](vec)
	return c, err
}

// textRow is one row's text and, when held, the report's number and filter.
type textRow struct {
	text  string
	grams []uint64
	rid   int64
}

// at is row i; ok is false for NULL.
func (c chunkTexts) at(i int) (r textRow, ok bool, err error) {
	if c.held == nil {
		r.text, ok, err = c.view.GetValueBorrowed(i)
		return r, ok, err
	}
	v, err := c.in.GetValue(0, i)
	if err != nil {
		return r, false, err
	}
	if r.rid, ok = v.(int64); !ok {
		return r, false, nil
	}
	r.text, r.grams, err = c.held.report(r.rid)
	return r, err == nil, err
}

// memo is phrase's memo when the text is held (phrasememo.go), else nil.
func (c chunkTexts) memo(phrase string) *phraseMemo {
	if c.held == nil {
		return nil
	}
	return c.held.memos.get(phrase)
}

// count is f's phrase's count in r (at most most, when not negative), from
// memo when it knows it; the count made is remembered there.
func (r textRow) count(f *finder, memo *phraseMemo, most int) int {
	if memo != nil {
		if n, ok := memo.count(r.rid, most); ok {
			return n
		}
	}
	n := 0
	if r.grams == nil || f.mask.mayHold(r.grams) {
		n = f.count(r.text, most)
	}
	if memo != nil {
		memo.store(r.rid, n, most)
	}
	return n
}

// countChunk counts one chunk of (text or rid, phrase[, most]) rows.
func countChunk(st *duckdb.ChunkIteratorState, texts chunkTexts, capped bool) error {
	in := st.GetInputChunk()
	phraseVec, err := in.GetVector(1)
	if err != nil {
		return err
	}
	phrases, err := duckdb.GetVectorView[string](phraseVec)
	if err != nil {
		return err
	}
	out, err := duckdb.GetVectorWriter[string](st.GetResultVector())
	if err != nil {
		return err
	}
	// The phrase is nearly always the same down a chunk (a bound parameter,
	// or one term of a cross join), so its anchor is worked out once.
	var f finder
	var memo *phraseMemo
	for i := range in.GetSize() {
		row, textOK, err := texts.at(i)
		if err != nil {
			return err
		}
		phrase, phraseOK, err := phrases.GetValueBorrowed(i)
		if err != nil {
			return err
		}
		most := -1
		if capped {
			v, err := in.GetValue(2, i)
			if err != nil {
				return err
			}
			m, ok := v.(int64)
			if !ok { // NULL: the result is NULL, whatever is written here
				m = 0
			}
			most = int(max(m, 0))
		}
		n := 0
		if textOK && phraseOK && phrase != "" && most != 0 {
			if phrase != f.phrase {
				f, memo = newFinder(phrase), texts.memo(phrase)
			}
			n = row.count(&f, memo, most)
		}
		if n == 0 {
			err = out.SetNull(i)
		} else {
			err = out.Set(i, strconv.Itoa(n))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// phraseCountsFunc is phrase_count for several phrases in one pass:
// phrase_counts(text, phrases), where phrases are separated by a newline
// (PhraseSeparator), is their counts in text, comma-separated in the same
// order, or NULL when all are zero. A report's text is read from memory
// once and searched for every phrase while it is in the processor's cache;
// a join of the reports with the phrases reads all the text once per
// phrase (measured over 640 MB of reports, three phrases: 1.5× less CPU).
// The phrases come as one string rather than a list because duckdb-go
// hands a list over as a fresh []any per row, which cost more than it saved.
const phraseCountsFunc = "phrase_counts"

// PhraseSeparator separates the phrases of phrase_counts; no phrase may
// contain it. The terms form splits on it, so no term typed there does.
const PhraseSeparator = "\n"

// phraseCounts implements phrase_counts, and report_phrase_counts (over a
// report's rid) when held is set.
type phraseCounts struct{ held *textHolder }

func (f phraseCounts) Config() duckdb.ScalarFuncConfig {
	first := varcharType()
	if f.held != nil {
		first = bigintType()
	}
	return duckdb.ScalarFuncConfig{InputTypeInfos: []duckdb.TypeInfo{first, varcharType()}, ResultTypeInfo: varcharType()}
}

func (f phraseCounts) Executor() duckdb.ScalarFuncExecutor {
	return duckdb.ScalarFuncExecutor{ChunkContextExecutor: func(_ context.Context, st *duckdb.ChunkIteratorState) error {
		texts, err := chunkTextsOf(st, f.held)
		if err != nil {
			return err
		}
		return countsChunk(st, texts)
	}}
}

// countsChunk counts one chunk of (text or rid, phrases) rows.
func countsChunk(st *duckdb.ChunkIteratorState, texts chunkTexts) error {
	in := st.GetInputChunk()
	phrasesVec, err := in.GetVector(1)
	if err != nil {
		return err
	}
	lists, err := duckdb.GetVectorView[string](phrasesVec)
	if err != nil {
		return err
	}
	out, err := duckdb.GetVectorWriter[string](st.GetResultVector())
	if err != nil {
		return err
	}
	// As in countChunk, the phrases are nearly always the same down a chunk.
	var list string
	var finders []finder
	var memos []*phraseMemo
	var buf []byte
	for i := range in.GetSize() {
		row, textOK, err := texts.at(i)
		if err != nil {
			return err
		}
		phrases, phrasesOK, err := lists.GetValueBorrowed(i)
		if err != nil {
			return err
		}
		if !textOK || !phrasesOK {
			if err := out.SetNull(i); err != nil {
				return err
			}
			continue
		}
		if phrases != list || finders == nil {
			list, finders, memos = phrases, finders[:0], memos[:0]
			for _, p := range strings.Split(phrases, PhraseSeparator) {
				finders = append(finders, newFinder(p))
				memos = append(memos, texts.memo(p))
			}
		}
		buf = buf[:0]
		found := false
		for j := range finders {
			n := 0
			if finders[j].phrase != "" {
				n = row.count(&finders[j], memos[j], -1)
			}
			if j > 0 {
				buf = append(buf, ',')
			}
			buf = strconv.AppendInt(buf, int64(n), 10)
			found = found || n > 0
		}
		if found {
			err = out.Set(i, string(buf))
		} else {
			err = out.SetNull(i)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// finder counts a phrase by looking for its rarest byte (the anchor) with
// strings.IndexByte, which scans many bytes per instruction, and comparing
// the whole phrase only where the anchor is. A lead byte of Chinese UTF-8
// (0xE4–0xE9), where strings.Index and DuckDB start, is 2–10% of the bytes
// of a report, a phrase's rarest byte usually under 1%, so far fewer places
// are compared.
type finder struct {
	phrase string
	at     int      // the anchor's offset in phrase
	mask   gramMask // the bigram filter bits a text holding phrase has
}

func newFinder(phrase string) finder {
	f := finder{phrase: phrase, mask: newGramMask(phrase)}
	for i := 1; i < len(phrase); i++ {
		if byteFrequency[phrase[i]] < byteFrequency[phrase[f.at]] {
			f.at = i
		}
	}
	return f
}

// count is strings.Count(text, f.phrase) for a non-empty phrase (the
// leftmost occurrence first, then the next one after its end), or most if
// that is smaller and not negative.
func (f finder) count(text string, most int) int {
	p, k := f.phrase, f.at
	anchor := p[k]
	n := 0
	// from is where the anchor of the next candidate may be: a candidate
	// starting at s has its anchor at s+k, and s must not be before the end
	// of the last occurrence.
	for from := k; from < len(text); {
		j := strings.IndexByte(text[from:], anchor)
		if j < 0 {
			break
		}
		start := from + j - k
		if end := start + len(p); end <= len(text) && text[start:end] == p {
			if n++; n == most {
				break
			}
			from = end + k
		} else {
			from += j + 1
		}
	}
	return n
}

// byteFrequency is how often each byte value occurs in Chinese government
// reports, in parts per 100,000 of their UTF-8 bytes; only the order
// matters, to choose a finder's anchor, so any Chinese text of the kind
// gives about the same choices. Counted over the national government work
// reports 1954–2025 (3.3 MB) and the bundled sample reports. The lead
// bytes 0xE4–0xE9 are the commonest by far; ASCII is rare.
var byteFrequency = [256]uint16{
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 566, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	17, 0, 0, 0, 0, 21, 0, 0, 8, 8, 0, 1, 11, 1, 24, 0,
	62, 46, 38, 21, 17, 27, 19, 18, 16, 22, 1, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0,
	5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 8, 4, 4, 5, 4, 4, 2, 2, 10, 1, 0, 8, 4, 8, 4,
	0, 1, 0, 5, 0, 5, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0,
	2932, 1492, 1170, 697, 1527, 1070, 887, 928, 1300, 969, 1291, 503, 2813, 915, 935, 1223,
	961, 1054, 632, 462, 1177, 849, 955, 517, 682, 461, 1914, 1410, 1543, 888, 607, 780,
	580, 822, 593, 335, 898, 961, 550, 1049, 1032, 401, 297, 370, 442, 819, 1248, 892,
	1118, 678, 377, 588, 868, 461, 656, 544, 2059, 1345, 2473, 1880, 2454, 1366, 927, 1347,
	0, 0, 1, 5, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 129, 1473, 4533, 10380, 5628, 4198, 3007, 2003, 0, 0, 0, 0, 0, 1632,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
}
