package places

import (
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// cluesFromReport turns a raw report file into Clues roughly the way the
// extraction pipeline does: Traditional → Simplified, pinyin artefacts
// (區(qū)) dropped, the "# source:" line as URL, navigation and footer lines
// moved to Furniture, and the 来源/发布机构/网站标识码 values picked out.
func cluesFromReport(t testing.TB, raw string) Clues {
	t.Helper()
	var c Clues
	text := pinyinArtefact.ReplaceAllString(raw, "$1")
	text = toSimplified(t, text)
	var body, furn []string
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i, line := range lines {
		l := strings.TrimSpace(line)
		if rest, ok := strings.CutPrefix(l, "# source:"); ok {
			c.URL = strings.TrimSpace(rest)
			continue
		}
		if l == "" {
			continue
		}
		if m := sourceLine.FindStringSubmatch(l); m != nil && c.SourceName == "" {
			c.SourceName = m[1]
		}
		if m := siteCodeLine.FindStringSubmatch(l); m != nil {
			c.SiteCode = m[1]
		}
		if m := publisherLine.FindStringSubmatch(l); m != nil && c.Publisher == "" {
			c.Publisher = m[1]
		} else if l == "发布机构" && i+1 < len(lines) && c.Publisher == "" {
			c.Publisher = strings.TrimSpace(lines[i+1])
		}
		if furnitureLine.MatchString(l) {
			furn = append(furn, l)
			continue
		}
		body = append(body, l)
	}
	// A trailing run of short lines without sentences is site navigation.
	for len(body) > 0 {
		l := body[len(body)-1]
		if utf8.RuneCountInString(l) > 20 || strings.ContainsAny(l, "。，") {
			break
		}
		furn = append(furn, l)
		body = body[:len(body)-1]
	}
	for _, l := range body {
		if utf8.RuneCountInString(l) < 60 && strings.Contains(l, "会") && !strings.ContainsAny(l, "。，") {
			c.Title = l
			break
		}
	}
	c.Body = strings.Join(body, "\n")
	c.Furniture = strings.Join(furn, "\n")
	return c
}

var (
	pinyinArtefact = regexp.MustCompile(`(\p{Han})\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]+\)`)
	sourceLine     = regexp.MustCompile(`(?:^|\s)(?:文章|信息|内容)?来源[:：]\s*([^\s]+)`)
	siteCodeLine   = regexp.MustCompile(`网站标识码[:：]\s*(\d{6,})`)
	publisherLine  = regexp.MustCompile(`(?:发布机构|主办单位)[:：]\s*([^\s]+)`)
	furnitureLine  = regexp.MustCompile(`上一条|下一条|上一篇|下一篇|当前位置|您的位置|您现在的位置|Copyright|版权所有|备案|ICP|公网安备|联系电话|传\s*真|邮\s*箱|主办单位|网站支持|网站首页|智能推荐|无障碍|长者模式|字号|浏览字体|打印|政府信息公开\s+政务服务`)

	ccOnce sync.Once
	cc     *opencc.OpenCC
	ccErr  error
)

func toSimplified(t testing.TB, s string) string {
	t.Helper()
	ccOnce.Do(func() { cc, ccErr = opencc.New("t2s") })
	if ccErr != nil {
		t.Fatalf("loading opencc t2s: %v", ccErr)
	}
	out, err := cc.Convert(s)
	if err != nil {
		t.Fatalf("converting to simplified: %v", err)
	}
	return out
}
