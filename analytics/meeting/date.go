package meeting

import (
	"regexp"
	"strings"
	"time"

	"agendascope/analytics/internal/cjk"
)

// DateResult is the date a meeting was held.
type DateResult struct {
	Value    string // YYYY-MM-DD, YYYY-MM, or "" = unknown
	Source   string // rule that decided
	Evidence string // the span it came from
}

// Sources of a date, as recorded in DateResult.Source. A composite source
// names the expression first and the clue that supplied the missing parts
// after a "+": "month_day+published" is 4月16日 with the year of the
// publication date.
const (
	srcText      = "text"       // 2022年4月14日
	srcTextMonth = "text_month" // 2022年4月
	srcMonthDay  = "month_day"  // 4月16日
	srcRelative  = "relative"   // 昨天, 今天
	srcBracket   = "relative_bracket"
	srcDay       = "day"            // 14日, the 18th
	srcDayUnsure = "day_unreliable" // 14日 after the publication day
	srcRecent    = "recent"         // 近日, 日前
	srcWeekday   = "weekday"        // 上周五
	srcSession   = "session_year"   // 2020年度区政府第15次常务会议
	srcPlan      = "plan_year"      // 《…2025年…方案》
	srcEvent     = "cited_event"    // the "12·16" fire
	srcPrevMonth = "published_prev_month"
	srcNone      = "none"     // no date expression for the meeting
	srcNoYear    = "no_year"  // the text gives month and day, nothing gives the year
	srcNoMonth   = "no_month" // the text gives only a day, nothing gives the month
	srcInvalid   = "invalid"  // the stated date does not exist
)

// convene words: a date directly before one of these is the meeting's.
// They are searched as literals: no word's last character begins another,
// so every occurrence is one the alternation 召开|主持|… would match, and a
// regular expression per sentence cost more than the rest of the date rules.
var (
	conveneWords = []string{"召开", "主持", "举行", "召集", "举办"}
	reConveneEn  = regexp.MustCompile(`(?i)\b(?:presided|held|convened|chaired|hosted)\b`)

	// a metadata label in front of a date: the page's date, not the meeting's
	reMetaLabel = regexp.MustCompile(`(?:发布|发文|成文|生成|更新|公开|印发|录入|发稿|签发|来源|浏览|访问)(?:日期|时间)?\s*:?\s*$`)
	metaLabels  = words{"发布", "发文", "成文", "生成", "更新", "公开", "印发", "录入", "发稿", "签发", "来源", "浏览", "访问"}
	// minutes (会议纪要) state the time as a field
	reMinutesTime = regexp.MustCompile(`^\s*(?:会议)?(?:时间|日期)\s*:`)
	// a date followed by these is a deadline or the start of a period
	reNotMeetingAfter = regexp.MustCompile(`^\s*(?:前|之前|以前|起|开始|以来|期间)`)
	// 截至4月16日 is the end of a period
	reNotMeetingBefore = regexp.MustCompile(`(?:截至|截止|截止到|直至)\s*$`)
	// minutesFields are the words of reMinutesTime
	minutesFields = words{"时间", "日期"}
)

// meetingDateRegion bounds where the meeting's own date is looked for:
// reports state it in the opening, and later dates are deadlines, plan
// years or other events.
const meetingDateRegion = 1500

// maxLeadRegion bounds the region even when the lead-in runs on: a body
// without agenda items is all lead-in, and a date deep in it belongs to
// something else.
const maxLeadRegion = 4000

// maxDateSentence bounds the part of a sentence searched for the date.
const maxDateSentence = 1200

// ResolveDate returns the date of the meeting (not of publication).
//
// The meeting's date is the first date expression in the opening that sits
// right before a convene word (召开/主持/举行) in the same sentence; failing
// that, a date in the title. Missing parts come from the publication date
// (metadata, then a full URL date, then the generation date, then a partial
// URL date), then from the year of the session name, then from the year of
// the plans the meeting reviewed, and a month from an event the report cites.
// When these do not settle it the value is "" or, when only the day is in
// doubt, YYYY-MM. 上周五 and 本周一 count back from a full publication date
// (weeks start on Monday); 元月 is January. Dates in the lunar calendar
// (农历腊月二十三, 农历十二月二十三日) are not converted and never read as
// Gregorian ones: without a Gregorian date beside them the value is "".
func ResolveDate(in Input) DateResult { return newReport(in).date() }

func (r *report) date() DateResult {
	in, body, title, en := r.in, r.body, r.title, r.en
	e, ev, ok := findMeetingDate(body.s, en)
	var c clues
	c.text = body.s
	c.title = title.s
	if !ok {
		var exprs []dateExpr
		if en {
			exprs = dateExprsEn(title.s)
		} else {
			exprs = dateExprs(title.s)
		}
		if len(exprs) == 0 {
			return DateResult{Source: srcNone}
		}
		e, ev = exprs[0], title.s
	}
	res := resolve(e, in, &c)
	parts := append([]string{clip(strings.TrimSpace(ev), 300)}, c.used...)
	res.Evidence = valid(strings.Join(parts, " | "))
	return res
}

// findMeetingDate finds the expression that dates the meeting in a body and
// returns it with its sentence.
func findMeetingDate(s string, en bool) (dateExpr, string, bool) {
	window := 240 // bytes between the date and the convene word: 80 Han characters
	if en {
		window = 400
	}
	var (
		found    dateExpr
		foundIn  string
		ok       bool
		seenItem bool
	)
	// the region is the first meetingDateRegion bytes, or the whole lead-in
	// when that is longer, up to maxLeadRegion
	eachSentence(s, func(sp span) bool {
		// the date sits in the opening of its sentence; clipping keeps a
		// page without sentence marks from costing quadratic time
		sent := clip(s[sp.start:sp.end], maxDateSentence)
		_, item := itemVerb(sent)
		seenItem = seenItem || item
		if sp.start >= meetingDateRegion && seenItem || sp.start >= maxLeadRegion {
			return false
		}
		if item && !en {
			return true // 会议强调… and the like speak of other dates
		}
		var exprs []dateExpr
		if en {
			exprs = dateExprsEn(sent)
		} else {
			exprs = dateExprs(sent)
		}
		// The expressions anchored at the end are tried from every offset;
		// each runs only when the text holds a word it needs.
		head := clip(sent, 40)
		minutes := minutesFields.in(head) && reMinutesTime.MatchString(head)
		for _, e := range exprs {
			before := tail(sent[:e.start], 60)
			if insideQuote(sent[:e.start]) || metaLabels.in(before) && reMetaLabel.MatchString(before) ||
				(strings.Contains(before, "截") || strings.Contains(before, "直至")) && reNotMeetingBefore.MatchString(before) ||
				reNotMeetingAfter.MatchString(clip(sent[e.end:], 30)) {
				continue
			}
			if minutes || convenesAfter(clip(sent[e.end:], window), en) {
				found, foundIn, ok = e, sent, true
				return false
			}
		}
		return true
	})
	return found, foundIn, ok
}

// convenesAfter reports whether a convene word follows in s, other than one
// introducing another meeting (市委10月20日召开的…会议).
func convenesAfter(s string, en bool) bool {
	if !en {
		return convenes(s)
	}
	for _, loc := range reConveneEn.FindAllStringIndex(s, -1) {
		if !strings.HasPrefix(s[loc[1]:], "的") {
			return true
		}
	}
	return false
}

// convenes reports whether s holds a Chinese convene word not followed by
// 的.
func convenes(s string) bool {
	for _, w := range conveneWords {
		for from := 0; ; {
			i := cjk.Index(s[from:], w)
			if i < 0 {
				break
			}
			from += i + len(w)
			if !strings.HasPrefix(s[from:], "的") {
				return true
			}
		}
	}
	return false
}

// insideQuote reports whether the end of s is inside an open 《 or “, where
// a date belongs to a title or a quotation.
func insideQuote(s string) bool {
	return strings.Count(s, "《") > strings.Count(s, "》") ||
		strings.Count(s, "“") > strings.Count(s, "”")
}

// clues are the facts besides the date expression that can complete it,
// computed only when a rule asks for them.
type clues struct {
	text, title string

	sessionDone bool
	sessionYear int
	sessionEv   string

	planDone bool
	planYear int
	planEv   string

	used []string // evidence of the clues a rule used, for DateResult.Evidence
}

func (c *clues) use(ev string) { c.used = append(c.used, ev) }

func (r reference) String() string { return r.src + " " + r.evidence }

// The year of a numbered session is read around each 第N次, which is cheap
// to find, rather than by one expression over the whole text.
var (
	reSessionYearLeft  = regexp.MustCompile(`((?:19|20)\d{2})\s*年度?\s*[^,。;:、\s]{0,12}?$`)
	reSessionYearRight = regexp.MustCompile(`^[^,。;:、\s]{0,12}?(?:常务会议|常委会|党组会|全体会议|会议|办公会)`)
)

// session returns the year of a numbered session (2020年度区政府第15次常务会议),
// which numbers meetings within that calendar year.
func (c *clues) session() (int, string) {
	if !c.sessionDone {
		c.sessionDone = true
	texts:
		for _, s := range []string{c.text, c.title} {
			for _, a := range sessionAnchors(s) {
				r := reSessionYearRight.FindStringIndex(clip(s[a[1]:], 60))
				if r == nil {
					continue
				}
				left := tail(s[:a[0]], 60)
				m := reSessionYearLeft.FindStringSubmatchIndex(left)
				if m == nil {
					continue
				}
				if y := number(left[m[2]:m[3]]); plausibleYear(y) {
					start := a[0] - (len(left) - m[0])
					c.sessionYear, c.sessionEv = y, s[start:a[1]+r[1]]
					break texts
				}
			}
		}
	}
	return c.sessionYear, c.sessionEv
}

// plan returns the year the forward-looking documents named in the text are
// for (《2025年森林防灭火工作要点》): a meeting reviews the plans for the
// current year. Ranges (2022-2024年) and target years (2035年远景目标) say
// nothing about when the meeting sat and are skipped, as are reports and
// reviews, which look back at the year before.
func (c *clues) plan() (int, string) {
	if c.planDone {
		return c.planYear, c.planEv
	}
	c.planDone = true
	count := map[int]int{}
	evidence := map[int]string{}
	for _, t := range findTitles(c.text) {
		name := c.text[t.inner.start:t.inner.end]
		if !isForwardLooking(name) {
			continue
		}
		best := 0
		for _, m := range reYearInTitle.FindAllStringSubmatchIndex(name, -1) {
			p := prevRune(name, m[0])
			if isDigit(p) || strings.ContainsRune("-—~至到", p) || strings.HasPrefix(name[m[1]:], "远景") {
				continue
			}
			if y := number(name[m[2]:m[3]]); plausibleYear(y) && y > best {
				best = y
			}
		}
		if best > 0 {
			count[best]++
			if evidence[best] == "" {
				evidence[best] = "《" + name + "》"
			}
		}
	}
	for y, n := range count {
		if n > count[c.planYear] || n == count[c.planYear] && y > c.planYear {
			c.planYear = y
		}
	}
	c.planEv = evidence[c.planYear]
	return c.planYear, c.planEv
}

var (
	reYearInTitle = regexp.MustCompile(`((?:19|20)\d{2})\s*年`)
	// trailing qualifiers that do not change what a document is
	reTitleQualifier = regexp.MustCompile(`(?:\([^()]*\)|\s)+$`)
	forwardSuffixes  = []string{"方案", "计划", "要点", "意见", "安排", "清单", "预算", "规划", "措施", "办法", "细则", "任务", "目标", "通知", "纲要", "行动", "项目"}
	backwardWords    = []string{"报告", "总结", "情况", "评估", "汇报", "决算", "审计"}
)

func isForwardLooking(name string) bool {
	for _, w := range backwardWords {
		if strings.Contains(name, w) {
			return false
		}
	}
	name = reTitleQualifier.ReplaceAllString(name, "")
	for _, s := range forwardSuffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// reEvent matches an event named by its date, "12·16" (the 16 December
// fire); a date with a full stop only counts inside quotes, where it cannot
// be a decimal.
var reEvent = regexp.MustCompile(`(\d{1,2})\s*[·•・‧∙･]\s*(\d{1,2})|“(\d{1,2})\.(\d{1,2})”`)

// latestEvent returns the month and day of the latest dated event the text
// cites, for placing a day-only date in its month.
func latestEvent(s string) (m, d int, ev string) {
	if !strings.ContainsAny(s, "·•・‧∙･“") {
		return 0, 0, ""
	}
	for _, loc := range reEvent.FindAllStringSubmatchIndex(s, -1) {
		if isDigit(prevRune(s, loc[0])) || isDigit(nextRune(s, loc[1])) {
			continue
		}
		g := 2
		if loc[2] < 0 {
			g = 6
		}
		em, ed := number(s[loc[g]:loc[g+1]]), number(s[loc[g+2]:loc[g+3]])
		if em < 1 || em > 12 || ed < 1 || ed > 31 {
			continue
		}
		if em > m || em == m && ed > d {
			m, d, ev = em, ed, s[loc[0]:loc[1]]
		}
	}
	return m, d, ev
}

// maxLagDays bounds how long before publication a month and day stated
// without a year may lie: past it the publication date says nothing about
// the year.
const maxLagDays = 183

// resolve turns a date expression into a date using the clues.
func resolve(e dateExpr, in Input, c *clues) DateResult {
	ref, hasRef := publication(in)
	r := resolveWith(e, ref, hasRef, c)
	if hasRef && strings.Contains(r.Source, ref.src) {
		c.use(ref.String())
	}
	return r
}

func resolveWith(e dateExpr, ref reference, hasRef bool, c *clues) DateResult {
	switch e.kind {
	case exprFull:
		if !validDate(e.y, e.m, e.d) {
			return DateResult{Source: srcInvalid}
		}
		return DateResult{Value: ymd{e.y, e.m, e.d}.String(), Source: srcText}
	case exprYearMonth:
		return DateResult{Value: ymd{e.y, e.m, 0}.String(), Source: srcTextMonth}
	case exprMonthDay:
		return monthDay(srcMonthDay, e.m, e.d, ref, hasRef, c)
	case exprRelative:
		if e.m > 0 {
			return monthDay(srcBracket, e.m, e.d, ref, hasRef, c)
		}
		if hasRef && ref.date.full() {
			cand := ref.date.addDays(-e.back)
			if e.d == 0 || cand.d == e.d {
				return DateResult{Value: cand.String(), Source: srcRelative + "+" + ref.src}
			}
			return day(srcBracket, e.d, ref, hasRef, c) // the bracket outranks the arithmetic
		}
		if e.d > 0 {
			return day(srcBracket, e.d, ref, hasRef, c)
		}
		if hasRef && ref.date.m > 0 {
			// published some day of this month: the day before is in it too,
			// except on the 1st, which the page date does not let us see
			return DateResult{Value: ymd{ref.date.y, ref.date.m, 0}.String(), Source: srcRelative + "+" + ref.src + "_month"}
		}
		return DateResult{Source: srcNoMonth}
	case exprDay:
		if e.lastMonth {
			if !hasRef || ref.date.m == 0 {
				return DateResult{Source: srcNoMonth}
			}
			y, m := ref.date.y, ref.date.m-1
			if m == 0 {
				y, m = y-1, 12
			}
			return dated(y, m, e.d, srcDay+"+"+srcPrevMonth)
		}
		return day(srcDay, e.d, ref, hasRef, c)
	case exprWeekday:
		if !hasRef || !ref.date.full() {
			return DateResult{Source: srcNoMonth}
		}
		// weeks start on Monday: 上周五 published on Monday the 20th is the 17th
		wd := int(time.Date(ref.date.y, time.Month(ref.date.m), ref.date.d, 0, 0, 0, 0, time.UTC).Weekday())
		if wd == 0 {
			wd = 7
		}
		back := wd - e.weekday + 7*e.weeksBack
		if back < 0 {
			return DateResult{Source: srcNone} // 本周五 in a page of Wednesday: not yet held
		}
		return DateResult{Value: ref.date.addDays(-back).String(), Source: srcWeekday + "+" + ref.src}
	case exprRecent:
		if hasRef && ref.date.m > 0 {
			return DateResult{Value: ymd{ref.date.y, ref.date.m, 0}.String(), Source: srcRecent + "+" + ref.src}
		}
		return DateResult{Source: srcNoMonth}
	}
	return DateResult{Source: srcNone}
}

// monthDay completes a month and day with a year.
func monthDay(kind string, m, d int, ref reference, hasRef bool, c *clues) DateResult {
	if hasRef && ref.date.y > 0 {
		y := ref.date.y
		if ref.date.m > 0 {
			pm, pd := ref.date.m, ref.date.d
			if pd == 0 {
				pd = 31
			}
			if m > pm || m == pm && d > pd {
				// a December meeting published in January
				y--
				if validDate(y, m, d) && ref.date.full() && (ymd{y, m, d}).addDays(maxLagDays).less(ref.date) {
					return DateResult{Source: srcNoYear}
				}
			}
		}
		return dated(y, m, d, kind+"+"+ref.src)
	}
	if y, ev := c.session(); y > 0 {
		c.use(ev)
		return dated(y, m, d, kind+"+"+srcSession)
	}
	// plans for year Y are also reviewed in the last months of Y-1
	if y, ev := c.plan(); y > 0 && m <= 9 {
		c.use(ev)
		return dated(y, m, d, kind+"+"+srcPlan)
	}
	return DateResult{Source: srcNoYear}
}

func (v ymd) less(w ymd) bool {
	if v.y != w.y {
		return v.y < w.y
	}
	if v.m != w.m {
		return v.m < w.m
	}
	return v.d < w.d
}

func dated(y, m, d int, src string) DateResult {
	if !validDate(y, m, d) {
		return DateResult{Source: srcInvalid}
	}
	return DateResult{Value: ymd{y, m, d}.String(), Source: src}
}

// sameMonthLag is how many days after a meeting a report still says only
// "14日": past it, a day greater than the publication day is more likely a
// garbled digit than a date in the month before.
const sameMonthLag = 7

// day completes a day of the month with month and year.
func day(kind string, d int, ref reference, hasRef bool, c *clues) DateResult {
	if hasRef && ref.date.m > 0 {
		y, m := ref.date.y, ref.date.m
		switch {
		case ref.date.d == 0:
			return dated(y, m, d, kind+"+"+ref.src+"_month")
		case d <= ref.date.d:
			return dated(y, m, d, kind+"+"+ref.src)
		}
		py, pm := y, m-1
		if pm == 0 {
			py, pm = y-1, 12
		}
		if d <= daysIn(py, pm) && ref.date.d+daysIn(py, pm)-d <= sameMonthLag {
			return dated(py, pm, d, kind+"+"+srcPrevMonth)
		}
		return DateResult{Value: ymd{y, m, 0}.String(), Source: srcDayUnsure + "+" + ref.src}
	}
	em, ed, eev := latestEvent(c.text)
	if em == 0 || d <= ed {
		return DateResult{Source: srcNoMonth}
	}
	y, ysrc, yev := 0, "", ""
	switch {
	case hasRef && ref.date.y > 0:
		y, ysrc = ref.date.y, ref.src
	default:
		if sy, sev := c.session(); sy > 0 {
			y, ysrc, yev = sy, srcSession, sev
		} else if py, pev := c.plan(); py > 0 && em <= 9 {
			y, ysrc, yev = py, srcPlan, pev
		}
	}
	if y == 0 {
		return DateResult{Source: srcNoYear}
	}
	if yev != "" {
		c.use(yev)
	}
	c.use(eev)
	return dated(y, em, d, kind+"+"+ysrc+"+"+srcEvent)
}
