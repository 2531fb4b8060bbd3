package topics

import (
	"fmt"
	"sync"
	"time"
	"unicode"

	"github.com/go-ego/gse"
)

// The stock dictionary takes ≈1.4 s and ≈300 MB to load, so the process
// holds one segmenter. gse segments concurrently without locking, but adding
// words while another goroutine segments is a data race: vocabulary changes
// take the write lock.
var (
	segOnce  sync.Once
	segErr   error
	segmentr *gse.Segmenter
	segMu    sync.RWMutex
	// LoadTime is how long the dictionary took to load, for diagnostics.
	LoadTime time.Duration
)

// Segmenter returns the process-wide gse segmenter with the stock Chinese
// dictionary, loading it on first use. It loads from the embedded dictionary,
// never from the module folder, which trimmed builds do not have.
func Segmenter() (*gse.Segmenter, error) {
	segOnce.Do(func() {
		start := time.Now()
		seg, err := gse.NewEmbed("zh")
		if err != nil {
			segErr = fmt.Errorf("load gse dictionary: %w", err)
			return
		}
		seg.SkipLog = true
		if err := seg.LoadStopEmbed("zh"); err != nil {
			segErr = fmt.Errorf("load gse stop words: %w", err)
			return
		}
		segmentr = &seg
		LoadTime = time.Since(start)
	})
	return segmentr, segErr
}

// Tagger counts taxonomy keywords in text.
type Tagger struct {
	Taxonomy *Taxonomy
	seg      *gse.Segmenter
	// words holds what Tag needs to know of a token in one map, so that a
	// token costs one lookup: the topics a dictionary word marks (indexes
	// into Taxonomy.Topics; exclusion words mark none) and whether it is a
	// stop word left out of term counts.
	words map[string]wordInfo
	// CollectTerms makes Tag count every content word too (Tags.Terms), for
	// rising-term statistics.
	CollectTerms bool
}

// NewTagger adds the taxonomy's words to the shared segmenter's dictionary
// and returns a tagger for it.
func NewTagger(t *Taxonomy) (*Tagger, error) {
	seg, err := Segmenter()
	if err != nil {
		return nil, err
	}
	tg := &Tagger{Taxonomy: t, seg: seg, words: map[string]wordInfo{}}
	segMu.Lock()
	defer segMu.Unlock()
	tg.initStop()
	for i, tp := range t.Topics {
		for _, k := range tp.Keywords {
			if err := addWord(seg, k); err != nil {
				return nil, fmt.Errorf("add keyword %q of topic %s: %w", k, tp.ID, err)
			}
			if info := tg.words[k]; !containsInt(info.topics, i) {
				info.topics = append(info.topics, i)
				tg.words[k] = info
			}
		}
		for _, k := range tp.Exclude {
			if err := addWord(seg, k); err != nil {
				return nil, fmt.Errorf("add exclusion %q of topic %s: %w", k, tp.ID, err)
			}
		}
	}
	return tg, nil
}

type wordInfo struct {
	topics []int
	stop   bool
}

// addWord puts a policy term into the dictionary. AddToken (not
// AddTokenForce, which recomputes the whole dictionary) leaves the stock
// entry alone when the word is already there; a new word gets no path cost,
// so the segmenter keeps it whole wherever it occurs.
func addWord(seg *gse.Segmenter, w string) error {
	return seg.AddToken(w, 100000, "n")
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// Span is a byte range [Start, End) of the tagged text, e.g. an agenda item.
type Span struct{ Start, End int }

// Tags is what Tag found in one text.
type Tags struct {
	// Topics maps topic id to keyword occurrences; only mentioned topics.
	Topics map[string]int
	// Spans holds the same counts for each span passed to Tag, in order.
	Spans []map[string]int
	// Words maps each matched keyword to its occurrences, as evidence.
	Words map[string]int
	// Tokens is the number of segments (for diagnostics and per-token rates).
	Tokens int
	// Terms counts content words (two or more Han characters, not stop
	// words) when the tagger collects terms.
	Terms map[string]int
}

// Tag segments text once and counts each topic's keywords, in the whole text
// and in each span. Occurrences are counted where the segmenter keeps the
// keyword whole, so a keyword inside a longer dictionary word (安全 inside
// 食品安全) does not count.
func (tg *Tagger) Tag(text string, spans []Span) Tags {
	out := Tags{Topics: map[string]int{}, Words: map[string]int{}}
	if len(spans) > 0 {
		out.Spans = make([]map[string]int, len(spans))
		for i := range out.Spans {
			out.Spans[i] = map[string]int{}
		}
	}
	if text == "" {
		return out
	}
	segMu.RLock()
	segs := tg.seg.Segment([]byte(text))
	segMu.RUnlock()
	out.Tokens = len(segs)
	if tg.CollectTerms {
		out.Terms = make(map[string]int, len(segs)/3)
	}
	si := 0
	for _, s := range segs {
		start, end := s.Start(), s.End()
		if end-start < 3 { // one byte or one Han character: never a keyword
			continue
		}
		w := text[start:end]
		info := tg.words[w]
		if out.Terms != nil && end-start >= 6 && !info.stop && IsContentWord(w) {
			out.Terms[w]++
		}
		ids := info.topics
		if len(ids) == 0 {
			continue
		}
		out.Words[w]++
		for si < len(spans) && spans[si].End <= start {
			si++
		}
		for _, i := range ids {
			id := tg.Taxonomy.Topics[i].ID
			out.Topics[id]++
			if si < len(spans) && spans[si].Start <= start && end <= spans[si].End {
				out.Spans[si][id]++
			}
		}
	}
	return out
}

// Cut is bare segmentation, the baseline ingest throughput is measured
// against.
func (tg *Tagger) Cut(text string) []string {
	segMu.RLock()
	defer segMu.RUnlock()
	return tg.seg.Cut(text)
}

// IsContentWord reports whether a token is worth counting as a term: two or
// more characters, all Han. The CJK block U+4E00..U+9FFF, all Han, is
// checked before the Han table, whose search costs more than the rest of a
// token's counting.
func IsContentWord(w string) bool {
	n := 0
	for _, r := range w {
		if (r < 0x4E00 || r > 0x9FFF) && !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	return n >= 2
}
