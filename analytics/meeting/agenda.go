package meeting

import (
	"iter"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// Item is one agenda item: a stretch of the body where the meeting takes up
// one subject.
type Item struct {
	Index      int    // 0 is the lead-in; agenda items count from 1
	Kind       string // 审议, 听取, 学习, 研究, 讨论, 强调, 指出, 要求; "lead" for the lead-in
	Text       string // Body[Start:End] (invalid UTF-8 replaced)
	Start, End int    // byte offsets into Body
}

// KindLead marks the lead-in item: the opening that dates the meeting and
// names its chair and attendees.
const KindLead = "lead"

// An item starts with a sentence in which the meeting takes up a subject:
// optional numbering, optionally the meeting as subject (会议, 区政府常务会议,
// 中心组学习会上), adverbs, then the verb. Numbering alone is not enough:
// 一是要… lists demands inside an item, 一是听取… lists agenda items. A
// subject that convenes (区委常委会近日举行会议,传达…) is the lead-in.
//
// The sentence head is parsed step by step rather than with one expression:
// the single expression, with its optional lazy subject, backtracked over
// every sentence and cost more than the rest of the package together.
var (
	reItemBullets = regexp.MustCompile(`^[\s●•▲■◆·*]*`)
	reItemAgenda  = regexp.MustCompile(`^[^。;!?\n:]{0,20}?(?:议题|内容|事项)\s*:\s*`)
	reItemNumber  = regexp.MustCompile(`^(?:[0-9]{1,2}\s*[.、)]|[一二三四五六七八九十]{1,3}\s*是|[(][一二三四五六七八九十0-9]{1,2}[)]|第[一二三四五六七八九十]{1,3}(?:项|个)?(?:议题)?[,、:])\s*`)
	reItemStartEn = regexp.MustCompile(`(?i)^\s*(?:first(?:ly)?(?: of all)?,?\s*|finally,?\s*|then,?\s*)?the\s+(?:meeting|conference)\s+(?:also\s+)?(heard|considered|reviewed|studied|discussed|adopted|approved|passed|emphasi[sz]ed|stressed|pointed out|required|conveyed|deployed|watched|listened)`)

	// itemSubjects are ordered by where 会 stands in them, last first, so
	// that subjectEnds yields the ends at one 会 in increasing order
	itemSubjects = []string{"学习会", "常委会", "会议", "会上"}
	// adverbs that may come between the subject and the verb
	itemAdverbs = []string{"还", "并", "同时", "首先", "随后", "接着", "另外", "此外", "先后", "依次", "集中", "专题", "认真", "重点", "逐项", "一并", "也", "又", "在", "分别", "共", "专门"}
	// the verbs that open an item; 原则通过 before 通过 is immaterial, both
	// map to 审议
	itemOpeners = []string{"审议", "审定", "听取", "研究", "讨论", "通过", "原则通过", "传达", "学习", "观看", "强调", "指出", "要求", "部署", "决定", "同意", "通报", "认为", "明确"}
)

// verbStarts holds the first characters of the adverbs and verbs: verbAt
// runs for every sentence and most sentences start with none of them, which
// one lookup tells more cheaply than trying forty words.
var verbStarts = func() map[rune]bool {
	m := map[rune]bool{}
	for _, w := range append(slices.Clone(itemAdverbs), itemOpeners...) {
		r, _ := utf8.DecodeRuneInString(w)
		m[r] = true
	}
	return m
}()

// verbAt returns the opening verb at the start of s after an optional comma
// and adverbs.
func verbAt(s string) (string, bool) {
	s = strings.TrimPrefix(s, ",")
	if r, _ := utf8.DecodeRuneInString(s); !verbStarts[r] {
		return "", false
	}
	for n := 0; n < 8; n++ {
		stripped := false
		for _, a := range itemAdverbs {
			if strings.HasPrefix(s, a) {
				s, stripped = s[len(a):], true
				break
			}
		}
		if !stripped {
			break
		}
	}
	for _, v := range itemOpeners {
		if strings.HasPrefix(s, v) {
			return v, true
		}
	}
	return "", false
}

// clauseBreak returns the offset of the first clause break in s, or len(s).
func clauseBreak(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', ';', ':', '!', '?', '\n':
			return i
		case 0xE3:
			if i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x82 {
				return i
			}
		}
	}
	return len(s)
}

// maxSubjectRunes bounds the meeting named as an item's subject
// (区政府党组(扩大)会议暨理论学习中心组学习会).
const maxSubjectRunes = 40

// itemKinds maps the opening verb of an item to its kind.
var itemKinds = map[string]string{
	"审议": "审议", "审定": "审议", "通过": "审议", "原则通过": "审议", "决定": "审议", "同意": "审议",
	"听取": "听取", "通报": "听取",
	"研究": "研究", "部署": "研究",
	"讨论": "讨论",
	"传达": "学习", "学习": "学习", "观看": "学习",
	"强调": "强调", "指出": "指出", "认为": "指出", "明确": "指出", "要求": "要求",
	"heard": "听取", "listened": "听取", "considered": "审议", "reviewed": "审议", "adopted": "审议",
	"approved": "审议", "passed": "审议", "studied": "学习", "conveyed": "学习", "watched": "学习",
	"discussed": "讨论", "deployed": "研究", "emphasized": "强调", "emphasised": "强调",
	"stressed": "强调", "pointed out": "指出", "required": "要求",
}

// commentary kinds comment on the item before them when they follow it in
// the same paragraph (会议审议了《…》。会议强调,…); at the start of a paragraph
// they open an item of their own, since they may speak of everything above.
var commentary = map[string]bool{"强调": true, "指出": true, "要求": true}

type itemStart struct {
	pos  int
	kind string
}

// itemStarts finds where agenda items start in a folded body.
func itemStarts(s string) []itemStart {
	var out []itemStart
	lastStart := -1
	// newlines are tracked as the sentences go by: searching back to the
	// last item start for each sentence would be quadratic
	scanned, lastNL := 0, -1
	eachSentence(s, func(sp span) bool {
		if i := strings.LastIndexAny(s[scanned:sp.start], "\n\r"); i >= 0 {
			lastNL = scanned + i
		}
		scanned = sp.start
		sent := s[sp.start:sp.end]
		verb, ok := itemVerb(sent)
		if !ok {
			return true
		}
		kind := itemKinds[strings.ToLower(verb)]
		if kind == "" {
			kind = verb
		}
		if commentary[kind] && lastStart >= 0 && lastNL < lastStart {
			return true
		}
		pos := sp.start + len(sent) - len(strings.TrimLeft(sent, " \t\u00a0"))
		out = append(out, itemStart{pos, kind})
		lastStart = pos
		return true
	})
	return out
}

// itemHead bounds how far into a sentence the opening verb of an item can
// be: numbering, a 40-character subject and adverbs.
const itemHead = 360

// itemVerb reports whether a sentence opens an agenda item, and its verb.
func itemVerb(sent string) (string, bool) {
	if len(sent) > 0 && sent[0] < utf8.RuneSelf && mayStartEn(sent) {
		if m := reItemStartEn.FindStringSubmatch(clip(sent, itemHead)); m != nil {
			return m[1], true
		}
	}
	s := clip(sent, itemHead)
	// the cut set is reItemBullets' class: \s is [\t\n\f\r ] in Go
	bullets := clip(s, 40)
	s = s[len(bullets)-len(strings.TrimLeft(bullets, "\t\n\f\r ●•▲■◆·*")):]
	if h := clip(s, 90); strings.IndexByte(h, ':') >= 0 {
		if loc := reItemAgenda.FindStringIndex(h); loc != nil {
			s = s[loc[1]:]
		}
	}
	if mayBeNumbered(s) {
		if loc := reItemNumber.FindStringIndex(clip(s, 40)); loc != nil {
			s = s[loc[1]:]
		}
	}
	s = strings.TrimLeft(s, " \t")

	// the shortest subject after which a verb follows, as a lazy match would
	// take it; then no subject at all
	head := clip(s, 4*maxSubjectRunes+12)
	for end := range subjectEnds(head[:clauseBreak(head)]) {
		if verb, ok := verbAt(s[end:]); ok {
			if convenes(s[:end]) { // 随后召开的…会议 is a subject
				return "", false
			}
			return verb, true
		}
	}
	return verbAt(s)
}

// mayStartEn reports whether sent can match reItemStartEn, whose first
// letter after white space is always f or t: the expression is then run
// only on the few sentences that can open an English item.
func mayStartEn(sent string) bool {
	s := strings.TrimLeft(sent, "\t\n\f\r ")
	return s != "" && (s[0]|0x20 == 'f' || s[0]|0x20 == 't')
}

// mayBeNumbered reports whether s starts with a character that begins one of
// reItemNumber's alternatives, so that most sentences skip the expression.
func mayBeNumbered(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r >= '0' && r <= '9' || r == '(' || strings.ContainsRune("一二三四五六七八九十第", r)
}

// subjectEnds yields, in increasing order, where a meeting named as subject
// could end in s: after 会议, 会上, 学习会 or 常委会 starting within the
// first maxSubjectRunes characters. Every subject contains 会, so one scan
// for 会 finds them all; at a 会 the ends of 学习会 and 常委会 come before
// those of 会议 and 会上, and no two subjects end at the same offset.
func subjectEnds(s string) iter.Seq[int] {
	return func(yield func(int) bool) {
		const hui = "会"
		for from := 0; ; {
			i := strings.Index(s[from:], hui)
			if i < 0 {
				return
			}
			q := from + i
			from = q + len(hui)
			for _, w := range itemSubjects {
				k := strings.Index(w, hui) // where 会 stands in the subject
				p := q - k
				if p < 0 || !strings.HasPrefix(s[p:], w) || utf8.RuneCountInString(s[:p]) > maxSubjectRunes {
					continue
				}
				if !yield(p + len(w)) {
					return
				}
			}
		}
	}
}

// AgendaItems splits a body into its agenda items, each running from its
// opening sentence to the next item. The lead-in, the text before the first
// item (date, chair, attendees), is returned as item 0 with Kind "lead"
// when it is not blank; agenda items are numbered from 1 either way, so an
// item's Index does not depend on whether the report has a lead-in.
// Start and End are byte offsets into body, trimmed of surrounding white
// space.
func AgendaItems(body string) []Item { return agendaItems(fold(body), false) }

// agendaItems splits a folded body; validBody says the body is known to be
// valid UTF-8.
func agendaItems(f folded, validBody bool) []Item {
	s, body := f.s, f.orig
	starts := itemStarts(s)
	var out []Item
	add := func(idx int, kind string, a, b int) {
		for a < b && isSpaceByte(s[a]) {
			a++
		}
		for b > a && isSpaceByte(s[b-1]) {
			b--
		}
		if a >= b {
			return
		}
		oa, ob := f.at(a), f.at(b)
		out = append(out, Item{Index: idx, Kind: kind, Text: validIn(body[oa:ob], validBody), Start: oa, End: ob})
	}
	first := len(s)
	if len(starts) > 0 {
		first = starts[0].pos
	}
	add(0, KindLead, 0, first)
	for i, st := range starts {
		end := len(s)
		if i+1 < len(starts) {
			end = starts[i+1].pos
		}
		add(i+1, st.kind, st.pos, end)
	}
	return out
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
