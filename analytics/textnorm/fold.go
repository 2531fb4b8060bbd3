package textnorm

import (
	"strings"
	"unicode/utf8"
)

// foldStats are counts gathered during folding, so that script and language
// detection need no second pass over the text.
type foldStats struct {
	han      int // Han characters
	tradOnly int // characters that exist only in Traditional script
	latin    int // ASCII letters
	// spamPair is set when the output has a character that can start a
	// spam suffix right after one that can end a brand (or ')'), and
	// spamSep when it has a chain separator (_ - |). Without either the
	// spam scan of the output finds nothing, and Normalize skips it: it
	// costs as much as folding.
	spamPair, spamSep bool
}

// fold applies the character-level normalizations documented in the package
// comment in one pass: width folding, whitespace tidying (line breaks kept,
// at most one blank line in a row), removal of invisible characters and of
// pinyin artefacts. Runs of characters that need no change are copied in
// bulk, and a string that needs no change at all is returned as is.
func fold(s string) (string, foldStats) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return foldValid(s)
}

// foldValid is fold for text already known to be valid UTF-8, such as what
// decode returns: validating a report twice costs as much as folding it.
func foldValid(s string) (string, foldStats) {
	var st foldStats
	var b strings.Builder
	pendingSpace := false // a space run waiting for the next visible rune
	newlines := 0         // line breaks waiting for the next visible rune
	started := false      // a visible rune has been written
	var prev rune         // last visible rune written
	runStart := -1        // start of a run of runes copied unchanged

	flush := func(end int) {
		if runStart >= 0 {
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[runStart:end])
			runStart = -1
		}
	}

	for i := 0; i < len(s); {
		if started && newlines == 0 && !pendingSpace {
			if j := st.commonRun(s, i, &prev); j > i {
				if runStart < 0 {
					runStart = i
				}
				i = j
				continue
			}
		}
		r, size := nextRune(s, i)
		if started && newlines == 0 && !pendingSpace && plainRune(r) {
			if runStart < 0 {
				runStart = i
			}
			st.count(r)
			st.notePair(prev, r)
			prev = r
			i += size
			continue
		}
		flush(i)
		at := i
		i += size

		switch {
		case r == '\n' || r == '\u2028' || r == '\u2029' || r == '\f':
			newlines++
			pendingSpace = false
			continue
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue // the \n that follows counts
			}
			newlines++
			pendingSpace = false
			continue
		case r == ' ' || r == '\t' || r == '\v' || isUnicodeSpace(r):
			pendingSpace = true
			continue
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || isInvisible(r):
			continue
		}

		// Artefacts follow a Han character, or the '?', '_' or U+FFFD that
		// mojibake left in its place; never a space, letter or digit.
		if (r == '(' || r == '（') && !pendingSpace && newlines == 0 && started && !isASCIIAlnum(prev) {
			if n := pinyinParen(s[i:]); n > 0 {
				i += n
				continue
			}
		}

		before := prev // the output rune r will follow
		if started {
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			switch {
			case newlines > 0:
				before = '\n'
				b.WriteByte('\n')
				if newlines > 1 {
					b.WriteByte('\n')
				}
			case pendingSpace:
				b.WriteByte(' ')
				before = ' '
			}
		}
		newlines, pendingSpace, started = 0, false, true

		if r >= 0xFF01 && r <= 0xFF5E && !keptFullWidth(r) {
			r -= 0xFEE0
			if b.Cap() == 0 {
				b.Grow(len(s))
			}
			b.WriteByte(byte(r))
		} else {
			runStart = at
		}
		st.count(r)
		st.notePair(before, r)
		prev = r
	}
	if runStart == 0 && b.Len() == 0 {
		return s, st // nothing to change
	}
	flush(len(s))
	return b.String(), st
}

// commonRun returns the end of the run of characters at s[i:] that make up
// most of a report, visible ASCII but '(' and the CJK block U+4E00..U+9FFF,
// counts them as count would and sets *prev to the last. Such characters
// are plain (copied unchanged), and a loop that knows their encodings costs
// a fraction of decoding and classifying every rune of every report.
func (st *foldStats) commonRun(s string, i int, prev *rune) int {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c <= ' ' || c >= 0x7f || c == '(' {
				break
			}
			if (c|0x20) >= 'a' && (c|0x20) <= 'z' {
				st.latin++
			}
			st.notePair(*prev, rune(c))
			*prev = rune(c)
			i++
			continue
		}
		// E4 B8 80 is U+4E00 and E9 BF BF U+9FFF; s is valid UTF-8.
		if c < 0xE4 || c > 0xE9 || c == 0xE4 && s[i+1] < 0xB8 {
			break
		}
		r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		st.han++
		if isTradOnly(r) {
			st.tradOnly++
		}
		st.notePair(*prev, r)
		*prev = r
		i += 3
	}
	return i
}

// notePair records what the spam scan would look at in the output rune r
// following before.
func (st *foldStats) notePair(before, r rune) {
	if mayStartSuffix(r) && (mayEndBrand(before) || before == ')') {
		st.spamPair = true
	}
	if r == '_' || r == '-' || r == '|' {
		st.spamSep = true
	}
}

func (st *foldStats) count(r rune) {
	switch {
	case r < utf8.RuneSelf:
		if (r|0x20) >= 'a' && (r|0x20) <= 'z' {
			st.latin++
		}
	case isHan(r):
		st.han++
		if isTradOnly(r) {
			st.tradOnly++
		}
	}
}

// nextRune decodes the rune at s[i] of a valid UTF-8 string, inline and
// without the validation that utf8.DecodeRuneInString repeats.
func nextRune(s string, i int) (rune, int) {
	c := s[i]
	switch {
	case c < 0x80:
		return rune(c), 1
	case c < 0xE0:
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	case c < 0xF0:
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return rune(c&0x07)<<18 | rune(s[i+1]&0x3F)<<12 | rune(s[i+2]&0x3F)<<6 | rune(s[i+3]&0x3F), 4
}

// keptFullWidth are the full-width forms that stay: Chinese sentence and
// clause punctuation.
func keptFullWidth(r rune) bool {
	return r == '，' || r == '；' || r == '！' || r == '？'
}

// plainRune reports runes that fold copies unchanged.
func plainRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r > ' ' && r < 0x7f && r != '('
	}
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	return r > 0x9f && !isUnicodeSpace(r) && !isInvisible(r) && r != 0x2028 && r != 0x2029 &&
		r != '（' && !(r >= 0xFF01 && r <= 0xFF5E && !keptFullWidth(r))
}

func isASCIIAlnum(r rune) bool {
	return (r >= '0' && r <= '9') || ((r|0x20) >= 'a' && (r|0x20) <= 'z')
}

// isUnicodeSpace covers the spaces that web pages use for indentation
// (&nbsp;, &emsp;, the ideographic space U+3000).
func isUnicodeSpace(r rune) bool {
	return r == 0xA0 || (r >= 0x2000 && r <= 0x200A) || r == 0x202F || r == 0x205F ||
		r == 0x3000 || r == 0x1680
}

// isInvisible covers zero-width characters, direction marks, the BOM and the
// soft hyphen: they break substring matching without showing anything.
func isInvisible(r rune) bool {
	return (r >= 0x200B && r <= 0x200F) || r == 0x2060 || r == 0xFEFF || r == 0xAD ||
		(r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// isHan reports CJK ideographs (unified, extension A, compatibility and the
// supplementary-plane extensions) and 〇.
func isHan(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0x3400 && r <= 0x4DBF) ||
		(r >= 0xF900 && r <= 0xFAFF) || (r >= 0x20000 && r <= 0x3134F) || r == '〇'
}

// pinyinParen reports the byte length of "qū)" in s (s starts just after the
// opening parenthesis) when the parenthesis holds a single pinyin syllable
// with a tone mark, else 0. Requiring a tone mark keeps (a), (B) and other
// real annotations; requiring letters only keeps (24日) and (扩大).
func pinyinParen(s string) int {
	letters, toned := 0, false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == ')' || r == '）':
			if letters == 0 || !toned {
				return 0
			}
			return i
		case r >= 'a' && r <= 'z':
			letters++
		case r == 'ü':
			letters++
		case toneVowel(r):
			letters++
			toned = true
		default:
			return 0
		}
		if letters > 6 { // the longest syllables (zhuang, shuang) have six letters
			return 0
		}
	}
	return 0
}

// toneVowel reports vowels carrying a pinyin tone mark and the rare toned
// consonants ń ň ǹ ḿ.
func toneVowel(r rune) bool {
	switch r {
	case 'ā', 'á', 'ǎ', 'à', 'ē', 'é', 'ě', 'è', 'ī', 'í', 'ǐ', 'ì',
		'ō', 'ó', 'ǒ', 'ò', 'ū', 'ú', 'ǔ', 'ù', 'ǖ', 'ǘ', 'ǚ', 'ǜ',
		'ń', 'ň', 'ǹ', 'ḿ':
		return true
	}
	return false
}
