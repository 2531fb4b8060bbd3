package meeting

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"agendascope/analytics/internal/cjk"
)

// Meeting kinds returned by Kinds.
const (
	KindExecutive        = "executive"         // 政府常务会议
	KindPartyGroup       = "party_group"       // 政府党组(扩大)会议
	KindPartyCommittee   = "party_committee"   // 区委/县委/旗委常委会, 党工委会议
	KindStudySession     = "study_session"     // 理论学习中心组学习
	KindPlenary          = "plenary"           // 政府全体(扩大)会议
	KindMayorOffice      = "mayor_office"      // 区长/县长办公会
	KindReformCommission = "reform_commission" // 全面深化改革委员会会议
	KindOther            = "other"
)

// kindRule finds mentions of one kind of meeting. The regular expression
// runs only in a window around each occurrence of an anchor, a literal every
// mention contains: run over whole bodies, the alternations cost most of the
// package's time.
type kindRule struct {
	kind    string
	anchors []string
	re      *regexp.Regexp
}

const enlarged = `(?:\(扩大\)|扩大)?`

var kindRules = []kindRule{
	{KindExecutive, []string{"常务会"}, regexp.MustCompile(`常务会议?`)},
	{KindPartyGroup, []string{"党组"}, regexp.MustCompile(`党组` + enlarged + `会议?`)},
	{KindPartyCommittee, []string{"常委", "党工委"}, regexp.MustCompile(`(?:区委|县委|旗委|市委|州委|盟委|党工委|工委)(?:\([^()]{0,12}\))?常委会|常委会` + enlarged + `会议|常委` + enlarged + `会议|党工委` + enlarged + `会议|第[0-9一二三四五六七八九十百]+次(?:\(扩大\))?常委会`)},
	{KindStudySession, []string{"中心组"}, regexp.MustCompile(`理论学习中心组|中心组(?:集体|专题)?学习`)},
	{KindPlenary, []string{"全体"}, regexp.MustCompile(`政府[^,。;、\s]{0,10}?全体` + enlarged + `会议`)},
	{KindMayorOffice, []string{"办公会"}, regexp.MustCompile(`(?:区|县|旗|市|州|盟|镇|乡)长(?:专题)?办公会`)},
	{KindReformCommission, []string{"深化改革委员会", "深改委"}, regexp.MustCompile(`(?:全面)?深化改革委员会(?:第[^,。;、\s]{1,6}次)?(?:全体)?会议|深改委(?:第[^,。;、\s]{1,6}次)?会议`)},
}

// English reports get their own rules; the texts never mix.
var kindRulesEn = []kindRule{
	{KindExecutive, []string{"standing meeting", "executive meeting"}, regexp.MustCompile(`standing meeting|executive meeting`)},
	{KindPartyGroup, []string{"party group"}, regexp.MustCompile(`party group(?: \(enlarged\))? meeting`)},
	{KindStudySession, []string{"study center group", "central group study", "study group"}, regexp.MustCompile(`theory study center group|central group study|theoretical study group`)},
}

// maxMentions bounds how many mentions of a word are examined: no real
// report has more, and junk pages with thousands must not stall a batch.
const maxMentions = 64

// The window a rule's expression sees around an anchor: enough before it
// for 区委(党工委)常委会 or 政府第三次全体会议, enough after for (扩大)会议.
const (
	kindWindowBefore = 48
	kindWindowAfter  = 48
)

var (
	// a meeting the report refers to rather than holds: 国务院常务会议精神,
	// 在…会议上的讲话
	reReferredAfter = regexp.MustCompile(`^(?:\([^()]{0,8}\))?(?:精神|上的讲话|上的重要讲话|上讲话|重要讲话)`)
	// meetings of higher levels are only ever referred to in these reports
	reHigherLevel = regexp.MustCompile(`(?:中央|国务院|中共中央|政治局|省委|省政府|省人民政府)[^,。;、]{0,6}$`)
	// the people's congress and the CPPCC have standing committees too
	notPartyCommittee = []string{"人大", "政协", "及其"}
)

// higherLevel reports whether the text before a meeting's name ends with a
// higher level's body (省委…, 国务院…). The expression, anchored at the end,
// is tried from every offset, so it runs only on text that holds one of the
// bodies' words.
func higherLevel(before string) bool {
	if !strings.Contains(before, "中央") && !strings.Contains(before, "国务院") &&
		!strings.Contains(before, "政治局") && !strings.Contains(before, "省") {
		return false
	}
	return reHigherLevel.MatchString(before)
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// Kinds returns the kinds of meeting the report covers, in order of first
// appearance in the body, then those only the title names. A report often covers several
// (党组会议 then 理论学习中心组学习会 then 常务会议). Meetings the report only
// refers to (传达国务院常务会议精神) are not counted; 人大常委会 is the people's
// congress, not the party committee. When a text is about a meeting of none
// of these kinds the answer is ["other"]; when it mentions no meeting at all
// it is nil.
func Kinds(in Input) []string { return newReport(in).kinds() }

func (r *report) kinds() []string {
	title, body := r.title.s, r.body.s
	rules := kindRules
	if r.en {
		rules = kindRulesEn
		title, body = strings.ToLower(title), strings.ToLower(body)
	}
	type hit struct {
		kind string
		pos  int
	}
	var hits []hit
	for _, rule := range rules {
		best := -1
		for i, s := range []string{body, title} {
			if p := firstKindMatch(s, rule); p >= 0 {
				best = p
				if i == 1 {
					best += len(body) + 1
				}
				break
			}
		}
		if best >= 0 {
			hits = append(hits, hit{rule.kind, best})
		}
	}
	if len(hits) == 0 {
		if strings.Contains(title, "会") || strings.Contains(body, "会议") || strings.Contains(strings.ToLower(body), "meeting") {
			return []string{KindOther}
		}
		return nil
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return a.pos - b.pos })
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.kind
	}
	return out
}

// firstKindMatch returns the position of the first mention of a meeting of
// this kind that the report holds rather than refers to, or -1.
func firstKindMatch(s string, rule kindRule) int {
	best := -1
	for _, a := range rule.anchors {
		for from, n := 0, 0; from < len(s) && n < maxMentions; n++ {
			i := cjk.Index(s[from:], a)
			if i < 0 {
				break
			}
			p := from + i
			from = p + len(a)
			if best >= 0 && p-kindWindowBefore > best {
				break
			}
			if loc := kindMatchAt(s, rule, p); loc >= 0 {
				if best < 0 || loc < best {
					best = loc
				}
				break
			}
		}
	}
	return best
}

// kindMatchAt returns the start of a held (not referred-to) mention of the
// rule's kind that covers the anchor at p, or -1.
func kindMatchAt(s string, rule kindRule, p int) int {
	ws := p - kindWindowBefore
	if ws < 0 {
		ws = 0
	}
	for ws < p && !utf8.RuneStart(s[ws]) {
		ws++
	}
	we := p + kindWindowAfter
	if we > len(s) {
		we = len(s)
	}
	for we < len(s) && !utf8.RuneStart(s[we]) {
		we++
	}
	for _, m := range rule.re.FindAllStringIndex(s[ws:we], -1) {
		a, b := ws+m[0], ws+m[1]
		if a > p || b <= p {
			continue
		}
		before := tail(s[:a], 24)
		if reReferredAfter.MatchString(clip(s[b:], 64)) || higherLevel(before) {
			return -1
		}
		if rule.kind == KindPartyCommittee && hasAnySuffix(before, notPartyCommittee) {
			return -1
		}
		return a
	}
	return -1
}
