package meeting

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"agendascope/analytics/internal/cjk"
)

// The tests in this file check the shortcuts that keep the package cheap
// against the plain forms they replace: each must give exactly what the
// plain form gives, on the corpus and on awkward input.

// awkwardTexts are made to trip the shortcuts: white space runs inside
// dates, wide forms, invalid and truncated UTF-8.
var awkwardTexts = []string{
	"",
	"2022 \t 年\n\n 4 月  14  日,区长主持召开会议。二〇二二年四月十四日召开。",
	"4\f月\r14\n号 上午 ,今天 ( 4 月 5 号 ) 昨日(24日)前天 本个星期三 上礼拜天 这周日 近日 日前",
	"131日 5月30日前 上月14日 元月5日 农历十二月二十三日 2022年4月 2022年4月14 3月8, 3月8个",
	wide("会议审议了《A方案》,4月16日,区长方力主持召开会议。2024年5月14日召开"),
	"\uFF0C\u3000\uFF08\uFF09\uFF01\uFF5E\uFF5F\uFF00\uFF3F\uFF40 \u3001\u3002",
	"\xef\xbc\x8c\xef\xbc\xef\xbc\x8c\xe3\x80\xe3\x80\x80\xff\xfe年\xe5\xb9月14日\xef",
	"会议召开的会议 主持召开 举行的 召集 举办的会上学习会议常委会学习会会议",
	string([]byte{0xe5, 0xb9, 0xb4, 0xe2}) + "2022年" + string([]byte{0x80}) + "4月",
	"国务院第5次常务会议 省政府 2020 年度 区政府 第 15 次 常务会议 五届 区委常委会第48次会议 第十四届委员会 第3次会议",
}

// corpusPages are the corpus reports as scraped.
func corpusPages(t *testing.T) []string {
	t.Helper()
	var pages []string
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", "*.txt"))
	for _, name := range files {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, string(b))
	}
	return pages
}

// shortcutTexts are the awkward strings and the corpus reports, whole, with
// wide forms, and cut into sentences and lines.
func shortcutTexts(t *testing.T) []string {
	t.Helper()
	texts := slices.Clone(awkwardTexts)
	for _, page := range corpusPages(t) {
		texts = append(texts, page, wide(page))
		f := fold(page)
		eachSentence(f.s, func(sp span) bool {
			texts = append(texts, f.s[sp.start:sp.end])
			return true
		})
		texts = append(texts, strings.Split(page, "\n")...)
	}
	return texts
}

// foldPlain is fold as first written: rune by rune, with an offset per byte.
func foldPlain(orig string) (string, []int) {
	var b strings.Builder
	var off []int
	for i, r := range orig {
		switch {
		case r == 0x3000:
			b.WriteByte(' ')
			off = append(off, i)
		case r >= 0xFF01 && r <= 0xFF5E:
			b.WriteByte(byte(r - 0xFF01 + '!'))
			off = append(off, i)
		default:
			n := utf8.RuneLen(r)
			if r == utf8.RuneError {
				n = 1
				if _, size := utf8.DecodeRuneInString(orig[i:]); size > 1 {
					n = size
				}
			}
			b.WriteString(orig[i : i+n])
			for k := 0; k < n; k++ {
				off = append(off, i+k)
			}
		}
	}
	return b.String(), append(off, len(orig))
}

func TestFoldMatchesPlainFold(t *testing.T) {
	for _, s := range shortcutTexts(t) {
		f := fold(s)
		want, off := foldPlain(s)
		if f.s != want {
			t.Fatalf("fold(%q) = %q, want %q", clip(s, 80), clip(f.s, 80), clip(want, 80))
		}
		for i := range off {
			if got := f.at(i); got != off[i] {
				t.Fatalf("fold(%q).at(%d) = %d, want %d", clip(s, 80), i, got, off[i])
			}
		}
	}
}

func TestWindowedMatchesWholeText(t *testing.T) {
	rules := []windowed{dateFullDate, dateYearMon, dateMonDay, dateRelDay, dateDayOnly, dateWeekday, dateRecent}
	for _, s := range shortcutTexts(t) {
		for _, w := range rules {
			got, want := w.findAll(s), w.re.FindAllStringSubmatchIndex(s, -1)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s in %q: got %v, want %v", w.re, clip(s, 120), got, want)
			}
		}
	}
}

// reConveneWords is the alternation convenes replaces.
var reConveneWords = regexp.MustCompile(`召开|主持|举行|召集|举办`)

func TestConvenesMatchesRegexp(t *testing.T) {
	for _, s := range shortcutTexts(t) {
		want := false
		for _, loc := range reConveneWords.FindAllStringIndex(s, -1) {
			if !strings.HasPrefix(s[loc[1]:], "的") {
				want = true
				break
			}
		}
		if got := convenes(s); got != want {
			t.Errorf("convenes(%q) = %v, want %v", clip(s, 120), got, want)
		}
	}
}

// subjectEndsPlain is subjectEnds as first written: every subject
// searched for separately, the ends sorted.
func subjectEndsPlain(s string) []int {
	var ends []int
	for _, w := range itemSubjects {
		for from := 0; ; {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			p := from + i
			from = p + len(w)
			if utf8.RuneCountInString(s[:p]) > maxSubjectRunes {
				break
			}
			ends = append(ends, p+len(w))
		}
	}
	slices.Sort(ends)
	return ends
}

func TestSubjectEndsMatchesPlain(t *testing.T) {
	for _, s := range shortcutTexts(t) {
		got := slices.Collect(subjectEnds(s))
		if want := subjectEndsPlain(s); !slices.Equal(got, want) {
			t.Errorf("subjectEnds(%q) = %v, want %v", clip(s, 120), got, want)
		}
	}
}

// eachTail calls fn with the n bytes before every rune boundary of the
// corpus pages and the awkward strings.
func eachTail(t *testing.T, n int, fn func(left string)) {
	for _, s := range append(slices.Clone(awkwardTexts), corpusPages(t)...) {
		for i := range len(s) + 1 {
			if i == len(s) || utf8.RuneStart(s[i]) {
				fn(tail(s[:i], n))
			}
		}
	}
}

func TestSessionEndingsCoverTokens(t *testing.T) {
	eachTail(t, 48, func(left string) {
		trimmed := strings.TrimRight(left, "\t\n\f\r ")
		for _, tok := range reSessionLeft {
			if hasAnySuffix(trimmed, tok.endings) {
				continue
			}
			if m := tok.re.FindStringIndex(left); m != nil && m[0] < m[1] {
				t.Errorf("%s matches %q, which ends in none of %q", tok.re, left, tok.endings)
			}
		}
	})
}

func TestHigherLevelMatchesRegexp(t *testing.T) {
	eachTail(t, 24, func(left string) {
		if got, want := higherLevel(left), reHigherLevel.MatchString(left); got != want {
			t.Errorf("higherLevel(%q) = %v, want %v", left, got, want)
		}
	})
}

func TestCJKSearchOnCorpus(t *testing.T) {
	subs := []string{"", "第", "主持", "《", "会议", "常务会", "深化改革委员会", "\x80", "a", "。。", "会会"}
	texts := append(shortcutTexts(t), "会会会", "第", "x第", "\xe7\xac\xac\xac")
	for _, s := range texts {
		for _, sub := range subs {
			if got, want := cjk.Index(s, sub), strings.Index(s, sub); got != want {
				t.Errorf("cjk.Index(%q, %q) = %d, want %d", clip(s, 80), sub, got, want)
			}
			if got, want := cjk.LastIndex(s, sub), strings.LastIndex(s, sub); got != want {
				t.Errorf("cjk.LastIndex(%q, %q) = %d, want %d", clip(s, 80), sub, got, want)
			}
		}
	}
}

// findTitlesPlain is findTitles as first written, rune by rune.
func findTitlesPlain(s string) []titleSpan {
	var out []titleSpan
	depth, open := 0, -1
	for i, r := range s {
		switch r {
		case '《':
			if depth == 0 {
				open = i
			}
			depth++
		case '》':
			if depth == 0 {
				continue
			}
			depth--
			if depth == 0 {
				end := i + len("》")
				out = append(out, titleSpan{span{open, end}, span{open + len("《"), i}})
			}
		case '\n':
			depth = 0
		}
		if depth > 0 && i-open > maxTitleBytes {
			depth = 0
		}
	}
	return out
}

func TestFindTitlesMatchesPlain(t *testing.T) {
	texts := append(shortcutTexts(t),
		"《A《B》C》》《《〈<>〉", "》《"+strings.Repeat("长", 199)+"》《"+strings.Repeat("长", 200)+"》《x\n》",
		"《\xff\xe3\x80》\xe3\x80\x8a》", "《"+strings.Repeat("a", 598)+"》", "《"+strings.Repeat("a", 599)+"》")
	for _, s := range texts {
		if got, want := findTitles(s), findTitlesPlain(s); !slices.Equal(got, want) {
			t.Errorf("findTitles(%q) = %v, want %v", clip(s, 120), got, want)
		}
	}
}

// wordsCases pair each words list with the expression it replaces.
var wordsCases = []struct {
	ws words
	re *regexp.Regexp
}{
	{offices, regexp.MustCompile(`(?:区长|县长|旗长|市长|州长|盟长|镇长|乡长|省长|主任|书记|主席|局长|组长|部长|委员|常委)`)},
	{nationalLeaders, regexp.MustCompile(`总书记|总理|委员长|国家主席`)},
	{relayVerbs, regexp.MustCompile(`传达|学习了|学习贯彻|贯彻落实|听取了`)},
	{learnVerbs, regexp.MustCompile(`学习|传达|观看|宣读|解读|领会|理解`)},
	{reviewVerbs, regexp.MustCompile(`审议|审定|研究|讨论|通过|听取|同意`)},
}

func TestWordsMatchRegexp(t *testing.T) {
	texts := append(shortcutTexts(t), "常委员会", "区长区长", "副区长\xe5区长", "委员长", "国家主席总理")
	for _, s := range texts {
		for _, c := range wordsCases {
			if got, want := c.ws.in(s), c.re.MatchString(s); got != want {
				t.Errorf("%v.in(%q) = %v, want %v", c.ws, clip(s, 80), got, want)
			}
			if got, want := c.ws.findAll(s), c.re.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Errorf("%v.findAll(%q) = %v, want %v", c.ws, clip(s, 80), got, want)
			}
			if got, want := c.ws.find(s), c.re.FindStringIndex(s); !reflect.DeepEqual(got, want) {
				t.Errorf("%v.find(%q) = %v, want %v", c.ws, clip(s, 80), got, want)
			}
		}
	}
}

func TestFindReviewVerbMatchesRegexp(t *testing.T) {
	texts := append(shortcutTexts(t), "原则原则通过", "原则审议并原则通过和研究", "会议原则上同意", "原则")
	for _, s := range texts {
		if got, want := findReviewVerb(s), reReviewVerb.FindStringIndex(s); !reflect.DeepEqual(got, want) {
			t.Errorf("findReviewVerb(%q) = %v, want %v", clip(s, 80), got, want)
		}
	}
}

// The gates of the date rules: where a gate says no, the expression must
// not match.
func TestDateGatesCoverExpressions(t *testing.T) {
	eachTail(t, 60, func(before string) {
		if !metaLabels.in(before) && reMetaLabel.MatchString(before) {
			t.Errorf("reMetaLabel matches %q without a label word", before)
		}
		if !strings.Contains(before, "截") && !strings.Contains(before, "直至") && reNotMeetingBefore.MatchString(before) {
			t.Errorf("reNotMeetingBefore matches %q", before)
		}
	})
	for _, s := range shortcutTexts(t) {
		head := clip(s, 40)
		if !minutesFields.in(head) && reMinutesTime.MatchString(head) {
			t.Errorf("reMinutesTime matches %q", head)
		}
	}
}

func TestTitleGapMatchesRegexp(t *testing.T) {
	texts := []string{"", " ", "、", " 、 ", "和 ", "\t以及\n", "以 及", "、、", ",和", "并\u3000", "及与", "x"}
	for _, s := range texts {
		if got, want := titleGap(s), reTitleGap.MatchString(s); got != want {
			t.Errorf("titleGap(%q) = %v, want %v", s, got, want)
		}
	}
	eachTail(t, 12, func(s string) {
		if got, want := titleGap(s), reTitleGap.MatchString(s); got != want {
			t.Errorf("titleGap(%q) = %v, want %v", s, got, want)
		}
	})
}

func TestSessionAnchorsMatchRegexp(t *testing.T) {
	texts := append(shortcutTexts(t), "第第3次", "第 3 次第二十次第\n五\n次", "第"+strings.Repeat("一", 70)+"次", strings.Repeat("第1次", 70))
	for _, s := range texts {
		if got, want := sessionAnchors(s), reSessionAnchor.FindAllStringIndex(s, maxMentions); !reflect.DeepEqual(got, want) {
			t.Errorf("sessionAnchors(%q) = %v, want %v", clip(s, 80), got, want)
		}
	}
}

// validIn trusts a slice of a valid text only when it cuts no character.
func TestValidInMatchesValid(t *testing.T) {
	for _, page := range corpusPages(t) {
		if !utf8.ValidString(page) {
			continue
		}
		for a := 0; a < len(page); a += 7 {
			for _, n := range []int{0, 1, 2, 3, 4, 5, 100, 301} {
				b := min(len(page), a+n)
				if got, want := validIn(page[a:b], true), valid(page[a:b]); got != want {
					t.Fatalf("validIn(page[%d:%d]) = %q, want %q", a, b, got, want)
				}
			}
		}
	}
}

func TestLunarWordsMatchRegexp(t *testing.T) {
	eachTail(t, 12, func(left string) {
		got := hasAnySuffix(strings.TrimRight(left, "\t\n\f\r "), lunarWords)
		if want := reLunarBefore.MatchString(left); got != want {
			t.Errorf("lunar words on %q = %v, want %v", left, got, want)
		}
	})
}

// The session tokens run over the last maxRunes runes (white space aside)
// of the text before a session number: their leftmost match must lie there.
func TestSessionTokensWithinMaxRunes(t *testing.T) {
	texts := []string{"2020 年度 ", "第 十 四 届委员会  ", "区人民政府党组", "县委常委会", "二〇二〇年度"}
	check := func(left string) {
		for _, tok := range reSessionLeft {
			w := backOver(left, len(left), tok.maxRunes)
			got := tok.re.FindStringIndex(left[w:])
			if got != nil {
				got = []int{w + got[0], w + got[1]}
			}
			if want := tok.re.FindStringIndex(left); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %q: %v in the last %d runes, %v in all", tok.re, left, got, tok.maxRunes, want)
			}
		}
	}
	for _, s := range texts {
		check(s)
	}
	eachTail(t, 48, check)
}
