package meeting

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"agendascope/analytics/internal/cjk"
)

// Document is a document the meeting took up.
type Document struct {
	Title    string // the title between 《 and 》, nested 〈〉 or <> kept as written
	Verb     string // 审议/研究/讨论/通过/听取… as the text says it, e.g. 审议并原则通过
	Evidence string // the clause from its start to the end of the title
}

// titleSpan is one 《…》 title: outer includes the brackets, inner not.
type titleSpan struct{ outer, inner span }

// maxTitles bounds how many titles a report is searched for: real reports
// name a few dozen at most, junk pages thousands.
const maxTitles = 256

// maxTitleBytes bounds a title: a 《 that is not closed within it is stray
// (a truncated page, a quoted fragment) and is dropped.
const maxTitleBytes = 600

// findTitles returns the outermost 《…》 titles of s in order. A title
// nested inside another (《关于贯彻《条例》的意见》) stays part of the outer
// one, a stray 》 is ignored, and a 《 not closed before the end of its line is
// dropped, so unbalanced brackets in the source never shift later titles.
func findTitles(s string) []titleSpan {
	var out []titleSpan
	depth, open := 0, -1
	for i := 0; i < len(s); {
		if depth == 0 {
			// Outside a title only 《 matters. Its lead byte is never a
			// continuation byte, so a byte search lands on the rune a
			// rune-by-rune reading would reach.
			j := cjk.Index(s[i:], "《")
			if j < 0 {
				break
			}
			i += j
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '《':
			if depth == 0 {
				open = i
			}
			depth++
		case '》':
			if depth == 0 {
				i += size
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
		i += size
	}
	return out
}

var (
	// the verbs by which a meeting takes up a document, run together as the
	// text writes them: 审议并原则通过, 研究讨论, 听取并审议
	reReviewVerb = regexp.MustCompile(`(?:原则)?(?:审议|审定|研究|讨论|通过|听取|同意)(?:(?:并|和|并原则|原则)?(?:审议|审定|研究|讨论|通过|听取|同意))*`)
	// what may stand before that verb at the start of its clause: numbering,
	// the meeting as subject, adverbs. A clause whose verb belongs to some
	// other subject (李克强总理在研究…时的讲话) does not match.
	reReviewPrefix = regexp.MustCompile(`^[\s●•▲■◆·*]*(?:[0-9]{1,2}\s*[.、)]|[一二三四五六七八九十]{1,3}\s*是|[(][一二三四五六七八九十0-9]{1,2}[)])?\s*(?:[^,。;:!?\n]{0,40}?(?:会议|会上|常委会|学习会))?(?:还|并|同时|首先|随后|接着|另外|此外|先后|依次|集中|专题|认真|重点|逐项|一并|也|又|在|分别|共|专门|会上)*\s*$`)
	// learning and relaying are not reviewing: 学习了…时评《…》
	learnVerbs = words{"学习", "传达", "观看", "宣读", "解读", "领会", "理解"}
	// separators that keep a list of titles under one verb
	reTitleGap = regexp.MustCompile(`^\s*(?:、|,|和|及|与|以及|并)?\s*$`)
	titleGaps  = []string{"", "、", ",", "和", "及", "与", "以及", "并"}
	// 对《A》和《B》进行研究: the verb after the titles
	reVerbAfter   = regexp.MustCompile(`^\s*(?:等(?:文件|事项|议题|材料)?)?\s*(?:进行|作了|作出|予以)?\s*(?:原则)?(审议|审定|研究|讨论|通过)`)
	reDuiBefore   = regexp.MustCompile(`^[\s●•▲■◆·*]*(?:[^,。;:!?\n]{0,40}?(?:会议|会上|常委会))?(?:还|并|同时|首先|随后|专题|集中|认真|逐项|一并|也|又)*对\s*$`)
	clauseBreaks  = ",;:。!?\n"
	maxClauseBack = 400 // bytes; a clause longer than this is not a list of documents
)

// Documents returns the titles in 《》 that the meeting reviewed, studied as
// business or heard reports on (审议/研究/讨论/通过/听取), once each in order of
// first mention. A title counts when the verb that governs it is one of
// these and the meeting (or nobody else) is its subject; titles of texts
// the meeting studied or relayed (学习/传达) do not count, nor do titles in
// sentences about something else (深入理解《纲要》). Items of a list written
// without 《》 are not counted: nothing marks where such an item ends.
func Documents(in Input) []Document { return newReport(in).documents() }

func (r *report) documents() []Document {
	f := r.body
	s := f.s
	titles := findTitles(s)
	if len(titles) > maxTitles {
		titles = titles[:maxTitles]
	}
	var out []Document
	seen := map[string]bool{}
	verb, counted := "", false
	for i, t := range titles {
		chained := i > 0 && titleGap(s[titles[i-1].outer.end:t.outer.start])
		cs := clauseStart(s, t.outer.start, titles, i)
		if !chained {
			verb, counted = governingVerb(s, cs, t.outer.start, titles, i)
			if !counted {
				verb, counted = verbAfter(s, cs, titles, i)
			}
		}
		if !counted {
			continue
		}
		name := strings.TrimSpace(s[t.inner.start:t.inner.end])
		key := strings.Join(strings.Fields(name), "")
		if key == "" || seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, Document{
			Title:    valid(strings.TrimSpace(f.source(t.inner.start, t.inner.end))),
			Verb:     verb,
			Evidence: valid(clip(strings.TrimSpace(f.source(cs, t.outer.end)), 600)),
		})
	}
	return out
}

// clauseStart returns where the clause holding position pos begins, looking
// back past earlier titles (whose text may hold any punctuation).
func clauseStart(s string, pos int, titles []titleSpan, idx int) int {
	j, k := pos, idx-1
	floor := pos - maxClauseBack
	for {
		lo := 0
		if k >= 0 {
			lo = titles[k].outer.end
		}
		if lo < floor {
			lo = floor
			for lo < len(s) && !utf8.RuneStart(s[lo]) {
				lo++
			}
		}
		if lo > j {
			lo = j
		}
		if i := strings.LastIndexAny(s[lo:j], clauseBreaks); i >= 0 {
			_, size := utf8.DecodeRuneInString(s[lo+i:])
			return lo + i + size
		}
		if k < 0 || lo <= floor {
			return lo
		}
		j = titles[k].outer.start
		k--
	}
}

// masked returns s[from:to] with the text of the titles inside replaced by
// 《》, so that words inside titles are not read as the clause's verbs.
func masked(s string, from, to int, titles []titleSpan, idx int) string {
	first := idx
	for first > 0 && titles[first-1].outer.start >= from {
		first--
	}
	var b strings.Builder
	p := from
	for _, t := range titles[first:idx] {
		b.WriteString(s[p:t.outer.start])
		b.WriteString("《》")
		p = t.outer.end
	}
	if p < to {
		b.WriteString(s[p:to])
	}
	return b.String()
}

// governingVerb finds the review verb that governs the title starting at
// pos, in the clause starting at cs.
func governingVerb(s string, cs, pos int, titles []titleSpan, idx int) (string, bool) {
	frag := masked(s, cs, pos, titles, idx)
	loc := findReviewVerb(frag)
	if loc == nil {
		return "", false
	}
	if !reReviewPrefix.MatchString(frag[:loc[0]]) || learnVerbs.in(frag[loc[1]:]) {
		return "", false
	}
	return frag[loc[0]:loc[1]], true
}

// titleGap is reTitleGap.MatchString(s): the text between two titles is one
// separator at most, within white space. Matched by hand because the text
// between titles can be paragraphs long, and the expression's matcher
// clears state in proportion to its input before failing on the first
// character.
func titleGap(s string) bool {
	return slices.Contains(titleGaps, strings.Trim(s, "\t\n\f\r "))
}

// reviewVerbs are the verbs reReviewVerb is built of.
var reviewVerbs = words{"审议", "审定", "研究", "讨论", "通过", "听取", "同意"}

// findReviewVerb is reReviewVerb.FindStringIndex(frag). The leftmost match
// starts at the first review verb, or at 原则 right before it, so the
// expression runs from there rather than being tried at every offset of
// the clause.
func findReviewVerb(frag string) []int {
	v := reviewVerbs.find(frag)
	if v == nil {
		return nil
	}
	from := v[0]
	if strings.HasSuffix(frag[:from], "原则") {
		from -= len("原则")
	}
	loc := reReviewVerb.FindStringIndex(frag[from:])
	if loc == nil {
		return nil
	}
	return []int{from + loc[0], from + loc[1]}
}

// verbAfter handles 对《A》和《B》进行研究: the clause is 对 + titles, and the
// verb follows the last title of the list.
func verbAfter(s string, cs int, titles []titleSpan, idx int) (string, bool) {
	if !reDuiBefore.MatchString(s[cs:titles[idx].outer.start]) {
		return "", false
	}
	last := idx
	for last+1 < len(titles) && titleGap(s[titles[last].outer.end:titles[last+1].outer.start]) {
		last++
	}
	m := reVerbAfter.FindStringSubmatch(clip(s[titles[last].outer.end:], 80))
	if m == nil {
		return "", false
	}
	return m[1], true
}
