package meeting

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"agendascope/analytics/internal/cjk"
)

const (
	admin = `(?:区|县|旗|市|州|盟)`
	cnN   = `(?:[0-9]+|[一二三四五六七八九十百零〇两]+)`
)

var (
	reSessionAnchor = regexp.MustCompile(`第\s*` + cnN + `\s*次`)
	// reSessionAnchorAt is reSessionAnchor anchored, for sessionAnchors
	reSessionAnchorAt = regexp.MustCompile(`^第\s*` + cnN + `\s*次`)
	// what follows 第N次: an optional body, then the meeting noun
	reSessionRight = regexp.MustCompile(`^(` + admin + `?(?:人民)?政府|` + admin + `委常委会|管委会|党组|党工委)?\s*(\(扩大\)|扩大)?\s*(常务会议|常委会会议|常委` + enlarged + `会议|常委会|全体` + enlarged + `会议|党组` + enlarged + `会议|` + admin + `长办公会议?|(?:全体)?会议)`)
	// what may precede 第N次, read backwards one token at a time; place names
	// are left out, so the session reads the same in every district. Each
	// token lists the endings its matches can have (before white space): an
	// expression anchored at the end is tried from every offset, so it runs
	// only when the text ends in one of them.
	// Each token also bounds its matches' length in runes besides white
	// space, so it runs over that much of the text only.
	reSessionLeft = []struct {
		re       *regexp.Regexp
		org      bool
		endings  []string
		maxRunes int
	}{
		{regexp.MustCompile(`(?:19|20)\d{2}\s*年度?\s*$`), false, []string{"年", "年度"}, 6},
		{regexp.MustCompile(`第?(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})\s*届\s*$`), false, []string{"届"}, 5},
		// 第十四届委员会 is a party committee; a bare 委员会 is any commission
		// (安全生产委员会2025年第四次会议), whose sessions are not tracked
		{regexp.MustCompile(`第?(?:[一二三四五六七八九十]{1,3}|[0-9]{1,2})\s*届委员会\s*$`), true, []string{"届委员会"}, 8},
		{regexp.MustCompile(`(?:` + admin + `?(?:人民)?政府(?:党组)?|` + admin + `委常委会|` + admin + `委|党组|党工委|管委会)\s*$`), true,
			[]string{"政府", "党组", "常委会", "委", "管委会"}, 7},
	}
	reSessionEn = regexp.MustCompile(`(?i)\b\d+(?:st|nd|rd|th)\s+(?:\(enlarged\)\s+)?(?:standing|executive|plenary)\s+meeting\s+of\s+the\s+(?:county|district|city|banner)\s+(?:people's\s+)?government`)
)

// Session returns the name of the numbered session the report is about, as
// the text writes it without place names ("五届区政府第6次常务会议",
// "2020年度区政府第15次常务会议", "二届区委常委会第48次会议",
// "第6次区政府常务会议"), and the sentence it came from. The body is read
// before the title, whose wording is often shortened. Sessions of higher
// bodies that the report refers to (十九届中央委员会第五次全体会议精神) are
// skipped. A report without a session number yields "".
func Session(in Input) (session, evidence string) { return newReport(in).session() }

func (r *report) session() (session, evidence string) {
	for _, f := range []folded{r.body, r.title} {
		if r.en {
			if loc := reSessionEn.FindStringIndex(f.s); loc != nil {
				return valid(f.source(loc[0], loc[1])), valid(clip(strings.TrimSpace(f.source(sentenceAround(f.s, loc[0], loc[1]))), 300))
			}
			continue
		}
		if loc := findSession(f.s); loc != nil {
			return valid(strings.TrimSpace(f.source(loc[0], loc[1]))), valid(clip(strings.TrimSpace(f.source(sentenceAround(f.s, loc[0], loc[1]))), 300))
		}
	}
	return "", ""
}

// findSession returns the span of the first session name in s, or nil.
func findSession(s string) []int {
	for _, a := range sessionAnchors(s) {
		r := reSessionRight.FindStringSubmatchIndex(clip(s[a[1]:], 120))
		if r == nil {
			continue
		}
		end := a[1] + r[1]
		org := r[2] >= 0 || r[4] >= 0 || s[a[1]+r[6]:a[1]+r[7]] != "会议"
		start := a[0]
		for range 4 {
			moved := false
			left := tail(s[:start], 48)
			trimmed := strings.TrimRight(left, "\t\n\f\r ")
			for _, tok := range reSessionLeft {
				if !hasAnySuffix(trimmed, tok.endings) {
					continue
				}
				w := backOver(left, len(left), tok.maxRunes)
				if m := tok.re.FindStringIndex(left[w:]); m != nil && m[0] < m[1] {
					start -= len(left) - (w + m[0])
					org = org || tok.org
					moved = true
					break
				}
			}
			if !moved {
				break
			}
		}
		if !org {
			continue // 第二次会议 alone could be any meeting
		}
		if reReferredAfter.MatchString(clip(s[end:], 64)) || higherLevel(tail(s[:start], 24)) ||
			strings.HasSuffix(s[:start], "中央") || inParentheses(s, start) {
			continue
		}
		return []int{start, end}
	}
	return nil
}

// sessionAnchors is reSessionAnchor.FindAllStringIndex(s, maxMentions). A
// match starts with 第 and holds no other, so trying the anchored
// expression at each 第 finds the same matches; run over a whole body, the
// unanchored one cleared its matcher's state for the rest of the body at
// every match.
func sessionAnchors(s string) [][]int {
	var out [][]int
	for from := 0; len(out) < maxMentions; {
		i := cjk.Index(s[from:], "第")
		if i < 0 {
			break
		}
		p := from + i
		if m := reSessionAnchorAt.FindStringIndex(s[p:]); m != nil {
			out = append(out, []int{p, p + m[1]})
			from = p + m[1]
			continue
		}
		from = p + len("第")
	}
	return out
}

// inParentheses reports whether offset i of s is inside a parenthesis opened
// in the same sentence: sessions named there are of bodies meeting jointly
// with the one reported on.
func inParentheses(s string, i int) bool {
	a, _ := sentenceAround(s, i, i)
	return strings.Count(s[a:i], "(") > strings.Count(s[a:i], ")")
}

// sentenceAround returns the bounds of the sentence holding [a, b).
func sentenceAround(s string, a, b int) (int, int) {
	before := tail(s[:a], 600)
	start := a - len(before)
	if i := strings.LastIndexAny(before, "。!?\n"); i >= 0 {
		_, size := utf8.DecodeRuneInString(before[i:])
		start += i + size
	}
	after := clip(s[b:], 600)
	end := b + len(after)
	if i := strings.IndexAny(after, "。!?\n"); i >= 0 {
		_, size := utf8.DecodeRuneInString(after[i:])
		end = b + i + size
	}
	return start, end
}
