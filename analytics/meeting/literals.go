package meeting

import (
	"strings"

	"agendascope/analytics/internal/cjk"
)

// words is an alternation of literal words, (?:w1|w2|…), matched without a
// regular expression. Go's regexp has no literal-set search: it tries such
// an alternation at every offset of a text, and these ran per sentence and
// per mention, for a sizeable share of the package's time.
//
// Matches are the ones the expression finds: leftmost first, the word
// listed first winning at one offset, none overlapping. Every word starts
// with a lead byte, which no valid character hides, so trying each byte
// offset finds the same matches as the expression's rune by rune reading,
// on invalid UTF-8 too.
type words []string

// in reports whether s contains one of the words (MatchString).
func (ws words) in(s string) bool {
	for _, w := range ws {
		if cjk.Index(s, w) >= 0 {
			return true
		}
	}
	return false
}

// at returns the length of the first word that s starts with, or 0.
func (ws words) at(s string) int {
	for _, w := range ws {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	return 0
}

// findAll returns the spans of the words in s (FindAllStringIndex(s, -1)).
func (ws words) findAll(s string) [][]int {
	var out [][]int
	for from := 0; from < len(s); {
		m := ws.find(s[from:])
		if m == nil {
			break
		}
		out = append(out, []int{from + m[0], from + m[1]})
		from += m[1]
	}
	return out
}

// find returns the span of the first word in s, or nil (FindStringIndex):
// the leftmost occurrence of any word, the word listed first among those
// starting there.
func (ws words) find(s string) []int {
	best, n := -1, 0
	for _, w := range ws {
		limit := s
		if best >= 0 {
			limit = s[:min(len(s), best+len(w))] // only an earlier start can win
		}
		if i := cjk.Index(limit, w); i >= 0 && (best < 0 || i < best) {
			best, n = i, len(w)
		}
	}
	if best < 0 {
		return nil
	}
	return []int{best, best + n}
}
