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
		if indexCJK(s, w) >= 0 {
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
		if i := indexCJK(limit, w); i >= 0 && (best < 0 || i < best) {
			best, n = i, len(w)
		}
	}
	if best < 0 {
		return nil
	}
	return []int{best, best + n}
}

// indexCJK is strings.Index(s, sub) for Chinese text. strings.Index looks
// for the first byte of sub, and the first byte of a Chinese character is
// one of a handful of lead bytes that recur every few bytes, so it ends up
// comparing at nearly every offset; the last byte is one of 64 continuation
// bytes, rare enough for IndexByte to skip most of the text.
func indexCJK(s, sub string) int {
	n := len(sub)
	if n == 0 {
		return 0
	}
	last := sub[n-1]
	for i := n - 1; i < len(s); i++ {
		j := strings.IndexByte(s[i:], last)
		if j < 0 {
			return -1
		}
		i += j
		if s[i+1-n:i+1] == sub {
			return i + 1 - n
		}
	}
	return -1
}

// lastIndexCJK is strings.LastIndex(s, sub), by the same reasoning.
func lastIndexCJK(s, sub string) int {
	n := len(sub)
	if n == 0 {
		return len(s)
	}
	last := sub[n-1]
	for i := len(s); i >= n; {
		j := strings.LastIndexByte(s[:i], last)
		if j < n-1 {
			return -1
		}
		if s[j+1-n:j+1] == sub {
			return j + 1 - n
		}
		i = j
	}
	return -1
}
