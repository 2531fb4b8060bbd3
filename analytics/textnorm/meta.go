package textnorm

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// metaField names where a labelled value goes.
type metaField int

const (
	fieldNone metaField = iota // a known label whose value is not kept
	fieldPublished
	fieldGenerated
	fieldSource
	fieldSiteCode
	fieldIndexNo
	fieldPublisher
)

// metaLabel is a label of the page furniture. Labels are matched at the
// start of a line or after a space; loose labels (时间, 来源, 作者…) also
// occur in prose and so need a colon, while disclosure-table labels (索引号,
// 生成日期…) are also recognised before a space or alone on a line.
type metaLabel struct {
	name     string
	field    metaField
	rank     int  // preference among labels of one field, lower wins
	loose    bool // needs a colon
	tabular  bool // a disclosure header row label: the line is furniture
	oneToken bool // the value ends at the first space
}

var metaLabels = sortedLabels([]metaLabel{
	{name: "发布时间", field: fieldPublished, rank: 1, oneToken: true},
	{name: "发布日期", field: fieldPublished, rank: 1, oneToken: true},
	{name: "发稿时间", field: fieldPublished, rank: 1, oneToken: true},
	{name: "发表时间", field: fieldPublished, rank: 1, oneToken: true},
	{name: "公开日期", field: fieldPublished, rank: 2, tabular: true, oneToken: true},
	{name: "公开时间", field: fieldPublished, rank: 2, tabular: true, oneToken: true},
	{name: "更新时间", field: fieldPublished, rank: 3, oneToken: true},
	{name: "更新日期", field: fieldPublished, rank: 3, oneToken: true},
	{name: "日期", field: fieldPublished, rank: 4, loose: true, oneToken: true},
	{name: "时间", field: fieldPublished, rank: 4, loose: true, oneToken: true},
	{name: "生成日期", field: fieldGenerated, rank: 1, tabular: true, oneToken: true},
	{name: "成文日期", field: fieldGenerated, rank: 1, tabular: true, oneToken: true},
	{name: "发文日期", field: fieldGenerated, rank: 1, tabular: true, oneToken: true},
	{name: "文章来源", field: fieldSource, rank: 1, loose: true, oneToken: true},
	{name: "内容来源", field: fieldSource, rank: 1, loose: true, oneToken: true},
	{name: "信息来源", field: fieldSource, rank: 1, loose: true, oneToken: true},
	{name: "稿件来源", field: fieldSource, rank: 1, loose: true, oneToken: true},
	{name: "新闻来源", field: fieldSource, rank: 1, loose: true, oneToken: true},
	{name: "来源", field: fieldSource, rank: 2, loose: true, oneToken: true},
	{name: "网站标识码", field: fieldSiteCode, rank: 1, oneToken: true},
	{name: "信息索引号", field: fieldIndexNo, rank: 1, tabular: true, oneToken: true},
	{name: "索引号", field: fieldIndexNo, rank: 1, tabular: true, oneToken: true},
	{name: "发布机构", field: fieldPublisher, rank: 1, tabular: true, oneToken: true},
	{name: "发文机关", field: fieldPublisher, rank: 1, tabular: true, oneToken: true},
	{name: "发布单位", field: fieldPublisher, rank: 1, oneToken: true},
	{name: "主办单位", field: fieldPublisher, rank: 2, oneToken: true},
	// Labels whose values are not kept, listed so that they end the value
	// before them and mark disclosure rows.
	{name: "文件编号", tabular: true}, {name: "文号", tabular: true}, {name: "公开时限", tabular: true},
	{name: "公开形式", tabular: true}, {name: "公开方式", tabular: true}, {name: "公开范围", tabular: true},
	{name: "有效期", tabular: true}, {name: "公开程序", tabular: true}, {name: "体裁", tabular: true},
	{name: "主题(一级)", tabular: true}, {name: "主题(二级)", tabular: true}, {name: "主题分类", tabular: true},
	{name: "主题词", tabular: true}, {name: "关键词", tabular: true}, {name: "效力状况", tabular: true},
	{name: "内容概述", tabular: true}, {name: "公文目录", tabular: true}, {name: "责任部门", tabular: true},
	{name: "是否有效", tabular: true}, {name: "所属机构", tabular: true}, {name: "组配分类", tabular: true},
	{name: "服务对象", tabular: true}, {name: "体裁分类", tabular: true}, {name: "文件下载", tabular: true},
	{name: "时效性", tabular: true}, {name: "信息分类", tabular: true}, {name: "公开类别", tabular: true},
	{name: "作者", loose: true}, {name: "责任编辑", loose: true}, {name: "编辑", loose: true},
	{name: "审核", loose: true}, {name: "校对", loose: true}, {name: "供稿", loose: true},
	{name: "访问量", loose: true}, {name: "浏览次数", loose: true}, {name: "点击数", loose: true},
	{name: "阅读次数", loose: true}, {name: "阅读量", loose: true}, {name: "字号", loose: true},
	{name: "字体", loose: true}, {name: "发布开发区", loose: true}, {name: "承办单位"}, {name: "协办单位"},
	{name: "备案", loose: true}, {name: "联系电话", loose: true}, {name: "通讯员", loose: true},
	{name: "记者", loose: true}, {name: "摄影", loose: true}, {name: "分享到", loose: true},
})

// labelsByFirst indexes metaLabels by their first rune.
var labelsByFirst = func() map[rune][]*metaLabel {
	m := map[rune][]*metaLabel{}
	for i := range metaLabels {
		r, _ := utf8.DecodeRuneInString(metaLabels[i].name)
		m[r] = append(m[r], &metaLabels[i])
	}
	return m
}()

func sortedLabels(ls []metaLabel) []metaLabel {
	// Longest first so that 文章来源 wins over 来源 at the same position.
	for i := 1; i < len(ls); i++ {
		for j := i; j > 0 && len(ls[j].name) > len(ls[j-1].name); j-- {
			ls[j], ls[j-1] = ls[j-1], ls[j]
		}
	}
	return ls
}

// labelHit is one label found in a line.
type labelHit struct {
	label      *metaLabel
	start, end int // label text; end includes a following colon
	colon      bool
}

// findLabels returns the labels at word starts of line (start of line or
// after a space or bracket) that are followed by a colon, a space or the end
// of the line as their kind allows.
func findLabels(line string) []labelHit {
	var hits []labelHit
	for i := 0; i < len(line); {
		if i > 0 && !labelBoundary(line, i) {
			i = afterBoundary(line, i)
			continue
		}
		hit, ok := labelAt(line, i)
		if !ok {
			i = afterBoundary(line, i)
			continue
		}
		hits = append(hits, hit)
		i = hit.end
	}
	return hits
}

// afterBoundary returns the offset just past the first boundary rune (see
// labelBoundary) at or after the rune at i, or len(line): the next offset
// where a label can start. Most lines are prose with no boundary at all;
// finding that by bytes costs far less than decoding the rune before every
// offset. The boundaries' bytes never occur inside another character.
func afterBoundary(line string, i int) int {
	for k := i; k < len(line); k++ {
		switch line[k] {
		case ' ', '[', ']', '|', '(', ')', '/':
			return k + 1
		case 0xE3: // 【 】
			if strings.HasPrefix(line[k:], "【") || strings.HasPrefix(line[k:], "】") {
				return k + len("【")
			}
		case 0xE2: // •
			if strings.HasPrefix(line[k:], "•") {
				return k + len("•")
			}
		case 0xC2: // ·
			if strings.HasPrefix(line[k:], "·") {
				return k + len("·")
			}
		}
	}
	return len(line)
}

func labelBoundary(line string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(line[:i])
	switch r {
	case ' ', '[', ']', '【', '】', '|', '(', ')', '•', '·', '/':
		return true
	}
	return false
}

func labelAt(line string, i int) (labelHit, bool) {
	r, _ := utf8.DecodeRuneInString(line[i:])
	for _, l := range labelsByFirst[r] {
		if !strings.HasPrefix(line[i:], l.name) {
			continue
		}
		end := i + len(l.name)
		rest := line[end:]
		switch {
		case strings.HasPrefix(rest, ":"):
			return labelHit{label: l, start: i, end: end + 1, colon: true}, true
		case strings.HasPrefix(rest, " :"):
			return labelHit{label: l, start: i, end: end + 2, colon: true}, true
		case !l.loose && (rest == "" || rest[0] == ' '):
			return labelHit{label: l, start: i, end: end}, true
		}
		return labelHit{}, false
	}
	return labelHit{}, false
}

// labelValues pairs each hit with its value: the text up to the next label.
func labelValues(line string, hits []labelHit) []string {
	vals := make([]string, len(hits))
	for k, h := range hits {
		end := len(line)
		if k+1 < len(hits) {
			end = hits[k+1].start
		}
		v := strings.TrimSpace(line[h.end:end])
		if h.label.oneToken {
			if i := strings.IndexByte(v, ' '); i >= 0 && h.label.field != fieldPublished {
				v = v[:i]
			}
		}
		vals[k] = strings.Trim(v, "[]【】 ")
	}
	return vals
}

// metaBuilder collects metadata, keeping the most preferred value per field.
type metaBuilder struct {
	m         Meta
	pubRank   int
	pubLine   string
	genRank   int
	srcRank   int
	publRank  int
	siteRank  int
	indexRank int
}

const rankBareDate = 5

func (mb *metaBuilder) set(l *metaLabel, value, evidence string) {
	if value == "" {
		return
	}
	take := func(rank *int) bool {
		if *rank != 0 && *rank <= l.rank {
			return false
		}
		*rank = l.rank
		return true
	}
	switch l.field {
	case fieldPublished:
		mb.setPublished(value, evidence, l.rank)
	case fieldGenerated:
		if d, ok := parseDate(value); ok && take(&mb.genRank) {
			mb.m.Generated = d
		}
	case fieldSource:
		if take(&mb.srcRank) {
			mb.m.SourceName = value
		}
	case fieldSiteCode:
		if take(&mb.siteRank) {
			mb.m.SiteCode = value
		}
	case fieldIndexNo:
		if take(&mb.indexRank) {
			mb.m.IndexNo = value
		}
	case fieldPublisher:
		if take(&mb.publRank) {
			mb.m.Publisher = value
		}
	}
}

func (mb *metaBuilder) setPublished(value, evidence string, rank int) bool {
	if mb.pubRank != 0 && mb.pubRank <= rank {
		return false
	}
	d, ok := parseDate(value)
	if !ok {
		return false
	}
	mb.pubRank = rank
	mb.m.Published = d
	mb.m.PublishedEvidence = evidence
	return true
}

// parseDate reads a date at the start of s: 2022-04-22, 2022年4月22日,
// 2022/4/22, 2022.04.22, 20220422 and 二〇二二年四月二十二日, with an optional
// time after it, and returns it as YYYY-MM-DD.
func parseDate(s string) (string, bool) {
	d, _, ok := scanDate(s)
	return d, ok
}

// scanDate is parseDate that also returns the byte length of the date.
func scanDate(s string) (string, int, bool) {
	if s == "" {
		return "", 0, false
	}
	if s[0] >= '0' && s[0] <= '9' {
		return scanDigitDate(s)
	}
	return scanHanDate(s)
}

func scanDigitDate(s string) (string, int, bool) {
	i := 0
	num := func(maxDigits int) (int, bool) {
		n, d := 0, 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' && d < maxDigits {
			n = n*10 + int(s[i]-'0')
			i++
			d++
		}
		return n, d > 0
	}
	skipSpaces := func() {
		for i < len(s) && s[i] == ' ' {
			i++
		}
	}
	y, ok := num(4)
	if !ok || i != 4 {
		return "", 0, false
	}
	if i < len(s) && s[i] >= '0' && s[i] <= '9' {
		// 20220422
		m, _ := num(2)
		d, _ := num(2)
		if i != 8 || (i < len(s) && s[i] >= '0' && s[i] <= '9') {
			return "", 0, false
		}
		return validDate(y, m, d, i)
	}
	skipSpaces()
	var sep string
	switch {
	case strings.HasPrefix(s[i:], "年"):
		sep = "年"
	case i < len(s) && (s[i] == '-' || s[i] == '/' || s[i] == '.'):
		sep = s[i : i+1]
	default:
		return "", 0, false
	}
	i += len(sep)
	skipSpaces()
	m, ok := num(2)
	if !ok {
		return "", 0, false
	}
	skipSpaces()
	switch {
	case sep == "年" && strings.HasPrefix(s[i:], "月"):
		i += len("月")
	case sep != "年" && strings.HasPrefix(s[i:], sep):
		i += len(sep)
	default:
		return "", 0, false
	}
	skipSpaces()
	d, ok := num(2)
	if !ok {
		return "", 0, false
	}
	if i < len(s) && s[i] >= '0' && s[i] <= '9' {
		return "", 0, false
	}
	if sep == "年" {
		skipSpaces()
		if strings.HasPrefix(s[i:], "日") {
			i += len("日")
		} else if strings.HasPrefix(s[i:], "号") {
			i += len("号")
		}
	}
	return validDate(y, m, d, i)
}

func validDate(y, m, d, n int) (string, int, bool) {
	if y < 1949 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", 0, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return "", 0, false // 2月30日
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), n, true
}

var hanDigits = map[rune]int{
	'〇': 0, '零': 0, 'O': 0, 'o': 0, '○': 0, '一': 1, '二': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

// scanHanDate reads 二〇二二年四月二十二日, the form of signed documents.
func scanHanDate(s string) (string, int, bool) {
	i := 0
	y, digits := 0, 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		v, ok := hanDigits[r]
		if !ok {
			break
		}
		y = y*10 + v
		digits++
		i += size
	}
	if digits != 4 || !strings.HasPrefix(s[i:], "年") {
		return "", 0, false
	}
	i += len("年")
	m, n := hanNumber(s[i:])
	if n == 0 || !strings.HasPrefix(s[i+n:], "月") {
		return "", 0, false
	}
	i += n + len("月")
	d, n := hanNumber(s[i:])
	if n == 0 {
		return "", 0, false
	}
	i += n
	if strings.HasPrefix(s[i:], "日") {
		i += len("日")
	}
	return validDate(y, m, d, i)
}

// hanNumber reads 1–31 written as 四, 十二, 二十二, 三十一.
func hanNumber(s string) (int, int) {
	val, i, seenTen := 0, 0, false
	cur := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '十' {
			if seenTen {
				break
			}
			if cur == 0 {
				cur = 1
			}
			val, cur, seenTen = cur*10, 0, true
			i += size
			continue
		}
		v, ok := hanDigits[r]
		if !ok || v == 0 || r == 'O' || r == 'o' {
			break
		}
		cur = v
		i += size
	}
	return val + cur, i
}

// leadingDate reports whether line starts with a date and holds little else
// (a time, or more labels): the date line under a headline.
func leadingDate(line string) (string, bool) {
	d, n, ok := scanDate(line)
	if !ok {
		return "", false
	}
	rest := strings.TrimSpace(line[n:])
	rest = strings.TrimSpace(skipClock(rest))
	if rest == "" || strings.HasPrefix(rest, "[") || strings.HasPrefix(rest, "【") || len(findLabels(rest)) > 0 ||
		strings.HasPrefix(rest, "星期") || strings.HasPrefix(rest, "周") {
		return d, true
	}
	return "", false
}

// skipClock drops a leading 10:24 or 08:00:00.
func skipClock(s string) string {
	i := 0
	for part := 0; part < 3; part++ {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i || j-i > 2 {
			break
		}
		i = j
		if i < len(s) && s[i] == ':' && part < 2 {
			i++
			continue
		}
		break
	}
	if i > 0 && strings.Contains(s[:i], ":") {
		return s[i:]
	}
	return s
}
