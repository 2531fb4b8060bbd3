// Package meeting reads the facts of one meeting out of a district or county
// meeting report: when it was held, who chaired it, which kinds of meeting it
// combined, its session name, the documents it reviewed and its agenda items.
//
// Input is text another package has already normalised: simplified script, no
// pinyin artefacts, no spam, no site furniture. The rules here are written for
// the general shape of such reports, not for particular sites, and every
// answer carries the span of text it came from so that a researcher can check
// it. When the text does not settle a fact the answer is empty rather than a
// guess.
//
// All functions are safe for concurrent use; the regular expressions are
// compiled once at package load because the package runs over millions of
// reports.
package meeting

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Input is one report.
type Input struct {
	Title, Body string // normalized simplified; Body is the article body without navigation/footers
	Published   string // YYYY-MM-DD publication date from page metadata, "" if unknown
	Generated   string // 生成日期/成文日期 YYYY-MM-DD, "" if unknown
	URL         string // source URL, "" if unknown
	Lang        string // "zh" or "en"
	// Valid says Body is known to be valid UTF-8, as Normalize's output
	// is: agenda items, which cover the whole body, then need no check.
	Valid bool
}

// isEnglish reports whether the report is to be read with the English rules.
// Lang is trusted when set; otherwise a body without Han characters in its
// first kilobyte is taken as English, so a mislabelled translation still gets
// a date.
func (in Input) isEnglish() bool {
	switch in.Lang {
	case "en":
		return true
	case "zh":
		return false
	}
	s := in.Body
	if len(s) > 1024 {
		s = s[:1024]
	}
	letters := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return false
		}
		if r < utf8.RuneSelf && unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 20
}

// span is a half-open byte range of a string.
type span struct{ start, end int }

// sentenceEnd returns the length of the sentence-ending mark at s[i], or 0.
// The marks are 。 ! ? and line breaks, and in English a full stop before a
// space; the semicolon is not one, since reports use it between the parts of
// one agenda item. Bytes are compared directly: this runs over every body.
func sentenceEnd(s string, i int) int {
	switch c := s[i]; c {
	case '\n', '\r', '!', '?':
		return 1
	case 0xE3: // 。 is E3 80 82
		if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x82 {
			return 3
		}
	case '.':
		if i > 0 && i+1 < len(s) && s[i+1] == ' ' && s[i-1] >= 'a' && s[i-1] <= 'z' {
			return 1
		}
	}
	return 0
}

// sentenceByte marks the bytes at which sentenceEnd can find a mark, so
// that eachSentence passes over the others at the cost of a table lookup.
var sentenceByte = [256]bool{'\n': true, '\r': true, '!': true, '?': true, 0xE3: true, '.': true}

// eachSentence calls yield with each sentence of s that is not only white
// space, closing mark included, until yield returns false.
func eachSentence(s string, yield func(span) bool) {
	start := 0
	for i := 0; i < len(s); i++ {
		if !sentenceByte[s[i]] {
			continue
		}
		if n := sentenceEnd(s, i); n > 0 {
			end := i + n
			if !blank(s[start:end]) && !yield(span{start, end}) {
				return
			}
			start = end
			i = end - 1
		}
	}
	if !blank(s[start:]) {
		yield(span{start, len(s)})
	}
}

// blank reports whether s holds only white space, or only ASCII white space
// and sentence marks.
func blank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r':
		default:
			// a sentence that starts with a character of neither kind, as
			// nearly all do, is not blank: decided without trimming
			if r, _ := utf8.DecodeRuneInString(s[i:]); !unicode.IsSpace(r) && !strings.ContainsRune(blankMarks, r) {
				return false
			}
			return strings.TrimSpace(s) == "" || strings.Trim(s, blankMarks) == ""
		}
	}
	return true
}

const blankMarks = " \t\r\n。!?"

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// clip returns s cut to at most n bytes on a rune boundary, for evidence.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// tail returns the last at most n bytes of s, starting on a rune boundary.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// validIn is valid(s) for s a slice of a text known to be valid UTF-8
// when whole is true: such a slice is valid unless it cuts a character at
// either end, which two checks tell, where valid reads every byte.
func validIn(s string, whole bool) string {
	if whole && (s == "" || utf8.RuneStart(s[0]) && !cutAtEnd(s)) {
		return s
	}
	return valid(s)
}

// cutAtEnd reports whether s ends inside a character.
func cutAtEnd(s string) bool {
	r, size := utf8.DecodeLastRuneInString(s)
	return r == utf8.RuneError && size == 1
}

// valid makes an output string valid UTF-8: input may carry stray bytes from
// a mis-decoded page, and downstream JSON and DuckDB reject them.
func valid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// cnDigits maps the Chinese numerals that occur in dates and session numbers.
var cnDigits = map[rune]int{
	'〇': 0, '零': 0, 'O': 0, '○': 0,
	'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5,
	'六': 6, '七': 7, '八': 8, '九': 9,
}

// number parses an Arabic or Chinese numeral of the kind used for months,
// days and session numbers (一, 十二, 二十三, 一百零八, 二〇二二). It returns -1
// when s is not one.
func number(s string) int {
	if s == "" {
		return -1
	}
	if s[0] >= '0' && s[0] <= '9' {
		n := 0
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
			if n > 1_000_000 {
				return -1
			}
		}
		return n
	}
	total, cur, sawUnit := 0, 0, false
	for _, r := range s {
		switch r {
		case '十':
			if cur == 0 {
				cur = 1
			}
			total += cur * 10
			cur, sawUnit = 0, true
		case '百':
			if cur == 0 {
				cur = 1
			}
			total += cur * 100
			cur, sawUnit = 0, true
		default:
			d, ok := cnDigits[r]
			if !ok {
				return -1
			}
			if !sawUnit && total == 0 && cur > 0 {
				// positional form such as 二〇二二
				cur = cur*10 + d
				continue
			}
			cur = d
		}
	}
	return total + cur
}

// folded is a text with full-width ASCII forms (U+FF01..U+FF5E) and the
// ideographic space folded to ASCII, so that the rules can be written once
// for "," and "\uFF0C", "4" and "\uFF14". Sites differ in which they use, and
// the normaliser upstream may or may not have folded them already (it keeps
// the Chinese comma, so nearly every report has something to fold). Offsets
// of s map back to the original text, so spans and evidence stay traceable
// to the source.
type folded struct {
	s, orig string
	// folds lists, in increasing order, the offsets in s of the folded
	// characters, each of which stood for three bytes of orig. Storing only
	// these, rather than a table entry per byte, keeps folding a report to
	// one copy: at() is needed for a handful of spans per report.
	folds []int32
}

func fold(orig string) folded {
	// U+FF01..U+FF5E encode as EF BC xx or EF BD xx and U+3000 as E3 80 80;
	// searching bytes is far cheaper than decoding every rune of every
	// report. Neither EF nor E3 is ever a continuation byte, so a byte scan
	// finds exactly the characters a rune-by-rune reading would.
	if !strings.Contains(orig, "\xef\xbc") && !strings.Contains(orig, "\xef\xbd") && !strings.Contains(orig, "\u3000") {
		return folded{s: orig, orig: orig}
	}
	var b strings.Builder
	b.Grow(len(orig))
	var folds []int32
	copied := 0
	// the next EF and the next U+3000, found with IndexByte and Index, which
	// skip the bytes in between far faster than a loop over them
	nextEF, nextSpace := indexFrom(orig, 0, "\xef"), indexFrom(orig, 0, "\u3000")
	for nextEF >= 0 || nextSpace >= 0 {
		i := nextEF
		if i < 0 || nextSpace >= 0 && nextSpace < i {
			i = nextSpace
		}
		var ascii byte
		var ok bool
		if i == nextSpace {
			ascii, ok = ' ', true
			nextSpace = indexFrom(orig, i+3, "\u3000")
		} else {
			ascii, ok = foldWide(orig, i)
			nextEF = indexFrom(orig, i+1, "\xef")
		}
		if !ok {
			continue
		}
		b.WriteString(orig[copied:i])
		folds = append(folds, int32(b.Len()))
		b.WriteByte(ascii)
		copied = i + 3
		if nextEF >= 0 && nextEF < copied {
			nextEF = indexFrom(orig, copied, "\xef")
		}
	}
	b.WriteString(orig[copied:])
	return folded{s: b.String(), orig: orig, folds: folds}
}

// foldWide returns the ASCII form of the full-width character (U+FF01..
// U+FF5E, EF BC 81..EF BD 9E) at s[i:], or false.
func foldWide(s string, i int) (byte, bool) {
	if i+2 >= len(s) {
		return 0, false
	}
	switch c1, c2 := s[i+1], s[i+2]; {
	case c1 == 0xBC && c2 >= 0x81 && c2 <= 0xBF: // U+FF01..U+FF3F
		return c2 - 0x81 + '!', true
	case c1 == 0xBD && c2 >= 0x80 && c2 <= 0x9E: // U+FF40..U+FF5E
		return c2 - 0x80 + '`', true
	}
	return 0, false
}

// indexFrom is the index of sub in s at or after from, or -1.
func indexFrom(s string, from int, sub string) int {
	if from > len(s) {
		return -1
	}
	if i := strings.Index(s[from:], sub); i >= 0 {
		return from + i
	}
	return -1
}

// at maps a byte offset of the folded text to the original text: each
// folded character before i shortened the text by two bytes.
func (f folded) at(i int) int {
	n, _ := slices.BinarySearch(f.folds, int32(i))
	return i + 2*n
}

// source returns the original text behind folded span [a, b).
func (f folded) source(a, b int) string { return f.orig[f.at(a):f.at(b)] }
