package meeting

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"agendascope/analytics/internal/cjk"
)

// exprKind is the shape of a date expression in running text; the shape
// decides which other clues are needed to turn it into a calendar date.
type exprKind int

const (
	exprFull      exprKind = iota // 2022年4月14日
	exprYearMonth                 // 2022年4月
	exprMonthDay                  // 4月16日, 3月8,
	exprRelative                  // 昨天, 今天(2月24日), 昨天(24日)
	exprDay                       // 14日, the 18th
	exprRecent                    // 近日, 日前
	exprWeekday                   // 上周五, 本周三
)

// dateExpr is one date expression found in a text, with the parts it states.
type dateExpr struct {
	kind       exprKind
	y, m, d    int  // stated parts, 0 when not stated
	back       int  // for relative expressions: days before the publication day
	lastMonth  bool // 上月14日
	weekday    int  // for exprWeekday: 1 = Monday … 7 = Sunday
	weeksBack  int  // for exprWeekday: 0 this week, 1 last week
	start, end int  // byte span in the searched text
}

// Numerals: Arabic, or the Chinese forms official texts use for months and
// days. A year in Chinese numerals is always four positional digits.
const (
	cnNum  = `[一二三四五六七八九十]`
	cnYear = `[一二][〇零○九][一二三四五六七八九〇零○]{2}`
)

var (
	reFullDate = regexp.MustCompile(`((?:19|20)\d{2}|` + cnYear + `)\s*年\s*(\d{1,2}|` + cnNum + `{1,2})\s*月\s*(\d{1,2}|` + cnNum + `{1,3})\s*[日号]`)
	reYearMon  = regexp.MustCompile(`((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月`)
	reMonDay   = regexp.MustCompile(`(\d{1,2}|` + cnNum + `{1,2}|元)\s*月\s*(\d{1,2}|` + cnNum + `{1,3})(\s*[日号])?`)
	reRelDay   = regexp.MustCompile(`(今天|今日|今晨|今早|今晚|昨天|昨日|昨晨|昨晚|前天|前日)(?:\s*[(]\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*[日号]?\s*[)])?`)
	reDayOnly  = regexp.MustCompile(`(\d{1,2})\s*日`)
	reRecent   = regexp.MustCompile(`近日|日前`)
	reWeekday  = regexp.MustCompile(`(上|本|这)个?(?:周|星期|礼拜)([一二三四五六日天])`)
	// a date in the lunar calendar (农历十二月二十三日) must not be read as a
	// Gregorian one; reports that give one alone leave the date unknown
	reLunarBefore = regexp.MustCompile(`(?:农历|阴历|夏历|旧历|腊月|正月|冬月)\s*$`)

	reEnMonDay = regexp.MustCompile(`(?i)\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*((?:19|20)\d{2})\b)?`)
	reEnDay    = regexp.MustCompile(`(?i)\b(?:on|of)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b`)
	reEnRel    = regexp.MustCompile(`(?i)\b(today|yesterday)\b`)
)

// windowed is a date expression with the characters that bound where its
// matches can lie in a text: every match contains one of the characters of
// first with at most before runes ahead of it, and one of the characters of
// last with at most after runes behind it, white space not counted. The
// expressions have no literal prefix, so Go tries them at every offset of a
// sentence; run over the stretch between the first and the last such
// character they cost a fraction. None of them has an assertion (^, $, \b)
// and they match only valid UTF-8, so their matches in that stretch are
// exactly their matches in the whole text.
type windowed struct {
	re     *regexp.Regexp
	first  string
	before int
	last   string
	after  int
}

var (
	dateFullDate = windowed{reFullDate, "年", 4, "日号", 0}
	dateYearMon  = windowed{reYearMon, "年", 4, "月", 0}
	dateMonDay   = windowed{reMonDay, "月", 2, "月", 4}
	dateRelDay   = windowed{reRelDay, "今昨前", 0, "今昨前", 8}
	dateDayOnly  = windowed{reDayOnly, "日", 2, "日", 0}
	dateWeekday  = windowed{reWeekday, "周星礼", 2, "周星礼", 2}
	dateRecent   = windowed{reRecent, "日", 1, "日", 1}
)

// findAll is w.re.FindAllStringSubmatchIndex(s, -1).
func (w windowed) findAll(s string) [][]int {
	lo, hi := len(s), -1
	for _, r := range w.first {
		if i := cjk.Index(s, string(r)); i >= 0 && i < lo {
			lo = i
		}
	}
	for _, r := range w.last {
		if i := cjk.LastIndex(s, string(r)); i >= 0 && i+utf8.RuneLen(r) > hi {
			hi = i + utf8.RuneLen(r)
		}
	}
	if hi < 0 || lo == len(s) {
		return nil
	}
	lo, hi = backOver(s, lo, w.before), forwardOver(s, hi, w.after)
	if lo >= hi {
		return nil
	}
	ms := w.re.FindAllStringSubmatchIndex(s[lo:hi], -1)
	for _, m := range ms {
		for k := range m {
			if m[k] >= 0 {
				m[k] += lo
			}
		}
	}
	return ms
}

// isRegexpSpace reports the bytes \s matches in Go's regular expressions.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// backOver returns the smallest offset p ≤ i such that s[p:i] holds at most
// n runes besides \s white space.
func backOver(s string, i, n int) int {
	for i > 0 {
		if isRegexpSpace(s[i-1]) {
			i--
			continue
		}
		if n == 0 {
			break
		}
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		n--
	}
	return i
}

// forwardOver returns the largest offset p ≥ i such that s[i:p] holds at
// most n runes besides \s white space.
func forwardOver(s string, i, n int) int {
	for i < len(s) {
		if isRegexpSpace(s[i]) {
			i++
			continue
		}
		if n == 0 {
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n--
	}
	return i
}

// Words that may follow a month and day written without 日 ("3月8,"): a
// time of day or a break in the sentence. Anything else (3月8个) means the
// digits are not a day.
var dayNoMarkFollowers = []string{",", "、", " ", "上午", "下午", "晚", "早", "中午", "凌晨"}

var monthNames = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

// prevRune returns the rune before byte offset i of s, or 0 at the start.
func prevRune(s string, i int) rune {
	if i <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// nextRune returns the rune at byte offset i of s, or 0 at the end.
func nextRune(s string, i int) rune {
	if i >= len(s) {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isCnNumeral(r rune) bool {
	_, ok := cnDigits[r]
	return ok || r == '十' || r == '百'
}

// dateExprs finds the date expressions of a Chinese text in order of
// position. Where two overlap, the one starting first wins, and at the same
// start the longer one, so 2022年4月14日 is never also read as 4月14日.
//
// A number glued to a digit on its left is not a date: source texts garble
// dates ("131日" for 31日 or 1日), and reading the tail of such a run would
// turn a garbled date into a confident wrong one.
func dateExprs(s string) []dateExpr {
	var out []dateExpr
	add := func(e dateExpr) { out = append(out, e) }

	for _, m := range dateFullDate.findAll(s) {
		if isDigit(prevRune(s, m[0])) {
			continue
		}
		y, mo, d := number(s[m[2]:m[3]]), number(s[m[4]:m[5]]), number(s[m[6]:m[7]])
		add(dateExpr{kind: exprFull, y: y, m: mo, d: d, start: m[0], end: m[1]})
	}
	for _, m := range dateYearMon.findAll(s) {
		if isDigit(prevRune(s, m[0])) {
			continue
		}
		// 2022年4月14 without 日 or a garbled day: not a month-only date
		rest := strings.TrimLeft(s[m[1]:], " ")
		if r := nextRune(rest, 0); isDigit(r) || isCnNumeral(r) {
			continue
		}
		add(dateExpr{kind: exprYearMonth, y: number(s[m[2]:m[3]]), m: number(s[m[4]:m[5]]), start: m[0], end: m[1]})
	}
	for _, m := range dateMonDay.findAll(s) {
		p := prevRune(s, m[0])
		if isDigit(p) || isCnNumeral(p) || p == '-' || p == '—' || p == '~' || p == '至' {
			continue
		}
		if isDigit(nextRune(s, m[5])) || lunarAt(s, m[0]) {
			continue
		}
		monthTxt, dayTxt := s[m[2]:m[3]], s[m[4]:m[5]]
		if m[6] < 0 { // no 日: only Arabic digits followed by a pause or a time of day
			if !isDigit(rune(monthTxt[0])) || !isDigit(rune(dayTxt[0])) {
				continue
			}
			rest := s[m[5]:]
			ok := rest == ""
			for _, f := range dayNoMarkFollowers {
				if strings.HasPrefix(rest, f) {
					ok = true
					break
				}
			}
			if !ok {
				continue
			}
		}
		month := number(monthTxt)
		if monthTxt == "元" {
			month = 1 // 元月 is January
		}
		add(dateExpr{kind: exprMonthDay, m: month, d: number(dayTxt), start: m[0], end: m[1]})
	}
	for _, m := range dateRelDay.findAll(s) {
		e := dateExpr{kind: exprRelative, start: m[0], end: m[1]}
		switch s[m[2]:m[3]] {
		case "昨天", "昨日", "昨晨", "昨晚":
			e.back = 1
		case "前天", "前日":
			e.back = 2
		}
		if m[4] >= 0 {
			e.m = number(s[m[4]:m[5]])
		}
		if m[6] >= 0 {
			e.d = number(s[m[6]:m[7]])
		}
		add(e)
	}
	for _, m := range dateDayOnly.findAll(s) {
		p := prevRune(s, m[0])
		if isDigit(p) || isCnNumeral(p) || p == '年' || lunarAt(s, m[0]) {
			continue
		}
		add(dateExpr{kind: exprDay, d: number(s[m[2]:m[3]]), lastMonth: strings.HasSuffix(s[:m[0]], "上月"), start: m[0], end: m[1]})
	}
	for _, m := range dateWeekday.findAll(s) {
		e := dateExpr{kind: exprWeekday, start: m[0], end: m[1], weekday: strings.Index("一二三四五六日天", s[m[4]:m[5]])/len("一") + 1}
		if e.weekday == 8 {
			e.weekday = 7 // 天 = 日
		}
		if s[m[2]:m[3]] == "上" {
			e.weeksBack = 1
		}
		add(e)
	}
	for _, m := range dateRecent.findAll(s) {
		if p := prevRune(s, m[0]); isDigit(p) || p == '月' || isCnNumeral(p) {
			continue // 5月30日前 is a deadline, not 日前
		}
		add(dateExpr{kind: exprRecent, start: m[0], end: m[1]})
	}
	return settle(out)
}

// lunarAt reports whether the date expression starting at i of s is in the
// lunar calendar: 农历 (or a lunar month name) stands right before it.
func lunarAt(s string, i int) bool {
	return hasAnySuffix(strings.TrimRight(tail(s[:i], 12), "\t\n\f\r "), lunarWords)
}

// lunarWords are reLunarBefore's words: the expression, anchored at the
// end, was tried from every offset for every date.
var lunarWords = []string{"农历", "阴历", "夏历", "旧历", "腊月", "正月", "冬月"}

// dateExprsEn finds the date expressions of an English text.
func dateExprsEn(s string) []dateExpr {
	var out []dateExpr
	for _, m := range reEnMonDay.FindAllStringSubmatchIndex(s, -1) {
		name := strings.ToLower(s[m[2]:m[3]])
		if len(name) > 3 {
			name = name[:3]
		}
		e := dateExpr{kind: exprMonthDay, m: monthNames[name], d: number(s[m[4]:m[5]]), start: m[0], end: m[1]}
		if m[6] >= 0 {
			e.kind, e.y = exprFull, number(s[m[6]:m[7]])
		}
		out = append(out, e)
	}
	for _, m := range reEnDay.FindAllStringSubmatchIndex(s, -1) {
		out = append(out, dateExpr{kind: exprDay, d: number(s[m[2]:m[3]]), start: m[0], end: m[1]})
	}
	for _, m := range reEnRel.FindAllStringSubmatchIndex(s, -1) {
		e := dateExpr{kind: exprRelative, start: m[0], end: m[1]}
		if strings.EqualFold(s[m[2]:m[3]], "yesterday") {
			e.back = 1
		}
		out = append(out, e)
	}
	return settle(out)
}

// settle orders expressions by position, drops ones that overlap an earlier
// or longer one, and drops impossible months and days.
func settle(out []dateExpr) []dateExpr {
	slices.SortFunc(out, func(a, b dateExpr) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	kept := out[:0]
	lastEnd := -1
	for _, e := range out {
		if e.start < lastEnd {
			continue
		}
		if e.m != 0 && (e.m < 1 || e.m > 12) || e.d != 0 && (e.d < 1 || e.d > 31) {
			continue
		}
		if (e.kind == exprMonthDay || e.kind == exprFull) && (e.m <= 0 || e.d <= 0) {
			continue
		}
		if e.kind == exprDay && e.d <= 0 {
			continue
		}
		kept = append(kept, e)
		lastEnd = e.end
	}
	return kept
}
