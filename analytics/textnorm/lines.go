package textnorm

import (
	"strings"
	"unicode/utf8"
)

// lineKind is the role of one line of the page.
type lineKind uint8

const (
	kindBlank     lineKind = iota
	kindFurniture          // navigation, footer, widget… by wording
	kindMeta               // furniture that carries metadata (labels, date lines)
	kindProse              // a sentence or paragraph: the body is made of these
	kindShort              // anything else: headlines, subheads (会议指出), bylines
)

type pageLine struct {
	text     string
	kind     lineKind
	runes    int
	value    bool // the value cell of the label on the line above
	dateline bool // a publication date row (发布时间:…, or a date alone)
}

// layout is the result of reading a page's lines.
type layout struct {
	title     string
	body      string
	furniture []string
}

// The body is the span from the first to the last prose line, cut short by
// a heading of related articles (相关新闻, 推荐阅读) below the first; inside it
// only furniture recognised by wording is dropped, so short subheads stay,
// while everything outside it is furniture. Republished pages put other
// articles' titles (上一条:…推动江阴经济…) next to the body; they are short
// lines after the last paragraph or recognised pager lines, never in Body.

// classify gives a line its kind from its wording alone.
func classify(line string) (lineKind, int) {
	if line == "" {
		return kindBlank, 0
	}
	runes := runeCount(line)
	stripped := trimBullets(line)
	if isPager(stripped) {
		return kindFurniture, runes
	}
	prose := strings.Contains(line, "。") && runes >= 6
	if prose && runes > 150 {
		return kindProse, runes // no furniture line is that long
	}
	comp := compact(line)
	if isBreadcrumb(stripped, comp, runes) || isCaption(stripped, runes) {
		return kindFurniture, runes
	}
	if isMetaLine(stripped, prose, runes) {
		return kindMeta, runes
	}
	if prose {
		return kindProse, runes
	}
	if runes <= 120 && (isFooter(comp) || isWidget(comp, runes) || isNav(line, comp) ||
		isPhoneLine(comp, runes) || isSymbolLine(comp, runes) || isTabEntry(line, comp, runes)) {
		return kindFurniture, runes
	}
	if runes >= 50 && hasHan(line) {
		return kindProse, runes
	}
	if runes >= 60 && strings.Count(line, " ") >= 8 && !hasHan(line) {
		return kindProse, runes // English
	}
	return kindShort, runes
}

// runeCount counts the runes of valid UTF-8 by their lead bytes, several
// times faster than utf8.RuneCountInString on Chinese text.
func runeCount(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

// isMetaLine recognises labelled metadata rows and date lines.
func isMetaLine(stripped string, prose bool, runes int) bool {
	if prose && runes > 100 {
		return false
	}
	if _, ok := leadingDate(stripped); ok {
		return true
	}
	hits := findLabels(stripped)
	if len(hits) == 0 {
		return false
	}
	if hits[0].start == 0 {
		return true
	}
	return !prose && runes <= 100 && (len(hits) >= 2 || hits[0].colon)
}

// readMetaLine stores the labelled values of a metadata row and reports
// whether the row carries a publication date label.
func readMetaLine(mb *metaBuilder, line string) bool {
	stripped := trimBullets(line)
	hits := findLabels(stripped)
	vals := labelValues(stripped, hits)
	dated := false
	for k, h := range hits {
		mb.set(h.label, vals[k], line)
		dated = dated || h.label.field == fieldPublished
	}
	return dated
}

// labelOnly returns the label when the line is a bare label, as in
// disclosure tables rendered one cell per line (索引号 / 620724001/2020-00144).
func labelOnly(line string) (*metaLabel, bool) {
	hits := findLabels(line)
	if len(hits) != 1 || hits[0].start != 0 || strings.TrimSpace(line[hits[0].end:]) != "" {
		return nil, false
	}
	return hits[0].label, true
}

// splitPage classifies the lines of text, fills mb and returns the title,
// the body and the furniture. htmlTitle, if not empty, is the headline the
// HTML markup gave.
func splitPage(text string, mb *metaBuilder, htmlTitle string) layout {
	raw := strings.Split(text, "\n")
	lines := make([]pageLine, len(raw))
	for i, l := range raw {
		k, n := classify(l)
		lines[i] = pageLine{text: l, kind: k, runes: n}
	}

	// Metadata rows, including label-per-line tables whose value is the
	// next line.
	for i := 0; i < len(lines); i++ {
		l := &lines[i]
		if l.kind != kindMeta {
			continue
		}
		if lab, ok := labelOnly(trimBullets(l.text)); ok {
			if j := nextNonBlank(lines, i+1); j >= 0 && lines[j].runes <= 60 && lines[j].kind != kindProse {
				if _, isLabel := labelOnly(lines[j].text); !isLabel && len(findLabels(lines[j].text)) == 0 {
					mb.set(lab, strings.TrimSpace(lines[j].text), l.text+" "+lines[j].text)
					lines[j].kind, lines[j].value = kindMeta, true
					i = j
				}
			}
			continue
		}
		l.dateline = readMetaLine(mb, l.text)
		if _, ok := leadingDate(trimBullets(l.text)); ok {
			l.dateline = true
		}
	}

	first, last := -1, -1
	for i, l := range lines {
		if l.kind == kindProse {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first >= 0 {
		first = extendSplit(lines, skipPreamble(lines, first, last))
		last = cutRelated(lines, first, last)
	}
	// Headlines and dates are looked for above the body; dates below it
	// belong to related articles.
	above := first
	if first < 0 {
		// No prose at all (a teaser, a list): keep every non-furniture line.
		first, last, above = 0, len(lines)-1, len(lines)
	}
	last = extendTruncated(lines, last)

	// A date alone on a line above the body is the publication date.
	for i := 0; i < above; i++ {
		if (lines[i].kind == kindMeta || lines[i].kind == kindShort) && !lines[i].value {
			if d, ok := leadingDate(trimBullets(lines[i].text)); ok {
				mb.setPublished(d, lines[i].text, rankBareDate)
				lines[i].kind = kindMeta
			}
		}
	}

	titleIdx := -1
	title := htmlTitle
	if title != "" {
		titleIdx = findLine(lines, above, title)
		if titleIdx >= 0 {
			// A CMS may cut a long <title> with "…"; the page line is whole.
			if t := cleanTitle(lines[titleIdx].text); len(t) > len(title) {
				title = t
			}
		}
	} else {
		titleIdx = pickTitle(lines, above)
		if titleIdx >= 0 {
			title = cleanTitle(lines[titleIdx].text)
		}
	}
	var body strings.Builder
	body.Grow(len(text))
	var furniture []string
	for i, l := range lines {
		switch {
		case l.kind == kindBlank || i == titleIdx: // the headline is neither body nor furniture
		case i >= first && i <= last && (l.kind == kindProse || l.kind == kindShort):
			if body.Len() > 0 {
				body.WriteByte('\n')
			}
			body.WriteString(l.text)
		default:
			furniture = append(furniture, l.text)
		}
	}
	return layout{title: title, body: body.String(), furniture: furniture}
}

// skipPreamble moves the body start below the headline and date row when
// only a little prose stands above them: a site slogan or notice ending in
// 。 would otherwise pull the headline and the metadata rows into the body.
// The line right above the date row must be a short one (the headline), so
// a date row embedded after a lead paragraph does not cut that paragraph.
func skipPreamble(lines []pageLine, first, last int) int {
	m := -1
	for i := first + 1; i <= last; i++ {
		if lines[i].dateline {
			m = i
			break
		}
	}
	if m < 0 {
		return first
	}
	if p := prevNonBlank(lines, m-1); p < 0 || lines[p].kind != kindShort {
		return first
	}
	before, prose := 0, 0
	for i := first; i < m; i++ {
		if lines[i].kind == kindProse {
			before += lines[i].runes
			prose++
		}
	}
	next, after := -1, 0
	for i := m + 1; i <= last; i++ {
		if lines[i].kind == kindProse {
			if next < 0 {
				next = i
			}
			after += lines[i].runes
		}
	}
	if next < 0 || prose > 2 || before > 200 || before*3 >= after {
		return first
	}
	return next
}

// cutRelated ends the body before a heading of related articles (相关新闻)
// that follows the first prose line: the titles and teasers under it are
// other reports, often of other places, and a page can carry hundreds.
func cutRelated(lines []pageLine, first, last int) int {
	for i := first + 1; i <= last; i++ {
		if lines[i].kind != kindProse && isRelatedHead(lines[i].text) {
			if p := prevProse(lines, first, i-1); p >= 0 {
				return p
			}
			return last
		}
	}
	return last
}

func prevProse(lines []pageLine, first, i int) int {
	for ; i >= first; i-- {
		if lines[i].kind == kindProse {
			return i
		}
	}
	return -1
}

// extendSplit takes into the body the lines directly above it that a line
// break cut out of its first sentence (a link or name set on its own line:
// "…通过了我们国家的根本法——" / "中华人民共和国宪法" / "，接着…"). Only a
// break inside a sentence counts: the lower line starts with punctuation that
// cannot open a sentence, or the upper one ends with punctuation that cannot
// close one. Headlines have neither, so they stay out.
func extendSplit(lines []pageLine, first int) int {
	for first > 0 {
		p := &lines[first-1]
		if p.kind != kindShort {
			return first
		}
		next, _ := utf8.DecodeRuneInString(lines[first].text)
		end, _ := utf8.DecodeLastRuneInString(p.text)
		if !strings.ContainsRune("，,、。；;：:》)）”’—", next) && !strings.ContainsRune("，,、；;：:《(（“‘—", end) {
			return first
		}
		first--
	}
	return first
}

func prevNonBlank(lines []pageLine, i int) int {
	for ; i >= 0; i-- {
		if lines[i].kind != kindBlank {
			return i
		}
	}
	return -1
}

// extendTruncated takes into the body the short lines after the last
// paragraph that continue a sentence: scraped pages are often cut mid-
// paragraph ("会议强调,科学精准理性有"). Clause punctuation tells such a line
// from the titles of related articles, which have none.
func extendTruncated(lines []pageLine, last int) int {
	for {
		j := nextNonBlank(lines, last+1)
		if j < 0 || lines[j].kind != kindShort || lines[j].runes < 8 ||
			!strings.ContainsAny(lines[j].text, ",，;；、") {
			return last
		}
		last = j
	}
}

func nextNonBlank(lines []pageLine, i int) int {
	for ; i < len(lines); i++ {
		if lines[i].kind != kindBlank {
			return i
		}
	}
	return -1
}

// findLine returns the index of the line that shows the HTML headline, so
// that it is not reported as furniture.
func findLine(lines []pageLine, first int, title string) int {
	cut := strings.TrimRight(title, ".…")
	for i := 0; i < len(lines) && i <= first; i++ {
		t := cleanTitle(lines[i].text)
		if lines[i].kind == kindBlank || lines[i].kind == kindProse || t == "" {
			continue
		}
		if t == title || (strings.Contains(title, t) && lines[i].runes >= 5) ||
			(cut != title && utf8.RuneCountInString(cut) >= 5 && strings.HasPrefix(t, cut)) {
			return i
		}
	}
	return -1
}

// meetingWords raise a line's chance of being the headline of a report.
var meetingWords = []struct {
	word  string
	score int
}{
	{"召开", 4}, {"举行", 4}, {"主持", 3}, {"常务会议", 3}, {"常委会", 3}, {"党组", 2},
	{"会议", 2}, {"会", 1}, {"研究", 1}, {"部署", 1},
}

// pickTitle chooses the headline among the short lines above the body: the
// one that reads most like a meeting headline, preferring lines directly
// above the metadata row or the body. A line needs some evidence to be
// taken; slogans and column names above the headline have none.
func pickTitle(lines []pageLine, first int) int {
	best, bestScore := -1, 0
	for i := 0; i < first; i++ {
		l := lines[i]
		if l.kind != kindShort || l.runes < 5 || l.runes > 80 {
			continue
		}
		score := 0
		for _, w := range meetingWords {
			if strings.Contains(l.text, w.word) {
				score += w.score
			}
		}
		if l.runes >= 8 && l.runes <= 40 {
			score++
		}
		if j := nextNonBlank(lines, i+1); j >= 0 && (lines[j].kind == kindMeta || j == first) {
			score += 2
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if bestScore < 3 {
		return -1
	}
	return best
}

// titleLabels precede a headline in some layouts (• 会议题目 • …).
var titleLabels = []string{"会议题目", "会议名称", "标题", "题目"}

// cleanTitle strips list markers and a leading headline label.
func cleanTitle(s string) string {
	s = trimBullets(s)
	for _, l := range titleLabels {
		if strings.HasPrefix(s, l) {
			s = trimBullets(strings.TrimLeft(strings.TrimPrefix(s, l), ": "))
			break
		}
	}
	return strings.TrimSpace(strings.TrimRight(s, " •●·"))
}
