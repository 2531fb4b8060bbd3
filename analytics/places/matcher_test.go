package places

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

type hit struct {
	start, end int
	pat        int32
}

func naiveScan(patterns []string, text string) []hit {
	var out []hit
	for id, p := range patterns {
		for i := 0; i+len(p) <= len(text); i++ {
			if strings.HasPrefix(text[i:], p) {
				out = append(out, hit{i, i + len(p), int32(id)})
			}
		}
	}
	return out
}

func sortHits(h []hit) {
	slices.SortFunc(h, func(a, b hit) int {
		if a.end != b.end {
			return a.end - b.end
		}
		if a.start != b.start {
			return a.start - b.start
		}
		return int(a.pat - b.pat)
	})
}

// TestMatcherAgainstNaive checks the automaton against a brute-force search
// on random texts over a small alphabet, where overlaps and shared suffixes
// (the cases fail links exist for) are frequent.
func TestMatcherAgainstNaive(t *testing.T) {
	alphabet := []rune("区县市山惠吴中a（")
	rng := rand.New(rand.NewPCG(1, 2))
	randString := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for round := range 50 {
		seen := map[string]bool{}
		var patterns []string
		for len(patterns) < 30 {
			p := randString(1 + rng.IntN(4))
			if !seen[p] {
				seen[p] = true
				patterns = append(patterns, p)
			}
		}
		m := newMatcher(patterns)
		text := randString(200)
		var got []hit
		m.scan(text, func(start, end int, pat int32) { got = append(got, hit{start, end, pat}) })
		want := naiveScan(patterns, text)
		sortHits(got)
		sortHits(want)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: automaton found %d matches, brute force %d\npatterns %q\ntext %q",
				round, len(got), len(want), patterns, text)
		}
	}
}

// TestMatcherShallowRunes covers the runes only the root has transitions
// on, or none: patterns start with 北 or 南 and otherwise use a small
// alphabet, and the text adds characters no pattern holds.
func TestMatcherShallowRunes(t *testing.T) {
	inner := []rune("区县市山")
	text := []rune("区县市山北南的了会。")
	rng := rand.New(rand.NewPCG(3, 4))
	for round := range 50 {
		seen := map[string]bool{}
		var patterns []string
		for len(patterns) < 20 {
			var b strings.Builder
			b.WriteRune([]rune("北南区")[rng.IntN(3)])
			for range rng.IntN(3) {
				b.WriteRune(inner[rng.IntN(len(inner))])
			}
			if p := b.String(); !seen[p] {
				seen[p] = true
				patterns = append(patterns, p)
			}
		}
		m := newMatcher(patterns)
		var tb strings.Builder
		for range 300 {
			tb.WriteRune(text[rng.IntN(len(text))])
		}
		txt := tb.String()
		var got []hit
		m.scan(txt, func(start, end int, pat int32) { got = append(got, hit{start, end, pat}) })
		want := naiveScan(patterns, txt)
		sortHits(got)
		sortHits(want)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: automaton found %d matches, brute force %d\npatterns %q\ntext %q",
				round, len(got), len(want), patterns, txt)
		}
	}
}

func TestMatcherInvalidUTF8(t *testing.T) {
	m := newMatcher([]string{"惠山区", "山区"})
	text := "\xff惠山区\xe6\xb1"
	var got []string
	m.scan(text, func(start, end int, pat int32) { got = append(got, fmt.Sprint(start, ":", text[start:end])) })
	want := []string{"1:惠山区", "4:山区"}
	if !slices.Equal(got, want) {
		t.Errorf("scan(%q) = %q, want %q", text, got, want)
	}
}

func TestTransitionsGrow(t *testing.T) {
	var tr transitions
	for k := uint64(1); k <= 5000; k++ {
		tr.put(k<<21|k, int32(k))
	}
	for k := uint64(1); k <= 5000; k++ {
		if v, ok := tr.get(k<<21 | k); !ok || v != int32(k) {
			t.Fatalf("get(%d) = %d, %v", k, v, ok)
		}
	}
	if _, ok := tr.get(7); ok {
		t.Error("get of an absent key succeeded")
	}
}
