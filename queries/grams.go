package queries

import "unicode/utf8"

// A report's bigram filter is a fixed-size bitset with one bit set for
// every pair of adjacent characters in its text, at a hashed position. A
// phrase of two or more characters can occur in a text only if the bits of
// all its pairs are set in the text's filter, so a report whose filter lacks
// one is skipped without reading its text; a report whose filter has them
// all is still counted in full. The filter only prunes: the counts come
// from finder, whatever the hash does.
//
// 2,048 bits per report: a report of 3 KB of Chinese has ≈1,000 pairs of
// characters, 700–900 of them distinct, which set about a third of the bits,
// so a phrase of four characters (three pairs) passes the filters of about
// 1 report in 30 that do not contain it. Characters alone are not entered:
// they would fill the filter twice as fast, and a one-character phrase is
// rare enough to be counted in every report.
const (
	gramWords = 32                 // 64-bit words per report
	gramShift = 64 - 11            // a hash's top 11 bits choose one of 2,048
	gramMul   = 0x9E3779B97F4A7C15 // Fibonacci hashing: spreads nearby code points
)

// gramBit is the filter bit of the pair of characters a, b.
func gramBit(a, b rune) uint {
	return uint((uint64(a)<<21 | uint64(b)) * gramMul >> gramShift)
}

// addGrams sets in f (gramWords words) the bit of every pair of adjacent
// characters of text. It decodes text as range does, an invalid byte
// standing for itself as utf8.RuneError: a valid phrase starts on a byte
// that cannot continue a character, so wherever it occurs, decoding is in
// step with it and its pairs are the text's pairs.
func addGrams(f []uint64, text string) {
	prev := rune(-1)
	for _, r := range text {
		if prev >= 0 {
			b := gramBit(prev, r)
			f[b>>6] |= 1 << (b & 63)
		}
		prev = r
	}
}

// gramMask is the bits a text's filter must have for a phrase to occur in
// it, as (word, bits) pairs; nil means that no filter can rule the phrase
// out (one character, or not valid UTF-8, which may occur inside a
// character).
type gramMask []gramWord

type gramWord struct {
	at   int
	bits uint64
}

func newGramMask(phrase string) gramMask {
	if utf8.RuneCountInString(phrase) < 2 || !utf8.ValidString(phrase) {
		return nil
	}
	var words [gramWords]uint64
	addGrams(words[:], phrase)
	var m gramMask
	for i, w := range words {
		if w != 0 {
			m = append(m, gramWord{i, w})
		}
	}
	return m
}

// mayHold says whether a text with filter f may contain the phrase.
func (m gramMask) mayHold(f []uint64) bool {
	for _, w := range m {
		if f[w.at]&w.bits != w.bits {
			return false
		}
	}
	return true
}
