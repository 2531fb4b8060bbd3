package textnorm

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Normalize decodes one report and normalizes it. Errors wrap ErrEmpty,
// ErrBinary or ErrUndecodable and name the input.
func Normalize(raw []byte, opt Options) (Doc, error) {
	name := opt.Name
	if name == "" {
		name = "input"
	}
	htmlHint := opt.HTML || isHTMLName(opt.Name)
	text, enc, err := decode(raw, htmlHint)
	if err != nil {
		return Doc{}, fmt.Errorf("normalizing %s: %w", name, err)
	}
	doc := Doc{Encoding: enc, Format: "text", Script: scriptSimplified, Lang: "zh"}

	var info htmlInfo
	if htmlHint || sniffHTML(unsafeBytes(text[:min(len(text), 1024)])) {
		doc.Format = "html"
		text, info = htmlToText(text)
	}
	doc.Original = text

	sourceURL, rest := cutSourceLine(text)
	var folded string
	var st foldStats
	if doc.Format == "text" {
		folded, st = foldValid(rest) // decode returns valid UTF-8, cut at a line break
	} else {
		folded, st = fold(rest)
	}
	if folded == "" {
		return Doc{}, fmt.Errorf("normalizing %s: no visible text: %w", name, ErrEmpty)
	}
	if st.han*4 < st.latin {
		doc.Lang = "en"
	}
	traditional := isTraditional(st)
	if traditional {
		doc.Script = scriptTraditional
		if folded, err = toSimplified(folded); err != nil {
			return Doc{}, fmt.Errorf("normalizing %s: %w", name, err)
		}
	}

	var spam spamScan
	cands := anySpam // Simplified characters are not those folding saw
	if !traditional {
		cands = spamCandidates{branded: st.spamPair, chains: st.spamSep}
	}
	clean, found := spam.removeIn(folded, cands)
	if len(found) > 0 {
		clean, _ = fold(clean) // removal can leave empty lines or double spaces
		if clean == "" {
			return Doc{}, fmt.Errorf("normalizing %s: only spam: %w", name, ErrEmpty)
		}
	}

	var mb metaBuilder
	title := ""
	if doc.Format == "html" {
		title, found = htmlTitle(info, traditional, &spam, found)
		applyHTMLMeta(&mb, info, traditional)
	}
	doc.Text = clean
	doc.Spam = len(found) > 0
	doc.SpamStrings = dedupe(found)

	lay := splitPage(clean, &mb, title)
	doc.Title, doc.Body, doc.Furniture = lay.title, lay.body, lay.furniture
	doc.Meta = mb.m
	doc.Meta.URL = firstNonEmpty(absoluteURL(sourceURL), absoluteURL(opt.URL),
		absoluteURL(info.canonical), absoluteURL(info.ogURL))
	return doc, nil
}

// Simplify normalizes a short string, typically a query typed by a user, the
// way Normalize normalizes Text (width folding, pinyin removal,
// Traditional→Simplified when the string is Traditional), so that it matches
// Text.
func Simplify(s string) string {
	folded, st := fold(s)
	if isTraditional(st) {
		if out, err := toSimplified(folded); err == nil {
			return out
		}
	}
	return folded
}

// normalizeFragment normalizes a string from outside the page text (an HTML
// title or meta value) as Text was normalized.
func normalizeFragment(s string, traditional bool, spam *spamScan) (string, []string) {
	folded, st := fold(s)
	if traditional || isTraditional(st) {
		if out, err := toSimplified(folded); err == nil {
			folded = out
		}
	}
	clean, found := spam.remove(folded)
	if len(found) > 0 {
		clean, _ = fold(clean)
	}
	return strings.TrimSpace(clean), found
}

// cutSourceLine splits off a first line "# source: URL", the provenance line
// that the crawler writes above the page text.
func cutSourceLine(text string) (string, string) {
	t := strings.TrimLeft(text, " \t\r\n\ufeff")
	line, rest, _ := strings.Cut(t, "\n")
	l := strings.TrimSpace(line)
	if !strings.HasPrefix(l, "#") {
		return "", text
	}
	l = strings.TrimSpace(strings.TrimPrefix(l, "#"))
	if len(l) < 7 || !strings.EqualFold(l[:7], "source:") {
		return "", text
	}
	return strings.TrimSpace(l[7:]), rest
}

// htmlTitle picks the headline from the markup: the CMS ArticleTitle, else
// an <h1> that the <title> repeats, else the <title> without its site-name
// suffix, else the first <h1>.
func htmlTitle(info htmlInfo, traditional bool, spam *spamScan, found []string) (string, []string) {
	norm := func(s string) string {
		out, f := normalizeFragment(s, traditional, spam)
		found = append(found, f...)
		return out
	}
	if t := norm(info.metaTitle); t != "" {
		return t, found
	}
	title := norm(info.title)
	var h1s []string
	for _, h := range info.h1 {
		if t := norm(h); t != "" {
			h1s = append(h1s, t)
		}
	}
	for _, h := range h1s {
		if utf8.RuneCountInString(h) >= 4 && strings.Contains(title, h) && !siteNameLike(h) {
			return h, found
		}
	}
	if head := stripSiteName(title); head != "" && !siteNameLike(head) {
		return head, found
	}
	for _, h := range h1s {
		if !siteNameLike(h) {
			return h, found
		}
	}
	return "", found
}

// stripSiteName cuts "headline_某某区人民政府" or "headline - 某某网". A bare
// "-" only counts between non-digits, so 2022-2024年 stays whole.
func stripSiteName(title string) string {
	for _, sep := range []string{"_", " - ", " | ", "|", " — ", "——", "--", "-"} {
		from := 0
		for {
			i := strings.Index(title[from:], sep)
			if i < 0 {
				break
			}
			i += from
			from = i + len(sep)
			if sep == "-" && (i == 0 || isDigit(title[i-1]) || (from < len(title) && isDigit(title[from]))) {
				continue
			}
			if head := strings.TrimSpace(title[:i]); utf8.RuneCountInString(head) >= 5 {
				return head
			}
			break
		}
	}
	return title
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// siteNameLike reports a <title> that names the site rather than the
// article (某某区人民政府门户网站): the text headline is better then.
func siteNameLike(t string) bool {
	if containsAny(t, []string{"召开", "会议", "主持", "研究", "部署"}) {
		return false
	}
	for _, suf := range []string{"人民政府", "政府", "政府网", "门户网站", "网站", "网", "首页", "在线", "融媒", "新闻"} {
		if strings.HasSuffix(t, suf) {
			return true
		}
	}
	return false
}

// applyHTMLMeta stores the publication <meta> tags; labelled lines in the
// text, read later, take precedence only where they rank higher.
func applyHTMLMeta(mb *metaBuilder, info htmlInfo, traditional bool) {
	if info.pubDate != "" {
		if d, ok := parseDate(strings.TrimSpace(info.pubDate)); ok {
			mb.setPublished(d, info.pubEvidence, 1)
		}
	}
	var none spamScan
	if info.source != "" {
		src, _ := normalizeFragment(info.source, traditional, &none)
		mb.set(&metaLabel{field: fieldSource, rank: 1}, src, "")
	}
	if info.siteCode != "" {
		mb.set(&metaLabel{field: fieldSiteCode, rank: 1}, strings.TrimSpace(info.siteCode), "")
	}
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func dedupe(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	out := make([]string, 0, len(ss))
	seen := make(map[string]bool, len(ss))
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
