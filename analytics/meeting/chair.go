package meeting

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"agendascope/analytics/internal/cjk"
)

// ChairResult is the person who chaired the meeting.
type ChairResult struct {
	Name     string // 2–4 Han characters, "" when unknown or masked
	Title    string // the offices written before the name, e.g. 区委副书记、区长
	Evidence string // the sentence it came from
}

var (
	// offices a chair's name follows; the last one in a chain (区委副书记、区长)
	// stands right before the name
	offices = words{"区长", "县长", "旗长", "市长", "州长", "盟长", "镇长", "乡长", "省长", "主任", "书记", "主席", "局长", "组长", "部长", "委员", "常委"}
	// what may stand between the name and 主持: 同志, a date or time, a place
	reChairFiller = regexp.MustCompile(`^(?:同志)?\s*(?:(?:于|在)?\s*(?:今天|今日|昨天|昨日|前天|当天|(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\d{1,2}\s*[日号])?\s*(?:上午|下午|晚上|晚|早上|中午)?)?\s*(?:同志)?\s*(?:(?:在|于)[^,。;!?]{0,30})?(?:亲自|专门|再次|出席并|召集并|参加并|共同)?$`)
	// leaders whose speeches are quoted, never chairs of a district meeting
	nationalLeaders = words{"总书记", "总理", "委员长", "国家主席"}
	reMasked        = regexp.MustCompile(`^[*×Xx某□○]{2,}|^\p{Han}[*×Xx某□○]{1,3}(?:[^*×Xx某□○]|$)`)
	// delimiters of the stretch before 主持 that holds office and name
	chairBreaks = ",;:。!?\n、 ▲•●■◆()“”\"'《》"
)

// Chair returns who chaired (主持) the meeting: the first person the body
// says chaired it with an office before the name (区委副书记、区长万利主持会议;
// 县长张龙11月4日主持召开; 区长魏海晓同志在二楼会议室主持召开), else the title's
// or body's bare "白玲主持召开", else the chair field of minutes (主持人:方力).
// A 主持 that belongs to another meeting is skipped: one introduced by 的
// (杜小刚主持召开的市委常委会), one the meeting relays (传达了市长李四主持召开
// 市政府常务会议精神), one held under someone's auspices (在联合国主持下), and
// the idiom 主持正义; so are quoted national leaders. A name must be one a
// person can have (see plausibleName); without an office before it, it must
// start with a family name and its 主持 must be a meeting's (主持召开,
// 主持会议, 主持。). A masked name (******, 张**, 张某) gives "", as does
// English text, which names people in pinyin.
func Chair(in Input) ChairResult { return newReport(in).chair() }

func (r *report) chair() ChairResult {
	body, title := r.body, r.title
	for _, pass := range []struct {
		f    folded
		bare bool
	}{{body, false}, {title, false}, {title, true}, {body, true}} {
		if res, ok := chairIn(pass.f, pass.bare); ok {
			return res
		}
	}
	return ChairResult{}
}

// chairIn looks for the chair in one text; with bare it accepts a name
// without an office. ok with an empty Name means a masked chair: the search
// stops there rather than take someone else.
func chairIn(f folded, bare bool) (ChairResult, bool) {
	s := f.s
	for from, n := 0, 0; n < maxMentions; n++ {
		i := cjk.Index(s[from:], "主持")
		if i < 0 {
			return ChairResult{}, false
		}
		i += from
		from = i + len("主持")
		after := s[from:]
		if anotherMeeting(s, i, after) {
			continue
		}
		ev := func() string {
			a, b := sentenceAround(s, i, from)
			return valid(clip(strings.TrimSpace(f.source(a, b)), 300))
		}
		if strings.HasPrefix(after, "人") || strings.HasPrefix(after, ":") {
			if bare || !reFieldColon.MatchString(clip(after, 16)) {
				continue // 主持人 of a show, not the chair field of minutes
			}
			if r, ok := chairField(after); ok {
				r.Evidence = ev()
				return r, true
			}
			continue
		}
		segStart := lastBreak(s, i)
		seg := s[segStart:i]
		if nationalLeaders.in(seg) {
			continue
		}
		if bare {
			// without an office the 主持 itself must be a meeting's:
			// 白玲主持召开…, ▲李顺主持。, 会议由吴海芬主持并讲话
			if !reBareAfter.MatchString(after) {
				continue
			}
			if name, ok := bareName(seg); ok {
				return ChairResult{Name: name, Evidence: ev()}, true
			}
			continue
		}
		name, office, masked, ok := officeAndName(seg)
		if masked {
			return ChairResult{Title: officeChain(s, segStart, office), Evidence: ev()}, true
		}
		if ok {
			return ChairResult{Name: name, Title: officeChain(s, segStart, office), Evidence: ev()}, true
		}
	}
	return ChairResult{}, false
}

// relayed ends the clause of a 主持 that introduces a meeting the report
// only relays: 传达了市长李四主持召开市政府常务会议精神 (and so does 要求 at
// the end of the clause).
var relayed = words{"精神", "讲话", "会议上"}

// relayVerbs before 主持 in the same clause make the 主持 someone else's:
// 传达学习了5月15日市长李四主持召开…
var relayVerbs = words{"传达", "学习了", "学习贯彻", "贯彻落实", "听取了"}

// anotherMeeting reports whether the 主持 at i of s, with after the text
// following it, belongs to a meeting other than the one reported: one
// introduced by 的 (杜小刚主持召开的市委常委会), one held under someone's
// auspices (在联合国主持下), or one whose spirit the meeting relays
// (传达了…主持召开…会议精神).
func anotherMeeting(s string, i int, after string) bool {
	for _, p := range []string{"的", "召开的", "下的", "过的", "正义", "公道"} {
		if strings.HasPrefix(after, p) {
			return true
		}
	}
	if strings.HasPrefix(after, "下") && !strings.HasPrefix(after, "下午") {
		return true
	}
	clause := after
	if end := strings.IndexAny(clip(after, 240), ",;。!?\n"); end >= 0 {
		clause = after[:end]
	} else {
		clause = clip(after, 240)
	}
	if !relayed.in(clause) && !strings.HasSuffix(clause, "要求") {
		return false
	}
	start := i - len(tail(s[:i], 240))
	if k := strings.LastIndexAny(s[start:i], ",;。!?\n"); k >= 0 {
		start += k + 1
	}
	return relayVerbs.in(s[start:i])
}

// maxSegment bounds the stretch before 主持 that holds office and name.
const maxSegment = 150

// lastBreak returns where the stretch of text ending at offset end of s
// begins: after the last delimiter, at most maxSegment bytes back.
func lastBreak(s string, end int) int {
	t := tail(s[:end], maxSegment)
	base := end - len(t)
	i := strings.LastIndexAny(t, chairBreaks)
	if i < 0 {
		return base
	}
	_, size := utf8.DecodeRuneInString(t[i:])
	return base + i + size
}

// officeAndName splits "区政府区长龚建阳同志在…" into office and name, trying
// the last office first and the shortest name whose remainder is filler.
func officeAndName(seg string) (name, office string, masked, ok bool) {
	locs := offices.findAll(seg)
	for k := len(locs) - 1; k >= 0; k-- {
		rest := seg[locs[k][1]:]
		if reMasked.MatchString(rest) {
			return "", seg[:locs[k][1]], true, false
		}
		if n, ok := nameThenFiller(rest); ok {
			return n, seg[:locs[k][1]], false, true
		}
	}
	return nameBeforeOffice(seg)
}

// reOfficePrefix are the parts of an office that may stand between a name
// and the office word: 方力代区长, 张三常务副区长.
var reOfficePrefix = regexp.MustCompile(`(?:常务副|副|代|执行)$`)

// nameBeforeOffice reads the order some regions write, name then office:
// "方力区长主持会议". The name is the run of Han characters before the office
// that holds no organisation character and stands alone or after another
// office, so 市委常委方力区长 gives 方力 and 区委书记 or 会议由区长 nothing.
func nameBeforeOffice(seg string) (name, office string, masked, ok bool) {
	locs := offices.findAll(seg)
	if len(locs) == 0 {
		return "", "", false, false
	}
	last := locs[len(locs)-1]
	if !reChairFiller.MatchString(seg[last[1]:]) {
		return "", "", false, false
	}
	before := seg[:last[0]]
	if loc := reOfficePrefix.FindStringIndex(before); loc != nil {
		before = before[:loc[0]]
	}
	// the name must stand alone or after another office: in 会议由区长 the
	// characters before 区长 are not a name
	start := len(before)
	for k := 1; k <= 3 && start > 0; k++ {
		r, size := utf8.DecodeLastRuneInString(before[:start])
		if !isHan(r) || strings.ContainsRune(notNameRunes, r) {
			break
		}
		start -= size
		if k < 2 || stopName(before[start:]) || !plausibleName(before[start:], false) {
			continue
		}
		rest := before[:start]
		if loc := offices.findAll(rest); rest == "" || loc != nil && loc[len(loc)-1][1] == len(rest) {
			return before[start:], seg[len(before):last[1]], false, true
		}
	}
	return "", "", false, false
}

// nameThenFiller reads a 2–4 character name at the start of s followed only
// by filler, preferring the shortest: a longer reading would swallow the
// filler's first character.
func nameThenFiller(s string) (string, bool) {
	if n, ok := joinedName(s); ok {
		return n, true
	}
	end := 0
	for k := 1; k <= 4; k++ {
		r, size := utf8.DecodeRuneInString(s[end:])
		if size == 0 || !isHan(r) {
			return "", false
		}
		end += size
		if k < 2 {
			continue
		}
		name := s[:end]
		if reChairFiller.MatchString(s[end:]) && !stopName(name) && plausibleName(name, false) {
			return name, true
		}
	}
	return "", false
}

// joinedName reads a transcribed minority name whose parts are joined by ·
// (买买提·吐尔逊) at the start of s, followed only by filler.
func joinedName(s string) (string, bool) {
	end, parts := 0, 0
	for parts < 4 {
		run := 0
		for {
			r, size := utf8.DecodeRuneInString(s[end:])
			if size == 0 || !isHan(r) {
				break
			}
			end += size
			run++
		}
		if run == 0 {
			return "", false
		}
		parts++
		r, size := utf8.DecodeRuneInString(s[end:])
		if !strings.ContainsRune(nameSeparators, r) {
			break
		}
		end += size
	}
	if parts < 2 {
		return "", false
	}
	// the filler may begin with Han characters the run swallowed (同志,
	// 在…): try the shortest last part first
	name := s[:end]
	last := strings.LastIndexAny(name, nameSeparators)
	_, sepSize := utf8.DecodeRuneInString(name[last:])
	for cut := last + sepSize; cut < len(name); {
		_, size := utf8.DecodeRuneInString(name[cut:])
		cut += size
		if reChairFiller.MatchString(s[cut:]) && plausibleName(s[:cut], false) {
			return s[:cut], true
		}
	}
	return "", false
}

var stopNames = []string{"同志", "领导", "主要", "负责", "分别", "共同", "亲自", "会议", "同时", "并"}

func stopName(n string) bool {
	for _, w := range stopNames {
		if strings.HasPrefix(n, w) {
			return true
		}
	}
	return false
}

var reFieldColon = regexp.MustCompile(`^人?\s*:`)

var reBareAfter = regexp.MustCompile(`^(?:\s*$|[,;。!?\n]|召开|召集|举行|会议|并|了|本次|此次)`)

var reBareLead = regexp.MustCompile(`^(?:[^,。;:!?\n]{0,12}由|会议由|由)`)

// trimBareLead removes reBareLead's match, which always holds 由: most
// offices have none and skip the expression.
func trimBareLead(s string) string {
	if !strings.Contains(s, "由") {
		return s
	}
	return reBareLead.ReplaceAllString(s, "")
}

// bareName reads a name standing alone before 主持 (白玲主持召开…, ▲李顺主持).
func bareName(seg string) (string, bool) {
	seg = strings.TrimSpace(trimBareLead(strings.TrimSpace(seg)))
	n, ok := nameThenFiller(seg)
	if !ok || !plausibleName(n, true) {
		return "", false
	}
	return n, true
}

// chairField reads the chair field of minutes: "主持人:方力" or "主持:区长方力".
func chairField(after string) (ChairResult, bool) {
	after = strings.TrimPrefix(clip(after, 120), "人")
	after = strings.TrimLeft(after, ": ")
	end := strings.IndexAny(after, ",;。!?\n、")
	if end < 0 {
		end = len(after)
	}
	field := strings.TrimSpace(after[:end])
	if name, office, _, ok := officeAndName(field); ok {
		return ChairResult{Name: name, Title: office}, true
	}
	// 方力 区长, 方力(区长)
	n := 0
	for _, r := range field {
		if !isHan(r) {
			break
		}
		n += utf8.RuneLen(r)
	}
	name := field[:n]
	if loc := offices.find(name); loc != nil && loc[1] == len(name) {
		name = name[:loc[0]]
	}
	if plausibleName(name, false) {
		return ChairResult{Name: name}, true
	}
	return ChairResult{}, false
}

// officeChain extends the office before the name back over earlier offices
// joined by 、 (区委副书记、区长), for the Title field.
func officeChain(s string, segStart int, office string) string {
	parts := []string{trimBareLead(office)}
	for p := segStart; p >= len("、") && s[p-len("、"):p] == "、"; {
		q := p - len("、")
		start := lastBreak(s, q)
		prev := s[start:q]
		if loc := offices.findAll(prev); loc == nil || loc[len(loc)-1][1] != len(prev) {
			break
		}
		parts = append([]string{trimBareLead(prev)}, parts...)
		p = start
	}
	return valid(strings.TrimSpace(strings.Join(parts, "、")))
}
