package meeting

import "strings"

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
		if strings.Contains(s, w) {
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
	for p := 0; p < len(s); {
		if n := ws.at(s[p:]); n > 0 {
			out = append(out, []int{p, p + n})
			p += n
			continue
		}
		p++
	}
	return out
}

// find returns the span of the first word in s, or nil (FindStringIndex).
func (ws words) find(s string) []int {
	for p := 0; p < len(s); p++ {
		if n := ws.at(s[p:]); n > 0 {
			return []int{p, p + n}
		}
	}
	return nil
}
